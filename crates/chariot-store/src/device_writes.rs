//! Writing device versions inside a sync's transaction. Each device row is inserted at once
//! (its row id is needed); its lists (groups, Shared iPad users) are written at the end of the
//! batch, many rows per statement, then the search entries, one statement. A page of 500
//! devices holds ~10 000 list rows: one statement each cost more than the rows. The installed
//! apps and the configuration profiles are lists shared by every device that has the same
//! ones (see the migrations `app_sets` and `profile_sets`): only a list no device had yet is
//! written.

use std::collections::{BTreeSet, HashMap};

use rusqlite::{OptionalExtension, ToSql, Transaction, params};

use crate::rows::DeviceRow;

type Text<'a> = &'a Option<String>;

/// Device rows inserted in this transaction, and their lists waiting to be written.
#[derive(Default)]
pub(crate) struct Batch<'a> {
    first_row: Option<i64>,
    /// Shared lists already resolved in this batch: fingerprint → id, apps and profiles.
    app_sets: HashMap<i64, i64>,
    profile_sets: HashMap<i64, i64>,
    /// The items of the lists this batch created.
    apps: Vec<(i64, Text<'a>, Text<'a>, Text<'a>, Text<'a>, Text<'a>)>,
    profiles: Vec<(i64, Text<'a>, Text<'a>, Text<'a>, Text<'a>)>,
    groups: Vec<(i64, Text<'a>, Text<'a>, Option<bool>)>,
    users: Vec<(i64, Text<'a>, Option<bool>, Option<bool>)>,
}

impl<'a> Batch<'a> {
    /// Inserts the device version; its lists are kept for [`Batch::finish`]. The caller
    /// must not delete this row before `finish` (see [`crate::newest::newest_copies`]).
    pub(crate) fn insert(
        &mut self,
        tx: &Transaction<'_>,
        d: &'a DeviceRow,
        g: i64,
    ) -> Result<i64, rusqlite::Error> {
        let app_set = self.app_set(tx, d)?;
        let profile_set = self.profile_set(tx, d)?;
        tx.prepare_cached(
            "INSERT INTO devices (valid_from, jamf_id, content_hash, management_id, name, role, role_reason,
                rne, cart, serial_number, udid, asset_tag, model, model_identifier, os_version, os_build,
                managed, supervised, shared_ipad, resident_users, quota_mb, battery_level, capacity_mb,
                available_mb, username, real_name, email, building, department, room, site_id, ip_address,
                wifi_mac, last_inventory_update, last_contact, lost_mode_enabled, lost_mode_persistent,
                lost_mode_message, lost_mode_phone, lost_mode_footnote, lost_latitude, lost_longitude,
                lost_accuracy_m, lost_reported_at, app_set, profile_set)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35,
                ?36, ?37, ?38, ?39, ?40, ?41, ?42, ?43, ?44, ?45, ?46)",
        )?
        .execute(params![
            g, d.jamf_id, d.content_hash(), d.management_id, d.name, d.role, d.role_reason, d.rne,
            d.cart, d.serial_number, d.udid, d.asset_tag, d.model, d.model_identifier, d.os_version,
            d.os_build, d.managed, d.supervised, d.shared_ipad, d.resident_users, d.quota_mb,
            d.battery_level, d.capacity_mb, d.available_mb, d.username, d.real_name, d.email,
            d.building, d.department, d.room, d.site_id, d.ip_address, d.wifi_mac,
            d.last_inventory_update, d.last_contact, d.lost_mode_enabled, d.lost_mode_persistent,
            d.lost_mode_message, d.lost_mode_phone, d.lost_mode_footnote,
            d.lost_position.as_ref().map(|p| p.latitude),
            d.lost_position.as_ref().map(|p| p.longitude),
            d.lost_position.as_ref().and_then(|p| p.accuracy_m),
            d.lost_position.as_ref().and_then(|p| p.reported_at.clone()),
            app_set,
            profile_set
        ])?;
        let row = tx.last_insert_rowid();
        self.first_row = Some(self.first_row.map_or(row, |f| f.min(row)));
        for gr in &d.groups {
            self.groups
                .push((row, &gr.group_id, &gr.group_name, gr.smart));
        }
        for u in &d.shared_users {
            self.users
                .push((row, &u.managed_apple_id, u.logged_in, u.data_to_sync));
        }
        Ok(row)
    }

    /// The app list of `d`: one this batch already met, one a previous sync stored, or a new
    /// one, whose items are written by [`Batch::finish`]. `None` without apps.
    fn app_set(
        &mut self,
        tx: &Transaction<'_>,
        d: &'a DeviceRow,
    ) -> Result<Option<i64>, rusqlite::Error> {
        let Some(fingerprint) = d.apps_fingerprint() else {
            return Ok(None);
        };
        let (id, new) = shared_list(tx, &mut self.app_sets, "app_sets", fingerprint)?;
        if new {
            for a in &d.apps {
                self.apps.push((
                    id,
                    &a.identifier,
                    &a.name,
                    &a.version,
                    &a.short_version,
                    &a.management_status,
                ));
            }
        }
        Ok(Some(id))
    }

    /// The same for the configuration profiles.
    fn profile_set(
        &mut self,
        tx: &Transaction<'_>,
        d: &'a DeviceRow,
    ) -> Result<Option<i64>, rusqlite::Error> {
        let Some(fingerprint) = d.profiles_fingerprint() else {
            return Ok(None);
        };
        let (id, new) = shared_list(tx, &mut self.profile_sets, "profile_sets", fingerprint)?;
        if new {
            for p in &d.profiles {
                self.profiles
                    .push((id, &p.display_name, &p.identifier, &p.uuid, &p.version));
            }
        }
        Ok(Some(id))
    }

    /// Writes the lists (each in its order, many rows per statement), then the search
    /// entries.
    pub(crate) fn finish(self, tx: &Transaction<'_>) -> Result<(), rusqlite::Error> {
        let Some(first) = self.first_row else {
            return Ok(());
        };
        write_rows(
            tx,
            "app_set_items (set_id, identifier, name, version, short_version, management_status)",
            6,
            &self.apps,
            |r, p| p.extend([&r.0 as &dyn ToSql, r.1, r.2, r.3, r.4, r.5]),
        )?;
        // The names of new lists' apps join the app search (most are known already).
        let names: BTreeSet<&str> = self.apps.iter().filter_map(|a| a.2.as_deref()).collect();
        let mut add_name =
            tx.prepare_cached("INSERT OR IGNORE INTO app_names (name) VALUES (?1)")?;
        for name in names {
            add_name.execute([name])?;
        }
        write_rows(
            tx,
            "profile_set_items (set_id, display_name, identifier, uuid, version)",
            5,
            &self.profiles,
            |r, p| p.extend([&r.0 as &dyn ToSql, r.1, r.2, r.3, r.4]),
        )?;
        write_rows(
            tx,
            "device_groups (device_row, group_id, group_name, smart)",
            4,
            &self.groups,
            |r, p| p.extend([&r.0 as &dyn ToSql, r.1, r.2, &r.3]),
        )?;
        write_rows(
            tx,
            "device_shared_users (device_row, managed_apple_id, logged_in, data_to_sync)",
            4,
            &self.users,
            |r, p| p.extend([&r.0 as &dyn ToSql, r.1, &r.2, &r.3]),
        )?;
        index_new_rows(tx, first)
    }
}

