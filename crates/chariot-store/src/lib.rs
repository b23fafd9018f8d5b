//! Chariot's local SQLite snapshot: one database file per server profile.
//!
//! Owns the schema (embedded, timestamped migrations), the connection settings (WAL, foreign
//! keys, busy timeout, 0600 file mode) and the reads and writes of the snapshot. The bottom layer:
//! it depends on no other Chariot crate, never on tauri or on any network client.

mod detail;
mod device_writes;
mod error;
mod generation;
mod history;
mod jobs;
mod journal;
mod migrate;
mod newest;
mod open;
mod query;
mod read;
mod rows;
mod search;
mod snapshot;
mod stats;
mod sync_lock;
mod sync_runs;
mod values;

pub use error::StoreError;
pub use generation::{PendingGeneration, PublishSummary};
pub use history::{HistoryRead, HistoryRow};
pub use jobs::{JobCounts, JobRow, JobTargetRow, NewTarget, TargetRow};
pub use journal::{JournalRow, NewJournalEntry};
pub use open::Store;
pub use query::{DeviceListRow, DeviceQuery, LostDeviceRow, SortKey};
pub use rows::{
    AppRow, DeviceRow, GroupRow, LostPosition, ProfileRow, SharedUserRow, group_set_fingerprint,
};
pub use snapshot::CurrentSnapshot;
pub use stats::{FleetStats, StatsThresholds};
pub use sync_lock::SyncLock;
pub use sync_runs::{RunProblems, SyncRun};
pub use values::{
    ActionKind, DeviceRole, JournalEvent, SyncKind, SyncRunStatus, TargetState, UnknownValue,
};
