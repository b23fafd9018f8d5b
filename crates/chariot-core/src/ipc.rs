//! The request/response/event types that cross the IPC boundary, and the generator of their
//! TypeScript bindings (`ui/src/lib/bindings.ts`, committed; a test fails when it drifts).

use serde::{Deserialize, Serialize};
use ts_rs::{Config, TS};

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

/// Every type the UI needs, in a stable order. Adding an IPC type = adding it here.
pub fn typescript_bindings() -> String {
    let cfg = Config::new();
    let decls = [
        crate::error::ErrorCode::decl(&cfg),
        crate::error::AppError::decl(&cfg),
        crate::locale::Lang::decl(&cfg),
        crate::locale::LanguagePref::decl(&cfg),
        crate::settings::Settings::decl(&cfg),
        crate::status::ConnectionState::decl(&cfg),
        crate::status::SnapshotStatus::decl(&cfg),
        crate::status::AppStatus::decl(&cfg),
        SetLanguageRequest::decl(&cfg),
        crate::fleet::DeviceRole::decl(&cfg),
        crate::views::InventoryColumn::decl(&cfg),
        crate::views::InventoryFilter::decl(&cfg),
        crate::views::InventorySort::decl(&cfg),
        crate::views::InventoryRequest::decl(&cfg),
        crate::views::InventoryRow::decl(&cfg),
        crate::views::InventoryResult::decl(&cfg),
        crate::views::DeviceRowsRequest::decl(&cfg),
        crate::views::CountBy::<String>::decl(&cfg),
        crate::views::DeviceRef::decl(&cfg),
        crate::views::Dashboard::decl(&cfg),
        crate::views::Position::decl(&cfg),
        crate::views::LostModeInfo::decl(&cfg),
        crate::views::SharedUser::decl(&cfg),
        crate::views::DeviceApp::decl(&cfg),
        crate::views::DeviceProfile::decl(&cfg),
        crate::views::DeviceGroup::decl(&cfg),
        crate::views::DeviceDetail::decl(&cfg),
        crate::views::HistoryStatus::decl(&cfg),
        crate::views::HistoryEntry::decl(&cfg),
        crate::views::DeviceHistory::decl(&cfg),
        crate::profiles::AuthKind::decl(&cfg),
        crate::profiles::ServerProfile::decl(&cfg),
        crate::profiles::ProfileDraft::decl(&cfg),
        crate::profiles::PrivilegeCheck::decl(&cfg),
        crate::profiles::ConnectionCheck::decl(&cfg),
        crate::sync::SyncPhase::decl(&cfg),
        crate::sync::SyncProgress::decl(&cfg),
        crate::sync::SyncKind::decl(&cfg),
        crate::status::SyncOutcome::decl(&cfg),
        crate::status::SyncStatus::decl(&cfg),
        UpdateSettingsRequest::decl(&cfg),
        StartSyncRequest::decl(&cfg),
        IdRequest::decl(&cfg),
        DemoNetworkRequest::decl(&cfg),
        crate::export::ExportFormat::decl(&cfg),
        ExportRequest::decl(&cfg),
        ExportResult::decl(&cfg),
        crate::actions::ActionKind::decl(&cfg),
        crate::actions::OsUpdateInstall::decl(&cfg),
        crate::actions::OsVersionChoice::decl(&cfg),
        crate::actions::Action::decl(&cfg),
        crate::actions::Refusal::decl(&cfg),
        crate::actions::ActionRequest::decl(&cfg),
        crate::actions::PlannedDevice::decl(&cfg),
        crate::actions::RefusedDevice::decl(&cfg),
        crate::actions::ActionPlan::decl(&cfg),
        crate::actions::TargetState::decl(&cfg),
        crate::actions::JobCounts::decl(&cfg),
        crate::actions::JobSummary::decl(&cfg),
        crate::actions::JobTarget::decl(&cfg),
        crate::actions::JobView::decl(&cfg),
        JobRequest::decl(&cfg),
        RetryRequest::decl(&cfg),
        ExportJobRequest::decl(&cfg),
        crate::actions::JournalEvent::decl(&cfg),
        crate::actions::JournalEntry::decl(&cfg),
        crate::actions::JournalRequest::decl(&cfg),
        crate::actions::JournalPage::decl(&cfg),
        ExportJournalRequest::decl(&cfg),
        ExportPathRequest::decl(&cfg),
        crate::views::NoPosition::decl(&cfg),
        crate::views::PositionStatus::decl(&cfg),
        crate::views::LostDevice::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in crates/chariot-core by `cargo xtask bindings`.\n\
         // Do not edit: change the Rust type and regenerate.\n\n",
    );
    for decl in decls {
        out.push_str("export ");
        out.push_str(decl.trim());
        out.push_str("\n\n");
    }
    // The roles as a list too (filters, the dashboard's bars): the UI declares none of its own.
    let roles: Vec<String> = crate::fleet::DeviceRole::ALL
        .iter()
        .map(|r| serde_json::to_string(r).expect("a unit variant serialises"))
        .collect();
    out.push_str(&format!(
        "export const DEVICE_ROLES = [{}] as const satisfies ReadonlyArray<DeviceRole>;\n\n",
        roles.join(", ")
    ));
    out.push_str(&format!(
        "export const EVENTS = {{ statusChanged: \"{}\", syncProgress: \"{}\", jobChanged: \"{}\" }} as const;\n",
        events::STATUS_CHANGED,
        events::SYNC_PROGRESS,
        events::JOB_CHANGED
    ));
    out
}
