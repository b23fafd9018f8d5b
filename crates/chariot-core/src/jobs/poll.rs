//! Polling: where each submitted command stands, by UUID (Jamf Pro API), by plan (OS updates)
//! or from the device's Classic history (servers before the Jamf Pro API's commands).

use chariot_jamf::{CommandState, JamfClient};
use chariot_store::{Store, TargetRow};

use super::history::poll_history;
use super::plans::poll_plans;
use super::{TargetState, job_action, job_row, known_version, record};
use crate::actions::{Route, has_pro_api_commands, route};
use crate::error::AppError;

/// Reads the states of the commands still in flight and records them. Returns how many are
/// still in flight.
pub async fn poll(client: &JamfClient, store: &mut Store, job: i64) -> Result<usize, AppError> {
    let row = job_row(store, job)?;
    let action = job_action(&row)?;
    let version = known_version(store)?;
    match route(action.kind(), version) {
        Ok(Route::Plans) => return poll_plans(client, store, &row).await,
        Ok(Route::Classic(name)) if !has_pro_api_commands(version) => {
            return poll_history(client, store, &row, name).await;
        }
        _ => {}
    }
    let in_flight: Vec<TargetRow> = store
        .job_targets(job)?
        .into_iter()
        .filter(|t| t.state.is_in_flight() && t.command_uuid.is_some())
        .collect();
    if in_flight.is_empty() {
        return Ok(0);
    }
    let uuids: Vec<String> = in_flight
        .iter()
        .filter_map(|t| t.command_uuid.clone())
        .collect();
    let statuses = client
        .command_statuses(&uuids)
        .await
        .map_err(AppError::from)?;
    let mut still = 0;
    for target in &in_flight {
        let Some(status) = statuses
            .iter()
            .find(|s| Some(&s.uuid) == target.command_uuid.as_ref())
        else {
            still += 1;
            continue;
        };
        let state = match status.state {
            CommandState::Acknowledged => TargetState::Done,
            CommandState::Error | CommandState::CommandFormatError => TargetState::Failed,
            CommandState::NotNow => TargetState::NotNow,
            CommandState::Pending | CommandState::Other(_) => TargetState::Pending,
        };
        if state.is_in_flight() {
            still += 1;
        }
        if state != target.state || status.error != target.error {
            record(store, &row, target, state, None, status.error.as_deref())?;
        }
    }
    Ok(still)
}
