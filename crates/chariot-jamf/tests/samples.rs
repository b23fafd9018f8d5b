//! Every real Jamf payload in shared/reference/jamf-samples that the client reads must parse.

use chariot_jamf::JamfVersion;
use chariot_jamf::models::{ClassicDeviceSecurity, InventoryRecord, LightDevice, Paged};

fn sample(path: &str) -> String {
    let full = format!(
        "{}/../../../shared/reference/jamf-samples/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

#[test]
fn v2_detail_general_section() {
    let records: Vec<InventoryRecord> = serde_json::from_str(&sample(
        "mobile-devices/jamfpro-v2-mobile-devices-detail-section-GENERAL.results-excerpt.json",
    ))
    .unwrap();
    assert!(!records.is_empty());
    let first = &records[0];
    assert_eq!(first.mobile_device_id, "1");
    let general = first.general.as_ref().unwrap();
    assert_eq!(general.display_name.as_deref(), Some("Device 83"));
    assert_eq!(general.supervised, Some(false));
    assert!(first.hardware.is_none(), "unrequested sections are null");
    // A device of unknown type carries no `general` at all.
    assert!(records.iter().all(|r| !r.mobile_device_id.is_empty()));
}

#[test]
fn v2_light_list() {
    let text = sample("mobile-devices/jamfpro-v2-mobile-devices.results-excerpt.json");
    let list: Vec<LightDevice> = match serde_json::from_str::<Paged<LightDevice>>(&text) {
        Ok(p) => p.results,
        Err(_) => serde_json::from_str(&text).unwrap(),
    };
    assert!(!list.is_empty());
    assert!(list.iter().all(|d| !d.id.is_empty()));
}

#[test]
fn classic_detail_security_subset() {
    for file in [
        "mobile-devices/classic-mobiledevice-id-detail.jamf-docs-example.json",
        "mobile-devices/classic-mobiledevice-id-detail.xsoar-testdata.json",
    ] {
        let text = sample(file);
        // The whole answer, wrapper included, as the client receives it.
        let parsed: ClassicDeviceSecurity = serde_json::from_str(&text).unwrap();
        let security = parsed.into_security();
        assert!(
            security.lost_mode_enabled.is_some(),
            "{file}: lost_mode_enabled read"
        );
        // Whatever the sample holds, reading it never invents a position at 0/0.
        if let Some(loc) = security.location() {
            assert!(loc.latitude != 0.0 || loc.longitude != 0.0);
        }
    }
}

#[test]
fn version_and_tokens() {
    let v: serde_json::Value =
        serde_json::from_str(&sample("misc/jamfpro-v1-jamf-pro-version.recorded.json")).unwrap();
    assert!(JamfVersion::parse(v["version"].as_str().unwrap()).is_some());
    let t: chariot_jamf::auth::UserTokenResponse =
        serde_json::from_str(&sample("auth/jamfpro-v1-auth-token.recorded.json")).unwrap();
    assert!(!t.token.expose().is_empty() && !t.expires.is_empty());
    let o: chariot_jamf::auth::ClientTokenResponse = serde_json::from_str(&sample(
        "auth/oauth-token-response.learn-jamf-docs-example.json",
    ))
    .unwrap();
    assert!(o.expires_in.unwrap() > 0);
}
