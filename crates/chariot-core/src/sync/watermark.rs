//! Where the next incremental sync starts: the newest inventory date seen, and a page of
//! records made ready to write with it.

use std::collections::HashMap;

use chariot_jamf::models::InventoryRecord;
use chariot_store::{DeviceRow, LostPosition};
use chrono::DateTime;

use super::positions;

/// A page of records made ready to write: the rows, the lost devices (their positions are
/// read after publication) and the newest inventory date seen.
pub(super) struct StagedPage {
    pub rows: Vec<DeviceRow>,
    pub lost: Vec<InventoryRecord>,
    pub watermark: Watermark,
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
        let lost = records.into_iter().filter(positions::is_lost).collect();
        StagedPage {
            rows,
            lost,
            watermark,
        }
    }
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

    fn see_date(&mut self, date: &str) {
        let Ok(instant) = DateTime::parse_from_rfc3339(date) else {
            return;
        };
        let newer = match self
            .0
            .as_deref()
            .and_then(|w| DateTime::parse_from_rfc3339(w).ok())
        {
            Some(current) => instant > current,
            None => true,
        };
        if newer {
            self.0 = Some(instant.to_utc().to_rfc3339());
        }
    }
}
