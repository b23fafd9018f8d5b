//! `/JSSResource/mobiledevices`: list, lookups and subsets, with the real Classic quirks
//! (date triples, `"Unsupervised Device"` in `lost_mode_enabled`, duplicate key spellings).

use super::device_edits;
use super::resource::{ClassicResource, stored_in};
use super::write::El;
use super::xml::*;
use crate::error::ClassicError;
use crate::school::World;
use crate::school::model::Device;
use chrono::{DateTime, Utc};

impl ClassicResource for Device {
    const ROOT: &'static str = "mobile_device";
    const LIST_ROOT: &'static str = "mobile_devices";

    stored_in!(devices);

    /// Devices are also found by serial number, UDID and Wi-Fi MAC, case-insensitively.
    fn position(w: &World, key: &str, value: &str) -> Option<usize> {
        let by = |field: fn(&Device) -> &str| {
            w.devices
                .iter()
                .position(|d| field(d).eq_ignore_ascii_case(value))
        };
        match key {
            // Kept sorted by id: a binary search.
            "id" => value.parse::<u32>().ok().and_then(|id| w.device_index(id)),
            "name" => w.devices.iter().position(|d| d.name == value),
            "udid" => by(|d| &d.udid),
            "serialnumber" => by(|d| &d.serial),
            "macaddress" => by(|d| &d.wifi_mac),
            _ => None,
        }
    }

    fn summary(&self) -> Node {
        let d = self;
        obj(vec![
            ("id", i(d.id as i64)),
            ("name", s(&d.name)),
            ("device_name", s(&d.name)),
            ("udid", s(&d.udid)),
            ("serial_number", s(&d.serial)),
            ("phone_number", s(&d.phone)),
            ("wifi_mac_address", s(&d.wifi_mac)),
            ("managed", b(d.managed)),
            ("supervised", b(d.supervised)),
            ("model", s(d.model.name)),
            ("model_identifier", s(d.model.identifier)),
            ("modelDisplay", s(d.model.name)),
            ("model_display", s(d.model.name)),
            ("username", s(&d.username)),
        ])
    }

    fn record(w: &mut World, idx: usize, only: &Subsets) -> Node {
        let groups = w.groups_by_device();
        let d = &w.devices[idx];
        let g = groups.get(&d.id).map(Vec::as_slice).unwrap_or_default();
        record(w, d, g, only)
    }

    fn apply(w: &mut World, d: &mut Device, el: &El, _creating: bool) -> Result<(), ClassicError> {
        device_edits::apply(w, d, el)
    }

    fn after_update(w: &mut World, idx: usize, before: &Device, now: DateTime<Utc>) {
        device_edits::after_update(w, idx, before, now);
    }
}

/// The fields that name a device where another record points at it (its history's
/// `general`, a match result), in Jamf's order.
pub fn identity(d: &Device) -> Vec<(&'static str, Node)> {
    vec![
        ("id", i(d.id as i64)),
        ("name", s(&d.name)),
        ("udid", s(&d.udid)),
        ("serial_number", s(&d.serial)),
        ("mac_address", s(&d.wifi_mac)),
    ]
}

/// `(human, epoch ms, utc)` as Classic prints dates.
pub fn date_triple(t: DateTime<Utc>) -> (String, i64, String) {
    (
        t.format("%A, %B %d %Y at %-I:%M %p").to_string(),
        t.timestamp_millis(),
        t.format("%Y-%m-%dT%H:%M:%S%.3f+0000").to_string(),
    )
}

