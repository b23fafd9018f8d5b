//! The general inventory: every device of the snapshot, searched, filtered and sorted.
//!
//! The UI virtualises the table: a query returns the ordered ids of every matching device (a few
//! hundred kilobytes at 50 000 devices) and the first rows; the rows the user scrolls to are then
//! read by id. Scrolling never re-runs the search and a keystroke costs one query.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Filters of the inventory; every `None` means "any".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
pub struct InventoryFilter {
    /// Part of a name, serial number, user, asset tag, model or installed app.
    pub search: Option<String>,
    /// `student`, `shared_teacher`, `teacher` or `other`.
    pub role: Option<String>,
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
    pub role: String,
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
