//! The job engine against chariot-sim: each device's own result, a device that never checks in
//! staying pending, a timed-out send becoming "unknown" and never re-sent, and a send that never
//! left staying "not sent"; then the actions of issue #6 end to end: preconditions, lost mode
//! and its position, clear passcode, erase's typed confirmation, retry, resume after a restart,
//! and the journal.

use std::time::Duration;

use chariot_core::actions::{
    Action, ActionKind, ActionRequest, JournalEvent, JournalRequest, OsUpdateInstall,
    OsVersionChoice, Refusal,
};
use chariot_core::connection::sync_profile;
use chariot_core::jobs::{self, PlanContext, TargetState};
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
            ActionKind::UpdateInventory.as_str(),
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
            ActionKind::Restart.as_str(),
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
            ActionKind::UpdateInventory.as_str(),
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

fn create(
    store: &mut Store,
    request: &ActionRequest,
    ctx: &PlanContext,
    account: &str,
) -> Result<i64, chariot_core::AppError> {
    jobs::create(store, request, ctx, account, chariot_core::locale::Lang::En)
}

fn ctx() -> PlanContext {
    PlanContext {
        stale_before: chrono::Utc::now() - chrono::Duration::days(7),
        version: Some(chariot_jamf::JamfVersion::new(11, 30, 1)),
        snapshot_at: Some(chrono::Utc::now() - chrono::Duration::seconds(5)),
    }
}

/// Polls (advancing the simulated clock) until every device answered; returns the states.
async fn settle(sim: &RunningSim, c: &JamfClient, store: &mut Store, job: i64) -> Vec<TargetState> {
    for _ in 0..40 {
        if jobs::poll(c, store, job).await.unwrap() == 0 {
            break;
        }
        sim.clock().advance(Duration::from_secs(300));
    }
    states(store, job)
}

fn request(action: Action, ids: &[&str]) -> ActionRequest {
    ActionRequest {
        action,
        device_ids: ids.iter().map(|s| s.to_string()).collect(),
        confirmation: None,
    }
}

