//! The screens' reads (always the local snapshot) and the inventory export.

use chariot_core::ipc::{ExportRequest, ExportResult, IdRequest};
use chariot_core::views::{
    self, Dashboard, DeviceDetail, DeviceHistory, DeviceRowsRequest, InventoryRequest,
    InventoryResult, InventoryRow,
};
use chariot_core::{AppError, ErrorCode};
use tauri::{AppHandle, Runtime, State};

use crate::AppState;

#[tauri::command]
pub fn dashboard(state: State<'_, AppState>) -> Result<Dashboard, AppError> {
    state.with_console(|c| {
        let synced_at = c.snapshot()?.synced_at;
        views::dashboard::dashboard(
            c.store()?,
            c.settings().stale_after_days,
            chrono::Utc::now(),
            synced_at,
        )
    })
}

#[tauri::command]
pub fn inventory_query(
    state: State<'_, AppState>,
    request: InventoryRequest,
) -> Result<InventoryResult, AppError> {
    state.with_console(|c| views::inventory::query(c.store()?, &request, c.stale_before()))
}

#[tauri::command]
pub fn inventory_rows(
    state: State<'_, AppState>,
    request: DeviceRowsRequest,
) -> Result<Vec<InventoryRow>, AppError> {
    state.with_console(|c| views::inventory::rows(c.store()?, &request.ids, c.stale_before()))
}

#[tauri::command]
pub fn device_detail(
    state: State<'_, AppState>,
    request: IdRequest,
) -> Result<DeviceDetail, AppError> {
    state.with_console(|c| views::device::detail(c.store()?, &request.id, c.stale_before()))
}

#[tauri::command]
pub fn device_history(
    state: State<'_, AppState>,
    request: IdRequest,
) -> Result<DeviceHistory, AppError> {
    state.with_console(|c| views::device::history(c.store()?, &request.id))
}

/// Reads the history from the server (the only screen read that needs the network), caches
/// it, and returns what is now cached.
#[tauri::command]
pub async fn refresh_device_history(
    state: State<'_, AppState>,
    request: IdRequest,
) -> Result<DeviceHistory, AppError> {
    let (profile, database) = state.with_console(|c| {
        let profile = c.active_profile().cloned().ok_or_else(|| {
            AppError::new(ErrorCode::InvalidInput, "no server is configured")
                .with_hint("Connect to Jamf Pro or try the demonstration school first.")
        })?;
        Ok((profile, c.database_path()))
    })?;
    let client = crate::session::client_for(&state, &profile).await?;
    let result = chariot_core::connection::refresh_history(&client, &database, &request.id).await;
    if let Err(e) = &result
        && e.code == ErrorCode::Network
    {
        state.with_console(|c| {
            c.set_reachable(false);
            Ok(())
        })?;
    }
    result?;
    state.with_console(|c| {
        c.set_reachable(true);
        views::device::history(c.store()?, &request.id)
    })
}

/// The save dialog of "Exporter". `CHARIOT_EXPORT_DIR` answers it without a dialog (scripted
/// runs and the end-to-end tests, which cannot drive a native dialog).
#[tauri::command]
pub async fn choose_export_path<R: Runtime>(
    app: AppHandle<R>,
    default_name: String,
) -> Result<Option<String>, AppError> {
    if let Some(dir) = std::env::var_os("CHARIOT_EXPORT_DIR") {
        return Ok(Some(
            std::path::Path::new(&dir)
                .join(&default_name)
                .display()
                .to_string(),
        ));
    }
    use tauri_plugin_dialog::DialogExt;
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_file_name(&default_name)
        .save_file(move |path| {
            let _ = tx.send(path);
        });
    let chosen = rx
        .await
        .map_err(|_| AppError::internal("the save dialog closed without an answer"))?;
    Ok(chosen
        .and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string()))
}

#[tauri::command]
pub fn export_inventory(
    state: State<'_, AppState>,
    request: ExportRequest,
) -> Result<ExportResult, AppError> {
    state.with_console(|c| chariot_core::export::export_to_file(c.store()?, &request, c.lang()))
}
