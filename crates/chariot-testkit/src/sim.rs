//! A running simulator, and the raw HTTP a test sends it as a Jamf admin or a script would.

use std::time::Duration;

use chariot_sim::{RunningSim, SimConfig};
use chrono::{DateTime, Utc};
use rstest::fixture;
use serde_json::Value;

/// A simulator with this configuration on 127.0.0.1:0.
pub async fn start(config: SimConfig) -> RunningSim {
    chariot_sim::start(config).await.expect("simulator starts")
}

/// The demo school as the app sees it (`SimConfig::default()`, a live clock).
#[fixture]
pub async fn sim() -> RunningSim {
    start(SimConfig::default()).await
}

/// A simulator of `devices` devices, default otherwise.
pub async fn sim_of(devices: usize) -> RunningSim {
    start(SimConfig {
        devices,
        ..SimConfig::default()
    })
    .await
}

/// A Tuesday morning in term time, so battery curves and check-ins are predictable.
pub fn fixed_start() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-03T09:30:00Z")
        .unwrap()
        .to_utc()
}

/// The default configuration with a clock frozen at [`fixed_start`] (tests move it).
pub fn frozen() -> SimConfig {
    SimConfig {
        start_time: Some(fixed_start()),
        clock_speed: 0.0,
        ..SimConfig::default()
    }
}

/// A simulator with a frozen clock.
#[fixture]
pub async fn frozen_sim() -> RunningSim {
    start(frozen()).await
}

/// A simulator with a frozen clock and what `f` changes.
pub async fn frozen_sim_with(f: impl FnOnce(&mut SimConfig)) -> RunningSim {
    let mut config = frozen();
    f(&mut config);
    start(config).await
}

/// A reqwest client that gives up after 20 s, so a hung server fails the test.
pub fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

/// A bearer token for the demo user account (basic auth on `/api/v1/auth/token`).
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

/// A simulator with a frozen clock, and the demo user's bearer token for it.
pub async fn frozen_signed_in() -> (RunningSim, String) {
    let sim = frozen_sim().await;
    let token = user_token(&sim).await;
    (sim, token)
}

/// A bearer token for the demo API client (client credentials on `/api/oauth/token`).
pub async fn api_token(sim: &RunningSim) -> String {
    let c = sim.credentials();
    let answer: Value = http()
        .post(format!("{}/api/oauth/token", sim.base_url()))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", &c.client_id),
            ("client_secret", &c.client_secret),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    answer["access_token"].as_str().unwrap().to_owned()
}

/// Status and body (JSON, else the text as a JSON string) of an answer.
async fn status_and_json(r: reqwest::Response) -> (u16, Value) {
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

/// GET a Jamf Pro API path with a bearer.
pub async fn get_json(sim: &RunningSim, token: &str, path: &str) -> (u16, Value) {
    let r = http()
        .get(format!("{}{}", sim.base_url(), path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    status_and_json(r).await
}

/// POST a JSON body to a Jamf Pro API path with a bearer.
pub async fn post_json(sim: &RunningSim, token: &str, path: &str, body: Value) -> (u16, Value) {
    let r = http()
        .post(format!("{}{}", sim.base_url(), path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    status_and_json(r).await
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

/// DELETE a Classic path.
pub async fn classic_delete(sim: &RunningSim, token: &str, path: &str) -> (u16, String) {
    classic(sim, token, reqwest::Method::DELETE, path, None, false).await
}

/// A Classic DELETE answers 200, and the object answers 404 afterwards.
pub async fn assert_deleted(sim: &RunningSim, token: &str, path: &str) {
    let (s, _) = classic_delete(sim, token, path).await;
    assert_eq!(s, 200, "DELETE {path}");
    let (s, _) = classic_json(sim, token, path).await;
    assert_eq!(s, 404, "GET {path} after its deletion");
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

/// The simulator's own counters (`/_sim/state`: tokens, commands…).
pub async fn sim_state(sim: &RunningSim) -> Value {
    http()
        .get(format!("{}/_sim/state", sim.base_url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// How many MDM commands the simulator has queued so far.
pub async fn commands_total(sim: &RunningSim) -> u64 {
    sim_state(sim).await["commands"]["total"].as_u64().unwrap()
}

/// A simulator for synchronous tests (a CLI run as a child process): it serves from its
/// own runtime, which `rt` also lends to the test for async calls.
pub struct BlockingSim {
    pub rt: tokio::runtime::Runtime,
    pub sim: RunningSim,
}

/// A [`BlockingSim`] with this configuration.
pub fn blocking_sim(config: SimConfig) -> BlockingSim {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let sim = rt.block_on(start(config));
    BlockingSim { rt, sim }
}
