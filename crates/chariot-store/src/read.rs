//! Reads of the current snapshot in one read transaction. A reader learns the current
//! generation, then reads its rows, in several statements; meanwhile a sync on another
//! connection may publish the next generation and, at its end, delete the rows no snapshot
//! shows any more: the very rows the reader was about to read. Inside one transaction, WAL
//! keeps showing the reader the database as it was at its first read.

use crate::Store;
use crate::error::StoreError;

impl Store {
    /// Runs `read` with the id of the current generation, the id and every row `read` reads
    /// coming from the same state of the database. `None` when nothing was ever synced.
    ///
    /// Opens a deferred (read) transaction only when none is open, so readers can call one
    /// another; it costs a BEGIN and a COMMIT per read.
    pub(crate) fn read_current<T>(
        &self,
        read: impl FnOnce(i64) -> Result<T, StoreError>,
    ) -> Result<Option<T>, StoreError> {
        if !self.conn.is_autocommit() {
            return self.current_generation_id()?.map(read).transpose();
        }
        // Deferred: the snapshot is taken at the first read, that of the generation's id. (An
        // error or a panic in `read` drops the transaction, which rolls the read back.)
        let tx = self.conn.unchecked_transaction()?;
        let result = self.current_generation_id()?.map(read).transpose()?;
        tx.commit()?;
        Ok(result)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    use chrono::{TimeZone, Utc};
    use rstest::rstest;

    use crate::{
        AppRow, DeviceQuery, DeviceRole, DeviceRow, GroupRow, StatsThresholds, Store, SyncKind,
    };

    fn ipad(id: u32, name: &str, lost: bool) -> DeviceRow {
        DeviceRow {
            jamf_id: id.to_string(),
            name: name.into(),
            role: DeviceRole::Student,
            role_reason: "student_pattern".into(),
            serial_number: Some(format!("DMPXK{id:05}")),
            os_version: Some(format!("17.{id}")),
            battery_level: Some(10 * i64::from(id)),
            last_inventory_update: Some(format!("2026-11-{:02}T08:00:00Z", id % 28 + 1)),
            lost_mode_enabled: Some(lost),
            apps: vec![AppRow {
                name: Some(format!("App of {name}")),
                ..Default::default()
            }],
            groups: vec![GroupRow {
                group_id: Some(format!("{}", 100 + id)),
                group_name: Some(format!("Chariot {id}")),
                smart: Some(true),
            }],
            ..Default::default()
        }
    }

    fn publish_full(store: &mut Store, devices: &[DeviceRow], h: u32) {
        let at = Utc.with_ymd_and_hms(2026, 11, 22, h, 0, 0).unwrap();
        let g = store.begin_generation("jamf", SyncKind::Full, at).unwrap();
        store.stage_devices(g, devices).unwrap();
        store.publish_full(g, None, at).unwrap();
    }

    fn sorted<K: Ord, V>(map: std::collections::HashMap<K, V>) -> BTreeMap<K, V> {
        map.into_iter().collect()
    }

    /// A screen's read on one connection while a sync on another publishes a snapshot that
    /// replaces every device and deletes the old rows, between the reader's reading of the
    /// current generation and its reading of the rows: the reader still sees the whole snapshot
    /// it started on (it used to see none of it, or part).
    #[rstest]
    #[case::list_devices(|s: &Store| format!("{:?}", s.list_devices(&DeviceQuery::default()).unwrap()))]
    #[case::list_devices_searched(|s: &Store| format!("{:?}", s.list_devices(&DeviceQuery {
        search: Some("ipad".into()),
        ..Default::default()
    }).unwrap()))]
    #[case::list_device_ids(|s: &Store| format!("{:?}", s.list_device_ids(&DeviceQuery::default()).unwrap()))]
    #[case::list_device_ids_searched(|s: &Store| format!("{:?}", s.list_device_ids(&DeviceQuery {
        search: Some("ipad".into()),
        ..Default::default()
    }).unwrap()))]
    #[case::list_device_ids_short_search(|s: &Store| format!("{:?}", s.list_device_ids(&DeviceQuery {
        search: Some("pa".into()),
        ..Default::default()
    }).unwrap()))]
    #[case::devices_by_ids(|s: &Store| {
        let ids = ["4", "1", "3", "2"].map(String::from);
        format!("{:?}", s.devices_by_ids(&ids).unwrap())
    })]
    #[case::device(|s: &Store| format!("{:?}", s.device("3").unwrap()))]
    #[case::lost_mode_devices(|s: &Store| format!("{:?}", s.lost_mode_devices().unwrap()))]
    #[case::lost_mode_ids(|s: &Store| format!("{:?}", s.lost_mode_ids().unwrap()))]
    #[case::device_group_fingerprints(|s: &Store| format!("{:?}", sorted(s.device_group_fingerprints().unwrap())))]
    #[case::device_inventory_dates(|s: &Store| format!("{:?}", sorted(s.device_inventory_dates().unwrap())))]
    #[case::fleet_stats(|s: &Store| format!("{:?}", s.fleet_stats(&StatsThresholds {
        stale_before: "2026-11-04T00:00:00Z".parse().unwrap(),
        low_battery_percent: 20,
        low_space_mb: 1000,
        oldest: 3,
    }).unwrap()))]
    fn a_reader_sees_the_whole_snapshot_it_started_on_while_a_sync_cleans_up(
        #[case] read: fn(&Store) -> String,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("school.db");
        let mut screen = Store::open(&path).unwrap();
        let before: Vec<DeviceRow> = (1..=4)
            .map(|i| ipad(i, &format!("iPad {i}"), i <= 2))
            .collect();
        publish_full(&mut screen, &before, 8);
        let seen_before = read(&screen);

        // The next sync: iPads 1 and 2 changed, 3 and 4 gone, 11 and 12 new.
        let after: Vec<DeviceRow> = [1, 2, 11, 12]
            .map(|i| ipad(i, &format!("iPad {i} renamed"), i == 11))
            .to_vec();
        let mut sync = Store::attach(&path).unwrap();
        let synced = Arc::new(AtomicBool::new(false));
        let done = Arc::clone(&synced);
        screen.after_generation_read.set(Some(Box::new(move || {
            publish_full(&mut sync, &after, 9);
            sync.end_of_sync(true);
            done.store(true, Ordering::SeqCst);
        })));
        // Nor may the list a search kept from the first read hide the race.
        screen.ordered.replace(None);
        assert_eq!(read(&screen), seen_before);
        assert!(synced.load(Ordering::SeqCst), "the sync ran mid-read");

        // The next read sees the new snapshot.
        assert_ne!(read(&screen), seen_before);
    }

    /// A reader called inside another read (or a write) uses the transaction already open
    /// rather than failing to open a second one.
    #[test]
    fn readers_nest() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("school.db")).unwrap();
        assert_eq!(store.read_current(Ok).unwrap(), None);
        publish_full(&mut store, &[ipad(1, "iPad 1", true)], 8);
        let nested = store
            .read_current(|_| Ok((store.lost_mode_ids()?, store.device("1")?)))
            .unwrap()
            .unwrap();
        assert_eq!(nested.0, ["1"]);
        assert_eq!(nested.1.unwrap().name, "iPad 1");
        assert!(store.conn.is_autocommit(), "the read is over");
    }
}
