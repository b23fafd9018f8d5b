//! MDM commands over real HTTP: queueing, the state machine on the simulated clock, and
//! Apple's answers per device kind.

use chariot_testkit::sim::*;
use serde_json::{Value, json};
use std::time::Duration;

async fn devices(sim: &chariot_sim::RunningSim, t: &str) -> Vec<Value> {
    let (_, v) = get_json(
        sim,
        t,
        "/api/v2/mobile-devices/detail?section=GENERAL&section=SECURITY&page-size=2000",
    )
    .await;
    v["results"].as_array().unwrap().clone()
}

fn pick(ds: &[Value], pred: impl Fn(&Value) -> bool) -> &Value {
    ds.iter().find(|d| pred(d)).expect("a matching device")
}

fn mid(d: &Value) -> String {
    d["general"]["managementId"].as_str().unwrap().to_string()
}

async fn send(sim: &chariot_sim::RunningSim, t: &str, m: &str, data: Value) -> String {
    let (s, v) = post_json(
        sim,
        t,
        "/api/v2/mdm/commands",
        json!({"clientData": [{"managementId": m}], "commandData": data}),
    )
    .await;
    assert_eq!(s, 201, "{v}");
    v[0]["id"].as_str().unwrap().to_string()
}

async fn state_of(sim: &chariot_sim::RunningSim, t: &str, uuid: &str) -> Value {
    let (s, v) = get_json(sim, t, &format!("/api/v2/mdm/commands?filter=uuid=={uuid}")).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["totalCount"], 1);
    v["results"][0].clone()
}

fn online(d: &Value) -> bool {
    // Stale devices (weeks without inventory) never answer.
    d["general"]["lastContactDate"].as_str().unwrap() > "2026-03-03T08"
}

