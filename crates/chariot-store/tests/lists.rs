//! Each device's lists (apps, profiles, groups, Shared iPad users) on a real file: kept in
//! order, apps shared by the devices that have the same ones, what no snapshot shows any more
//! deleted after the sync, list rows bound to their device.

use chariot_store::{AppRow, DeviceQuery, DeviceRow, ProfileRow, SharedUserRow, Store};
use rstest::rstest;

use chariot_testkit::store::*;

/// A batch's lists are written many rows per statement: every device gets back exactly its
/// own lists, in their order, past a statement's worth of rows; a device given twice in one
/// batch keeps its later copy only.
#[rstest]
fn each_device_keeps_its_own_lists_in_order(mut db: Db) {
    let mut fleet: Vec<DeviceRow> = (1..=30)
        .map(|i| {
            let mut d = device(i, &format!("iPad {i}"));
            d.apps = (0..3)
                .map(|a| AppRow {
                    name: Some(format!("App {i}.{a}")),
                    ..Default::default()
                })
                .collect();
            d.shared_users = (0..4)
                .map(|u| SharedUserRow {
                    managed_apple_id: Some(format!("eleve{i}.{u}@ac-toulouse.fr")),
                    logged_in: Some(u == 0),
                    data_to_sync: Some(false),
                })
                .collect();
            d
        })
        .collect();
    let mut again = device(5, "iPad 5 (bis)");
    again.apps = vec![];
    fleet.push(again);
    let g = staged(&mut db.store, &fleet, 8);
    db.store.publish_full(g, None, at(8)).unwrap();
    for i in (1..=30).filter(|i| *i != 5) {
        let stored = db.store.device(&i.to_string()).unwrap().unwrap();
        let apps: Vec<_> = stored.apps.iter().filter_map(|a| a.name.clone()).collect();
        assert_eq!(apps, [0, 1, 2].map(|a| format!("App {i}.{a}")));
        let users: Vec<_> = stored
            .shared_users
            .iter()
            .map(|u| (u.managed_apple_id.clone().unwrap(), u.logged_in))
            .collect();
        assert_eq!(
            users,
            (0..4)
                .map(|u| (format!("eleve{i}.{u}@ac-toulouse.fr"), Some(u == 0)))
                .collect::<Vec<_>>()
        );
    }
    let fifth = db.store.device("5").unwrap().unwrap();
    assert_eq!(fifth.name, "iPad 5 (bis)");
    assert!(fifth.apps.is_empty());
    assert_eq!(
        db.store.current_snapshot().unwrap().unwrap().device_count,
        30
    );
}

