//! Clients for a profile: the demonstration school's (started on demand) or a real server's
//! with the secret from the keychain the host provides.

use chariot_core::connection;
use chariot_core::demo::DemoSchool;
use chariot_core::profiles::{AuthKind, ServerProfile};
use chariot_core::{AppError, ErrorCode};
use chariot_jamf::{JamfClient, Secret};

use crate::app::App;
use crate::error::RuntimeError;
use crate::host::Host;

/// The demonstration school while the app runs. `cut` simulates a network cut (the simulator
/// is stopped and requests fail for real) so the offline mode can be tried.
#[derive(Default)]
pub struct DemoState {
    pub school: Option<DemoSchool>,
    /// The address the school had before it was stopped: requests to it are refused.
    pub last_url: Option<String>,
    pub cut: bool,
}

impl<H: Host> App<H> {
    /// Starts the demo school unless it runs or its network is cut.
    pub(crate) async fn ensure_demo(&self) -> Result<(), AppError> {
        let mut demo = self.inner().demo.lock().await;
        if demo.school.is_none() && !demo.cut {
            demo.school = Some(DemoSchool::start().await?);
        }
        Ok(())
    }

    /// A client for `profile`. For the demo with its network cut, a client of the stopped
    /// school: its requests fail like a real outage would.
    pub async fn client_for(&self, profile: &ServerProfile) -> Result<JamfClient, AppError> {
        if profile.demo {
            self.ensure_demo().await?;
            let demo = self.inner().demo.lock().await;
            return match (&demo.school, &demo.last_url) {
                (Some(school), _) => school.client(),
                (None, Some(url)) => connection::client(
                    connection::parse_server(url)?,
                    AuthKind::ApiClient,
                    "chariot-demo",
                    Secret::new("unused"),
                ),
                (None, None) => Err(RuntimeError::DemoStopped.into()),
            };
        }
        let server = connection::parse_server(&profile.server_url)?;
        let secret = self
            .host()
            .keychain()
            .load(&server.to_string(), &profile.account)?;
        connection::client(server, profile.auth, &profile.account, secret)
    }

    /// Runs `request` with a client of the active profile, and keeps "online"/"offline" in
    /// the status as the request found the server.
    pub(crate) async fn with_server<T, F>(
        &self,
        request: impl FnOnce(JamfClient, std::path::PathBuf) -> F,
    ) -> Result<T, AppError>
    where
        F: std::future::Future<Output = Result<T, AppError>>,
    {
        let (profile, database) = self.active()?;
        let client = self.client_for(&profile).await?;
        let result = request(client, database).await;
        match &result {
            Err(e) if e.code == ErrorCode::Network => self.set_reachable(false),
            Err(_) => {}
            Ok(_) => self.set_reachable(true),
        }
        result
    }
}
