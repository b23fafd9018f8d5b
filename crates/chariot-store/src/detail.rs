//! One device of the current snapshot with everything stored about it (the device screen).

use rusqlite::OptionalExtension;

use crate::Store;
use crate::error::StoreError;
use crate::rows::{AppRow, DeviceRow, GroupRow, LostPosition, ProfileRow, SharedUserRow};
use crate::values::known;

impl Store {
    /// The device with this Jamf id in the current snapshot; `None` when it is not there.
    pub fn device(&self, jamf_id: &str) -> Result<Option<DeviceRow>, StoreError> {
        Ok(self.read_current(|g| self.device_in(g, jamf_id))?.flatten())
    }

    /// [`Store::device`] in generation `g` (see [`Store::read_current`]).
    fn device_in(&self, g: i64, jamf_id: &str) -> Result<Option<DeviceRow>, StoreError> {
        let found = self
            .conn
            .query_row(
                "SELECT row_id, jamf_id, management_id, name, role, role_reason, rne, cart,
                        serial_number, udid, asset_tag, model, model_identifier, os_version,
                        os_build, managed, supervised, shared_ipad, resident_users, quota_mb,
                        battery_level, capacity_mb, available_mb, username, real_name, email,
                        building, department, room, site_id, ip_address, wifi_mac,
                        last_inventory_update, last_contact, lost_mode_enabled,
                        lost_mode_persistent, lost_mode_message, lost_mode_phone,
                        lost_mode_footnote, lost_latitude, lost_longitude, lost_accuracy_m,
                        lost_reported_at
                 FROM devices
                 WHERE jamf_id = ?2 AND valid_from <= ?1 AND (valid_to IS NULL OR valid_to > ?1)",
                rusqlite::params![g, jamf_id],
                |r| {
                    let (lat, lon): (Option<f64>, Option<f64>) = (r.get(39)?, r.get(40)?);
                    let row = DeviceRow {
                        jamf_id: r.get(1)?,
                        management_id: r.get(2)?,
                        name: r.get(3)?,
                        role: known(r, 4)?,
                        role_reason: r.get(5)?,
                        rne: r.get(6)?,
                        cart: r.get(7)?,
                        serial_number: r.get(8)?,
                        udid: r.get(9)?,
                        asset_tag: r.get(10)?,
                        model: r.get(11)?,
                        model_identifier: r.get(12)?,
                        os_version: r.get(13)?,
                        os_build: r.get(14)?,
                        managed: r.get(15)?,
                        supervised: r.get(16)?,
                        shared_ipad: r.get(17)?,
                        resident_users: r.get(18)?,
                        quota_mb: r.get(19)?,
                        battery_level: r.get(20)?,
                        capacity_mb: r.get(21)?,
                        available_mb: r.get(22)?,
                        username: r.get(23)?,
                        real_name: r.get(24)?,
                        email: r.get(25)?,
                        building: r.get(26)?,
                        department: r.get(27)?,
                        room: r.get(28)?,
                        site_id: r.get(29)?,
                        ip_address: r.get(30)?,
                        wifi_mac: r.get(31)?,
                        last_inventory_update: r.get(32)?,
                        last_contact: r.get(33)?,
                        lost_mode_enabled: r.get(34)?,
                        lost_mode_persistent: r.get(35)?,
                        lost_mode_message: r.get(36)?,
                        lost_mode_phone: r.get(37)?,
                        lost_mode_footnote: r.get(38)?,
                        lost_position: lat.zip(lon).map(|(latitude, longitude)| LostPosition {
                            latitude,
                            longitude,
                            accuracy_m: r.get(41).ok().flatten(),
                            reported_at: r.get(42).ok().flatten(),
                        }),
                        ..DeviceRow::default()
                    };
                    Ok((r.get::<_, i64>(0)?, row))
                },
            )
            .optional()?;
        let Some((row_id, mut device)) = found else {
            return Ok(None);
        };
        device.apps = self.children(
            "SELECT identifier, name, version, short_version, management_status FROM app_set_items
             WHERE set_id = (SELECT app_set FROM devices WHERE row_id = ?1)
             ORDER BY name COLLATE NOCASE",
            row_id,
            |r| {
                Ok(AppRow {
                    identifier: r.get(0)?,
                    name: r.get(1)?,
                    version: r.get(2)?,
                    short_version: r.get(3)?,
                    management_status: r.get(4)?,
                })
            },
        )?;
        device.profiles = self.children(
            "SELECT display_name, identifier, uuid, version FROM profile_set_items
             WHERE set_id = (SELECT profile_set FROM devices WHERE row_id = ?1)
             ORDER BY display_name COLLATE NOCASE",
            row_id,
            |r| {
                Ok(ProfileRow {
                    display_name: r.get(0)?,
                    identifier: r.get(1)?,
                    uuid: r.get(2)?,
                    version: r.get(3)?,
                })
            },
        )?;
        device.groups = self.children(
            "SELECT group_id, group_name, smart
             FROM device_groups WHERE device_row = ?1 ORDER BY group_name COLLATE NOCASE",
            row_id,
            |r| {
                Ok(GroupRow {
                    group_id: r.get(0)?,
                    group_name: r.get(1)?,
                    smart: r.get(2)?,
                })
            },
        )?;
        device.shared_users = self.children(
            "SELECT managed_apple_id, logged_in, data_to_sync
             FROM device_shared_users WHERE device_row = ?1 ORDER BY rowid",
            row_id,
            |r| {
                Ok(SharedUserRow {
                    managed_apple_id: r.get(0)?,
                    logged_in: r.get(1)?,
                    data_to_sync: r.get(2)?,
                })
            },
        )?;
        Ok(Some(device))
    }

    fn children<T>(
        &self,
        sql: &str,
        row_id: i64,
        map: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map([row_id], map)?.collect::<Result<_, _>>()?;
        Ok(rows)
    }
}
