//! What the job tests share: a client of the simulator, a synced snapshot, and small readers.

#![allow(dead_code)]

use std::time::Duration;

use chariot_core::actions::{Action, ActionRequest};
use chariot_core::connection::sync_profile;
use chariot_core::jobs::{self, PlanContext, TargetState};
use chariot_core::profiles::ServerProfile;
use chariot_core::sync::CancelFlag;
use chariot_jamf::{ClientOptions, Credentials, JamfClient, Secret, ServerUrl};
use chariot_sim::RunningSim;
use chariot_store::{DeviceQuery, Store};

pub fn client(sim: &RunningSim, timeout: Duration) -> JamfClient {
    let c = sim.credentials();
    JamfClient::new(
        ServerUrl::parse(&sim.base_url()).unwrap(),
        Credentials::ApiClient {
            client_id: c.client_id,
            client_secret: Secret::new(c.client_secret),
        },
        ClientOptions {
            request_timeout: timeout,
            ..ClientOptions::default()
        },
    )
    .unwrap()
}

pub async fn synced(sim: &RunningSim) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jobs.db");
    let outcome = sync_profile(
        &client(sim, Duration::from_secs(10)),
        &ServerProfile::demo("Démo"),
        &db,
        false,
        |_| {},
        &CancelFlag::default(),
    )
    .await;
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    (dir, Store::open(&db).unwrap())
}

/// (jamf id, name, management id) of devices matching `q`.
pub fn targets(store: &Store, q: &DeviceQuery, n: usize) -> Vec<(String, String, Option<String>)> {
    store
        .list_devices(q)
        .unwrap()
        .into_iter()
        .take(n)
        .map(|d| {
            let full = store.device(&d.jamf_id).unwrap().unwrap();
            (d.jamf_id, d.name, full.management_id)
        })
        .collect()
}

pub fn states(store: &Store, job: i64) -> Vec<TargetState> {
    store
        .job_targets(job)
        .unwrap()
        .iter()
        .map(|t| t.state)
        .collect()
}

pub async fn commands_total(sim: &RunningSim) -> u64 {
    let state: serde_json::Value = reqwest::get(format!("{}/_sim/state", sim.base_url()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    state["commands"]["total"].as_u64().unwrap()
}

pub fn create(
    store: &mut Store,
    request: &ActionRequest,
    ctx: &PlanContext,
    account: &str,
) -> Result<i64, chariot_core::AppError> {
    jobs::create(store, request, ctx, account, chariot_core::locale::Lang::En)
}

pub fn ctx() -> PlanContext {
    PlanContext {
        stale_before: chrono::Utc::now() - chrono::Duration::days(7),
        version: Some(chariot_jamf::JamfVersion::new(11, 30, 1)),
        snapshot_at: Some(chrono::Utc::now() - chrono::Duration::seconds(5)),
    }
}

/// Polls (advancing the simulated clock) until every device answered; returns the states.
pub async fn settle(
    sim: &RunningSim,
    c: &JamfClient,
    store: &mut Store,
    job: i64,
) -> Vec<TargetState> {
    for _ in 0..40 {
        if jobs::poll(c, store, job).await.unwrap() == 0 {
            break;
        }
        sim.clock().advance(Duration::from_secs(300));
    }
    states(store, job)
}

pub fn request(action: Action, ids: &[&str]) -> ActionRequest {
    ActionRequest {
        action,
        device_ids: ids.iter().map(|s| s.to_string()).collect(),
        confirmation: None,
    }
}

/// A recently seen device matching `keep`.
pub fn device_where(store: &Store, keep: impl Fn(&chariot_store::DeviceListRow) -> bool) -> String {
    let week_ago = chrono::Utc::now() - chrono::Duration::days(6);
    store
        .list_devices(&DeviceQuery {
            inventory_since: Some(week_ago),
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .find(|d| keep(d))
        .expect("the demo school has such a device")
        .jamf_id
}

pub async fn sim_token(sim: &RunningSim) -> String {
    let c = sim.credentials();
    let answer: serde_json::Value = reqwest::Client::new()
        .post(format!("{}/api/v1/auth/token", sim.base_url()))
        .basic_auth(c.username, Some(c.password))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    answer["token"].as_str().unwrap().to_owned()
}
