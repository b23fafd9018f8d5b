//! The life cycle of a snapshot generation: begin, stage rows, publish (full or incremental),
//! abandon, and recovery of whatever a crash left behind.

use chariot_model::newest::replaces;
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, params};

use crate::Store;
use crate::device_writes::Batch;
use crate::error::StoreError;
use crate::newest::newest_copies;
use crate::rows::DeviceRow;
use crate::values::{SyncKind, SyncRunStatus, stored_time};

/// A generation being written; invisible until published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingGeneration {
    pub id: i64,
}

/// What a published sync changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PublishSummary {
    pub generation_id: i64,
    pub device_count: u32,
    pub added: u32,
    pub changed: u32,
    pub removed: u32,
}

const VISIBLE: &str = "valid_from <= ?1 AND (valid_to IS NULL OR valid_to > ?1)";

impl Store {
    /// The id of the current generation, if any.
    pub fn current_generation_id(&self) -> Result<Option<i64>, StoreError> {
        let id = self
            .conn
            .query_row(
                "SELECT id FROM snapshot_generations WHERE is_current = 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        #[cfg(test)]
        if let Some(hook) = self.after_generation_read.take() {
            hook();
        }
        Ok(id)
    }

    /// Where the next incremental sync should start from.
    pub fn current_watermark(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT watermark FROM snapshot_generations WHERE is_current = 1",
                [],
                |r| r.get(0),
            )
            .optional()?
            .flatten())
    }

    pub fn begin_generation(
        &mut self,
        source: &str,
        kind: SyncKind,
        started_at: DateTime<Utc>,
    ) -> Result<PendingGeneration, StoreError> {
        // While a sync writes page after page, the log is copied into the database once, at
        // the end ([`Store::end_of_sync`]), rather than every few pages.
        self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        if kind == SyncKind::Full {
            // Nor are the search index's page-sized segments merged as they come (~6 % of a
            // full sync): the end of the sync merges them all into one anyway.
            self.conn.execute(
                "INSERT INTO device_search (device_search, rank) VALUES ('automerge', 0)",
                [],
            )?;
        }
        self.conn.execute(
            "INSERT INTO snapshot_generations (source, kind, started_at) VALUES (?1, ?2, ?3)",
            params![source, kind, stored_time(started_at)],
        )?;
        Ok(PendingGeneration {
            id: self.conn.last_insert_rowid(),
        })
    }

    /// Full sync: writes a batch (a page) of the new generation, in its own transaction.
    pub fn stage_devices(
        &mut self,
        generation: PendingGeneration,
        devices: &[DeviceRow],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let mut batch = Batch::default();
        // A device seen twice while paging (the fleet moved between pages, which arrive in
        // any order), in this batch or an earlier one: the newest copy stays.
        for device in newest_copies(devices) {
            if make_way(&tx, device, generation.id)? {
                batch.insert(&tx, device, generation.id)?;
            }
        }
        batch.finish(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Full sync: the staged generation replaces the current one, in one transaction.
    pub fn publish_full(
        &mut self,
        generation: PendingGeneration,
        watermark: Option<&str>,
        completed_at: DateTime<Utc>,
    ) -> Result<PublishSummary, StoreError> {
        let previous = self.current_generation_id()?.unwrap_or(0);
        let g = generation.id;
        let tx = self.conn.transaction()?;
        let count = |sql: &str| -> Result<u32, rusqlite::Error> {
            tx.query_row(sql, params![previous, g], |r| r.get(0))
        };
        let added = count(&format!(
            "SELECT count(*) FROM devices n WHERE n.valid_from = ?2 AND NOT EXISTS
               (SELECT 1 FROM devices o WHERE o.jamf_id = n.jamf_id AND o.{VISIBLE_O})"
        ))?;
        let changed = count(&format!(
            "SELECT count(*) FROM devices n JOIN devices o ON o.jamf_id = n.jamf_id
               WHERE n.valid_from = ?2 AND o.{VISIBLE_O} AND o.content_hash <> n.content_hash"
        ))?;
        let removed = count(&format!(
            "SELECT count(*) FROM devices o WHERE o.{VISIBLE_O} AND NOT EXISTS
               (SELECT 1 FROM devices n WHERE n.jamf_id = o.jamf_id AND n.valid_from = ?2)"
        ))?;
        tx.execute(
            &format!("UPDATE devices SET valid_to = ?2 WHERE {VISIBLE} AND valid_from < ?2"),
            params![previous, g],
        )?;
        Ok(make_current(
            tx,
            g,
            watermark,
            completed_at,
            (added, changed, removed),
        )?)
    }

    /// Incremental sync: applies the changed and removed devices on top of the current
    /// generation, all in one transaction (a failure leaves the current one as it was).
    pub fn publish_incremental(
        &mut self,
        generation: PendingGeneration,
        changed_devices: &[DeviceRow],
        removed_ids: &[String],
        watermark: Option<&str>,
        completed_at: DateTime<Utc>,
    ) -> Result<PublishSummary, StoreError> {
        let previous = self.current_generation_id()?.unwrap_or(0);
        let g = generation.id;
        let tx = self.conn.transaction()?;
        let mut batch = Batch::default();
        let (mut added, mut changed, mut removed) = (0, 0, 0);
        // Statements prepared once for the whole batch (a few hundred devices at each sync).
        let current_version =
            format!("SELECT row_id, content_hash FROM devices WHERE jamf_id = ?2 AND {VISIBLE}");
        for device in newest_copies(changed_devices) {
            let old: Option<(i64, i64)> = tx
                .prepare_cached(&current_version)?
                .query_row(params![previous, device.jamf_id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            match old {
                Some((_, hash)) if hash == device.content_hash() => continue,
                Some((row_id, _)) => {
                    tx.prepare_cached("UPDATE devices SET valid_to = ?1 WHERE row_id = ?2")?
                        .execute(params![g, row_id])?;
                    changed += 1;
                }
                None => added += 1,
            }
            delete_version(&tx, &device.jamf_id, g)?;
            batch.insert(&tx, device, g)?;
        }
        for id in removed_ids {
            removed += tx.execute(
                &format!("UPDATE devices SET valid_to = ?3 WHERE jamf_id = ?2 AND {VISIBLE}"),
                params![previous, id, g],
            )? as u32;
        }
        batch.finish(&tx)?;
        Ok(make_current(
            tx,
            g,
            watermark,
            completed_at,
            (added, changed, removed),
        )?)
    }

    /// Gives devices of the current snapshot their lost-mode position, read after the
    /// snapshot was published. `devices` are the rows as published, with the new position:
    /// only the position and the fingerprint are written (the row, its lists and search
    /// entry stay), in one transaction. Devices no longer in the snapshot and rows already so
    /// are left alone. Returns how many rows changed.
    pub fn update_lost_positions(&mut self, devices: &[DeviceRow]) -> Result<u32, StoreError> {
        let Some(g) = self.current_generation_id()? else {
            return Ok(0);
        };
        let tx = self.conn.transaction()?;
        let mut changed = 0;
        for d in devices {
            let p = d.lost_position.as_ref();
            changed += tx
                .prepare_cached(&format!(
                    "UPDATE devices SET lost_latitude = ?3, lost_longitude = ?4,
                        lost_accuracy_m = ?5, lost_reported_at = ?6, content_hash = ?7
                     WHERE jamf_id = ?2 AND {VISIBLE} AND content_hash <> ?7"
                ))?
                .execute(params![
                    g,
                    d.jamf_id,
                    p.map(|p| p.latitude),
                    p.map(|p| p.longitude),
                    p.and_then(|p| p.accuracy_m),
                    p.and_then(|p| p.reported_at.clone()),
                    d.content_hash()
                ])?;
        }
        tx.commit()?;
        Ok(changed as u32)
    }

    /// After a sync (published, failed or cancelled). The device versions no snapshot shows
    /// any more are deleted: here rather than at publication, where deleting the previous
    /// snapshot of a district (~0.5 s) delayed the screens' refresh. After a full sync, the
    /// search indexes are merged into one segment each: written a page at a time, they are
    /// left in a hundred segments for a district, and every search reads each one. Then the
    /// write-ahead log is copied into the database, and SQLite lets do so again on its own.
    /// Housekeeping: a failure is only logged (what screens read stays valid; leftovers are
    /// deleted after the next sync).
    pub fn end_of_sync(&mut self, after_full_sync: bool) {
        if let Err(e) = self.collect_garbage() {
            tracing::warn!(error = %e, "could not delete the previous snapshot's rows");
        }
        let conn = &self.conn;
        let optimize = || -> Result<(), rusqlite::Error> {
            // Back to FTS5's default (see `begin_generation`), whatever became of the sync.
            conn.execute(
                "INSERT INTO device_search (device_search, rank) VALUES ('automerge', 4)",
                [],
            )?;
            if after_full_sync {
                conn.execute_batch(
                    "INSERT INTO device_search (device_search) VALUES ('optimize');
                     INSERT INTO app_search (app_search) VALUES ('optimize');",
                )?;
            }
            Ok(())
        };
        let done = optimize()
            .and_then(|()| conn.pragma_update(None, "wal_autocheckpoint", 1000))
            .and_then(|()| conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())));
        if let Err(e) = done {
            tracing::warn!(error = %e, "could not tidy the database after the sync");
        }
    }

    /// Devices staged so far for `generation`.
    pub fn staged_ids(
        &self,
        generation: PendingGeneration,
    ) -> Result<std::collections::HashSet<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT jamf_id FROM devices WHERE valid_from = ?1")?;
        let ids = stmt
            .query_map([generation.id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// Removes staged devices (deleted on the server while the sync was paging).
    pub fn unstage(
        &mut self,
        generation: PendingGeneration,
        jamf_ids: &[String],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for id in jamf_ids {
            delete_version(&tx, id, generation.id)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Ids of the devices the current snapshot shows in lost mode.
    pub fn lost_mode_ids(&self) -> Result<Vec<String>, StoreError> {
        Ok(self
            .read_current(|g| {
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT jamf_id FROM devices WHERE {VISIBLE} AND lost_mode_enabled = 1"
                ))?;
                let ids = stmt
                    .query_map([g], |r| r.get(0))?
                    .collect::<Result<_, _>>()?;
                Ok(ids)
            })?
            .unwrap_or_default())
    }

    /// Drops a generation that will not be published (failed or cancelled sync).
    pub fn abandon(&mut self, generation: PendingGeneration) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        delete_rows(&tx, "valid_from = ?1", generation.id)?;
        tx.execute(
            "DELETE FROM snapshot_generations WHERE id = ?1 AND is_current = 0",
            [generation.id],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Removes what a crash or a kill left: rows of generations that never became current.
    pub(crate) fn recover(&mut self) -> Result<(), StoreError> {
        let current = self.current_generation_id()?.unwrap_or(0);
        let tx = self.conn.transaction()?;
        let orphans = delete_rows(&tx, "valid_from > ?1", current)?;
        tx.execute(
            "UPDATE devices SET valid_to = NULL WHERE valid_to > ?1",
            [current],
        )?;
        tx.execute(
            "DELETE FROM snapshot_generations WHERE completed_at IS NULL AND is_current = 0",
            [],
        )?;
        tx.execute(
            "UPDATE sync_runs SET status = ?2, error = 'interrupted (Chariot was closed during the sync)', finished_at = ?1 WHERE status = ?3",
            params![stored_time(Utc::now()), SyncRunStatus::Failed, SyncRunStatus::Running],
        )?;
        tx.commit()?;
        if orphans > 0 {
            tracing::info!(orphans, "removed rows of an unfinished sync");
        }
        Ok(())
    }

    /// Deletes superseded device versions; the current generation is untouched.
    fn collect_garbage(&mut self) -> Result<(), StoreError> {
        let current = self.current_generation_id()?.unwrap_or(0);
        let tx = self.conn.transaction()?;
        delete_rows(&tx, "valid_to IS NOT NULL AND valid_to <= ?1", current)?;
        // Shared lists no device version points at any more (their items go with them).
        tx.execute_batch(
            "DELETE FROM app_sets WHERE id NOT IN
               (SELECT app_set FROM devices WHERE app_set IS NOT NULL);
             DELETE FROM profile_sets WHERE id NOT IN
               (SELECT profile_set FROM devices WHERE profile_set IS NOT NULL);",
        )?;
        tx.execute(
            // Rows kept by incremental syncs still point at the generation that wrote them.
            "DELETE FROM snapshot_generations WHERE is_current = 0 AND id < ?1
               AND NOT EXISTS (SELECT 1 FROM devices WHERE valid_from = snapshot_generations.id)",
            [current],
        )?;
        tx.commit()?;
        Ok(())
    }
}

/// The same visibility test, on the alias `o` (previous generation = ?1).
const VISIBLE_O: &str = "valid_from <= ?1 AND (o.valid_to IS NULL OR o.valid_to > ?1)";

/// Makes generation `g` the current one, commits, and sums it up with the (added, changed,
/// removed) devices counted by the caller.
fn make_current(
    tx: Transaction<'_>,
    g: i64,
    watermark: Option<&str>,
    completed_at: DateTime<Utc>,
    (added, changed, removed): (u32, u32, u32),
) -> Result<PublishSummary, rusqlite::Error> {
    let device_count: u32 = tx.query_row(
        &format!("SELECT count(*) FROM devices WHERE {VISIBLE}"),
        [g],
        |r| r.get(0),
    )?;
    tx.execute(
        "UPDATE snapshot_generations SET is_current = 0 WHERE is_current = 1",
        [],
    )?;
    tx.execute(
        "UPDATE snapshot_generations SET is_current = 1, completed_at = ?2, device_count = ?3,
                watermark = ?4 WHERE id = ?1",
        params![g, stored_time(completed_at), device_count, watermark],
    )?;
    tx.commit()?;
    Ok(PublishSummary {
        generation_id: g,
        device_count,
        added,
        changed,
        removed,
    })
}

/// Makes way for `device` in generation `g`, where an earlier batch may have staged it too:
/// that copy is deleted, unless it reported a newer inventory (see [`replaces`]), in which
/// case it stays and `false` says so.
fn make_way(tx: &Transaction<'_>, device: &DeviceRow, g: i64) -> Result<bool, rusqlite::Error> {
    let staged: Option<(i64, Option<String>)> = tx
        .prepare_cached(
            "SELECT row_id, last_inventory_update FROM devices WHERE jamf_id = ?1 AND valid_from = ?2",
        )?
        .query_row(params![device.jamf_id, g], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((row_id, reported)) = staged else {
        return Ok(true);
    };
    if !replaces(device.last_inventory_update.as_deref(), reported.as_deref()) {
        return Ok(false);
    }
    delete_row(tx, row_id)?;
    Ok(true)
}

fn delete_version(tx: &Transaction<'_>, jamf_id: &str, g: i64) -> Result<(), rusqlite::Error> {
    let rows: Vec<i64> = tx
        .prepare_cached("SELECT row_id FROM devices WHERE jamf_id = ?1 AND valid_from = ?2")?
        .query_map(params![jamf_id, g], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for row_id in rows {
        delete_row(tx, row_id)?;
    }
    Ok(())
}

/// Deletes one device version and its search entry (its lists go with it).
fn delete_row(tx: &Transaction<'_>, row_id: i64) -> Result<(), rusqlite::Error> {
    tx.execute("DELETE FROM device_search WHERE rowid = ?1", [row_id])?;
    tx.execute("DELETE FROM devices WHERE row_id = ?1", [row_id])?;
    Ok(())
}

/// Deletes device rows matching `condition` (with ?1 bound to `value`) and their search entries.
fn delete_rows(
    tx: &Transaction<'_>,
    condition: &str,
    value: i64,
) -> Result<usize, rusqlite::Error> {
    tx.execute(
        &format!("DELETE FROM device_search WHERE rowid IN (SELECT row_id FROM devices WHERE {condition})"),
        [value],
    )?;
    tx.execute(&format!("DELETE FROM devices WHERE {condition}"), [value])
}
