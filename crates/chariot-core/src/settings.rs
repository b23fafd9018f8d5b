//! The user's preferences (Réglages), kept as a small JSON file in the OS config directory.
//!
//! Not in SQLite: there is one database per server profile, but preferences belong to the user.
//! Never holds a secret: credentials live in the OS keychain only.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{AppError, ErrorCode, ErrorDetail};
use crate::locale::LanguagePref;

/// Preferences the user sets in Réglages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
pub struct Settings {
    pub language: LanguagePref,
    /// Inventory older than this many days is flagged as stale (the guide's warning).
    pub stale_after_days: u32,
    /// Sync when the app starts (when a server profile is active).
    pub sync_at_start: bool,
    /// Sync again every this many minutes while the app is open; 0 turns it off.
    pub auto_sync_minutes: u32,
    /// The inventory's columns, in display order ("Affichage de l'inventaire").
    pub inventory_columns: Vec<crate::views::InventoryColumn>,
    /// Saved servers (no secrets: those are in the OS keychain).
    pub profiles: Vec<crate::profiles::ServerProfile>,
    /// The profile whose snapshot the screens show.
    pub active_profile: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: LanguagePref::System,
            stale_after_days: 7,
            sync_at_start: true,
            auto_sync_minutes: 60,
            inventory_columns: crate::views::InventoryColumn::DEFAULT.to_vec(),
            profiles: Vec::new(),
            active_profile: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("could not read the settings file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the settings file {path} is not valid ({source})")]
    Parse {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("could not save the settings file {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl From<SettingsError> for AppError {
    fn from(err: SettingsError) -> Self {
        let hint = match &err {
            SettingsError::Parse { path, .. } => format!(
                "Fix or delete {}; Chariot then starts with default settings.",
                path.display()
            ),
            SettingsError::Read { .. } | SettingsError::Write { .. } => {
                "Check that your user account can write to its configuration folder.".to_owned()
            }
        };
        let detail = match &err {
            SettingsError::Read { path, .. } => ErrorDetail::SettingsUnreadable {
                path: path.display().to_string(),
            },
            SettingsError::Parse { path, .. } => ErrorDetail::SettingsInvalid {
                path: path.display().to_string(),
            },
            SettingsError::Write { path, .. } => ErrorDetail::SettingsUnwritable {
                path: path.display().to_string(),
            },
        };
        AppError::new(ErrorCode::Io, err.to_string())
            .with_hint(hint)
            .with_detail(detail)
    }
}

impl Settings {
    /// Reads the settings; a missing file means defaults. Unknown keys (from a newer Chariot)
    /// are ignored rather than refused, so downgrading never locks the user out.
    pub fn load(path: &Path) -> Result<Settings, SettingsError> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|source| SettingsError::Parse {
                path: path.to_owned(),
                source,
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
            Err(source) => Err(SettingsError::Read {
                path: path.to_owned(),
                source,
            }),
        }
    }

    /// Writes the settings atomically (temp file + rename) so a crash never leaves half a file.
    pub fn save(&self, path: &Path) -> Result<(), SettingsError> {
        let write_err = |source| SettingsError::Write {
            path: path.to_owned(),
            source,
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(write_err)?;
        }
        let tmp = path.with_extension("json.tmp");
        let mut file = std::fs::File::create(&tmp).map_err(write_err)?;
        let json = serde_json::to_vec_pretty(self).expect("settings always serialise");
        file.write_all(&json).map_err(write_err)?;
        file.sync_all().map_err(write_err)?;
        drop(file);
        std::fs::rename(&tmp, path).map_err(write_err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "chariot-settings-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn missing_file_gives_defaults() {
        let dir = temp_dir();
        let settings = Settings::load(&dir.join("absent.json")).unwrap();
        assert_eq!(settings, Settings::default());
        assert_eq!(settings.stale_after_days, 7);
    }

    #[test]
    fn round_trips_through_the_file() {
        let dir = temp_dir();
        let path = dir.join("nested/settings.json");
        let settings = Settings {
            language: LanguagePref::En,
            stale_after_days: 14,
            auto_sync_minutes: 0,
            profiles: vec![crate::profiles::ServerProfile::demo("Démo")],
            active_profile: Some("demo".into()),
            ..Settings::default()
        };
        settings.save(&path).unwrap();
        assert_eq!(Settings::load(&path).unwrap(), settings);
        assert!(!path.with_extension("json.tmp").exists());
    }

    #[test]
    fn unknown_and_missing_keys_are_tolerated() {
        let dir = temp_dir();
        let path = dir.join("settings.json");
        std::fs::write(&path, r#"{"language":"fr","futureOption":true}"#).unwrap();
        let settings = Settings::load(&path).unwrap();
        assert_eq!(settings.language, LanguagePref::Fr);
        assert_eq!(settings.stale_after_days, 7);
    }

    #[test]
    fn a_corrupt_file_is_a_clear_error_and_is_left_in_place() {
        let dir = temp_dir();
        let path = dir.join("settings.json");
        std::fs::write(&path, b"{not json").unwrap();
        let err = Settings::load(&path).unwrap_err();
        assert!(matches!(err, SettingsError::Parse { .. }));
        let app: AppError = err.into();
        assert_eq!(app.code, ErrorCode::Io);
        assert!(app.hint.unwrap().contains("settings.json"));
        assert_eq!(std::fs::read(&path).unwrap(), b"{not json");
    }
}
