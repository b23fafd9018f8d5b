//! Clients for the active profile: the demo school's (started on demand) or a real server's
//! with the secret from the OS keychain.

use chariot_core::connection;
use chariot_core::demo::DemoSchool;
use chariot_core::profiles::ServerProfile;
use chariot_core::secrets::Keychain;
use chariot_core::{AppError, ErrorCode};
use chariot_jamf::JamfClient;

use crate::AppState;

/// Starts the demo school unless it runs or its network is cut.
pub async fn ensure_demo(state: &AppState) -> Result<(), AppError> {
    let mut demo = state.demo.lock().await;
    if demo.school.is_none() && !demo.cut {
        demo.school = Some(DemoSchool::start().await?);
    }
    Ok(())
}

/// A client for `profile`. For the demo with its network cut, a client of the stopped school:
/// its requests fail like a real outage would.
pub async fn client_for(state: &AppState, profile: &ServerProfile) -> Result<JamfClient, AppError> {
    if profile.demo {
        ensure_demo(state).await?;
        let demo = state.demo.lock().await;
        return match (&demo.school, &demo.last_url) {
            (Some(school), _) => school.client(),
            (None, Some(url)) => connection::client(
                connection::parse_server(url)?,
                chariot_core::profiles::AuthKind::ApiClient,
                "chariot-demo",
                chariot_jamf::Secret::new("unused"),
            ),
            (None, None) => Err(AppError::new(
                ErrorCode::Network,
                "the demonstration school is stopped",
            )
            .with_hint("Réglages › École de démonstration › Rétablir le réseau.")),
        };
    }
    let server = connection::parse_server(&profile.server_url)?;
    let secret = Keychain::default().load(&server.to_string(), &profile.account)?;
    connection::client(server, profile.auth, &profile.account, secret)
}
