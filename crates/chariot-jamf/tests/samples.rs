//! Every Jamf payload the client reads must parse: our fixtures (same shapes as the real
//! payloads of the reference, see chariot-testkit's fixtures README) and, when the reference
//! folder is there, the real samples too.

use chariot_jamf::JamfVersion;
use chariot_jamf::models::{ClassicDeviceSecurity, InventoryRecord, LightDevice, Paged};
use chariot_testkit::samples::{each, ours, real};

const DETAIL: &str = "mobile-devices/v2-detail-general.json";

/// What holds for any GENERAL section answer; `name` is the first device's display name.
fn check_detail_general(text: &str, name: &str) {
    let records: Vec<InventoryRecord> = serde_json::from_str(text).unwrap();
    assert!(!records.is_empty());
    let first = &records[0];
    assert_eq!(first.mobile_device_id, "1");
    let general = first.general.as_ref().unwrap();
    assert_eq!(general.display_name.as_deref(), Some(name));
    assert_eq!(general.supervised, Some(false));
    assert!(first.hardware.is_none(), "unrequested sections are null");
    // A device of unknown type carries no `general` at all, and still reads.
    assert!(records.iter().any(|r| r.general.is_none()));
    assert!(records.iter().all(|r| !r.mobile_device_id.is_empty()));
}

#[test]
fn v2_detail_general_section() {
    check_detail_general(&ours(DETAIL), "0315208T-2024-F9GQ41TNKL");
    if let Some(text) = real(DETAIL) {
        check_detail_general(&text, "Device 83");
    }
}

#[test]
fn v2_light_list() {
    for (name, text) in each("mobile-devices/v2-list.json") {
        let list: Vec<LightDevice> = match serde_json::from_str::<Paged<LightDevice>>(&text) {
            Ok(p) => p.results,
            Err(_) => serde_json::from_str(&text).unwrap(),
        };
        assert!(!list.is_empty(), "{name}");
        assert!(list.iter().all(|d| !d.id.is_empty()), "{name}");
    }
}

#[test]
fn classic_detail_security_subset() {
    for file in [
        "mobile-devices/classic-detail-lost-mode.json",
        "mobile-devices/classic-detail-unsupervised.json",
    ] {
        for (name, text) in each(file) {
            // The whole answer, wrapper included, as the client receives it.
            let parsed: ClassicDeviceSecurity = serde_json::from_str(&text).unwrap();
            let security = parsed.into_security();
            assert!(
                security.lost_mode_enabled.is_some(),
                "{name}: lost_mode_enabled read"
            );
            // Whatever the sample holds, reading it never invents a position at 0/0.
            if let Some(loc) = security.location() {
                assert!(loc.latitude != 0.0 || loc.longitude != 0.0);
            }
        }
    }
}

#[test]
fn version_and_tokens() {
    for (_, text) in each("misc/jamf-pro-version.json") {
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(JamfVersion::parse(v["version"].as_str().unwrap()).is_some());
    }
    for (_, text) in each("auth/token.json") {
        let t: chariot_jamf::auth::UserTokenResponse = serde_json::from_str(&text).unwrap();
        assert!(!t.token.expose().is_empty() && !t.expires.is_empty());
    }
    for (_, text) in each("auth/oauth-token.json") {
        let o: chariot_jamf::auth::ClientTokenResponse = serde_json::from_str(&text).unwrap();
        assert!(o.expires_in.unwrap() > 0);
    }
}
