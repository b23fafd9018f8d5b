//! Jobs (issue #6): an action on N devices with each device's own result, and the audit journal
//! that records them.
//!
//! A job is created from the plan the user confirmed: devices failing a precondition are
//! `refused` (never sent). Submitting sends one command per device not sent yet and records each
//! outcome at once. A send that timed out becomes `unknown` — the server may have acted — and
//! is never sent again by Chariot: the user decides (retry). Polling reads the command states by
//! UUID. Every request, refusal, final answer and retry goes into the append-only journal.

use chariot_jamf::{CommandState, HistoryState, JamfClient, JamfError, JamfVersion};
use chariot_store::{JobRow, JobTargetRow, NewJournalEntry, NewTarget, Store};
use chrono::{DateTime, Utc};

pub use crate::actions::TargetState;
use crate::actions::plan::build;
use crate::actions::{
    Action, ActionKind, ActionPlan, ActionRequest, JobCounts, JobSummary, JobTarget, JobView,
    JournalEntry, JournalEvent, JournalPage, JournalRequest, Route, has_pro_api_commands, route,
};
use crate::error::{AppError, ErrorCode};
use crate::views::inventory::parse_date;

/// What a plan depends on besides the devices.
#[derive(Debug, Clone)]
pub struct PlanContext {
    /// Inventories older than this are flagged.
    pub stale_before: DateTime<Utc>,
    /// The server's version, when known (from the last sync).
    pub version: Option<JamfVersion>,
    /// When the current snapshot was taken.
    pub snapshot_at: Option<DateTime<Utc>>,
}

/// The server version the last sync recorded.
pub fn known_version(store: &Store) -> Result<Option<JamfVersion>, AppError> {
    Ok(store
        .server_fact(crate::sync::VERSION_FACT)?
        .and_then(|v| JamfVersion::parse(&v)))
}

/// The confirmation's content for `request`.
pub fn plan(
    store: &Store,
    request: &ActionRequest,
    ctx: &PlanContext,
) -> Result<ActionPlan, AppError> {
    Ok(planned(store, request, ctx)?.plan)
}

fn planned(
    store: &Store,
    request: &ActionRequest,
    ctx: &PlanContext,
) -> Result<crate::actions::plan::Planned, AppError> {
    request.action.validate()?;
    build(
        store,
        &request.action,
        &request.device_ids,
        ctx.stale_before,
        ctx.version,
        ctx.snapshot_at,
    )
}

fn now() -> String {
    Utc::now().to_rfc3339()
}

