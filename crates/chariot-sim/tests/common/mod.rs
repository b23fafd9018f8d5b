//! Helpers shared by the integration tests: a simulator on 127.0.0.1:0 and a reqwest client.
#![allow(dead_code)]

use chariot_sim::{RunningSim, SimConfig};
use chrono::{DateTime, Utc};
use serde_json::Value;

pub fn fixed_start() -> DateTime<Utc> {
    // A Tuesday morning in term time, so battery curves and check-ins are predictable.
    DateTime::parse_from_rfc3339("2026-03-03T09:30:00Z")
        .unwrap()
        .to_utc()
}

/// A simulator with a frozen clock (tests move it explicitly).
pub async fn sim_with(f: impl FnOnce(&mut SimConfig)) -> RunningSim {
    let mut c = SimConfig {
        start_time: Some(fixed_start()),
        clock_speed: 0.0,
        ..SimConfig::default()
    };
    f(&mut c);
    chariot_sim::start(c).await.expect("simulator starts")
}

pub async fn sim() -> RunningSim {
    sim_with(|_| {}).await
}

pub fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(20))
        .build()
        .unwrap()
}

pub async fn user_token(sim: &RunningSim) -> String {
    let c = sim.credentials();
    let r = http()
        .post(format!("{}/api/v1/auth/token", sim.base_url()))
        .basic_auth(c.username, Some(c.password))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    r.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string()
}

pub async fn get_json(sim: &RunningSim, token: &str, path: &str) -> (u16, Value) {
    let r = http()
        .get(format!("{}{}", sim.base_url(), path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

pub async fn post_json(sim: &RunningSim, token: &str, path: &str, body: Value) -> (u16, Value) {
    let r = http()
        .post(format!("{}{}", sim.base_url(), path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

/// A Classic API call: XML body for writes, `Accept: application/json` when `json`.
pub async fn classic(
    sim: &RunningSim,
    token: &str,
    method: reqwest::Method,
    path: &str,
    body: Option<&str>,
    json: bool,
) -> (u16, String) {
    let mut rq = http()
        .request(method, format!("{}/JSSResource{}", sim.base_url(), path))
        .bearer_auth(token);
    if json {
        rq = rq.header("Accept", "application/json");
    }
    if let Some(b) = body {
        rq = rq.header("Content-Type", "text/xml").body(b.to_string());
    }
    let r = rq.send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// GET a Classic path as JSON.
pub async fn classic_json(sim: &RunningSim, token: &str, path: &str) -> (u16, Value) {
    let (s, t) = classic(sim, token, reqwest::Method::GET, path, None, true).await;
    (s, serde_json::from_str(&t).unwrap_or(Value::String(t)))
}

/// POST/PUT/DELETE a Classic XML body.
pub async fn classic_write(
    sim: &RunningSim,
    token: &str,
    method: reqwest::Method,
    path: &str,
    body: &str,
) -> (u16, String) {
    classic(sim, token, method, path, Some(body), false).await
}

/// The `<id>` of a Classic 201 answer.
pub fn created_id(body: &str) -> u32 {
    let start = body.find("<id>").expect("an <id>") + 4;
    let end = body[start..].find("</id>").unwrap() + start;
    body[start..end].parse().unwrap()
}
