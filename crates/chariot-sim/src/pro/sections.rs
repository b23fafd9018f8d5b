//! JSON sections of a v2 inventory record (`MobileDeviceIosInventory`, reference §4.3).
//! Sections that were not requested are present with the value `null`, as on real servers.

use crate::school::World;
use crate::school::model::Device;
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Map, Value, json};

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

/// One inventory record with the requested sections filled and the others `null`.
pub fn record(w: &World, d: &Device, sections: &[&str], group_ids: &[u32]) -> Value {
    let mut m = Map::new();
    m.insert("mobileDeviceId".into(), json!(d.id.to_string()));
    m.insert("deviceType".into(), json!("iOS"));
    for (name, key) in SECTIONS {
        let v = if sections.contains(name) {
            section(w, d, name, group_ids)
        } else {
            Value::Null
        };
        m.insert((*key).into(), v);
    }
    Value::Object(m)
}

fn section(w: &World, d: &Device, name: &str, group_ids: &[u32]) -> Value {
    match name {
        "GENERAL" => general(w, d),
        "HARDWARE" => json!({
            "capacityMb": d.model.capacity_mb, "availableSpaceMb": d.available_mb,
            "usedSpacePercentage": d.used_percent(), "batteryLevel": d.battery_level(), "batteryHealth": "NORMAL",
            "serialNumber": d.serial, "wifiMacAddress": d.wifi_mac, "bluetoothMacAddress": d.bluetooth_mac,
            "modemFirmwareVersion": if d.model.cellular { "5.00.02" } else { "" }, "model": d.model.name,
            "modelIdentifier": d.model.identifier, "modelNumber": d.model.number,
            "bluetoothLowEnergyCapable": true, "deviceId": d.device_id, "extensionAttributes": []
        }),
        "USER_AND_LOCATION" => json!({
            "username": d.username, "realName": d.real_name, "emailAddress": d.email, "position": d.position,
            "phoneNumber": d.phone,
            "departmentId": d.department_id.map(|i| i.to_string()), "buildingId": d.building_id.map(|i| i.to_string()),
            "room": d.room,
            "building": w.building(d.building_id).map(|b| b.name.clone()).unwrap_or_default(),
            "department": w.department(d.department_id).map(|b| b.name.clone()).unwrap_or_default(),
            "extensionAttributes": []
        }),
        "PURCHASING" => json!({
            "purchased": true, "leased": false, "poNumber": d.po_number, "vendor": "Econocom", "appleCareId": "",
            "purchasePrice": "", "purchasingAccount": "", "poDate": iso(d.po_date),
            "warrantyExpiresDate": iso(d.warranty_until), "leaseExpiresDate": null, "lifeExpectancy": 4,
            "purchasingContact": "Conseil départemental de la Haute-Garonne", "extensionAttributes": []
        }),
        "SECURITY" => security(d),
        "APPLICATIONS" => Value::Array(
            d.apps
                .iter()
                .map(|a| json!({
                    "identifier": a.bundle_id, "name": a.name, "version": a.version, "shortVersion": a.version,
                    "managementStatus": if a.app_id.is_some() { "Managed" } else { "Unmanaged" },
                    "validationStatus": true, "bundleSize": (a.size_kb * 1024).to_string(), "dynamicSize": "0"
                }))
                .collect(),
        ),
        "EBOOKS" | "SERVICE_SUBSCRIPTIONS" | "PROVISIONING_PROFILES" | "USER_PROFILES" | "EXTENSION_ATTRIBUTES" => json!([]),
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
        "PROFILES" => Value::Array(
            d.profile_ids
                .iter()
                .filter_map(|p| w.profiles.iter().find(|x| x.id == *p))
                .map(|p| json!({
                    "displayName": p.name, "version": "1", "uuid": p.uuid, "identifier": p.identifier,
                    "removable": false, "lastInstalled": iso(d.enrolled_at)
                }))
                .collect(),
        ),
        "SHARED_USERS" => Value::Array(
            d.shared_users
                .iter()
                .map(|u| json!({ "managedAppleId": u.managed_apple_id, "loggedIn": u.logged_in, "dataToSync": u.data_to_sync }))
                .collect(),
        ),
        "GROUPS" => Value::Array(
            group_ids
                .iter()
                .filter_map(|g| w.group(*g))
                .map(|g| json!({ "groupId": g.id.to_string(), "groupName": g.name, "groupDescription": g.description, "smart": g.smart }))
                .collect(),
        ),
        _ => Value::Null,
    }
}

