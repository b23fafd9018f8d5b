//! The console's local state: the user's settings and the open snapshot database.
//!
//! One `Console` per running app (or CLI invocation). It opens even when something is wrong
//! (unreadable settings, a database from a newer Chariot): the problem is kept and shown to the
//! user instead of refusing to start, because an IT manager must still be able to reach
//! Réglages and read what to do.

use std::path::{Path, PathBuf};

use chariot_store::Store;

use crate::error::{AppError, ErrorCode, ErrorDetail};
use crate::locale::LanguagePref;
use crate::profiles::ServerProfile;
use crate::settings::Settings;
use crate::status::{AppStatus, ConnectionState, SnapshotStatus, SyncStatus};
use crate::views::InventoryColumn;

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

    /// The database used before any server is configured.
    pub fn local_database(&self) -> PathBuf {
        self.profile_database("local")
    }

    /// The snapshot database of a server profile (`profiles/<id>.db`, the file `chariot sync`
    /// also writes for the same server).
    pub fn profile_database(&self, profile_id: &str) -> PathBuf {
        self.data_dir
            .join("profiles")
            .join(format!("{profile_id}.db"))
    }
}

pub struct Console {
    paths: ConsolePaths,
    settings: Settings,
    store: Option<Store>,
    system_locale: Option<String>,
    problems: Vec<AppError>,
    /// Whether the last request to the active server got through; `None` before any.
    reachable: Option<bool>,
    sync: SyncStatus,
}

impl Console {
    pub fn open(paths: ConsolePaths, system_locale: Option<String>) -> Console {
        let mut problems = Vec::new();
        let settings = Settings::load(&paths.settings_file()).unwrap_or_else(|e| {
            tracing::warn!(error = %e, "settings unreadable, using defaults");
            problems.push(e.into());
            Settings::default()
        });
        let mut console = Console {
            paths,
            settings,
            store: None,
            system_locale,
            problems,
            reachable: None,
            sync: SyncStatus::default(),
        };
        if let Err(e) = console.open_store() {
            console.problems.push(e);
        }
        console
    }

    /// (Re)opens the database of the active profile.
    fn open_store(&mut self) -> Result<(), AppError> {
        self.store = None;
        let store = Store::open(&self.database_path())
            .inspect_err(|e| tracing::error!(error = %e, "local database unavailable"))?;
        self.store = Some(store);
        Ok(())
    }

    /// The snapshot the screens read; an error the UI can show when it could not be opened.
    pub fn store(&self) -> Result<&Store, AppError> {
        self.store.as_ref().ok_or_else(|| {
            AppError::new(
                ErrorCode::Database,
                "the local database could not be opened",
            )
            .with_hint("See the notice shown at start-up; Réglages shows where the file is.")
            .with_detail(ErrorDetail::DatabaseNotOpen)
        })
    }

    /// The store, for writes (jobs, journal).
    pub fn store_mut(&mut self) -> Result<&mut Store, AppError> {
        self.store.as_mut().ok_or_else(|| {
            AppError::new(
                ErrorCode::Database,
                "the local database could not be opened",
            )
            .with_hint("See the notice shown at start-up; Réglages shows where the file is.")
            .with_detail(ErrorDetail::DatabaseNotOpen)
        })
    }

    pub fn active_profile(&self) -> Option<&ServerProfile> {
        let id = self.settings.active_profile.as_deref()?;
        self.settings.profiles.iter().find(|p| p.id == id)
    }

