//! The sections of a v2 inventory record Chariot reads, as typed structs serialized straight
//! to JSON (reference §4.3). Building them as `serde_json::Value` trees allocated a map and a
//! string per key of every device: the simulator spent most of a district-sized sync in the
//! allocator, not serving. The sections no client reads at volume stay `Value`
//! (`sections.rs`). Field names and values are those of the real API; the key order is the
//! schema's.

use crate::school::World;
use crate::school::model::Device;
use chrono::Duration;
use serde::Serialize;
use serde_json::Value;

use super::sections::{iso, other_section};

/// An empty JSON array (`extensionAttributes: []` and the like).
#[derive(Serialize)]
pub struct Empty([(); 0]);

const EMPTY: Empty = Empty([]);

/// One record of `/v2/mobile-devices/detail`: every section key present, `null` when not
/// requested (as on real servers).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Record<'a> {
    pub mobile_device_id: String,
    pub device_type: &'static str,
    pub general: Option<General<'a>>,
    pub hardware: Option<Hardware<'a>>,
    pub user_and_location: Option<UserAndLocation<'a>>,
    pub purchasing: Option<Value>,
    pub security: Option<Security<'a>>,
    pub applications: Option<Vec<App<'a>>>,
    pub ebooks: Option<Value>,
    pub network: Option<Value>,
    pub service_subscriptions: Option<Value>,
    pub certificates: Option<Value>,
    pub profiles: Option<Vec<Profile<'a>>>,
    pub user_profiles: Option<Value>,
    pub provisioning_profiles: Option<Value>,
    pub shared_users: Option<Vec<SharedUser<'a>>>,
    pub groups: Option<Vec<Group<'a>>>,
    pub extension_attributes: Option<Value>,
}

