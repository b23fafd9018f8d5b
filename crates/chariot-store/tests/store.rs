//! The local database on a real temp file: migrations, refusal of a newer schema, permissions,
//! and snapshot generations.

use chariot_store::{DeviceRow, Store, StoreError, SyncKind};
use chrono::{TimeZone, Utc};
use rstest::{fixture, rstest};
use tempfile::TempDir;

fn publish(store: &mut Store, at: chrono::DateTime<Utc>, devices: usize) {
    let g = store.begin_generation("demo", SyncKind::Full, at).unwrap();
    let rows: Vec<DeviceRow> = (0..devices)
        .map(|i| DeviceRow {
            jamf_id: i.to_string(),
            name: format!("iPad {i}"),
            role: "other".into(),
            role_reason: "unrecognised_name".into(),
            ..Default::default()
        })
        .collect();
    store.stage_devices(g, &rows).unwrap();
    store.publish_full(g, None, at).unwrap();
}

#[fixture]
fn dir() -> TempDir {
    tempfile::tempdir().unwrap()
}

#[rstest]
fn a_new_file_is_migrated_to_the_latest_schema(dir: TempDir) {
    let store = Store::open(&dir.path().join("profiles/demo.db")).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        Store::supported_schema_version()
    );
    assert_eq!(store.current_snapshot().unwrap(), None);
}

#[rstest]
fn reopening_is_idempotent_and_keeps_data(dir: TempDir) {
    let path = dir.path().join("a.db");
    let mut store = Store::open(&path).unwrap();
    let t0 = Utc.with_ymd_and_hms(2026, 11, 12, 8, 30, 0).unwrap();
    publish(&mut store, t0, 38);
    drop(store);
    let store = Store::open(&path).unwrap();
    let current = store.current_snapshot().unwrap().unwrap();
    assert_eq!(current.completed_at, Some(t0));
    assert_eq!(current.device_count, 38);
}

#[rstest]
fn publishing_replaces_the_current_generation(dir: TempDir) {
    let mut store = Store::open(&dir.path().join("a.db")).unwrap();
    let t0 = Utc.with_ymd_and_hms(2026, 11, 12, 8, 30, 0).unwrap();
    let t1 = Utc.with_ymd_and_hms(2026, 11, 13, 9, 0, 0).unwrap();
    publish(&mut store, t0, 10);
    publish(&mut store, t1, 12);
    let current = store.current_snapshot().unwrap().unwrap();
    assert_eq!((current.completed_at, current.device_count), (Some(t1), 12));
}

#[rstest]
fn a_database_from_a_newer_chariot_is_refused_with_a_clear_error(dir: TempDir) {
    let path = dir.path().join("a.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "INSERT INTO schema_migrations (version, name) VALUES ('29991231235959', '29991231235959_future.sql')",
        [],
    )
    .unwrap();
    drop(conn);
    let err = Store::open(&path)
        .err()
        .expect("newer schema must be refused");
    assert!(matches!(err, StoreError::NewerSchema { .. }), "{err}");
    assert!(err.to_string().contains("29991231235959"), "{err}");
}

#[cfg(unix)]
#[rstest]
fn the_database_file_is_private_to_its_owner(dir: TempDir) {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.path().join("a.db");
    drop(Store::open(&path).unwrap());
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[rstest]
fn only_one_generation_can_be_current(dir: TempDir) {
    let path = dir.path().join("a.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let insert = "INSERT INTO snapshot_generations (source, started_at, completed_at, is_current) VALUES ('jamf', 'x', 'y', 1)";
    conn.execute(insert, []).unwrap();
    assert!(conn.execute(insert, []).is_err());
}

#[test]
fn fts5_is_compiled_in() {
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.execute_batch("CREATE VIRTUAL TABLE t USING fts5(body)")
        .unwrap();
}

/// The migration that makes the lists' foreign keys deferred rebuilds four tables: a
/// database written before it keeps every list row, and its lists still go with their device.
#[rstest]
fn the_lists_keep_their_rows_through_the_deferred_keys_migration(dir: TempDir) {
    let path = dir.path().join("old.db");
    let mut store = Store::open(&path).unwrap();
    let g = store
        .begin_generation("demo", SyncKind::Full, Utc::now())
        .unwrap();
    let rows: Vec<DeviceRow> = (0..3)
        .map(|i| DeviceRow {
            jamf_id: i.to_string(),
            name: format!("iPad {i}"),
            role: "other".into(),
            role_reason: "unrecognised_name".into(),
            apps: vec![chariot_store::AppRow {
                name: Some(format!("App {i}")),
                ..Default::default()
            }],
            profiles: vec![Default::default()],
            groups: vec![Default::default(), Default::default()],
            shared_users: vec![Default::default()],
            ..Default::default()
        })
        .collect();
    store.stage_devices(g, &rows).unwrap();
    store.publish_full(g, None, Utc::now()).unwrap();
    drop(store);
    // Back to the schema before the migration: immediate keys, and the migration unapplied.
    let conn = rusqlite::Connection::open(&path).unwrap();
    for (table, columns) in [
        (
            "device_apps",
            "identifier TEXT, name TEXT, version TEXT, short_version TEXT, management_status TEXT",
        ),
        (
            "device_profiles",
            "display_name TEXT, identifier TEXT, uuid TEXT, version TEXT",
        ),
        (
            "device_groups",
            "group_id TEXT, group_name TEXT, smart INTEGER",
        ),
        (
            "device_shared_users",
            "managed_apple_id TEXT, logged_in INTEGER, data_to_sync INTEGER",
        ),
    ] {
        conn.execute_batch(&format!(
            "CREATE TABLE old_{table} (device_row INTEGER NOT NULL REFERENCES devices (row_id) ON DELETE CASCADE, {columns});
             INSERT INTO old_{table} SELECT * FROM {table};
             DROP TABLE {table};
             ALTER TABLE old_{table} RENAME TO {table};"
        ))
        .unwrap();
    }
    conn.execute(
        "DELETE FROM schema_migrations WHERE name = '20261123080000_list_keys_checked_at_commit.sql'",
        [],
    )
    .unwrap();
    drop(conn);

    let mut store = Store::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        Store::supported_schema_version()
    );
    let conn = rusqlite::Connection::open(&path).unwrap();
    let count = |table: &str| -> i64 {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    let lists = [
        "device_apps",
        "device_profiles",
        "device_groups",
        "device_shared_users",
    ];
    assert_eq!(lists.map(count), [3, 3, 6, 3]);
    let deferred: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name IN ('device_apps', 'device_profiles',
               'device_groups', 'device_shared_users') AND sql LIKE '%DEFERRABLE INITIALLY DEFERRED%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(deferred, 4);
    // The search by app name still finds the migrated rows' apps.
    let found = store
        .list_devices(&chariot_store::DeviceQuery {
            search: Some("App 1".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(found.len(), 1);
    // A device removed by the next sync takes its lists with it.
    publish(&mut store, Utc::now(), 0);
    store.end_of_sync(true);
    assert_eq!(lists.map(count), [0, 0, 0, 0]);
}
