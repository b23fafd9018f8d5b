//! What a host (the desktop window, the command line, a test) provides to the app layer: where
//! events go, how work runs in the background, the keychain, the clock and the save dialog.
//! Everything else — when to sync, how to poll a job, the profile rules — is written once here.

use std::future::Future;
use std::pin::Pin;

use chariot_core::AppError;
use chariot_core::actions::JobSummary;
use chariot_core::secrets::Keychain;
use chariot_core::status::AppStatus;
use chariot_core::sync::SyncProgress;
use chrono::{DateTime, Utc};

pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send + 'static>>;

/// What the app layer tells the window (or prints, or records in a test).
#[derive(Debug, Clone)]
pub enum Event {
    /// Anything in the status changed (sync state, connection, snapshot, settings).
    Status(Box<AppStatus>),
    /// A running sync moved on (a few times a second at most).
    SyncProgress(SyncProgress),
    /// A device of a job changed state.
    JobChanged(JobSummary),
}

impl Event {
    /// The event's name on the IPC boundary; the UI listens to these exact strings.
    pub fn name(&self) -> &'static str {
        match self {
            Event::Status(_) => chariot_core::ipc::events::STATUS_CHANGED,
            Event::SyncProgress(_) => chariot_core::ipc::events::SYNC_PROGRESS,
            Event::JobChanged(_) => chariot_core::ipc::events::JOB_CHANGED,
        }
    }

    /// The payload as the UI receives it.
    pub fn payload(&self) -> serde_json::Value {
        let value = match self {
            Event::Status(s) => serde_json::to_value(s.as_ref()),
            Event::SyncProgress(p) => serde_json::to_value(p),
            Event::JobChanged(j) => serde_json::to_value(j),
        };
        value.unwrap_or(serde_json::Value::Null)
    }
}

pub trait Host: Send + Sync + 'static {
    /// Delivers an event; never blocks for long.
    fn emit(&self, event: Event);

    /// Runs `task` in the background on the host's async runtime.
    fn spawn(&self, task: BoxFuture<()>);

    /// Where secrets live: the OS keychain (tests use a namespace of their own).
    fn keychain(&self) -> Keychain {
        Keychain::default()
    }

    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    /// Asks where to save an export; `None` when the user cancelled. Hosts without a dialog
    /// answer with a file in the current folder.
    fn choose_save_path(
        &self,
        default_name: String,
    ) -> BoxFuture<Result<Option<String>, AppError>> {
        Box::pin(async move { Ok(Some(default_name)) })
    }
}