fn general(w: &World, d: &Device) -> Node {
    let (inv_h, inv_e, inv_u) = date_triple(d.last_inventory);
    let (_, ent_e, ent_u) = date_triple(d.initial_entry);
    let (_, enr_e, enr_u) = date_triple(d.enrolled_at);
    let site = w.site(d.site_id);
    obj(vec![
        ("id", i(d.id as i64)),
        ("display_name", s(&d.name)),
        ("device_name", s(&d.name)),
        ("name", s(&d.name)),
        ("asset_tag", s(&d.asset_tag)),
        ("last_inventory_update", s(inv_h)),
        ("last_inventory_update_epoch", i(inv_e)),
        ("last_inventory_update_utc", s(inv_u)),
        ("capacity", i(d.model.capacity_mb)),
        ("capacity_mb", i(d.model.capacity_mb)),
        ("available", i(d.available_mb)),
        ("available_mb", i(d.available_mb)),
        ("percentage_used", i(d.used_percent())),
        ("os_type", s("iOS")),
        ("os_version", s(&d.os_version)),
        ("os_build", s(&d.os_build)),
        ("serial_number", s(&d.serial)),
        ("udid", s(&d.udid)),
        ("initial_entry_date_epoch", i(ent_e)),
        ("initial_entry_date_utc", s(ent_u)),
        ("phone_number", s(&d.phone)),
        ("ip_address", s(&d.ip_address)),
        ("wifi_mac_address", s(&d.wifi_mac)),
        ("bluetooth_mac_address", s(&d.bluetooth_mac)),
        ("modem_firmware", s("")),
        ("model", s(d.model.name)),
        ("model_identifier", s(d.model.identifier)),
        ("model_number", s(d.model.number)),
        ("modelDisplay", s(d.model.name)),
        ("model_display", s(d.model.name)),
        ("device_ownership_level", s("Institutional")),
        (
            "enrollment_method",
            s(if d.supervised {
                "Prestage enrollment"
            } else {
                "User-initiated - no invitation"
            }),
        ),
        ("last_enrollment_epoch", i(enr_e)),
        ("last_enrollment_utc", s(enr_u)),
        ("mdm_profile_expiration_epoch", i(0)),
        ("mdm_profile_expiration_utc", s("")),
        ("managed", b(d.managed)),
        ("supervised", b(d.supervised)),
        ("exchange_activesync_device_identifier", s("")),
        ("shared", s(if d.shared_ipad { "Yes" } else { "No" })),
        ("diagnostic_submission", s("Not Enabled")),
        ("app_analytics", s("Not Enabled")),
        ("tethered", s("")),
        ("battery_level", i(d.battery_level())),
        ("ble_capable", b(true)),
        ("device_locator_service_enabled", b(d.supervised)),
        ("do_not_disturb_enabled", b(false)),
        ("cloud_backup_enabled", b(false)),
        ("last_cloud_backup_date_epoch", i(0)),
        ("last_cloud_backup_date_utc", s("")),
        ("location_services_enabled", b(false)),
        ("itunes_store_account_is_active", b(!d.shared_ipad)),
        ("last_backup_time_epoch", i(0)),
        ("last_backup_time_utc", s("")),
        (
            "site",
            obj(vec![
                ("id", i(site.map(|s| s.id as i64).unwrap_or(-1))),
                (
                    "name",
                    s(site
                        .map(|s| s.name.clone())
                        .unwrap_or_else(|| "None".into())),
                ),
            ]),
        ),
    ])
}

fn security(d: &Device) -> Node {
    let lost = d.lost.as_ref();
    let loc = lost.and_then(|l| l.location.as_ref());
    let (_, iss_e, iss_u) = lost.map(|l| date_triple(l.issued_at)).unwrap_or_default();
    let (_, loc_e, loc_u) = loc.map(|l| date_triple(l.at)).unwrap_or_default();
    // Real servers put this string in the boolean field for unsupervised devices.
    let lost_enabled = if d.supervised {
        b(lost.is_some())
    } else {
        s("Unsupervised Device")
    };
    obj(vec![
        ("data_protection", b(d.passcode_present)),
        ("block_level_encryption_capable", b(true)),
        ("file_level_encryption_capable", b(true)),
        ("passcode_present", b(d.passcode_present)),
        ("passcode_compliant", b(true)),
        ("passcode_compliant_with_profile", b(true)),
        ("passcode_lock_grace_period_enforced", s("Not Available")),
        ("hardware_encryption", i(3)),
        ("activation_lock_enabled", b(d.activation_lock)),
        ("jailbreak_detected", s("Normal")),
        ("lost_mode_enabled", lost_enabled),
        ("lost_mode_enforced", b(lost.is_some_and(|l| l.enforced))),
        ("lost_mode_enable_issued_epoch", i(iss_e)),
        ("lost_mode_enable_issued_utc", s(iss_u)),
        (
            "lost_mode_message",
            s(lost.map(|l| l.message.clone()).unwrap_or_default()),
        ),
        (
            "lost_mode_phone",
            s(lost.map(|l| l.phone.clone()).unwrap_or_default()),
        ),
        (
            "lost_mode_footnote",
            s(lost.map(|l| l.footnote.clone()).unwrap_or_default()),
        ),
        ("lost_location_epoch", i(loc_e)),
        ("lost_location_utc", s(loc_u)),
        (
            "lost_location_latitude",
            f(loc.map(|l| l.latitude).unwrap_or(0.0)),
        ),
        (
            "lost_location_longitude",
            f(loc.map(|l| l.longitude).unwrap_or(0.0)),
        ),
        (
            "lost_location_altitude",
            f(loc.map(|l| l.altitude).unwrap_or(-1.0)),
        ),
        ("lost_location_speed", f(-1.0)),
        ("lost_location_course", f(-1.0)),
        (
            "lost_location_horizontal_accuracy",
            f(loc.map(|l| l.horizontal_accuracy).unwrap_or(-1.0)),
        ),
        (
            "lost_location_vertical_accuracy",
            f(loc.map(|l| l.vertical_accuracy).unwrap_or(-1.0)),
        ),
    ])
}

