//! Lost-mode positions: only the Classic API's `security` subset has coordinates, so they are
//! read there, one request per lost device. They are read after the inventory is published:
//! the inventory is usable at once (with each lost device's last known position), and the map
//! follows in one more short transaction that writes only the positions.

use chariot_jamf::models::ClassicSecurity;
use chariot_jamf::models::InventoryRecord;
use chariot_jamf::{JamfClient, JamfError};
use chariot_store::{DeviceRow, LostPosition, Store};
use std::collections::{HashMap, HashSet};

use chrono::DateTime;

use super::mapping::device_row;
use super::progress::CancelFlag;

pub fn is_lost(r: &InventoryRecord) -> bool {
    r.security.as_ref().and_then(|s| s.lost_mode_enabled) == Some(true)
}

/// Reads of lost devices' positions (the client keeps the total in flight at its limit).
/// A position is read from the Classic API only when the Jamf Pro API says the device reported
/// after the one already known (a lost iPad does not move between most syncs); otherwise the
/// known one is kept. A device whose position cannot be read (missing Classic privilege, server
/// error) keeps no position: the map then says "position unknown" rather than the sync failing.
pub struct PositionReads {
    known: HashMap<String, LostPosition>,
    started: HashSet<String>,
    tasks: tokio::task::JoinSet<(String, Result<ClassicSecurity, JamfError>)>,
}

impl PositionReads {
    pub fn new(known: HashMap<String, LostPosition>) -> Self {
        Self {
            known,
            started: HashSet::new(),
            tasks: tokio::task::JoinSet::new(),
        }
    }

    /// Starts reading the positions of these lost devices that need it (once per device).
    pub fn start(&mut self, client: &JamfClient, lost: &[InventoryRecord]) {
        for record in lost {
            let id = &record.mobile_device_id;
            let unchanged = self
                .known
                .get(id)
                .is_some_and(|position| same_report(record, position));
            if unchanged || !self.started.insert(id.clone()) {
                continue;
            }
            let client = client.clone();
            let id = id.clone();
            self.tasks
                .spawn(async move { (id.clone(), client.classic_security(&id).await) });
        }
    }

    /// How many reads were started.
    pub fn pending(&self) -> usize {
        self.tasks.len()
    }

    /// Rows of the devices of `lost` whose position was just read, with it. `on_read` is told
    /// after each answer; once `cancel` is set the reads still running are dropped (those
    /// devices keep the known position they were published with).
    pub async fn rows(
        mut self,
        lost: &[InventoryRecord],
        cancel: &CancelFlag,
        mut on_read: impl FnMut(usize),
    ) -> (Vec<DeviceRow>, u32) {
        let mut read: HashMap<String, Option<LostPosition>> = HashMap::new();
        let mut unread = 0;
        while !cancel.is_cancelled() {
            let Some(Ok((id, answer))) = self.tasks.join_next().await else {
                break;
            };
            match answer {
                Ok(security) => {
                    let position = security.location().map(|l| LostPosition {
                        latitude: l.latitude,
                        longitude: l.longitude,
                        accuracy_m: l.accuracy_m,
                        reported_at: l
                            .reported_at_epoch_ms
                            .and_then(DateTime::from_timestamp_millis)
                            .map(|d| d.to_rfc3339()),
                    });
                    read.insert(id, position);
                }
                Err(e) => {
                    tracing::warn!(device = %id, error = %e, "lost-mode position not readable");
                    unread += 1;
                    read.insert(id, None);
                }
            }
            on_read(read.len());
        }
        // The others were published with their known position already.
        let rows = lost
            .iter()
            .filter_map(|record| {
                let position = read.remove(&record.mobile_device_id)?;
                let mut row = device_row(record);
                row.lost_position = position;
                Some(row)
            })
            .collect();
        (rows, unread)
    }
}

/// The row of a device as first published: a lost device keeps its last known position until
/// the new one is read.
pub fn row_with_known_position(
    record: &InventoryRecord,
    known: &HashMap<String, LostPosition>,
) -> DeviceRow {
    let mut row = device_row(record);
    if is_lost(record) {
        row.lost_position = known.get(&record.mobile_device_id).cloned();
    }
    row
}

