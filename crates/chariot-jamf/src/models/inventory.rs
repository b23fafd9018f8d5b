//! `GET /api/v2/mobile-devices/detail` results and the light `/api/v2/mobile-devices` list.

use serde::Deserialize;

// Integer fields go through `lenient::opt_i64`: the schema types some sizes as strings
// (`bundleSize`, `dynamicSize`) and servers of other versions drift between the two.

/// `{ "totalCount": n, "results": [...] }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Paged<T> {
    pub total_count: u64,
    #[serde(default = "Vec::new")]
    pub results: Vec<T>,
}

/// One device of the v2 detail inventory. Sections not requested come back `null`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct InventoryRecord {
    pub mobile_device_id: String,
    pub device_type: Option<String>,
    pub general: Option<General>,
    pub hardware: Option<Hardware>,
    pub user_and_location: Option<UserAndLocation>,
    pub security: Option<Security>,
    pub applications: Option<Vec<Application>>,
    pub profiles: Option<Vec<Profile>>,
    pub shared_users: Option<Vec<SharedUser>>,
    pub groups: Option<Vec<GroupMembership>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct General {
    pub udid: Option<String>,
    pub display_name: Option<String>,
    pub asset_tag: Option<String>,
    pub site_id: Option<String>,
    pub last_inventory_update_date: Option<String>,
    pub last_contact_date: Option<String>,
    pub os_version: Option<String>,
    pub os_build: Option<String>,
    pub ip_address: Option<String>,
    pub managed: Option<bool>,
    pub supervised: Option<bool>,
    pub device_ownership_type: Option<String>,
    pub management_id: Option<String>,
    pub shared_ipad: Option<bool>,
    #[serde(deserialize_with = "super::lenient::opt_i64")]
    pub resident_users: Option<i64>,
    #[serde(deserialize_with = "super::lenient::opt_i64")]
    pub quota_size: Option<i64>,
    pub time_zone: Option<String>,
    pub last_enrolled_date: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Hardware {
    #[serde(deserialize_with = "super::lenient::opt_i64")]
    pub capacity_mb: Option<i64>,
    #[serde(deserialize_with = "super::lenient::opt_i64")]
    pub available_space_mb: Option<i64>,
    #[serde(deserialize_with = "super::lenient::opt_i64")]
    pub used_space_percentage: Option<i64>,
    #[serde(deserialize_with = "super::lenient::opt_i64")]
    pub battery_level: Option<i64>,
    pub battery_health: Option<String>,
    pub serial_number: Option<String>,
    pub wifi_mac_address: Option<String>,
    pub bluetooth_mac_address: Option<String>,
    pub model: Option<String>,
    pub model_identifier: Option<String>,
    pub model_number: Option<String>,
    pub device_id: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UserAndLocation {
    pub username: Option<String>,
    pub real_name: Option<String>,
    pub email_address: Option<String>,
    pub position: Option<String>,
    pub phone_number: Option<String>,
    pub building: Option<String>,
    pub department: Option<String>,
    pub room: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Security {
    pub data_protected: Option<bool>,
    pub passcode_present: Option<bool>,
    pub passcode_compliant: Option<bool>,
    pub activation_lock_enabled: Option<bool>,
    pub lost_mode_enabled: Option<bool>,
    pub lost_mode_persistent: Option<bool>,
    pub lost_mode_message: Option<String>,
    pub lost_mode_phone_number: Option<String>,
    pub lost_mode_footnote: Option<String>,
    pub lost_mode_location: Option<LostModeLocation>,
}

/// The Pro API carries the accuracy and time of a lost-mode report but no coordinates (those
/// are only in the Classic `security` subset).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LostModeLocation {
    pub last_location_update: Option<String>,
    pub lost_mode_location_horizontal_accuracy_meters: Option<f64>,
    pub lost_mode_location_timestamp: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Application {
    pub identifier: Option<String>,
    pub name: Option<String>,
    pub version: Option<String>,
    pub short_version: Option<String>,
    pub management_status: Option<String>,
    #[serde(deserialize_with = "super::lenient::opt_i64")]
    pub bundle_size: Option<i64>,
    #[serde(deserialize_with = "super::lenient::opt_i64")]
    pub dynamic_size: Option<i64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Profile {
    pub display_name: Option<String>,
    pub version: Option<String>,
    pub uuid: Option<String>,
    pub identifier: Option<String>,
    pub removable: Option<bool>,
    pub last_installed: Option<String>,
}

/// A local account on a Shared iPad.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SharedUser {
    pub managed_apple_id: Option<String>,
    pub logged_in: Option<bool>,
    pub data_to_sync: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GroupMembership {
    pub group_id: Option<String>,
    pub group_name: Option<String>,
    pub group_description: Option<String>,
    pub smart: Option<bool>,
}

/// One row of the light `/api/v2/mobile-devices` list: cheap, used to reconcile deletions.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LightDevice {
    pub id: String,
    pub name: Option<String>,
    pub serial_number: Option<String>,
    pub udid: Option<String>,
    pub model: Option<String>,
    pub username: Option<String>,
    pub management_id: Option<String>,
    #[serde(rename = "type")]
    pub device_type: Option<String>,
}
