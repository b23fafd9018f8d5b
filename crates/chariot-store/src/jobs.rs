//! Jobs: actions on devices with one state per device (issue #6), persisted so a restart
//! resumes them.

use rusqlite::{OptionalExtension, params};

use crate::Store;
use crate::error::StoreError;

/// A device a job targets, with where its command stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobTargetRow {
    pub jamf_id: String,
    pub device_name: String,
    pub management_id: Option<String>,
    /// `not_sent`, `submitted`, `pending`, `not_now`, `done`, `failed` or `unknown`.
    pub state: String,
    pub command_uuid: Option<String>,
    pub error: Option<String>,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobRow {
    pub id: i64,
    pub action: String,
    pub params: String,
    pub account: String,
    pub created_at: String,
}

impl Store {
    /// Records a job and its targets (all `not_sent`), in one transaction.
    pub fn create_job(
        &mut self,
        action: &str,
        params_json: &str,
        account: &str,
        at: &str,
        targets: &[(String, String, Option<String>)],
    ) -> Result<i64, StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO jobs (action, params, account, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![action, params_json, account, at],
        )?;
        let id = tx.last_insert_rowid();
        {
            let mut insert = tx.prepare_cached(
                "INSERT OR IGNORE INTO job_targets
                   (job_id, jamf_id, device_name, management_id, state, updated_at)
                 VALUES (?1, ?2, ?3, ?4, 'not_sent', ?5)",
            )?;
            for (jamf_id, name, management_id) in targets {
                insert.execute(params![id, jamf_id, name, management_id, at])?;
            }
        }
        tx.commit()?;
        Ok(id)
    }

    pub fn job(&self, id: i64) -> Result<Option<JobRow>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, action, params, account, created_at FROM jobs WHERE id = ?1",
                [id],
                |r| {
                    Ok(JobRow {
                        id: r.get(0)?,
                        action: r.get(1)?,
                        params: r.get(2)?,
                        account: r.get(3)?,
                        created_at: r.get(4)?,
                    })
                },
            )
            .optional()?)
    }

    pub fn job_targets(&self, job: i64) -> Result<Vec<JobTargetRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT jamf_id, device_name, management_id, state, command_uuid, error, updated_at
             FROM job_targets WHERE job_id = ?1 ORDER BY device_name COLLATE NOCASE, jamf_id",
        )?;
        let rows = stmt
            .query_map([job], |r| {
                Ok(JobTargetRow {
                    jamf_id: r.get(0)?,
                    device_name: r.get(1)?,
                    management_id: r.get(2)?,
                    state: r.get(3)?,
                    command_uuid: r.get(4)?,
                    error: r.get(5)?,
                    updated_at: r.get(6)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Moves one target to `state` (with its command UUID and error when known). Written at
    /// once: a crash right after a send still knows the command went out.
    pub fn set_job_target(
        &mut self,
        job: i64,
        jamf_id: &str,
        state: &str,
        command_uuid: Option<&str>,
        error: Option<&str>,
        at: &str,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE job_targets SET state = ?3, command_uuid = coalesce(?4, command_uuid),
                    error = ?5, updated_at = ?6
             WHERE job_id = ?1 AND jamf_id = ?2",
            params![job, jamf_id, state, command_uuid, error, at],
        )?;
        Ok(())
    }
}
