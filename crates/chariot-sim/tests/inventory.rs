//! Inventory over real HTTP: sections, paging with the silent clamp, sorting, RSQL.

use chariot_testkit::sim::*;
use proptest::prelude::*;
use rstest::rstest;
use serde_json::Value;
use std::collections::BTreeSet;

const ALL: &str = "GENERAL,HARDWARE,USER_AND_LOCATION,PURCHASING,SECURITY,APPLICATIONS,EBOOKS,NETWORK,SERVICE_SUBSCRIPTIONS,CERTIFICATES,PROFILES,USER_PROFILES,PROVISIONING_PROFILES,SHARED_USERS,GROUPS,EXTENSION_ATTRIBUTES";

#[tokio::test]
async fn default_school_follows_the_guide() {
    let (sim, t) = frozen_signed_in().await;
    let (s, v) = get_json(
        &sim,
        &t,
        "/api/v2/mobile-devices/detail?section=GENERAL&section=SHARED_USERS&page-size=2000",
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(v["totalCount"], 38);
    let rs = v["results"].as_array().unwrap();
    let names: Vec<&str> = rs
        .iter()
        .map(|r| r["general"]["displayName"].as_str().unwrap())
        .collect();
    let profs = names.iter().filter(|n| n.contains("-Prof ")).count();
    assert_eq!(profs, 8, "4 shared teacher iPads per cart");
    let student = regex::Regex::new(r"^\d{7}[A-Z]-20\d\d-[0-9A-Z]{12}$").unwrap();
    assert_eq!(names.iter().filter(|n| student.is_match(n)).count(), 30);
    for r in rs {
        let shared = r["general"]["sharedIpad"].as_bool().unwrap();
        let users = r["sharedUsers"].as_array().unwrap();
        assert!(users.len() <= 10);
        assert_eq!(shared, !users.is_empty());
        assert!(r["hardware"].is_null(), "unrequested sections are null");
    }
    sim.shutdown().await;
}

#[tokio::test]
async fn same_seed_same_data_other_seed_other_data() {
    let a = frozen_sim().await;
    let b = frozen_sim().await;
    let c = frozen_sim_with(|c| c.seed = 99).await;
    let mut out = vec![];
    for s in [&a, &b, &c] {
        let t = user_token(s).await;
        out.push(
            get_json(
                s,
                &t,
                &format!("/api/v2/mobile-devices/detail?section={ALL}&page-size=100"),
            )
            .await
            .1,
        );
    }
    assert_eq!(out[0], out[1]);
    assert_ne!(out[0], out[2]);
    for s in [a, b, c] {
        s.shutdown().await;
    }
}

#[tokio::test]
async fn page_size_is_clamped_and_total_count_is_full() {
    let sim = frozen_sim_with(|c| c.devices = 2500).await;
    let t = user_token(&sim).await;
    let (_, v) = get_json(&sim, &t, "/api/v2/mobile-devices/detail?page-size=20000").await;
    assert_eq!(v["totalCount"], 2500);
    assert_eq!(v["results"].as_array().unwrap().len(), 2000);
    let (_, v) = get_json(
        &sim,
        &t,
        "/api/v2/mobile-devices/detail?page-size=2000&page=1",
    )
    .await;
    assert_eq!(v["results"].as_array().unwrap().len(), 500);
    let (_, v) = get_json(&sim, &t, "/api/v2/mobile-devices/detail?page=99").await;
    assert_eq!(v["results"], Value::Array(vec![]));
    let (_, v) = get_json(&sim, &t, "/api/v2/mobile-devices?page-size=5000").await;
    assert_eq!(v["results"].as_array().unwrap().len(), 2000);
    sim.shutdown().await;
}

#[rstest]
#[case("sharedIpad==true", 30)]
#[case("sharedIpad==false", 8)]
#[case("displayName==\"*Prof*\"", 8)]
#[case("displayName==\"*prof 1\"", 1)]
#[case("groupName==\"*Chariot 1\"", 19)]
#[case("groupName=in=(\"*Chariot 1\",\"*Chariot 2\")", 38)]
#[case("batteryLevel>=0;batteryLevel<=100", 38)]
#[case("lastInventoryUpdateDate=ge=2000-01-01T00:00:00Z", 38)]
#[case("lastInventoryUpdateDate=lt=2000-01-01T00:00:00Z", 0)]
#[tokio::test]
async fn rsql_filters(#[case] filter: &str, #[case] expected: u64) {
    let (sim, t) = frozen_signed_in().await;
    let q = format!(
        "/api/v2/mobile-devices/detail?section=GENERAL&filter={}",
        urlencode(filter)
    );
    let (s, v) = get_json(&sim, &t, &q).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["totalCount"], expected, "{filter}");
    sim.shutdown().await;
}

