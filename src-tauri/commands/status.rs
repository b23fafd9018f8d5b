//! The app frame: status, language and the other preferences of Réglages.

use chariot_core::AppError;
use chariot_core::ipc::{SetLanguageRequest, UpdateSettingsRequest, events};
use chariot_core::status::AppStatus;
use tauri::{AppHandle, Emitter, Runtime, State};

use crate::AppState;

#[tauri::command]
pub fn app_status(state: State<'_, AppState>) -> Result<AppStatus, AppError> {
    state.with_console(|c| c.status())
}

#[tauri::command]
pub fn set_language<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: SetLanguageRequest,
) -> Result<AppStatus, AppError> {
    let status = state.with_console(|c| c.set_language(request.language))?;
    let _ = app.emit(events::STATUS_CHANGED, &status);
    Ok(status)
}

#[tauri::command]
pub fn update_settings(
    state: State<'_, AppState>,
    request: UpdateSettingsRequest,
) -> Result<AppStatus, AppError> {
    state.with_console(|c| c.update_settings(&request))
}
