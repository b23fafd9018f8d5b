//! The simulated tenant's data: devices, groups, profiles, apps and reference objects.
//! Field choices follow the Jamf reference (§3–§9); rendering lives in `pro/` and `classic/`.

use chrono::{DateTime, Utc};

/// What a device is used for in a French school (guide §2.3 naming conventions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviceRole {
    /// `RNE-YEAR-SERIAL`, Shared iPad, supervised, up to 10 cached students.
    Student,
    /// `RNE-Prof N`, one shared account, supervised, passcode clearable.
    SharedTeacher,
    /// Named after its teacher; some are not supervised.
    PersonalTeacher,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HardwareModel {
    pub name: &'static str,
    pub identifier: &'static str,
    pub number: &'static str,
    pub capacity_mb: i64,
    pub cellular: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SharedUser {
    pub managed_apple_id: String,
    pub logged_in: bool,
    pub data_to_sync: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    pub latitude: f64,
    pub longitude: f64,
    pub altitude: f64,
    pub horizontal_accuracy: f64,
    pub vertical_accuracy: f64,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LostMode {
    pub message: String,
    pub phone: String,
    pub footnote: String,
    pub enforced: bool,
    pub issued_at: DateTime<Utc>,
    pub enabled_at: DateTime<Utc>,
    pub location: Option<Location>,
}

/// An app present on a device. `app_id` links to a catalog app (`None` = "Other", installed
/// with a personal Apple Account).
#[derive(Debug, Clone, PartialEq)]
pub struct InstalledApp {
    pub app_id: Option<u32>,
    pub name: String,
    pub bundle_id: String,
    pub version: String,
    pub size_kb: u64,
}

#[derive(Debug, Clone)]
pub struct Device {
    pub id: u32,
    pub management_id: String,
    pub udid: String,
    pub device_id: String,
    pub serial: String,
    pub name: String,
    pub role: DeviceRole,
    pub site_id: Option<u32>,
    pub building_id: Option<u32>,
    pub department_id: Option<u32>,
    pub room: String,
    pub model: HardwareModel,
    pub os_version: String,
    pub os_build: String,
    pub supervised: bool,
    pub managed: bool,
    pub shared_ipad: bool,
    pub wifi_mac: String,
    pub bluetooth_mac: String,
    pub ip_address: String,
    pub asset_tag: String,
    pub username: String,
    pub real_name: String,
    pub email: String,
    pub position: String,
    pub phone: String,
    /// Battery curve parameters: % drained per class hour, and whether it goes back to the
    /// charging cart at night.
    pub drain_per_hour: f64,
    pub charges_at_night: bool,
    pub battery: i64,
    pub available_mb: i64,
    pub initial_entry: DateTime<Utc>,
    pub enrolled_at: DateTime<Utc>,
    pub last_inventory: DateTime<Utc>,
    pub last_contact: DateTime<Utc>,
    /// `None` = the device never checks in again (stale inventory).
    pub next_checkin: Option<DateTime<Utc>>,
    pub checkin_every_s: i64,
    pub inventory_every_s: i64,
    pub push_latency_s: i64,
    /// After LogOutUser the device refuses MDM work for up to 120 s (Apple docs).
    pub busy_until: Option<DateTime<Utc>>,
    /// After ShutDownDevice the device ignores pushes until it is switched on again.
    pub powered_off_until: Option<DateTime<Utc>>,
    pub quota_mb: i64,
    pub max_users: i64,
    pub shared_users: Vec<SharedUser>,
    pub lost: Option<LostMode>,
    pub passcode_present: bool,
    pub activation_lock: bool,
    pub apps: Vec<InstalledApp>,
    pub profile_ids: Vec<u32>,
    pub po_number: String,
    pub po_date: DateTime<Utc>,
    pub warranty_until: DateTime<Utc>,
    pub imei: String,
    pub iccid: String,
    pub eid: String,
    pub time_zone: String,
    pub inventory_count: u64,
}

impl Device {
    pub fn battery_level(&self) -> i64 {
        self.battery.clamp(0, 100)
    }

    pub fn used_percent(&self) -> i64 {
        if self.model.capacity_mb <= 0 {
            return 0;
        }
        100 - (self.available_mb * 100 / self.model.capacity_mb)
    }

    pub fn logged_in_user(&self) -> Option<&SharedUser> {
        self.shared_users.iter().find(|u| u.logged_in)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    pub name: String,
    pub priority: u32,
    pub and_or: String,
    pub search_type: String,
    pub value: String,
    pub opening_paren: bool,
    pub closing_paren: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Group {
    pub id: u32,
    pub name: String,
    pub description: String,
    pub site_id: Option<u32>,
    pub smart: bool,
    pub criteria: Vec<Criterion>,
    /// Static members (ignored for smart groups).
    pub members: Vec<u32>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScopeTargets {
    pub device_ids: Vec<u32>,
    pub group_ids: Vec<u32>,
    pub building_ids: Vec<u32>,
    pub department_ids: Vec<u32>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scope {
    pub all_mobile_devices: bool,
    pub all_jss_users: bool,
    pub targets: ScopeTargets,
    pub exclusions: ScopeTargets,
    /// Limitation user names (kept so they round-trip; not evaluated: the simulator has no
    /// directory users).
    pub limitation_users: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Profile {
    pub id: u32,
    pub name: String,
    pub description: String,
    pub site_id: Option<u32>,
    pub category_id: Option<u32>,
    pub uuid: String,
    pub identifier: String,
    pub deployment_method: String,
    pub redeploy_on_update: String,
    pub level: String,
    pub payloads: String,
    pub scope: Scope,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct VppSettings {
    pub device_based: bool,
    pub account_id: i64,
    pub total_licenses: i64,
}

/// Classic app settings the simulator stores only so that they round-trip through writes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AppOptions {
    pub keep_description_up_to_date: bool,
    pub remove_with_mdm_profile: bool,
    pub prevent_backup: bool,
    pub self_service_description: String,
    pub feature_on_main_page: bool,
    pub preferences: String,
}

#[derive(Debug, Clone, Default)]
pub struct App {
    pub id: u32,
    pub name: String,
    pub bundle_id: String,
    pub version: String,
    pub adam_id: u64,
    pub site_id: Option<u32>,
    pub category_id: Option<u32>,
    pub deployment_type: String,
    pub self_service: bool,
    pub keep_updated: bool,
    pub free: bool,
    pub description: String,
    pub scope: Scope,
    pub vpp: VppSettings,
    pub size_kb: u64,
    pub opts: AppOptions,
}

#[derive(Debug, Clone)]
pub struct Site {
    pub id: u32,
    pub name: String,
    pub rne: String,
    pub city: String,
    pub latitude: f64,
    pub longitude: f64,
}

#[derive(Debug, Clone)]
pub struct Category {
    pub id: u32,
    pub name: String,
    pub priority: i64,
}

#[derive(Debug, Clone)]
pub struct Building {
    pub id: u32,
    pub name: String,
    pub street: String,
    pub city: String,
    pub zip: String,
    pub country: String,
}

#[derive(Debug, Clone)]
pub struct Department {
    pub id: u32,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct VppAccount {
    pub id: u32,
    pub name: String,
    pub contact: String,
    pub account_name: String,
    pub expiration: DateTime<Utc>,
    pub location_name: String,
    pub country: String,
    pub apple_id: String,
    pub site_id: Option<u32>,
}
