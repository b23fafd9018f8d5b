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
use chariot_core::{AppError, Console};

use crate::app::App;
use crate::error::RuntimeError;
use crate::host::Host;

fn context(c: &Console) -> Result<PlanContext, AppError> {
    Ok(PlanContext {
        stale_before: c.stale_before(),
        version: jobs::known_version(c.store()?)?,
        snapshot_at: c.snapshot()?.synced_at,
    })
}

impl<H: Host> App<H> {
    pub async fn plan_action(&self, request: ActionRequest) -> Result<ActionPlan, AppError> {
        self.with_console(|c| jobs::plan(c.store()?, &request, &context(c)?))
    }

    /// Records the job the user confirmed and starts sending it in the background.
    pub async fn start_job(&self, request: ActionRequest) -> Result<JobSummary, AppError> {
        let (profile, database, summary) = self.with_console(|c| {
            let profile = c
                .active_profile()
                .cloned()
                .ok_or_else(|| AppError::from(RuntimeError::NotConfigured))?;
            let ctx = context(c)?;
            let database = c.database_path();
            let lang = c.lang();
            let store = c.store_mut()?;
            let job = jobs::create(store, &request, &ctx, profile.acting_account(), lang)?;
            let summary = jobs::view(store, job)?.summary;
            Ok((profile, database, summary))
        })?;
        self.run_job(profile, database, summary.id);
        Ok(summary)
    }

    pub async fn jobs(&self) -> Result<Vec<JobSummary>, AppError> {
        self.with_console(|c| jobs::list(c.store()?, 100))
    }

    pub async fn job(&self, request: JobRequest) -> Result<JobView, AppError> {
        self.with_console(|c| jobs::view(c.store()?, request.id))
    }

    /// Sends again to the devices in the states given (failed, unknown) and to those never
    /// sent.
    pub async fn retry_job(&self, request: RetryRequest) -> Result<JobSummary, AppError> {
        let (profile, database) = self.active()?;
        let summary = self.with_console(|c| {
            let store = c.store_mut()?;
            jobs::retry(store, request.id, &request.states)?;
            Ok(jobs::view(store, request.id)?.summary)
        })?;
        self.run_job(profile, database, request.id);
        Ok(summary)
    }

    pub async fn export_job(&self, request: ExportJobRequest) -> Result<ExportResult, AppError> {
        self.with_console(|c| jobs::export_job(c.store()?, request.id, &request.path, c.lang()))
    }

    pub async fn journal(&self, request: JournalRequest) -> Result<JournalPage, AppError> {
        self.with_console(|c| jobs::journal(c.store()?, &request))
    }

    pub async fn export_journal(
        &self,
        request: ExportJournalRequest,
    ) -> Result<ExportResult, AppError> {
        self.with_console(|c| {
            let search = request.search.as_deref();
            jobs::export_journal(c.store()?, search, &request.path, c.lang())
        })
    }

    pub async fn lost_devices(&self) -> Result<Vec<LostDevice>, AppError> {
        self.with_console(|c| views::lost::lost_devices(c.store()?, c.stale_before()))
    }

    pub async fn export_lost_devices(
        &self,
        request: ExportPathRequest,
    ) -> Result<ExportResult, AppError> {
        self.with_console(|c| {
            let stale_before = c.stale_before();
            views::lost::export_lost_devices(c.store()?, stale_before, &request.path, c.lang())
        })
    }

    pub async fn position_status(&self, request: IdRequest) -> Result<PositionStatus, AppError> {
        self.with_console(|c| views::lost::position_status(c.store()?, &request.id))
    }

    /// The iOS versions the server offers for updates (the OS update dialog's list). Needs
    /// the server; the dialog still lets the user type a version when this fails.
    pub async fn available_os_updates(&self) -> Result<Vec<String>, AppError> {
        let (profile, _) = self.active()?;
        let client = self.client_for(&profile).await?;
        client.available_ios_updates().await.map_err(AppError::from)
    }
}
