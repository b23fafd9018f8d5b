//! Acting on devices: the confirmation's plan, starting and retrying jobs, the job view, the
//! audit journal and the lost-mode screen.

use chariot_core::actions::{
    ActionPlan, ActionRequest, JobSummary, JobView, JournalPage, JournalRequest,
};
use chariot_core::ipc::{
    ExportJobRequest, ExportJournalRequest, ExportPathRequest, ExportResult, IdRequest, JobRequest,
    RetryRequest,
};
use chariot_core::jobs::{self, PlanContext};
use chariot_core::views::{self, LostDevice, PositionStatus};
use chariot_core::{AppError, Console, ErrorCode};
use tauri::{AppHandle, Manager, Runtime, State};

use crate::AppState;

fn context(c: &Console) -> Result<PlanContext, AppError> {
    Ok(PlanContext {
        stale_before: c.stale_before(),
        version: jobs::known_version(c.store()?)?,
        snapshot_at: c.snapshot()?.synced_at,
    })
}

#[tauri::command]
pub fn plan_action(
    state: State<'_, AppState>,
    request: ActionRequest,
) -> Result<ActionPlan, AppError> {
    state.with_console(|c| jobs::plan(c.store()?, &request, &context(c)?))
}

/// Records the job the user confirmed and starts sending it in the background.
#[tauri::command]
pub fn start_job<R: Runtime>(
    app: AppHandle<R>,
    request: ActionRequest,
) -> Result<JobSummary, AppError> {
    let state = app.state::<AppState>();
    let (profile, database, summary) = state.with_console(|c| {
        let profile = c.active_profile().cloned().ok_or_else(|| {
            AppError::new(ErrorCode::InvalidInput, "no server is configured")
                .with_hint("Connect to Jamf Pro or try the demonstration school first.")
        })?;
        let ctx = context(c)?;
        let database = c.database_path();
        let lang = c.lang();
        let store = c.store_mut()?;
        let job = jobs::create(store, &request, &ctx, profile.acting_account(), lang)?;
        let summary = jobs::view(store, job)?.summary;
        Ok((profile, database, summary))
    })?;
    crate::job_runner::spawn(&app, profile, database, summary.id);
    Ok(summary)
}

#[tauri::command]
pub fn jobs(state: State<'_, AppState>) -> Result<Vec<JobSummary>, AppError> {
    state.with_console(|c| jobs::list(c.store()?, 100))
}

#[tauri::command]
pub fn job(state: State<'_, AppState>, request: JobRequest) -> Result<JobView, AppError> {
    state.with_console(|c| jobs::view(c.store()?, request.id))
}

/// Sends again to the devices in the states given (failed, unknown) and to those never sent.
#[tauri::command]
pub fn retry_job<R: Runtime>(
    app: AppHandle<R>,
    request: RetryRequest,
) -> Result<JobSummary, AppError> {
    let state = app.state::<AppState>();
    let (profile, database, summary) = state.with_console(|c| {
        let profile = c
            .active_profile()
            .cloned()
            .ok_or_else(|| AppError::new(ErrorCode::InvalidInput, "no server is configured"))?;
        let database = c.database_path();
        let store = c.store_mut()?;
        jobs::retry(store, request.id, &request.states)?;
        Ok((profile, database, jobs::view(store, request.id)?.summary))
    })?;
    crate::job_runner::spawn(&app, profile, database, request.id);
    Ok(summary)
}

#[tauri::command]
pub fn export_job(
    state: State<'_, AppState>,
    request: ExportJobRequest,
) -> Result<ExportResult, AppError> {
    state.with_console(|c| jobs::export_job(c.store()?, request.id, &request.path, c.lang()))
}

#[tauri::command]
pub fn journal(
    state: State<'_, AppState>,
    request: JournalRequest,
) -> Result<JournalPage, AppError> {
    state.with_console(|c| jobs::journal(c.store()?, &request))
}

#[tauri::command]
pub fn export_journal(
    state: State<'_, AppState>,
    request: ExportJournalRequest,
) -> Result<ExportResult, AppError> {
    state.with_console(|c| {
        jobs::export_journal(
            c.store()?,
            request.search.as_deref(),
            &request.path,
            c.lang(),
        )
    })
}

#[tauri::command]
pub fn lost_devices(state: State<'_, AppState>) -> Result<Vec<LostDevice>, AppError> {
    state.with_console(|c| views::lost::lost_devices(c.store()?, c.stale_before()))
}

#[tauri::command]
pub fn export_lost_devices(
    state: State<'_, AppState>,
    request: ExportPathRequest,
) -> Result<ExportResult, AppError> {
    state.with_console(|c| {
        views::lost::export_lost_devices(c.store()?, c.stale_before(), &request.path, c.lang())
    })
}

#[tauri::command]
pub fn position_status(
    state: State<'_, AppState>,
    request: IdRequest,
) -> Result<PositionStatus, AppError> {
    state.with_console(|c| views::lost::position_status(c.store()?, &request.id))
}

/// The iOS versions the server offers for updates (the OS update dialog's list). Needs the
/// server; the dialog still lets the user type a version when this fails.
#[tauri::command]
pub async fn available_os_updates(state: State<'_, AppState>) -> Result<Vec<String>, AppError> {
    let profile = state.with_console(|c| {
        c.active_profile()
            .cloned()
            .ok_or_else(|| AppError::new(ErrorCode::InvalidInput, "no server is configured"))
    })?;
    let client = crate::session::client_for(&state, &profile).await?;
    client.available_ios_updates().await.map_err(AppError::from)
}
