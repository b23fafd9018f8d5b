//! What a paged read brought and how it went: the totals its answers announced, so that a
//! caller that must not miss a device can tell a read the fleet moved under.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

use crate::models::InventoryRecord;

/// How a paged read went, once it is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadSummary {
    pub fetched: u64,
    /// The total the first page announced.
    pub total: u64,
    /// The highest total any answer announced. Offset paging over a set that changes while
    /// it is read can skip a row (a deletion shifts the later pages back by one): fewer
    /// distinct rows than this is the sign of it. (One request alone is always consistent.)
    pub highest_total: u64,
    /// Requests answered (pages, and the pieces of pages that timed out).
    pub requests: u32,
}

/// Every device a read matched, each once, and how the read went.
#[derive(Debug, Clone)]
pub struct InventoryRead {
    pub records: Vec<InventoryRecord>,
    pub summary: ReadSummary,
}

/// The totals the answers of one read announced, and how many answers there were.
#[derive(Debug, Default)]
pub(super) struct TotalsSeen {
    high: AtomicU64,
    answers: AtomicU32,
}

impl TotalsSeen {
    pub(super) fn saw(&self, total: u64) {
        self.high.fetch_max(total, Ordering::Relaxed);
        self.answers.fetch_add(1, Ordering::Relaxed);
    }

    pub(super) fn summary(&self, fetched: u64, total: u64) -> ReadSummary {
        ReadSummary {
            fetched,
            total,
            highest_total: self.high.load(Ordering::Relaxed).max(total),
            requests: self.answers.load(Ordering::Relaxed),
        }
    }
}
