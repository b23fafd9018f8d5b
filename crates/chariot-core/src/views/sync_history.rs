//! Réglages' list of the latest syncs: when, what kind, how each ended and what it changed,
//! so an IT manager can see that the scheduled syncs run and why one failed.

use chariot_store::{Store, SyncRunStatus};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::AppError;
use crate::sync::SyncKind;

/// How many runs Réglages lists.
pub const SHOWN: u32 = 10;

/// One recorded sync attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncRunView {
    pub started_at: DateTime<Utc>,
    /// `None` while it runs (or when Chariot was stopped during it).
    pub finished_at: Option<DateTime<Utc>>,
    pub kind: SyncKind,
    pub status: SyncRunStatus,
    /// The snapshot's devices after a successful sync.
    pub device_count: Option<u32>,
    pub added: Option<u32>,
    pub changed: Option<u32>,
    pub removed: Option<u32>,
    /// Devices Jamf Pro could only partly read, and lost devices whose position was not read.
    pub incomplete: u32,
    pub positions_unread: u32,
    /// Why it failed (English, as recorded for support).
    pub error: Option<String>,
}

/// The latest syncs of this database, newest first.
pub fn history(store: &Store) -> Result<Vec<SyncRunView>, AppError> {
    Ok(store
        .recent_sync_runs(SHOWN)?
        .into_iter()
        .map(|r| {
            let problems = r.problems.unwrap_or_default();
            SyncRunView {
                started_at: r.started_at,
                finished_at: r.finished_at,
                kind: r.kind,
                status: r.status,
                device_count: r.device_count,
                added: r.added,
                changed: r.changed,
                removed: r.removed,
                incomplete: problems.incomplete,
                positions_unread: problems.positions_unread,
                error: r.error,
            }
        })
        .collect())
}
