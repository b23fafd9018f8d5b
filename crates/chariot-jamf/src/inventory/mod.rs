//! Paging through the inventory: the first page tells the total, the rest are fetched in
//! parallel (the client caps requests in flight), a page that times out is asked again in
//! smaller pieces, and that smaller size holds for the rest of the read.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::client::{JamfClient, OnTimeout};
use crate::error::JamfError;
use crate::models::{InventoryRecord, Paged};

mod light;
mod newest;
mod read;

use newest::keep_newest;
pub use newest::newest_copies;
use read::TotalsSeen;
pub use read::{InventoryRead, ReadSummary};

/// Jamf silently clamps `page-size` to this (reference §1.2).
pub const MAX_PAGE_SIZE: u32 = 2000;
/// Below this a timed-out page is retried as it is rather than split further.
const MIN_SPLIT_PAGE_SIZE: u32 = 25;

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// The size of the next piece of a span: the largest divisor of `aligned` (what keeps the
/// piece on a multiple of its size) not above `learned`; never below the split floor when
/// `aligned` has a divisor there (a handful of requests, not one per device).
fn piece_size(aligned: u32, learned: u32) -> u32 {
    // No timeout so far (every page of a healthy server): the page as asked.
    if learned >= aligned {
        return aligned;
    }
    let divisors = || (1..=aligned).filter(move |d| aligned.is_multiple_of(*d));
    divisors()
        .filter(|&d| d <= learned.max(1))
        .filter(|&d| d >= MIN_SPLIT_PAGE_SIZE.min(aligned))
        .max()
        .or_else(|| divisors().find(|&d| d >= MIN_SPLIT_PAGE_SIZE))
        .unwrap_or(aligned)
}

/// The size a timed-out piece is asked again in: its largest divisor up to half of it, if
/// that is not below the floor (otherwise the piece is retried as it is).
fn split_size(piece: u32) -> Option<u32> {
    (MIN_SPLIT_PAGE_SIZE..=piece / 2)
        .rev()
        .find(|d| piece.is_multiple_of(*d))
}

/// Sections of `/api/v2/mobile-devices/detail` Chariot asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    General,
    Hardware,
    UserAndLocation,
    Security,
    Applications,
    Profiles,
    SharedUsers,
    Groups,
}

impl Section {
    pub const ALL_CHARIOT: [Section; 8] = [
        Section::General,
        Section::Hardware,
        Section::UserAndLocation,
        Section::Security,
        Section::Applications,
        Section::Profiles,
        Section::SharedUsers,
        Section::Groups,
    ];

    pub fn as_param(self) -> &'static str {
        match self {
            Section::General => "GENERAL",
            Section::Hardware => "HARDWARE",
            Section::UserAndLocation => "USER_AND_LOCATION",
            Section::Security => "SECURITY",
            Section::Applications => "APPLICATIONS",
            Section::Profiles => "PROFILES",
            Section::SharedUsers => "SHARED_USERS",
            Section::Groups => "GROUPS",
        }
    }
}

#[derive(Debug, Clone)]
pub struct InventoryQuery {
    pub sections: Vec<Section>,
    /// RSQL, e.g. `lastInventoryUpdateDate=ge=2026-01-10T08:00:00Z`.
    pub filter: Option<String>,
    pub sort: String,
    pub page_size: u32,
    /// About how many devices the caller expects (0: no idea). The pages that many fill
    /// (up to the window in flight) are asked together with the first instead of after it:
    /// one round trip less. Pages past the end come back empty.
    pub expected: u64,
}

impl Default for InventoryQuery {
    fn default() -> Self {
        Self {
            sections: Section::ALL_CHARIOT.to_vec(),
            filter: None,
            // A stable order makes offset paging as consistent as it can be. (The detail
            // endpoint's sortable key is `mobileDeviceId`; `id` is only valid on the light list.)
            sort: "mobileDeviceId:asc".into(),
            page_size: 500,
            expected: 0,
        }
    }
}

