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
}
