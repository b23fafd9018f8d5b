//! The record of each sync attempt: what the UI's summary and `chariot sync` report.

use chrono::{DateTime, Utc};
use rusqlite::params;

use crate::Store;
use crate::error::StoreError;
use crate::generation::PublishSummary;
use crate::values::{SyncKind, SyncRunStatus, known, stored_time, time, time_opt};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncRun {
    pub id: i64,
    pub kind: SyncKind,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub status: SyncRunStatus,
    pub device_count: Option<u32>,
    pub added: Option<u32>,
    pub changed: Option<u32>,
    pub removed: Option<u32>,
    /// What a successful sync survived (`None` for runs recorded by an older Chariot).
    pub problems: Option<RunProblems>,
    pub error: Option<String>,
}

/// What a sync survived without failing, counted per device: shown with its summary so that
/// "synced" never hides a partial read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunProblems {
    /// Devices Jamf Pro could only partly read: sections it answered empty (LENIENT: it does
    /// so rather than fail the whole page for one device). Their other fields are up to date.
    pub incomplete: u32,
    /// Lost devices whose position could not be read or saved: they keep the last known one.
    pub positions_unread: u32,
}

impl RunProblems {
    pub fn total(&self) -> u32 {
        self.incomplete + self.positions_unread
    }
}

impl Store {
    pub fn start_sync_run(&mut self, kind: SyncKind, at: DateTime<Utc>) -> Result<i64, StoreError> {
        self.conn.execute(
            "INSERT INTO sync_runs (kind, started_at, status) VALUES (?1, ?2, ?3)",
            params![kind, stored_time(at), SyncRunStatus::Running],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Closes a run: succeeded with its figures, or `Err((status, error))` (failed, cancelled).
    pub fn finish_sync_run(
        &mut self,
        run: i64,
        at: DateTime<Utc>,
        outcome: Result<(&PublishSummary, RunProblems), (SyncRunStatus, &str)>,
    ) -> Result<(), StoreError> {
        let at = stored_time(at);
        match outcome {
            Ok((s, p)) => self.conn.execute(
                "UPDATE sync_runs SET status = ?10, finished_at = ?2, generation_id = ?3,
                        device_count = ?4, added = ?5, changed = ?6, removed = ?7,
                        incomplete = ?8, positions_unread = ?9 WHERE id = ?1",
                params![
                    run,
                    at,
                    s.generation_id,
                    s.device_count,
                    s.added,
                    s.changed,
                    s.removed,
                    p.incomplete,
                    p.positions_unread,
                    SyncRunStatus::Succeeded
                ],
            )?,
            Err((status, error)) => self.conn.execute(
                "UPDATE sync_runs SET status = ?3, finished_at = ?2, error = ?4 WHERE id = ?1",
                params![run, at, status, error],
            )?,
        };
        Ok(())
    }

    pub fn last_sync_run(&self) -> Result<Option<SyncRun>, StoreError> {
        Ok(self.recent_sync_runs(1)?.pop())
    }

    /// The latest `limit` sync attempts, newest first (Réglages' history).
    pub fn recent_sync_runs(&self, limit: u32) -> Result<Vec<SyncRun>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, kind, started_at, finished_at, status, device_count, added, changed,
                    removed, error, incomplete, positions_unread
             FROM sync_runs ORDER BY id DESC LIMIT ?1",
        )?;
        let runs = stmt
            .query_map([limit], |r| {
                Ok(SyncRun {
                    id: r.get(0)?,
                    kind: known(r, 1)?,
                    started_at: time(r, 2)?,
                    finished_at: time_opt(r, 3)?,
                    status: known(r, 4)?,
                    device_count: r.get(5)?,
                    added: r.get(6)?,
                    changed: r.get(7)?,
                    removed: r.get(8)?,
                    error: r.get(9)?,
                    problems: match (r.get(10)?, r.get(11)?) {
                        (Some(incomplete), Some(positions_unread)) => Some(RunProblems {
                            incomplete,
                            positions_unread,
                        }),
                        _ => None,
                    },
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(runs)
    }
}
