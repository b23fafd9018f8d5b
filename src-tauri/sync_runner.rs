//! Runs syncs in the background for the window: one at a time, progress as events (a few per
//! second at most), the result in the status, and the automatic syncs (at start, on schedule).

use std::time::{Duration, Instant};

use chariot_core::ipc::events;
use chariot_core::status::{AppStatus, SyncStatus};
use chariot_core::sync::{CancelFlag, SyncPhase};
use chariot_core::{AppError, ErrorCode};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::AppState;

/// Starts a sync of the active profile; returns at once with `sync.running = true`. A second
/// request while one runs changes nothing (the running one is not restarted).
pub fn start<R: Runtime>(app: &AppHandle<R>, full: bool) -> Result<AppStatus, AppError> {
    let state = app.state::<AppState>();
    let (profile, database) = state.with_console(|c| {
        let profile = c.active_profile().cloned().ok_or_else(|| {
            AppError::new(ErrorCode::InvalidInput, "no server is configured yet")
                .with_hint("Connect to Jamf Pro or try the demonstration school first.")
        })?;
        Ok((profile, c.database_path()))
    })?;
    let cancel = {
        let mut running = state
            .sync
            .lock()
            .map_err(|_| AppError::internal("the sync state was left inconsistent"))?;
        if running.is_some() {
            return state.with_console(|c| c.status());
        }
        let flag = CancelFlag::default();
        *running = Some(flag.clone());
        flag
    };
    let status = state.with_console(|c| {
        let last = c.sync_status().last.clone();
        c.set_sync(SyncStatus {
            running: true,
            last,
        });
        c.status()
    })?;
    let _ = app.emit(events::STATUS_CHANGED, &status);
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let state = app.state::<AppState>();
        tracing::info!(profile = %profile.id, full, "sync started");
        let outcome = match crate::session::client_for(&state, &profile).await {
            Ok(client) => {
                let mut last_event = Instant::now() - Duration::from_secs(1);
                let mut published = false;
                chariot_core::connection::sync_profile(
                    &client,
                    &profile,
                    &database,
                    full,
                    |p| {
                        // The snapshot is published before the lost devices' positions are
                        // read: the window shows the new inventory now, not at the end.
                        if p.phase == SyncPhase::Positions && !published {
                            published = true;
                            let state = app.state::<AppState>();
                            if let Ok(status) = state.with_console(|c| c.status()) {
                                let _ = app.emit(events::STATUS_CHANGED, &status);
                            }
                        }
                        // The UI redraws at most ~8 times a second; the last report of a phase
                        // always goes out so the bar never sticks below 100 %.
                        if last_event.elapsed() >= Duration::from_millis(120) || p.done == p.total {
                            last_event = Instant::now();
                            let _ = app.emit(events::SYNC_PROGRESS, &p);
                        }
                    },
                    &cancel,
                )
                .await
            }
            Err(error) => chariot_core::status::SyncOutcome {
                finished_at: chrono::Utc::now(),
                kind: None,
                device_count: 0,
                added: 0,
                changed: 0,
                removed: 0,
                incomplete: 0,
                positions_unread: 0,
                duration_ms: 0,
                error: Some(error),
            },
        };
        match &outcome.error {
            None => tracing::info!(devices = outcome.device_count, "sync finished"),
            Some(e) => tracing::warn!(code = ?e.code, error = %e.message, "sync failed"),
        }
        if let Ok(mut running) = state.sync.lock() {
            *running = None;
        }
        let status = state.with_console(|c| {
            c.set_sync(SyncStatus {
                running: false,
                last: Some(outcome),
            });
            c.status()
        });
        if let Ok(status) = status {
            let _ = app.emit(events::STATUS_CHANGED, &status);
        }
    });
    Ok(status)
}

/// Asks the running sync to stop at its next page; the previous snapshot stays as it was.
pub fn cancel(state: &AppState) {
    if let Ok(running) = state.sync.lock()
        && let Some(flag) = running.as_ref()
    {
        flag.cancel();
    }
}

/// The sync at start (when asked for in Réglages) and the periodic one. Checked every 30 s
/// against the settings of the moment, so a change in Réglages applies without a restart.
pub fn schedule<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let at_start = app
            .state::<AppState>()
            .with_console(|c| Ok(c.settings().sync_at_start && c.active_profile().is_some()))
            .unwrap_or(false);
        if at_start {
            let _ = start(&app, false);
        }
        loop {
            tokio::time::sleep(Duration::from_secs(30)).await;
            let due = app.state::<AppState>().with_console(|c| {
                let minutes = c.settings().auto_sync_minutes;
                if minutes == 0 || c.active_profile().is_none() || c.sync_status().running {
                    return Ok(false);
                }
                let last = match &c.sync_status().last {
                    Some(outcome) => Some(outcome.finished_at),
                    None => c.snapshot()?.synced_at,
                };
                Ok(last.is_none_or(|at| {
                    chrono::Utc::now() - at >= chrono::Duration::minutes(i64::from(minutes))
                }))
            });
            if due.unwrap_or(false) {
                let _ = start(&app, false);
            }
        }
    });
}
