//! Jobs: actions on devices with one state per device (issue #6), persisted so a restart
//! resumes them.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use crate::Store;
use crate::error::StoreError;
use crate::values::{ActionKind, TargetState, known, stored_time, time};

/// A device a job targets, with where its command stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetRow {
    pub jamf_id: String,
    pub device_name: String,
    pub management_id: Option<String>,
    pub state: TargetState,
    pub command_uuid: Option<String>,
    pub error: Option<String>,
    pub updated_at: DateTime<Utc>,
}

/// [`TargetRow`] as text, as [`Store::latest_targets`] returns it: what `views/lost.rs` reads
/// until it moves to [`TargetRow`] (then this goes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobTargetRow {
    pub jamf_id: String,
    pub device_name: String,
    pub management_id: Option<String>,
    /// `not_sent`, `submitted`, `pending`, `not_now`, `done`, `failed`, `unknown` or `refused`.
    pub state: String,
    pub command_uuid: Option<String>,
    pub error: Option<String>,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobRow {
    pub id: i64,
    pub action: ActionKind,
    pub params: String,
    pub account: String,
    pub created_at: DateTime<Utc>,
}

/// A device to put in a new job: `refusal` set when a precondition is not met (the target is
/// then `refused` with that reason, and never sent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTarget {
    pub jamf_id: String,
    pub device_name: String,
    pub management_id: Option<String>,
    pub refusal: Option<String>,
}

/// How many targets of a job are in each state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobCounts {
    pub by_state: Vec<(TargetState, u32)>,
}

impl JobCounts {
    pub fn get(&self, state: TargetState) -> u32 {
        self.by_state
            .iter()
            .find(|(s, _)| *s == state)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    }

    pub fn total(&self) -> u32 {
        self.by_state.iter().map(|(_, n)| n).sum()
    }
}

fn job_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<JobRow> {
    Ok(JobRow {
        id: r.get(0)?,
        action: known(r, 1)?,
        params: r.get(2)?,
        account: r.get(3)?,
        created_at: time(r, 4)?,
    })
}

/// Reads `jamf_id, device_name, management_id, state, command_uuid, error, updated_at`.
fn target_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<TargetRow> {
    Ok(TargetRow {
        jamf_id: r.get(0)?,
        device_name: r.get(1)?,
        management_id: r.get(2)?,
        state: known(r, 3)?,
        command_uuid: r.get(4)?,
        error: r.get(5)?,
        updated_at: time(r, 6)?,
    })
}

/// The same columns as text (see [`JobTargetRow`]).
fn target_text_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<JobTargetRow> {
    Ok(JobTargetRow {
        jamf_id: r.get(0)?,
        device_name: r.get(1)?,
        management_id: r.get(2)?,
        state: r.get(3)?,
        command_uuid: r.get(4)?,
        error: r.get(5)?,
        updated_at: r.get(6)?,
    })
}

