//! Reads of the current snapshot: the inventory list with search, filters and sort.

use chrono::{DateTime, Utc};
use rusqlite::types::Value;

use crate::Store;
use crate::error::StoreError;
use crate::search::{SEARCH_ROWS, trigram_phrase};
use crate::values::{DeviceRole, stored_time};

/// Filters of the inventory list; `None` means "any".
#[derive(Debug, Clone, Default)]
pub struct DeviceQuery {
    /// Substring of name, serial, asset tag, user, model or an installed app.
    pub search: Option<String>,
    pub role: Option<DeviceRole>,
    pub cart: Option<String>,
    pub supervised: Option<bool>,
    pub shared_ipad: Option<bool>,
    pub lost_mode: Option<bool>,
    /// Only devices whose last inventory is older than this instant (or unknown).
    pub inventory_before: Option<DateTime<Utc>>,
    /// Only devices whose last inventory is at or after this instant.
    pub inventory_since: Option<DateTime<Utc>>,
    /// Member of the group with this name (static or smart).
    pub group: Option<String>,
    pub site_id: Option<String>,
    /// iOS version or its start: `17` matches 17.x, `17.5` matches 17.5 and 17.5.1.
    pub os_version: Option<String>,
    /// Exact model name, e.g. `iPad (9th generation)`.
    pub model: Option<String>,
    pub battery_min: Option<i64>,
    pub battery_max: Option<i64>,
    pub free_mb_min: Option<i64>,
    pub free_mb_max: Option<i64>,
    pub sort: SortKey,
    pub descending: bool,
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Name,
    Serial,
    Model,
    OsVersion,
    Battery,
    AvailableSpace,
    LastInventory,
    User,
    Cart,
    Role,
    AssetTag,
}

impl SortKey {
    fn column(self) -> &'static str {
        match self {
            SortKey::Name => "d.name COLLATE NOCASE",
            SortKey::Serial => "d.serial_number",
            SortKey::Model => "d.model",
            SortKey::OsVersion => "d.os_version",
            SortKey::Battery => "d.battery_level",
            SortKey::AvailableSpace => "d.available_mb",
            SortKey::LastInventory => "d.last_inventory_update",
            SortKey::User => "d.username COLLATE NOCASE",
            SortKey::Cart => "d.cart COLLATE NOCASE",
            SortKey::Role => "d.role",
            SortKey::AssetTag => "d.asset_tag",
        }
    }

    pub fn parse(s: &str) -> Option<SortKey> {
        Some(match s {
            "name" => SortKey::Name,
            "serial" => SortKey::Serial,
            "model" => SortKey::Model,
            "os" => SortKey::OsVersion,
            "battery" => SortKey::Battery,
            "free-space" => SortKey::AvailableSpace,
            "last-inventory" => SortKey::LastInventory,
            "user" => SortKey::User,
            "cart" => SortKey::Cart,
            "role" => SortKey::Role,
            "asset-tag" => SortKey::AssetTag,
            _ => return None,
        })
    }
}

/// A device in lost mode, as the lost-mode map shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct LostDeviceRow {
    pub jamf_id: String,
    pub name: String,
    pub battery_level: Option<i64>,
    pub message: Option<String>,
    pub position: Option<crate::LostPosition>,
}

/// A row of the inventory list.
#[derive(Debug, Clone, PartialEq)]
pub struct DeviceListRow {
    pub jamf_id: String,
    pub name: String,
    pub role: String,
    pub cart: Option<String>,
    pub serial_number: Option<String>,
    pub asset_tag: Option<String>,
    pub model: Option<String>,
    pub os_version: Option<String>,
    pub battery_level: Option<i64>,
    pub capacity_mb: Option<i64>,
    pub available_mb: Option<i64>,
    pub username: Option<String>,
    pub supervised: Option<bool>,
    pub shared_ipad: Option<bool>,
    pub lost_mode_enabled: Option<bool>,
    pub last_inventory_update: Option<String>,
    /// What the Jamf Pro API's MDM commands address a device by.
    pub management_id: Option<String>,
}

