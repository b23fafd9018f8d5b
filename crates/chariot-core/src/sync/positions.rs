//! Lost-mode positions: only the Classic API's `security` subset has coordinates, so they are
//! read there, for the devices in lost mode only (a handful, even in a district).

use chariot_jamf::JamfClient;
use chariot_jamf::models::InventoryRecord;
use chariot_store::{DeviceRow, LostPosition};
use std::collections::HashMap;

use chrono::DateTime;

use super::mapping::device_row;

pub fn is_lost(r: &InventoryRecord) -> bool {
    r.security.as_ref().and_then(|s| s.lost_mode_enabled) == Some(true)
}

/// Rows for lost devices, with their last reported position when the server has one. A
/// position is read from the Classic API only when the Jamf Pro API says the device reported
/// after the one already known (a lost iPad does not move between most syncs); otherwise the
/// known one is kept. A device whose position cannot be read (missing Classic privilege, server
/// error) keeps no position: the map then says "position unknown" rather than the sync failing.
pub async fn rows_with_positions(
    client: &JamfClient,
    lost: &[InventoryRecord],
    known: &HashMap<String, LostPosition>,
) -> Vec<DeviceRow> {
    let mut rows: Vec<DeviceRow> = lost.iter().map(device_row).collect();
    let mut tasks = tokio::task::JoinSet::new();
    for (i, record) in lost.iter().enumerate() {
        if let Some(position) = known.get(&record.mobile_device_id)
            && same_report(record, position)
        {
            rows[i].lost_position = Some(position.clone());
            continue;
        }
        let client = client.clone();
        let id = record.mobile_device_id.clone();
        tasks.spawn(async move { (i, client.classic_security(&id).await) });
    }
    while let Some(Ok((i, answer))) = tasks.join_next().await {
        match answer {
            Ok(security) => {
                rows[i].lost_position = security.location().map(|l| LostPosition {
                    latitude: l.latitude,
                    longitude: l.longitude,
                    accuracy_m: l.accuracy_m,
                    reported_at: l
                        .reported_at_epoch_ms
                        .and_then(DateTime::from_timestamp_millis)
                        .map(|d| d.to_rfc3339()),
                });
            }
            Err(e) => {
                tracing::warn!(device = %rows[i].jamf_id, error = %e, "lost-mode position not readable")
            }
        }
    }
    rows
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