/// Records the job the user confirmed (nothing is sent yet: see [`submit`]). Refuses when the
/// server cannot do the action, when no device is left to send to, or when an erase was not
/// confirmed by typing the count (or the device's name).
pub fn create(
    store: &mut Store,
    request: &ActionRequest,
    ctx: &PlanContext,
    account: &str,
    lang: crate::locale::Lang,
) -> Result<i64, AppError> {
    let planned = planned(store, request, ctx)?;
    let plan = &planned.plan;
    if let Some(why) = &plan.unavailable {
        return Err(AppError::new(ErrorCode::InvalidInput, why.clone())
            .with_hint("Ask the Jamf Pro administrator to update the server."));
    }
    if plan.total == 0 {
        return Err(AppError::new(
            ErrorCode::NotFound,
            "none of these devices is in the local snapshot",
        )
        .with_hint("Synchronise, then choose the devices again."));
    }
    if plan.to_send == 0 {
        return Err(AppError::new(
            ErrorCode::InvalidInput,
            format!(
                "the action cannot be sent to any of the {} devices: {}",
                plan.total,
                plan.refused
                    .first()
                    .map(|r| r.reason.text())
                    .unwrap_or("no device qualifies")
            ),
        )
        .with_hint("Choose devices that meet the condition."));
    }
    if let Some(expected) = &plan.typed_confirmation {
        let typed = request.confirmation.as_deref().unwrap_or("").trim();
        if !typed.eq_ignore_ascii_case(expected.trim()) {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                format!("to erase, type «{expected}» to confirm"),
            )
            .with_hint("Erasing cannot be undone: type the number of devices (or the device's name) exactly."));
        }
    }
    let targets: Vec<NewTarget> = planned
        .targets
        .iter()
        .map(|(row, why)| NewTarget {
            jamf_id: row.jamf_id.clone(),
            device_name: row.name.clone(),
            management_id: row.management_id.clone(),
            refusal: why.map(|r| r.text_in(lang).to_owned()),
        })
        .collect();
    let at = now();
    let kind = request.action.kind();
    let params = serde_json::to_string(&request.action)
        .map_err(|e| AppError::internal(format!("cannot encode the action: {e}")))?;
    let job = store.create_job_with(kind.as_str(), &params, account, &at, &targets)?;
    // Written in the language of the moment: the journal keeps what was said, as it was said.
    let details = request.action.details_in(lang);
    let counts = match lang {
        crate::locale::Lang::Fr => format!(
            "{} appareil(s), {} écarté(s)",
            plan.to_send,
            plan.refused.len()
        ),
        crate::locale::Lang::En => format!(
            "{} device(s), {} left out",
            plan.to_send,
            plan.refused.len()
        ),
    };
    let requested = if details.is_empty() {
        counts
    } else {
        format!("{counts} ; {details}")
    };
    let mut entries = vec![NewJournalEntry {
        at: &at,
        account,
        job_id: Some(job),
        action: kind.as_str(),
        event: JournalEvent::Requested.as_str(),
        device_id: None,
        device_name: None,
        state: None,
        detail: &requested,
    }];
    for t in &targets {
        if let Some(reason) = &t.refusal {
            entries.push(NewJournalEntry {
                at: &at,
                account,
                job_id: Some(job),
                action: kind.as_str(),
                event: JournalEvent::Refused.as_str(),
                device_id: Some(&t.jamf_id),
                device_name: Some(&t.device_name),
                state: Some(TargetState::Refused.as_str()),
                detail: reason,
            });
        }
    }
    store.append_journal(&entries)?;
    Ok(job)
}

/// Reads a job's action back (jobs of the first version stored no parameters).
fn job_action(row: &JobRow) -> Result<Action, AppError> {
    if let Ok(action) = serde_json::from_str::<Action>(&row.params) {
        return Ok(action);
    }
    match ActionKind::parse(&row.action) {
        Some(ActionKind::UpdateInventory) => Ok(Action::UpdateInventory),
        Some(ActionKind::Restart) => Ok(Action::Restart),
        Some(ActionKind::ShutDown) => Ok(Action::ShutDown),
        _ => Err(AppError::internal(format!(
            "job {} has an action this version cannot read ({})",
            row.id, row.action
        ))),
    }
}

fn job_row(store: &Store, job: i64) -> Result<JobRow, AppError> {
    store
        .job(job)?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound, format!("there is no job {job}")))
}