/// Progress of a paged fetch, reported after each page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageProgress {
    pub fetched: u64,
    pub total: u64,
}

impl JamfClient {
    /// One page of the detail inventory (`LENIENT`: one broken device must not fail the sync).
    pub async fn inventory_page(
        &self,
        query: &InventoryQuery,
        page: u32,
        page_size: u32,
        on_timeout: OnTimeoutPolicy,
    ) -> Result<Paged<InventoryRecord>, JamfError> {
        let mut params: Vec<(&str, String)> = query
            .sections
            .iter()
            .map(|s| ("section", s.as_param().to_owned()))
            .collect();
        params.push(("page", page.to_string()));
        params.push(("page-size", page_size.to_string()));
        params.push(("sort", query.sort.clone()));
        params.push(("exception-handling", "LENIENT".into()));
        if let Some(filter) = &query.filter {
            params.push(("filter", filter.clone()));
        }
        self.get_json_with("/api/v2/mobile-devices/detail", &params, on_timeout.into())
            .await
    }

    /// Every device matching `query`, each once (if paging saw one twice, the copy that
    /// reported the newest inventory).
    pub async fn fetch_inventory(
        &self,
        query: &InventoryQuery,
        on_progress: impl FnMut(PageProgress),
    ) -> Result<Vec<InventoryRecord>, JamfError> {
        Ok(self.fetch_inventory_read(query, on_progress).await?.records)
    }

    /// The same, with how the read went: whether the set it paged may have moved meanwhile
    /// (see [`ReadSummary::highest_total`]), for a caller that must not miss a device.
    pub async fn fetch_inventory_read(
        &self,
        query: &InventoryQuery,
        mut on_progress: impl FnMut(PageProgress),
    ) -> Result<InventoryRead, JamfError> {
        let mut by_id: BTreeMap<String, InventoryRecord> = BTreeMap::new();
        let summary = self
            .fetch_inventory_pages(query, |records, progress| {
                for r in records {
                    keep_newest(&mut by_id, r);
                }
                on_progress(progress);
                Ok::<(), std::convert::Infallible>(())
            })
            .await
            .map_err(|e| match e {
                FetchError::Jamf(e) => e,
                FetchError::Sink(never) => match never {},
            })?;
        Ok(InventoryRead {
            records: by_id.into_values().collect(),
            summary,
        })
    }

    /// Streams the inventory page by page to `sink` (which may stop the fetch by returning an
    /// error, e.g. on cancellation). Pages arrive in completion order, not page order; the same
    /// device may appear twice if the fleet changed while paging.
    pub async fn fetch_inventory_pages<E>(
        &self,
        query: &InventoryQuery,
        sink: impl FnMut(Vec<InventoryRecord>, PageProgress) -> Result<(), E>,
    ) -> Result<ReadSummary, FetchError<E>> {
        self.fetch_inventory_pages_then(query, std::convert::identity, sink, |_| {})
            .await
    }

