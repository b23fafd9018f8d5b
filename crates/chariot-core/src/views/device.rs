//! One device, as the three tabs of "Inventaire particulier" show it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::inventory::InventoryRow;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Position {
    pub latitude: f64,
    pub longitude: f64,
    pub accuracy_m: Option<f64>,
    pub reported_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LostModeInfo {
    pub message: Option<String>,
    pub phone: Option<String>,
    pub footnote: Option<String>,
    /// Last reported position; `None` until the device answered a location request.
    pub position: Option<Position>,
}

/// A local account of a Shared iPad.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SharedUser {
    pub managed_apple_id: String,
    pub logged_in: bool,
    pub data_to_sync: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeviceApp {
    pub name: String,
    pub identifier: Option<String>,
    pub version: Option<String>,
    pub management_status: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeviceProfile {
    pub name: String,
    pub identifier: Option<String>,
    pub version: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeviceGroup {
    pub id: Option<String>,
    pub name: String,
    pub smart: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeviceDetail {
    /// The same fields as the inventory row (name, serial, iOS, battery, dates...).
    pub summary: InventoryRow,
    pub udid: Option<String>,
    pub model_identifier: Option<String>,
    pub os_build: Option<String>,
    pub managed: Option<bool>,
    /// Shared iPad: how many local accounts it keeps, and each one's data quota.
    pub resident_users: Option<u32>,
    pub quota_mb: Option<u32>,
    pub real_name: Option<String>,
    pub email: Option<String>,
    pub building: Option<String>,
    pub department: Option<String>,
    pub room: Option<String>,
    pub site_id: Option<String>,
    pub ip_address: Option<String>,
    pub wifi_mac: Option<String>,
    pub last_contact: Option<DateTime<Utc>>,
    pub lost_mode: Option<LostModeInfo>,
    pub shared_users: Vec<SharedUser>,
    /// "App Store Apps from Mobile Device App Catalog": apps Jamf Pro manages.
    pub catalog_apps: Vec<DeviceApp>,
    /// "Other": apps installed on the device some other way.
    pub other_apps: Vec<DeviceApp>,
    pub profiles: Vec<DeviceProfile>,
    pub groups: Vec<DeviceGroup>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HistoryStatus {
    Completed,
    Pending,
    Failed,
}

/// A management command of the device's history (Historique tab).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    pub command: String,
    pub status: HistoryStatus,
    /// When it was issued (pending, failed) or completed.
    pub date: Option<DateTime<Utc>>,
    /// The device's error text for a failed command.
    pub error: Option<String>,
}

/// The Historique tab: read from the local cache; refreshed from the server on request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeviceHistory {
    pub entries: Vec<HistoryEntry>,
    /// When this history was read from the server; `None` when it never was.
    pub fetched_at: Option<DateTime<Utc>>,
}
