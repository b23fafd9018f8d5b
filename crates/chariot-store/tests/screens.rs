//! The reads behind the screens on a real file: virtualised inventory (ids then rows by id),
//! one device with its lists, dashboard counts, and the cached command history.

use chariot_store::{
    AppRow, DeviceQuery, DeviceRole, DeviceRow, GroupRow, HistoryRow, SharedUserRow, SortKey,
    StatsThresholds, Store, SyncKind,
};
use chariot_testkit::store::Db;
use chrono::{TimeZone, Utc};
use rstest::{fixture, rstest};

fn device(id: u32, name: &str, battery: i64, inventory_day: u32) -> DeviceRow {
    DeviceRow {
        jamf_id: id.to_string(),
        name: name.into(),
        role: if id.is_multiple_of(5) {
            DeviceRole::SharedTeacher
        } else {
            DeviceRole::Student
        },
        role_reason: "test".into(),
        serial_number: Some(format!("DMPXK{id:05}")),
        model: Some(
            if id.is_multiple_of(2) {
                "iPad (9th generation)"
            } else {
                "iPad Air"
            }
            .into(),
        ),
        os_version: Some(
            if id.is_multiple_of(3) {
                "17.5.1"
            } else {
                "18.1"
            }
            .into(),
        ),
        battery_level: Some(battery),
        available_mb: Some(i64::from(id) * 1000),
        cart: Some(format!("Chariot {}", 1 + id % 2)),
        last_inventory_update: Some(format!("2026-11-{inventory_day:02}T08:00:00Z")),
        apps: vec![
            AppRow {
                name: Some("Pronote".into()),
                management_status: Some("Managed".into()),
                ..Default::default()
            },
            AppRow {
                name: Some("Calculatrice".into()),
                ..Default::default()
            },
        ],
        groups: vec![GroupRow {
            group_id: Some("7".into()),
            group_name: Some("iPad à mettre à jour".into()),
            smart: Some(id % 2 == 1),
        }],
        shared_users: vec![SharedUserRow {
            managed_apple_id: Some(format!("eleve{id}@ac-toulouse.fr")),
            logged_in: Some(true),
            data_to_sync: Some(false),
        }],
        lost_mode_enabled: Some(id == 3),
        ..Default::default()
    }
}

/// Ten iPads synced at 9:00, on the kit's store file.
#[fixture]
fn db(#[from(chariot_testkit::store::db)] mut file: Db) -> Db {
    let store = &mut file.store;
    let at = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
    let g = store.begin_generation("demo", SyncKind::Full, at).unwrap();
    let devices: Vec<DeviceRow> = (1..=10)
        .map(|i| {
            device(
                i,
                &format!("RNE-2024-{i:02}"),
                5 + i64::from(i) * 9,
                1 + i * 2,
            )
        })
        .collect();
    store.stage_devices(g, &devices).unwrap();
    store.publish_full(g, None, at).unwrap();
    file
}

#[rstest]
fn ids_come_in_display_order_and_rows_follow_the_order_asked(db: Db) {
    let q = DeviceQuery {
        sort: SortKey::Battery,
        descending: true,
        ..Default::default()
    };
    let ids = db.store.list_device_ids(&q).unwrap();
    assert_eq!(ids.first().map(String::as_str), Some("10"));
    assert_eq!(ids.len(), 10);
    let wanted = vec!["4".to_owned(), "nope".to_owned(), "2".to_owned()];
    let rows = db.store.devices_by_ids(&wanted).unwrap();
    let got: Vec<_> = rows.iter().map(|r| r.jamf_id.as_str()).collect();
    assert_eq!(got, ["4", "2"], "unknown ids are skipped, order is kept");
}

#[rstest]
fn filters_on_model_and_inventory_since(db: Db) {
    let q = DeviceQuery {
        model: Some("iPad Air".into()),
        inventory_since: Some("2026-11-10T00:00:00Z".parse().unwrap()),
        ..Default::default()
    };
    let ids = db.store.list_device_ids(&q).unwrap();
    // Odd ids are iPad Air; inventory day 1 + 2i >= 10 means i >= 5.
    assert_eq!(ids, ["5", "7", "9"]);
}

#[rstest]
fn one_device_comes_with_its_lists(db: Db) {
    let d = db
        .store
        .device("3")
        .unwrap()
        .expect("device 3 is in the snapshot");
    assert_eq!(d.name, "RNE-2024-03");
    assert_eq!(d.apps.len(), 2);
    assert_eq!(
        d.apps[0].name.as_deref(),
        Some("Calculatrice"),
        "sorted by name"
    );
    assert_eq!(d.groups[0].smart, Some(true));
    assert_eq!(
        d.shared_users[0].managed_apple_id.as_deref(),
        Some("eleve3@ac-toulouse.fr")
    );
    assert_eq!(d.lost_mode_enabled, Some(true));
    assert!(db.store.device("999").unwrap().is_none());
}

#[rstest]
fn dashboard_counts(db: Db) {
    let stats = db
        .store
        .fleet_stats(&StatsThresholds {
            stale_before: "2026-11-08T00:00:00Z".parse().unwrap(),
            low_battery_percent: 20,
            low_space_mb: 2000,
            oldest: 2,
        })
        .unwrap();
    assert_eq!(stats.total, 10);
    assert_eq!(
        stats.by_role,
        [(DeviceRole::SharedTeacher, 2), (DeviceRole::Student, 8)]
    );
    assert_eq!(stats.by_cart.len(), 2);
    assert_eq!(stats.by_os_version.iter().map(|(_, n)| n).sum::<u32>(), 10);
    // Inventory days 3, 5, 7 are before the 8th.
    assert_eq!(stats.stale, 3);
    assert_eq!(stats.oldest[0].0, "1");
    assert_eq!(stats.oldest.len(), 2);
    assert_eq!(stats.lost_mode, 1);
    // Batteries 14, 23, ...: only device 1 is at or below 20 %.
    assert_eq!(stats.low_battery, 1);
    // Free space 1000, 2000, ...: devices 1 and 2.
    assert_eq!(stats.low_space, 2);
    assert_eq!(stats.smart_groups, [("iPad à mettre à jour".to_owned(), 5)]);
}

