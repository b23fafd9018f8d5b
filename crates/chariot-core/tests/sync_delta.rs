//! The incremental sync's delta against chariot-sim over real HTTP, when the fleet moves while
//! it is paged: a device deleted meanwhile must not hide another one's new inventory.

use std::collections::BTreeSet;
use std::time::Duration;

use chariot_sim::PagedRead;
use chariot_store::SyncKind;
use chariot_testkit::sim::sim_of;
use chariot_testkit::store::db;
use chariot_testkit::sync::*;

/// Offset paging: the device with the lowest id the delta matches is deleted once the delta's
/// first page is served, so every later page starts one device further and the device at
/// each boundary is on no page. Its new inventory must still reach the snapshot: the result
/// is exactly what a fresh full sync gives (but for the deleted device, which the snapshot
/// may keep until the next sync if the read of every device's groups still named it).
#[tokio::test(flavor = "multi_thread")]
async fn a_deletion_while_the_delta_is_paged_hides_no_report() {
    let sim = sim_of(400).await;
    let c = client(&sim);
    let (_d1, _, mut store) = db().into_parts();
    sync_full(&c, &mut store).await;
    // A day at school: most devices send a new inventory; the delta spans many pages.
    sim.clock().advance(Duration::from_secs(24 * 3600));
    let before = server_ids(&c).await;
    sim.faults()
        .update(|f| f.delete_while_paging = Some(PagedRead::Delta));
    let report = sync_auto(&c, &mut store).await;
    assert_eq!(report.kind, SyncKind::Incremental);
    assert!(report.summary.changed > 16 * 3, "{report:?}");
    let after = server_ids(&c).await;
    let deleted: BTreeSet<&String> = before.difference(&after).collect();
    assert_eq!(deleted.len(), 1, "a device was deleted during the sync");

    let (_d2, _, mut fresh) = db().into_parts();
    sync_full(&c, &mut fresh).await;
    let synced: Vec<_> = snapshot(&store)
        .into_iter()
        .filter(|(id, ..)| !deleted.contains(id))
        .collect();
    let stale: Vec<_> = snapshot(&fresh)
        .into_iter()
        .filter(|d| !synced.contains(d))
        .collect();
    assert!(
        stale.is_empty(),
        "on the server, not (or not as it is now) in the snapshot: {stale:?}"
    );
    assert_eq!(synced.len(), after.len());
}
