//! JSON sections of a v2 inventory record (`MobileDeviceIosInventory`, reference §4.3) that
//! stay `Value`s (the ones Chariot reads are typed in `records.rs`), and the older
//! single-device shape.

use crate::school::World;
use crate::school::model::Device;
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};

use super::records::{Hardware, profiles};

pub const SECTIONS: &[(&str, &str)] = &[
    ("GENERAL", "general"),
    ("HARDWARE", "hardware"),
    ("USER_AND_LOCATION", "userAndLocation"),
    ("PURCHASING", "purchasing"),
    ("SECURITY", "security"),
    ("APPLICATIONS", "applications"),
    ("EBOOKS", "ebooks"),
    ("NETWORK", "network"),
    ("SERVICE_SUBSCRIPTIONS", "serviceSubscriptions"),
    ("CERTIFICATES", "certificates"),
    ("PROFILES", "profiles"),
    ("USER_PROFILES", "userProfiles"),
    ("PROVISIONING_PROFILES", "provisioningProfiles"),
    ("SHARED_USERS", "sharedUsers"),
    ("GROUPS", "groups"),
    ("EXTENSION_ATTRIBUTES", "extensionAttributes"),
];

pub fn iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// The sections Chariot does not read at volume, as JSON values (the others are typed, in
/// `records.rs`). `null` for a name that is not one of them.
pub fn other_section(d: &Device, name: &str) -> Value {
    match name {
        "PURCHASING" => json!({
            "purchased": true, "leased": false, "poNumber": d.po_number, "vendor": "Econocom", "appleCareId": "",
            "purchasePrice": "", "purchasingAccount": "", "poDate": iso(d.po_date),
            "warrantyExpiresDate": iso(d.warranty_until), "leaseExpiresDate": null, "lifeExpectancy": 4,
            "purchasingContact": "Conseil départemental de la Haute-Garonne", "extensionAttributes": []
        }),
        "EBOOKS"
        | "SERVICE_SUBSCRIPTIONS"
        | "PROVISIONING_PROFILES"
        | "USER_PROFILES"
        | "EXTENSION_ATTRIBUTES" => json!([]),
        "NETWORK" => json!({
            "cellularTechnology": if d.model.cellular { "GSM" } else { "None" }, "voiceRoamingEnabled": false,
            "imei": d.imei, "iccid": d.iccid, "meid": "", "eid": d.eid, "carrierSettingsVersion": "",
            "currentCarrierNetwork": "", "currentMobileCountryCode": "", "currentMobileNetworkCode": "",
            "homeCarrierNetwork": "", "homeMobileCountryCode": "", "homeMobileNetworkCode": "",
            "dataRoamingEnabled": false, "roaming": false, "personalHotspotEnabled": false, "phoneNumber": "",
            "preferredVoiceNumber": ""
        }),
        "CERTIFICATES" => json!([{
            "commonName": format!("{}", d.udid), "identity": true,
            "expirationDate": iso(d.enrolled_at + chrono::Duration::days(730))
        }]),
        _ => Value::Null,
    }
}

/// The older `/v2/mobile-devices/{id}/detail` shape (reference §4.3, last paragraph).
pub fn legacy_detail(w: &World, d: &Device, group_ids: &[u32]) -> Value {
    let site = w.site(d.site_id);
    let hw = serde_json::to_value(Hardware::new(d)).unwrap_or_default();
    json!({
        "id": d.id.to_string(), "name": d.name, "enforceName": false, "assetTag": d.asset_tag,
        "lastInventoryUpdateTimestamp": iso(d.last_inventory), "lastContactTimestamp": iso(d.last_contact),
        "osVersion": d.os_version, "osBuild": d.os_build, "osSupplementalBuildVersion": "", "osRapidSecurityResponse": "",
        "softwareUpdateDeviceId": "", "serialNumber": d.serial, "udid": d.udid, "ipAddress": d.ip_address,
        "wifiMacAddress": d.wifi_mac, "bluetoothMacAddress": d.bluetooth_mac, "managed": d.managed,
        "timeZone": d.time_zone, "initialEntryTimestamp": iso(d.initial_entry),
        "lastEnrollmentTimestamp": iso(d.enrolled_at),
        "mdmProfileExpirationTimestamp": iso(d.enrolled_at + chrono::Duration::days(730)),
        "deviceOwnershipLevel": "Institutional", "enrollmentMethod": if d.supervised { "Automated Device Enrollment" } else { "User-initiated - no invitation" },
        "site": { "id": site.map(|s| s.id.to_string()).unwrap_or_else(|| "-1".into()), "name": site.map(|s| s.name.clone()).unwrap_or_else(|| "None".into()), "divisionId": null },
        "extensionAttributes": [],
        "location": {
            "username": d.username, "realName": d.real_name, "emailAddress": d.email, "position": d.position,
            "phoneNumber": d.phone, "department": w.department(d.department_id).map(|b| b.name.clone()).unwrap_or_default(),
            "building": w.building(d.building_id).map(|b| b.name.clone()).unwrap_or_default(), "room": d.room
        },
        "type": "ios",
        "ios": {
            "model": d.model.name, "modelIdentifier": d.model.identifier, "modelNumber": d.model.number,
            "supervised": d.supervised, "batteryLevel": d.battery_level(), "batteryHealth": "NORMAL",
            "capacityMb": d.model.capacity_mb, "availableMb": d.available_mb, "percentageUsed": d.used_percent(),
            "shared": d.shared_ipad, "deviceLocatorServiceEnabled": d.supervised, "doNotDisturbEnabled": false,
            "cloudBackupEnabled": false, "lastCloudBackupTimestamp": null, "locationServicesEnabled": false,
            "itunesStoreAccountActive": !d.shared_ipad, "bleCapable": true,
            "unlockToken": if d.shared_ipad { Value::Null } else { json!(format!("{:x}", crate::rng::mix(d.id as u64))) },
            "security": {
                "dataProtection": d.passcode_present, "blockLevelEncryptionCapable": true, "fileLevelEncryptionCapable": true,
                "passcodePresent": d.passcode_present, "passcodeCompliant": true, "passcodeCompliantWithProfile": true,
                "hardwareEncryption": 3, "activationLockEnabled": d.activation_lock, "jailBreakDetected": false
            },
            "network": other_section(d, "NETWORK"),
            "applications": d.apps.iter().map(|a| json!({"identifier": a.bundle_id, "name": a.name, "version": a.version, "shortVersion": a.version})).collect::<Vec<_>>(),
            "configurationProfiles": serde_json::to_value(profiles(w, d)).unwrap_or_default(),
            "provisioningProfiles": [], "certificates": other_section(d, "CERTIFICATES"),
            "mdmCapableUsers": d.shared_users.iter().map(|u| json!({"userShortName": u.managed_apple_id, "managementId": null})).collect::<Vec<_>>(),
            "serialNumber": hw["serialNumber"]
        },
        "managementId": d.management_id,
        "groups": group_ids.iter().filter_map(|g| w.group(*g)).map(|g| json!({"groupId": g.id.to_string(), "groupName": g.name, "groupDescription": g.description, "smart": g.smart})).collect::<Vec<_>>()
    })
}
