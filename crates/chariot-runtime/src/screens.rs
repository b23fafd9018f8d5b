//! The frame and the screens' reads (always the local snapshot, except a device's history),
//! Réglages, and the inventory export.

use chariot_core::AppError;
use chariot_core::ipc::{
    ExportPathRequest, ExportRequest, ExportResult, IdRequest, SavePathRequest, SetLanguageRequest,
    StartSyncRequest, UpdateSettingsRequest,
};
use chariot_core::status::AppStatus;
use chariot_core::views::{
    self, Dashboard, DeviceDetail, DeviceHistory, DeviceRowsRequest, InventoryRequest,
    InventoryResult, InventoryRow, SyncRunView,
};

use crate::app::App;
use crate::host::{Event, Host};

impl<H: Host> App<H> {
    pub async fn app_status(&self) -> Result<AppStatus, AppError> {
        self.status()
    }

    pub async fn set_language(&self, request: SetLanguageRequest) -> Result<AppStatus, AppError> {
        let status = self.with_console(|c| c.set_language(request.language))?;
        self.host().emit(Event::Status(Box::new(status.clone())));
        Ok(status)
    }

    pub async fn update_settings(
        &self,
        request: UpdateSettingsRequest,
    ) -> Result<AppStatus, AppError> {
        self.with_console(|c| c.update_settings(&request))
    }

    pub async fn start_sync_command(
        &self,
        request: StartSyncRequest,
    ) -> Result<AppStatus, AppError> {
        self.start_sync(request.full)
    }

    pub async fn cancel_sync_command(&self) -> Result<(), AppError> {
        self.cancel_sync();
        Ok(())
    }

    pub async fn dashboard(&self) -> Result<Dashboard, AppError> {
        let now = self.host().now();
        self.with_console(|c| {
            let synced_at = c.snapshot()?.synced_at;
            views::dashboard::dashboard(c.store()?, c.settings().stale_after_days, now, synced_at)
        })
    }

    pub async fn inventory_query(
        &self,
        request: InventoryRequest,
    ) -> Result<InventoryResult, AppError> {
        self.with_console(|c| views::inventory::query(c.store()?, &request, c.stale_before()))
    }

    pub async fn inventory_rows(
        &self,
        request: DeviceRowsRequest,
    ) -> Result<Vec<InventoryRow>, AppError> {
        self.with_console(|c| views::inventory::rows(c.store()?, &request.ids, c.stale_before()))
    }

    pub async fn device_detail(&self, request: IdRequest) -> Result<DeviceDetail, AppError> {
        self.with_console(|c| views::device::detail(c.store()?, &request.id, c.stale_before()))
    }

    pub async fn device_history(&self, request: IdRequest) -> Result<DeviceHistory, AppError> {
        self.with_console(|c| views::device::history(c.store()?, &request.id))
    }

    /// Reads the history from the server (the only screen read that needs the network),
    /// caches it, and returns what is now cached.
    pub async fn refresh_device_history(
        &self,
        request: IdRequest,
    ) -> Result<DeviceHistory, AppError> {
        let id = request.id.clone();
        self.with_server(|client, database| async move {
            chariot_core::connection::refresh_history(&client, &database, &id).await
        })
        .await?;
        self.device_history(request).await
    }

    /// Where to write an export. `CHARIOT_EXPORT_DIR` answers without a dialog (scripted runs
    /// and the end-to-end tests, which cannot drive a native dialog).
    pub async fn choose_export_path(
        &self,
        request: SavePathRequest,
    ) -> Result<Option<String>, AppError> {
        if let Some(dir) = std::env::var_os("CHARIOT_EXPORT_DIR") {
            let path = std::path::Path::new(&dir).join(&request.default_name);
            return Ok(Some(path.display().to_string()));
        }
        self.host().choose_save_path(request.default_name).await
    }

    /// Réglages' latest syncs, newest first.
    pub async fn sync_history(&self) -> Result<Vec<SyncRunView>, AppError> {
        self.with_console(|c| views::sync_history::history(c.store()?))
    }

    /// Réglages' latest syncs to a CSV file.
    pub async fn export_sync_history(
        &self,
        request: ExportPathRequest,
    ) -> Result<ExportResult, AppError> {
        self.with_console(|c| {
            views::sync_history::export_sync_history(c.store()?, &request.path, c.lang())
        })
    }

    pub async fn export_inventory(&self, request: ExportRequest) -> Result<ExportResult, AppError> {
        self.with_console(|c| chariot_core::export::export_to_file(c.store()?, &request, c.lang()))
    }
}