#[rstest]
#[case("filter=nosuchField==1")]
#[case("filter=displayName==")]
#[case("sort=nosuchField:asc")]
#[case("section=NOPE")]
#[case("page-size=0")]
#[case("exception-handling=SLOPPY")]
#[tokio::test]
async fn bad_parameters_are_400_api_errors(#[case] query: &str) {
    let (sim, t) = frozen_signed_in().await;
    let (s, v) = get_json(&sim, &t, &format!("/api/v2/mobile-devices/detail?{query}")).await;
    assert_eq!(s, 400);
    assert_eq!(v["httpStatus"], 400);
    assert!(v["errors"][0]["description"].is_string());
    sim.shutdown().await;
}

#[tokio::test]
async fn sorting_by_battery_desc_is_ordered() {
    let (sim, t) = frozen_signed_in().await;
    let (_, v) = get_json(
        &sim,
        &t,
        "/api/v2/mobile-devices/detail?section=HARDWARE&sort=batteryLevel:desc,displayName:asc",
    )
    .await;
    let levels: Vec<i64> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["hardware"]["batteryLevel"].as_i64().unwrap())
        .collect();
    assert!(levels.windows(2).all(|w| w[0] >= w[1]), "{levels:?}");
    sim.shutdown().await;
}

#[tokio::test]
async fn single_device_endpoints_and_404() {
    let (sim, t) = frozen_signed_in().await;
    let (s, v) = get_json(&sim, &t, "/api/v2/mobile-devices/3/detail").await;
    assert_eq!(s, 200);
    assert_eq!(v["id"], "3");
    assert!(v["ios"]["batteryLevel"].is_i64());
    let (s, v) = get_json(&sim, &t, "/api/v2/mobile-devices/99999").await;
    assert_eq!(s, 404);
    assert_eq!(v["httpStatus"], 404);
    sim.shutdown().await;
}

pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, .. ProptestConfig::default() })]
    /// Walking the pages never loses or duplicates a device, whatever the page size and sort.
    #[test]
    fn paging_over_http_is_complete(size in 1usize..60, desc in any::<bool>()) {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async {
            let sim = frozen_sim_with(|c| c.devices = 120).await;
            let t = user_token(&sim).await;
            let dir = if desc { "desc" } else { "asc" };
            let mut ids = vec![];
            let mut page = 0;
            loop {
                let (_, v) = get_json(&sim, &t, &format!("/api/v2/mobile-devices/detail?section=HARDWARE&page={page}&page-size={size}&sort=batteryLevel:{dir}")).await;
                let rs = v["results"].as_array().unwrap().clone();
                if rs.is_empty() { break; }
                ids.extend(rs.iter().map(|r| r["mobileDeviceId"].as_str().unwrap().to_string()));
                page += 1;
            }
            let unique: BTreeSet<_> = ids.iter().cloned().collect();
            assert_eq!(ids.len(), 120);
            assert_eq!(unique.len(), 120);
            sim.shutdown().await;
        });
    }
}
