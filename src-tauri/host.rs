//! The desktop as the app layer's host: events go to the window, background work runs on
//! Tauri's async runtime, and "Exporter" asks where to save with the native dialog.

use chariot_core::AppError;
use chariot_runtime::{BoxFuture, Event, Host};
use tauri::{AppHandle, Emitter, Runtime};

pub struct DesktopHost<R: Runtime> {
    pub app: AppHandle<R>,
}

impl<R: Runtime> Host for DesktopHost<R> {
    fn emit(&self, event: Event) {
        let _ = self.app.emit(event.name(), event.payload());
    }

    fn spawn(&self, task: BoxFuture<()>) {
        tauri::async_runtime::spawn(task);
    }

    fn choose_save_path(
        &self,
        default_name: String,
    ) -> BoxFuture<Result<Option<String>, AppError>> {
        use tauri_plugin_dialog::DialogExt;
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.app
            .dialog()
            .file()
            .set_file_name(&default_name)
            .save_file(move |path| {
                let _ = tx.send(path);
            });
        Box::pin(async move {
            let chosen = rx
                .await
                .map_err(|_| AppError::internal("the save dialog closed without an answer"))?;
            Ok(chosen
                .and_then(|p| p.into_path().ok())
                .map(|p| p.display().to_string()))
        })
    }
}
