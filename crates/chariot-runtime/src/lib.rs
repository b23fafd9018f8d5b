//! Chariot's app layer: what every host shares. The desktop window (src-tauri), the `chariot`
//! command line and the tests each implement the small [`Host`] trait (events, background
//! tasks, keychain, clock, save dialog) and get the same behaviour: one sync at a time with
//! throttled progress, jobs sent once and polled with one back-off, the server-profile rules,
//! the same errors — and the IPC contract (`contract.rs`), declared once.

pub mod app;
pub mod backoff;
pub mod contract;
pub mod error;
pub mod host;
mod job_runner;
mod jobs;
mod profiles;
mod screens;
pub mod session;
mod sync_runner;
pub mod types;

pub use app::App;
pub use backoff::Backoff;
pub use error::RuntimeError;
pub use host::{BoxFuture, Event, Host};
