//! The local database on a real temp file: migrations, refusal of a newer schema, permissions,
//! and snapshot generations.

use chariot_store::{Store, StoreError};
use chariot_testkit::home::home;
use chariot_testkit::store::publish_ipads;
use chrono::{TimeZone, Utc};
use rstest::rstest;
use tempfile::TempDir;

#[rstest]
fn a_new_file_is_migrated_to_the_latest_schema(#[from(home)] dir: TempDir) {
    let store = Store::open(&dir.path().join("profiles/demo.db")).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        Store::supported_schema_version()
    );
    assert_eq!(store.current_snapshot().unwrap(), None);
}

#[rstest]
fn reopening_is_idempotent_and_keeps_data(#[from(home)] dir: TempDir) {
    let path = dir.path().join("a.db");
    let mut store = Store::open(&path).unwrap();
    let t0 = Utc.with_ymd_and_hms(2026, 11, 12, 8, 30, 0).unwrap();
    publish_ipads(&mut store, t0, 38);
    drop(store);
    let store = Store::open(&path).unwrap();
    let current = store.current_snapshot().unwrap().unwrap();
    assert_eq!(current.completed_at, Some(t0));
    assert_eq!(current.device_count, 38);
}

#[rstest]
fn publishing_replaces_the_current_generation(#[from(home)] dir: TempDir) {
    let mut store = Store::open(&dir.path().join("a.db")).unwrap();
    let t0 = Utc.with_ymd_and_hms(2026, 11, 12, 8, 30, 0).unwrap();
    let t1 = Utc.with_ymd_and_hms(2026, 11, 13, 9, 0, 0).unwrap();
    publish_ipads(&mut store, t0, 10);
    publish_ipads(&mut store, t1, 12);
    let current = store.current_snapshot().unwrap().unwrap();
    assert_eq!((current.completed_at, current.device_count), (Some(t1), 12));
}

#[rstest]
fn a_database_from_a_newer_chariot_is_refused_with_a_clear_error(#[from(home)] dir: TempDir) {
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
fn the_database_file_is_private_to_its_owner(#[from(home)] dir: TempDir) {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.path().join("a.db");
    drop(Store::open(&path).unwrap());
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[rstest]
fn only_one_generation_can_be_current(#[from(home)] dir: TempDir) {
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

/// A database as a Chariot of before `version` left it: every migration older than it
/// applied from the SQL files, recorded as `Store::open` records them.
fn database_before(path: &std::path::Path, version: &str) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "CREATE TABLE schema_migrations (
             version    TEXT PRIMARY KEY,
             name       TEXT NOT NULL,
             applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
         )",
    )
    .unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".sql") && n.as_str() < version)
        .collect();
    names.sort();
    for name in names {
        conn.execute_batch(&std::fs::read_to_string(dir.join(&name)).unwrap())
            .unwrap();
        conn.execute(
            "INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)",
            [&name[..14], &name],
        )
        .unwrap();
    }
    conn
}

/// A snapshot written before the lists' keys were deferred and apps and profiles shared
/// (three migrations that rebuild or replace tables): every list row is kept, each device
/// keeps its own apps and profiles, the search by app name still finds them, and the lists
/// still go with their device.
#[rstest]
fn a_snapshot_from_before_shared_lists_and_deferred_keys_keeps_every_row(
    #[from(home)] dir: TempDir,
) {
    let path = dir.path().join("old.db");
    let old = database_before(&path, "20261123080000");
    old.execute_batch(
        "INSERT INTO snapshot_generations (id, source, started_at, completed_at, is_current, device_count)
             VALUES (1, 'demo', '2026-11-22T08:00:00Z', '2026-11-22T08:01:00Z', 1, 3);
         INSERT INTO devices (row_id, valid_from, jamf_id, content_hash, name, role, role_reason)
             VALUES (10, 1, '1', 1, 'iPad 1', 'other', 'unrecognised_name'),
                    (11, 1, '2', 2, 'iPad 2', 'other', 'unrecognised_name'),
                    (12, 1, '3', 3, 'iPad 3', 'other', 'unrecognised_name');
         INSERT INTO device_search (rowid, name) VALUES (10, 'iPad 1'), (11, 'iPad 2'), (12, 'iPad 3');
         INSERT INTO device_apps (device_row, name, version) VALUES
             (10, 'Pronote', '3.1'), (10, 'Keynote', '14.0'), (11, 'Pronote', '3.2');
         INSERT INTO app_names (name) VALUES ('Pronote'), ('Keynote');
         INSERT INTO device_profiles (device_row, display_name) VALUES (10, 'Wi-Fi'), (11, 'Wi-Fi');
         INSERT INTO device_groups (device_row, group_name) VALUES (10, 'Chariot 1'), (12, 'Chariot 2');
         INSERT INTO device_shared_users (device_row, managed_apple_id) VALUES (12, 'eleve@ac.fr');",
    )
    .unwrap();
    drop(old);

    let mut store = Store::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        Store::supported_schema_version()
    );
    let apps = |store: &Store, id: &str| -> Vec<(String, String)> {
        let device = store.device(id).unwrap().unwrap();
        device
            .apps
            .into_iter()
            .map(|a| (a.name.unwrap(), a.version.unwrap()))
            .collect()
    };
    let app = |name: &str, version: &str| (name.to_owned(), version.to_owned());
    assert_eq!(
        apps(&store, "1"),
        [app("Keynote", "14.0"), app("Pronote", "3.1")]
    );
    assert_eq!(apps(&store, "2"), [app("Pronote", "3.2")]);
    assert!(apps(&store, "3").is_empty());
    let device = store.device("3").unwrap().unwrap();
    assert_eq!(device.groups.len(), 1);
    assert_eq!(device.shared_users.len(), 1);
    let profiles = |id: &str| store.device(id).unwrap().unwrap().profiles;
    assert_eq!(profiles("1")[0].display_name.as_deref(), Some("Wi-Fi"));
    assert_eq!(profiles("2").len(), 1);
    assert!(profiles("3").is_empty());
    let found = store
        .list_devices(&chariot_store::DeviceQuery {
            search: Some("keynote".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        found.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(),
        ["iPad 1"]
    );

    let conn = rusqlite::Connection::open(&path).unwrap();
    let count = |table: &str| -> i64 {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    let deferred: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name IN ('app_set_items', 'profile_set_items',
               'device_groups', 'device_shared_users') AND sql LIKE '%DEFERRABLE INITIALLY DEFERRED%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(deferred, 4);
    // The next snapshot has no device: after its sync, nothing of the old one is left.
    publish_ipads(&mut store, Utc::now(), 0);
    store.end_of_sync(true);
    let tables = [
        "devices",
        "app_sets",
        "app_set_items",
        "profile_sets",
        "profile_set_items",
        "device_groups",
        "device_shared_users",
    ];
    assert_eq!(tables.map(count), [0; 7]);
}
