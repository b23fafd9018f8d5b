//! Jobs (issue #6): an action on N devices with each device's own result.
//!
//! Submitting sends one command per device that was not sent yet, and records each outcome at
//! once. A send that timed out becomes `unknown` — the server may have acted — and is never
//! sent again by Chariot: the user decides. Polling reads the command states by UUID.
//! This is the engine; the confirmation dialogs, the job view and the CLI come with the rest of
//! issue #6.

use chariot_jamf::{CommandState, JamfClient, JamfError};
use chariot_store::Store;
use chrono::Utc;

use crate::error::AppError;

/// What a job does to each device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobAction {
    /// Classic `UpdateInventory` (the Jamf Pro API has no such command type).
    UpdateInventory,
    RestartDevice,
    ShutDownDevice,
}

impl JobAction {
    pub fn as_str(self) -> &'static str {
        match self {
            JobAction::UpdateInventory => "update_inventory",
            JobAction::RestartDevice => "restart_device",
            JobAction::ShutDownDevice => "shut_down_device",
        }
    }

    pub fn parse(s: &str) -> Option<JobAction> {
        [
            JobAction::UpdateInventory,
            JobAction::RestartDevice,
            JobAction::ShutDownDevice,
        ]
        .into_iter()
        .find(|a| a.as_str() == s)
    }
}

/// A device's state in a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetState {
    NotSent,
    Submitted,
    Pending,
    NotNow,
    Done,
    Failed,
    /// The send timed out: whether the server acted is not known.
    Unknown,
}

impl TargetState {
    pub fn as_str(self) -> &'static str {
        match self {
            TargetState::NotSent => "not_sent",
            TargetState::Submitted => "submitted",
            TargetState::Pending => "pending",
            TargetState::NotNow => "not_now",
            TargetState::Done => "done",
            TargetState::Failed => "failed",
            TargetState::Unknown => "unknown",
        }
    }

    pub fn parse(s: &str) -> TargetState {
        match s {
            "submitted" => TargetState::Submitted,
            "pending" => TargetState::Pending,
            "not_now" => TargetState::NotNow,
            "done" => TargetState::Done,
            "failed" => TargetState::Failed,
            "unknown" => TargetState::Unknown,
            _ => TargetState::NotSent,
        }
    }

    /// Waiting for the device: worth polling.
    pub fn is_in_flight(self) -> bool {
        matches!(
            self,
            TargetState::Submitted | TargetState::Pending | TargetState::NotNow
        )
    }
}

fn now() -> String {
    Utc::now().to_rfc3339()
}

/// Sends the commands of the targets not sent yet. Returns how many were sent.
pub async fn submit(client: &JamfClient, store: &mut Store, job: i64) -> Result<usize, AppError> {
    let row = store.job(job)?.ok_or_else(|| {
        AppError::new(crate::ErrorCode::NotFound, format!("there is no job {job}"))
    })?;
    let action = JobAction::parse(&row.action).ok_or_else(|| {
        AppError::internal(format!("job {job} has an unknown action {}", row.action))
    })?;
    let mut sent = 0;
    for target in store.job_targets(job)? {
        if TargetState::parse(&target.state) != TargetState::NotSent {
            continue;
        }
        let result = match action {
            JobAction::UpdateInventory => {
                client
                    .send_classic_command("UpdateInventory", &target.jamf_id)
                    .await
            }
            JobAction::RestartDevice | JobAction::ShutDownDevice => {
                let Some(management_id) = target.management_id.as_deref() else {
                    store.set_job_target(
                        job,
                        &target.jamf_id,
                        TargetState::Failed.as_str(),
                        None,
                        Some("the device has no management id in the snapshot; sync, then retry"),
                        &now(),
                    )?;
                    continue;
                };
                let kind = if action == JobAction::RestartDevice {
                    "RESTART_DEVICE"
                } else {
                    "SHUT_DOWN_DEVICE"
                };
                client
                    .send_mdm_command(management_id, &serde_json::json!({ "commandType": kind }))
                    .await
            }
        };
        let (state, uuid, error) = match result {
            Ok(uuid) => (TargetState::Submitted, Some(uuid), None),
            // Nothing reached the server: still not sent, and safe to send later.
            Err(e @ JamfError::Unreachable { .. }) => {
                (TargetState::NotSent, None, Some(e.to_string()))
            }
            Err(e @ JamfError::Timeout { .. }) => (TargetState::Unknown, None, Some(e.to_string())),
            Err(e) => (TargetState::Failed, None, Some(e.to_string())),
        };
        if state == TargetState::Submitted {
            sent += 1;
        }
        store.set_job_target(
            job,
            &target.jamf_id,
            state.as_str(),
            uuid.as_deref(),
            error.as_deref(),
            &now(),
        )?;
    }
    Ok(sent)
}

/// Reads the states of the commands still in flight and records them. Returns how many are
/// still in flight.
pub async fn poll(client: &JamfClient, store: &mut Store, job: i64) -> Result<usize, AppError> {
    let in_flight: Vec<_> = store
        .job_targets(job)?
        .into_iter()
        .filter(|t| TargetState::parse(&t.state).is_in_flight())
        .filter_map(|t| t.command_uuid.clone().map(|u| (t.jamf_id, u)))
        .collect();
    if in_flight.is_empty() {
        return Ok(0);
    }
    let uuids: Vec<String> = in_flight.iter().map(|(_, u)| u.clone()).collect();
    let statuses = client
        .command_statuses(&uuids)
        .await
        .map_err(|e| AppError::from(crate::sync::SyncError::Jamf(e)))?;
    let mut still = 0;
    for (jamf_id, uuid) in &in_flight {
        let Some(status) = statuses.iter().find(|s| &s.uuid == uuid) else {
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
        store.set_job_target(
            job,
            jamf_id,
            state.as_str(),
            None,
            status.error.as_deref(),
            &now(),
        )?;
    }
    Ok(still)
}
