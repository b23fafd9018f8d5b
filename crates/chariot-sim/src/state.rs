//! Shared server state handed to every handler.

use crate::auth::TokenStore;
use crate::clock::ClockHandle;
use crate::config::DemoCredentials;
use crate::faults::FaultHandle;
use crate::school::{World, engine};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

#[derive(Clone)]
pub struct AppState {
    pub world: Arc<Mutex<World>>,
    pub clock: ClockHandle,
    pub faults: FaultHandle,
    pub tokens: TokenStore,
    pub credentials: DemoCredentials,
    pub token_ttl: Duration,
    pub oauth_token_ttl: Duration,
    pub jamf_version: String,
    /// Ids of the devices whose inventory cannot be processed (see `SimConfig`).
    pub unprocessable: Arc<std::collections::HashSet<u32>>,
}

impl AppState {
    /// Locks the world and brings device behaviour up to the current simulated time.
    pub fn world(&self) -> MutexGuard<'_, World> {
        let mut w = self.world.lock().unwrap_or_else(|e| e.into_inner());
        engine::advance_to(&mut w, self.clock.now());
        w
    }
}
