//! A device staged twice in one full sync (the fleet moved while the client paged, and the
//! pages arrived out of order): the copy that reported the newest inventory is the one
//! published, whichever came last, in one batch or across batches.

use chariot_store::{DeviceRow, SyncKind};
use rstest::rstest;

use chariot_testkit::store::*;

/// iPad 7 as Jamf reported it at `date`, its battery telling the copies apart.
fn ipad_7(date: Option<&str>, battery: i64) -> DeviceRow {
    DeviceRow {
        last_inventory_update: date.map(Into::into),
        battery_level: Some(battery),
        ..device(7, "iPad 7")
    }
}

const NEWER: &str = "2026-11-22T09:15:00.25Z";
/// Earlier than `NEWER`, though larger as text ('Z' after '.').
const OLDER: &str = "2026-11-22T09:15:00Z";

/// Stages `batches` in a new full generation, publishes it, and reads iPad 7 back.
fn publish_batches(db: &mut Db, batches: &[Vec<DeviceRow>]) -> DeviceRow {
    let g = db
        .store
        .begin_generation("jamf", SyncKind::Full, at(9))
        .unwrap();
    for batch in batches {
        db.store.stage_devices(g, batch).unwrap();
    }
    let summary = db.store.publish_full(g, None, at(9)).unwrap();
    assert_eq!(summary.device_count, 2, "each device once");
    db.store.device("7").unwrap().unwrap()
}

/// Copies of iPad 7 as (batch, last inventory, battery), in the order they are staged.
type Copies<'a> = &'a [(usize, Option<&'a str>, i64)];

#[rstest]
#[case::newer_first_in_one_batch(&[(0, Some(NEWER), 80), (0, Some(OLDER), 20)])]
#[case::newer_first_across_batches(&[(0, Some(NEWER), 80), (1, Some(OLDER), 20)])]
#[case::newer_last_in_one_batch(&[(0, Some(OLDER), 20), (0, Some(NEWER), 80)])]
#[case::newer_last_across_batches(&[(0, Some(OLDER), 20), (1, Some(NEWER), 80)])]
#[case::undated_after_in_one_batch(&[(0, Some(OLDER), 80), (0, None, 20)])]
#[case::undated_after_across_batches(&[(0, Some(OLDER), 80), (1, None, 20)])]
#[case::tie_in_one_batch(&[(0, Some(NEWER), 20), (0, Some(NEWER), 80)])]
#[case::tie_across_batches(&[(0, Some(NEWER), 20), (1, Some(NEWER), 80)])]
fn the_newest_copy_of_a_device_staged_twice_is_published(mut db: Db, #[case] copies: Copies) {
    // iPad 1 first in the first batch; each copy of iPad 7 in its batch, in order.
    let mut batches = vec![vec![device(1, "iPad 1")], vec![]];
    for (batch, date, battery) in copies {
        batches[*batch].push(ipad_7(*date, *battery));
    }
    let published = publish_batches(&mut db, &batches);
    // The copy expected is always the one with battery 80.
    assert_eq!(published.battery_level, Some(80));
    // The row that stays is whole: its lists and its search entry.
    assert_eq!(published.apps.len(), 1);
    assert_eq!(published.groups.len(), 1);
    assert_eq!(search(&db.store, "iPad 7"), ["iPad 7"]);
    let listed = db.store.devices_by_ids(&["7".into()]).unwrap();
    assert_eq!(listed[0].battery_level, Some(80));
}
