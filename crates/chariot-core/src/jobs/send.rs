//! Sending: each device's command by the route its server's version takes.

use chariot_jamf::{JamfClient, JamfError};
use chariot_store::{Store, TargetRow};

use super::plans::submit_plans;
use super::{TargetState, job_action, job_row, known_version, needs_newer_server, record};
use crate::actions::{Action, Route, route};
use crate::error::{AppError, ErrorCode};

/// The Classic API's parameters of an action, as (element, text) pairs.
fn classic_fields(action: &Action) -> Vec<(&'static str, String)> {
    match action {
        Action::EnableLostMode {
            message,
            phone,
            footnote,
            always_enforce,
        } => {
            let mut fields = vec![];
            for (name, value) in [
                ("lost_mode_message", message),
                ("lost_mode_phone", phone),
                ("lost_mode_footnote", footnote),
            ] {
                if !value.trim().is_empty() {
                    fields.push((name, value.trim().to_owned()));
                }
            }
            fields.push(("always_enforce_lost_mode", always_enforce.to_string()));
            fields
        }
        Action::Erase {
            preserve_data_plan,
            disallow_proximity_setup,
        } => vec![
            ("preserve_data_plan", preserve_data_plan.to_string()),
            (
                "disallow_proximity_setup",
                disallow_proximity_setup.to_string(),
            ),
        ],
        Action::RefreshCellularPlans { esim_server_url } => {
            vec![("e_sim_server_url", esim_server_url.trim().to_owned())]
        }
        _ => vec![],
    }
}

/// Sends one device's command by its route. The unlock token of a Jamf Pro API clear-passcode
/// is read from the server just before and goes nowhere but into the request (the Classic
/// command lets Jamf use the token it holds).
async fn send(
    client: &JamfClient,
    action: &Action,
    route: Route,
    target: &TargetRow,
) -> Result<String, JamfError> {
    let management_id = target.management_id.as_deref().unwrap_or_default();
    match (route, action) {
        (Route::Classic(name), _) => {
            let fields = classic_fields(action);
            let fields = (!fields.is_empty()).then_some(fields.as_slice());
            client
                .send_classic_command_with(name, &target.jamf_id, fields)
                .await
        }
        (Route::ProApi, Action::ClearPasscode) => {
            let Some(token) = client.unlock_token(&target.jamf_id).await? else {
                return Err(JamfError::Decode {
                    what: "the device's unlock token".into(),
                    detail: "Jamf Pro has no unlock token for this device (it never escrowed \
                             one): its passcode cannot be cleared remotely"
                        .into(),
                });
            };
            client
                .send_mdm_command(
                    management_id,
                    &serde_json::json!({
                        "commandType": "CLEAR_PASSCODE",
                        "unlockToken": token.expose(),
                    }),
                )
                .await
        }
        (Route::ProApi, other) => match other.command_data() {
            Some(data) => client.send_mdm_command(management_id, &data).await,
            None => Err(JamfError::Decode {
                what: "the command".into(),
                detail: format!("{} has no Jamf Pro API form", other.kind().label()),
            }),
        },
        // `submit` sends plans by batches, never one by one.
        (Route::Plans, _) => Err(JamfError::Decode {
            what: "the command".into(),
            detail: "OS updates are sent as update plans".into(),
        }),
    }
}

/// Sends the commands of the targets not sent yet. Returns how many were sent.
pub async fn submit(client: &JamfClient, store: &mut Store, job: i64) -> Result<usize, AppError> {
    let row = job_row(store, job)?;
    let action = job_action(&row)?;
    let version = known_version(store)?;
    let route = route(action.kind(), version).map_err(|why| {
        AppError::new(ErrorCode::InvalidInput, why.to_string())
            .with_detail(needs_newer_server(&why))
    })?;
    if let (Route::Plans, Some(config)) = (route, action.update_plan_config()) {
        return submit_plans(client, store, &row, &config).await;
    }
    let mut sent = 0;
    for target in store.job_targets(job)? {
        if target.state != TargetState::NotSent {
            continue;
        }
        let (state, uuid, error) = match send(client, &action, route, &target).await {
            Ok(uuid) => (TargetState::Submitted, Some(uuid), None),
            // Nothing reached the server: still not sent, and safe to send later.
            Err(e @ JamfError::Unreachable { .. }) => {
                (TargetState::NotSent, None, Some(e.to_string()))
            }
            Err(e @ (JamfError::Timeout { .. } | JamfError::WriteOutcomeUnknown { .. })) => (
                TargetState::Unknown,
                None,
                Some(format!(
                    "{e}. The server may have acted: check the device, then retry if needed."
                )),
            ),
            Err(e) => (TargetState::Failed, None, Some(e.to_string())),
        };
        if state == TargetState::Submitted {
            sent += 1;
        }
        record(
            store,
            &row,
            &target,
            state,
            uuid.as_deref(),
            error.as_deref(),
        )?;
    }
    Ok(sent)
}