impl Store {
    /// Records a job and its targets (`not_sent`, or `refused` with the reason), in one
    /// transaction.
    pub fn create_job_with(
        &mut self,
        action: ActionKind,
        params_json: &str,
        account: &str,
        at: DateTime<Utc>,
        targets: &[NewTarget],
    ) -> Result<i64, StoreError> {
        let at = stored_time(at);
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO jobs (action, params, account, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![action, params_json, account, at],
        )?;
        let id = tx.last_insert_rowid();
        {
            let mut insert = tx.prepare_cached(
                "INSERT OR IGNORE INTO job_targets
                   (job_id, jamf_id, device_name, management_id, state, error, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for t in targets {
                let state = if t.refusal.is_some() {
                    TargetState::Refused
                } else {
                    TargetState::NotSent
                };
                insert.execute(params![
                    id,
                    t.jamf_id,
                    t.device_name,
                    t.management_id,
                    state,
                    t.refusal,
                    at
                ])?;
            }
        }
        tx.commit()?;
        Ok(id)
    }

    /// The most recent jobs first.
    pub fn recent_jobs(&self, limit: u32) -> Result<Vec<JobRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, action, params, account, created_at FROM jobs ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = stmt
            .query_map([limit], job_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    pub fn job_counts(&self, job: i64) -> Result<JobCounts, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT state, count(*) FROM job_targets WHERE job_id = ?1 GROUP BY state",
        )?;
        let by_state = stmt
            .query_map([job], |r| Ok((known(r, 0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(JobCounts { by_state })
    }

    /// Devices whose lost mode a job turned on (`true`) or off (`false`) after `since`, the
    /// latest change winning.
    pub fn lost_mode_changes_since(
        &self,
        since: DateTime<Utc>,
    ) -> Result<std::collections::HashMap<String, bool>, StoreError> {
        // Compared as text: every time here was written by `stored_time`.
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.jamf_id, j.action FROM job_targets t JOIN jobs j ON j.id = t.job_id
             WHERE t.state = ?2 AND t.updated_at > ?1 AND j.action IN (?3, ?4)
             ORDER BY t.updated_at, j.id",
        )?;
        let mut out = std::collections::HashMap::new();
        let rows = stmt.query_map(
            params![
                stored_time(since),
                TargetState::Done,
                ActionKind::EnableLostMode,
                ActionKind::DisableLostMode
            ],
            |r| Ok((r.get::<_, String>(0)?, known::<ActionKind>(r, 1)?)),
        )?;
        for row in rows {
            let (id, action) = row?;
            out.insert(id, action == ActionKind::EnableLostMode);
        }
        Ok(out)
    }

    /// Each device's most recent target among the jobs of `action` (its latest request), as
    /// text: see [`JobTargetRow`].
    pub fn latest_targets(
        &self,
        action: &str,
    ) -> Result<std::collections::HashMap<String, JobTargetRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.jamf_id, t.device_name, t.management_id, t.state, t.command_uuid, t.error,
                    t.updated_at
             FROM job_targets t JOIN jobs j ON j.id = t.job_id
             WHERE j.action = ?1 ORDER BY j.id, t.updated_at",
        )?;
        let mut out = std::collections::HashMap::new();
        let rows = stmt.query_map([action], target_text_row)?;
        for row in rows {
            let row = row?;
            out.insert(row.jamf_id.clone(), row);
        }
        Ok(out)
    }

    /// Jobs with targets still waiting for their device (to resume polling after a restart).
    pub fn jobs_in_flight(&self) -> Result<Vec<i64>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT job_id FROM job_targets WHERE state IN (?1, ?2, ?3) ORDER BY job_id",
        )?;
        let in_flight = TargetState::ALL.into_iter().filter(|s| s.is_in_flight());
        let ids = stmt
            .query_map(rusqlite::params_from_iter(in_flight), |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// Puts the targets of `job` that are in one of `states` back to `not_sent` (the user
    /// chose to send again). Returns their ids.
    pub fn reset_job_targets(
        &mut self,
        job: i64,
        states: &[TargetState],
        at: DateTime<Utc>,
    ) -> Result<Vec<String>, StoreError> {
        let at = stored_time(at);
        let tx = self.conn.transaction()?;
        let mut ids = Vec::new();
        {
            let mut select = tx.prepare_cached(
                "SELECT jamf_id FROM job_targets WHERE job_id = ?1 AND state = ?2",
            )?;
            let mut update = tx.prepare_cached(
                "UPDATE job_targets SET state = ?4, command_uuid = NULL, error = NULL,
                        updated_at = ?3
                 WHERE job_id = ?1 AND jamf_id = ?2",
            )?;
            for state in states {
                let found: Vec<String> = select
                    .query_map(params![job, state], |r| r.get(0))?
                    .collect::<Result<_, _>>()?;
                for id in found {
                    update.execute(params![job, id, at, TargetState::NotSent])?;
                    ids.push(id);
                }
            }
        }
        tx.commit()?;
        Ok(ids)
    }

    /// Records a job whose targets all start `not_sent`.
    pub fn create_job(
        &mut self,
        action: ActionKind,
        params_json: &str,
        account: &str,
        at: DateTime<Utc>,
        targets: &[(String, String, Option<String>)],
    ) -> Result<i64, StoreError> {
        let targets: Vec<NewTarget> = targets
            .iter()
            .map(|(jamf_id, name, management_id)| NewTarget {
                jamf_id: jamf_id.clone(),
                device_name: name.clone(),
                management_id: management_id.clone(),
                refusal: None,
            })
            .collect();
        self.create_job_with(action, params_json, account, at, &targets)
    }

    pub fn job(&self, id: i64) -> Result<Option<JobRow>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, action, params, account, created_at FROM jobs WHERE id = ?1",
                [id],
                job_row,
            )
            .optional()?)
    }

    pub fn job_targets(&self, job: i64) -> Result<Vec<TargetRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT jamf_id, device_name, management_id, state, command_uuid, error, updated_at
             FROM job_targets WHERE job_id = ?1 ORDER BY device_name COLLATE NOCASE, jamf_id",
        )?;
        let rows = stmt
            .query_map([job], target_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Moves one target to `state` (with its command UUID and error when known). Written at
    /// once: a crash right after a send still knows the command went out. A UUID given replaces
    /// the one recorded; `None` keeps it.
    pub fn set_job_target(
        &mut self,
        job: i64,
        jamf_id: &str,
        state: TargetState,
        command_uuid: Option<&str>,
        error: Option<&str>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE job_targets SET state = ?3, command_uuid = coalesce(?4, command_uuid),
                    error = ?5, updated_at = ?6
             WHERE job_id = ?1 AND jamf_id = ?2",
            params![job, jamf_id, state, command_uuid, error, stored_time(at)],
        )?;
        Ok(())
    }
}
