//! Jobs in the background: sends the commands of a job, then polls their states with back-off
//! until every device has answered, emitting `job-changed` after each change. Each job runs
//! once at a time; jobs still waiting when the app closed are resumed at start. The runner has
//! its own SQLite connection, so the screens keep reading meanwhile.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chariot_core::actions::ActionKind;
use chariot_core::profiles::ServerProfile;
use chariot_core::{AppError, ErrorCode, jobs};
use chariot_store::Store;

use crate::app::App;
use crate::backoff::Backoff;
use crate::host::{Event, Host};

/// A job still waiting after this long is left for the next start (or the user's
/// "Actualiser").
const GIVE_UP_AFTER: Duration = Duration::from_secs(6 * 3600);

impl<H: Host> App<H> {
    /// Starts running `job` unless it already runs.
    pub(crate) fn run_job(&self, profile: ServerProfile, database: PathBuf, job: i64) {
        {
            let Ok(mut running) = self.inner().jobs.lock() else {
                return;
            };
            if !running.insert(job) {
                // Already running (polling): it sends what is not sent at its next turn.
                if let Ok(mut resubmit) = self.inner().resubmit.lock() {
                    resubmit.insert(job);
                }
                return;
            }
        }
        let app = self.clone();
        self.host().spawn(Box::pin(async move {
            if let Err(e) = app.follow_job(&profile, &database, job).await {
                tracing::warn!(job, code = ?e.code, error = %e.message, "job stopped");
            }
            if let Ok(mut running) = app.inner().jobs.lock() {
                running.remove(&job);
            }
            if let Ok(store) = Store::attach(&database) {
                app.emit_job(&store, job);
            }
        }));
    }

    /// Resumes polling the jobs of the active profile whose devices have not all answered.
    pub fn resume_jobs(&self) {
        let found = self.with_console(|c| {
            let Some(profile) = c.active_profile().cloned() else {
                return Ok(None);
            };
            Ok(Some((
                profile,
                c.database_path(),
                jobs::in_flight(c.store()?)?,
            )))
        });
        if let Ok(Some((profile, database, ids))) = found {
            for job in ids {
                tracing::info!(job, "resuming a job still waiting for devices");
                self.run_job(profile.clone(), database.clone(), job);
            }
        }
    }

    /// Tells the window where the job stands, read through the runner's own connection.
    fn emit_job(&self, store: &Store, job: i64) {
        if let Ok(view) = jobs::view(store, job) {
            self.host().emit(Event::JobChanged(view.summary));
        }
    }

    /// Lost mode and positions change without an inventory update: once such a job has its
    /// answers, an incremental sync brings them into the snapshot (the map, the inventory's
    /// lost filter), instead of waiting for the next scheduled sync.
    fn refresh_snapshot_after(&self, store: &Store, job: i64) {
        let Ok(view) = jobs::view(store, job) else {
            return;
        };
        let changes_lost_mode = matches!(
            view.summary.kind,
            ActionKind::EnableLostMode | ActionKind::DisableLostMode | ActionKind::UpdateLocation
        );
        if changes_lost_mode && view.summary.counts.done > 0 {
            let _ = self.start_sync(false);
        }
    }

    async fn follow_job(
        &self,
        profile: &ServerProfile,
        database: &Path,
        job: i64,
    ) -> Result<(), AppError> {
        let client = self.client_for(profile).await?;
        let mut store = Store::attach(database)?;
        let sent = jobs::submit(&client, &mut store, job).await;
        self.emit_job(&store, job);
        if let Err(e) = &sent
            && e.code == ErrorCode::Network
        {
            self.set_reachable(false);
        }
        sent?;
        let started = Instant::now();
        let mut backoff = Backoff::new();
        loop {
            tokio::time::sleep(backoff.next_pause()).await;
            let again = self
                .inner()
                .resubmit
                .lock()
                .map(|mut r| r.remove(&job))
                .unwrap_or(false);
            if again {
                if let Err(e) = jobs::submit(&client, &mut store, job).await {
                    tracing::warn!(job, error = %e.message, "sending again failed");
                }
                self.emit_job(&store, job);
                backoff.reset();
            }
            match jobs::poll(&client, &mut store, job).await {
                Ok(0) => {
                    self.set_reachable(true);
                    self.emit_job(&store, job);
                    self.refresh_snapshot_after(&store, job);
                    return Ok(());
                }
                Ok(_) => {
                    self.set_reachable(true);
                    self.emit_job(&store, job);
                }
                // Unreachable: keep the states, try again later, say offline meanwhile.
                Err(e) if e.code == ErrorCode::Network => self.set_reachable(false),
                Err(e) => return Err(e),
            }
            if started.elapsed() > GIVE_UP_AFTER {
                return Ok(());
            }
        }
    }
}