impl Store {
    /// Devices of the current snapshot matching `query` (empty when nothing was synced).
    pub fn list_devices(&self, query: &DeviceQuery) -> Result<Vec<DeviceListRow>, StoreError> {
        Ok(self
            .read_current(|g| self.list_devices_in(g, query))?
            .unwrap_or_default())
    }

    /// [`Store::list_devices`] in generation `g` (see [`Store::read_current`]).
    fn list_devices_in(
        &self,
        g: i64,
        query: &DeviceQuery,
    ) -> Result<Vec<DeviceListRow>, StoreError> {
        let (sql, args) = filtered(LIST_COLUMNS, g, query);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args), list_row)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// The list rows of these devices, in the order given; ids not in the snapshot are skipped.
    pub fn devices_by_ids(&self, ids: &[String]) -> Result<Vec<DeviceListRow>, StoreError> {
        Ok(self
            .read_current(|g| self.devices_by_ids_in(g, ids))?
            .unwrap_or_default())
    }

    /// [`Store::devices_by_ids`] in generation `g` (see [`Store::read_current`]).
    fn devices_by_ids_in(&self, g: i64, ids: &[String]) -> Result<Vec<DeviceListRow>, StoreError> {
        let mut by_id: std::collections::HashMap<String, DeviceListRow> =
            std::collections::HashMap::with_capacity(ids.len());
        // SQLite limits bound parameters; 500 per statement stays far below every limit.
        for chunk in ids.chunks(500) {
            let marks: Vec<String> = (0..chunk.len()).map(|i| format!("?{}", i + 2)).collect();
            let sql = format!(
                "SELECT {LIST_COLUMNS} FROM devices d
                 WHERE d.valid_from <= ?1 AND (d.valid_to IS NULL OR d.valid_to > ?1)
                   AND d.jamf_id IN ({})",
                marks.join(",")
            );
            let mut args: Vec<Value> = vec![Value::Integer(g)];
            args.extend(chunk.iter().map(|id| Value::Text(id.clone())));
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(args), list_row)?;
            for row in rows {
                let row = row?;
                by_id.insert(row.jamf_id.clone(), row);
            }
        }
        Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }

    /// Devices in lost mode, with their last reported position when known (the lost-mode map).
    pub fn lost_mode_devices(&self) -> Result<Vec<LostDeviceRow>, StoreError> {
        Ok(self
            .read_current(|g| self.lost_mode_devices_in(g))?
            .unwrap_or_default())
    }

    /// [`Store::lost_mode_devices`] in generation `g` (see [`Store::read_current`]).
    fn lost_mode_devices_in(&self, g: i64) -> Result<Vec<LostDeviceRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT jamf_id, name, battery_level, lost_mode_message, lost_latitude, lost_longitude,
                    lost_accuracy_m, lost_reported_at
             FROM devices WHERE valid_from <= ?1 AND (valid_to IS NULL OR valid_to > ?1)
               AND lost_mode_enabled = 1 ORDER BY name COLLATE NOCASE",
        )?;
        let rows = stmt
            .query_map([g], |r| {
                let (lat, lon): (Option<f64>, Option<f64>) = (r.get(4)?, r.get(5)?);
                Ok(LostDeviceRow {
                    jamf_id: r.get(0)?,
                    name: r.get(1)?,
                    battery_level: r.get(2)?,
                    message: r.get(3)?,
                    position: lat
                        .zip(lon)
                        .map(|(latitude, longitude)| crate::LostPosition {
                            latitude,
                            longitude,
                            accuracy_m: r.get(6).ok().flatten(),
                            reported_at: r.get(7).ok().flatten(),
                        }),
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// jamf id → last known position of every lost device that has one (reused by the next
    /// sync when the server reports no newer location).
    pub fn lost_positions(
        &self,
    ) -> Result<std::collections::HashMap<String, crate::LostPosition>, StoreError> {
        Ok(self
            .lost_mode_devices()?
            .into_iter()
            .filter_map(|d| d.position.map(|p| (d.jamf_id, p)))
            .collect())
    }

    /// jamf id → the fingerprint of its groups' (id, name) pairs
    /// ([`crate::group_set_fingerprint`]), for every device in the current snapshot: an
    /// incremental sync compares them with the server's (a device that changed groups, or a
    /// group renamed — a cart's name is its group's — is read again).
    pub fn device_group_fingerprints(
        &self,
    ) -> Result<std::collections::HashMap<String, u64>, StoreError> {
        Ok(self
            .read_current(|g| self.device_group_fingerprints_in(g))?
            .unwrap_or_default())
    }

    /// [`Store::device_group_fingerprints`] in generation `g` (see [`Store::read_current`]).
    fn device_group_fingerprints_in(
        &self,
        g: i64,
    ) -> Result<std::collections::HashMap<String, u64>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.jamf_id, gr.group_id, gr.group_name FROM devices d
             LEFT JOIN device_groups gr ON gr.device_row = d.row_id
             WHERE d.valid_from <= ?1 AND (d.valid_to IS NULL OR d.valid_to > ?1)",
        )?;
        let mut map: std::collections::HashMap<String, u64> = Default::default();
        let mut rows = stmt.query([g])?;
        while let Some(row) = rows.next()? {
            // Borrowed, not copied: a district has tens of thousands of memberships.
            let text = |i: usize| -> rusqlite::Result<Option<&str>> {
                Ok(row.get_ref(i)?.as_str_or_null()?)
            };
            let id = text(0)?.unwrap_or_default();
            let sum = match map.get_mut(id) {
                Some(sum) => sum,
                None => map.entry(id.to_owned()).or_default(),
            };
            // A device in no group has one row of NULLs (the LEFT JOIN); a group without an
            // id is not compared (nor is it on the server's side).
            if let Some(group) = text(1)? {
                let pair = (group, text(2)?.unwrap_or_default());
                *sum = sum.wrapping_add(crate::group_set_fingerprint([pair]));
            }
        }
        Ok(map)
    }

    /// jamf id → last inventory date of every device in the current snapshot.
    pub fn device_inventory_dates(
        &self,
    ) -> Result<std::collections::HashMap<String, Option<String>>, StoreError> {
        Ok(self
            .read_current(|g| self.device_inventory_dates_in(g))?
            .unwrap_or_default())
    }

    /// [`Store::device_inventory_dates`] in generation `g` (see [`Store::read_current`]).
    fn device_inventory_dates_in(
        &self,
        g: i64,
    ) -> Result<std::collections::HashMap<String, Option<String>>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT jamf_id, last_inventory_update FROM devices
             WHERE valid_from <= ?1 AND (valid_to IS NULL OR valid_to > ?1)",
        )?;
        let map = stmt
            .query_map([g], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(map)
    }
}

