use std::sync::Mutex;

use chariot_core::{AppError, Console};

/// What the shell keeps for the lifetime of the app.
pub struct AppState {
    console: Mutex<Console>,
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
