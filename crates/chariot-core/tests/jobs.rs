//! The job engine against chariot-sim: each device's own result, a device that never checks in
//! staying pending, a timed-out send becoming "unknown" and never re-sent, a send that never
//! left staying "not sent", retry and resume after a restart, and the journal of a lost-mode
//! sequence.

use std::time::Duration;

use chariot_core::actions::{Action, ActionKind, JournalEvent, JournalRequest, Refusal};
use chariot_core::fleet::DeviceRole;
use chariot_core::jobs::{self, TargetState};
use chariot_jamf::JamfClient;
use chariot_sim::RunningSim;
use chariot_store::{DeviceQuery, Store};
use chariot_testkit::client::client;
use chariot_testkit::jobs::*;
use chariot_testkit::sim::{commands_total, sim};
use rstest::rstest;

/// A job of `kind` for `devices`, created by the demo account at a fixed time.
fn demo_job(
    store: &mut Store,
    kind: ActionKind,
    devices: &[(String, String, Option<String>)],
) -> i64 {
    store
        .create_job(
            kind,
            "{}",
            "chariot-demo",
            "2026-11-22T09:00:00Z".parse().unwrap(),
            devices,
        )
        .unwrap()
}

/// `action` on one device, planned now and created by the demo account.
fn create_for(store: &mut Store, action: Action, id: &str) -> i64 {
    create(store, &request(action, &[id]), &ctx(), "chariot-demo").unwrap()
}

/// A signed-in client that gives up after 600 ms.
async fn impatient_client(sim: &RunningSim) -> JamfClient {
    let impatient = client(sim, Duration::from_millis(600));
    impatient.sign_in().await.unwrap();
    impatient
}

/// Submits `job` through `impatient` while the server takes 1.5 s to answer; returns how many
/// commands Chariot counts as sent.
async fn submit_too_slowly(
    sim: &RunningSim,
    impatient: &JamfClient,
    store: &mut Store,
    job: i64,
) -> usize {
    sim.faults()
        .update(|f| f.answer_delay = Duration::from_millis(1500));
    let sent = jobs::submit(impatient, store, job).await.unwrap();
    sim.faults().update(|f| f.answer_delay = Duration::ZERO);
    sent
}