/// All blocks of one device, in Jamf's order; `only` restricts to subsets (case-insensitive).
fn record(w: &World, d: &Device, groups: &[u32], only: &Subsets) -> Node {
    let want = |name: &str| only.want(name);
    let mut out: Vec<(&str, Node)> = vec![];
    if want("General") {
        out.push(("general", general(w, d)));
    }
    if want("Location") {
        out.push((
            "location",
            obj(vec![
                ("username", s(&d.username)),
                ("realname", s(&d.real_name)),
                ("real_name", s(&d.real_name)),
                ("email_address", s(&d.email)),
                ("position", s(&d.position)),
                ("phone", s(&d.phone)),
                ("phone_number", s(&d.phone)),
                (
                    "department",
                    s(w.department(d.department_id)
                        .map(|x| x.name.clone())
                        .unwrap_or_default()),
                ),
                (
                    "building",
                    s(w.building(d.building_id)
                        .map(|x| x.name.clone())
                        .unwrap_or_default()),
                ),
                ("room", s(&d.room)),
            ]),
        ));
    }
    if want("Purchasing") {
        let (po_h, po_e, po_u) = date_triple(d.po_date);
        let (w_h, w_e, w_u) = date_triple(d.warranty_until);
        out.push((
            "purchasing",
            obj(vec![
                ("is_purchased", b(true)),
                ("is_leased", b(false)),
                ("po_number", s(&d.po_number)),
                ("vendor", s("Econocom")),
                ("applecare_id", s("")),
                ("purchase_price", s("")),
                ("purchasing_account", s("")),
                ("po_date", s(po_h)),
                ("po_date_epoch", i(po_e)),
                ("po_date_utc", s(po_u)),
                ("warranty_expires", s(w_h)),
                ("warranty_expires_epoch", i(w_e)),
                ("warranty_expires_utc", s(w_u)),
                ("lease_expires", s("")),
                ("lease_expires_epoch", i(0)),
                ("lease_expires_utc", s("")),
                ("life_expectancy", i(4)),
                (
                    "purchasing_contact",
                    s("Conseil départemental de la Haute-Garonne"),
                ),
                ("attachments", list("attachment", vec![])),
            ]),
        ));
    }
    if want("Applications") {
        out.push((
            "applications",
            list(
                "application",
                d.apps
                    .iter()
                    .map(|a| {
                        obj(vec![
                            ("application_name", s(&a.name)),
                            ("application_version", s(&a.version)),
                            ("application_short_version", s(&a.version)),
                            ("identifier", s(&a.bundle_id)),
                        ])
                    })
                    .collect(),
            ),
        ));
    }
    if want("Security") {
        out.push(("security", security(d)));
    }
    if want("Network") {
        out.push((
            "network",
            obj(vec![
                ("home_carrier_network", s("")),
                (
                    "cellular_technology",
                    s(if d.model.cellular { "GSM" } else { "None" }),
                ),
                ("voice_roaming_enabled", s("Not Available")),
                ("imei", s(&d.imei)),
                ("iccid", s(&d.iccid)),
                ("meid", s("")),
                ("current_carrier_network", s("")),
                ("carrier_settings_version", s("")),
                ("current_mobile_country_code", s("")),
                ("current_mobile_network_code", s("")),
                ("home_mobile_country_code", s("")),
                ("home_mobile_network_code", s("")),
                ("data_roaming_enabled", b(false)),
                ("roaming", b(false)),
                ("phone_number", s("")),
            ]),
        ));
    }
    if want("Certificates") {
        out.push(("certificates", list("certificate", vec![])));
    }
    if want("ConfigurationProfiles") {
        out.push((
            "configuration_profiles",
            list(
                "configuration_profile",
                d.profile_ids
                    .iter()
                    .filter_map(|p| w.profiles.iter().find(|x| x.id == *p))
                    .map(|p| {
                        obj(vec![
                            ("display_name", s(&p.name)),
                            ("version", s("1")),
                            ("identifier", s(&p.identifier)),
                            ("uuid", s(&p.uuid)),
                        ])
                    })
                    .collect(),
            ),
        ));
    }
    if want("ProvisioningProfiles") {
        out.push((
            "provisioning_profiles",
            list("mobile_device_provisioning_profile", vec![]),
        ));
    }
    if want("MobileDeviceGroups") {
        out.push((
            "mobile_device_groups",
            list(
                "mobile_device_group",
                groups
                    .iter()
                    .filter_map(|g| w.group(*g))
                    .map(|g| obj(vec![("id", i(g.id as i64)), ("name", s(&g.name))]))
                    .collect(),
            ),
        ));
    }
    if want("ExtensionAttributes") {
        out.push(("extension_attributes", list("extension_attribute", vec![])));
    }
    obj(out)
}
