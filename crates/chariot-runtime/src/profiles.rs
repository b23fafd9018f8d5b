//! Server profiles: the demo school, the connection form's "Tester" and "Enregistrer",
//! switching and deleting. Secrets go to the host's keychain and nowhere else.

use chariot_core::AppError;
use chariot_core::connection;
use chariot_core::ipc::{DemoNetworkRequest, IdRequest};
use chariot_core::locale::Lang;
use chariot_core::profiles::{ConnectionCheck, ProfileDraft, ServerProfile, profile_id};
use chariot_core::status::AppStatus;
use chariot_jamf::{Secret, ServerUrl};

use crate::app::App;
use crate::error::{BusyAction, RuntimeError};
use crate::host::{Event, Host};

impl<H: Host> App<H> {
    /// "Essayer avec une école de démonstration": starts the simulated school, makes it the
    /// active profile and syncs it.
    pub async fn start_demo(&self) -> Result<AppStatus, AppError> {
        self.inner().demo.lock().await.cut = false;
        self.ensure_demo().await?;
        let label = match self.with_console(|c| Ok(c.lang()))? {
            Lang::Fr => "École de démonstration",
            Lang::En => "Demonstration school",
        };
        self.with_console(|c| c.save_and_activate(ServerProfile::demo(label)))?;
        self.start_sync(false)
    }

    /// Cuts or restores the demo school's network (the simulator really stops), to try the
    /// offline mode. A sync after a cut fails like a real outage and keeps the last snapshot.
    pub async fn set_demo_network(
        &self,
        request: DemoNetworkRequest,
    ) -> Result<AppStatus, AppError> {
        let mut demo = self.inner().demo.lock().await;
        if request.online {
            demo.cut = false;
            drop(demo);
            self.ensure_demo().await?;
        } else {
            demo.cut = true;
            if let Some(school) = demo.school.take() {
                demo.last_url = Some(school.base_url());
                school.stop().await;
            }
        }
        self.status()
    }

    /// "Tester": never saves anything.
    pub async fn test_connection(&self, draft: ProfileDraft) -> Result<ConnectionCheck, AppError> {
        let server = check_draft(&draft)?;
        let secret = self.secret_for(&draft, &server)?;
        let client = connection::client(server, draft.auth, draft.account.trim(), secret)?;
        Ok(connection::check(&client).await)
    }

    /// "Enregistrer": the secret to the keychain, the profile to the settings, then a first
    /// sync.
    pub async fn save_profile(&self, draft: ProfileDraft) -> Result<AppStatus, AppError> {
        let server = check_draft(&draft)?;
        let account = draft.account.trim().to_owned();
        let id = profile_id(&server);
        let secret = typed_secret(&draft);
        // Editing may have changed the server or account: the old keychain entry goes, and the
        // new one needs the secret typed again.
        let moved = draft
            .id
            .as_ref()
            .and_then(|old_id| self.with_console(|c| c.profile(old_id).cloned()).ok())
            .filter(|o| o.server_url != server.to_string() || o.account != account);
        if secret.is_none() {
            if draft.id.is_none() {
                return Err(RuntimeError::EmptySecret.into());
            }
            if moved.is_some() {
                return Err(RuntimeError::MovedWithoutSecret.into());
            }
        }
        let keychain = self.host().keychain();
        if let Some(secret) = &secret {
            keychain.store(&server.to_string(), &account, secret)?;
        }
        if let Some(old) = moved {
            let _ = keychain.delete(&old.server_url, &old.account);
            if old.id != id {
                self.with_console(|c| c.delete_profile(&old.id).map(|_| ()))?;
            }
        }
        let label = match draft.label.trim() {
            "" => server.host().to_owned(),
            l => l.to_owned(),
        };
        let profile = ServerProfile {
            id,
            label,
            server_url: server.to_string(),
            auth: draft.auth,
            account,
            demo: false,
        };
        self.with_console(|c| c.save_and_activate(profile))?;
        self.start_sync(false)
    }

    pub async fn switch_profile(&self, request: IdRequest) -> Result<AppStatus, AppError> {
        if self.sync_running() {
            return Err(RuntimeError::SyncRunning {
                action: BusyAction::SwitchServer,
            }
            .into());
        }
        let status = self.with_console(|c| c.switch_profile(&request.id))?;
        self.host().emit(Event::Status(Box::new(status.clone())));
        Ok(status)
    }

    pub async fn delete_profile(&self, request: IdRequest) -> Result<AppStatus, AppError> {
        if self.sync_running() {
            return Err(RuntimeError::SyncRunning {
                action: BusyAction::DeleteServer,
            }
            .into());
        }
        let profile = self.with_console(|c| c.delete_profile(&request.id))?;
        if !profile.demo {
            self.host()
                .keychain()
                .delete(&profile.server_url, &profile.account)?;
        }
        self.status()
    }

    /// The secret typed in the form, or (editing a saved profile) the one in the keychain.
    fn secret_for(&self, draft: &ProfileDraft, server: &ServerUrl) -> Result<Secret, AppError> {
        match typed_secret(draft) {
            Some(s) => Ok(s),
            None if draft.id.is_some() => self
                .host()
                .keychain()
                .load(&server.to_string(), draft.account.trim()),
            None => Err(RuntimeError::EmptySecret.into()),
        }
    }
}

fn typed_secret(draft: &ProfileDraft) -> Option<Secret> {
    draft
        .secret
        .as_ref()
        .filter(|s| !s.0.is_empty())
        .map(|s| Secret::new(s.0.clone()))
}

fn check_draft(draft: &ProfileDraft) -> Result<ServerUrl, AppError> {
    if draft.account.trim().is_empty() {
        return Err(RuntimeError::EmptyAccount.into());
    }
    connection::parse_server(&draft.server_url)
}
