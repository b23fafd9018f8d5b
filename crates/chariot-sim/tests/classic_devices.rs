//! Classic `/JSSResource/mobiledevices/match/{term}` and the partial device PUT.

use chariot_testkit::sim::*;
use reqwest::Method;
use rstest::rstest;
use serde_json::Value;

async fn device(sim: &chariot_sim::RunningSim, t: &str, id: u32) -> Value {
    let (s, v) = classic_json(sim, t, &format!("/mobiledevices/id/{id}")).await;
    assert_eq!(s, 200);
    v["mobile_device"].clone()
}

#[tokio::test]
async fn match_uses_wildcards_over_the_quick_search_fields() {
    let (sim, t) = frozen_signed_in().await;
    let d = device(&sim, &t, 1).await;
    let name = d["general"]["name"].as_str().unwrap();
    let rne = &name[..8];
    let (s, v) = classic_json(&sim, &t, &format!("/mobiledevices/match/{rne}*")).await;
    assert_eq!(s, 200);
    assert_eq!(v["mobile_devices"].as_array().unwrap().len(), 38);
    // A serial number without wildcard, in lower case: exactly that device.
    let serial = d["general"]["serial_number"]
        .as_str()
        .unwrap()
        .to_lowercase();
    let (_, v) = classic_json(&sim, &t, &format!("/mobiledevices/match/{serial}")).await;
    let hits = v["mobile_devices"].as_array().unwrap();
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    assert_eq!(hit["id"], 1);
    for k in [
        "udid",
        "mac_address",
        "wifi_mac_address",
        "realname",
        "email",
        "email_address",
        "room",
        "position",
        "building_name",
        "department_name",
    ] {
        assert!(hit.get(k).is_some(), "{k}");
    }
    assert_eq!(hit["building"], d["location"]["building"]);
    let (_, v) = classic_json(&sim, &t, "/mobiledevices/match/*Prof 2*").await;
    assert!(!v["mobile_devices"].as_array().unwrap().is_empty());
    let (_, x) = classic(
        &sim,
        &t,
        Method::GET,
        "/mobiledevices/match/zzz",
        None,
        false,
    )
    .await;
    assert!(
        x.ends_with("<mobile_devices><size>0</size></mobile_devices>"),
        "{x}"
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn partial_put_renames_and_sends_device_name() {
    let (sim, t) = frozen_signed_in().await;
    let before = device(&sim, &t, 2).await;
    assert_eq!(before["general"]["supervised"], true);
    let body = "<mobile_device><general><display_name>0310001A-CDI-01</display_name><asset_tag>CD31-0042</asset_tag></general>\
        <location><room>CDI</room></location></mobile_device>";
    let (s, r) = classic_write(&sim, &t, Method::PUT, "/mobiledevices/id/2", body).await;
    assert!(s == 200 || s == 201, "{r}");
    assert_eq!(created_id(&r), 2);
    let after = device(&sim, &t, 2).await;
    assert_eq!(after["general"]["name"], "0310001A-CDI-01");
    assert_eq!(after["general"]["asset_tag"], "CD31-0042");
    assert_eq!(after["location"]["room"], "CDI");
    assert_eq!(
        after["location"]["username"],
        before["location"]["username"]
    );
    assert_eq!(
        after["purchasing"], before["purchasing"],
        "untouched sections kept"
    );
    assert_eq!(
        after["general"]["last_inventory_update_epoch"]
            .as_i64()
            .unwrap(),
        fixed_start().timestamp_millis(),
        "a Classic PUT bumps the inventory date"
    );
    let (s, cmds) = get_json(&sim, &t, "/api/v2/mdm/commands?filter=command==SETTINGS").await;
    assert_eq!(s, 200, "{cmds}");
    assert_eq!(
        cmds["totalCount"], 1,
        "DeviceName sent for the supervised iPad"
    );
    sim.shutdown().await;
}

#[rstest]
#[case::unknown_building(
    "<mobile_device><general><asset_tag>X</asset_tag></general><location><building>Nowhere</building></location></mobile_device>",
    409
)]
#[case::empty_name(
    "<mobile_device><general><display_name></display_name><asset_tag>X</asset_tag></general></mobile_device>",
    409
)]
#[case::wrong_root(
    "<computer><general><asset_tag>X</asset_tag></general></computer>",
    400
)]
#[tokio::test]
async fn refused_puts_change_nothing(#[case] body: &str, #[case] status: u16) {
    let (sim, t) = frozen_signed_in().await;
    let before = device(&sim, &t, 3).await;
    let (s, _) = classic_write(&sim, &t, Method::PUT, "/mobiledevices/id/3", body).await;
    assert_eq!(s, status);
    assert_eq!(device(&sim, &t, 3).await, before);
    if status == 409 {
        // A readable body for a device that does not exist.
        let (s, _) = classic_write(&sim, &t, Method::PUT, "/mobiledevices/id/99999", body).await;
        assert_eq!(s, 404);
    }
    sim.shutdown().await;
}