fn general(_w: &World, d: &Device) -> Value {
    let logged = d.logged_in_user().map(|u| u.managed_apple_id.clone());
    json!({
        "udid": d.udid, "displayName": d.name, "assetTag": d.asset_tag,
        // Observed [wire]: null (not "-1") when the device has no site.
        "siteId": d.site_id.map(|s| s.to_string()),
        "lastInventoryUpdateDate": iso(d.last_inventory), "lastContactDate": iso(d.last_contact),
        "osVersion": d.os_version, "osRapidSecurityResponse": "", "osBuild": d.os_build,
        "osSupplementalBuildVersion": "", "softwareUpdateDeviceId": "", "ipAddress": d.ip_address,
        "managed": d.managed, "supervised": d.supervised, "deviceOwnershipType": "Institutional",
        "enrollmentMethodPrestage": if d.supervised {
            json!({"mobileDevicePrestageId": "1", "profileName": "ADE Collèges"})
        } else { Value::Null },
        "enrollmentSessionTokenValid": false, "lastEnrolledDate": iso(d.enrolled_at),
        "mdmProfileExpirationDate": iso(d.enrolled_at + chrono::Duration::days(730)),
        "timeZone": d.time_zone, "declarativeDeviceManagementEnabled": true, "managementId": d.management_id,
        "extensionAttributes": [],
        "lastLoggedInUsernameSelfService": null, "lastLoggedInUsernameSelfServiceTimestamp": null,
        "lastLoggedInUsernameMdm": logged, "lastLoggedInUsernameMdmTimestamp": null,
        "sharedIpad": d.shared_ipad, "diagnosticAndUsageReportingEnabled": false, "appAnalyticsEnabled": false,
        // Observed [wire]: non-shared iPads report null quota/users and -1 for the counters.
        "residentUsers": if d.shared_ipad { json!(d.shared_users.len()) } else { Value::Null },
        "quotaSize": if d.shared_ipad { json!(d.quota_mb) } else { Value::Null },
        "temporarySessionOnly": if d.shared_ipad { json!(false) } else { Value::Null },
        "temporarySessionTimeout": if d.shared_ipad { json!(0) } else { Value::Null },
        "userSessionTimeout": if d.shared_ipad { json!(0) } else { Value::Null },
        "syncedToComputer": -1,
        "maximumSharediPadUsersStored": if d.shared_ipad { d.max_users } else { -1 },
        "lastBackupDate": null, "deviceLocatorServiceEnabled": d.supervised, "doNotDisturbEnabled": false,
        "cloudBackupEnabled": false, "lastCloudBackupDate": null, "locationServicesForSelfServiceMobileEnabled": false,
        "itunesStoreAccountActive": !d.shared_ipad, "exchangeDeviceId": "", "tethered": false
    })
}

fn security(d: &Device) -> Value {
    let lost = d.lost.as_ref();
    let loc = lost.and_then(|l| l.location.as_ref());
    json!({
        "dataProtected": d.passcode_present, "blockLevelEncryptionCapable": true, "fileLevelEncryptionCapable": true,
        "passcodePresent": d.passcode_present, "passcodeCompliant": true, "passcodeCompliantWithProfile": true,
        "hardwareEncryption": 3, "activationLockEnabled": d.activation_lock, "jailBreakDetected": false,
        "attestationStatus": "SUCCESS", "lastAttestationAttemptDate": iso(d.last_inventory),
        "lastSuccessfulAttestationDate": iso(d.last_inventory),
        "passcodeLockGracePeriodEnforcedSeconds": null, "personalDeviceProfileCurrent": false,
        "lostModeEnabled": lost.is_some(), "lostModePersistent": lost.map(|l| l.enforced).unwrap_or(false),
        "lostModeMessage": lost.map(|l| l.message.clone()), "lostModePhoneNumber": lost.map(|l| l.phone.clone()),
        "lostModeFootnote": lost.map(|l| l.footnote.clone()),
        // No latitude/longitude in the Jamf Pro API schema: only accuracy and time.
        "lostModeLocation": loc.map(|l| json!({
            "lastLocationUpdate": iso(l.at),
            "lostModeLocationHorizontalAccuracyMeters": l.horizontal_accuracy,
            "lostModeLocationVerticalAccuracyMeters": l.vertical_accuracy,
            "lostModeLocationAltitudeMeters": l.altitude,
            "lostModeLocationSpeedMetersPerSecond": -1.0,
            "lostModeLocationCourseDegrees": -1.0,
            "lostModeLocationTimestamp": iso(l.at)
        })),
        "bootstrapTokenEscrowed": if d.supervised { "ESCROWED" } else { "NOT_SUPPORTED" }
    })
}

/// The older `/v2/mobile-devices/{id}/detail` shape (reference §4.3, last paragraph).
pub fn legacy_detail(w: &World, d: &Device, group_ids: &[u32]) -> Value {
    let site = w.site(d.site_id);
    let hw = section(w, d, "HARDWARE", &[]);
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
            "network": section(w, d, "NETWORK", &[]),
            "applications": d.apps.iter().map(|a| json!({"identifier": a.bundle_id, "name": a.name, "version": a.version, "shortVersion": a.version})).collect::<Vec<_>>(),
            "configurationProfiles": section(w, d, "PROFILES", &[]),
            "provisioningProfiles": [], "certificates": section(w, d, "CERTIFICATES", &[]),
            "mdmCapableUsers": d.shared_users.iter().map(|u| json!({"userShortName": u.managed_apple_id, "managementId": null})).collect::<Vec<_>>(),
            "serialNumber": hw["serialNumber"]
        },
        "managementId": d.management_id,
        "groups": group_ids.iter().filter_map(|g| w.group(*g)).map(|g| json!({"groupId": g.id.to_string(), "groupName": g.name, "groupDescription": g.description, "smart": g.smart})).collect::<Vec<_>>()
    })
}
