//! Counts over the current snapshot, for the dashboard.

use chrono::{DateTime, Utc};
use rusqlite::types::{FromSql, Value};

use crate::Store;
use crate::error::StoreError;
use crate::values::{DeviceRole, known, stored_time};

/// What the dashboard counts, straight from SQL; the core turns it into the screen's model.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FleetStats {
    pub total: u32,
    pub by_role: Vec<(DeviceRole, u32)>,
    pub by_cart: Vec<(String, u32)>,
    /// Exact iOS versions; the core groups them by major.minor.
    pub by_os_version: Vec<(String, u32)>,
    pub by_model: Vec<(String, u32)>,
    pub stale: u32,
    /// (jamf id, name, last inventory) of the oldest inventories, oldest (or unknown) first.
    pub oldest: Vec<(String, String, Option<String>)>,
    pub lost_mode: u32,
    pub low_battery: u32,
    pub low_space: u32,
    /// Smart groups by name with their member counts, largest first.
    pub smart_groups: Vec<(String, u32)>,
}

/// The thresholds the dashboard counts against.
#[derive(Debug, Clone)]
pub struct StatsThresholds {
    /// Inventories before this instant are stale.
    pub stale_before: DateTime<Utc>,
    pub low_battery_percent: i64,
    pub low_space_mb: i64,
    /// How many of the oldest inventories to name.
    pub oldest: u32,
}

const CURRENT: &str = "d.valid_from <= ?1 AND (d.valid_to IS NULL OR d.valid_to > ?1)";

impl Store {
    pub fn fleet_stats(&self, t: &StatsThresholds) -> Result<FleetStats, StoreError> {
        Ok(self
            .read_current(|g| self.fleet_stats_in(g, t))?
            .unwrap_or_default())
    }

    /// [`Store::fleet_stats`] in generation `g` (see [`Store::read_current`]).
    fn fleet_stats_in(&self, g: i64, t: &StatsThresholds) -> Result<FleetStats, StoreError> {
        // `extra` may use ?2, bound to `value` when given.
        let count = |extra: &str, value: Option<Value>| -> Result<u32, StoreError> {
            let sql = format!("SELECT count(*) FROM devices d WHERE {CURRENT} {extra}");
            let mut args = vec![Value::Integer(g)];
            args.extend(value);
            Ok(self
                .conn
                .query_row(&sql, rusqlite::params_from_iter(args), |r| r.get(0))?)
        };
        fn by<K: FromSql>(
            store: &Store,
            g: i64,
            expr: &str,
            order: &str,
        ) -> Result<Vec<(K, u32)>, StoreError> {
            let mut stmt = store.conn.prepare_cached(&format!(
                "SELECT {expr}, count(*) AS n FROM devices d WHERE {CURRENT} AND {expr} IS NOT NULL
                 GROUP BY {expr} ORDER BY {order}"
            ))?;
            let rows = stmt
                .query_map([g], |r| Ok((known(r, 0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            Ok(rows)
        }
        let mut oldest_stmt = self.conn.prepare_cached(&format!(
            "SELECT d.jamf_id, d.name, d.last_inventory_update FROM devices d WHERE {CURRENT}
             ORDER BY d.last_inventory_update IS NOT NULL, julianday(d.last_inventory_update),
                      d.name COLLATE NOCASE
             LIMIT ?2"
        ))?;
        let oldest = oldest_stmt
            .query_map(rusqlite::params![g, t.oldest], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<Result<_, _>>()?;
        let mut groups_stmt = self.conn.prepare_cached(&format!(
            "SELECT gr.group_name, count(*) AS n FROM device_groups gr
             JOIN devices d ON d.row_id = gr.device_row
             WHERE {CURRENT} AND gr.smart = 1 AND gr.group_name IS NOT NULL
             GROUP BY gr.group_name ORDER BY n DESC, gr.group_name COLLATE NOCASE"
        ))?;
        let smart_groups = groups_stmt
            .query_map([g], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(FleetStats {
            total: count("", None)?,
            by_role: by(self, g, "d.role", "d.role")?,
            by_cart: by(self, g, "d.cart", "d.cart COLLATE NOCASE")?,
            by_os_version: by(self, g, "d.os_version", "d.os_version")?,
            by_model: by(self, g, "d.model", "n DESC, d.model")?,
            stale: count(
                "AND (d.last_inventory_update IS NULL OR julianday(d.last_inventory_update) < julianday(?2))",
                Some(Value::Text(stored_time(t.stale_before))),
            )?,
            oldest,
            lost_mode: count("AND d.lost_mode_enabled = 1", None)?,
            low_battery: count(
                "AND d.battery_level <= ?2",
                Some(Value::Integer(t.low_battery_percent)),
            )?,
            low_space: count(
                "AND d.available_mb <= ?2",
                Some(Value::Integer(t.low_space_mb)),
            )?,
            smart_groups,
        })
    }
}
