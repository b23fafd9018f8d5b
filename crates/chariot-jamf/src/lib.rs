//! Jamf Pro client for Chariot: the Jamf Pro API (JSON) and the Classic API, as described in
//! `shared/reference/jamf-pro-api.md`.
//!
//! What it owns: authentication (user bearer tokens with keep-alive, OAuth API clients), version
//! gating, paging that knows about the silent 2000-row clamp, at most 5 requests in flight per
//! server, GET retries with back-off that honour `Retry-After`, and typed models that tolerate
//! unknown fields. Writes are never retried automatically. HTTPS is required except on loopback
//! (the simulator). It must not depend on tauri, on SQLite or on any other Chariot crate.

mod answer;
pub mod auth;
pub mod client;
pub mod commands;
pub mod error;
pub mod history;
pub mod inventory;
pub mod models;
pub mod msu;
mod retry;
pub mod secret;
pub mod server;
pub mod version;
pub mod xml;

pub use auth::Credentials;
pub use client::{ClientOptions, JamfClient};
pub use commands::{CommandState, CommandStatus};
pub use error::JamfError;
pub use history::{HistoryCommand, HistoryState};
pub use msu::PlanStatus;
pub use secret::Secret;
pub use server::ServerUrl;
pub use version::JamfVersion;
