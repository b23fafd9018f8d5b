//! The incremental sync: what changed since the watermark (with an overlap), plus what a
//! delta cannot see (deleted devices, devices it missed, lost-mode and group changes), applied
//! in one transaction.

use std::collections::HashSet;
use std::future::Future;
use std::time::Instant;

use chariot_jamf::JamfClient;
use chariot_jamf::inventory::{InventoryQuery, Section, newest_copies};
use chariot_store::{DeviceRow, PendingGeneration, Store, group_set_fingerprint};
use chrono::{DateTime, Utc};

use super::by_id::{confirm_deleted, fetch_by_ids};
use super::delta;
use super::engine::{Published, SyncRequest, check};
use super::error::SyncError;
use super::gate::gated;
use super::mapping::is_incomplete;
use super::positions;
use super::progress::{CancelFlag, SyncPhase, SyncProgress};
use super::watermark::{Watermark, took};

/// Devices updated this long before the watermark are fetched again: inventory reports are
/// written server-side with some delay, and a device must never fall between two syncs.
const WATERMARK_OVERLAP: chrono::Duration = chrono::Duration::minutes(10);

#[allow(clippy::too_many_arguments)]
pub(super) async fn incremental(
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
