//! Lost mode through the sync: positions from the Classic API, read after publication, and
//! lost mode enabled by a command seen by the next incremental sync.

use std::time::Duration;

use chariot_core::fleet::DeviceRole;
use chariot_core::sync::{CancelFlag, SyncMode, SyncPhase, SyncRequest, sync};
use chariot_sim::SimConfig;
use chariot_store::{DeviceQuery, Store};
use chariot_testkit::sim::{api_token, http, sim_of, start};
use chariot_testkit::store::db;
use chariot_testkit::sync::*;

/// How many lost devices of the current snapshot have a position.
fn placed(store: &Store) -> usize {
    store
        .lost_mode_devices()
        .unwrap()
        .iter()
        .filter(|d| d.position.is_some())
        .count()
}

#[tokio::test(flavor = "multi_thread")]
async fn lost_devices_get_their_position_from_the_classic_api() {
    let sim = sim_of(0).await;
    let c = client(&sim);
    let (_d, _, mut store) = db().into_parts();
    sync_full(&c, &mut store).await;
    let lost = store.lost_mode_devices().unwrap();
    assert!(!lost.is_empty(), "the demo school has devices in lost mode");
    for device in &lost {
        let truth = c.classic_security(&device.jamf_id).await.unwrap();
        assert!(truth.lost_mode_on());
        match (truth.location(), &device.position) {
            (Some(t), Some(p)) => {
                assert_eq!((t.latitude, t.longitude), (p.latitude, p.longitude));
                assert!(p.reported_at.is_some());
            }
            (None, None) => {}
            (t, p) => panic!("{}: server {t:?} vs stored {p:?}", device.name),
        }
    }
    assert!(
        lost.iter().any(|d| d.position.is_some()),
        "at least one lost device reported a position"
    );
}

/// The inventory must not wait for the lost devices' positions (one Classic request each):
/// when the positions phase starts, another connection already reads the whole new snapshot,
/// the lost devices without a position yet (nothing was known); at the end they have them.
#[tokio::test(flavor = "multi_thread")]
async fn the_inventory_is_published_before_the_positions_are_read() {
    let sim = sim_of(0).await;
    let c = client(&sim);
    let (_d, path, mut store) = db().into_parts();
    let mut seen_at_publication: Option<(u32, usize, usize)> = None;
    sync(
        &c,
        &mut store,
        &full(),
        |p| {
            if p.phase == SyncPhase::Positions && seen_at_publication.is_none() {
                let reader = Store::attach(&path).unwrap();
                let count = reader.current_snapshot().unwrap().unwrap().device_count;
                let lost = reader.lost_mode_devices().unwrap().len();
                seen_at_publication = Some((count, lost, placed(&reader)));
            }
        },
        &CancelFlag::default(),
    )
    .await
    .unwrap();
    let (count, lost, placed_then) = seen_at_publication.expect("a positions phase was reported");
    assert_eq!(count as usize, server_ids(&c).await.len());
    assert!(lost > 0, "the demo school has lost devices");
    assert_eq!(placed_then, 0, "positions come after publication");
    assert_eq!(store.lost_mode_devices().unwrap().len(), lost);
    assert!(placed(&store) > 0);
}

/// Cancelling while the positions are read keeps the published inventory: the sync ends as
/// a success, and the positions not read yet are read by the next sync.
#[tokio::test(flavor = "multi_thread")]
async fn cancelling_during_the_positions_keeps_the_published_inventory() {
    let sim = sim_of(0).await;
    let c = client(&sim);
    let (_d, _, mut store) = db().into_parts();
    let cancel = CancelFlag::default();
    let report = sync(
        &c,
        &mut store,
        &full(),
        |p| {
            if p.phase == SyncPhase::Positions {
                cancel.cancel();
            }
        },
        &cancel,
    )
    .await
    .expect("the inventory was published before the cancellation");
    assert_eq!(
        report.summary.device_count as usize,
        server_ids(&c).await.len()
    );
    assert_eq!(snapshot(&store).len(), report.summary.device_count as usize);
    assert_eq!(placed(&store), 0, "cancelled before any answer was applied");
    sync_full(&c, &mut store).await;
    assert!(placed(&store) > 0);
}

/// Lost mode enabled by an MDM command: no new inventory, yet the next incremental sync shows
/// the device as lost (and, once it reports, where).
#[tokio::test(flavor = "multi_thread")]
async fn an_incremental_sync_sees_lost_mode_enabled_by_a_command() {
    let sim = start(SimConfig {
        clock_speed: 0.0,
        ..SimConfig::default()
    })
    .await;
    let c = client(&sim);
    let (_d, _, mut store) = db().into_parts();
    sync_full(&c, &mut store).await;
    let target = store
        .list_devices(&DeviceQuery {
            supervised: Some(true),
            lost_mode: Some(false),
            ..DeviceQuery::default()
        })
        .unwrap()
        .into_iter()
        .find(|d| d.role == DeviceRole::SharedTeacher.as_str())
        .unwrap();
    let management_id = c
        .device_list()
        .await
        .unwrap()
        .into_iter()
        .find(|d| d.id == target.jamf_id)
        .unwrap()
        .management_id
        .unwrap();
    let bearer = api_token(&sim).await;
    let sent = http()
        .post(format!("{}/api/v2/mdm/commands", sim.base_url()))
        .bearer_auth(&bearer)
        .json(&serde_json::json!({
            "clientData": [{"managementId": management_id}],
            "commandData": {"commandType": "ENABLE_LOST_MODE", "lostModeMessage": "Rapportez-moi au CDI", "lostModePhone": "0561000000"}
        }))
        .send()
        .await
        .unwrap();
    assert!(sent.status().is_success(), "{}", sent.text().await.unwrap());
    sim.clock().advance(Duration::from_secs(60));

    sync_auto(&c, &mut store).await;
    let lost = store.lost_mode_devices().unwrap();
    assert!(
        lost.iter().any(|d| d.jamf_id == target.jamf_id),
        "{} should now be lost",
        target.name
    );
}

/// The positions phase is reported even when no position is to be read (an incremental sync
/// that changed nothing): its first report is how the app learns the snapshot is published,
/// and refreshes its screens.
#[tokio::test(flavor = "multi_thread")]
async fn the_positions_phase_is_reported_even_with_nothing_to_read() {
    let sim = sim_of(0).await;
    let c = client(&sim);
    let (_d, _, mut store) = db().into_parts();
    sync_full(&c, &mut store).await;
    let mut reports = Vec::new();
    let report = sync(
        &c,
        &mut store,
        &SyncRequest {
            mode: SyncMode::Auto,
            ..full()
        },
        |p| reports.push((p.phase, p.total)),
        &CancelFlag::default(),
    )
    .await
    .unwrap();
    assert_eq!(report.summary.changed, 0);
    assert_eq!(
        reports.last(),
        Some(&(SyncPhase::Positions, 0)),
        "{reports:?}"
    );
}