    /// The same, each page first passed through `map` in the task that fetched it (on the
    /// runtime's worker threads), so the sink's thread only does what must be sequential;
    /// `map` receives a page's records and their count is kept for the progress. And
    /// `on_all_received(total)` is called once every page has arrived, which can be well
    /// before the sink has stored them all (a caller's next read can start meanwhile). Pages
    /// are given to the sink in arrival order.
    pub async fn fetch_inventory_pages_then<T, E>(
        &self,
        query: &InventoryQuery,
        map: impl Fn(Vec<InventoryRecord>) -> T + Send + Sync + 'static,
        mut sink: impl FnMut(T, PageProgress) -> Result<(), E>,
        on_all_received: impl FnOnce(u64),
    ) -> Result<ReadSummary, FetchError<E>>
    where
        T: Send + 'static,
    {
        let map = std::sync::Arc::new(map);
        let requested = query.page_size.clamp(1, MAX_PAGE_SIZE);
        // Pages are requested a window at a time: enough to keep the client's requests in
        // flight while the sink stores one, never the whole fleet waiting in memory when the
        // server answers faster than the sink writes.
        let window = self.max_in_flight() + 2;
        // The page size the server manages without a gateway timeout, as learned so far.
        let learned = std::sync::Arc::new(AtomicU32::new(requested));
        let totals = std::sync::Arc::new(TotalsSeen::default());
        let mut tasks = tokio::task::JoinSet::new();
        let spawn = |tasks: &mut tokio::task::JoinSet<_>, page: u32, size: u32| {
            let client = self.clone();
            let query = query.clone();
            let map = map.clone();
            let learned = learned.clone();
            let totals = totals.clone();
            tasks.spawn(async move {
                let first = u64::from(page) * u64::from(size);
                let page = client
                    .inventory_span(&query, first, size, &learned, &totals)
                    .await?;
                let count = page.results.len() as u64;
                Ok::<_, JamfError>((count, map(page.results)))
            });
        };
        // The pages the caller expects are asked with the first. (Were the server to cap the
        // page size lower, it cuts them at its own size, as it does the first: offsets stay
        // consistent with the pages asked once the cap is known.)
        let ahead = query
            .expected
            .div_ceil(requested as u64)
            .clamp(1, window as u64) as u32;
        for page in 1..ahead {
            spawn(&mut tasks, page, requested);
        }
        // Dropping `tasks` on an early return aborts the pages still in flight.
        let first = self
            .inventory_span(query, 0, requested, &learned, &totals)
            .await?;
        let total = first.total_count;
        // A server may cap lower than 2000 without saying so: the first page tells us.
        let short = (first.results.len() as u64) < total.min(requested as u64);
        let size = if short && !first.results.is_empty() {
            first.results.len() as u32
        } else {
            requested
        };
        let mut fetched = first.results.len() as u64;
        sink(
            map(first.results),
            PageProgress {
                fetched: fetched.min(total),
                total,
            },
        )
        .map_err(FetchError::Sink)?;

        let pages = total.div_ceil(size as u64) as u32;
        let mut next = ahead;
        // Pages that arrived and wait for the sink, in arrival order (with those in flight,
        // never more than the window).
        let mut arrived = std::collections::VecDeque::new();
        let mut on_all_received = Some(on_all_received);
        let unpack = |joined: Result<Result<(u64, T), JamfError>, tokio::task::JoinError>| {
            joined.map_err(|e| JamfError::Decode {
                what: "an inventory page".into(),
                detail: format!("the page task failed: {e}"),
            })?
        };
        loop {
            while next < pages && tasks.len() + arrived.len() < window {
                spawn(&mut tasks, next, size);
                next += 1;
            }
            // Every page that has arrived is taken; the wait is only for when none has.
            while let Some(joined) = tasks.try_join_next() {
                arrived.push_back(unpack(joined)?);
            }
            if arrived.is_empty()
                && let Some(joined) = tasks.join_next().await
            {
                arrived.push_back(unpack(joined)?);
            }
            if next >= pages
                && tasks.is_empty()
                && let Some(all_received) = on_all_received.take()
            {
                all_received(total);
            }
            let Some((count, mapped)) = arrived.pop_front() else {
                break;
            };
            fetched += count;
            sink(
                mapped,
                PageProgress {
                    fetched: fetched.min(total),
                    total,
                },
            )
            .map_err(FetchError::Sink)?;
        }
        Ok(totals.summary(fetched, total))
    }