pub(crate) const LIST_COLUMNS: &str =
    "d.jamf_id, d.name, d.role, d.cart, d.serial_number, d.asset_tag, d.model,
    d.os_version, d.battery_level, d.capacity_mb, d.available_mb, d.username, d.supervised,
    d.shared_ipad, d.lost_mode_enabled, d.last_inventory_update, d.management_id";

pub(crate) fn list_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DeviceListRow> {
    Ok(DeviceListRow {
        jamf_id: r.get(0)?,
        name: r.get(1)?,
        role: r.get(2)?,
        cart: r.get(3)?,
        serial_number: r.get(4)?,
        asset_tag: r.get(5)?,
        model: r.get(6)?,
        os_version: r.get(7)?,
        battery_level: r.get(8)?,
        capacity_mb: r.get(9)?,
        available_mb: r.get(10)?,
        username: r.get(11)?,
        supervised: r.get(12)?,
        shared_ipad: r.get(13)?,
        lost_mode_enabled: r.get(14)?,
        last_inventory_update: r.get(15)?,
        management_id: r.get(16)?,
    })
}

/// `SELECT columns FROM devices d WHERE <current generation g> AND <filters> ORDER BY …`, with
/// its bound values (?1 is the generation).
pub(crate) fn filtered(columns: &str, g: i64, query: &DeviceQuery) -> (String, Vec<Value>) {
    filtered_with(columns, g, query, "")
}

