//! The job engine against chariot-sim: each device's own result, a device that never checks in
//! staying pending, a timed-out send becoming "unknown" and never re-sent, and a send that never
//! left staying "not sent".

use std::time::Duration;

use chariot_core::connection::sync_profile;
use chariot_core::jobs::{self, JobAction, TargetState};
use chariot_core::profiles::ServerProfile;
use chariot_core::sync::CancelFlag;
use chariot_jamf::{ClientOptions, Credentials, JamfClient, Secret, ServerUrl};
use chariot_sim::{RunningSim, SimConfig};
use chariot_store::{DeviceQuery, Store};

fn client(sim: &RunningSim, timeout: Duration) -> JamfClient {
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

async fn synced(sim: &RunningSim) -> (tempfile::TempDir, Store) {
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
fn targets(store: &Store, q: &DeviceQuery, n: usize) -> Vec<(String, String, Option<String>)> {
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

fn states(store: &Store, job: i64) -> Vec<TargetState> {
    store
        .job_targets(job)
        .unwrap()
        .iter()
        .map(|t| TargetState::parse(&t.state))
        .collect()
}

async fn commands_total(sim: &RunningSim) -> u64 {
    let state: serde_json::Value = reqwest::get(format!("{}/_sim/state", sim.base_url()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    state["commands"]["total"].as_u64().unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn each_device_gets_its_own_result() {
    let sim = chariot_sim::start(SimConfig::default()).await.unwrap();
    let (_dir, mut store) = synced(&sim).await;
    let week_ago = (chrono::Utc::now() - chrono::Duration::days(7)).to_rfc3339();
    let mut devices = targets(
        &store,
        &DeviceQuery {
            inventory_since: Some(week_ago.clone()),
            ..Default::default()
        },
        2,
    );
    // A device that stopped reporting: its command stays pending.
    devices.extend(targets(
        &store,
        &DeviceQuery {
            inventory_before: Some(week_ago),
            ..Default::default()
        },
        1,
    ));
    assert_eq!(devices.len(), 3);
    let job = store
        .create_job(
            JobAction::UpdateInventory.as_str(),
            "{}",
            "chariot-demo",
            "2026-11-22T09:00:00Z",
            &devices,
        )
        .unwrap();
    let c = client(&sim, Duration::from_secs(10));
    assert_eq!(jobs::submit(&c, &mut store, job).await.unwrap(), 3);
    assert!(
        states(&store, job)
            .iter()
            .all(|s| *s == TargetState::Submitted)
    );
    // Submitting again sends nothing: every device already has its command.
    assert_eq!(jobs::submit(&c, &mut store, job).await.unwrap(), 0);

    let mut in_flight = 3;
    for _ in 0..30 {
        in_flight = jobs::poll(&c, &mut store, job).await.unwrap();
        if in_flight <= 1 {
            break;
        }
        sim.clock().advance(Duration::from_secs(300));
    }
    assert_eq!(in_flight, 1, "the device that never checks in");
    let by_device: Vec<(String, TargetState)> = store
        .job_targets(job)
        .unwrap()
        .into_iter()
        .map(|t| (t.jamf_id, TargetState::parse(&t.state)))
        .collect();
    for (id, state) in by_device {
        let expected = if id == devices[2].0 {
            TargetState::Pending
        } else {
            TargetState::Done
        };
        assert_eq!(state, expected, "device {id}");
    }
    sim.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_timed_out_send_is_unknown_and_never_resent() {
    let sim = chariot_sim::start(SimConfig::default()).await.unwrap();
    let (_dir, mut store) = synced(&sim).await;
    let devices = targets(&store, &DeviceQuery::default(), 1);
    let job = store
        .create_job(
            JobAction::RestartDevice.as_str(),
            "{}",
            "chariot-demo",
            "2026-11-22T09:00:00Z",
            &devices,
        )
        .unwrap();
    let impatient = client(&sim, Duration::from_millis(600));
    impatient.sign_in().await.unwrap();
    let before = commands_total(&sim).await;
    sim.faults()
        .update(|f| f.answer_delay = Duration::from_millis(1500));
    assert_eq!(jobs::submit(&impatient, &mut store, job).await.unwrap(), 0);
    sim.faults().update(|f| f.answer_delay = Duration::ZERO);
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(states(&store, job), [TargetState::Unknown]);
    assert!(store.job_targets(job).unwrap()[0].error.is_some());
    // The server did act; Chariot does not send it a second time on its own.
    assert_eq!(jobs::submit(&impatient, &mut store, job).await.unwrap(), 0);
    assert_eq!(commands_total(&sim).await, before + 1);
    sim.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_send_that_never_left_stays_not_sent() {
    let sim = chariot_sim::start(SimConfig::default()).await.unwrap();
    let (_dir, mut store) = synced(&sim).await;
    let devices = targets(&store, &DeviceQuery::default(), 2);
    let job = store
        .create_job(
            JobAction::UpdateInventory.as_str(),
            "{}",
            "chariot-demo",
            "2026-11-22T09:00:00Z",
            &devices,
        )
        .unwrap();
    let c = client(&sim, Duration::from_secs(2));
    c.sign_in().await.unwrap();
    sim.shutdown().await;
    assert_eq!(jobs::submit(&c, &mut store, job).await.unwrap(), 0);
    assert_eq!(
        states(&store, job),
        [TargetState::NotSent, TargetState::NotSent]
    );
    assert!(
        store.job_targets(job).unwrap()[0].error.is_some(),
        "the reason is kept"
    );
}
