use std::path::PathBuf;

use chariot_core::ConsolePaths;
use tauri::{AppHandle, Manager, Runtime};

/// The OS folders for settings, data and logs. `CHARIOT_HOME` puts all three under one folder,
/// so tests and side-by-side installs never touch the user's real data.
pub fn console_paths<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<ConsolePaths> {
    if let Some(home) = std::env::var_os("CHARIOT_HOME").map(PathBuf::from) {
        return Ok(ConsolePaths {
            config_dir: home.join("config"),
            data_dir: home.join("data"),
            log_dir: home.join("logs"),
        });
    }
    let path = app.path();
    Ok(ConsolePaths {
        config_dir: path.app_config_dir()?,
        data_dir: path.app_data_dir()?,
        log_dir: path.app_log_dir()?,
    })
}
