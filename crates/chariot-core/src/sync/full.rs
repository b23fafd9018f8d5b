//! The full sync: every page streamed into a new generation, reconciled with the server's
//! device list, published in one transaction.

use std::collections::HashSet;
use std::future::Future;
use std::sync::Arc;
use std::time::Instant;

use chariot_jamf::JamfClient;
use chariot_jamf::inventory::{FetchError, InventoryQuery, newest_copies};
use chariot_jamf::models::InventoryRecord;
use chariot_store::{PendingGeneration, Store};
use chrono::Utc;

use super::by_id::{confirm_deleted, fetch_by_ids};
use super::engine::{Published, SyncRequest, check};
use super::error::SyncError;
use super::gate::gated;
use super::progress::{CancelFlag, SyncPhase, SyncProgress};
use super::watermark::{StagedPage, Watermark, took};

#[allow(clippy::too_many_arguments)]
pub(super) async fn full(
    client: &JamfClient,
    store: &mut Store,
    request: &SyncRequest,
    generation: PendingGeneration,
    gate: impl Future<Output = Result<(), SyncError>>,
    progress: &mut impl FnMut(SyncProgress),
    cancel: &CancelFlag,
    started: Instant,
) -> Result<Published, SyncError> {
    // The fleet's size as last seen lets the first pages be asked together. A first sync
    // does not know it: it asks as many pages as are kept in flight (those a small school
    // does not fill come back empty, once).
    let expected = match store.current_snapshot()? {
        Some(s) => u64::from(s.device_count),
        None => (client.max_in_flight() as u64) * u64::from(request.page_size),
    };
    let wall_start = Utc::now();
    let query = InventoryQuery {
        page_size: request.page_size,
        expected,
        ..InventoryQuery::default()
    };
    let known = Arc::new(store.lost_positions()?);
    let mut watermark = Watermark::default();
    let mut lost: Vec<InventoryRecord> = Vec::new();
    let mut incomplete = 0;
    // Records become rows on the worker thread that fetched them; this one only writes.
    let to_rows = {
        let known = known.clone();
        move |records: Vec<InventoryRecord>| StagedPage::new(records, &known)
    };
    let listed = gated(gate, async {
        // Offset paging over a fleet that changes can skip or repeat devices: the id list,
        // read once the server has served the last page, is the truth. It is asked as soon as
        // the last page has arrived, while the pages that came faster than SQLite stores them
        // are written (the pages told how many devices to expect: its pages are all asked at
        // once). Dropping the set aborts it.
        let mut list_read = tokio::task::JoinSet::new();
        let pages = client.fetch_inventory_pages_then(
            &query,
            to_rows,
            |page, p| {
                if cancel.is_cancelled() {
                    return Err(SyncError::Cancelled);
                }
                store.stage_devices(generation, &page.rows)?;
                watermark.merge(page.watermark);
                lost.extend(page.lost);
                incomplete += page.incomplete;
                progress(SyncProgress::measure(
                    SyncPhase::Fetching,
                    p.fetched,
                    p.total,
                    started,
                ));
                Ok(())
            },
            |total| {
                let client = client.clone();
                list_read.spawn(async move { client.device_list_of_about(total).await });
            },
        );
        let fetched = pages.await.map_err(|e| match e {
            FetchError::Jamf(e) => SyncError::Jamf(e),
            FetchError::Sink(e) => e,
        })?;

        // Fetch what paging missed, drop what was deleted meanwhile.
        progress(SyncProgress::measure(SyncPhase::Reconciling, 0, 0, started));
        check(cancel)?;
        let list = match list_read.join_next().await {
            Some(read) => read.unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic())),
            None => client.device_list_of_about(fetched.total).await,
        };
        let mut listed: HashSet<String> = list?.into_iter().map(|d| d.id).collect();
        let staged = store.staged_ids(generation)?;
        let missing: Vec<String> = listed.difference(&staged).cloned().collect();
        let unlisted: Vec<String> = staged.difference(&listed).cloned().collect();
        let (deleted, still_there) = confirm_deleted(client, unlisted, cancel).await?;
        listed.extend(still_there.iter().map(|r| r.mobile_device_id.clone()));
        let mut extra = fetch_by_ids(client, &missing, cancel).await?;
        extra.extend(still_there);
        let page = StagedPage::new(extra, &known);
        store.stage_devices(generation, &page.rows)?;
        watermark.merge(page.watermark);
        store.unstage(generation, &deleted)?;
        lost.extend(page.lost);
        incomplete += page.incomplete;
        Ok(listed)
    })
    .await?;
    // A device on two pages (the fleet moved while paging) is listed once, newest copy.
    let mut lost = newest_copies(lost);
    lost.retain(|r| listed.contains(&r.mobile_device_id));

    check(cancel)?;
    progress(SyncProgress::measure(SyncPhase::Saving, 0, 0, started));
    let watermark = watermark.held_back(took(started, wall_start));
    let summary = store.publish_full(generation, watermark.0.as_deref(), Utc::now())?;
    Ok(Published {
        summary,
        lost,
        known: Arc::unwrap_or_clone(known),
        // (Counted per page: a device seen on two pages, or deleted meanwhile, may count
        // twice or for nothing; it is a count of reads Jamf Pro could not complete.)
        incomplete,
    })
}
