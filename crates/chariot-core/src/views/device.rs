//! One device, as the three tabs of "Inventaire particulier" show it.

use chariot_store::{AppRow, DeviceListRow, Store};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::inventory::{InventoryRow, parse_date};
use crate::error::{AppError, ErrorCode};

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

fn u32_of(v: Option<i64>) -> Option<u32> {
    v.map(|v| v.clamp(0, i64::from(u32::MAX)) as u32)
}

fn app(a: AppRow) -> DeviceApp {
    DeviceApp {
        name: a
            .name
            .clone()
            .or_else(|| a.identifier.clone())
            .unwrap_or_default(),
        version: a.short_version.or(a.version),
        identifier: a.identifier,
        management_status: a.management_status,
    }
}

/// Jamf Pro marks the apps it installed (from the Mobile Device App Catalog) "Managed".
fn is_catalog_app(a: &AppRow) -> bool {
    a.management_status
        .as_deref()
        .is_some_and(|s| s.eq_ignore_ascii_case("managed"))
}

/// `device_detail`: the device as the snapshot holds it.
pub fn detail(
    store: &Store,
    id: &str,
    stale_before: DateTime<Utc>,
) -> Result<DeviceDetail, AppError> {
    let Some(d) = store.device(id)? else {
        return Err(AppError::new(
            ErrorCode::NotFound,
            format!("device {id} is not in the local snapshot"),
        )
        .with_hint("It may have been deleted from Jamf Pro since; open the inventory again.")
        .with_detail(crate::ErrorDetail::DeviceNotInSnapshot { id: id.to_owned() }));
    };
    let summary = InventoryRow::from_list_row(
        DeviceListRow {
            jamf_id: d.jamf_id.clone(),
            name: d.name.clone(),
            role: d.role.as_str().to_owned(),
            cart: d.cart.clone(),
            serial_number: d.serial_number.clone(),
            asset_tag: d.asset_tag.clone(),
            model: d.model.clone(),
            os_version: d.os_version.clone(),
            battery_level: d.battery_level,
            capacity_mb: d.capacity_mb,
            available_mb: d.available_mb,
            username: d.username.clone(),
            supervised: d.supervised,
            shared_ipad: d.shared_ipad,
            lost_mode_enabled: d.lost_mode_enabled,
            last_inventory_update: d.last_inventory_update.clone(),
            management_id: d.management_id.clone(),
        },
        stale_before,
    );
    let (catalog, other): (Vec<AppRow>, Vec<AppRow>) = d.apps.into_iter().partition(is_catalog_app);
    let lost_mode = (d.lost_mode_enabled == Some(true)).then(|| LostModeInfo {
        message: d.lost_mode_message,
        phone: d.lost_mode_phone,
        footnote: d.lost_mode_footnote,
        position: d.lost_position.map(|p| Position {
            latitude: p.latitude,
            longitude: p.longitude,
            accuracy_m: p.accuracy_m,
            reported_at: parse_date(p.reported_at.as_deref()),
        }),
    });
    Ok(DeviceDetail {
        summary,
        udid: d.udid,
        model_identifier: d.model_identifier,
        os_build: d.os_build,
        managed: d.managed,
        resident_users: u32_of(d.resident_users),
        quota_mb: u32_of(d.quota_mb),
        real_name: d.real_name,
        email: d.email,
        building: d.building,
        department: d.department,
        room: d.room,
        site_id: d.site_id,
        ip_address: d.ip_address,
        wifi_mac: d.wifi_mac,
        last_contact: parse_date(d.last_contact.as_deref()),
        lost_mode,
        shared_users: d
            .shared_users
            .into_iter()
            .filter_map(|u| {
                Some(SharedUser {
                    managed_apple_id: u.managed_apple_id?,
                    logged_in: u.logged_in.unwrap_or(false),
                    data_to_sync: u.data_to_sync.unwrap_or(false),
                })
            })
            .collect(),
        catalog_apps: catalog.into_iter().map(app).collect(),
        other_apps: other.into_iter().map(app).collect(),
        profiles: d
            .profiles
            .into_iter()
            .map(|p| DeviceProfile {
                name: p
                    .display_name
                    .or_else(|| p.identifier.clone())
                    .unwrap_or_default(),
                identifier: p.identifier,
                version: p.version,
            })
            .collect(),
        groups: d
            .groups
            .into_iter()
            .filter_map(|g| {
                Some(DeviceGroup {
                    name: g.group_name?,
                    id: g.group_id,
                    smart: g.smart.unwrap_or(false),
                })
            })
            .collect(),
    })
}

/// `device_history`: the cached history (empty, never read, until the first refresh).
pub fn history(store: &Store, id: &str) -> Result<DeviceHistory, AppError> {
    Ok(match store.device_history(id)? {
        None => DeviceHistory {
            entries: Vec::new(),
            fetched_at: None,
        },
        Some((fetched_at, rows)) => DeviceHistory {
            fetched_at: Some(fetched_at),
            entries: rows
                .into_iter()
                .map(|r| HistoryEntry {
                    status: match r.status.as_str() {
                        "completed" => HistoryStatus::Completed,
                        "pending" => HistoryStatus::Pending,
                        _ => HistoryStatus::Failed,
                    },
                    command: r.command,
                    date: r.date,
                    error: r.error,
                })
                .collect(),
        },
    })
}
