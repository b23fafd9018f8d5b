//! Where the next incremental sync starts, against chariot-sim over real HTTP: a device read
//! early in a sync that reports again while later pages are read must not fall behind the
//! watermark, whatever the sync's length (it can outlast the 10-minute overlap on a slow
//! server).

use std::time::Duration;

use chariot_core::sync::{CancelFlag, SyncMode, SyncPhase, SyncRequest, sync};
use chariot_jamf::JamfClient;
use chariot_jamf::inventory::{InventoryQuery, OnTimeoutPolicy, Section};
use chariot_testkit::sim::sim_of;
use chariot_testkit::store::db;
use chariot_testkit::sync::*;
use chrono::{DateTime, Utc};
use rstest::rstest;

/// The devices `filter` matches, in the order the sync pages them, with their inventory date.
async fn paging_order(c: &JamfClient, filter: Option<String>) -> Vec<(u32, DateTime<Utc>)> {
    let query = InventoryQuery {
        sections: vec![Section::General],
        filter,
        ..InventoryQuery::default()
    };
    c.inventory_page(&query, 0, 2000, OnTimeoutPolicy::Retry)
        .await
        .unwrap()
        .results
        .into_iter()
        .map(|r| {
            let date = r.general.unwrap().last_inventory_update_date.unwrap();
            (r.mobile_device_id.parse().unwrap(), instant(&date))
        })
        .collect()
}

fn instant(date: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(date).unwrap().to_utc()
}

#[rstest]
#[case::full(SyncMode::Full)]
#[case::incremental(SyncMode::Auto)]
#[tokio::test(flavor = "multi_thread")]
async fn a_device_that_reports_during_the_sync_is_not_behind_the_watermark(#[case] mode: SyncMode) {
    let sim = sim_of(400).await;
    // One request at a time, so the pages are read in order and a device on a late page is
    // read well after the first page was stored.
    let c = client_in_flight(&sim, 1);
    let (_d, _, mut store) = db().into_parts();
    let request = SyncRequest {
        mode,
        page_size: 16,
        ..SyncRequest::default()
    };
    let mut filter = None;
    if mode == SyncMode::Auto {
        sync(&c, &mut store, &full(), |_| {}, &CancelFlag::default())
            .await
            .unwrap();
        // A day at school: most devices send a new inventory, the delta spans many pages.
        sim.clock().advance(Duration::from_secs(24 * 3600));
        let since = instant(&store.current_watermark().unwrap().unwrap());
        let from = since - chrono::Duration::minutes(10);
        filter = Some(format!(
            "lastInventoryUpdateDate=ge={}",
            from.format("%Y-%m-%dT%H:%M:%SZ")
        ));
    }
    let order = paging_order(&c, filter).await;
    assert!(
        order.len() > 16 * 6,
        "the read spans pages: {}",
        order.len()
    );
    // A is on the first page, B on the last: A reports once its page is stored, B a moment
    // later, before its own page is read.
    let (a, b) = (order[0].0, order[order.len() - 1].0);
    let sim_ref = &sim;
    let mut touched = false;
    sync(
        &c,
        &mut store,
        &request,
        |p| {
            if !touched && p.phase == SyncPhase::Fetching && p.done >= 16 {
                touched = true;
                assert_eq!(sim_ref.touch_devices(&[a]), [a]);
                std::thread::sleep(Duration::from_millis(20));
                assert_eq!(sim_ref.touch_devices(&[b]), [b]);
            }
        },
        &CancelFlag::default(),
    )
    .await
    .unwrap();
    assert!(touched);

    let now = paging_order(&c, None).await;
    let date_of = |id: u32| now.iter().find(|(d, _)| *d == id).unwrap().1;
    let stored_date = |store: &chariot_store::Store, id: u32| {
        instant(
            &store
                .device(&id.to_string())
                .unwrap()
                .unwrap()
                .last_inventory_update
                .unwrap(),
        )
    };
    // The scenario happened: B's new report was read, A's was not (its page came first).
    assert_eq!(stored_date(&store, b), date_of(b));
    assert!(stored_date(&store, a) < date_of(a));
    // The newest date read is B's; the watermark must still not pass A's report.
    let watermark = instant(&store.current_watermark().unwrap().unwrap());
    assert!(
        watermark <= date_of(a),
        "watermark {watermark} is past A's report at {}: the next sync would skip it",
        date_of(a)
    );

    // And the next incremental sync brings A's report.
    let auto = SyncRequest {
        mode: SyncMode::Auto,
        ..request
    };
    sync(&c, &mut store, &auto, |_| {}, &CancelFlag::default())
        .await
        .unwrap();
    assert_eq!(stored_date(&store, a), date_of(a));
}
