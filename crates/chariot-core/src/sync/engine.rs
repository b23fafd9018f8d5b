//! The sync itself: the run's record, the choice of a full sync (`full.rs`) or an incremental
//! one (`incremental.rs`), the version gate beside their first reads. Any failure or a
//! cancellation before publication leaves the previous snapshot exactly as it was. Then, on
//! the published snapshot, the positions of lost devices that reported since the last sync
//! (Classic API, one request each) are read and applied.

use std::collections::HashMap;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use chariot_jamf::JamfClient;
use chariot_jamf::models::InventoryRecord;
use chariot_store::{
    LostPosition, PendingGeneration, PublishSummary, RunProblems, Store, SyncKind, SyncRunStatus,
};
use chrono::Utc;

use super::error::SyncError;
use super::gate::check_version;
use super::positions;
use super::progress::{CancelFlag, SyncPhase, SyncProgress};

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
            let _ = store.finish_sync_run(
                run,
                Utc::now(),
                Err((SyncRunStatus::Failed, &err.to_string())),
            );
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
            super::full::full(
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
            super::incremental::incremental(
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
        && let Err(e) = store.set_server_fact(VERSION_FACT, &version.to_string(), started_at)
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
pub(super) struct Published {
    pub summary: PublishSummary,
    pub lost: Vec<InventoryRecord>,
    pub known: HashMap<String, LostPosition>,
    /// Devices published that Jamf Pro could only partly read.
    pub incomplete: u32,
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
        SyncRunStatus::Cancelled
    } else {
        SyncRunStatus::Failed
    };
    let _ = store.finish_sync_run(run, Utc::now(), Err((status, &err.to_string())));
    Err(err)
}

pub(super) fn check(cancel: &CancelFlag) -> Result<(), SyncError> {
    if cancel.is_cancelled() {
        Err(SyncError::Cancelled)
    } else {
        Ok(())
    }
}
