//! IPC commands: each a few lines into chariot-core, errors as `{code, message, hint, retryable}`.
//! Grouped by what the UI does with them.

pub mod connection;
pub mod jobs;
pub mod screens;
pub mod status;
pub mod sync;
