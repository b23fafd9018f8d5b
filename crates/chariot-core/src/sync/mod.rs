//! Syncing the local snapshot with Jamf Pro: full, incremental, and the reconciliations a
//! delta cannot see (deleted devices, lost-mode state that changes without an inventory).

mod by_id;
mod delta;
mod engine;
mod error;
mod full;
mod gate;
mod incremental;
mod mapping;
mod positions;
mod progress;
mod watermark;

pub use chariot_store::{RunProblems, SyncKind};
pub use engine::{SyncMode, SyncReport, SyncRequest, VERSION_FACT, sync};
pub use error::SyncError;
pub(crate) use error::jamf_detail;
pub use mapping::{device_row, is_incomplete};
pub use progress::{CancelFlag, SyncPhase, SyncProgress};