#[tokio::test]
async fn lost_mode_round_trip_with_location() {
    let (sim, t) = frozen_signed_in().await;
    let ds = devices(&sim, &t).await;
    let d = pick(&ds, |d| {
        online(d) && d["general"]["supervised"] == true && d["security"]["lostModeEnabled"] == false
    });
    let m = mid(d);
    let loc = send(&sim, &t, &m, json!({"commandType": "DEVICE_LOCATION"})).await;
    let lost = send(&sim, &t, &m, json!({"commandType": "ENABLE_LOST_MODE", "lostModeMessage": "Rapportez-moi", "lostModePhone": "0561000000"})).await;
    assert_eq!(state_of(&sim, &t, &lost).await["commandState"], "PENDING");
    sim.clock().advance(Duration::from_secs(30));
    let l = state_of(&sim, &t, &loc).await;
    assert_eq!(
        l["commandState"], "ERROR",
        "location outside lost mode fails"
    );
    assert_eq!(l["commandError"]["errorCode"], 12067);
    assert_eq!(
        state_of(&sim, &t, &lost).await["commandState"],
        "ACKNOWLEDGED"
    );
    let id = d["mobileDeviceId"].as_str().unwrap();
    let (_, v) = get_json(
        &sim,
        &t,
        &format!("/api/v2/mobile-devices/detail?section=SECURITY&filter=mobileDeviceId=={id}"),
    )
    .await;
    assert_eq!(v["results"][0]["security"]["lostModeEnabled"], true);
    assert_eq!(
        v["results"][0]["security"]["lostModeMessage"],
        "Rapportez-moi"
    );
    let off = send(&sim, &t, &m, json!({"commandType": "DISABLE_LOST_MODE"})).await;
    sim.clock().advance(Duration::from_secs(30));
    assert_eq!(
        state_of(&sim, &t, &off).await["commandState"],
        "ACKNOWLEDGED"
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn apple_rules_per_device_kind() {
    let (sim, t) = frozen_signed_in().await;
    let ds = devices(&sim, &t).await;
    let student = pick(&ds, |d| {
        online(d) && d["general"]["sharedIpad"] == true && d["security"]["lostModeEnabled"] == false
    });
    let teacher = pick(&ds, |d| {
        online(d)
            && d["general"]["sharedIpad"] == false
            && d["security"]["lostModeEnabled"] == false
    });
    let clear_student = send(
        &sim,
        &t,
        &mid(student),
        json!({"commandType": "CLEAR_PASSCODE"}),
    )
    .await;
    let clear_teacher = send(
        &sim,
        &t,
        &mid(teacher),
        json!({"commandType": "CLEAR_PASSCODE"}),
    )
    .await;
    let logout_teacher = send(
        &sim,
        &t,
        &mid(teacher),
        json!({"commandType": "LOG_OUT_USER"}),
    )
    .await;
    let logout_student = send(
        &sim,
        &t,
        &mid(student),
        json!({"commandType": "LOG_OUT_USER"}),
    )
    .await;
    let restart = send(
        &sim,
        &t,
        &mid(student),
        json!({"commandType": "RESTART_DEVICE"}),
    )
    .await;
    sim.clock().advance(Duration::from_secs(25));
    assert_eq!(
        state_of(&sim, &t, &clear_student).await["commandState"],
        "ERROR"
    );
    assert_eq!(
        state_of(&sim, &t, &clear_teacher).await["commandState"],
        "ACKNOWLEDGED"
    );
    assert_eq!(
        state_of(&sim, &t, &logout_teacher).await["commandState"],
        "ERROR"
    );
    assert_eq!(
        state_of(&sim, &t, &logout_student).await["commandState"],
        "ACKNOWLEDGED"
    );
    // After LogOutUser the iPad refuses MDM work for a while: NOT_NOW, then done.
    assert_eq!(
        state_of(&sim, &t, &restart).await["commandState"],
        "NOT_NOW"
    );
    sim.clock().advance(Duration::from_secs(200));
    assert_eq!(
        state_of(&sim, &t, &restart).await["commandState"],
        "ACKNOWLEDGED"
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn stale_devices_keep_commands_pending_and_filters_work() {
    let (sim, t) = frozen_signed_in().await;
    let ds = devices(&sim, &t).await;
    let Some(stale) = ds.iter().find(|d| !online(d)) else {
        sim.shutdown().await;
        return;
    };
    let m = mid(stale);
    let u = send(&sim, &t, &m, json!({"commandType": "SHUT_DOWN_DEVICE"})).await;
    sim.clock().advance(Duration::from_secs(86_400 * 3));
    let c = state_of(&sim, &t, &u).await;
    assert_eq!(c["commandState"], "PENDING");
    assert_eq!(c["client"]["managementId"], m);
    let (_, v) = get_json(
        &sim,
        &t,
        &format!(
            "/api/v2/mdm/commands?filter=clientManagementId=={m};status==Pending;active==true"
        ),
    )
    .await;
    assert_eq!(v["totalCount"], 1);
    let (s, _) = get_json(&sim, &t, "/api/v2/mdm/commands").await;
    assert_eq!(s, 400, "a filter is mandatory");
    sim.shutdown().await;
}

#[tokio::test]
async fn invalid_commands_are_refused() {
    let (sim, t) = frozen_signed_in().await;
    let ds = devices(&sim, &t).await;
    let m = mid(&ds[0]);
    for data in [
        json!({"commandType": "ENABLE_LOST_MODE"}),
        json!({"commandType": "REFRESH_CELLULAR_PLANS"}),
        json!({"commandType": "NOPE"}),
    ] {
        let (s, v) = post_json(
            &sim,
            &t,
            "/api/v2/mdm/commands",
            json!({"clientData": [{"managementId": m}], "commandData": data}),
        )
        .await;
        assert_eq!(s, 400, "{v}");
    }
    let (s, _) = post_json(&sim, &t, "/api/v2/mdm/commands", json!({"clientData": [{"managementId": "x"}], "commandData": {"commandType": "SHUT_DOWN_DEVICE"}})).await;
    assert_eq!(s, 400);
    let r = http()
        .post(format!("{}/api/v2/mdm/commands", sim.base_url()))
        .bearer_auth(&t)
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    sim.shutdown().await;
}
