//! The console's local state: the user's settings and the open snapshot database.
//!
//! One `Console` per running app (or CLI invocation). It opens even when something is wrong
//! (unreadable settings, a database from a newer Chariot): the problem is kept and shown to the
//! user instead of refusing to start, because an IT manager must still be able to reach
//! Réglages and read what to do.

use std::path::{Path, PathBuf};

use chariot_store::Store;

use crate::error::AppError;
use crate::locale::LanguagePref;
use crate::settings::Settings;
use crate::status::{AppStatus, ConnectionState, SnapshotStatus};

/// Where the console keeps its files; the host (desktop app, CLI, tests) decides.
#[derive(Debug, Clone)]
pub struct ConsolePaths {
    pub config_dir: PathBuf,
    pub data_dir: PathBuf,
    pub log_dir: PathBuf,
}

impl ConsolePaths {
    pub fn settings_file(&self) -> PathBuf {
        self.config_dir.join("settings.json")
    }

    /// The database of the local profile. Server profiles (one file each) arrive with the
    /// connection screen; until then every run uses this one.
    pub fn local_database(&self) -> PathBuf {
        self.data_dir.join("profiles").join("local.db")
    }
}

pub struct Console {
    paths: ConsolePaths,
    settings: Settings,
    store: Option<Store>,
    system_locale: Option<String>,
    problems: Vec<AppError>,
}

impl Console {
    pub fn open(paths: ConsolePaths, system_locale: Option<String>) -> Console {
        let mut problems = Vec::new();
        let settings = Settings::load(&paths.settings_file()).unwrap_or_else(|e| {
            tracing::warn!(error = %e, "settings unreadable, using defaults");
            problems.push(e.into());
            Settings::default()
        });
        let store = Store::open(&paths.local_database())
            .inspect_err(|e| tracing::error!(error = %e, "local database unavailable"))
            .map_err(|e| problems.push(e.into()))
            .ok();
        Console {
            paths,
            settings,
            store,
            system_locale,
            problems,
        }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn database_path(&self) -> PathBuf {
        self.paths.local_database()
    }

    pub fn log_dir(&self) -> &Path {
        &self.paths.log_dir
    }

    /// What the app frame shows: language, connection, age of the snapshot, problems.
    pub fn status(&self) -> Result<AppStatus, AppError> {
        let snapshot = match &self.store {
            Some(store) => match store.current_snapshot()? {
                Some(current) => SnapshotStatus {
                    synced_at: current.completed_at,
                    device_count: current.device_count,
                },
                None => SnapshotStatus::empty(),
            },
            None => SnapshotStatus::empty(),
        };
        Ok(AppStatus {
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            language: self
                .settings
                .language
                .resolve(self.system_locale.as_deref()),
            language_pref: self.settings.language,
            system_locale: self.system_locale.clone(),
            // No server profile can be configured yet (the connection screen comes later).
            connection: ConnectionState::NotConfigured,
            profile: None,
            snapshot,
            sync: Default::default(),
            settings: self.settings.clone(),
            database_path: self.database_path().display().to_string(),
            log_dir: self.paths.log_dir.display().to_string(),
            problems: self.problems.clone(),
        })
    }

    /// Saves the language choice; the settings file is written before memory is changed, so a
    /// failed save leaves both as they were.
    pub fn set_language(&mut self, language: LanguagePref) -> Result<AppStatus, AppError> {
        let updated = Settings {
            language,
            ..self.settings.clone()
        };
        updated.save(&self.paths.settings_file())?;
        self.settings = updated;
        self.status()
    }
}
