//! Classic `/JSSResource/mobiledeviceconfigurationprofiles` over real HTTP: the demo
//! school's FaceTime restriction, creating from a school script's request body, partial updates,
//! scope replacement and Jamf's payload double-decoding (PI-827).

use chariot_testkit::samples::Source;
use chariot_testkit::sim::*;
use reqwest::Method;
use rstest::rstest;
use serde_json::Value;

const BASE: &str = "/mobiledeviceconfigurationprofiles";

async fn profile(sim: &chariot_sim::RunningSim, t: &str, path: &str) -> Value {
    let (s, v) = classic_json(sim, t, path).await;
    assert_eq!(s, 200, "{path}: {v}");
    v["configuration_profile"].clone()
}

fn names(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn facetime_restriction_is_scoped_to_carts_minus_teachers() {
    let (sim, t) = frozen_signed_in().await;
    let (s, v) = classic_json(&sim, &t, BASE).await;
    assert_eq!(s, 200);
    let list = v["configuration_profiles"].as_array().unwrap();
    let ft = list
        .iter()
        .find(|p| {
            p["name"]
                .as_str()
                .unwrap()
                .ends_with("Restrictions FaceTime")
        })
        .expect("the guide's FaceTime profile");
    let p = profile(&sim, &t, &format!("{BASE}/id/{}", ft["id"])).await;
    let g = &p["general"];
    assert_eq!(g["deployment_method"], "Install Automatically");
    assert_eq!(g["category"]["name"], "Restrictions");
    let payloads = g["payloads"].as_str().unwrap();
    assert!(payloads.starts_with("<?xml") && payloads.contains("allowVideoConferencing"));
    let sc = &p["scope"];
    assert_eq!(sc["all_mobile_devices"], false);
    let targets = names(&sc["mobile_device_groups"]);
    assert_eq!(targets.len(), 2);
    assert!(targets.iter().all(|n| n.contains("Chariot")));
    assert!(names(&sc["exclusions"]["mobile_device_groups"])[0].ends_with("Professeurs"));
    // The `{}` quirk of a real capture, and ordinary `[]` elsewhere.
    assert_eq!(sc["jss_user_groups"], serde_json::json!({}));
    assert_eq!(sc["exclusions"]["jss_user_groups"], serde_json::json!([]));
    assert!(sc["limitations"]["ibeacons"].is_array());
    // Subsets and XML.
    let only = profile(&sim, &t, &format!("{BASE}/id/{}/subset/General", ft["id"])).await;
    assert!(only.get("scope").is_none() && only.get("general").is_some());
    let (_, x) = classic(
        &sim,
        &t,
        Method::GET,
        &format!("{BASE}/id/{}/subset/Scope&SelfService", ft["id"]),
        None,
        false,
    )
    .await;
    assert!(x.contains("<configuration_profile><scope><all_mobile_devices>false"));
    assert!(x.contains("<jss_user_groups><size>0</size></jss_user_groups>"));
    assert!(x.contains("<self_service>") && !x.contains("<general>"));
    sim.shutdown().await;
}

/// The body a school's bootstrap script sends: our fixture, and the reference's real body
/// when that folder is there (the case passes without checking anything otherwise).
#[rstest]
#[case::ours(
    Source::Ours,
    "Message écran verrouillé - Tous les iPad",
    "C7E40A2B-91D3-4F6E-8B25-3A0D6F19E4C8",
    "iPad à affecter"
)]
#[case::reference(
    Source::Reference,
    "Lock Screen Message - All Devices",
    "512BF1E1-62BD-4739-8F40-078048D9099F",
    "Pre-Stage Devices"
)]
#[tokio::test]
async fn create_sample_round_trips(
    #[case] source: Source,
    #[case] name: &str,
    #[case] uuid: &str,
    #[case] excluded: &str,
) {
    let Some(body) = source.read("config-profiles/mobile-profile-create.request.xml") else {
        return;
    };
    let (sim, t) = frozen_signed_in().await;
    // The exclusion names a group the demo tenant does not have.
    let (s, page) = classic_write(&sim, &t, Method::POST, &format!("{BASE}/id/0"), &body).await;
    assert_eq!(s, 409);
    assert!(
        page.contains("Unable to match mobile device group"),
        "{page}"
    );
    let g = format!(
        "<mobile_device_group><name>{excluded}</name><is_smart>false</is_smart></mobile_device_group>"
    );
    let (s, _) = classic_write(&sim, &t, Method::POST, "/mobiledevicegroups/id/0", &g).await;
    assert_eq!(s, 201);
    let (s, r) = classic_write(&sim, &t, Method::POST, &format!("{BASE}/id/0"), &body).await;
    assert_eq!(s, 201, "{r}");
    let id = created_id(&r);
    let p = profile(&sim, &t, &format!("{BASE}/id/{id}")).await;
    assert_eq!(p["general"]["name"], name);
    assert_eq!(p["general"]["uuid"], uuid);
    assert_eq!(
        p["general"]["site"],
        serde_json::json!({"id": -1, "name": "None"})
    );
    assert_eq!(
        p["general"]["category"],
        serde_json::json!({"id": -1, "name": "No category assigned"})
    );
    let payloads = p["general"]["payloads"].as_str().unwrap();
    assert!(
        payloads.contains("<key>IfLostReturnToMessage</key>"),
        "decoded plist"
    );
    assert_eq!(
        names(&p["scope"]["mobile_device_groups"]),
        ["All Managed iPads"]
    );
    assert_eq!(
        names(&p["scope"]["exclusions"]["mobile_device_groups"]),
        [excluded]
    );
    // Same name again: duplicate.
    let (s, page) = classic_write(&sim, &t, Method::POST, &format!("{BASE}/id/0"), &body).await;
    assert_eq!(s, 409);
    assert!(page.contains("Error: Duplicate name"));
    sim.shutdown().await;
}

