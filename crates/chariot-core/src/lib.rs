//! Chariot's domain model and use cases, independent of any host.
//!
//! This crate holds what the desktop app, the `chariot` command line and the tests share: the
//! error model that crosses the IPC boundary, the user's settings, the status of the local
//! snapshot and the types the UI sees. It must never depend on tauri (or any UI toolkit): the
//! desktop shell calls into it, not the other way round.

pub mod actions;
pub mod connection;
pub mod console;
pub mod demo;
pub mod error;
pub mod export;
pub mod fleet;
pub mod ipc;
pub mod jobs;
pub mod labels;
pub mod locale;
pub mod profiles;
pub mod redact;
pub mod secrets;
pub mod settings;
pub mod status;
mod store_error;
pub mod sync;
pub mod views;

pub use console::{Console, ConsolePaths};
pub use error::{AppError, ErrorCode, ErrorDetail};
