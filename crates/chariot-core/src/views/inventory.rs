//! The general inventory: every device of the snapshot, searched, filtered and sorted.
//!
//! The UI virtualises the table: a query returns the ordered ids of every matching device (a few
//! hundred kilobytes at 50 000 devices) and the first rows; the rows the user scrolls to are then
//! read by id. Scrolling never re-runs the search and a keystroke costs one query.

use chariot_store::{DeviceListRow, DeviceQuery, SortKey, Store};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::AppError;
use crate::fleet::DeviceRole;

/// Filters of the inventory; every `None` means "any".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
pub struct InventoryFilter {
    /// Part of a name, serial number, user, asset tag, model or installed app.
    pub search: Option<String>,
    /// Devices of this role only.
    pub role: Option<DeviceRole>,
    /// Cart name, e.g. `Chariot 1`.
    pub cart: Option<String>,
    /// Member of this group (static or smart), by name.
    pub group: Option<String>,
    pub site_id: Option<String>,
    /// `17` matches every 17.x, `17.5` matches 17.5 and 17.5.1.
    pub os_version: Option<String>,
    pub model: Option<String>,
    pub supervised: Option<bool>,
    pub shared_ipad: Option<bool>,
    pub lost_mode: Option<bool>,
    /// Only devices whose last inventory is older than the stale threshold of Réglages.
    pub stale: Option<bool>,
    pub battery_min: Option<u32>,
    pub battery_max: Option<u32>,
    /// Free space bounds in megabytes.
    pub free_mb_min: Option<u32>,
    pub free_mb_max: Option<u32>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InventorySort {
    #[default]
    Name,
    Serial,
    Model,
    OsVersion,
    Battery,
    FreeSpace,
    LastInventory,
    User,
    Cart,
    Role,
    AssetTag,
}

/// The columns the user can show, hide and reorder ("Affichage de l'inventaire").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InventoryColumn {
    Name,
    Role,
    Cart,
    Serial,
    AssetTag,
    Model,
    OsVersion,
    User,
    Battery,
    FreeSpace,
    Capacity,
    Supervised,
    SharedIpad,
    LostMode,
    LastInventory,
}

impl InventoryColumn {
    /// What a fresh install shows: the guide's own columns, last inventory date always last.
    pub const DEFAULT: [InventoryColumn; 8] = [
        InventoryColumn::Name,
        InventoryColumn::Cart,
        InventoryColumn::Serial,
        InventoryColumn::Model,
        InventoryColumn::OsVersion,
        InventoryColumn::User,
        InventoryColumn::Battery,
        InventoryColumn::LastInventory,
    ];
}

/// Request of `inventory_query`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
pub struct InventoryRequest {
    pub filter: InventoryFilter,
    pub sort: InventorySort,
    pub descending: bool,
    /// How many rows to return with the ids (the first screenful).
    pub first_rows: u32,
}

/// Answer of `inventory_query`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InventoryResult {
    /// Number of matching devices ("252 appareils").
    pub total: u32,
    /// The Jamf ids of every matching device, in display order.
    pub ids: Vec<String>,
    /// The first `first_rows` rows, in the same order.
    pub rows: Vec<InventoryRow>,
    /// Devices whose last inventory is before this instant are stale.
    pub stale_before: DateTime<Utc>,
}

/// Request of `inventory_rows`: the rows the table scrolled to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeviceRowsRequest {
    pub ids: Vec<String>,
}

/// One line of the inventory table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InventoryRow {
    pub id: String,
    pub name: String,
    pub role: DeviceRole,
    pub cart: Option<String>,
    pub serial_number: Option<String>,
    pub asset_tag: Option<String>,
    pub model: Option<String>,
    pub os_version: Option<String>,
    pub username: Option<String>,
    pub battery_level: Option<u32>,
    pub capacity_mb: Option<u32>,
    pub available_mb: Option<u32>,
    pub supervised: Option<bool>,
    pub shared_ipad: Option<bool>,
    pub lost_mode: Option<bool>,
    /// "Dernière mise à jour de l'inventaire".
    pub last_inventory: Option<DateTime<Utc>>,
    /// Last inventory older than the threshold of Réglages (or never reported).
    pub stale: bool,
}

/// The instant before which an inventory is stale, `days` before `now`.
pub fn stale_before(now: DateTime<Utc>, days: u32) -> DateTime<Utc> {
    now - Duration::days(i64::from(days))
}

/// Reads a server date: RFC 3339, or the offset-less form some Jamf fields use (taken as UTC).
pub(crate) fn parse_date(s: Option<&str>) -> Option<DateTime<Utc>> {
    let s = s?.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.with_timezone(&Utc));
    }
    ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|f| chrono::NaiveDateTime::parse_from_str(s, f).ok())
        .map(|n| n.and_utc())
}

fn clamp_u32(v: Option<i64>) -> Option<u32> {
    v.map(|v| v.clamp(0, i64::from(u32::MAX)) as u32)
}

