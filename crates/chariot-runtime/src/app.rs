//! The app layer's state for one running app: the console (settings, the active profile's
//! database), the running sync, the running jobs and the demonstration school, behind one
//! cloneable handle that every host keeps.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use chariot_core::profiles::ServerProfile;
use chariot_core::status::AppStatus;
use chariot_core::sync::CancelFlag;
use chariot_core::{AppError, Console, ConsolePaths};

use crate::error::RuntimeError;
use crate::host::{Event, Host};
use crate::session::DemoState;

pub struct App<H: Host> {
    inner: Arc<Inner<H>>,
}

impl<H: Host> Clone for App<H> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

pub(crate) struct Inner<H> {
    pub(crate) host: H,
    console: Mutex<Console>,
    /// The running sync's cancel flag; `None` when no sync runs.
    pub(crate) sync: Mutex<Option<CancelFlag>>,
    /// The jobs a runner is sending or polling now (one runner per job).
    pub(crate) jobs: Mutex<HashSet<i64>>,
    /// Running jobs the user asked to send again (retry): their runner submits at its next turn.
    pub(crate) resubmit: Mutex<HashSet<i64>>,
    pub(crate) demo: tokio::sync::Mutex<DemoState>,
}

impl<H: Host> App<H> {
    /// Opens the console (settings, local database) for `host`. Never fails: problems with
    /// local state are kept in the status and shown to the user.
    pub fn open(host: H, paths: ConsolePaths, system_locale: Option<String>) -> App<H> {
        App {
            inner: Arc::new(Inner {
                host,
                console: Mutex::new(Console::open(paths, system_locale)),
                sync: Mutex::new(None),
                jobs: Mutex::new(HashSet::new()),
                resubmit: Mutex::new(HashSet::new()),
                demo: tokio::sync::Mutex::new(DemoState::default()),
            }),
        }
    }

    pub fn host(&self) -> &H {
        &self.inner.host
    }

    pub(crate) fn inner(&self) -> &Inner<H> {
        &self.inner
    }

    /// Runs `f` with the console. A poisoned lock (a panic in an earlier command) is reported
    /// as an internal error instead of taking the whole app down.
    pub fn with_console<T>(
        &self,
        f: impl FnOnce(&mut Console) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let mut console = self
            .inner
            .console
            .lock()
            .map_err(|_| AppError::from(RuntimeError::StateInconsistent))?;
        f(&mut console)
    }

    pub fn status(&self) -> Result<AppStatus, AppError> {
        self.with_console(|c| c.status())
    }

    /// Sends the current status to the host.
    pub(crate) fn emit_status(&self) {
        if let Ok(status) = self.status() {
            self.inner.host.emit(Event::Status(Box::new(status)));
        }
    }

    /// The active profile and its database, or the one "no server is configured" error.
    pub(crate) fn active(&self) -> Result<(ServerProfile, std::path::PathBuf), AppError> {
        self.with_console(|c| {
            let profile = c
                .active_profile()
                .cloned()
                .ok_or_else(|| AppError::from(RuntimeError::NotConfigured))?;
            Ok((profile, c.database_path()))
        })
    }

    pub(crate) fn sync_running(&self) -> bool {
        self.inner.sync.lock().map(|s| s.is_some()).unwrap_or(false)
    }

    /// Online or offline as the last request found it; the status goes out only when it
    /// changed.
    pub(crate) fn set_reachable(&self, reachable: bool) {
        let changed = self.with_console(|c| Ok(c.set_reachable(reachable)));
        if changed.unwrap_or(false) {
            self.emit_status();
        }
    }
}
