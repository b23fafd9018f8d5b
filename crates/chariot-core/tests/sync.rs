//! The sync against chariot-sim over real HTTP, into a real SQLite file: full, incremental,
//! and what the fleet does meanwhile (lost mode and positions: `sync_positions.rs`).

use std::collections::BTreeSet;
use std::time::Duration;

use chariot_core::sync::{CancelFlag, SyncError, SyncMode, SyncRequest, sync};
use chariot_sim::{FaultConfig, PagedRead, SimConfig};
use chariot_store::{DeviceQuery, DeviceRole, SyncKind, SyncRunStatus};
use chariot_testkit::sim::sim_of;
use chariot_testkit::store::db;
use chariot_testkit::sync::*;
use rstest::rstest;

#[tokio::test(flavor = "multi_thread")]
async fn a_full_sync_of_the_demo_school_follows_the_guide() {
    let sim = sim_of(0).await;
    let c = client(&sim);
    let (_d, _, mut store) = db().into_parts();
    let mut phases = Vec::new();
    let report = sync(
        &c,
        &mut store,
        &full(),
        |p| phases.push(p.phase),
        &CancelFlag::default(),
    )
    .await
    .unwrap();
    let ids = server_ids(&c).await;
    assert_eq!(report.kind, SyncKind::Full);
    assert_eq!(report.summary.device_count as usize, ids.len());
    assert_eq!(report.summary.added as usize, ids.len());
    let all = store.list_devices(&DeviceQuery::default()).unwrap();
    let count = |role: DeviceRole| all.iter().filter(|d| d.role == role.as_str()).count();
    // One school, two carts: 15 students + 4 shared teacher iPads per cart.
    assert_eq!(count(DeviceRole::Student), 30);
    assert_eq!(count(DeviceRole::SharedTeacher), 8);
    let carts: BTreeSet<_> = all.iter().filter_map(|d| d.cart.clone()).collect();
    assert_eq!(
        carts,
        BTreeSet::from(["Chariot 1".to_owned(), "Chariot 2".to_owned()])
    );
    assert!(phases.contains(&chariot_core::sync::SyncPhase::Fetching));
    assert_eq!(
        store.last_sync_run().unwrap().unwrap().status,
        SyncRunStatus::Succeeded
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_incremental_sync_matches_a_fresh_full_sync() {
    let sim = sim_of(120).await;
    let c = client(&sim);
    let (_d1, _, mut store) = db().into_parts();
    sync_full(&c, &mut store).await;
    // Time passes at school: devices check in and send new inventory.
    sim.clock().advance(Duration::from_secs(6 * 3600));
    let report = sync_auto(&c, &mut store).await;
    assert_eq!(report.kind, SyncKind::Incremental);
    assert!(report.summary.changed > 0, "{report:?}");
    assert!((report.summary.changed as usize) < 120);
    let (_d2, _, mut fresh) = db().into_parts();
    sync_full(&c, &mut fresh).await;
    assert_eq!(snapshot(&store), snapshot(&fresh));
}

#[tokio::test(flavor = "multi_thread")]
async fn devices_added_and_removed_while_paging_end_up_exactly_as_on_the_server() {
    let sim = sim_of(200).await;
    let c = client(&sim);
    let (_d, _, mut store) = db().into_parts();
    let mut f = FaultConfig::default();
    f.set_rate("churn", 0.5).unwrap();
    f.set_rate("500", 0.1).unwrap();
    f.set_rate("truncate", 0.1).unwrap();
    sim.faults().set(f);
    let faults = sim.faults();
    // The fleet moves while pages are fetched; it settles once the sync reconciles (a device
    // deleted after the sync's last look is for the next sync to see).
    let settle = |p: chariot_core::sync::SyncProgress| {
        if p.phase == chariot_core::sync::SyncPhase::Reconciling {
            faults.clear();
        }
    };
    sync(&c, &mut store, &full(), settle, &CancelFlag::default())
        .await
        .unwrap();
    let stored: BTreeSet<String> = snapshot(&store).into_iter().map(|(id, ..)| id).collect();
    assert_eq!(stored, server_ids(&c).await);
}

/// Offset paging: a device deleted while the fleet is listed shifts the later pages by one,
/// and the device at the boundary is on no page. The sync must not take it for deleted.
#[rstest]
#[case::full(true)]
#[case::incremental(false)]
#[tokio::test(flavor = "multi_thread")]
async fn a_deletion_while_the_list_is_read_hides_no_device(#[case] full_sync: bool) {
    // More devices than one page of the id list (2000).
    let sim = sim_of(4500).await;
    let c = client(&sim);
    let (_d, _, mut store) = db().into_parts();
    let request = SyncRequest {
        mode: SyncMode::Full,
        page_size: 500,
        ..SyncRequest::default()
    };
    if !full_sync {
        sync(&c, &mut store, &request, |_| {}, &CancelFlag::default())
            .await
            .unwrap();
    }
    let before = server_ids(&c).await;
    // The full sync reconciles against the light list; the incremental one against its
    // read of every device's groups.
    sim.faults().update(|f| {
        f.delete_while_paging = Some(if full_sync {
            PagedRead::LightList
        } else {
            PagedRead::Inventory
        })
    });
    let request = SyncRequest {
        mode: if full_sync {
            SyncMode::Full
        } else {
            SyncMode::Auto
        },
        ..request
    };
    sync(&c, &mut store, &request, |_| {}, &CancelFlag::default())
        .await
        .unwrap();
    let after = server_ids(&c).await;
    let deleted: Vec<&String> = before.difference(&after).collect();
    assert_eq!(deleted.len(), 1, "a device was deleted during the sync");
    let stored: BTreeSet<String> = snapshot(&store).into_iter().map(|(id, ..)| id).collect();
    let missing: Vec<&String> = after.difference(&stored).collect();
    assert!(
        missing.is_empty(),
        "still on the server, not in the snapshot: {missing:?}"
    );
    // The deleted device was on the page read before it went: the next sync removes it.
    let extra: Vec<&String> = stored.difference(&after).collect();
    assert!(extra.is_empty() || extra == deleted, "{extra:?}");
}

#[rstest]
#[case::server_down(true)]
#[case::cancelled(false)]
#[tokio::test(flavor = "multi_thread")]
async fn a_failed_or_cancelled_sync_leaves_the_snapshot_unchanged(#[case] server_down: bool) {
    let sim = sim_of(60).await;
    let c = client(&sim);
    let (_d, _, mut store) = db().into_parts();
    sync_full(&c, &mut store).await;
    let before = snapshot(&store);
    let status_before = store.current_snapshot().unwrap();
    sim.clock().advance(Duration::from_secs(3600));
    let cancel = CancelFlag::default();
    if server_down {
        let mut f = FaultConfig::default();
        f.set_rate("503", 1.0).unwrap();
        sim.faults().set(f);
    }
    let err = sync(
        &c,
        &mut store,
        &full(),
        |p| {
            if !server_down && p.done > 0 {
                cancel.cancel();
            }
        },
        &cancel,
    )
    .await
    .unwrap_err();
    if server_down {
        assert!(matches!(err, SyncError::Jamf(_)), "{err:?}");
    } else {
        assert!(matches!(err, SyncError::Cancelled), "{err:?}");
    }
    assert_eq!(snapshot(&store), before);
    assert_eq!(store.current_snapshot().unwrap(), status_before);
    let run = store.last_sync_run().unwrap().unwrap();
    let expected = if server_down {
        SyncRunStatus::Failed
    } else {
        SyncRunStatus::Cancelled
    };
    assert_eq!(run.status, expected);
    let app: chariot_core::AppError = err.into();
    assert!(app.message.contains("unchanged"), "{}", app.message);
}

/// The version is read beside the first pages, not before them: a server too old for Chariot
/// (whose pages the simulator still serves) must still fail the sync with that reason,
/// before anything is published, for a full and an incremental sync alike.
#[rstest]
#[case::full(SyncMode::Full)]
#[case::incremental(SyncMode::Auto)]
#[tokio::test(flavor = "multi_thread")]
async fn a_server_too_old_fails_the_sync_before_anything_is_published(#[case] mode: SyncMode) {
    let sim = chariot_sim::start(SimConfig {
        devices: 40,
        jamf_version: "9.101.0-t1500000000".into(),
        ..SimConfig::default()
    })
    .await
    .unwrap();
    let c = client(&sim);
    let (_d, _, mut store) = db().into_parts();
    if mode == SyncMode::Auto {
        // An incremental sync needs a snapshot: one from when the server was (taken as) new
        // enough, written straight into the store.
        let rows: Vec<_> = c
            .fetch_inventory(&Default::default(), |_| {})
            .await
            .unwrap()
            .iter()
            .map(chariot_core::sync::device_row)
            .collect();
        let g = store
            .begin_generation("jamf", SyncKind::Full, chrono::Utc::now())
            .unwrap();
        store.stage_devices(g, &rows).unwrap();
        store
            .publish_full(g, Some("2026-01-01T00:00:00Z"), chrono::Utc::now())
            .unwrap();
    }
    let before = snapshot(&store);
    let status_before = store.current_snapshot().unwrap();
    let request = SyncRequest { mode, ..full() };
    let err = sync(&c, &mut store, &request, |_| {}, &CancelFlag::default())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("too old"), "{err}");
    assert_eq!(snapshot(&store), before);
    assert_eq!(store.current_snapshot().unwrap(), status_before);
    assert_eq!(
        store.last_sync_run().unwrap().unwrap().status,
        SyncRunStatus::Failed
    );
    // What the server is stays known to the screens.
    assert_eq!(
        store
            .server_fact(chariot_core::sync::VERSION_FACT)
            .unwrap()
            .as_deref(),
        Some("9.101.0")
    );
}

/// A cart change is a group membership change: no new inventory, yet the next incremental
/// sync must see it.
#[tokio::test(flavor = "multi_thread")]
async fn an_incremental_sync_sees_group_changes_without_new_inventory() {
    let sim = sim_of(0).await;
    let c = client(&sim);
    let (_d, _, mut store) = db().into_parts();
    sync_full(&c, &mut store).await;
    let moved = store
        .list_devices(&DeviceQuery {
            cart: Some("Chariot 2".into()),
            ..DeviceQuery::default()
        })
        .unwrap()
        .remove(0);

    // Add it to the "Chariot 1" static group through the Classic API, as an admin would.
    change_cart_group(&sim, "Chariot 1", |_| {
        format!(
            "<mobile_device_additions><mobile_device><id>{}</id></mobile_device></mobile_device_additions>",
            moved.jamf_id
        )
    })
    .await;

    let report = sync_auto(&c, &mut store).await;
    assert_eq!(report.kind, SyncKind::Incremental);
    let after = store
        .list_devices(&DeviceQuery {
            search: Some(moved.name.clone()),
            ..DeviceQuery::default()
        })
        .unwrap();
    assert_eq!(after[0].cart.as_deref(), Some("Chariot 1"));
}

/// A cart renamed in Jamf Pro (the same group, a new name) changes no membership and no
/// inventory, yet every device of the cart must show the new name after the next incremental
/// sync.
#[tokio::test(flavor = "multi_thread")]
async fn an_incremental_sync_sees_a_renamed_cart() {
    let sim = sim_of(0).await;
    let c = client(&sim);
    let (_d, _, mut store) = db().into_parts();
    sync_full(&c, &mut store).await;
    let in_cart = |store: &chariot_store::Store, cart: &str| {
        store
            .list_devices(&DeviceQuery {
                cart: Some(cart.into()),
                ..DeviceQuery::default()
            })
            .unwrap()
            .len()
    };
    let cart2 = in_cart(&store, "Chariot 2");
    assert!(cart2 > 0);

    change_cart_group(&sim, "Chariot 2", |name| {
        format!("<name>{}</name>", name.replace("Chariot 2", "Chariot 3"))
    })
    .await;

    let report = sync_auto(&c, &mut store).await;
    assert_eq!(report.kind, SyncKind::Incremental);
    assert_eq!(in_cart(&store, "Chariot 2"), 0);
    assert_eq!(in_cart(&store, "Chariot 3"), cart2);
}

/// Chariot asks LENIENT: a device Jamf cannot fully process still syncs, without its apps.
#[tokio::test(flavor = "multi_thread")]
async fn an_unprocessable_device_does_not_stop_the_sync() {
    let sim = chariot_sim::start(SimConfig {
        unprocessable_devices: 2,
        ..SimConfig::default()
    })
    .await
    .unwrap();
    let c = client(&sim);
    let (_d, _, mut store) = db().into_parts();
    let report = sync_full(&c, &mut store).await;
    assert_eq!(
        report.summary.device_count as usize,
        server_ids(&c).await.len()
    );
}
