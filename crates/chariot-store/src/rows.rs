//! What the store keeps per device: flat columns plus child lists, as the sync hands them over.

/// One device as stored in a snapshot.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DeviceRow {
    pub jamf_id: String,
    pub management_id: Option<String>,
    pub name: String,
    pub role: String,
    pub role_reason: String,
    pub rne: Option<String>,
    pub cart: Option<String>,
    pub serial_number: Option<String>,
    pub udid: Option<String>,
    pub asset_tag: Option<String>,
    pub model: Option<String>,
    pub model_identifier: Option<String>,
    pub os_version: Option<String>,
    pub os_build: Option<String>,
    pub managed: Option<bool>,
    pub supervised: Option<bool>,
    pub shared_ipad: Option<bool>,
    pub resident_users: Option<i64>,
    pub quota_mb: Option<i64>,
    pub battery_level: Option<i64>,
    pub capacity_mb: Option<i64>,
    pub available_mb: Option<i64>,
    pub username: Option<String>,
    pub real_name: Option<String>,
    pub email: Option<String>,
    pub building: Option<String>,
    pub department: Option<String>,
    pub room: Option<String>,
    pub site_id: Option<String>,
    pub ip_address: Option<String>,
    pub wifi_mac: Option<String>,
    pub last_inventory_update: Option<String>,
    pub last_contact: Option<String>,
    pub lost_mode_enabled: Option<bool>,
    pub lost_mode_persistent: Option<bool>,
    pub lost_mode_message: Option<String>,
    pub lost_mode_phone: Option<String>,
    pub lost_mode_footnote: Option<String>,
    pub lost_position: Option<LostPosition>,
    pub apps: Vec<AppRow>,
    pub profiles: Vec<ProfileRow>,
    pub groups: Vec<GroupRow>,
    pub shared_users: Vec<SharedUserRow>,
}

/// Where a lost device last said it was.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LostPosition {
    pub latitude: f64,
    pub longitude: f64,
    pub accuracy_m: Option<f64>,
    /// RFC 3339.
    pub reported_at: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AppRow {
    pub identifier: Option<String>,
    pub name: Option<String>,
    pub version: Option<String>,
    pub short_version: Option<String>,
    pub management_status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileRow {
    pub display_name: Option<String>,
    pub identifier: Option<String>,
    pub uuid: Option<String>,
    pub version: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupRow {
    pub group_id: Option<String>,
    pub group_name: Option<String>,
    pub smart: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SharedUserRow {
    pub managed_apple_id: Option<String>,
    pub logged_in: Option<bool>,
    pub data_to_sync: Option<bool>,
}

impl DeviceRow {
    /// A stable fingerprint of everything stored for the device (FNV-1a over its debug form:
    /// deterministic across runs and versions of Rust, unlike `DefaultHasher`).
    pub fn content_hash(&self) -> i64 {
        let text = format!("{self:?}");
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in text.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        hash as i64
    }
}