#[rstest]
fn history_is_replaced_whole_and_remembers_when_it_was_read(mut db: Db) {
    assert!(db.store.device_history("3").unwrap().is_none());
    let first = vec![
        HistoryRow {
            command: "DeviceLock".into(),
            status: "completed".into(),
            date: Some("2026-11-20T10:00:00Z".parse().unwrap()),
            error: None,
        },
        HistoryRow {
            command: "EraseDevice".into(),
            status: "failed".into(),
            date: None,
            error: Some("Le code est requis".into()),
        },
    ];
    db.store
        .save_device_history("3", "2026-11-22T09:00:00Z".parse().unwrap(), &first)
        .unwrap();
    db.store
        .save_device_history("3", "2026-11-22T10:00:00Z".parse().unwrap(), &first[1..])
        .unwrap();
    let (at, rows) = db.store.device_history("3").unwrap().unwrap();
    assert_eq!(
        at,
        "2026-11-22T10:00:00Z"
            .parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap()
    );
    assert_eq!(rows, first[1..]);
}

#[rstest]
fn search_by_app_name_matches_the_sql_list_and_follows_incremental_syncs(mut db: Db) {
    let q = |term: &str| DeviceQuery {
        search: Some(term.into()),
        descending: true,
        ..Default::default()
    };
    // Every device has "Calculatrice": the fast path and the SQL list agree, in order.
    let ids = db.store.list_device_ids(&q("calcul")).unwrap();
    let listed: Vec<String> = db
        .store
        .list_devices(&q("calcul"))
        .unwrap()
        .into_iter()
        .map(|r| r.jamf_id)
        .collect();
    assert_eq!(ids.len(), 10);
    assert_eq!(ids, listed);
    assert_eq!(
        ids.first().map(String::as_str),
        Some("10"),
        "name order, descending"
    );
    // A device field and nothing.
    assert_eq!(db.store.list_device_ids(&q("2024-07")).unwrap(), ["7"]);
    assert!(db.store.list_device_ids(&q("Geogebra")).unwrap().is_empty());

    // An incremental sync brings an app nobody had: it is searchable at once.
    let at = Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap();
    let g = db
        .store
        .begin_generation("demo", SyncKind::Incremental, at)
        .unwrap();
    let mut changed = device(2, "RNE-2024-02", 50, 21);
    changed.apps.push(AppRow {
        name: Some("GeoGebra Géométrie".into()),
        ..Default::default()
    });
    db.store
        .publish_incremental(g, &[changed], &[], None, at)
        .unwrap();
    assert_eq!(db.store.list_device_ids(&q("geometrie")).unwrap(), ["2"]);
    // With another filter, the search still applies both.
    let filtered = DeviceQuery {
        cart: Some("Chariot 2".into()),
        ..q("calcul")
    };
    let ids = db.store.list_device_ids(&filtered).unwrap();
    assert_eq!(ids.len(), 5, "{ids:?}");
}

/// Past a few thousand matches the ids come from a set + the ordered list instead of one SQL
/// query: both must give the same devices in the same order, with the other filters applied.
#[test]
fn a_search_matching_thousands_gives_the_same_order_as_sql() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("big.db")).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
    let g = store.begin_generation("demo", SyncKind::Full, at).unwrap();
    let devices: Vec<DeviceRow> = (1..=2600)
        .map(|i| device(i, &format!("RNE-{:04}", (i * 7919) % 2600), 50, 10))
        .collect();
    for page in devices.chunks(500) {
        store.stage_devices(g, page).unwrap();
    }
    store.publish_full(g, None, at).unwrap();
    for (search, cart, descending, sort) in [
        ("calcul", None, false, SortKey::Name),
        ("Pronote", Some("Chariot 1"), true, SortKey::Name),
        ("RNE-", None, false, SortKey::Serial),
        // 1–2 characters: no trigram, a plain substring of name or serial.
        ("rn", Some("Chariot 2"), true, SortKey::Name),
        ("7", None, false, SortKey::Battery),
    ] {
        let q = DeviceQuery {
            search: Some(search.into()),
            cart: cart.map(String::from),
            descending,
            sort,
            ..Default::default()
        };
        let fast = store.list_device_ids(&q).unwrap();
        let sql: Vec<String> = store
            .list_devices(&q)
            .unwrap()
            .into_iter()
            .map(|r| r.jamf_id)
            .collect();
        assert!(fast.len() > 500, "{search}: {}", fast.len());
        assert_eq!(fast, sql, "{search}");
    }
    // The order walked for a big search is kept between keystrokes, but never across syncs: a
    // device renamed by an incremental sync moves to its new place at once.
    let q = DeviceQuery {
        search: Some("calcul".into()),
        ..Default::default()
    };
    let before = store.list_device_ids(&q).unwrap();
    assert_ne!(before.first().map(String::as_str), Some("1"));
    let g = store
        .begin_generation("demo", SyncKind::Incremental, at)
        .unwrap();
    store
        .publish_incremental(g, &[device(1, "AAA-first", 50, 10)], &[], None, at)
        .unwrap();
    let after = store.list_device_ids(&q).unwrap();
    assert_eq!(after.first().map(String::as_str), Some("1"));
    assert_eq!(after.len(), before.len());
}