/// A recently seen device matching `keep`.
fn device_where(store: &Store, keep: impl Fn(&chariot_store::DeviceListRow) -> bool) -> String {
    let week_ago = (chrono::Utc::now() - chrono::Duration::days(6)).to_rfc3339();
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

#[tokio::test(flavor = "multi_thread")]
async fn lost_mode_then_location_then_disable_with_the_journal() {
    let sim = chariot_sim::start(SimConfig::default()).await.unwrap();
    let (_dir, mut store) = synced(&sim).await;
    let c = client(&sim, Duration::from_secs(10));
    let student = device_where(&store, |d| {
        d.role == "student" && d.supervised == Some(true) && d.lost_mode_enabled != Some(true)
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
    let job = create(
        &mut store,
        &request(enable, &[&student]),
        &ctx(),
        "chariot-demo",
    )
    .unwrap();
    assert_eq!(jobs::submit(&c, &mut store, job).await.unwrap(), 1);
    assert_eq!(settle(&sim, &c, &mut store, job).await, [TargetState::Done]);

    // The snapshot still says "not lost", but the job says it is now: location can be asked.
    let locate = create(
        &mut store,
        &request(Action::UpdateLocation, &[&student]),
        &ctx(),
        "chariot-demo",
    )
    .unwrap();
    jobs::submit(&c, &mut store, locate).await.unwrap();
    let located = settle(&sim, &c, &mut store, locate).await;
    assert!(
        matches!(located[0], TargetState::Done | TargetState::Failed),
        "{located:?}"
    );

    let disable = create(
        &mut store,
        &request(Action::DisableLostMode, &[&student]),
        &ctx(),
        "chariot-demo",
    )
    .unwrap();
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

#[tokio::test(flavor = "multi_thread")]
async fn preconditions_refuse_per_device_and_the_rest_is_sent() {
    let sim = chariot_sim::start(SimConfig::default()).await.unwrap();
    let (dir, mut store) = synced(&sim).await;
    let c = client(&sim, Duration::from_secs(10));
    let shared = device_where(&store, |d| d.shared_ipad == Some(true));
    // The teachers' iPads of the carts are single-user iPads, not Shared iPads.
    let personal = device_where(&store, |d| {
        d.shared_ipad == Some(false) && d.role == "shared_teacher"
    });
    // Log out user: only Shared iPads have users.
    let job = create(
        &mut store,
        &request(Action::LogOutUser, &[&shared, &personal]),
        &ctx(),
        "chariot-demo",
    )
    .unwrap();
    let view = jobs::view(&store, job).unwrap();
    assert_eq!(view.summary.counts.refused, 1);
    let refused = view
        .targets
        .iter()
        .find(|t| t.device_id == personal)
        .unwrap();
    assert_eq!(refused.state, TargetState::Refused);
    assert!(
        refused
            .error
            .as_deref()
            .unwrap()
            .contains("not a Shared iPad")
    );
    let before = commands_total(&sim).await;
    assert_eq!(jobs::submit(&c, &mut store, job).await.unwrap(), 1);
    assert_eq!(
        commands_total(&sim).await,
        before + 1,
        "nothing sent to the refused one"
    );

    // Clear passcode: refused on a Shared iPad; on a teacher's own iPad the unlock token is
    // read from the server and the device acknowledges.
    let plan = jobs::plan(&store, &request(Action::ClearPasscode, &[&shared]), &ctx()).unwrap();
    assert_eq!(plan.refused[0].reason, Refusal::SharedIpad);
    let clear = create(
        &mut store,
        &request(Action::ClearPasscode, &[&personal]),
        &ctx(),
        "chariot-demo",
    )
    .unwrap();
    assert_eq!(jobs::submit(&c, &mut store, clear).await.unwrap(), 1);
    assert_eq!(
        settle(&sim, &c, &mut store, clear).await,
        [TargetState::Done]
    );
    // The unlock token went into the request only: no trace in the database files.
    let token = c.unlock_token(&personal).await.unwrap().unwrap();
    drop(store);
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let found = bytes
            .windows(token.expose().len())
            .any(|w| w == token.expose().as_bytes());
        assert!(!found, "the unlock token was written to disk");
    }
    sim.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn erase_needs_the_count_typed_and_what_a_server_cannot_do_is_not_sent() {
    let sim = chariot_sim::start(SimConfig::default()).await.unwrap();
    let (_dir, mut store) = synced(&sim).await;
    let ids: Vec<String> = targets(&store, &DeviceQuery::default(), 3)
        .into_iter()
        .map(|t| t.0)
        .collect();
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let erase = Action::Erase {
        preserve_data_plan: true,
        disallow_proximity_setup: false,
    };
    let plan = jobs::plan(&store, &request(erase.clone(), &refs), &ctx()).unwrap();
    assert_eq!(plan.typed_confirmation.as_deref(), Some("3"));
    let wrong = create(&mut store, &request(erase.clone(), &refs), &ctx(), "a");
    assert!(wrong.unwrap_err().message.contains("type «3»"));
    let mut typed = request(erase.clone(), &refs);
    typed.confirmation = Some(" 3 ".into());
    assert!(create(&mut store, &typed, &ctx(), "a").is_ok());

    let old = PlanContext {
        version: Some(chariot_jamf::JamfVersion::new(10, 48, 0)),
        ..ctx()
    };
    // A server older than the Jamf Pro API's commands: log out user has no Classic form.
    let plan = jobs::plan(&store, &request(Action::LogOutUser, &refs), &old).unwrap();
    assert!(plan.unavailable.is_some());
    assert!(create(&mut store, &request(Action::LogOutUser, &refs), &old, "a").is_err());
    sim.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_is_resent_only_when_the_user_retries_and_polling_resumes_after_a_restart() {
    let sim = chariot_sim::start(SimConfig::default()).await.unwrap();
    let (dir, mut store) = synced(&sim).await;
    let id = device_where(&store, |_| true);
    let job = create(
        &mut store,
        &request(Action::Restart, &[&id]),
        &ctx(),
        "chariot-demo",
    )
    .unwrap();
    let impatient = client(&sim, Duration::from_millis(600));
    impatient.sign_in().await.unwrap();
    sim.faults()
        .update(|f| f.answer_delay = Duration::from_millis(1500));
    jobs::submit(&impatient, &mut store, job).await.unwrap();
    sim.faults().update(|f| f.answer_delay = Duration::ZERO);
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
    let mut reopened = Store::open(&dir.path().join("jobs.db")).unwrap();
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

#[tokio::test(flavor = "multi_thread")]
async fn an_os_update_is_one_plan_per_device_and_the_new_version_reaches_the_snapshot() {
    let sim = chariot_sim::start(SimConfig::default()).await.unwrap();
    let (dir, mut store) = synced(&sim).await;
    let c = client(&sim, Duration::from_secs(10));
    let ids: Vec<String> = store
        .list_devices(&DeviceQuery::default())
        .unwrap()
        .into_iter()
        .filter(|d| d.os_version.as_deref() != Some("26.1"))
        .take(2)
        .map(|d| d.jamf_id)
        .collect();
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let update = Action::UpdateOs {
        install: OsUpdateInstall::DownloadInstallRestart,
        version: OsVersionChoice::Specific,
        specific_version: "26.1".into(),
    };
    let job = create(
        &mut store,
        &request(update.clone(), &refs),
        &ctx(),
        "chariot-demo",
    )
    .unwrap();
    assert_eq!(jobs::submit(&c, &mut store, job).await.unwrap(), 2);
    // Downloading, then installing: pending until the plans complete (20 simulated minutes).
    assert_eq!(jobs::poll(&c, &mut store, job).await.unwrap(), 2);
    assert_eq!(
        states(&store, job),
        [TargetState::Pending, TargetState::Pending]
    );
    sim.clock().advance(Duration::from_secs(25 * 60));
    assert_eq!(jobs::poll(&c, &mut store, job).await.unwrap(), 0);
    assert_eq!(states(&store, job), [TargetState::Done, TargetState::Done]);

    // The next sync sees the new version.
    drop(store);
    let outcome = sync_profile(
        &c,
        &ServerProfile::demo("Démo"),
        &dir.path().join("jobs.db"),
        false,
        |_| {},
        &CancelFlag::default(),
    )
    .await;
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    let store = Store::open(&dir.path().join("jobs.db")).unwrap();
    for d in store.devices_by_ids(&ids).unwrap() {
        assert_eq!(d.os_version.as_deref(), Some("26.1"), "{}", d.name);
    }

    // With the feature off in Jamf Pro, the plans fail with what to do.
    let mut store = store;
    let off = reqwest::Client::new()
        .put(format!(
            "{}/api/v1/managed-software-updates/plans/feature-toggle",
            sim.base_url()
        ))
        .bearer_auth(sim_token(&sim).await)
        .json(&serde_json::json!({"toggle": false}))
        .send()
        .await
        .unwrap();
    assert!(off.status().is_success());
    let job = create(
        &mut store,
        &request(update, &refs[..1]),
        &ctx(),
        "chariot-demo",
    )
    .unwrap();
    assert_eq!(jobs::submit(&c, &mut store, job).await.unwrap(), 0);
    let target = &store.job_targets(job).unwrap()[0];
    assert_eq!(target.state, "failed");
    assert!(
        target
            .error
            .as_deref()
            .unwrap()
            .contains("Managed Software Updates")
    );
    sim.shutdown().await;
}

async fn sim_token(sim: &RunningSim) -> String {
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

#[tokio::test(flavor = "multi_thread")]
async fn an_older_jamf_pro_gets_classic_commands_and_answers_from_the_device_history() {
    let sim = chariot_sim::start(SimConfig {
        jamf_version: "10.48.0-t1690000000000".into(),
        ..SimConfig::default()
    })
    .await
    .unwrap();
    let (_dir, mut store) = synced(&sim).await;
    let c = client(&sim, Duration::from_secs(10));
    let old = PlanContext {
        version: jobs::known_version(&store).unwrap(),
        ..ctx()
    };
    assert_eq!(old.version, Some(chariot_jamf::JamfVersion::new(10, 48, 0)));
    let id = device_where(&store, |d| d.role == "student");
    // Log out user has no Classic command: not offered, with the reason.
    let plan = jobs::plan(&store, &request(Action::LogOutUser, &[&id]), &old).unwrap();
    assert!(plan.unavailable.unwrap().contains("11.0 or later"));

    // Restart: Classic RestartDevice (this server has no /api/v2/mdm/commands), and the answer
    // read from the device's Classic history.
    let job = create(&mut store, &request(Action::Restart, &[&id]), &old, "admin").unwrap();
    assert_eq!(jobs::submit(&c, &mut store, job).await.unwrap(), 1);
    assert_eq!(settle(&sim, &c, &mut store, job).await, [TargetState::Done]);

    // Erase keeping the data plan, through Classic EraseDevice.
    let erase = Action::Erase {
        preserve_data_plan: true,
        disallow_proximity_setup: false,
    };
    let mut typed = request(erase, &[&id]);
    typed.confirmation = store
        .devices_by_ids(std::slice::from_ref(&id))
        .unwrap()
        .first()
        .map(|d| d.name.clone());
    let job = create(&mut store, &typed, &old, "admin").unwrap();
    assert_eq!(jobs::submit(&c, &mut store, job).await.unwrap(), 1);
    assert_eq!(settle(&sim, &c, &mut store, job).await, [TargetState::Done]);
    sim.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn sound_delete_user_shut_down_and_esim_each_get_the_devices_own_answer() {
    let sim = chariot_sim::start(SimConfig::default()).await.unwrap();
    let (_dir, mut store) = synced(&sim).await;
    let c = client(&sim, Duration::from_secs(10));
    // A Shared iPad with a local user who is not logged in.
    let (shared, user) = store
        .list_devices(&DeviceQuery::default())
        .unwrap()
        .into_iter()
        .filter(|d| d.shared_ipad == Some(true) && d.supervised == Some(true))
        .find_map(|d| {
            let full = store.device(&d.jamf_id).unwrap()?;
            let user = full
                .shared_users
                .iter()
                .find(|u| u.logged_in != Some(true))?
                .managed_apple_id
                .clone()?;
            Some((d.jamf_id, user))
        })
        .expect("a Shared iPad with a user logged out");

    // A user the device does not have is refused before sending; the real one is deleted.
    let plan = jobs::plan(
        &store,
        &request(
            Action::DeleteUser {
                user_name: "inconnu@college.fr".into(),
                force: false,
            },
            &[&shared],
        ),
        &ctx(),
    )
    .unwrap();
    assert_eq!(plan.refused[0].reason, Refusal::UserNotOnDevice);
    let delete = Action::DeleteUser {
        user_name: user.clone(),
        force: true,
    };
    let job = create(&mut store, &request(delete, &[&shared]), &ctx(), "a").unwrap();
    jobs::submit(&c, &mut store, job).await.unwrap();
    assert_eq!(settle(&sim, &c, &mut store, job).await, [TargetState::Done]);

    // Sound: in lost mode only (enabled first, by a job).
    let enable = Action::EnableLostMode {
        message: "Rapportez-moi".into(),
        phone: String::new(),
        footnote: String::new(),
        always_enforce: false,
    };
    let job = create(&mut store, &request(enable, &[&shared]), &ctx(), "a").unwrap();
    jobs::submit(&c, &mut store, job).await.unwrap();
    assert_eq!(settle(&sim, &c, &mut store, job).await, [TargetState::Done]);
    let job = create(
        &mut store,
        &request(Action::PlayLostModeSound, &[&shared]),
        &ctx(),
        "a",
    )
    .unwrap();
    jobs::submit(&c, &mut store, job).await.unwrap();
    assert_eq!(settle(&sim, &c, &mut store, job).await, [TargetState::Done]);

    // eSIM on Wi-Fi-only iPads: each answers with Apple's error, kept per device.
    let wifi = device_where(&store, |d| d.jamf_id != shared && d.role == "student");
    let esim = Action::RefreshCellularPlans {
        esim_server_url: "https://sm-dp.operateur.example".into(),
    };
    let job = create(&mut store, &request(esim, &[&wifi]), &ctx(), "a").unwrap();
    jobs::submit(&c, &mut store, job).await.unwrap();
    let answer = settle(&sim, &c, &mut store, job).await;
    let target = &store.job_targets(job).unwrap()[0];
    match answer[0] {
        TargetState::Failed => assert!(
            target.error.as_deref().unwrap().contains("eSIM"),
            "{:?}",
            target.error
        ),
        other => assert_eq!(other, TargetState::Done, "a cellular model acknowledges"),
    }

    // Shut down: acknowledged, then the device is off.
    let job = create(
        &mut store,
        &request(Action::ShutDown, &[&wifi]),
        &ctx(),
        "a",
    )
    .unwrap();
    jobs::submit(&c, &mut store, job).await.unwrap();
    assert_eq!(settle(&sim, &c, &mut store, job).await, [TargetState::Done]);
    sim.shutdown().await;
}