/// After the snapshot is published: reads the positions of the lost devices that reported
/// since the known one, and writes them into the snapshot. `progress(done, total)` after each
/// answer. Returns how many positions could not be read or saved (those devices keep the
/// position they were published with; the next sync reads them again, as they still differ).
pub async fn read_after_publish(
    client: &JamfClient,
    store: &mut Store,
    lost: &[InventoryRecord],
    known: HashMap<String, LostPosition>,
    cancel: &CancelFlag,
    mut progress: impl FnMut(u64, u64),
) -> u32 {
    let mut reads = PositionReads::new(known);
    reads.start(client, lost);
    let total = reads.pending() as u64;
    // Reported even when there is nothing to read: the phase's first report is how the app
    // (and the bench) learn that the snapshot is published.
    progress(0, total);
    if total == 0 {
        return 0;
    }
    let (rows, unread) = reads
        .rows(lost, cancel, |done| progress(done as u64, total))
        .await;
    match store.update_lost_positions(&rows) {
        Ok(_) => unread,
        Err(e) => {
            // The snapshot is published; positions are extra: a failure must not undo it.
            tracing::error!(error = %e, "lost-mode positions could not be saved");
            // Every device read, its position found or not (`unread` are among them).
            rows.len() as u32
        }
    }
}

/// Whether a lost device's position is as the snapshot has it: the same report, or still no
/// report at all.
pub fn position_unchanged(record: &InventoryRecord, known: Option<&LostPosition>) -> bool {
    match known {
        Some(position) => same_report(record, position),
        None => report_time(record).is_none(),
    }
}

fn report_time(record: &InventoryRecord) -> Option<&str> {
    record
        .security
        .as_ref()
        .and_then(|s| s.lost_mode_location.as_ref())
        .and_then(|l| {
            l.lost_mode_location_timestamp
                .as_deref()
                .or(l.last_location_update.as_deref())
        })
}

/// Whether the Jamf Pro API's time of the last location report is the known position's
/// (compared as instants to the millisecond: the two APIs write them differently).
fn same_report(record: &InventoryRecord, known: &LostPosition) -> bool {
    let reported = report_time(record);
    let instant = |s: &str| {
        DateTime::parse_from_rfc3339(s)
            .ok()
            .map(|d| d.timestamp_millis())
    };
    match (
        reported.and_then(instant),
        known.reported_at.as_deref().and_then(instant),
    ) {
        (Some(a), Some(b)) => a == b,
        // No report time from the server: cannot tell, read the position again.
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chariot_jamf::models::{LostModeLocation, Security};
    use rstest::rstest;

    fn record(timestamp: Option<&str>) -> InventoryRecord {
        InventoryRecord {
            mobile_device_id: "7".into(),
            security: Some(Security {
                lost_mode_enabled: Some(true),
                lost_mode_location: Some(LostModeLocation {
                    lost_mode_location_timestamp: timestamp.map(str::to_owned),
                    ..Default::default()
                }),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    fn known(reported_at: Option<&str>) -> LostPosition {
        LostPosition {
            latitude: 43.6,
            longitude: 1.44,
            accuracy_m: Some(30.0),
            reported_at: reported_at.map(str::to_owned),
        }
    }

    #[rstest]
    #[case(
        Some("2026-11-22T08:30:00.123Z"),
        Some("2026-11-22T09:30:00.123+01:00"),
        true
    )]
    #[case(
        Some("2026-11-22T08:30:00.123Z"),
        Some("2026-11-22T08:30:00.124+00:00"),
        false
    )]
    #[case(Some("2026-11-22T08:31:00Z"), Some("2026-11-22T08:30:00+00:00"), false)]
    #[case(None, Some("2026-11-22T08:30:00+00:00"), false)]
    #[case(Some("2026-11-22T08:30:00Z"), None, false)]
    #[case(Some("not a date"), Some("not a date"), false)]
    fn reuses_a_position_only_for_the_same_report(
        #[case] server: Option<&str>,
        #[case] stored: Option<&str>,
        #[case] reuse: bool,
    ) {
        assert_eq!(same_report(&record(server), &known(stored)), reuse);
    }
}
