//! Start-up configuration of the simulator.

use crate::faults::FaultConfig;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::time::Duration;

/// How to start the simulator. `Default` gives the demo school on an ephemeral port.
#[derive(Debug, Clone)]
pub struct SimConfig {
    /// Seed of the demo school and of the fault dice.
    pub seed: u64,
    /// Number of devices; 0 = the default school: 1 school, 2 carts (38 devices).
    pub devices: usize,
    /// Latency added to every Jamf request (also changeable at run time through faults).
    pub latency: Duration,
    pub faults: FaultConfig,
    /// Lifetime of user bearer tokens (Jamf: 30 minutes).
    pub token_ttl: Duration,
    /// Access Token Lifetime of the demo API client (the docs example shows 600 s).
    pub oauth_token_ttl: Duration,
    /// 0 = ephemeral port. The simulator always binds 127.0.0.1.
    pub port: u16,
    /// Simulated time at start; `None` = the real current time.
    pub start_time: Option<DateTime<Utc>>,
    /// How many simulated seconds pass per real second (1.0 = real time).
    pub clock_speed: f64,
    /// Maximum accepted request body, in bytes.
    pub body_limit: usize,
    /// The version `GET /api/v1/jamf-pro-version` reports (drives Classic command removals
    /// on the client side).
    pub jamf_version: String,
    pub credentials: DemoCredentials,
    /// Devices whose inventory Jamf "cannot process" (reference §4.2): with
    /// `exception-handling=STRICT` (the default) a page holding one fails with a 500; with
    /// `LENIENT` the broken section (applications) comes back null. 0 = none (the demo school).
    pub unprocessable_devices: usize,
}

impl Default for SimConfig {
    fn default() -> Self {
        SimConfig {
            seed: 1,
            devices: 0,
            latency: Duration::ZERO,
            faults: FaultConfig::default(),
            token_ttl: Duration::from_secs(30 * 60),
            oauth_token_ttl: Duration::from_secs(600),
            port: 0,
            start_time: None,
            clock_speed: 1.0,
            body_limit: 1024 * 1024,
            jamf_version: "11.30.1-t1784555528405".to_string(),
            credentials: DemoCredentials::default(),
            unprocessable_devices: 0,
        }
    }
}

/// Demo logins: a Jamf Pro user account (basic → bearer) and an API client (OAuth).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DemoCredentials {
    pub username: String,
    pub password: String,
    pub client_id: String,
    pub client_secret: String,
}

impl Default for DemoCredentials {
    fn default() -> Self {
        DemoCredentials {
            username: "chariot-demo".to_string(),
            password: "chariot-demo-password".to_string(),
            client_id: "7a1c1f9e-3c52-4f0b-9d7e-chariotdemo1".to_string(),
            client_secret: "chariot-demo-client-secret".to_string(),
        }
    }
}
