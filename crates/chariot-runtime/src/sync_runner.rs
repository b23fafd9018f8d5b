//! Syncs in the background: one at a time, progress as events (a few per second at most), the
//! outcome in the status, and the automatic syncs (at start, on schedule).

use std::time::{Duration, Instant};

use chariot_core::AppError;
use chariot_core::status::{AppStatus, SyncOutcome, SyncStatus};
use chariot_core::sync::{CancelFlag, SyncPhase};

use crate::app::App;
use crate::error::RuntimeError;
use crate::host::{Event, Host};

/// The UI redraws its progress bar at most this often.
const PROGRESS_EVERY: Duration = Duration::from_millis(120);
/// How often the schedule looks at the settings of the moment (a change in Réglages applies
/// without a restart).
const SCHEDULE_TICK: Duration = Duration::from_secs(30);

impl<H: Host> App<H> {
    /// Starts a sync of the active profile; returns at once with `sync.running = true`. A
    /// second request while one runs changes nothing (the running one is not restarted).
    pub fn start_sync(&self, full: bool) -> Result<AppStatus, AppError> {
        let (profile, database) = self.active()?;
        let cancel = {
            let mut running = self
                .inner()
                .sync
                .lock()
                .map_err(|_| AppError::from(RuntimeError::StateInconsistent))?;
            if running.is_some() {
                return self.status();
            }
            let flag = CancelFlag::default();
            *running = Some(flag.clone());
            flag
        };
        let status = self.with_console(|c| {
            let last = c.sync_status().last.clone();
            c.set_sync(SyncStatus {
                running: true,
                last,
            });
            c.status()
        })?;
        self.host().emit(Event::Status(Box::new(status.clone())));
        let app = self.clone();
        self.host().spawn(Box::pin(async move {
            tracing::info!(profile = %profile.id, full, "sync started");
            let outcome = match app.client_for(&profile).await {
                Ok(client) => {
                    let mut last_event = Instant::now() - Duration::from_secs(1);
                    let mut published = false;
                    chariot_core::connection::sync_profile(
                        &client,
                        &profile,
                        &database,
                        full,
                        |p| {
                            // The snapshot is published before the lost devices' positions
                            // are read: the window shows the new inventory now, not at the end.
                            if p.phase == SyncPhase::Positions && !published {
                                published = true;
                                app.emit_status();
                            }
                            // The last report of a phase always goes out so the bar never
                            // sticks below 100 %.
                            if last_event.elapsed() >= PROGRESS_EVERY || p.done == p.total {
                                last_event = Instant::now();
                                app.host().emit(Event::SyncProgress(p));
                            }
                        },
                        &cancel,
                    )
                    .await
                }
                Err(error) => SyncOutcome::failed(app.host().now(), 0, error),
            };
            match &outcome.error {
                None => tracing::info!(devices = outcome.device_count, "sync finished"),
                Some(e) => tracing::warn!(code = ?e.code, error = %e.message, "sync failed"),
            }
            if let Ok(mut running) = app.inner().sync.lock() {
                *running = None;
            }
            let _ = app.with_console(|c| {
                c.set_sync(SyncStatus {
                    running: false,
                    last: Some(outcome),
                });
                Ok(())
            });
            app.emit_status();
        }));
        Ok(status)
    }

    /// Asks the running sync to stop at its next page; the previous snapshot stays as it was.
    pub fn cancel_sync(&self) {
        if let Ok(running) = self.inner().sync.lock()
            && let Some(flag) = running.as_ref()
        {
            flag.cancel();
        }
    }

    /// The sync at start (when asked for in Réglages) and the periodic one.
    pub fn schedule_syncs(&self) {
        let app = self.clone();
        self.host().spawn(Box::pin(async move {
            let at_start = app
                .with_console(|c| Ok(c.settings().sync_at_start && c.active_profile().is_some()))
                .unwrap_or(false);
            if at_start {
                let _ = app.start_sync(false);
            }
            loop {
                tokio::time::sleep(SCHEDULE_TICK).await;
                if app.sync_due().unwrap_or(false) {
                    let _ = app.start_sync(false);
                }
            }
        }));
    }

    /// Whether the periodic sync is due now: a profile, no sync running, and the last one
    /// older than the interval of Réglages (0 = never).
    pub fn sync_due(&self) -> Result<bool, AppError> {
        let now = self.host().now();
        self.with_console(|c| {
            let minutes = c.settings().auto_sync_minutes;
            if minutes == 0 || c.active_profile().is_none() || c.sync_status().running {
                return Ok(false);
            }
            let last = match &c.sync_status().last {
                Some(outcome) => Some(outcome.finished_at),
                None => c.snapshot()?.synced_at,
            };
            Ok(last.is_none_or(|at| now - at >= chrono::Duration::minutes(i64::from(minutes))))
        })
    }
}