/// Moves a target and, when its answer is final, writes it to the journal.
fn record(
    store: &mut Store,
    job: &JobRow,
    target: &JobTargetRow,
    state: TargetState,
    uuid: Option<&str>,
    error: Option<&str>,
) -> Result<(), AppError> {
    let at = now();
    store.set_job_target(job.id, &target.jamf_id, state.as_str(), uuid, error, &at)?;
    if state.is_final() {
        store.append_journal(&[NewJournalEntry {
            at: &at,
            account: &job.account,
            job_id: Some(job.id),
            action: &job.action,
            event: JournalEvent::Result.as_str(),
            device_id: Some(&target.jamf_id),
            device_name: Some(&target.device_name),
            state: Some(state.as_str()),
            detail: error.unwrap_or(""),
        }])?;
    }
    Ok(())
}

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
    target: &JobTargetRow,
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
    let route = route(action.kind(), known_version(store)?)
        .map_err(|why| AppError::new(ErrorCode::InvalidInput, why))?;
    if let (Route::Plans, Some(config)) = (route, action.update_plan_config()) {
        return submit_plans(client, store, &row, &config).await;
    }
    let mut sent = 0;
    for target in store.job_targets(job)? {
        if TargetState::parse(&target.state) != TargetState::NotSent {
            continue;
        }
        let (state, uuid, error) = match send(client, &action, route, &target).await {
            Ok(uuid) => (TargetState::Submitted, Some(uuid), None),
            // Nothing reached the server: still not sent, and safe to send later.
            Err(e @ JamfError::Unreachable { .. }) => {
                (TargetState::NotSent, None, Some(e.to_string()))
            }
            Err(e @ JamfError::Timeout { .. }) => (
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
    let in_flight: Vec<JobTargetRow> = store
        .job_targets(job)?
        .into_iter()
        .filter(|t| TargetState::parse(&t.state).is_in_flight() && t.command_uuid.is_some())
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
        .map_err(|e| AppError::from(crate::sync::SyncError::Jamf(e)))?;
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
        if state.as_str() != target.state || status.error != target.error {
            record(store, &row, target, state, None, status.error.as_deref())?;
        }
    }
    Ok(still)
}

/// Devices per plan request: one write creates the plans of many devices (Jamf rate-limits
/// plan requests, so fewer, larger ones).
const PLAN_DEVICES_PER_REQUEST: usize = 100;

/// OS updates: one plan per device, created in batches; the plan id is kept where a command's
/// UUID would be.
async fn submit_plans(
    client: &JamfClient,
    store: &mut Store,
    row: &JobRow,
    config: &serde_json::Value,
) -> Result<usize, AppError> {
    let not_sent: Vec<JobTargetRow> = store
        .job_targets(row.id)?
        .into_iter()
        .filter(|t| TargetState::parse(&t.state) == TargetState::NotSent)
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
                    JamfError::Timeout { .. } => (
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

async fn poll_plans(
    client: &JamfClient,
    store: &mut Store,
    row: &JobRow,
) -> Result<usize, AppError> {
    let in_flight: Vec<JobTargetRow> = store
        .job_targets(row.id)?
        .into_iter()
        .filter(|t| TargetState::parse(&t.state).is_in_flight() && t.command_uuid.is_some())
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
            Err(e) => return Err(AppError::from(crate::sync::SyncError::Jamf(e))),
        };
        if state.is_in_flight() {
            still += 1;
        }
        if state.as_str() != target.state || error != target.error {
            record(store, row, target, state, None, error.as_deref())?;
        }
    }
    Ok(still)
}

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
async fn poll_history(
    client: &JamfClient,
    store: &mut Store,
    row: &JobRow,
    command: &str,
) -> Result<usize, AppError> {
    let in_flight: Vec<JobTargetRow> = store
        .job_targets(row.id)?
        .into_iter()
        .filter(|t| TargetState::parse(&t.state).is_in_flight())
        .collect();
    let wanted = command_key(command);
    let mut still = 0;
    for target in &in_flight {
        let since = date(&target.updated_at).timestamp_millis() - HISTORY_CLOCK_SLACK_MS;
        let history = client
            .device_history(&target.jamf_id)
            .await
            .map_err(|e| AppError::from(crate::sync::SyncError::Jamf(e)))?;
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
        if state.as_str() != target.state || error != target.error {
            record(store, row, target, state, None, error.as_deref())?;
        }
    }
    Ok(still)
}

/// Puts the targets in `states` (failed, unknown: the user decides) back to "not sent", to be
/// sent by the next [`submit`]. Returns how many.
pub fn retry(store: &mut Store, job: i64, states: &[TargetState]) -> Result<usize, AppError> {
    let row = job_row(store, job)?;
    let allowed: Vec<&str> = states
        .iter()
        .filter(|s| matches!(s, TargetState::Failed | TargetState::Unknown))
        .map(|s| s.as_str())
        .collect();
    if allowed.is_empty() {
        return Ok(0);
    }
    let at = now();
    let ids = store.reset_job_targets(job, &allowed, &at)?;
    if !ids.is_empty() {
        let detail = format!("{} device(s) ({})", ids.len(), allowed.join(", "));
        store.append_journal(&[NewJournalEntry {
            at: &at,
            account: &row.account,
            job_id: Some(job),
            action: &row.action,
            event: JournalEvent::Retried.as_str(),
            device_id: None,
            device_name: None,
            state: None,
            detail: &detail,
        }])?;
    }
    Ok(ids.len())
}

fn date(s: &str) -> DateTime<Utc> {
    parse_date(Some(s)).unwrap_or_default()
}

fn summary(store: &Store, row: &JobRow) -> Result<JobSummary, AppError> {
    let action = job_action(row)?;
    let mut counts = JobCounts::default();
    for (state, n) in store.job_counts(row.id)?.by_state {
        counts.add(TargetState::parse(&state), n);
    }
    Ok(JobSummary {
        id: row.id,
        kind: action.kind(),
        details: action.details(),
        action,
        account: row.account.clone(),
        created_at: date(&row.created_at),
        total: counts.total(),
        finished: counts.finished(),
        counts,
    })
}

/// A job with every device's row.
pub fn view(store: &Store, job: i64) -> Result<JobView, AppError> {
    let row = job_row(store, job)?;
    Ok(JobView {
        summary: summary(store, &row)?,
        targets: store
            .job_targets(job)?
            .into_iter()
            .map(|t| JobTarget {
                state: TargetState::parse(&t.state),
                device_id: t.jamf_id,
                device_name: t.device_name,
                error: t.error,
                updated_at: date(&t.updated_at),
            })
            .collect(),
    })
}

/// The most recent jobs, newest first.
pub fn list(store: &Store, limit: u32) -> Result<Vec<JobSummary>, AppError> {
    store
        .recent_jobs(limit)?
        .iter()
        .map(|row| summary(store, row))
        .collect()
}

/// Jobs whose devices have not all answered (to poll again after a restart).
pub fn in_flight(store: &Store) -> Result<Vec<i64>, AppError> {
    Ok(store.jobs_in_flight()?)
}

/// A page of the journal, newest first.
pub fn journal(store: &Store, request: &JournalRequest) -> Result<JournalPage, AppError> {
    let limit = request.limit.unwrap_or(200).clamp(1, 5000);
    let (rows, total) = store.journal(
        request.search.as_deref(),
        limit,
        request.offset.unwrap_or(0),
    )?;
    Ok(JournalPage {
        total,
        entries: rows
            .into_iter()
            .map(|r| JournalEntry {
                id: r.id,
                at: date(&r.at),
                account: r.account,
                job_id: r.job_id,
                kind: ActionKind::parse(&r.action),
                event: JournalEvent::parse(&r.event),
                device_id: r.device_id,
                device_name: r.device_name,
                state: r.state.as_deref().map(TargetState::parse),
                detail: r.detail,
            })
            .collect(),
    })
}

/// `export_job`: every device's result to a CSV file.
pub fn export_job(
    store: &Store,
    job: i64,
    path: &str,
    lang: crate::locale::Lang,
) -> Result<crate::ipc::ExportResult, AppError> {
    let view = view(store, job)?;
    let written =
        crate::export::write_atomically(path, &crate::actions::csv::job_csv(&view, lang))?;
    Ok(crate::ipc::ExportResult {
        path: written.display().to_string(),
        rows: view.targets.len() as u32,
    })
}

/// `export_journal`: every line matching `search` (all when empty), newest first, to CSV.
pub fn export_journal(
    store: &Store,
    search: Option<&str>,
    path: &str,
    lang: crate::locale::Lang,
) -> Result<crate::ipc::ExportResult, AppError> {
    let mut entries = Vec::new();
    loop {
        let page = journal(
            store,
            &JournalRequest {
                search: search.map(str::to_owned),
                limit: Some(5000),
                offset: Some(entries.len() as u32),
            },
        )?;
        let done =
            page.entries.is_empty() || entries.len() + page.entries.len() >= page.total as usize;
        entries.extend(page.entries);
        if done {
            break;
        }
    }
    let written =
        crate::export::write_atomically(path, &crate::actions::csv::journal_csv(&entries, lang))?;
    Ok(crate::ipc::ExportResult {
        path: written.display().to_string(),
        rows: entries.len() as u32,
    })
}
