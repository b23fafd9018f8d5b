//! Reads and writes of snapshot generations.

use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension;

use crate::Store;
use crate::error::StoreError;

/// The generation every screen reads from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentSnapshot {
    pub completed_at: Option<DateTime<Utc>>,
    pub device_count: u32,
}

impl Store {
    /// The current snapshot; `None` when nothing was ever synced.
    pub fn current_snapshot(&self) -> Result<Option<CurrentSnapshot>, StoreError> {
        let row: Option<(String, u32)> = self
            .conn
            .query_row(
                "SELECT completed_at, device_count FROM snapshot_generations WHERE is_current = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(row.map(|(completed_at, device_count)| CurrentSnapshot {
            // Written by publish_generation as RFC 3339; an unreadable value is a corrupt row,
            // shown as "unknown date" rather than failing the whole status bar.
            completed_at: DateTime::parse_from_rfc3339(&completed_at)
                .ok()
                .map(|d| d.with_timezone(&Utc)),
            device_count,
        }))
    }

    /// Records a completed generation and makes it the current one, in one transaction.
    /// (The sync engine writes the devices of a generation before calling this.)
    pub fn publish_generation(
        &mut self,
        source: &str,
        started_at: DateTime<Utc>,
        completed_at: DateTime<Utc>,
        device_count: u32,
    ) -> Result<i64, StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE snapshot_generations SET is_current = 0 WHERE is_current = 1",
            [],
        )?;
        tx.execute(
            "INSERT INTO snapshot_generations (source, started_at, completed_at, is_current, device_count)
             VALUES (?1, ?2, ?3, 1, ?4)",
            rusqlite::params![
                source,
                started_at.to_rfc3339(),
                completed_at.to_rfc3339(),
                device_count
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }
}
