//! The dashboard (Bureau): what needs attention this morning, each number a link to the
//! inventory filtered on it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One bar of a breakdown: `key` is the filter value the inventory link uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CountBy {
    pub key: String,
    pub count: u32,
}

/// A device named on the dashboard (the oldest inventories).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeviceRef {
    pub id: String,
    pub name: String,
    pub last_inventory: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    pub total: u32,
    /// By role: `student`, `shared_teacher`, `teacher`, `other` (always the four, in that order).
    pub by_role: Vec<CountBy>,
    /// By cart name; devices in no cart are not counted here.
    pub by_cart: Vec<CountBy>,
    /// By major.minor iOS version, newest first.
    pub by_os: Vec<CountBy>,
    /// By model name, most numerous first.
    pub by_model: Vec<CountBy>,
    /// Devices whose inventory is older than `stale_after_days`.
    pub stale: u32,
    pub stale_after_days: u32,
    /// The oldest inventories (at most 5), oldest first.
    pub oldest: Vec<DeviceRef>,
    pub lost_mode: u32,
    /// Battery at or below `low_battery_percent`.
    pub low_battery: u32,
    pub low_battery_percent: u32,
    /// Free space at or below `low_space_mb`.
    pub low_space: u32,
    pub low_space_mb: u32,
    /// Smart groups with their member counts, largest first.
    pub smart_groups: Vec<CountBy>,
    pub synced_at: Option<DateTime<Utc>>,
}
