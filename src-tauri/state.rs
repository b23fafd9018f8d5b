use std::sync::Mutex;

use chariot_core::demo::DemoSchool;
use chariot_core::sync::CancelFlag;
use chariot_core::{AppError, Console};

/// The demonstration school while the app runs. `cut` simulates a network cut (the simulator
/// is stopped and requests fail for real) so the offline mode can be tried.
#[derive(Default)]
pub struct DemoState {
    pub school: Option<DemoSchool>,
    /// The address the school had before it was stopped: requests to it are refused.
    pub last_url: Option<String>,
    pub cut: bool,
}

/// What the shell keeps for the lifetime of the app.
pub struct AppState {
    console: Mutex<Console>,
    /// The running sync's cancel flag; `None` when no sync runs.
    pub(crate) sync: Mutex<Option<CancelFlag>>,
    /// The jobs a runner is sending or polling now (one runner per job).
    pub(crate) jobs: Mutex<std::collections::HashSet<i64>>,
    /// Running jobs the user asked to send again (retry): their runner submits at its next turn.
    pub(crate) resubmit: Mutex<std::collections::HashSet<i64>>,
    pub(crate) demo: tokio::sync::Mutex<DemoState>,
    // Flushes the log file on exit; dropped with the state.
    _log_guard: Option<tracing_appender::non_blocking::WorkerGuard>,
}

impl AppState {
    pub fn new(
        console: Console,
        log_guard: Option<tracing_appender::non_blocking::WorkerGuard>,
    ) -> Self {
        Self {
            console: Mutex::new(console),
            sync: Mutex::new(None),
            jobs: Mutex::new(std::collections::HashSet::new()),
            resubmit: Mutex::new(std::collections::HashSet::new()),
            demo: tokio::sync::Mutex::new(DemoState::default()),
            _log_guard: log_guard,
        }
    }

    /// Runs `f` with the console. A poisoned lock (a panic in an earlier command) is reported
    /// as an internal error instead of taking the whole app down.
    pub fn with_console<T>(
        &self,
        f: impl FnOnce(&mut Console) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let mut console = self.console.lock().map_err(|_| {
            AppError::internal("the console state was left inconsistent by an earlier error")
        })?;
        f(&mut console)
    }
}