#[tokio::test]
async fn put_is_partial_and_scope_is_replaced_wholesale() {
    let (sim, t) = frozen_signed_in().await;
    let before = profile(&sim, &t, &format!("{BASE}/id/1")).await;
    let (s, _) = classic_write(
        &sim,
        &t,
        Method::PUT,
        &format!("{BASE}/id/1"),
        "<configuration_profile><general><name>FaceTime interdit</name></general></configuration_profile>",
    )
    .await;
    assert!(s == 200 || s == 201);
    let after = profile(&sim, &t, &format!("{BASE}/name/FaceTime interdit")).await;
    assert_eq!(after["general"]["payloads"], before["general"]["payloads"]);
    assert_eq!(after["scope"], before["scope"], "no <scope>: scope kept");

    // all_mobile_devices with explicit targets: the targets are dropped.
    let body = "<configuration_profile><scope><all_mobile_devices>true</all_mobile_devices>\
        <mobile_devices><mobile_device><id>1</id></mobile_device></mobile_devices></scope></configuration_profile>";
    let (s, _) = classic_write(&sim, &t, Method::PUT, &format!("{BASE}/id/1"), body).await;
    assert!(s == 200 || s == 201);
    let p = profile(&sim, &t, &format!("{BASE}/id/1")).await;
    assert_eq!(p["scope"]["all_mobile_devices"], true);
    assert_eq!(p["scope"]["mobile_devices"], serde_json::json!([]));
    assert_eq!(
        p["scope"]["exclusions"]["mobile_device_groups"],
        serde_json::json!([]),
        "replaced wholesale: the old exclusion is gone"
    );
    sim.shutdown().await;
}

/// Jamf decodes `<payloads>` twice (PI-827): a plist `&amp;` must be sent pre-escaped.
#[rstest]
#[case::pre_escaped("A &amp;amp;amp; B", 201)]
#[case::not_pre_escaped("A &amp;amp; B", 409)]
#[case::plain("Collège", 201)]
#[tokio::test]
async fn payload_double_decoding(#[case] text: &str, #[case] status: u16) {
    let (sim, t) = frozen_signed_in().await;
    let body = format!(
        "<configuration_profile><general><name>P</name><payloads>&lt;plist version=\"1\"&gt;&lt;dict&gt;&lt;key&gt;PayloadIdentifier&lt;/key&gt;&lt;string&gt;fr.test.p&lt;/string&gt;&lt;key&gt;M&lt;/key&gt;&lt;string&gt;{text}&lt;/string&gt;&lt;/dict&gt;&lt;/plist&gt;</payloads></general></configuration_profile>"
    );
    let (s, page) = classic_write(&sim, &t, Method::POST, &format!("{BASE}/id/0"), &body).await;
    assert_eq!(s, status, "{page}");
    if status == 409 {
        assert!(page.contains("Unable to update the database"));
    } else {
        let p = profile(&sim, &t, &format!("{BASE}/name/P")).await;
        let pl = p["general"]["payloads"].as_str().unwrap();
        assert!(pl.starts_with("<plist version=\"1\"><dict>"), "{pl}");
        if text.contains("amp") {
            assert!(pl.contains("<string>A &amp; B</string>"), "{pl}");
        }
    }
    sim.shutdown().await;
}

#[tokio::test]
async fn delete_removes_the_profile_from_devices() {
    let (sim, t) = frozen_signed_in().await;
    let p = profile(&sim, &t, &format!("{BASE}/id/2")).await;
    let uuid = p["general"]["uuid"].as_str().unwrap().to_string();
    let holders = |v: &Value| {
        v["mobile_device"]["configuration_profiles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["uuid"] == uuid.as_str())
    };
    let mut before = 0;
    for id in 1..=38 {
        let (_, d) = classic_json(
            &sim,
            &t,
            &format!("/mobiledevices/id/{id}/subset/ConfigurationProfiles"),
        )
        .await;
        before += holders(&d) as usize;
    }
    assert!(before > 0, "the Wi-Fi profile is installed somewhere");
    let (s, _) = classic_delete(&sim, &t, &format!("{BASE}/id/2")).await;
    assert_eq!(s, 200);
    for id in 1..=38 {
        let (_, d) = classic_json(
            &sim,
            &t,
            &format!("/mobiledevices/id/{id}/subset/ConfigurationProfiles"),
        )
        .await;
        assert!(!holders(&d));
    }
    let (s, _) = classic_json(&sim, &t, &format!("{BASE}/id/2")).await;
    assert_eq!(s, 404);
    sim.shutdown().await;
}