/// [`filtered`] with an extra condition (` AND ...`, no bound values) after the generation's.
pub(crate) fn filtered_with(
    columns: &str,
    g: i64,
    query: &DeviceQuery,
    extra: &str,
) -> (String, Vec<Value>) {
    let mut sql = format!(
        "SELECT {columns} FROM devices d
         WHERE d.valid_from <= ?1 AND (d.valid_to IS NULL OR d.valid_to > ?1){extra}"
    );
    let mut args: Vec<Value> = vec![Value::Integer(g)];
    let mut push = |sql: &mut String, clause: &str, value: Value| {
        args.push(value);
        sql.push_str(&clause.replace('?', &format!("?{}", args.len())));
    };
    if let Some(term) = query
        .search
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        if let Some(phrase) = trigram_phrase(term) {
            push(
                &mut sql,
                &format!(" AND d.row_id IN ({SEARCH_ROWS})"),
                Value::Text(phrase),
            );
        } else {
            let like = format!(
                "%{}%",
                term.replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            );
            push(
                &mut sql,
                " AND (d.name LIKE ? ESCAPE '\\'",
                Value::Text(like.clone()),
            );
            push(
                &mut sql,
                " OR d.serial_number LIKE ? ESCAPE '\\')",
                Value::Text(like),
            );
        }
    }
    if let Some(role) = query.role {
        push(
            &mut sql,
            " AND d.role = ?",
            Value::Text(role.as_str().into()),
        );
    }
    if let Some(cart) = &query.cart {
        push(
            &mut sql,
            " AND d.cart = ? COLLATE NOCASE",
            Value::Text(cart.clone()),
        );
    }
    for (flag, column) in [
        (query.supervised, "d.supervised"),
        (query.shared_ipad, "d.shared_ipad"),
        (query.lost_mode, "d.lost_mode_enabled"),
    ] {
        if let Some(flag) = flag {
            push(
                &mut sql,
                &format!(" AND coalesce({column}, 0) = ?"),
                Value::Integer(flag.into()),
            );
        }
    }
    if let Some(before) = query.inventory_before {
        push(
            &mut sql,
            " AND (d.last_inventory_update IS NULL OR julianday(d.last_inventory_update) < julianday(?))",
            Value::Text(stored_time(before)),
        );
    }
    if let Some(since) = query.inventory_since {
        push(
            &mut sql,
            " AND julianday(d.last_inventory_update) >= julianday(?)",
            Value::Text(stored_time(since)),
        );
    }
    if let Some(group) = &query.group {
        push(
            &mut sql,
            " AND EXISTS (SELECT 1 FROM device_groups gr WHERE gr.device_row = d.row_id AND gr.group_name = ? COLLATE NOCASE)",
            Value::Text(group.clone()),
        );
    }
    if let Some(model) = &query.model {
        push(&mut sql, " AND d.model = ?", Value::Text(model.clone()));
    }
    if let Some(site) = &query.site_id {
        push(&mut sql, " AND d.site_id = ?", Value::Text(site.clone()));
    }
    if let Some(os) = &query.os_version {
        push(&mut sql, " AND (d.os_version = ?", Value::Text(os.clone()));
        push(
            &mut sql,
            " OR d.os_version LIKE ? ESCAPE '\\')",
            Value::Text(format!("{}.%", os.replace('%', "\\%").replace('_', "\\_"))),
        );
    }
    for (bound, clause) in [
        (query.battery_min, " AND d.battery_level >= ?"),
        (query.battery_max, " AND d.battery_level <= ?"),
        (query.free_mb_min, " AND d.available_mb >= ?"),
        (query.free_mb_max, " AND d.available_mb <= ?"),
    ] {
        if let Some(bound) = bound {
            push(&mut sql, clause, Value::Integer(bound));
        }
    }
    let direction = if query.descending { "DESC" } else { "ASC" };
    if query.sort == SortKey::Name {
        // Names are never NULL: this order is the one of the `devices_by_name` index, so the
        // default view needs no sort at all.
        sql.push_str(&format!(
            " ORDER BY d.name COLLATE NOCASE {direction}, d.jamf_id {direction}"
        ));
    } else {
        sql.push_str(&format!(
            " ORDER BY {} {direction} NULLS LAST, d.name COLLATE NOCASE, d.jamf_id",
            query.sort.column()
        ));
    }
    if let Some(limit) = query.limit {
        sql.push_str(&format!(" LIMIT {limit}"));
    }
    (sql, args)
}
