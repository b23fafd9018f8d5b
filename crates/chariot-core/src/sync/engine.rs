//! The sync itself. Full: stream every page into a new generation, reconcile with the server's
//! device list, publish in one transaction. Incremental: fetch what changed since the
//! watermark (with an overlap), what the delta cannot see (deleted devices, devices missed by
//! the delta, lost-mode changes), and apply it in one transaction. Any failure or a
//! cancellation before publication leaves the previous snapshot exactly as it was. Then, on
//! the published snapshot, the positions of lost devices that reported since the last sync
//! (Classic API, one request each) are read and applied.

use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use chariot_jamf::JamfClient;
use chariot_jamf::inventory::{FetchError, InventoryQuery, Section, newest_copies};
use chariot_jamf::models::InventoryRecord;
use chariot_store::{
    DeviceRow, LostPosition, PendingGeneration, PublishSummary, RunProblems, Store, SyncKind,
    group_set_fingerprint,
};
use chrono::{DateTime, Utc};

use super::by_id::{confirm_deleted, fetch_by_ids};
use super::delta;
use super::error::SyncError;
use super::gate::{check_version, gated};
use super::mapping::is_incomplete;
use super::positions;
use super::progress::{CancelFlag, SyncPhase, SyncProgress};
use super::watermark::{StagedPage, Watermark};

/// Devices updated this long before the watermark are fetched again: inventory reports are
/// written server-side with some delay, and a device must never fall between two syncs.
const WATERMARK_OVERLAP: chrono::Duration = chrono::Duration::minutes(10);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncMode {
    /// Incremental when a previous snapshot exists, full otherwise.
    Auto,
    Full,
}

#[derive(Debug, Clone)]
pub struct SyncRequest {
    pub mode: SyncMode,
    /// `"jamf"` or `"demo"` (the built-in simulator), recorded with the snapshot.
    pub source: &'static str,
    pub page_size: u32,
}

