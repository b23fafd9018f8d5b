//! Filterable and sortable fields of `/v2/mobile-devices/detail` (reference §4.2), mapped to
//! simulated device data.

use crate::rsql::Value;
use crate::school::World;
use crate::school::model::Device;
use chrono::{DateTime, Utc};
use std::collections::HashMap;

pub const FILTER_FIELDS: &[&str] = &[
    "airPlayPassword",
    "appAnalyticsEnabled",
    "assetTag",
    "availableSpaceMb",
    "batteryLevel",
    "bluetoothLowEnergyCapable",
    "bluetoothMacAddress",
    "capacityMb",
    "declarativeDeviceManagementEnabled",
    "deviceId",
    "deviceLocatorServiceEnabled",
    "devicePhoneNumber",
    "diagnosticAndUsageReportingEnabled",
    "displayName",
    "doNotDisturbEnabled",
    "exchangeDeviceId",
    "cloudBackupEnabled",
    "osBuild",
    "osSupplementalBuildVersion",
    "osVersion",
    "osRapidSecurityResponse",
    "ipAddress",
    "itunesStoreAccountActive",
    "mobileDeviceId",
    "managementId",
    "languages",
    "lastContactDate",
    "lastInventoryUpdateDate",
    "locales",
    "locationServicesForSelfServiceMobileEnabled",
    "lostModeEnabled",
    "managed",
    "model",
    "modelIdentifier",
    "modelNumber",
    "modemFirmwareVersion",
    "preferredVoiceNumber",
    "quotaSize",
    "residentUsers",
    "serialNumber",
    "sharedIpad",
    "supervised",
    "tethered",
    "timeZone",
    "udid",
    "usedSpacePercentage",
    "wifiMacAddress",
    "building",
    "department",
    "emailAddress",
    "fullName",
    "userPhoneNumber",
    "position",
    "room",
    "username",
    "appleCareId",
    "lifeExpectancyYears",
    "poNumber",
    "purchasePrice",
    "purchasedOrLeased",
    "purchasingAccount",
    "purchasingContact",
    "vendor",
    "activationLockEnabled",
    "blockEncryptionCapable",
    "dataProtection",
    "fileEncryptionCapable",
    "passcodeCompliant",
    "passcodeCompliantWithProfile",
    "passcodeLockGracePeriodEnforcedSeconds",
    "passcodePresent",
    "carrierSettingsVersion",
    "currentCarrierNetwork",
    "currentMobileCountryCode",
    "currentMobileNetworkCode",
    "dataRoamingEnabled",
    "eid",
    "network",
    "homeMobileCountryCode",
    "homeMobileNetworkCode",
    "iccid",
    "imei",
    "imei2",
    "meid",
    "personalHotspotEnabled",
    "roaming",
    "lastLoggedInUsernameSelfService",
    "lastLoggedInUsernameSelfServiceTimestamp",
    "lastLoggedInUsernameMdm",
    "lastLoggedInUsernameMdmTimestamp",
    "groupId",
    "groupName",
];

pub const EXTRA_SORT_FIELDS: &[&str] = &[
    "batteryHealth",
    "lostModeEnabledDate",
    "enrollmentSessionTokenValid",
    "lastBackupDate",
    "lastEnrolledDate",
    "lastCloudBackupDate",
    "mdmProfileExpirationDate",
    "deviceOwnershipType",
    "leaseExpirationDate",
    "poDate",
    "warrantyExpirationDate",
    "hardwareEncryptionSupported",
    "jailbreakStatus",
    "cellularTechnology",
];

pub fn sort_fields() -> Vec<&'static str> {
    FILTER_FIELDS
        .iter()
        .copied()
        .filter(|f| *f != "groupId" && *f != "groupName")
        .chain(EXTRA_SORT_FIELDS.iter().copied())
        .collect()
}

/// Context needed to resolve fields that live outside the device record.
pub struct FieldCtx<'a> {
    pub world: &'a World,
    pub groups: &'a HashMap<u32, Vec<u32>>,
}

fn s(v: &str) -> Value {
    Value::Str(v.to_string())
}

fn date(d: DateTime<Utc>) -> Value {
    Value::Date(d)
}

