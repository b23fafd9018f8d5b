//! What chariot-core's job and action tests share: a synced snapshot of the demo school, job
//! requests and contexts, and readers of a job's targets.

use std::time::Duration;

use chariot_core::actions::{Action, ActionRequest};
use chariot_core::jobs::{self, PlanContext, TargetState};
use chariot_jamf::JamfClient;
use chariot_sim::RunningSim;
use chariot_store::{DeviceQuery, Store};

use crate::client::client;
use crate::store::Db;
use crate::sync::sync_demo_profile;

/// A store holding a first sync of the demo school from `sim`.
pub async fn synced(sim: &RunningSim) -> Db {
    // No store yet: the sync creates the file, as the app's first sync does.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jobs.db");
    let outcome = sync_demo_profile(&client(sim, Duration::from_secs(10)), &path).await;
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    let store = Store::open(&path).unwrap();
    Db { dir, path, store }
}

/// (jamf id, name, management id) of the first `n` devices matching `q`.
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

/// The state of each target of `job`.
pub fn states(store: &Store, job: i64) -> Vec<TargetState> {
    store
        .job_targets(job)
        .unwrap()
        .iter()
        .map(|t| t.state)
        .collect()
}

/// Creates the job in English, as `account`.
pub fn create(
    store: &mut Store,
    request: &ActionRequest,
    ctx: &PlanContext,
    account: &str,
) -> Result<i64, chariot_core::AppError> {
    jobs::create(store, request, ctx, account, chariot_core::locale::Lang::En)
}

/// A plan's context now: a fresh snapshot of an 11.30.1 server, stale after a week.
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

/// `action` on these devices, unconfirmed.
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
