//! The inventory-touch hook: exactly n devices report new inventory, seen through the Jamf
//! Pro API exactly as a device's own report would be.

use chariot_testkit::sim::*;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// Devices whose inventory is at or after the (frozen) start instant, with their battery.
async fn reported_since_start(sim: &chariot_sim::RunningSim, token: &str) -> BTreeMap<u32, i64> {
    let filter = format!(
        "lastInventoryUpdateDate=ge={}",
        fixed_start().format("%Y-%m-%dT%H:%M:%SZ")
    );
    battery_levels(
        sim,
        token,
        &format!("section=GENERAL&section=HARDWARE&page-size=2000&filter={filter}"),
    )
    .await
}

async fn batteries(sim: &chariot_sim::RunningSim, token: &str) -> BTreeMap<u32, i64> {
    battery_levels(sim, token, "section=HARDWARE&page-size=2000").await
}

/// Device id → battery level of the devices a detail query returns.
async fn battery_levels(
    sim: &chariot_sim::RunningSim,
    token: &str,
    query: &str,
) -> BTreeMap<u32, i64> {
    let (status, body) = get_json(
        sim,
        token,
        &format!("/api/v2/mobile-devices/detail?{query}"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["mobileDeviceId"].as_str().unwrap().parse().unwrap(),
                d["hardware"]["batteryLevel"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[tokio::test]
async fn touch_makes_exactly_n_devices_report_new_inventory() {
    let sim = frozen_sim().await;
    let token = user_token(&sim).await;
    // The generated fleet's reports all predate the start instant.
    assert!(reported_since_start(&sim, &token).await.is_empty());
    let before = batteries(&sim, &token).await;

    let ids = sim.touch_inventory(3);
    assert_eq!(ids.len(), 3);
    let seen = reported_since_start(&sim, &token).await;
    assert_eq!(seen.keys().copied().collect::<Vec<_>>(), ids);
    for (id, battery) in &seen {
        assert_ne!(before[id], *battery, "device {id} shows a visible change");
    }
    let after = batteries(&sim, &token).await;
    let unchanged = before.iter().filter(|(id, b)| after[*id] == **b).count();
    assert_eq!(unchanged, before.len() - 3, "nothing else changed");
}

#[tokio::test]
async fn control_endpoint_touches_other_devices_each_call_and_validates() {
    let sim = frozen_sim().await;
    let token = user_token(&sim).await;
    let first = sim.touch_inventory(2);
    let r = http()
        .post(format!("{}/_sim/inventory/touch", sim.base_url()))
        .json(&json!({"count": 5}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let body: Value = r.json().await.unwrap();
    let second: Vec<u32> = body["touched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap() as u32)
        .collect();
    assert_eq!(second.len(), 5);
    assert!(second.iter().all(|id| !first.contains(id)));
    assert_eq!(reported_since_start(&sim, &token).await.len(), 7);

    // More than the fleet: every device, once.
    assert_eq!(sim.touch_inventory(10_000).len(), 38);
    assert!(sim.touch_inventory(0).is_empty());

    let bad = http()
        .post(format!("{}/_sim/inventory/touch", sim.base_url()))
        .json(&json!({"count": -1}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
}

#[tokio::test]
async fn the_same_sequence_touches_the_same_devices() {
    let (a, b) = (frozen_sim().await, frozen_sim().await);
    for n in [1, 4, 9] {
        assert_eq!(a.touch_inventory(n), b.touch_inventory(n));
    }
}
