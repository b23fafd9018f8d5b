//! Every type named in the IPC contract, in one place, so the command table (and the hosts
//! expanding it) can name them as `$crate::types::X`.

pub use chariot_core::actions::{
    ActionPlan, ActionRequest, JobSummary, JobView, JournalPage, JournalRequest,
};
pub use chariot_core::ipc::{
    DemoNetworkRequest, ExportJobRequest, ExportJournalRequest, ExportPathRequest, ExportRequest,
    ExportResult, IdRequest, JobRequest, RetryRequest, SavePathRequest, SetLanguageRequest,
    StartSyncRequest, UpdateSettingsRequest,
};
pub use chariot_core::profiles::{ConnectionCheck, ProfileDraft};
pub use chariot_core::status::AppStatus;
pub use chariot_core::sync::SyncProgress;
pub use chariot_core::views::{
    Dashboard, DeviceDetail, DeviceHistory, DeviceRowsRequest, InventoryRequest, InventoryResult,
    InventoryRow, LostDevice, PositionStatus, SyncRunView,
};