/// All values of `field` for a device (several for groupId/groupName).
pub fn values(ctx: &FieldCtx<'_>, d: &Device, field: &str) -> Vec<Value> {
    let w = ctx.world;
    let one = match field {
        "groupId" | "groupName" => {
            let ids = ctx.groups.get(&d.id).cloned().unwrap_or_default();
            return ids
                .iter()
                .filter_map(|g| w.group(*g))
                .map(|g| {
                    if field == "groupId" {
                        Value::Str(g.id.to_string())
                    } else {
                        s(&g.name)
                    }
                })
                .collect();
        }
        "mobileDeviceId" => Value::Num(d.id as f64),
        "displayName" => s(&d.name),
        "assetTag" => s(&d.asset_tag),
        "availableSpaceMb" => Value::Num(d.available_mb as f64),
        "capacityMb" => Value::Num(d.model.capacity_mb as f64),
        "usedSpacePercentage" => Value::Num(d.used_percent() as f64),
        "batteryLevel" => Value::Num(d.battery_level() as f64),
        "batteryHealth" => s("NORMAL"),
        "bluetoothMacAddress" => s(&d.bluetooth_mac),
        "wifiMacAddress" => s(&d.wifi_mac),
        "deviceId" => s(&d.device_id),
        "managementId" => s(&d.management_id),
        "udid" => s(&d.udid),
        "serialNumber" => s(&d.serial),
        "osVersion" => s(&d.os_version),
        "osBuild" => s(&d.os_build),
        "osSupplementalBuildVersion"
        | "osRapidSecurityResponse"
        | "airPlayPassword"
        | "exchangeDeviceId"
        | "languages"
        | "locales"
        | "modemFirmwareVersion"
        | "preferredVoiceNumber"
        | "devicePhoneNumber"
        | "userPhoneNumber"
        | "appleCareId"
        | "purchasePrice"
        | "purchasingAccount"
        | "imei2"
        | "meid"
        | "carrierSettingsVersion"
        | "currentCarrierNetwork"
        | "currentMobileCountryCode"
        | "currentMobileNetworkCode"
        | "homeMobileCountryCode"
        | "homeMobileNetworkCode"
        | "network" => s(""),
        "ipAddress" => s(&d.ip_address),
        "model" => s(d.model.name),
        "modelIdentifier" => s(d.model.identifier),
        "modelNumber" => s(d.model.number),
        "managed" => Value::Bool(d.managed),
        "supervised" => Value::Bool(d.supervised),
        "sharedIpad" => Value::Bool(d.shared_ipad),
        "lostModeEnabled" => Value::Bool(d.lost.is_some()),
        "lostModeEnabledDate" => d
            .lost
            .as_ref()
            .map(|l| date(l.enabled_at))
            .unwrap_or(Value::Null),
        "quotaSize" => {
            if d.shared_ipad {
                Value::Num(d.quota_mb as f64)
            } else {
                Value::Null
            }
        }
        "residentUsers" => {
            if d.shared_ipad {
                Value::Num(d.shared_users.len() as f64)
            } else {
                Value::Null
            }
        }
        "lastInventoryUpdateDate" => date(d.last_inventory),
        "lastContactDate" => date(d.last_contact),
        "lastEnrolledDate" => date(d.enrolled_at),
        "timeZone" => s(&d.time_zone),
        "tethered"
        | "appAnalyticsEnabled"
        | "diagnosticAndUsageReportingEnabled"
        | "doNotDisturbEnabled"
        | "cloudBackupEnabled"
        | "locationServicesForSelfServiceMobileEnabled"
        | "dataRoamingEnabled"
        | "roaming"
        | "personalHotspotEnabled"
        | "hardwareEncryptionSupported"
        | "enrollmentSessionTokenValid" => Value::Bool(false),
        "declarativeDeviceManagementEnabled"
        | "bluetoothLowEnergyCapable"
        | "deviceLocatorServiceEnabled"
        | "itunesStoreAccountActive"
        | "blockEncryptionCapable"
        | "fileEncryptionCapable"
        | "dataProtection"
        | "passcodeCompliant"
        | "passcodeCompliantWithProfile" => Value::Bool(true),
        "passcodePresent" => Value::Bool(d.passcode_present),
        "activationLockEnabled" => Value::Bool(d.activation_lock),
        "passcodeLockGracePeriodEnforcedSeconds" => Value::Null,
        "building" => s(&w
            .building(d.building_id)
            .map(|b| b.name.clone())
            .unwrap_or_default()),
        "department" => s(&w
            .department(d.department_id)
            .map(|b| b.name.clone())
            .unwrap_or_default()),
        "room" => s(&d.room),
        "username" => s(&d.username),
        "fullName" => s(&d.real_name),
        "emailAddress" => s(&d.email),
        "position" => s(&d.position),
        "lifeExpectancyYears" => Value::Num(4.0),
        "poNumber" => s(&d.po_number),
        "poDate" => date(d.po_date),
        "warrantyExpirationDate" => date(d.warranty_until),
        "leaseExpirationDate"
        | "lastBackupDate"
        | "lastCloudBackupDate"
        | "mdmProfileExpirationDate" => Value::Null,
        "purchasedOrLeased" => s("Purchased"),
        "purchasingContact" => s("Conseil départemental de la Haute-Garonne"),
        "vendor" => s("Econocom"),
        "deviceOwnershipType" => s("Institutional"),
        "jailbreakStatus" => s("Normal"),
        "cellularTechnology" => s(if d.model.cellular { "GSM" } else { "None" }),
        "eid" => s(&d.eid),
        "iccid" => s(&d.iccid),
        "imei" => s(&d.imei),
        "lastLoggedInUsernameSelfService" | "lastLoggedInUsernameMdm" => d
            .logged_in_user()
            .map(|u| s(&u.managed_apple_id))
            .unwrap_or(Value::Null),
        "lastLoggedInUsernameSelfServiceTimestamp" | "lastLoggedInUsernameMdmTimestamp" => {
            Value::Null
        }
        _ => Value::Null,
    };
    vec![one]
}
