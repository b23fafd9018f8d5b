//! The demonstration school: the simulator started in-process on loopback, so anyone can try
//! Chariot with no account. Everything else (sync, screens) runs exactly as with a real server.

use chariot_jamf::{JamfClient, Secret};
use chariot_sim::{RunningSim, SimConfig};

use crate::error::{AppError, ErrorCode};
use crate::profiles::AuthKind;

pub struct DemoSchool {
    sim: RunningSim,
}

impl DemoSchool {
    /// The default school (one collège, two carts). The seed is fixed, so the same devices come
    /// back at every start and the demo's snapshot syncs incrementally like a real one.
    pub async fn start() -> Result<DemoSchool, AppError> {
        let config = SimConfig {
            devices: std::env::var("CHARIOT_DEMO_DEVICES")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(0),
            ..SimConfig::default()
        };
        let sim = chariot_sim::start(config).await.map_err(|e| {
            AppError::new(
                ErrorCode::Internal,
                format!("the demonstration school could not start: {e}"),
            )
            .with_hint("Restart Chariot; if it happens again, the log file has the details.")
            .with_detail(crate::ErrorDetail::DemoCouldNotStart)
        })?;
        tracing::info!(url = %sim.base_url(), "demonstration school started");
        Ok(DemoSchool { sim })
    }

    /// A client of the demo school, signed in as its API client.
    pub fn client(&self) -> Result<JamfClient, AppError> {
        let c = self.sim.credentials();
        crate::connection::client(
            crate::connection::parse_server(&self.sim.base_url())?,
            AuthKind::ApiClient,
            &c.client_id,
            Secret::new(c.client_secret),
        )
    }

    pub fn base_url(&self) -> String {
        self.sim.base_url()
    }

    /// Stops serving (the "network cut" of the demo: the app then works offline).
    pub async fn stop(self) {
        self.sim.shutdown().await;
    }
}
