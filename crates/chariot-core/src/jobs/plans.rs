//! OS updates: managed software update plans instead of MDM commands.

use chariot_jamf::{JamfClient, JamfError};
use chariot_store::{JobRow, Store, TargetRow};

use super::{TargetState, record};
use crate::error::AppError;

/// Devices per plan request: one write creates the plans of many devices (Jamf rate-limits
/// plan requests, so fewer, larger ones).
const PLAN_DEVICES_PER_REQUEST: usize = 100;

/// OS updates: one plan per device, created in batches; the plan id is kept where a command's
/// UUID would be.
pub(super) async fn submit_plans(
    client: &JamfClient,
    store: &mut Store,
    row: &JobRow,
    config: &serde_json::Value,
) -> Result<usize, AppError> {
    let not_sent: Vec<TargetRow> = store
        .job_targets(row.id)?
        .into_iter()
        .filter(|t| t.state == TargetState::NotSent)
        .collect();
    let mut sent = 0;
    for batch in not_sent.chunks(PLAN_DEVICES_PER_REQUEST) {
        let ids: Vec<String> = batch.iter().map(|t| t.jamf_id.clone()).collect();
        match client.create_update_plans(&ids, config).await {
            Ok(plans) => {
                for target in batch {
                    match plans.iter().find(|(device, _)| *device == target.jamf_id) {
                        Some((_, plan)) => {
                            sent += 1;
                            record(store, row, target, TargetState::Submitted, Some(plan), None)?;
                        }
                        None => record(
                            store,
                            row,
                            target,
                            TargetState::Failed,
                            None,
                            Some("the server created no update plan for this device"),
                        )?,
                    }
                }
            }
            Err(e) => {
                let (state, error) = match &e {
                    JamfError::Unreachable { .. } => (TargetState::NotSent, e.to_string()),
                    JamfError::Timeout { .. } | JamfError::WriteOutcomeUnknown { .. } => (
                        TargetState::Unknown,
                        format!("{e}. The plans may exist: check Jamf Pro before retrying."),
                    ),
                    JamfError::Server { status: 503, .. } => (
                        TargetState::Failed,
                        format!(
                            "{e}. Managed software updates are off on this server: turn them on in \
                             Jamf Pro (Settings › Managed Software Updates)."
                        ),
                    ),
                    _ => (TargetState::Failed, e.to_string()),
                };
                for target in batch {
                    record(store, row, target, state, None, Some(&error))?;
                }
            }
        }
    }
    Ok(sent)
}

pub(super) async fn poll_plans(
    client: &JamfClient,
    store: &mut Store,
    row: &JobRow,
) -> Result<usize, AppError> {
    let in_flight: Vec<TargetRow> = store
        .job_targets(row.id)?
        .into_iter()
        .filter(|t| t.state.is_in_flight() && t.command_uuid.is_some())
        .collect();
    let mut still = 0;
    for target in &in_flight {
        let plan = target.command_uuid.as_deref().unwrap_or_default();
        let (state, error) = match client.update_plan(plan).await {
            Ok(status) if status.is_completed() => (TargetState::Done, None),
            Ok(status) if status.is_failed() => (
                TargetState::Failed,
                Some(if status.error_reasons.is_empty() {
                    status.state.clone()
                } else {
                    status.error_reasons.join(", ")
                }),
            ),
            Ok(_) => (TargetState::Pending, None),
            Err(JamfError::NotFound { .. }) => (
                TargetState::Failed,
                Some("the update plan no longer exists on the server".to_owned()),
            ),
            Err(e) => return Err(AppError::from(e)),
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
