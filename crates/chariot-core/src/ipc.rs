//! The request/response/event types that cross the IPC boundary. The contract that names them
//! (and generates their TypeScript) is `chariot_runtime::contract`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::export::ExportFormat;
use crate::locale::LanguagePref;
use crate::views::InventoryColumn;

/// Request of `set_language`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetLanguageRequest {
    pub language: LanguagePref,
}

/// Request of `update_settings`: only the fields given change.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
pub struct UpdateSettingsRequest {
    pub stale_after_days: Option<u32>,
    pub sync_at_start: Option<bool>,
    pub auto_sync_minutes: Option<u32>,
    pub inventory_columns: Option<Vec<InventoryColumn>>,
}

/// Request of `start_sync`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
pub struct StartSyncRequest {
    /// Fetch everything again instead of only what changed.
    pub full: bool,
}

/// Request of `set_demo_network`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DemoNetworkRequest {
    /// `false` stops the demonstration school (a simulated network cut).
    pub online: bool,
}

/// Request of the commands that name one device or one profile.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IdRequest {
    pub id: String,
}

/// Request of `export_inventory`: exactly the rows and columns on screen.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportRequest {
    /// Device ids, in display order.
    pub ids: Vec<String>,
    pub columns: Vec<InventoryColumn>,
    pub format: ExportFormat,
    /// For Excel: BOM, `;` separators, identifiers kept as text.
    pub excel: bool,
    /// The file chosen in the save dialog.
    pub path: String,
}

/// Request of `choose_export_path`: the file name the save dialog proposes.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavePathRequest {
    pub default_name: String,
}

/// Answer of `export_inventory`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportResult {
    pub path: String,
    pub rows: u32,
}

/// Request of the commands that name one job.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JobRequest {
    #[ts(type = "number")]
    pub id: i64,
}

/// Request of `retry_job`: send again to the devices in these states (failed, unknown).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RetryRequest {
    #[ts(type = "number")]
    pub id: i64,
    pub states: Vec<crate::actions::TargetState>,
}

/// Request of `export_job`: a job's per-device results to a CSV file.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportJobRequest {
    #[ts(type = "number")]
    pub id: i64,
    pub path: String,
}

/// Request of the exports that only need where to write (e.g. `export_lost_devices`).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportPathRequest {
    pub path: String,
}

/// Request of `export_journal`: the journal lines matching `search` (all when empty) to CSV.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportJournalRequest {
    pub search: Option<String>,
    pub path: String,
}

/// Names of the events the back end emits; the UI listens to these exact strings.
pub mod events {
    /// Payload: [`crate::status::AppStatus`]. Sent whenever anything in it changes.
    pub const STATUS_CHANGED: &str = "status-changed";
    /// Payload: [`crate::sync::SyncProgress`]. Sent while a sync runs (a few times a second).
    pub const SYNC_PROGRESS: &str = "sync-progress";
    /// Payload: [`crate::actions::JobSummary`]. Sent when a device of a job changes state.
    pub const JOB_CHANGED: &str = "job-changed";
}