    pub fn profile(&self, id: &str) -> Result<&ServerProfile, AppError> {
        self.settings
            .profiles
            .iter()
            .find(|p| p.id == id)
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::NotFound,
                    format!("no saved server has the id {id}"),
                )
                .with_hint("Open Réglages › Serveurs to see the saved servers.")
                .with_detail(ErrorDetail::UnknownServerProfile { id: id.to_owned() })
            })
    }

    /// The language the UI speaks now (exports use it for their headers).
    pub fn lang(&self) -> crate::locale::Lang {
        self.settings
            .language
            .resolve(self.system_locale.as_deref())
    }

    pub fn paths(&self) -> &ConsolePaths {
        &self.paths
    }

    /// Saves `settings` to disk first, then in memory: a failed save changes nothing.
    fn commit_settings(&mut self, settings: Settings) -> Result<(), AppError> {
        settings.save(&self.paths.settings_file())?;
        self.settings = settings;
        Ok(())
    }

    /// Adds or replaces a profile and makes it the active one (its database is opened).
    pub fn save_and_activate(&mut self, profile: ServerProfile) -> Result<AppStatus, AppError> {
        let mut settings = self.settings.clone();
        settings.profiles.retain(|p| p.id != profile.id);
        settings.active_profile = Some(profile.id.clone());
        settings.profiles.push(profile);
        settings
            .profiles
            .sort_by_key(|p| (p.demo, p.label.to_lowercase()));
        self.commit_settings(settings)?;
        self.reachable = None;
        self.sync.last = None;
        self.open_store()?;
        self.status()
    }

    pub fn switch_profile(&mut self, id: &str) -> Result<AppStatus, AppError> {
        let profile = self.profile(id)?.clone();
        self.save_and_activate(profile)
    }

    /// Forgets a profile and deletes its snapshot. The caller removes its keychain entry.
    pub fn delete_profile(&mut self, id: &str) -> Result<ServerProfile, AppError> {
        let profile = self.profile(id)?.clone();
        let mut settings = self.settings.clone();
        settings.profiles.retain(|p| p.id != id);
        let was_active = settings.active_profile.as_deref() == Some(id);
        if was_active {
            settings.active_profile = settings.profiles.first().map(|p| p.id.clone());
        }
        self.commit_settings(settings)?;
        if was_active {
            self.store = None;
            self.reachable = None;
            self.sync.last = None;
        }
        let db = self.paths.profile_database(id);
        for suffix in ["", "-wal", "-shm"] {
            let mut file = db.clone().into_os_string();
            file.push(suffix);
            match std::fs::remove_file(&file) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => tracing::warn!(error = %e, "could not delete a profile database"),
            }
        }
        if was_active {
            self.open_store()?;
        }
        Ok(profile)
    }

    /// Réglages: only the given fields change.
    pub fn update_settings(
        &mut self,
        request: &crate::ipc::UpdateSettingsRequest,
    ) -> Result<AppStatus, AppError> {
        let mut settings = self.settings.clone();
        if let Some(days) = request.stale_after_days {
            if !(1..=365).contains(&days) {
                return Err(AppError::new(
                    ErrorCode::InvalidInput,
                    format!("{days} days is not a usable stale threshold"),
                )
                .with_hint("Choose between 1 and 365 days (the guide suggests 7).")
                .with_detail(ErrorDetail::StaleDaysOutOfRange { days }));
            }
            settings.stale_after_days = days;
        }
        if let Some(at_start) = request.sync_at_start {
            settings.sync_at_start = at_start;
        }
        if let Some(minutes) = request.auto_sync_minutes {
            settings.auto_sync_minutes = minutes.min(24 * 60);
        }
        if let Some(columns) = &request.inventory_columns {
            let mut seen = std::collections::HashSet::new();
            let mut cleaned: Vec<_> = columns
                .iter()
                .copied()
                .filter(|c| seen.insert(*c))
                .collect();
            // The name identifies the row: it is always shown.
            if !cleaned.contains(&InventoryColumn::Name) {
                cleaned.insert(0, InventoryColumn::Name);
            }
            settings.inventory_columns = cleaned;
        }
        self.commit_settings(settings)?;
        self.status()
    }

    /// Records whether the active server answered (drives the offline banner).
    /// Records whether the server answered; returns whether that changed.
    pub fn set_reachable(&mut self, reachable: bool) -> bool {
        self.reachable.replace(reachable) != Some(reachable)
    }

    pub fn set_sync(&mut self, sync: SyncStatus) {
        if let Some(outcome) = &sync.last {
            match &outcome.error {
                None => self.reachable = Some(true),
                Some(e) if e.code == ErrorCode::Network => self.reachable = Some(false),
                // Refused credentials or a server error: it answered, so not offline.
                Some(e) if e.code != ErrorCode::Cancelled => self.reachable = Some(true),
                Some(_) => {}
            }
        }
        self.sync = sync;
    }

    pub fn sync_status(&self) -> &SyncStatus {
        &self.sync
    }

    /// The instant before which an inventory counts as stale now.
    pub fn stale_before(&self) -> chrono::DateTime<chrono::Utc> {
        crate::views::inventory::stale_before(chrono::Utc::now(), self.settings.stale_after_days)
    }

    fn connection(&self) -> ConnectionState {
        match self.active_profile() {
            None => ConnectionState::NotConfigured,
            Some(_) if self.reachable == Some(false) => ConnectionState::Offline,
            Some(p) if p.demo => ConnectionState::Demo,
            Some(_) => ConnectionState::Online,
        }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn database_path(&self) -> PathBuf {
        match self.active_profile() {
            Some(p) => self.paths.profile_database(&p.id),
            None => self.paths.local_database(),
        }
    }

    pub fn log_dir(&self) -> &Path {
        &self.paths.log_dir
    }

    /// When the current snapshot was synced and how many devices it holds.
    pub fn snapshot(&self) -> Result<SnapshotStatus, AppError> {
        Ok(match &self.store {
            Some(store) => match store.current_snapshot()? {
                Some(current) => SnapshotStatus {
                    synced_at: current.completed_at,
                    device_count: current.device_count,
                },
                None => SnapshotStatus::empty(),
            },
            None => SnapshotStatus::empty(),
        })
    }

    /// What the app frame shows: language, connection, age of the snapshot, problems.
    pub fn status(&self) -> Result<AppStatus, AppError> {
        let snapshot = self.snapshot()?;
        Ok(AppStatus {
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            language: self
                .settings
                .language
                .resolve(self.system_locale.as_deref()),
            language_pref: self.settings.language,
            system_locale: self.system_locale.clone(),
            connection: self.connection(),
            profile: self.active_profile().cloned(),
            snapshot,
            sync: self.sync.clone(),
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
        self.commit_settings(updated)?;
        self.status()
    }
}
