//! A store on a real temp file, the devices and syncs the store's tests publish, and what a
//! reader sees.

use std::path::PathBuf;

use chariot_store::{
    AppRow, DeviceQuery, DeviceRole, DeviceRow, GroupRow, PendingGeneration, PublishSummary, Store,
    SyncKind,
};
use chrono::{DateTime, TimeZone, Utc};
use rstest::fixture;
use tempfile::TempDir;

/// A store on a real file (WAL, migrations and permissions as in the app), in a folder
/// removed when this is dropped.
pub struct Db {
    pub dir: TempDir,
    pub path: PathBuf,
    pub store: Store,
}

impl Db {
    /// The folder (keep it: dropping it deletes the file), the file and the store, for
    /// tests that hold the store by value.
    pub fn into_parts(self) -> (TempDir, PathBuf, Store) {
        (self.dir, self.path, self.store)
    }
}

/// A fresh store file.
#[fixture]
pub fn db() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chariot.db");
    let store = Store::open(&path).unwrap();
    Db { dir, path, store }
}

/// `h` o'clock on the day the store's tests sync.
pub fn at(h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, h, 0, 0).unwrap()
}

/// A student iPad of cart 1 with one app and one group; `id` sets its serial, battery and
/// inventory date.
pub fn device(id: u32, name: &str) -> DeviceRow {
    DeviceRow {
        jamf_id: id.to_string(),
        name: name.into(),
        role: DeviceRole::Student,
        role_reason: "student_pattern".into(),
        serial_number: Some(format!("DMPXK{id:05}")),
        battery_level: Some(50 + id as i64),
        last_inventory_update: Some(format!("2026-11-{:02}T08:00:00Z", 1 + id % 20)),
        apps: vec![AppRow {
            name: Some("Pronote".into()),
            ..Default::default()
        }],
        groups: vec![GroupRow {
            group_name: Some("0311234A - Chariot 1".into()),
            ..Default::default()
        }],
        cart: Some("Chariot 1".into()),
        ..Default::default()
    }
}

/// A full sync begun at `h` o'clock with these devices staged in one page, not published.
pub fn staged(store: &mut Store, devices: &[DeviceRow], h: u32) -> PendingGeneration {
    let g = store
        .begin_generation("jamf", SyncKind::Full, at(h))
        .unwrap();
    store.stage_devices(g, devices).unwrap();
    g
}

/// A full sync at `h` o'clock of these devices, staged in pages of 3.
pub fn full(store: &mut Store, devices: &[DeviceRow], h: u32) -> PublishSummary {
    let g = store
        .begin_generation("jamf", SyncKind::Full, at(h))
        .unwrap();
    for page in devices.chunks(3) {
        store.stage_devices(g, page).unwrap();
    }
    store
        .publish_full(g, Some("2026-11-20T08:00:00Z"), at(h))
        .unwrap()
}

/// An incremental sync at `h` o'clock: these devices changed, those were removed.
pub fn incremental(
    store: &mut Store,
    changed: &[DeviceRow],
    removed: &[String],
    h: u32,
) -> PublishSummary {
    let g = store
        .begin_generation("jamf", SyncKind::Incremental, at(h))
        .unwrap();
    store
        .publish_incremental(g, changed, removed, None, at(h))
        .unwrap()
}

/// The snapshot most tests start from: iPad 1 to 4, synced at 8:00.
pub fn four_ipads_at_8(store: &mut Store) {
    full(
        store,
        &(1..=4)
            .map(|i| device(i, &format!("iPad {i}")))
            .collect::<Vec<_>>(),
        8,
    );
}

/// A full sync of the demo server at `at`: `count` devices `iPad 0`… whose names no rule
/// recognises.
pub fn publish_ipads(store: &mut Store, at: DateTime<Utc>, count: usize) {
    let g = store.begin_generation("demo", SyncKind::Full, at).unwrap();
    let rows: Vec<DeviceRow> = (0..count)
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

/// The names of the devices `q` lists, in its order.
pub fn names(store: &Store, q: &DeviceQuery) -> Vec<String> {
    store
        .list_devices(q)
        .unwrap()
        .into_iter()
        .map(|d| d.name)
        .collect()
}

/// The names a search box query finds, in the default order.
pub fn search(store: &Store, term: &str) -> Vec<String> {
    names(
        store,
        &DeviceQuery {
            search: Some(term.into()),
            ..Default::default()
        },
    )
}

/// Everything a reader can see of the current snapshot, for byte-for-byte comparisons.
pub fn visible(store: &Store) -> String {
    format!("{:?}", store.list_devices(&DeviceQuery::default()).unwrap())
}