/// The id of the shared list (in `table`: `app_sets` or `profile_sets`) with this
/// fingerprint: met earlier in the batch (`seen`), stored by a previous sync, or created now
/// (`true`: its items are the caller's to write).
fn shared_list(
    tx: &Transaction<'_>,
    seen: &mut HashMap<i64, i64>,
    table: &str,
    fingerprint: i64,
) -> Result<(i64, bool), rusqlite::Error> {
    if let Some(id) = seen.get(&fingerprint) {
        return Ok((*id, false));
    }
    let stored: Option<i64> = tx
        .prepare_cached(&format!("SELECT id FROM {table} WHERE fingerprint = ?1"))?
        .query_row([fingerprint], |r| r.get(0))
        .optional()?;
    let (id, new) = match stored {
        Some(id) => (id, false),
        None => {
            tx.prepare_cached(&format!("INSERT INTO {table} (fingerprint) VALUES (?1)"))?
                .execute([fingerprint])?;
            (tx.last_insert_rowid(), true)
        }
    };
    seen.insert(fingerprint, id);
    Ok((id, new))
}

/// Rows per multi-row INSERT (SQLite allows 32 766 parameters; 64 rows of 6 is far below).
const ROWS_PER_STATEMENT: usize = 64;

/// Inserts `rows` into `table` (with its column list) `ROWS_PER_STATEMENT` at a time, the
/// rest one by one (two cached statements per table, whatever the batch size).
///
/// `OR FAIL`, with the lists' foreign keys checked at commit: a statement that fails keeps
/// the rows it wrote before failing, so SQLite needs no statement journal to undo it (it
/// copied every page such an insert touched to a temporary file). Nothing half-written can
/// remain: any error ends the whole transaction, which the caller then rolls back.
fn write_rows<'r, T>(
    tx: &Transaction<'_>,
    table: &str,
    columns: usize,
    rows: &'r [T],
    params: impl Fn(&'r T, &mut Vec<&'r dyn ToSql>),
) -> Result<(), rusqlite::Error> {
    let values = |n: usize| {
        let one = format!("({})", vec!["?"; columns].join(", "));
        vec![one; n].join(", ")
    };
    let mut chunks = rows.chunks_exact(ROWS_PER_STATEMENT);
    let mut bound: Vec<&dyn ToSql> = Vec::with_capacity(ROWS_PER_STATEMENT * columns);
    if chunks.len() > 0 {
        let sql = format!(
            "INSERT OR FAIL INTO {table} VALUES {}",
            values(ROWS_PER_STATEMENT)
        );
        let mut statement = tx.prepare_cached(&sql)?;
        for chunk in chunks.by_ref() {
            bound.clear();
            chunk.iter().for_each(|r| params(r, &mut bound));
            statement.execute(bound.as_slice())?;
        }
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut statement =
            tx.prepare_cached(&format!("INSERT OR FAIL INTO {table} VALUES {}", values(1)))?;
        for r in rest {
            bound.clear();
            params(r, &mut bound);
            statement.execute(bound.as_slice())?;
        }
    }
    Ok(())
}

/// Indexes the device rows from `first` on (those the transaction inserted: row ids only
/// grow) for search. One statement per batch: FTS5 flushes its pending terms at every
/// statement that writes to it, so a row at a time wrote (and then merged) one tiny index
/// segment per device.
fn index_new_rows(tx: &Transaction<'_>, first: i64) -> Result<(), rusqlite::Error> {
    tx.prepare_cached(
        "INSERT INTO device_search (rowid, name, serial_number, asset_tag, username, real_name, model)
         SELECT row_id, name, serial_number, asset_tag, username, real_name, model
         FROM devices WHERE row_id >= ?1",
    )?
    .execute([first])?;
    Ok(())
}