#[rstest]
#[tokio::test(flavor = "multi_thread")]
async fn each_device_gets_its_own_result(#[future(awt)] sim: RunningSim) {
    let (_dir, _, mut store) = synced(&sim).await.into_parts();
    let week_ago = chrono::Utc::now() - chrono::Duration::days(7);
    let mut devices = targets(
        &store,
        &DeviceQuery {
            inventory_since: Some(week_ago),
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
    let job = demo_job(&mut store, ActionKind::UpdateInventory, &devices);
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
        .map(|t| (t.jamf_id, t.state))
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

#[rstest]
#[tokio::test(flavor = "multi_thread")]
async fn a_timed_out_send_is_unknown_and_never_resent(#[future(awt)] sim: RunningSim) {
    let (_dir, _, mut store) = synced(&sim).await.into_parts();
    let devices = targets(&store, &DeviceQuery::default(), 1);
    let job = demo_job(&mut store, ActionKind::Restart, &devices);
    let impatient = impatient_client(&sim).await;
    let before = commands_total(&sim).await;
    assert_eq!(
        submit_too_slowly(&sim, &impatient, &mut store, job).await,
        0
    );
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(states(&store, job), [TargetState::Unknown]);
    assert!(store.job_targets(job).unwrap()[0].error.is_some());
    // The server did act; Chariot does not send it a second time on its own.
    assert_eq!(jobs::submit(&impatient, &mut store, job).await.unwrap(), 0);
    assert_eq!(commands_total(&sim).await, before + 1);
    sim.shutdown().await;
}

#[rstest]
#[tokio::test(flavor = "multi_thread")]
async fn a_send_that_never_left_stays_not_sent(#[future(awt)] sim: RunningSim) {
    let (_dir, _, mut store) = synced(&sim).await.into_parts();
    let devices = targets(&store, &DeviceQuery::default(), 2);
    let job = demo_job(&mut store, ActionKind::UpdateInventory, &devices);
    let c = client(&sim, Duration::from_secs(2));
    c.sign_in().await.unwrap();
    sim.shutdown().await;
    // The signed-in client keeps its connection in a pool: let it see the server close it, so
    // the send opens a new connection, which is refused (nothing left this computer). Sent on
    // a pooled connection not yet seen closed, a command is "unknown" — the honest answer
    // then, but not the case this test is about (it failed that way on a busy machine).
    tokio::time::sleep(Duration::from_millis(500)).await;
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

#[rstest]
#[tokio::test(flavor = "multi_thread")]
async fn unknown_is_resent_only_when_the_user_retries_and_polling_resumes_after_a_restart(
    #[future(awt)] sim: RunningSim,
) {
    let (_dir, path, mut store) = synced(&sim).await.into_parts();
    let id = device_where(&store, |_| true);
    let job = create_for(&mut store, Action::Restart, &id);
    let impatient = impatient_client(&sim).await;
    submit_too_slowly(&sim, &impatient, &mut store, job).await;
    assert_eq!(states(&store, job), [TargetState::Unknown]);

    // The user decides to send again.
    assert_eq!(
        jobs::retry(&mut store, job, &[TargetState::Unknown]).unwrap(),
        1
    );
    let c = client(&sim, Duration::from_secs(10));
    assert_eq!(jobs::submit(&c, &mut store, job).await.unwrap(), 1);
    assert_eq!(states(&store, job), [TargetState::Submitted]);

    // "Restart": a new connection to the same file finds the job in flight and finishes it.
    drop(store);
    let mut reopened = Store::open(&path).unwrap();
    assert_eq!(jobs::in_flight(&reopened).unwrap(), [job]);
    assert_eq!(
        settle(&sim, &c, &mut reopened, job).await,
        [TargetState::Done]
    );
    assert!(jobs::in_flight(&reopened).unwrap().is_empty());
    let events: Vec<JournalEvent> = jobs::journal(&reopened, &JournalRequest::default())
        .unwrap()
        .entries
        .iter()
        .rev()
        .map(|e| e.event)
        .collect();
    assert_eq!(
        events,
        [
            JournalEvent::Requested,
            JournalEvent::Result, // unknown
            JournalEvent::Retried,
            JournalEvent::Result, // done
        ]
    );
    sim.shutdown().await;
}

#[rstest]
#[tokio::test(flavor = "multi_thread")]
async fn lost_mode_then_location_then_disable_with_the_journal(#[future(awt)] sim: RunningSim) {
    let (_dir, _, mut store) = synced(&sim).await.into_parts();
    let c = client(&sim, Duration::from_secs(10));
    let student = device_where(&store, |d| {
        d.role == DeviceRole::Student.as_str()
            && d.supervised == Some(true)
            && d.lost_mode_enabled != Some(true)
    });
    // Not in lost mode yet: a location request is refused before anything is sent.
    let plan = jobs::plan(
        &store,
        &request(Action::UpdateLocation, &[&student]),
        &ctx(),
    )
    .unwrap();
    assert_eq!(plan.to_send, 0);
    assert_eq!(plan.refused[0].reason, Refusal::NotInLostMode);

    let enable = Action::EnableLostMode {
        message: "iPad du collège : merci de le rapporter à la vie scolaire".into(),
        phone: "05 61 00 00 00".into(),
        footnote: "Collège Jean Jaurès".into(),
        always_enforce: true,
    };
    let job = create_for(&mut store, enable, &student);
    assert_eq!(jobs::submit(&c, &mut store, job).await.unwrap(), 1);
    assert_eq!(settle(&sim, &c, &mut store, job).await, [TargetState::Done]);

    // The snapshot still says "not lost", but the job says it is now: location can be asked.
    let locate = create_for(&mut store, Action::UpdateLocation, &student);
    jobs::submit(&c, &mut store, locate).await.unwrap();
    let located = settle(&sim, &c, &mut store, locate).await;
    assert!(
        matches!(located[0], TargetState::Done | TargetState::Failed),
        "{located:?}"
    );

    let disable = create_for(&mut store, Action::DisableLostMode, &student);
    jobs::submit(&c, &mut store, disable).await.unwrap();
    assert_eq!(
        settle(&sim, &c, &mut store, disable).await,
        [TargetState::Done]
    );

    let page = jobs::journal(&store, &JournalRequest::default()).unwrap();
    let kinds: Vec<(Option<ActionKind>, JournalEvent)> = page
        .entries
        .iter()
        .rev()
        .map(|e| (e.kind, e.event))
        .collect();
    assert_eq!(
        kinds,
        [
            (Some(ActionKind::EnableLostMode), JournalEvent::Requested),
            (Some(ActionKind::EnableLostMode), JournalEvent::Result),
            (Some(ActionKind::UpdateLocation), JournalEvent::Requested),
            (Some(ActionKind::UpdateLocation), JournalEvent::Result),
            (Some(ActionKind::DisableLostMode), JournalEvent::Requested),
            (Some(ActionKind::DisableLostMode), JournalEvent::Result),
        ]
    );
    let requested = page.entries.last().unwrap();
    assert_eq!(requested.account, "chariot-demo");
    assert!(
        requested.detail.contains("vie scolaire"),
        "{}",
        requested.detail
    );
    sim.shutdown().await;
}
