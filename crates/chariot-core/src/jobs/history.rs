//! Answers read from each device's Classic history, for servers without the Jamf Pro API's
//! command states.

use chariot_jamf::{HistoryState, JamfClient};
use chariot_store::{JobRow, Store, TargetRow};

use super::{TargetState, record};
use crate::error::AppError;

/// How far before a send a history entry may be dated and still be its answer: the server's
/// clock and this computer's are not the same.
const HISTORY_CLOCK_SLACK_MS: i64 = 2 * 60 * 1000;

/// "Device Location", "DeviceLocation", "device_location" → "devicelocation".
fn command_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Servers without the Jamf Pro API's command states: each device's Classic history says
/// whether the command it was sent completed or failed since it was sent.
pub(super) async fn poll_history(
    client: &JamfClient,
    store: &mut Store,
    row: &JobRow,
    command: &str,
) -> Result<usize, AppError> {
    let in_flight: Vec<TargetRow> = store
        .job_targets(row.id)?
        .into_iter()
        .filter(|t| t.state.is_in_flight())
        .collect();
    let wanted = command_key(command);
    let mut still = 0;
    for target in &in_flight {
        let since = target.updated_at.timestamp_millis() - HISTORY_CLOCK_SLACK_MS;
        let history = client
            .device_history(&target.jamf_id)
            .await
            .map_err(AppError::from)?;
        let answer = history
            .iter()
            .filter(|h| h.state != HistoryState::Pending && command_key(&h.name) == wanted)
            .filter(|h| h.epoch_ms.is_some_and(|at| at >= since))
            .min_by_key(|h| h.epoch_ms);
        let (state, error) = match answer {
            Some(h) if h.state == HistoryState::Completed => (TargetState::Done, None),
            Some(h) => (
                TargetState::Failed,
                Some(h.error.clone().unwrap_or_else(|| "failed".to_owned())),
            ),
            None => (TargetState::Pending, None),
        };
        if state.is_in_flight() {
            still += 1;
        }
        if state != target.state || error != target.error {
            record(store, row, target, state, None, error.as_deref())?;
        }
    }
    Ok(still)
}