impl<'a> Record<'a> {
    /// `sections`: the canonical names asked for (`GENERAL`, …).
    pub fn new(w: &'a World, d: &'a Device, sections: &[&str], group_ids: &[u32]) -> Self {
        let has = |name: &str| sections.contains(&name);
        let other = |name: &str| has(name).then(|| other_section(d, name));
        Record {
            mobile_device_id: d.id.to_string(),
            device_type: "iOS",
            general: has("GENERAL").then(|| General::new(d)),
            hardware: has("HARDWARE").then(|| Hardware::new(d)),
            user_and_location: has("USER_AND_LOCATION").then(|| UserAndLocation::new(w, d)),
            purchasing: other("PURCHASING"),
            security: has("SECURITY").then(|| Security::new(d)),
            applications: has("APPLICATIONS").then(|| d.apps.iter().map(App::new).collect()),
            ebooks: other("EBOOKS"),
            network: other("NETWORK"),
            service_subscriptions: other("SERVICE_SUBSCRIPTIONS"),
            certificates: other("CERTIFICATES"),
            profiles: has("PROFILES").then(|| profiles(w, d)),
            user_profiles: other("USER_PROFILES"),
            provisioning_profiles: other("PROVISIONING_PROFILES"),
            shared_users: has("SHARED_USERS").then(|| {
                d.shared_users
                    .iter()
                    .map(|u| SharedUser {
                        managed_apple_id: &u.managed_apple_id,
                        logged_in: u.logged_in,
                        data_to_sync: u.data_to_sync,
                    })
                    .collect()
            }),
            groups: has("GROUPS").then(|| groups(w, group_ids)),
            extension_attributes: other("EXTENSION_ATTRIBUTES"),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Prestage {
    mobile_device_prestage_id: &'static str,
    profile_name: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct General<'a> {
    udid: &'a str,
    display_name: &'a str,
    asset_tag: &'a str,
    /// Observed [wire]: null (not "-1") when the device has no site.
    site_id: Option<String>,
    last_inventory_update_date: String,
    last_contact_date: String,
    os_version: &'a str,
    os_rapid_security_response: &'static str,
    os_build: &'a str,
    os_supplemental_build_version: &'static str,
    software_update_device_id: &'static str,
    ip_address: &'a str,
    managed: bool,
    supervised: bool,
    device_ownership_type: &'static str,
    enrollment_method_prestage: Option<Prestage>,
    enrollment_session_token_valid: bool,
    last_enrolled_date: String,
    mdm_profile_expiration_date: String,
    time_zone: &'a str,
    declarative_device_management_enabled: bool,
    management_id: &'a str,
    extension_attributes: Empty,
    last_logged_in_username_self_service: Option<()>,
    last_logged_in_username_self_service_timestamp: Option<()>,
    last_logged_in_username_mdm: Option<&'a str>,
    last_logged_in_username_mdm_timestamp: Option<()>,
    shared_ipad: bool,
    diagnostic_and_usage_reporting_enabled: bool,
    app_analytics_enabled: bool,
    // Observed [wire]: non-shared iPads report null quota/users and -1 for the counters.
    resident_users: Option<usize>,
    quota_size: Option<i64>,
    temporary_session_only: Option<bool>,
    temporary_session_timeout: Option<i64>,
    user_session_timeout: Option<i64>,
    synced_to_computer: i64,
    #[serde(rename = "maximumSharediPadUsersStored")]
    maximum_shared_ipad_users_stored: i64,
    last_backup_date: Option<()>,
    device_locator_service_enabled: bool,
    do_not_disturb_enabled: bool,
    cloud_backup_enabled: bool,
    last_cloud_backup_date: Option<()>,
    location_services_for_self_service_mobile_enabled: bool,
    itunes_store_account_active: bool,
    exchange_device_id: &'static str,
    tethered: bool,
}

impl<'a> General<'a> {
    fn new(d: &'a Device) -> Self {
        let shared = d.shared_ipad;
        General {
            udid: &d.udid,
            display_name: &d.name,
            asset_tag: &d.asset_tag,
            site_id: d.site_id.map(|s| s.to_string()),
            last_inventory_update_date: iso(d.last_inventory),
            last_contact_date: iso(d.last_contact),
            os_version: &d.os_version,
            os_rapid_security_response: "",
            os_build: &d.os_build,
            os_supplemental_build_version: "",
            software_update_device_id: "",
            ip_address: &d.ip_address,
            managed: d.managed,
            supervised: d.supervised,
            device_ownership_type: "Institutional",
            enrollment_method_prestage: d.supervised.then_some(Prestage {
                mobile_device_prestage_id: "1",
                profile_name: "ADE Collèges",
            }),
            enrollment_session_token_valid: false,
            last_enrolled_date: iso(d.enrolled_at),
            mdm_profile_expiration_date: iso(d.enrolled_at + Duration::days(730)),
            time_zone: &d.time_zone,
            declarative_device_management_enabled: true,
            management_id: &d.management_id,
            extension_attributes: EMPTY,
            last_logged_in_username_self_service: None,
            last_logged_in_username_self_service_timestamp: None,
            last_logged_in_username_mdm: d.logged_in_user().map(|u| u.managed_apple_id.as_str()),
            last_logged_in_username_mdm_timestamp: None,
            shared_ipad: shared,
            diagnostic_and_usage_reporting_enabled: false,
            app_analytics_enabled: false,
            resident_users: shared.then_some(d.shared_users.len()),
            quota_size: shared.then_some(d.quota_mb),
            temporary_session_only: shared.then_some(false),
            temporary_session_timeout: shared.then_some(0),
            user_session_timeout: shared.then_some(0),
            synced_to_computer: -1,
            maximum_shared_ipad_users_stored: if shared { d.max_users } else { -1 },
            last_backup_date: None,
            device_locator_service_enabled: d.supervised,
            do_not_disturb_enabled: false,
            cloud_backup_enabled: false,
            last_cloud_backup_date: None,
            location_services_for_self_service_mobile_enabled: false,
            itunes_store_account_active: !shared,
            exchange_device_id: "",
            tethered: false,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Hardware<'a> {
    capacity_mb: i64,
    available_space_mb: i64,
    used_space_percentage: i64,
    battery_level: i64,
    battery_health: &'static str,
    serial_number: &'a str,
    wifi_mac_address: &'a str,
    bluetooth_mac_address: &'a str,
    modem_firmware_version: &'static str,
    model: &'static str,
    model_identifier: &'static str,
    model_number: &'static str,
    bluetooth_low_energy_capable: bool,
    device_id: &'a str,
    extension_attributes: Empty,
}

impl<'a> Hardware<'a> {
    pub fn new(d: &'a Device) -> Self {
        Hardware {
            capacity_mb: d.model.capacity_mb,
            available_space_mb: d.available_mb,
            used_space_percentage: d.used_percent(),
            battery_level: d.battery_level(),
            battery_health: "NORMAL",
            serial_number: &d.serial,
            wifi_mac_address: &d.wifi_mac,
            bluetooth_mac_address: &d.bluetooth_mac,
            modem_firmware_version: if d.model.cellular { "5.00.02" } else { "" },
            model: d.model.name,
            model_identifier: d.model.identifier,
            model_number: d.model.number,
            bluetooth_low_energy_capable: true,
            device_id: &d.device_id,
            extension_attributes: EMPTY,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UserAndLocation<'a> {
    username: &'a str,
    real_name: &'a str,
    email_address: &'a str,
    position: &'a str,
    phone_number: &'a str,
    department_id: Option<String>,
    building_id: Option<String>,
    room: &'a str,
    building: &'a str,
    department: &'a str,
    extension_attributes: Empty,
}

impl<'a> UserAndLocation<'a> {
    fn new(w: &'a World, d: &'a Device) -> Self {
        UserAndLocation {
            username: &d.username,
            real_name: &d.real_name,
            email_address: &d.email,
            position: &d.position,
            phone_number: &d.phone,
            department_id: d.department_id.map(|i| i.to_string()),
            building_id: d.building_id.map(|i| i.to_string()),
            room: &d.room,
            building: w.building(d.building_id).map_or("", |b| b.name.as_str()),
            department: w
                .department(d.department_id)
                .map_or("", |b| b.name.as_str()),
            extension_attributes: EMPTY,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LostModeLocation {
    last_location_update: String,
    lost_mode_location_horizontal_accuracy_meters: f64,
    lost_mode_location_vertical_accuracy_meters: f64,
    lost_mode_location_altitude_meters: f64,
    lost_mode_location_speed_meters_per_second: f64,
    lost_mode_location_course_degrees: f64,
    lost_mode_location_timestamp: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Security<'a> {
    data_protected: bool,
    block_level_encryption_capable: bool,
    file_level_encryption_capable: bool,
    passcode_present: bool,
    passcode_compliant: bool,
    passcode_compliant_with_profile: bool,
    hardware_encryption: i64,
    activation_lock_enabled: bool,
    jail_break_detected: bool,
    attestation_status: &'static str,
    last_attestation_attempt_date: String,
    last_successful_attestation_date: String,
    passcode_lock_grace_period_enforced_seconds: Option<()>,
    personal_device_profile_current: bool,
    lost_mode_enabled: bool,
    lost_mode_persistent: bool,
    lost_mode_message: Option<&'a str>,
    lost_mode_phone_number: Option<&'a str>,
    lost_mode_footnote: Option<&'a str>,
    /// No latitude/longitude in the Jamf Pro API schema: only accuracy and time.
    lost_mode_location: Option<LostModeLocation>,
    bootstrap_token_escrowed: &'static str,
}

impl<'a> Security<'a> {
    fn new(d: &'a Device) -> Self {
        let lost = d.lost.as_ref();
        Security {
            data_protected: d.passcode_present,
            block_level_encryption_capable: true,
            file_level_encryption_capable: true,
            passcode_present: d.passcode_present,
            passcode_compliant: true,
            passcode_compliant_with_profile: true,
            hardware_encryption: 3,
            activation_lock_enabled: d.activation_lock,
            jail_break_detected: false,
            attestation_status: "SUCCESS",
            last_attestation_attempt_date: iso(d.last_inventory),
            last_successful_attestation_date: iso(d.last_inventory),
            passcode_lock_grace_period_enforced_seconds: None,
            personal_device_profile_current: false,
            lost_mode_enabled: lost.is_some(),
            lost_mode_persistent: lost.is_some_and(|l| l.enforced),
            lost_mode_message: lost.map(|l| l.message.as_str()),
            lost_mode_phone_number: lost.map(|l| l.phone.as_str()),
            lost_mode_footnote: lost.map(|l| l.footnote.as_str()),
            lost_mode_location: lost
                .and_then(|l| l.location.as_ref())
                .map(|l| LostModeLocation {
                    last_location_update: iso(l.at),
                    lost_mode_location_horizontal_accuracy_meters: l.horizontal_accuracy,
                    lost_mode_location_vertical_accuracy_meters: l.vertical_accuracy,
                    lost_mode_location_altitude_meters: l.altitude,
                    lost_mode_location_speed_meters_per_second: -1.0,
                    lost_mode_location_course_degrees: -1.0,
                    lost_mode_location_timestamp: iso(l.at),
                }),
            bootstrap_token_escrowed: if d.supervised {
                "ESCROWED"
            } else {
                "NOT_SUPPORTED"
            },
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct App<'a> {
    identifier: &'a str,
    name: &'a str,
    version: &'a str,
    short_version: &'a str,
    management_status: &'static str,
    validation_status: bool,
    bundle_size: String,
    dynamic_size: &'static str,
}

impl<'a> App<'a> {
    fn new(a: &'a crate::school::model::InstalledApp) -> Self {
        App {
            identifier: &a.bundle_id,
            name: &a.name,
            version: &a.version,
            short_version: &a.version,
            management_status: if a.app_id.is_some() {
                "Managed"
            } else {
                "Unmanaged"
            },
            validation_status: true,
            bundle_size: (a.size_kb * 1024).to_string(),
            dynamic_size: "0",
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile<'a> {
    display_name: &'a str,
    version: &'static str,
    uuid: &'a str,
    identifier: &'a str,
    removable: bool,
    last_installed: String,
}

/// The configuration profiles installed on the device.
pub fn profiles<'a>(w: &'a World, d: &'a Device) -> Vec<Profile<'a>> {
    d.profile_ids
        .iter()
        .filter_map(|p| w.profiles.iter().find(|x| x.id == *p))
        .map(|p| Profile {
            display_name: &p.name,
            version: "1",
            uuid: &p.uuid,
            identifier: &p.identifier,
            removable: false,
            last_installed: iso(d.enrolled_at),
        })
        .collect()
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SharedUser<'a> {
    managed_apple_id: &'a str,
    logged_in: bool,
    data_to_sync: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Group<'a> {
    group_id: String,
    group_name: &'a str,
    group_description: &'a str,
    smart: bool,
}

/// The groups a device belongs to, as the GROUPS section lists them.
pub fn groups<'a>(w: &'a World, group_ids: &[u32]) -> Vec<Group<'a>> {
    group_ids
        .iter()
        .filter_map(|g| w.group(*g))
        .map(|g| Group {
            group_id: g.id.to_string(),
            group_name: &g.name,
            group_description: &g.description,
            smart: g.smart,
        })
        .collect()
}