impl Default for SyncRequest {
    fn default() -> Self {
        Self {
            mode: SyncMode::Auto,
            source: "jamf",
            page_size: 500,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SyncReport {
    pub kind: SyncKind,
    pub summary: PublishSummary,
    /// What the sync survived (devices partly read, positions not read).
    pub problems: RunProblems,
    pub duration: Duration,
}

pub async fn sync(
    client: &JamfClient,
    store: &mut Store,
    request: &SyncRequest,
    progress: impl FnMut(SyncProgress),
    cancel: &CancelFlag,
) -> Result<SyncReport, SyncError> {
    let result = run(client, store, request, progress, cancel).await;
    store.end_of_sync(matches!(&result, Ok(r) if r.kind == SyncKind::Full));
    result
}

async fn run(
    client: &JamfClient,
    store: &mut Store,
    request: &SyncRequest,
    mut progress: impl FnMut(SyncProgress),
    cancel: &CancelFlag,
) -> Result<SyncReport, SyncError> {
    let started = Instant::now();
    let watermark = store.current_watermark()?;
    let kind = match (request.mode, &watermark) {
        (SyncMode::Auto, Some(_)) => SyncKind::Incremental,
        _ => SyncKind::Full,
    };
    let started_at = Utc::now();
    let run = store.start_sync_run(kind, started_at)?;
    let generation = match store.begin_generation(request.source, kind, started_at) {
        Ok(g) => g,
        Err(e) => {
            // The run is closed as failed now, not left "running" until the next start.
            let err = SyncError::from(e);
            let _ = store.finish_sync_run(run, Utc::now(), Err(("failed", &err.to_string())));
            return Err(err);
        }
    };
    progress(SyncProgress::measure(SyncPhase::SigningIn, 0, 0, started));
    // Signs in, then reads the version beside the first pages (see `gate`): a wrong address
    // or password fails at once, a server too old fails before anything is published.
    // Shared with the gate while both run: `Sync`, the sync's future must stay `Send`.
    let seen = OnceLock::new();
    let gate = check_version(client, &seen);
    let result = match kind {
        SyncKind::Full => {
            full(
                client,
                store,
                request,
                generation,
                gate,
                &mut progress,
                cancel,
                started,
            )
            .await
        }
        SyncKind::Incremental => {
            let since = watermark.as_deref().unwrap_or_default();
            incremental(
                client,
                store,
                request,
                generation,
                since,
                gate,
                &mut progress,
                cancel,
                started,
            )
            .await
        }
    };
    // Kept for the screens (which actions the server can do is decided offline from it),
    // whatever became of the sync.
    if let Some(version) = seen.get()
        && let Err(e) =
            store.set_server_fact(VERSION_FACT, &version.to_string(), &started_at.to_rfc3339())
    {
        tracing::warn!(error = %e, "could not keep the server's version");
    }
    match result {
        Ok(Published {
            summary,
            lost,
            known,
            incomplete,
        }) => {
            // The snapshot is published (the inventory is usable); positions are extra. A
            // failure to read or store them must not undo the sync: it is counted, the next
            // sync reads them again (they still differ from the stored ones).
            // The pace (and so the time left) of this phase is its own, not the sync's.
            let phase_started = Instant::now();
            let positions_unread = positions::read_after_publish(
                client,
                store,
                &lost,
                known,
                cancel,
                |done, total| {
                    progress(SyncProgress::measure(
                        SyncPhase::Positions,
                        done,
                        total,
                        phase_started,
                    ))
                },
            )
            .await;
            let problems = RunProblems {
                incomplete,
                positions_unread,
            };
            // The snapshot is published: failing to record the run's figures must not turn
            // the sync into a failure that says "the previous snapshot is unchanged".
            if let Err(e) = store.finish_sync_run(run, Utc::now(), Ok((&summary, problems))) {
                tracing::error!(error = %e, "could not record the sync's summary");
            }
            Ok(SyncReport {
                kind,
                summary,
                problems,
                duration: started.elapsed(),
            })
        }
        Err(err) => abandon(store, run, generation, err),
    }
}

/// A published snapshot, with what is still to read after it: the lost devices' positions.
struct Published {
    summary: PublishSummary,
    lost: Vec<InventoryRecord>,
    known: HashMap<String, LostPosition>,
    /// Devices published that Jamf Pro could only partly read.
    incomplete: u32,
}

/// The key under which the server's version is kept in the store.
pub const VERSION_FACT: &str = "jamf_pro_version";

/// Drops the unfinished generation and records the failed run; returns the original error.
fn abandon<T>(
    store: &mut Store,
    run: i64,
    generation: PendingGeneration,
    err: SyncError,
) -> Result<T, SyncError> {
    // Keep the first error: a second failure while cleaning up must not hide it.
    if let Err(e) = store.abandon(generation) {
        tracing::error!(error = %e, "could not drop the unfinished generation; it is removed at next start");
    }
    let status = if matches!(err, SyncError::Cancelled) {
        "cancelled"
    } else {
        "failed"
    };
    let _ = store.finish_sync_run(run, Utc::now(), Err((status, &err.to_string())));
    Err(err)
}

#[allow(clippy::too_many_arguments)]
async fn full(
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

#[allow(clippy::too_many_arguments)]
async fn incremental(
    client: &JamfClient,
    store: &mut Store,
    request: &SyncRequest,
    generation: PendingGeneration,
    since: &str,
    gate: impl Future<Output = Result<(), SyncError>>,
    progress: &mut impl FnMut(SyncProgress),
    cancel: &CancelFlag,
    started: Instant,
) -> Result<Published, SyncError> {
    let wall_start = Utc::now();
    let known_positions = store.lost_positions()?;
    let from = DateTime::parse_from_rfc3339(since)
        .map(|d| d.to_utc() - WATERMARK_OVERLAP)
        .unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
    let query = InventoryQuery {
        page_size: request.page_size,
        filter: Some(format!(
            "lastInventoryUpdateDate=ge={}",
            from.format("%Y-%m-%dT%H:%M:%SZ")
        )),
        ..InventoryQuery::default()
    };
    // The three reads are independent: run them together (the client keeps at most 5 requests
    // in flight), so an incremental sync costs about its longest read, not their sum.
    let delta = client.fetch_inventory_read(&query, |p| {
        progress(SyncProgress::measure(
            SyncPhase::Fetching,
            p.fetched,
            p.total,
            started,
        ))
    });
    // Lost mode changes without an inventory update. The lost devices are read with two light
    // sections only; those newly lost, no longer lost, or reporting a new location are then
    // fetched whole. (The light records never replace a stored row: they lack sections.)
    let lost_query = InventoryQuery {
        sections: vec![Section::General, Section::Security],
        filter: Some("lostModeEnabled==true".into()),
        page_size: 2000,
        ..InventoryQuery::default()
    };
    // Group membership (carts, smart groups) changes without an inventory update either, and
    // so does a group's name (a cart renamed): the GROUPS section alone is cheap, compare its
    // (id, name) pairs with the snapshot's (as fingerprints: no name is copied). It names
    // every device on the server, so it is also the list deletions are reconciled against (a
    // separate read of the light list cost a wave of requests more). The snapshot tells
    // about how many devices to expect: its pages are asked at once.
    let expected = store
        .current_snapshot()?
        .map_or(0, |s| u64::from(s.device_count));
    let groups_query = InventoryQuery {
        sections: vec![Section::Groups],
        page_size: 2000,
        expected,
        ..InventoryQuery::default()
    };
    let reads = async {
        Ok(tokio::try_join!(
            delta,
            client.fetch_inventory(&lost_query, |_| {}),
            client.fetch_inventory(&groups_query, |_| {}),
        )?)
    };
    // What the snapshot knows (each device's inventory date, the lost ones, each device's
    // groups: ~30 ms for a district) is read on a connection of its own meanwhile.
    let path = store.path().to_owned();
    let stored = async move {
        let read = tokio::task::spawn_blocking(move || -> Result<_, SyncError> {
            let snapshot = Store::attach(&path)?;
            Ok((
                snapshot.device_inventory_dates()?,
                snapshot.lost_mode_ids()?,
                snapshot.device_group_fingerprints()?,
            ))
        });
        read.await
            .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))
    };
    let ((delta, lost_now, membership), (known, stored_lost, stored_groups)) =
        tokio::try_join!(gated(gate, reads), stored)?;
    let mut changed = delta.records;
    check(cancel)?;

    progress(SyncProgress::measure(SyncPhase::Reconciling, 0, 0, started));
    let mut listed: HashSet<String> = membership
        .iter()
        .map(|r| r.mobile_device_id.clone())
        .collect();
    let unlisted: Vec<String> = known
        .keys()
        .filter(|id| !listed.contains(*id))
        .cloned()
        .collect();
    let (removed, still_there) = confirm_deleted(client, unlisted, cancel).await?;
    listed.extend(still_there.iter().map(|r| r.mobile_device_id.clone()));
    // A deletion while the delta was paged can have hidden a device from it: read it again.
    let mut torn = false;
    if delta::may_have_skipped(&delta.summary, &changed, &listed) {
        tracing::info!("the fleet moved while the delta was read: reading it again");
        let again = client.fetch_inventory_read(&query, |_| {}).await?;
        changed = newest_copies(changed.into_iter().chain(again.records));
        torn = delta::may_have_skipped(&again.summary, &changed, &listed);
        check(cancel)?;
    }
    changed.extend(still_there);
    // Devices the server has and the snapshot lacks (missed by the delta) are fetched whole.
    let fetched: HashSet<String> = changed.iter().map(|r| r.mobile_device_id.clone()).collect();
    let mut targeted: HashSet<String> = listed
        .iter()
        .filter(|id| !known.contains_key(*id))
        .cloned()
        .collect();
    let stored_lost: HashSet<String> = stored_lost.into_iter().collect();
    let lost_ids: HashSet<String> = lost_now
        .iter()
        .map(|r| r.mobile_device_id.clone())
        .collect();
    for r in &lost_now {
        let id = &r.mobile_device_id;
        let unchanged =
            stored_lost.contains(id) && positions::position_unchanged(r, known_positions.get(id));
        if !unchanged {
            targeted.insert(id.clone());
        }
    }
    targeted.extend(
        stored_lost
            .iter()
            .filter(|id| !lost_ids.contains(*id) && listed.contains(*id))
            .cloned(),
    );
    for r in membership {
        let now = group_set_fingerprint(r.groups.iter().flatten().filter_map(|g| {
            Some((
                g.group_id.as_deref()?,
                g.group_name.as_deref().unwrap_or(""),
            ))
        }));
        if stored_groups
            .get(&r.mobile_device_id)
            .is_some_and(|before| *before != now)
        {
            targeted.insert(r.mobile_device_id);
        }
    }
    let targeted: Vec<String> = targeted
        .into_iter()
        .filter(|id| !fetched.contains(id))
        .collect();
    changed.extend(fetch_by_ids(client, &targeted, cancel).await?);
    check(cancel)?;

    progress(SyncProgress::measure(SyncPhase::Saving, 0, 0, started));
    let mut watermark = Watermark::default();
    changed.retain(|r| listed.contains(&r.mobile_device_id));
    changed.iter().for_each(|r| watermark.see(r));
    let watermark = if torn {
        tracing::warn!("the delta was torn twice: the next sync reads the same span again");
        Watermark(Some(since.to_owned()))
    } else {
        watermark
            .held_back(took(started, wall_start))
            .at_least(since)
    };
    let rows: Vec<DeviceRow> = changed
        .iter()
        .map(|r| positions::row_with_known_position(r, &known_positions))
        .collect();
    let summary = store.publish_incremental(
        generation,
        &rows,
        &removed,
        watermark.0.as_deref(),
        Utc::now(),
    )?;
    Ok(Published {
        summary,
        incomplete: changed.iter().filter(|r| is_incomplete(r)).count() as u32,
        lost: changed.into_iter().filter(positions::is_lost).collect(),
        known: known_positions,
    })
}

/// How long the sync has taken: the longer of the monotonic and the wall-clock measures (a
/// computer asleep mid-sync stops the first on some systems; the server's clock went on).
fn took(started: Instant, wall_start: DateTime<Utc>) -> Duration {
    let wall = (Utc::now() - wall_start).to_std().unwrap_or_default();
    started.elapsed().max(wall)
}

pub(super) fn check(cancel: &CancelFlag) -> Result<(), SyncError> {
    if cancel.is_cancelled() {
        Err(SyncError::Cancelled)
    } else {
        Ok(())
    }
}
