//! The dashboard (Bureau): what needs attention this morning, each number a link to the
//! inventory filtered on it.

use chariot_store::{StatsThresholds, Store};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::AppError;
use crate::fleet::DeviceRole;

/// One bar of a breakdown: `key` is the filter value the inventory link uses (a name, or a
/// typed value such as a role: the UI then gets a union, not any string).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CountBy<K = String> {
    pub key: K,
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
    /// By role: always the four, in the order of `DEVICE_ROLES`.
    pub by_role: Vec<CountBy<DeviceRole>>,
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

/// Battery at or below this is "low" on the dashboard.
pub const LOW_BATTERY_PERCENT: u32 = 20;
/// Free space at or below this (2 Go) is "low": too little for an iOS update.
pub const LOW_SPACE_MB: u32 = 2048;

/// `17.5.1` → `17.5`; `18` → `18`.
fn major_minor(version: &str) -> String {
    version.split('.').take(2).collect::<Vec<_>>().join(".")
}

/// Numeric version order, newest first (`17.10` after `17.9`).
fn version_desc(a: &str, b: &str) -> std::cmp::Ordering {
    let parts = |v: &str| -> Vec<u32> { v.split('.').map(|p| p.parse().unwrap_or(0)).collect() };
    parts(b).cmp(&parts(a))
}

fn counts(pairs: Vec<(String, u32)>) -> Vec<CountBy> {
    pairs
        .into_iter()
        .map(|(key, count)| CountBy { key, count })
        .collect()
}

/// `dashboard`: the counts of the current snapshot.
pub fn dashboard(
    store: &Store,
    stale_after_days: u32,
    now: DateTime<Utc>,
    synced_at: Option<DateTime<Utc>>,
) -> Result<Dashboard, AppError> {
    let stale_before = super::inventory::stale_before(now, stale_after_days);
    let stats = store.fleet_stats(&StatsThresholds {
        stale_before,
        low_battery_percent: i64::from(LOW_BATTERY_PERCENT),
        low_space_mb: i64::from(LOW_SPACE_MB),
        oldest: 5,
    })?;
    let by_role = DeviceRole::ALL
        .into_iter()
        .map(|role| CountBy {
            key: role,
            count: stats
                .by_role
                .iter()
                .find(|(k, _)| *k == role)
                .map_or(0, |(_, n)| *n),
        })
        .collect();
    let mut by_os: Vec<CountBy> = Vec::new();
    for (version, n) in stats.by_os_version {
        let key = major_minor(&version);
        match by_os.iter_mut().find(|c| c.key == key) {
            Some(c) => c.count += n,
            None => by_os.push(CountBy { key, count: n }),
        }
    }
    by_os.sort_by(|a, b| version_desc(&a.key, &b.key));
    Ok(Dashboard {
        total: stats.total,
        by_role,
        by_cart: counts(stats.by_cart),
        by_os,
        by_model: counts(stats.by_model),
        stale: stats.stale,
        stale_after_days,
        oldest: stats
            .oldest
            .into_iter()
            .map(|(id, name, date)| DeviceRef {
                id,
                name,
                last_inventory: super::inventory::parse_date(date.as_deref()),
            })
            .collect(),
        lost_mode: stats.lost_mode,
        low_battery: stats.low_battery,
        low_battery_percent: LOW_BATTERY_PERCENT,
        low_space: stats.low_space,
        low_space_mb: LOW_SPACE_MB,
        smart_groups: counts(stats.smart_groups),
        synced_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_group_by_major_minor_and_sort_numerically() {
        assert_eq!(major_minor("17.5.1"), "17.5");
        assert_eq!(major_minor("18"), "18");
        let mut v = vec!["17.9", "17.10", "18.1", "16.7"];
        v.sort_by(|a, b| version_desc(a, b));
        assert_eq!(v, ["18.1", "17.10", "17.9", "16.7"]);
    }
}
