//! From Jamf's inventory record to the row the snapshot keeps, with role and cart derived from
//! the guide's conventions.

use chariot_jamf::models::InventoryRecord;
use chariot_store::{AppRow, DeviceRow, GroupRow, ProfileRow, SharedUserRow};

use crate::fleet::{cart_from_groups, classify_name};

/// Whether Jamf Pro answered one of the sections a sync asks for empty: with LENIENT it does
/// so for a device it cannot fully process, rather than fail the page (reference §4.2). The
/// device is kept with what could be read; the sync counts it in its summary.
pub fn is_incomplete(r: &InventoryRecord) -> bool {
    r.general.is_none()
        || r.hardware.is_none()
        || r.user_and_location.is_none()
        || r.security.is_none()
        || r.applications.is_none()
        || r.profiles.is_none()
        || r.shared_users.is_none()
        || r.groups.is_none()
}

pub fn device_row(r: &InventoryRecord) -> DeviceRow {
    let g = r.general.clone().unwrap_or_default();
    let h = r.hardware.clone().unwrap_or_default();
    let u = r.user_and_location.clone().unwrap_or_default();
    let s = r.security.clone().unwrap_or_default();
    let name = g
        .display_name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| format!("#{}", r.mobile_device_id));
    let (role, reason, rne) = classify_name(&name);
    let groups: Vec<GroupRow> = r
        .groups
        .iter()
        .flatten()
        .map(|m| GroupRow {
            group_id: m.group_id.clone(),
            group_name: m.group_name.clone(),
            smart: m.smart,
        })
        .collect();
    let cart = cart_from_groups(
        groups
            .iter()
            .filter(|g| g.smart != Some(true))
            .filter_map(|g| g.group_name.as_deref()),
    );
    DeviceRow {
        jamf_id: r.mobile_device_id.clone(),
        management_id: g.management_id,
        name,
        role,
        role_reason: serde_json::to_value(reason)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default(),
        rne,
        cart,
        serial_number: h.serial_number,
        udid: g.udid,
        asset_tag: g.asset_tag.filter(|t| !t.is_empty()),
        model: h.model,
        model_identifier: h.model_identifier,
        os_version: g.os_version,
        os_build: g.os_build,
        managed: g.managed,
        supervised: g.supervised,
        shared_ipad: g.shared_ipad,
        resident_users: g.resident_users,
        quota_mb: g.quota_size,
        battery_level: h.battery_level,
        capacity_mb: h.capacity_mb,
        available_mb: h.available_space_mb,
        username: u.username.filter(|x| !x.is_empty()),
        real_name: u.real_name.filter(|x| !x.is_empty()),
        email: u.email_address.filter(|x| !x.is_empty()),
        building: u.building.filter(|x| !x.is_empty()),
        department: u.department.filter(|x| !x.is_empty()),
        room: u.room.filter(|x| !x.is_empty()),
        site_id: g.site_id.filter(|x| x != "-1"),
        ip_address: g.ip_address,
        wifi_mac: h.wifi_mac_address,
        last_inventory_update: g.last_inventory_update_date,
        last_contact: g.last_contact_date,
        lost_mode_enabled: s.lost_mode_enabled,
        lost_mode_persistent: s.lost_mode_persistent,
        lost_mode_message: s.lost_mode_message.filter(|x| !x.is_empty()),
        lost_mode_phone: s.lost_mode_phone_number.filter(|x| !x.is_empty()),
        lost_mode_footnote: s.lost_mode_footnote.filter(|x| !x.is_empty()),
        // Filled from the Classic API for lost devices (see positions.rs).
        lost_position: None,
        apps: r
            .applications
            .iter()
            .flatten()
            .map(|a| AppRow {
                identifier: a.identifier.clone(),
                name: a.name.clone(),
                version: a.version.clone(),
                short_version: a.short_version.clone(),
                management_status: a.management_status.clone(),
            })
            .collect(),
        profiles: r
            .profiles
            .iter()
            .flatten()
            .map(|p| ProfileRow {
                display_name: p.display_name.clone(),
                identifier: p.identifier.clone(),
                uuid: p.uuid.clone(),
                version: p.version.clone(),
            })
            .collect(),
        groups,
        shared_users: r
            .shared_users
            .iter()
            .flatten()
            .map(|u| SharedUserRow {
                managed_apple_id: u.managed_apple_id.clone(),
                logged_in: u.logged_in,
                data_to_sync: u.data_to_sync,
            })
            .collect(),
    }
}
