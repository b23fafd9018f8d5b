//! Where the next incremental sync starts: the newest inventory date seen, held back by the
//! sync's own duration, and a page of records made ready to write with it.

use std::collections::HashMap;

use chariot_jamf::models::InventoryRecord;
use chariot_store::{DeviceRow, LostPosition};
use chrono::{DateTime, Utc};

use super::positions;

/// A page of records made ready to write: the rows, the lost devices (their positions are
/// read after publication), the newest inventory date seen and how many devices Jamf Pro
/// could only partly read.
pub(super) struct StagedPage {
    pub rows: Vec<DeviceRow>,
    pub lost: Vec<InventoryRecord>,
    pub watermark: Watermark,
    pub incomplete: u32,
}

impl StagedPage {
    pub(super) fn new(
        records: Vec<InventoryRecord>,
        known: &HashMap<String, LostPosition>,
    ) -> Self {
        let mut watermark = Watermark::default();
        let rows = records
            .iter()
            .map(|r| {
                watermark.see(r);
                positions::row_with_known_position(r, known)
            })
            .collect();
        let incomplete = records.iter().filter(|r| super::is_incomplete(r)).count() as u32;
        let lost = records.into_iter().filter(positions::is_lost).collect();
        StagedPage {
            rows,
            lost,
            watermark,
            incomplete,
        }
    }
}

/// How long the sync has taken: the longer of the monotonic and the wall-clock measures (a
/// computer asleep mid-sync stops the first on some systems; the server's clock went on).
pub(super) fn took(started: std::time::Instant, wall_start: DateTime<Utc>) -> std::time::Duration {
    let wall = (Utc::now() - wall_start).to_std().unwrap_or_default();
    started.elapsed().max(wall)
}

/// The newest `lastInventoryUpdateDate` seen, compared as instants (not as text: servers vary
/// in fractional digits).
#[derive(Default)]
pub(super) struct Watermark(pub Option<String>);

impl Watermark {
    pub(super) fn see(&mut self, r: &InventoryRecord) {
        if let Some(date) = r
            .general
            .as_ref()
            .and_then(|g| g.last_inventory_update_date.as_deref())
        {
            self.see_date(date);
        }
    }

    pub(super) fn merge(&mut self, other: Watermark) {
        if let Some(date) = other.0 {
            self.see_date(&date);
        }
    }

    /// The watermark a sync that took `elapsed` may store. Every date seen was at most the
    /// server's time when its page was served, so the newest one minus the sync's duration is
    /// at most the server's time when the sync began: a device read early that reported again
    /// while later pages were read (a sync longer than the overlap: a slow server, page
    /// timeouts) is still at or after it, and the next incremental sync reads it. Only the
    /// server's dates and our own elapsed time are used, so a skewed local clock does not
    /// matter (the server's clock could be read from its `Date` header, but a proxy may drop
    /// it; a duration needs none).
    pub(super) fn held_back(self, elapsed: std::time::Duration) -> Watermark {
        let by = chrono::Duration::from_std(elapsed).unwrap_or(chrono::Duration::MAX);
        let held = self
            .instant()
            .and_then(|newest| newest.checked_sub_signed(by))
            .map(|w| w.to_rfc3339());
        Watermark(held)
    }

    /// The later of the two (an incremental sync never moves the watermark back: what it
    /// started from was already safe).
    pub(super) fn at_least(mut self, floor: &str) -> Watermark {
        self.see_date(floor);
        self
    }

    fn instant(&self) -> Option<DateTime<Utc>> {
        self.0
            .as_deref()
            .and_then(|w| DateTime::parse_from_rfc3339(w).ok())
            .map(|d| d.to_utc())
    }

    fn see_date(&mut self, date: &str) {
        let Ok(instant) = DateTime::parse_from_rfc3339(date) else {
            return;
        };
        if self.instant().is_none_or(|current| instant > current) {
            self.0 = Some(instant.to_utc().to_rfc3339());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Watermark;
    use std::time::Duration;

    fn w(date: &str) -> Watermark {
        Watermark(Some(date.to_owned()))
    }

    #[test]
    fn the_newest_date_is_held_back_by_the_sync_duration() {
        let held = w("2026-12-07T10:30:00.250Z").held_back(Duration::from_secs(754));
        assert_eq!(held.0.as_deref(), Some("2026-12-07T10:17:26.250+00:00"));
        assert_eq!(Watermark(None).held_back(Duration::from_secs(1)).0, None);
    }

    #[test]
    fn an_incremental_sync_never_moves_the_watermark_back() {
        let since = "2026-12-07T10:00:00Z";
        let held = w("2026-12-07T10:00:30Z").held_back(Duration::from_secs(60));
        assert_eq!(
            held.at_least(since).0.as_deref(),
            Some("2026-12-07T10:00:00+00:00")
        );
        let later = w("2026-12-07T11:00:00Z").held_back(Duration::from_secs(60));
        assert_eq!(
            later.at_least(since).0.as_deref(),
            Some("2026-12-07T10:59:00+00:00")
        );
        assert_eq!(
            Watermark(None).at_least(since).0.as_deref(),
            Some("2026-12-07T10:00:00+00:00")
        );
    }
}
