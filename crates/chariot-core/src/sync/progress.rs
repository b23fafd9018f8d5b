//! Progress reports and cancellation of a sync.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SyncPhase {
    SigningIn,
    /// Fetching the inventory pages.
    Fetching,
    /// Comparing with the server's device list (deletions, devices missed while paging).
    Reconciling,
    /// Writing and publishing the new snapshot.
    Saving,
    /// The snapshot is published (readable); the positions of lost devices that reported
    /// since the last sync are being read.
    Positions,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncProgress {
    pub phase: SyncPhase,
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
    pub devices_per_second: f64,
    /// Seconds left at the current pace; `None` until it can be estimated.
    #[ts(type = "number | null")]
    pub eta_seconds: Option<u64>,
}

impl SyncProgress {
    pub(crate) fn measure(phase: SyncPhase, done: u64, total: u64, since: Instant) -> Self {
        let secs = since.elapsed().as_secs_f64();
        let rate = if secs > 0.0 { done as f64 / secs } else { 0.0 };
        let eta_seconds =
            (rate > 0.0 && total >= done).then(|| ((total - done) as f64 / rate).ceil() as u64);
        SyncProgress {
            phase,
            done,
            total,
            devices_per_second: rate,
            eta_seconds,
        }
    }
}

/// Set from anywhere (a Cancel button, Ctrl-C); the sync stops at the next page and leaves the
/// previous snapshot as it was.
#[derive(Debug, Clone, Default)]
pub struct CancelFlag(Arc<AtomicBool>);

impl CancelFlag {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}
