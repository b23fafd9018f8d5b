//! Each action of issue #6 against chariot-sim: preconditions refused per device, clear passcode
//! (the unlock token never stored), erase's typed confirmation, OS update plans, an older Jamf Pro
//! (Classic commands and history), delete user, sound, eSIM and shut down.

use std::time::Duration;

use chariot_core::actions::{Action, OsUpdateInstall, OsVersionChoice, Refusal};
use chariot_core::fleet::DeviceRole;
use chariot_core::jobs::{self, PlanContext, TargetState};
use chariot_sim::{RunningSim, SimConfig};
use chariot_store::{DeviceQuery, Store};
use chariot_testkit::client::client;
use chariot_testkit::jobs::*;
use chariot_testkit::sim::{commands_total, http, sim, user_token};
use chariot_testkit::sync::sync_demo_profile;
use rstest::rstest;

#[rstest]
#[tokio::test(flavor = "multi_thread")]
async fn preconditions_refuse_per_device_and_the_rest_is_sent(#[future(awt)] sim: RunningSim) {
    let (dir, _, mut store) = synced(&sim).await.into_parts();
    let c = client(&sim, Duration::from_secs(10));
    let shared = device_where(&store, |d| d.shared_ipad == Some(true));
    // The teachers' iPads of the carts are single-user iPads, not Shared iPads.
    let personal = device_where(&store, |d| {
        d.shared_ipad == Some(false) && d.role == DeviceRole::SharedTeacher.as_str()
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

#[rstest]
#[tokio::test(flavor = "multi_thread")]
async fn erase_needs_the_count_typed_and_what_a_server_cannot_do_is_not_sent(
    #[future(awt)] sim: RunningSim,
) {
    let (_dir, _, mut store) = synced(&sim).await.into_parts();
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
    let wrong = wrong.unwrap_err();
    assert!(wrong.message.contains("type «3»"));
    assert_eq!(
        wrong.detail,
        Some(chariot_core::ErrorDetail::EraseConfirmationMismatch {
            expected: "3".into()
        })
    );
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

#[rstest]
#[tokio::test(flavor = "multi_thread")]
async fn an_os_update_is_one_plan_per_device_and_the_new_version_reaches_the_snapshot(
    #[future(awt)] sim: RunningSim,
) {
    let (_dir, path, mut store) = synced(&sim).await.into_parts();
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
    let outcome = sync_demo_profile(&c, &path).await;
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    let store = Store::open(&path).unwrap();
    for d in store.devices_by_ids(&ids).unwrap() {
        assert_eq!(d.os_version.as_deref(), Some("26.1"), "{}", d.name);
    }

    // With the feature off in Jamf Pro, the plans fail with what to do.
    let mut store = store;
    let off = http()
        .put(format!(
            "{}/api/v1/managed-software-updates/plans/feature-toggle",
            sim.base_url()
        ))
        .bearer_auth(user_token(&sim).await)
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
    assert_eq!(target.state, TargetState::Failed);
    assert!(
        target
            .error
            .as_deref()
            .unwrap()
            .contains("Managed Software Updates")
    );
    sim.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_older_jamf_pro_gets_classic_commands_and_answers_from_the_device_history() {
    let sim = chariot_sim::start(SimConfig {
        jamf_version: "10.48.0-t1690000000000".into(),
        ..SimConfig::default()
    })
    .await
    .unwrap();
    let (_dir, _, mut store) = synced(&sim).await.into_parts();
    let c = client(&sim, Duration::from_secs(10));
    let old = PlanContext {
        version: jobs::known_version(&store).unwrap(),
        ..ctx()
    };
    assert_eq!(old.version, Some(chariot_jamf::JamfVersion::new(10, 48, 0)));
    let id = device_where(&store, |d| d.role == DeviceRole::Student.as_str());
    // Log out user has no Classic command: not offered, with the reason.
    let plan = jobs::plan(&store, &request(Action::LogOutUser, &[&id]), &old).unwrap();
    let why = plan.unavailable.unwrap();
    assert_eq!(why.needed, "11.0");
    assert_eq!(why.version.as_deref(), Some("10.48.0"));
    assert!(why.to_string().contains("11.0 or later"));

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

#[rstest]
#[tokio::test(flavor = "multi_thread")]
async fn sound_delete_user_shut_down_and_esim_each_get_the_devices_own_answer(
    #[future(awt)] sim: RunningSim,
) {
    let (_dir, _, mut store) = synced(&sim).await.into_parts();
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
    let wifi = device_where(&store, |d| {
        d.jamf_id != shared && d.role == DeviceRole::Student.as_str()
    });
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
