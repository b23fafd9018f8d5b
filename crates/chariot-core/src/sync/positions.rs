//! Lost-mode positions: only the Classic API's `security` subset has coordinates, so they are
//! read there, for the devices in lost mode only (a handful, even in a district).

use chariot_jamf::models::ClassicSecurity;
use chariot_jamf::models::InventoryRecord;
use chariot_jamf::{JamfClient, JamfError};
use chariot_store::{DeviceRow, LostPosition};
use std::collections::{HashMap, HashSet};

use chrono::DateTime;

use super::mapping::device_row;

pub fn is_lost(r: &InventoryRecord) -> bool {
    r.security.as_ref().and_then(|s| s.lost_mode_enabled) == Some(true)
}

/// Reads of lost devices' positions, started as soon as a page names a lost device so they
/// run while the next pages are fetched (the client keeps the total in flight at its limit).
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

    /// Rows for `lost`, each with its position: the known one, or the one just read.
    pub async fn rows(mut self, lost: &[InventoryRecord]) -> Vec<DeviceRow> {
        let mut read: HashMap<String, Option<LostPosition>> = HashMap::new();
        while let Some(Ok((id, answer))) = self.tasks.join_next().await {
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
                    read.insert(id, None);
                }
            }
        }
        lost.iter()
            .map(|record| {
                let mut row = device_row(record);
                let id = &record.mobile_device_id;
                row.lost_position = match read.remove(id) {
                    Some(position) => position,
                    None => self.known.get(id).cloned(),
                };
                row
            })
            .collect()
    }
}

/// Rows for lost devices with their positions (see [`PositionReads`]), read all at once.
pub async fn rows_with_positions(
    client: &JamfClient,
    lost: &[InventoryRecord],
    known: &HashMap<String, LostPosition>,
) -> Vec<DeviceRow> {
    let mut reads = PositionReads::new(known.clone());
    reads.start(client, lost);
    reads.rows(lost).await
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
