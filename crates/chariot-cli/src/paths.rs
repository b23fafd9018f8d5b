//! Where the CLI finds the database: the same folder the desktop app uses, one file per server.

use std::path::PathBuf;

use chariot_core::AppError;

/// The app's data folder (`fr.chariot.console` under the OS data directory, as Tauri names
/// it), or `$CHARIOT_HOME/data`.
pub fn data_dir() -> Result<PathBuf, AppError> {
    if let Some(home) = std::env::var_os("CHARIOT_HOME") {
        return Ok(PathBuf::from(home).join("data"));
    }
    directories::BaseDirs::new()
        .map(|b| b.data_dir().join("fr.chariot.console"))
        .ok_or_else(|| {
            crate::exit::usage(
                "cannot find your home folder",
                "Set CHARIOT_HOME or pass --db PATH.",
            )
        })
}

/// `--db` if given, else the profile database of `server` (`profiles/<host>[_port].db`).
pub fn database(
    db: Option<PathBuf>,
    server: Option<&chariot_jamf::ServerUrl>,
) -> Result<PathBuf, AppError> {
    if let Some(db) = db {
        return Ok(db);
    }
    let name = match server {
        Some(s) => chariot_core::profiles::profile_id(s),
        None => "local".to_owned(),
    };
    Ok(data_dir()?.join("profiles").join(format!("{name}.db")))
}
