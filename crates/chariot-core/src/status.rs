//! What the status bar shows: whether a server is reachable and how old the local data is.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::locale::{Lang, LanguagePref};

/// How Chariot is connected right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConnectionState {
    /// No server profile yet: the app runs on its local database only.
    NotConfigured,
    /// Connected to the built-in demonstration school (simulator on loopback).
    Demo,
    /// The configured server answered recently.
    Online,
    /// The configured server cannot be reached: screens show the last snapshot.
    Offline,
}

/// The local snapshot the screens read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotStatus {
    /// When the current snapshot finished syncing; `None` when nothing was ever synced.
    pub synced_at: Option<DateTime<Utc>>,
    /// Devices in the current snapshot.
    pub device_count: u32,
}

impl SnapshotStatus {
    pub fn empty() -> Self {
        Self {
            synced_at: None,
            device_count: 0,
        }
    }
}

/// Everything the app frame needs at start-up and after each change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    pub app_version: String,
    /// The language the UI must speak now (preference resolved against the system locale).
    pub language: Lang,
    pub language_pref: LanguagePref,
    pub system_locale: Option<String>,
    pub connection: ConnectionState,
    /// The server profile whose snapshot the screens show; `None` before the first connection.
    pub profile: Option<crate::profiles::ServerProfile>,
    pub snapshot: SnapshotStatus,
    pub sync: SyncStatus,
    /// The preferences of Réglages (saved servers included, never a secret).
    pub settings: crate::settings::Settings,
    /// Where the local database lives, for the Réglages screen and support.
    pub database_path: String,
    /// Where the log files are written.
    pub log_dir: String,
    /// Problems found at start-up that the user should see (unreadable settings, a database
    /// from a newer Chariot...). The app still opens; each is shown as a notice.
    pub problems: Vec<crate::error::AppError>,
}

/// Whether a sync runs now, and how the last one ended (the sync button and its summary).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatus {
    pub running: bool,
    pub last: Option<SyncOutcome>,
}

/// The result summary of a finished sync.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncOutcome {
    pub finished_at: DateTime<Utc>,
    /// `None` when it failed before choosing.
    pub kind: Option<crate::sync::SyncKind>,
    pub device_count: u32,
    pub added: u32,
    pub changed: u32,
    pub removed: u32,
    /// Devices Jamf Pro could only partly read (kept with what it sent).
    pub incomplete: u32,
    /// Lost devices whose position could not be read (they keep the last known one).
    pub positions_unread: u32,
    pub duration_ms: u32,
    /// Why it failed or was cancelled; the previous snapshot is then unchanged.
    pub error: Option<crate::error::AppError>,
}

impl SyncOutcome {
    /// A sync that published nothing: the previous snapshot is unchanged.
    pub fn failed(
        finished_at: DateTime<Utc>,
        duration_ms: u32,
        error: crate::error::AppError,
    ) -> Self {
        SyncOutcome {
            finished_at,
            kind: None,
            device_count: 0,
            added: 0,
            changed: 0,
            removed: 0,
            incomplete: 0,
            positions_unread: 0,
            duration_ms,
            error: Some(error),
        }
    }
}
