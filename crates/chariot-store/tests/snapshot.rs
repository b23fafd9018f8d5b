//! Snapshot generations on a real file: full and incremental publication, counts, abandoned
//! and interrupted syncs leaving the current snapshot exactly as it was, search and filters.

use chariot_store::{
    DeviceQuery, DeviceRole, DeviceRow, LostPosition, SortKey, Store, SyncKind, SyncRunStatus,
};
use rstest::rstest;

use chariot_testkit::store::*;

#[rstest]
fn a_full_sync_counts_added_changed_removed(mut db: Db) {
    let first: Vec<_> = (1..=5)
        .map(|i| device(i, &format!("0311234A-2024-DMPXK{i:05}")))
        .collect();
    let s = full(&mut db.store, &first, 8);
    assert_eq!(
        (s.device_count, s.added, s.changed, s.removed),
        (5, 5, 0, 0)
    );

    let mut second = first.clone();
    second.remove(0); // device 1 deleted on the server
    second[0].battery_level = Some(3); // device 2 changed
    second.push(device(9, "Marie Dupont")); // enrolled
    let s = full(&mut db.store, &second, 9);
    assert_eq!(
        (s.device_count, s.added, s.changed, s.removed),
        (5, 1, 1, 1)
    );
    assert_eq!(
        db.store.current_snapshot().unwrap().unwrap().device_count,
        5
    );
    assert_eq!(
        db.store.current_watermark().unwrap().as_deref(),
        Some("2026-11-20T08:00:00Z")
    );
}

#[rstest]
fn an_incremental_sync_applies_only_what_changed(mut db: Db) {
    let fleet: Vec<_> = (1..=6).map(|i| device(i, &format!("iPad {i}"))).collect();
    full(&mut db.store, &fleet, 8);
    let mut changed = fleet[1].clone();
    changed.os_version = Some("18.2".into());
    let unchanged = fleet[2].clone();
    let s = incremental(
        &mut db.store,
        &[changed, unchanged, device(7, "iPad 7")],
        &["4".into(), "404".into()],
        9,
    );
    assert_eq!(
        (s.added, s.changed, s.removed, s.device_count),
        (1, 1, 1, 6)
    );
    let names = names(&db.store, &DeviceQuery::default());
    assert!(!names.contains(&"iPad 4".to_owned()) && names.contains(&"iPad 7".to_owned()));
}

/// After publication the sync writes the lost devices' positions into the current
/// snapshot: only the position changes, the rest of the row (lists, search) stays.
#[rstest]
fn positions_read_after_publication_update_the_current_snapshot(mut db: Db) {
    let mut fleet: Vec<DeviceRow> = (1..=4).map(|i| device(i, &format!("iPad {i}"))).collect();
    fleet[1].lost_mode_enabled = Some(true);
    full(&mut db.store, &fleet, 8);
    let generation = db.store.current_generation_id().unwrap();
    let mut placed = fleet[1].clone();
    placed.lost_position = Some(LostPosition {
        latitude: 43.6,
        longitude: 1.44,
        accuracy_m: Some(20.0),
        reported_at: Some("2026-11-22T08:30:00+00:00".into()),
    });
    let unknown = device(99, "iPad 99");
    let changed = db
        .store
        .update_lost_positions(&[placed.clone(), fleet[2].clone(), unknown])
        .unwrap();
    assert_eq!(changed, 1, "only the device whose position is new");
    assert_eq!(db.store.current_generation_id().unwrap(), generation);
    let lost = db.store.lost_mode_devices().unwrap();
    assert_eq!(lost.len(), 1);
    let position = lost[0].position.as_ref().unwrap();
    assert_eq!((position.latitude, position.longitude), (43.6, 1.44));
    // The stored fingerprint is the new row's: the next sync sees no change.
    assert_eq!(
        db.store.update_lost_positions(&[placed.clone()]).unwrap(),
        0
    );
    let s = incremental(&mut db.store, &[placed], &[], 9);
    assert_eq!((s.added, s.changed), (0, 0));
    assert_eq!(search(&db.store, "PAD 2"), ["iPad 2"]);
    assert_eq!(search(&db.store, "pronote").len(), 4);
    assert_eq!(
        db.store.current_snapshot().unwrap().unwrap().device_count,
        4
    );
}

#[rstest]
fn an_incremental_sync_indexes_its_rows_for_search(mut db: Db) {
    four_ipads_at_8(&mut db.store);
    let mut changed = device(2, "iPad Deux");
    changed.asset_tag = Some("CDI-042".into());
    incremental(&mut db.store, &[changed, device(7, "iPad 7")], &[], 9);
    assert_eq!(search(&db.store, "cdi-04"), ["iPad Deux"]);
    assert_eq!(search(&db.store, "PAD 7"), ["iPad 7"]);
    assert!(search(&db.store, "PAD 2").is_empty());
}

#[rstest]
fn an_abandoned_sync_leaves_the_snapshot_identical(mut db: Db) {
    four_ipads_at_8(&mut db.store);
    let before = visible(&db.store);
    let g = staged(&mut db.store, &[device(1, "renamed"), device(50, "new")], 9);
    // Readers during the sync still see the old generation only.
    assert_eq!(visible(&db.store), before);
    db.store.abandon(g).unwrap();
    assert_eq!(visible(&db.store), before);
}

