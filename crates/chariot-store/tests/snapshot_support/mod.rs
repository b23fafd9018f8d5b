//! What the snapshot tests share: a store on a real temp file, devices, full and incremental
//! publications, what a reader sees.

#![allow(dead_code)]

use chariot_store::{AppRow, DeviceQuery, DeviceRole, DeviceRow, GroupRow, Store, SyncKind};
use chrono::{DateTime, TimeZone, Utc};
use rstest::fixture;
use tempfile::TempDir;

pub struct Db {
    pub _dir: TempDir,
    pub path: std::path::PathBuf,
    pub store: Store,
}

#[fixture]
pub fn db() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("snap.db");
    let store = Store::open(&path).unwrap();
    Db {
        _dir: dir,
        path,
        store,
    }
}

pub fn at(h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, h, 0, 0).unwrap()
}

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

pub fn full(store: &mut Store, devices: &[DeviceRow], h: u32) -> chariot_store::PublishSummary {
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
) -> chariot_store::PublishSummary {
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
