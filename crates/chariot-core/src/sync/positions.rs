//! Lost-mode positions: only the Classic API's `security` subset has coordinates, so they are
//! read there, for the devices in lost mode only (a handful, even in a district).

use chariot_jamf::JamfClient;
use chariot_jamf::models::InventoryRecord;
use chariot_store::{DeviceRow, LostPosition};
use chrono::DateTime;

use super::mapping::device_row;

pub fn is_lost(r: &InventoryRecord) -> bool {
    r.security.as_ref().and_then(|s| s.lost_mode_enabled) == Some(true)
}

/// Rows for lost devices, with their last reported position when the server has one. A device
/// whose position cannot be read (missing Classic privilege, server error) keeps no position:
/// the map then says "position unknown" rather than the sync failing.
pub async fn rows_with_positions(client: &JamfClient, lost: &[InventoryRecord]) -> Vec<DeviceRow> {
    let mut tasks = tokio::task::JoinSet::new();
    for (i, record) in lost.iter().enumerate() {
        let client = client.clone();
        let id = record.mobile_device_id.clone();
        tasks.spawn(async move { (i, client.classic_security(&id).await) });
    }
    let mut rows: Vec<DeviceRow> = lost.iter().map(device_row).collect();
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
