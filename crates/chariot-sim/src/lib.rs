//! # chariot-sim — a protocol-faithful simulated Jamf Pro server
//!
//! Chariot cannot be tested against a real Jamf Pro tenant, so this crate stands in for
//! one: it speaks the real Jamf Pro API (`/api/...`) and Classic API (`/JSSResource/...`)
//! paths, field names, status codes and error documents closely enough that Jamf's own
//! Python SDK cannot tell the difference, and serves a deterministic French demo school
//! (carts of Shared iPads named after the school's RNE) whose devices check in on a
//! simulated clock. It powers the app's demo mode and every integration test.
//!
//! This crate must never depend on tauri: it runs headless in tests, in CI and behind
//! `chariot sim`.
//!
//! ```no_run
//! # async fn demo() -> Result<(), chariot_sim::SimError> {
//! let sim = chariot_sim::start(chariot_sim::SimConfig::default()).await?;
//! println!("{} {:?}", sim.base_url(), sim.credentials());
//! sim.shutdown().await;
//! # Ok(()) }
//! ```

#![recursion_limit = "256"]

pub mod auth;
pub mod classic;
pub mod clock;
pub mod commands;
pub mod config;
pub mod control;
pub mod error;
pub mod faults;
pub mod paging;
pub mod pro;
pub mod rng;
pub mod rsql;
pub mod school;
pub mod server;
pub mod state;
pub mod touch;

pub use clock::ClockHandle;
pub use config::{DemoCredentials, SimConfig};
pub use error::SimError;
pub use faults::{FaultConfig, FaultHandle, PagedRead};

use state::AppState;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A simulator serving on 127.0.0.1.
#[derive(Debug)]
pub struct RunningSim {
    addr: SocketAddr,
    credentials: DemoCredentials,
    faults: FaultHandle,
    clock: ClockHandle,
    world: touch::SharedWorld,
    tokens: auth::TokenStore,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

impl RunningSim {
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    pub fn credentials(&self) -> DemoCredentials {
        self.credentials.clone()
    }

    pub fn faults(&self) -> FaultHandle {
        self.faults.clone()
    }

    pub fn clock(&self) -> ClockHandle {
        self.clock.clone()
    }

    /// Bearer tokens issued so far (user sign-ins, OAuth, keep-alive): a client that re-signs
    /// in more than it needs to shows here. Also `tokens.issued` in `GET /_sim/state`.
    pub fn tokens_issued(&self) -> u64 {
        self.tokens.issued()
    }

    /// Tokens clients invalidated with `POST /api/v1/auth/invalidate-token` (signed out).
    /// Also `tokens.signedOut` in `GET /_sim/state`.
    pub fn tokens_signed_out(&self) -> u64 {
        self.tokens.signed_out()
    }

    /// Makes exactly `count` devices report a new inventory at the current simulated instant
    /// (see [`touch::touch_inventory`]) and returns their ids. Also `POST /_sim/inventory/touch`.
    pub fn touch_inventory(&self, count: usize) -> Vec<u32> {
        let mut w = self.world.0.lock().unwrap_or_else(|e| e.into_inner());
        let now = self.clock.now();
        // Catch up on the periodic behaviour first, as a request would.
        school::engine::advance_to(&mut w, now);
        touch::touch_inventory(&mut w, count, now)
    }

    /// Makes the devices `ids` report a new inventory at the current simulated instant (see
    /// [`touch::touch_devices`]) and returns the ids found.
    pub fn touch_devices(&self, ids: &[u32]) -> Vec<u32> {
        let mut w = self.world.0.lock().unwrap_or_else(|e| e.into_inner());
        let now = self.clock.now();
        school::engine::advance_to(&mut w, now);
        touch::touch_devices(&mut w, ids, now)
    }

    /// Stops accepting connections; requests still in flight get two seconds to finish.
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if tokio::time::timeout(Duration::from_secs(2), &mut self.task)
            .await
            .is_err()
        {
            self.task.abort();
        }
    }
}

/// Generates the demo tenant and starts serving it on 127.0.0.1 (`config.port`, 0 = any).
pub async fn start(config: SimConfig) -> Result<RunningSim, SimError> {
    if config.devices > school::generator::MAX_DEVICES {
        return Err(SimError::Config(format!(
            "at most {} devices",
            school::generator::MAX_DEVICES
        )));
    }
    if config.token_ttl.is_zero() || config.oauth_token_ttl.as_secs() < 2 {
        return Err(SimError::Config(
            "token lifetimes must be positive (OAuth: at least 2 s)".into(),
        ));
    }
    let now = config.start_time.unwrap_or_else(chrono::Utc::now);
    let (seed, devices) = (config.seed, config.devices);
    let mut world =
        tokio::task::spawn_blocking(move || school::generator::generate(seed, devices, now))
            .await
            .map_err(|e| SimError::Config(format!("generator failed: {e}")))?;
    world.msu.toggle = true;
    let tokens = auth::TokenStore::default();
    let mut fault_config = config.faults.clone();
    if !config.latency.is_zero() {
        fault_config.latency = config.latency;
    }
    let faults = FaultHandle::new(fault_config, config.seed, tokens.clone());
    let clock = ClockHandle::new(now, config.clock_speed);
    let world = Arc::new(Mutex::new(world));
    let st = AppState {
        world: world.clone(),
        clock: clock.clone(),
        faults: faults.clone(),
        tokens: tokens.clone(),
        credentials: config.credentials.clone(),
        token_ttl: config.token_ttl,
        oauth_token_ttl: config.oauth_token_ttl,
        jamf_version: config.jamf_version.clone(),
        unprocessable: Arc::new(unprocessable_ids(&world, config.unprocessable_devices)),
    };
    // Loopback only: the simulator has demo credentials and a control API without auth.
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", config.port))
        .await
        .map_err(|source| SimError::Bind {
            port: config.port,
            source,
        })?;
    let addr = listener.local_addr().map_err(|source| SimError::Bind {
        port: config.port,
        source,
    })?;
    let app = server::router(st, config.body_limit);
    let (tx, rx) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let serve = axum::serve(listener, app).with_graceful_shutdown(async {
            let _ = rx.await;
        });
        if let Err(e) = serve.await {
            tracing::error!("simulator stopped: {e}");
        }
    });
    Ok(RunningSim {
        addr,
        credentials: config.credentials,
        faults,
        clock,
        world: touch::SharedWorld(world),
        tokens,
        stop: Some(tx),
        task,
    })
}

/// `count` devices spread evenly over the fleet (deterministic: the same ones every run).
fn unprocessable_ids(world: &Mutex<school::World>, count: usize) -> std::collections::HashSet<u32> {
    let w = world.lock().unwrap_or_else(|e| e.into_inner());
    let n = w.devices.len();
    (0..count.min(n))
        .map(|i| w.devices[i * n / count.max(1)].id)
        .collect()
}