#[rstest]
fn a_sync_interrupted_by_a_crash_is_cleaned_up_on_reopen(mut db: Db) {
    four_ipads_at_8(&mut db.store);
    let before = visible(&db.store);
    let run = db.store.start_sync_run(SyncKind::Full, at(9)).unwrap();
    let g = staged(&mut db.store, &[device(1, "half-written")], 9);
    drop(db.store); // the process dies here
    let store = Store::open(&db.path).unwrap();
    assert_eq!(visible(&store), before);
    let last = store.last_sync_run().unwrap().unwrap();
    assert_eq!((last.id, last.status), (run, SyncRunStatus::Failed));
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    let staged: i64 = conn
        .query_row(
            "SELECT count(*) FROM devices WHERE valid_from = ?1",
            [g.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(staged, 0);
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

#[rstest]
#[case("DMPXK00003", &["iPad 3"])]
#[case("pxk0000", &["iPad 1", "iPad 2", "iPad 3"])]
#[case("PAD 2", &["iPad 2"])]
#[case("pronote", &["iPad 1", "iPad 2", "iPad 3"])]
#[case("3", &["iPad 3"])]
#[case("zz", &[])]
#[case("\"", &[])]
fn searches_any_substring(mut db: Db, #[case] term: &str, #[case] expected: &[&str]) {
    full(
        &mut db.store,
        &(1..=3)
            .map(|i| device(i, &format!("iPad {i}")))
            .collect::<Vec<_>>(),
        8,
    );
    let q = DeviceQuery {
        search: Some(term.into()),
        ..Default::default()
    };
    assert_eq!(names(&db.store, &q), expected);
}

#[rstest]
fn filters_and_sorts(mut db: Db) {
    let mut fleet: Vec<_> = (1..=4).map(|i| device(i, &format!("iPad {i}"))).collect();
    fleet[0].lost_mode_enabled = Some(true);
    fleet[1].role = DeviceRole::Teacher;
    fleet[2].cart = Some("Chariot 2".into());
    fleet[3].os_version = Some("17.5.1".into());
    fleet[0].available_mb = Some(900);
    fleet[1].available_mb = Some(4000);
    full(&mut db.store, &fleet, 8);
    let q = |f: fn(&mut DeviceQuery)| {
        let mut q = DeviceQuery::default();
        f(&mut q);
        q
    };
    assert_eq!(
        names(&db.store, &q(|q| q.lost_mode = Some(true))),
        ["iPad 1"]
    );
    assert_eq!(
        names(&db.store, &q(|q| q.role = Some(DeviceRole::Teacher))),
        ["iPad 2"]
    );
    assert_eq!(
        names(&db.store, &q(|q| q.cart = Some("chariot 2".into()))),
        ["iPad 3"]
    );
    assert_eq!(
        names(
            &db.store,
            &q(|q| q.inventory_before = Some("2026-11-04T00:00:00Z".parse().unwrap()))
        ),
        ["iPad 1", "iPad 2"]
    );
    assert_eq!(
        names(
            &db.store,
            &q(|q| {
                q.sort = SortKey::Battery;
                q.descending = true;
            })
        ),
        ["iPad 4", "iPad 3", "iPad 2", "iPad 1"]
    );
}

#[rstest]
fn a_second_connection_leaves_a_running_sync_alone(mut db: Db) {
    four_ipads_at_8(&mut db.store);
    let g = staged(&mut db.store, &[device(1, "renamed"), device(50, "new")], 9);
    // A job runner or a history refresh opens the file while the sync runs: the sync's rows
    // stay, and it publishes them.
    let other = Store::attach(&db.path).unwrap();
    assert_eq!(other.current_snapshot().unwrap().unwrap().device_count, 4);
    drop(other);
    db.store
        .stage_devices(
            g,
            &[
                device(2, "iPad 2"),
                device(3, "iPad 3"),
                device(4, "iPad 4"),
            ],
        )
        .unwrap();
    db.store
        .publish_full(g, Some("2026-11-20T08:00:00Z"), at(9))
        .unwrap();
    let names = names(&db.store, &DeviceQuery::default());
    assert!(
        names.contains(&"renamed".to_string()) && names.contains(&"new".to_string()),
        "{names:?}"
    );
}

#[rstest]
fn a_crashed_sync_is_cleaned_only_when_no_live_sync_holds_the_lock(mut db: Db) {
    four_ipads_at_8(&mut db.store);
    let lock = chariot_store::SyncLock::acquire(&db.path).unwrap();
    let mut sync = Store::open_for_sync(&db.path, &lock).unwrap();
    let g = staged(&mut sync, &[device(1, "renamed")], 9);
    // Another process opening the file while the sync runs: its rows are left alone.
    drop(Store::open(&db.path).unwrap());
    sync.stage_devices(g, &[device(2, "iPad 2")]).unwrap();
    sync.publish_full(g, None, at(9)).unwrap();
    assert_eq!(names(&sync, &DeviceQuery::default()), ["iPad 2", "renamed"]);
    // The sync "crashes" (lock released with its rows unpublished): the next open cleans up.
    staged(&mut sync, &[device(3, "ghost")], 10);
    drop(sync);
    drop(lock);
    let reopened = Store::open(&db.path).unwrap();
    assert_eq!(
        names(&reopened, &DeviceQuery::default()),
        ["iPad 2", "renamed"]
    );
    assert!(
        chariot_store::SyncLock::try_acquire(&db.path)
            .unwrap()
            .is_some()
    );
}
