//! Runs jobs in the background for the window: sends the commands of a job, then polls their
//! states with back-off until every device has answered, emitting `job-changed` after each
//! change. Each job runs once at a time; jobs still waiting when the app closed are resumed at
//! start. The runner has its own SQLite connection, so the screens keep reading meanwhile.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chariot_core::ipc::events;
use chariot_core::jobs;
use chariot_core::profiles::ServerProfile;
use chariot_core::{AppError, ErrorCode};
use chariot_store::Store;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::AppState;

/// Polling pauses: devices awake answer within seconds, asleep ones within minutes or hours.
const FIRST_PAUSE: Duration = Duration::from_secs(2);
const LONGEST_PAUSE: Duration = Duration::from_secs(60);
/// A job still waiting after this long is left for the next start (or the user's "Actualiser").
const GIVE_UP_AFTER: Duration = Duration::from_secs(6 * 3600);

/// Starts running `job` unless it already runs.
pub fn spawn<R: Runtime>(app: &AppHandle<R>, profile: ServerProfile, database: PathBuf, job: i64) {
    let state = app.state::<AppState>();
    {
        let Ok(mut running) = state.jobs.lock() else {
            return;
        };
        if !running.insert(job) {
            // Already running (polling): it sends what is not sent at its next turn.
            if let Ok(mut resubmit) = state.resubmit.lock() {
                resubmit.insert(job);
            }
            return;
        }
    }
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        if let Err(e) = run(&app, &profile, &database, job).await {
            tracing::warn!(job, code = ?e.code, error = %e.message, "job stopped");
        }
        if let Ok(mut running) = app.state::<AppState>().jobs.lock() {
            running.remove(&job);
        }
        if let Ok(store) = Store::attach(&database) {
            emit(&app, &store, job);
        }
    });
}

/// Resumes polling the jobs of the active profile whose devices have not all answered.
pub fn resume<R: Runtime>(app: &AppHandle<R>) {
    let found = app.state::<AppState>().with_console(|c| {
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
            spawn(app, profile.clone(), database.clone(), job);
        }
    }
}

/// Tells the window where the job stands, read through the runner's own connection.
fn emit<R: Runtime>(app: &AppHandle<R>, store: &Store, job: i64) {
    if let Ok(view) = jobs::view(store, job) {
        let _ = app.emit(events::JOB_CHANGED, &view.summary);
    }
}

/// Online or offline as the last request found it; the status goes out only when it changed.
fn set_reachable<R: Runtime>(app: &AppHandle<R>, reachable: bool) {
    let state = app.state::<AppState>();
    let changed = state.with_console(|c| {
        if c.set_reachable(reachable) {
            c.status().map(Some)
        } else {
            Ok(None)
        }
    });
    if let Ok(Some(status)) = changed {
        let _ = app.emit(events::STATUS_CHANGED, &status);
    }
}

/// Lost mode and positions change without an inventory update: once such a job has its
/// answers, an incremental sync brings them into the snapshot (the map, the inventory's lost
/// filter), instead of waiting for the next scheduled sync.
fn refresh_snapshot_after<R: Runtime>(app: &AppHandle<R>, store: &Store, job: i64) {
    use chariot_core::actions::ActionKind;
    let Ok(view) = jobs::view(store, job) else {
        return;
    };
    let changes_lost_mode = matches!(
        view.summary.kind,
        ActionKind::EnableLostMode | ActionKind::DisableLostMode | ActionKind::UpdateLocation
    );
    if changes_lost_mode && view.summary.counts.done > 0 {
        let _ = crate::sync_runner::start(app, false);
    }
}

async fn run<R: Runtime>(
    app: &AppHandle<R>,
    profile: &ServerProfile,
    database: &Path,
    job: i64,
) -> Result<(), AppError> {
    let state = app.state::<AppState>();
    let client = crate::session::client_for(&state, profile).await?;
    let mut store = Store::attach(database)?;
    let sent = jobs::submit(&client, &mut store, job).await;
    emit(app, &store, job);
    if let Err(e) = &sent
        && e.code == ErrorCode::Network
    {
        set_reachable(app, false);
    }
    sent?;
    let started = std::time::Instant::now();
    let mut pause = FIRST_PAUSE;
    loop {
        tokio::time::sleep(pause).await;
        let again = state
            .resubmit
            .lock()
            .map(|mut r| r.remove(&job))
            .unwrap_or(false);
        if again {
            if let Err(e) = jobs::submit(&client, &mut store, job).await {
                tracing::warn!(job, error = %e.message, "sending again failed");
            }
            emit(app, &store, job);
            pause = FIRST_PAUSE;
        }
        match jobs::poll(&client, &mut store, job).await {
            Ok(0) => {
                set_reachable(app, true);
                emit(app, &store, job);
                refresh_snapshot_after(app, &store, job);
                return Ok(());
            }
            Ok(_) => {
                set_reachable(app, true);
                emit(app, &store, job);
            }
            // Unreachable: keep the states, try again later, say offline meanwhile.
            Err(e) if e.code == ErrorCode::Network => set_reachable(app, false),
            Err(e) => return Err(e),
        }
        if started.elapsed() > GIVE_UP_AFTER {
            return Ok(());
        }
        pause = (pause * 3 / 2).min(LONGEST_PAUSE);
    }
}