    /// The rows `[first, first + len)` (`first` a multiple of `len`: one page of the pager),
    /// in pieces of the size the server was last seen to manage (`learned`, shared by every
    /// page of the read). A piece that times out makes the size smaller for the whole read,
    /// not for that page only: on a slow server each later page would otherwise wait out its
    /// own gateway timeout (~90 s on Jamf Cloud) before being split.
    ///
    /// Jamf pages by index and size, so a piece must start at a multiple of its size: pieces
    /// always divide both `len` and what was already read, so no row is skipped or read
    /// twice, whatever the size (an odd one cannot be halved: 333 becomes 3 × 111).
    async fn inventory_span(
        &self,
        query: &InventoryQuery,
        first: u64,
        len: u32,
        learned: &AtomicU32,
        totals: &TotalsSeen,
    ) -> Result<Paged<InventoryRecord>, JamfError> {
        let mut results = Vec::new();
        let mut total_count = 0;
        let mut done: u32 = 0;
        while done < len {
            let aligned = gcd(len, done);
            let piece = piece_size(aligned, learned.load(Ordering::Relaxed));
            let smaller = split_size(piece);
            let policy = if smaller.is_some() {
                OnTimeoutPolicy::Split
            } else {
                OnTimeoutPolicy::Retry
            };
            let at = first + u64::from(done);
            let page = u32::try_from(at / u64::from(piece)).map_err(|_| JamfError::Decode {
                what: "an inventory page".into(),
                detail: format!("row {at} is beyond what paging can address"),
            })?;
            match self.inventory_page(query, page, piece, policy).await {
                Ok(answer) => {
                    totals.saw(answer.total_count);
                    total_count = total_count.max(answer.total_count);
                    let short = answer.results.len() < piece as usize;
                    results.extend(answer.results);
                    // The end of the fleet: the next pieces of this page would be empty.
                    if short {
                        break;
                    }
                    done += piece;
                }
                Err(e) if e.is_timeout_like() && policy == OnTimeoutPolicy::Split => {
                    let smaller = smaller.unwrap_or(piece);
                    tracing::warn!(
                        page,
                        size = piece,
                        smaller,
                        "inventory page timed out: asking smaller pages from now on"
                    );
                    learned.fetch_min(smaller, Ordering::Relaxed);
                }
                Err(e) => return Err(e),
            }
        }
        Ok(Paged {
            total_count,
            results,
        })
    }
}

/// A paged fetch stopped by the server/network or by the page sink.
#[derive(Debug, thiserror::Error)]
pub enum FetchError<E> {
    #[error(transparent)]
    Jamf(#[from] JamfError),
    #[error("the inventory fetch was stopped")]
    Sink(E),
}

/// Whether a timed-out page is split (big pages) or retried (small ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnTimeoutPolicy {
    Split,
    Retry,
}

impl From<OnTimeoutPolicy> for OnTimeout {
    fn from(p: OnTimeoutPolicy) -> OnTimeout {
        match p {
            OnTimeoutPolicy::Split => OnTimeout::GiveUp,
            OnTimeoutPolicy::Retry => OnTimeout::Retry,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever size was learned, a piece divides the span left aligned (no row skipped or
    /// read twice), and a split is smaller, divides the piece, and respects the floor.
    #[test]
    fn pieces_stay_aligned_and_splits_shrink() {
        for aligned in 1..=2000 {
            for learned in [1, 24, 25, 62, 111, 125, 250, 499, 500, 2000] {
                let piece = piece_size(aligned, learned);
                assert_eq!(aligned % piece, 0, "{aligned} / {learned} → {piece}");
                if let Some(smaller) = split_size(piece) {
                    assert!(smaller < piece && piece.is_multiple_of(smaller));
                    assert!(smaller >= MIN_SPLIT_PAGE_SIZE);
                }
            }
        }
        assert_eq!(split_size(333), Some(111));
        assert_eq!(split_size(500), Some(250));
        assert_eq!(split_size(125), Some(25));
        assert_eq!(split_size(49), None);
        assert_eq!(piece_size(500, 250), 250);
        assert_eq!(piece_size(500, 200), 125);
    }
}
