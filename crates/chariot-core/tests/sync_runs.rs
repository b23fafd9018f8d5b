//! The record of each sync (`sync_runs`) when the local database fails at its edges, against
//! chariot-sim over real HTTP: the run is never left "running", and a sync whose snapshot was
//! published is never reported as failed.

use chariot_core::sync::{CancelFlag, sync};
use chariot_store::{DeviceQuery, SyncRunStatus};
use chariot_testkit::sim::sim_of;
use chariot_testkit::store::db;
use chariot_testkit::sync::*;
use std::path::Path;

/// Makes the database refuse a write, as a full disk or a damaged file would, through a
/// trigger added on a connection of its own.
fn refuse(path: &Path, trigger: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(trigger).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sync_that_cannot_begin_its_generation_is_recorded_as_failed() {
    let sim = sim_of(0).await;
    let c = client(&sim);
    let (_d, path, mut store) = db().into_parts();
    refuse(
        &path,
        "CREATE TRIGGER refuse BEFORE INSERT ON snapshot_generations
         BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;",
    );
    let err = sync(&c, &mut store, &full(), |_| {}, &CancelFlag::default())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("full"), "{err}");
    let run = store.last_sync_run().unwrap().unwrap();
    assert_eq!(run.status, SyncRunStatus::Failed);
    assert!(run.finished_at.is_some());
    assert!(run.error.unwrap().contains("full"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_published_snapshot_is_a_success_even_if_its_figures_cannot_be_recorded() {
    let sim = sim_of(0).await;
    let c = client(&sim);
    let (_d, path, mut store) = db().into_parts();
    refuse(
        &path,
        "CREATE TRIGGER refuse BEFORE UPDATE OF status ON sync_runs
         WHEN NEW.status = 'succeeded'
         BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;",
    );
    let report = sync(&c, &mut store, &full(), |_| {}, &CancelFlag::default())
        .await
        .unwrap();
    let shown = store.list_devices(&DeviceQuery::default()).unwrap();
    assert_eq!(shown.len() as u32, report.summary.device_count);
    assert_eq!(shown.len(), server_ids(&c).await.len());
}

/// What a sync survived is counted in its summary and kept with its run: devices Jamf Pro
/// could only partly read (LENIENT answers their broken sections empty), and lost devices
/// whose position could not be read (here the account loses the privilege once the
/// inventory is read).
#[tokio::test(flavor = "multi_thread")]
async fn what_a_sync_survived_is_counted_in_its_summary() {
    let sim = chariot_sim::start(chariot_sim::SimConfig {
        unprocessable_devices: 2,
        ..chariot_sim::SimConfig::default()
    })
    .await
    .unwrap();
    let c = client(&sim);
    let (_d, _, mut store) = db().into_parts();
    let faults = sim.faults();
    let report = sync(
        &c,
        &mut store,
        &full(),
        |p| {
            if p.phase == chariot_core::sync::SyncPhase::Saving {
                faults.update(|f| f.denied_privileges = vec!["Read Mobile Devices".into()]);
            }
        },
        &CancelFlag::default(),
    )
    .await
    .unwrap();
    let lost = store.lost_mode_devices().unwrap().len() as u32;
    assert!(lost > 0, "the demo school has devices in lost mode");
    let expected = chariot_core::sync::RunProblems {
        incomplete: 2,
        positions_unread: lost,
    };
    assert_eq!(report.problems, expected);
    let run = store.last_sync_run().unwrap().unwrap();
    assert_eq!(run.status, SyncRunStatus::Succeeded);
    assert_eq!(run.problems, Some(expected));

    // A sync that reads everything says so.
    let (_d2, _, mut clean) = db().into_parts();
    let healthy = sim_of(0).await;
    let report = sync(
        &client(&healthy),
        &mut clean,
        &full(),
        |_| {},
        &CancelFlag::default(),
    )
    .await
    .unwrap();
    assert_eq!(report.problems, Default::default());
    assert_eq!(
        clean.last_sync_run().unwrap().unwrap().problems,
        Some(Default::default())
    );
}
