//! The sync button: start (returns at once; progress and end arrive as events) and cancel.

use chariot_core::AppError;
use chariot_core::ipc::StartSyncRequest;
use chariot_core::status::AppStatus;
use tauri::{AppHandle, Runtime, State};

use crate::AppState;

#[tauri::command]
pub fn start_sync<R: Runtime>(
    app: AppHandle<R>,
    request: StartSyncRequest,
) -> Result<AppStatus, AppError> {
    crate::sync_runner::start(&app, request.full)
}

#[tauri::command]
pub fn cancel_sync(state: State<'_, AppState>) {
    crate::sync_runner::cancel(&state);
}