impl InventorySort {
    fn key(self) -> SortKey {
        match self {
            InventorySort::Name => SortKey::Name,
            InventorySort::Serial => SortKey::Serial,
            InventorySort::Model => SortKey::Model,
            InventorySort::OsVersion => SortKey::OsVersion,
            InventorySort::Battery => SortKey::Battery,
            InventorySort::FreeSpace => SortKey::AvailableSpace,
            InventorySort::LastInventory => SortKey::LastInventory,
            InventorySort::User => SortKey::User,
            InventorySort::Cart => SortKey::Cart,
            InventorySort::Role => SortKey::Role,
            InventorySort::AssetTag => SortKey::AssetTag,
        }
    }
}

impl InventoryColumn {
    /// The column's key in [`crate::export::COLUMNS`].
    pub fn export_key(self) -> &'static str {
        match self {
            InventoryColumn::Name => "name",
            InventoryColumn::Role => "role",
            InventoryColumn::Cart => "cart",
            InventoryColumn::Serial => "serial",
            InventoryColumn::AssetTag => "asset-tag",
            InventoryColumn::Model => "model",
            InventoryColumn::OsVersion => "os",
            InventoryColumn::User => "user",
            InventoryColumn::Battery => "battery",
            InventoryColumn::FreeSpace => "free-mb",
            InventoryColumn::Capacity => "capacity-mb",
            InventoryColumn::Supervised => "supervised",
            InventoryColumn::SharedIpad => "shared-ipad",
            InventoryColumn::LostMode => "lost-mode",
            InventoryColumn::LastInventory => "last-inventory",
        }
    }
}

fn blank_to_none(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// The store query for a filter of the screen.
pub fn device_query(
    filter: &InventoryFilter,
    sort: InventorySort,
    descending: bool,
    stale_before: DateTime<Utc>,
) -> DeviceQuery {
    DeviceQuery {
        search: blank_to_none(&filter.search),
        role: filter.role,
        cart: blank_to_none(&filter.cart),
        group: blank_to_none(&filter.group),
        site_id: blank_to_none(&filter.site_id),
        os_version: blank_to_none(&filter.os_version),
        model: blank_to_none(&filter.model),
        supervised: filter.supervised,
        shared_ipad: filter.shared_ipad,
        lost_mode: filter.lost_mode,
        inventory_before: (filter.stale == Some(true)).then_some(stale_before),
        inventory_since: (filter.stale == Some(false)).then_some(stale_before),
        battery_min: filter.battery_min.map(i64::from),
        battery_max: filter.battery_max.map(i64::from),
        free_mb_min: filter.free_mb_min.map(i64::from),
        free_mb_max: filter.free_mb_max.map(i64::from),
        sort: sort.key(),
        descending,
        limit: None,
    }
}

impl InventoryRow {
    pub fn from_list_row(row: DeviceListRow, stale_before: DateTime<Utc>) -> InventoryRow {
        let last_inventory = parse_date(row.last_inventory_update.as_deref());
        InventoryRow {
            stale: last_inventory.is_none_or(|d| d < stale_before),
            id: row.jamf_id,
            name: row.name,
            // The list row keeps the role as text for the export's columns (export/, not
            // typed yet); the store's CHECK allows only the four names.
            role: DeviceRole::from(row.role.as_str()),
            cart: row.cart,
            serial_number: row.serial_number,
            asset_tag: row.asset_tag,
            model: row.model,
            os_version: row.os_version,
            username: row.username,
            battery_level: clamp_u32(row.battery_level),
            capacity_mb: clamp_u32(row.capacity_mb),
            available_mb: clamp_u32(row.available_mb),
            supervised: row.supervised,
            shared_ipad: row.shared_ipad,
            lost_mode: row.lost_mode_enabled,
            last_inventory,
        }
    }
}

/// `inventory_query`: every matching id in display order, and the first rows.
pub fn query(
    store: &Store,
    request: &InventoryRequest,
    stale_before: DateTime<Utc>,
) -> Result<InventoryResult, AppError> {
    let q = device_query(
        &request.filter,
        request.sort,
        request.descending,
        stale_before,
    );
    let ids = store.list_device_ids(&q)?;
    let first = &ids[..ids.len().min(request.first_rows as usize)];
    let rows = rows(store, first, stale_before)?;
    Ok(InventoryResult {
        total: ids.len() as u32,
        ids,
        rows,
        stale_before,
    })
}

/// `inventory_rows`: the rows of these ids, in the same order (ids no longer in the snapshot
/// are skipped).
pub fn rows(
    store: &Store,
    ids: &[String],
    stale_before: DateTime<Utc>,
) -> Result<Vec<InventoryRow>, AppError> {
    Ok(store
        .devices_by_ids(ids)?
        .into_iter()
        .map(|r| InventoryRow::from_list_row(r, stale_before))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The role filter crosses as the union of the roles: one the back end does not know is
    /// refused at the boundary instead of silently matching nothing.
    #[test]
    fn the_role_filter_is_one_of_the_roles() {
        let filter: InventoryFilter =
            serde_json::from_value(serde_json::json!({ "role": "shared_teacher" })).unwrap();
        assert_eq!(filter.role, Some(DeviceRole::SharedTeacher));
        let q = device_query(&filter, InventorySort::Name, false, Utc::now());
        assert_eq!(q.role, Some(DeviceRole::SharedTeacher));
        assert!(
            serde_json::from_value::<InventoryFilter>(serde_json::json!({ "role": "principal" }))
                .is_err()
        );
    }
}
