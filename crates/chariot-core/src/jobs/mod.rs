//! Jobs (issue #6): an action on N devices with each device's own result, and the audit journal
//! that records them.
//!
//! A job is created from the plan the user confirmed: devices failing a precondition are
//! `refused` (never sent). Submitting sends one command per device not sent yet and records each
//! outcome at once. A send that timed out becomes `unknown` — the server may have acted — and
//! is never sent again by Chariot: the user decides (retry). Polling reads the command states by
//! UUID. Every request, refusal, final answer and retry goes into the append-only journal.

mod history;
mod plans;
mod poll;
mod send;
mod views;

pub use poll::poll;
pub use send::submit;
pub use views::{export_job, export_journal, journal, list, view};

use chariot_jamf::JamfVersion;
use chariot_store::{JobRow, NewJournalEntry, NewTarget, Store, TargetRow};
use chrono::{DateTime, Utc};

pub use crate::actions::TargetState;
use crate::actions::plan::build;
use crate::actions::{Action, ActionKind, ActionPlan, ActionRequest, JournalEvent};
use crate::error::{AppError, ErrorCode, ErrorDetail};

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

/// An action this server's version cannot send (the only reason `route` refuses one).
pub(crate) fn needs_newer_server(why: &crate::actions::Unavailable) -> ErrorDetail {
    ErrorDetail::ActionNeedsNewerServer {
        version: why.version.clone().unwrap_or_default(),
        needed: why.needed.clone(),
    }
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
        return Err(AppError::new(ErrorCode::InvalidInput, why.to_string())
            .with_hint("Ask the Jamf Pro administrator to update the server.")
            .with_detail(needs_newer_server(why)));
    }
    if plan.total == 0 {
        return Err(AppError::new(
            ErrorCode::NotFound,
            "none of these devices is in the local snapshot",
        )
        .with_hint("Synchronise, then choose the devices again.")
        .with_detail(ErrorDetail::DevicesNotInSnapshot));
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
        .with_hint("Choose devices that meet the condition.")
        .with_detail(ErrorDetail::NoDeviceQualifies {
            total: plan.total,
            reason: plan.refused.first().map(|r| r.reason),
        }));
    }
    if let Some(expected) = &plan.typed_confirmation {
        let typed = request.confirmation.as_deref().unwrap_or("").trim();
        if !typed.eq_ignore_ascii_case(expected.trim()) {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                format!("to erase, type «{expected}» to confirm"),
            )
            .with_hint("Erasing cannot be undone: type the number of devices (or the device's name) exactly.")
            .with_detail(ErrorDetail::EraseConfirmationMismatch {
                expected: expected.clone(),
            }));
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
    let at = Utc::now();
    let kind = request.action.kind();
    let params = serde_json::to_string(&request.action)
        .map_err(|e| AppError::internal(format!("cannot encode the action: {e}")))?;
    let job = store.create_job_with(kind, &params, account, at, &targets)?;
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
        at,
        account,
        job_id: Some(job),
        action: kind,
        event: JournalEvent::Requested,
        device_id: None,
        device_name: None,
        state: None,
        detail: &requested,
    }];
    for t in &targets {
        if let Some(reason) = &t.refusal {
            entries.push(NewJournalEntry {
                at,
                account,
                job_id: Some(job),
                action: kind,
                event: JournalEvent::Refused,
                device_id: Some(&t.jamf_id),
                device_name: Some(&t.device_name),
                state: Some(TargetState::Refused),
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
    match row.action {
        ActionKind::UpdateInventory => Ok(Action::UpdateInventory),
        ActionKind::Restart => Ok(Action::Restart),
        ActionKind::ShutDown => Ok(Action::ShutDown),
        other => Err(AppError::internal(format!(
            "job {} has parameters this version cannot read ({other})",
            row.id
        ))),
    }
}

fn job_row(store: &Store, job: i64) -> Result<JobRow, AppError> {
    store.job(job)?.ok_or_else(|| {
        AppError::new(ErrorCode::NotFound, format!("there is no job {job}"))
            .with_detail(ErrorDetail::JobNotFound { job })
    })
}

/// Moves a target and, when its answer is final, writes it to the journal.
fn record(
    store: &mut Store,
    job: &JobRow,
    target: &TargetRow,
    state: TargetState,
    uuid: Option<&str>,
    error: Option<&str>,
) -> Result<(), AppError> {
    let at = Utc::now();
    store.set_job_target(job.id, &target.jamf_id, state, uuid, error, at)?;
    if state.is_final() {
        store.append_journal(&[NewJournalEntry {
            at,
            account: &job.account,
            job_id: Some(job.id),
            action: job.action,
            event: JournalEvent::Result,
            device_id: Some(&target.jamf_id),
            device_name: Some(&target.device_name),
            state: Some(state),
            detail: error.unwrap_or(""),
        }])?;
    }
    Ok(())
}

/// Puts the targets in `states` (failed, unknown: the user decides) back to "not sent", to be
/// sent by the next [`submit`]. Returns how many.
pub fn retry(store: &mut Store, job: i64, states: &[TargetState]) -> Result<usize, AppError> {
    let row = job_row(store, job)?;
    let allowed: Vec<TargetState> = states
        .iter()
        .copied()
        .filter(|s| matches!(s, TargetState::Failed | TargetState::Unknown))
        .collect();
    if allowed.is_empty() {
        return Ok(0);
    }
    let at = Utc::now();
    let ids = store.reset_job_targets(job, &allowed, at)?;
    if !ids.is_empty() {
        let names: Vec<&str> = allowed.iter().map(|s| s.as_str()).collect();
        let detail = format!("{} device(s) ({})", ids.len(), names.join(", "));
        store.append_journal(&[NewJournalEntry {
            at,
            account: &row.account,
            job_id: Some(job),
            action: row.action,
            event: JournalEvent::Retried,
            device_id: None,
            device_name: None,
            state: None,
            detail: &detail,
        }])?;
    }
    Ok(ids.len())
}

/// Jobs whose devices have not all answered (to poll again after a restart).
pub fn in_flight(store: &Store) -> Result<Vec<i64>, AppError> {
    Ok(store.jobs_in_flight()?)
}
