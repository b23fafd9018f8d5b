//! The cached management-command history of devices (the device screen's Historique tab).

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use crate::Store;
use crate::error::StoreError;
use crate::values::{stored_time, time, time_opt};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRow {
    pub command: String,
    /// `completed`, `pending` or `failed`.
    pub status: String,
    pub date: Option<DateTime<Utc>>,
    pub error: Option<String>,
}

/// When a device's history was read, and what it held.
pub type HistoryRead = (DateTime<Utc>, Vec<HistoryRow>);

impl Store {
    /// The history last read for this device and when it was read; `None` when never read.
    pub fn device_history(&self, jamf_id: &str) -> Result<Option<HistoryRead>, StoreError> {
        let fetched_at = self
            .conn
            .query_row(
                "SELECT fetched_at FROM device_history_reads WHERE jamf_id = ?1",
                [jamf_id],
                |r| time(r, 0),
            )
            .optional()?;
        let Some(fetched_at) = fetched_at else {
            return Ok(None);
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT command, status, date, error FROM device_history
             WHERE jamf_id = ?1 ORDER BY position",
        )?;
        let rows = stmt
            .query_map([jamf_id], |r| {
                Ok(HistoryRow {
                    command: r.get(0)?,
                    status: r.get(1)?,
                    date: time_opt(r, 2)?,
                    error: r.get(3)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Some((fetched_at, rows)))
    }

    /// Replaces the cached history of a device, in one transaction.
    pub fn save_device_history(
        &mut self,
        jamf_id: &str,
        fetched_at: DateTime<Utc>,
        rows: &[HistoryRow],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM device_history WHERE jamf_id = ?1", [jamf_id])?;
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO device_history (jamf_id, position, command, status, date, error)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for (i, row) in rows.iter().enumerate() {
                insert.execute(params![
                    jamf_id,
                    i as i64,
                    row.command,
                    row.status,
                    row.date.map(stored_time),
                    row.error
                ])?;
            }
        }
        tx.execute(
            "INSERT INTO device_history_reads (jamf_id, fetched_at) VALUES (?1, ?2)
             ON CONFLICT (jamf_id) DO UPDATE SET fetched_at = excluded.fetched_at",
            params![jamf_id, stored_time(fetched_at)],
        )?;
        tx.commit()?;
        Ok(())
    }
}