/// The previous snapshot's rows (and their lists and search entries) are deleted after the
/// sync, not at publication, which they delayed; until then they are invisible. The lists
/// check their device at commit: a list row without its device cannot be committed.
#[rstest]
fn superseded_rows_go_at_the_end_of_the_sync_and_lists_keep_their_device(mut db: Db) {
    four_ipads_at_8(&mut db.store);
    let names = |store: &Store| -> Vec<String> {
        let all = store.list_devices(&DeviceQuery::default()).unwrap();
        all.into_iter().map(|d| d.name).collect()
    };
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    let rows = |table: &str| -> i64 {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    full(
        &mut db.store,
        &(1..=4)
            .map(|i| device(i, &format!("iPad {i} renamed")))
            .collect::<Vec<_>>(),
        9,
    );
    assert_eq!(
        db.store.current_snapshot().unwrap().unwrap().device_count,
        4
    );
    assert!(names(&db.store).iter().all(|n| n.ends_with("renamed")));
    assert_eq!((rows("devices"), rows("device_groups")), (8, 8));
    db.store.end_of_sync(true);
    assert_eq!((rows("devices"), rows("device_groups")), (4, 4));
    assert!(names(&db.store).iter().all(|n| n.ends_with("renamed")));
    assert_eq!(search(&db.store, "renamed").len(), 4);
    // The four iPads carry the same apps: one stored list, shared by both syncs' versions.
    assert_eq!((rows("app_sets"), rows("app_set_items")), (1, 1));
    assert_eq!(search(&db.store, "pronote").len(), 4);

    let mut orphan = rusqlite::Connection::open(&db.path).unwrap();
    orphan.pragma_update(None, "foreign_keys", true).unwrap();
    let tx = orphan.transaction().unwrap();
    tx.execute(
        "INSERT OR FAIL INTO device_groups (device_row, group_name) VALUES (999999, 'x')",
        [],
    )
    .unwrap();
    let err = tx.commit().unwrap_err();
    assert!(err.to_string().contains("FOREIGN KEY"), "{err}");
    drop(orphan);
    assert_eq!(rows("device_groups"), 4);
}

/// Devices with the same apps share one stored list; a device whose apps change gets another;
/// a list no device shows any more is deleted after the sync. Each device's detail and the
/// search by app name follow.
#[rstest]
fn devices_share_their_app_list_and_unused_lists_go(mut db: Db) {
    // The same two profiles on every iPad: one stored list of profiles too, whatever the apps.
    let with_apps = |id: u32, apps: &[(&str, &str)]| DeviceRow {
        apps: apps
            .iter()
            .map(|(name, version)| AppRow {
                name: Some((*name).into()),
                version: Some((*version).into()),
                ..Default::default()
            })
            .collect(),
        profiles: ["Wi-Fi Collège", "Restrictions élèves"]
            .map(|name| ProfileRow {
                display_name: Some(name.into()),
                ..Default::default()
            })
            .to_vec(),
        ..device(id, &format!("iPad {id}"))
    };
    let cart = [("Pronote", "3.1"), ("Keynote", "14.0")];
    let devices: Vec<_> = (1..=3).map(|i| with_apps(i, &cart)).collect();
    full(&mut db.store, &devices, 8);
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    let rows = |table: &str| -> i64 {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!((rows("app_sets"), rows("app_set_items")), (1, 2));
    assert_eq!((rows("profile_sets"), rows("profile_set_items")), (1, 2));

    // iPad 2 updates Pronote; iPad 3 loses its apps.
    let updated = [("Pronote", "3.2"), ("Keynote", "14.0")];
    incremental(
        &mut db.store,
        &[with_apps(2, &updated), with_apps(3, &[])],
        &[],
        9,
    );
    db.store.end_of_sync(false);
    assert_eq!((rows("app_sets"), rows("app_set_items")), (2, 4));
    let apps = |id: &str| -> Vec<(Option<String>, Option<String>)> {
        let device = db.store.device(id).unwrap().unwrap();
        device
            .apps
            .into_iter()
            .map(|a| (a.name, a.version))
            .collect()
    };
    let v = |s: &str| Some(s.to_owned());
    assert_eq!(
        apps("1"),
        [(v("Keynote"), v("14.0")), (v("Pronote"), v("3.1"))]
    );
    assert_eq!(
        apps("2"),
        [(v("Keynote"), v("14.0")), (v("Pronote"), v("3.2"))]
    );
    assert!(apps("3").is_empty());
    let profiles = db.store.device("3").unwrap().unwrap().profiles;
    let names: Vec<_> = profiles.iter().map(|p| p.display_name.as_deref()).collect();
    assert_eq!(names, [Some("Restrictions élèves"), Some("Wi-Fi Collège")]);
    assert_eq!((rows("profile_sets"), rows("profile_set_items")), (1, 2));
    assert_eq!(search(&db.store, "keynote").len(), 2);

    // iPad 1 updates too: the first list is no device's any more.
    incremental(&mut db.store, &[with_apps(1, &updated)], &[], 10);
    db.store.end_of_sync(false);
    assert_eq!((rows("app_sets"), rows("app_set_items")), (1, 2));
    assert_eq!(search(&db.store, "pronote").len(), 2);
}
