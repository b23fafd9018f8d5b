//! Fault knobs over real HTTP, set at start and at run time (library handle and `/_sim/`).

use chariot_testkit::sim::*;
use serde_json::json;
use std::time::{Duration, Instant};

#[tokio::test]
async fn status_faults_retry_after_and_runtime_changes() {
    let sim = frozen_sim_with(|c| c.faults.rate_503 = 1.0).await;
    let c = sim.credentials();
    let login = || {
        http()
            .post(format!("{}/api/v1/auth/token", sim.base_url()))
            .basic_auth(&c.username, Some(&c.password))
            .send()
    };
    assert_eq!(login().await.unwrap().status(), 503);
    sim.faults().update(|f| {
        f.rate_503 = 0.0;
        f.rate_429 = 1.0;
        f.retry_after_secs = 7;
    });
    let r = login().await.unwrap();
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["retry-after"], "7");
    // The control API is never subject to faults and can switch them off.
    let r = http()
        .post(format!("{}/_sim/faults", sim.base_url()))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(login().await.unwrap().status(), 200);
    sim.shutdown().await;
}

#[tokio::test]
async fn resets_and_truncated_bodies_fail_on_the_client() {
    let (sim, t) = frozen_signed_in().await;
    sim.faults().update(|f| f.rate_reset = 1.0);
    // The whole answer, or the error on the way: either must fail.
    let list = async || {
        let r = http()
            .get(format!("{}/api/v2/mobile-devices", sim.base_url()))
            .bearer_auth(&t)
            .send()
            .await?;
        r.bytes().await
    };
    assert!(list().await.is_err());
    sim.faults().update(|f| {
        f.rate_reset = 0.0;
        f.rate_truncate = 1.0;
    });
    assert!(list().await.is_err());
    sim.faults().clear();
    assert_eq!(get_json(&sim, &t, "/api/v2/mobile-devices").await.0, 200);
    sim.shutdown().await;
}

#[tokio::test]
async fn latency_and_timeouts() {
    let sim = frozen_sim_with(|c| c.latency = Duration::from_millis(300)).await;
    let t = user_token(&sim).await;
    let start = Instant::now();
    get_json(&sim, &t, "/api/v1/jamf-pro-version").await;
    assert!(start.elapsed() >= Duration::from_millis(300));
    sim.faults().update(|f| {
        f.latency = Duration::ZERO;
        f.rate_timeout = 1.0;
        f.timeout_hold = Duration::from_millis(200);
    });
    let (s, _) = get_json(&sim, &t, "/api/v1/jamf-pro-version").await;
    assert_eq!(s, 504);
    sim.shutdown().await;
}

#[tokio::test]
async fn churn_adds_or_removes_devices_between_pages() {
    let (sim, t) = frozen_signed_in().await;
    sim.faults().update(|f| f.rate_churn = 1.0);
    let mut totals = std::collections::BTreeSet::new();
    for _ in 0..6 {
        let (_, v) = get_json(&sim, &t, "/api/v2/mobile-devices/detail?page-size=5").await;
        totals.insert(v["totalCount"].as_u64().unwrap());
    }
    assert!(totals.len() > 1, "{totals:?}");
    sim.shutdown().await;
}

/// `html`: the request is answered "200 OK" with a portal's HTML page, on either API and at
/// sign-in, as a captive portal or filtering proxy in front of the server does.
#[tokio::test]
async fn html_answers_200_with_a_page_instead_of_the_data() {
    let (sim, t) = frozen_signed_in().await;
    let mut spec = chariot_sim::FaultConfig::default();
    spec.apply_spec("html=1").unwrap();
    sim.faults().set(spec);
    for path in ["/api/v1/jamf-pro-version", "/JSSResource/mobiledevices"] {
        let r = http()
            .get(format!("{}{path}", sim.base_url()))
            .bearer_auth(&t)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{path}");
        assert!(
            r.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        let body = r.text().await.unwrap();
        assert!(body.starts_with("<!DOCTYPE html>"), "{path}: {body}");
    }
    let c = sim.credentials();
    let r = http()
        .post(format!("{}/api/v1/auth/token", sim.base_url()))
        .basic_auth(&c.username, Some(&c.password))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(serde_json::from_str::<serde_json::Value>(&r.text().await.unwrap()).is_err());
    sim.shutdown().await;
}
