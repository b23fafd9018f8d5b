//! Fault injection: the knobs tests and demos use to make the simulator misbehave the way a
//! real Jamf Cloud tenant (and the network in front of it) sometimes does.
//!
//! Faults only ever apply to Jamf paths (`/api/...`, `/JSSResource/...`), never to the
//! `/_sim/` control API, so a test can always turn them off again.

use crate::rng::Rng;
use serde::{Deserialize, Serialize};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Probabilities (0.0..=1.0) per request, and the parameters of each fault.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FaultConfig {
    /// Extra latency added to every Jamf request.
    #[serde(with = "millis")]
    pub latency: Duration,
    /// 429 Too Many Requests with `Retry-After`.
    pub rate_429: f64,
    /// Value of the `Retry-After` header, in seconds.
    pub retry_after_secs: u64,
    pub rate_500: f64,
    pub rate_502: f64,
    pub rate_503: f64,
    pub rate_504: f64,
    /// The connection is dropped before a complete response is written.
    pub rate_reset: f64,
    /// The server holds the request for `timeout_hold`, then answers 504 like the Jamf Cloud edge.
    pub rate_timeout: f64,
    #[serde(with = "millis")]
    pub timeout_hold: Duration,
    /// The body is cut in half while `Content-Length` announces the full size.
    pub rate_truncate: f64,
    /// 200 with an HTML page instead of the data: what a captive portal, a filtering proxy or
    /// a maintenance page in front of the server answers. Unreadable, though the server was
    /// reached and said "OK".
    pub rate_html: f64,
    /// Per detail inventory page request (`/v2/mobile-devices/detail`): a device is enrolled
    /// or deleted just before the page is cut, as happens on a live tenant while a client
    /// walks the pages. (Deletions while the light list is read: `delete_while_paging`.)
    pub rate_churn: f64,
    /// Jamf Pro privileges the signed-in account lacks (e.g. "Read Smart Mobile Device
    /// Groups"): the reads that need one answer 403, as for an under-privileged account or API
    /// role. Not a probability: always applied.
    pub denied_privileges: Vec<String>,
    /// Every request is carried out at once, but its answer is held this long: a client that
    /// gives up first never learns that the server acted (the case of a write that timed out).
    #[serde(with = "millis")]
    pub answer_delay: Duration,
    /// Once: the device with the lowest id is deleted while this read is paged. Page 0 still
    /// lists it; every later page is cut as if it were gone (offset paging: they start one
    /// device further), whatever order the pages are asked in; it is deleted for good once
    /// page 0 is served. So one device that still exists is on no page: what a live tenant
    /// does to a client listing it while an admin deletes a device.
    pub delete_while_paging: Option<PagedRead>,
    /// Detail inventory pages (`/v2/mobile-devices/detail`) asking more rows than this are
    /// held for `timeout_hold`, then answered 504 by the edge: big pages outlast the Jamf
    /// Cloud edge's patience (reference §1.2) while smaller ones pass. Always applied.
    pub max_detail_page: Option<u32>,
}

/// A paged read of the whole fleet, for [`FaultConfig::delete_while_paging`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PagedRead {
    /// `GET /api/v2/mobile-devices`, the light list.
    LightList,
    /// `GET /api/v2/mobile-devices/detail` without a filter, whatever its sections.
    Inventory,
    /// `GET /api/v2/mobile-devices/detail` filtered on `lastInventoryUpdateDate` (an
    /// incremental sync's delta): the device deleted is the lowest id the filter matches.
    Delta,
}

impl Default for FaultConfig {
    fn default() -> Self {
        FaultConfig {
            latency: Duration::ZERO,
            rate_429: 0.0,
            retry_after_secs: 1,
            rate_500: 0.0,
            rate_502: 0.0,
            rate_503: 0.0,
            rate_504: 0.0,
            rate_reset: 0.0,
            rate_timeout: 0.0,
            timeout_hold: Duration::from_secs(90),
            rate_truncate: 0.0,
            rate_html: 0.0,
            rate_churn: 0.0,
            denied_privileges: Vec::new(),
            answer_delay: Duration::ZERO,
            delete_while_paging: None,
            max_detail_page: None,
        }
    }
}

/// Names accepted by `--fault NAME=RATE` and by `POST /_sim/faults` `{"set": {"NAME": RATE}}`.
pub const FAULT_NAMES: &[&str] = &[
    "429", "500", "502", "503", "504", "reset", "timeout", "truncate", "html", "churn",
];

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum FaultParseError {
    #[error("expected NAME=RATE, got {0:?}")]
    Syntax(String),
    #[error(
        "unknown fault {0:?} (known: 429, 500, 502, 503, 504, reset, timeout, truncate, html, churn)"
    )]
    UnknownName(String),
    #[error("rate must be a number between 0 and 1, got {0:?}")]
    BadRate(String),
}

impl FaultConfig {
    /// Sets one named rate.
    pub fn set_rate(&mut self, name: &str, rate: f64) -> Result<(), FaultParseError> {
        if !(0.0..=1.0).contains(&rate) || rate.is_nan() {
            return Err(FaultParseError::BadRate(rate.to_string()));
        }
        let slot = match name {
            "429" => &mut self.rate_429,
            "500" => &mut self.rate_500,
            "502" => &mut self.rate_502,
            "503" => &mut self.rate_503,
            "504" => &mut self.rate_504,
            "reset" => &mut self.rate_reset,
            "timeout" => &mut self.rate_timeout,
            "truncate" => &mut self.rate_truncate,
            "html" => &mut self.rate_html,
            "churn" => &mut self.rate_churn,
            other => return Err(FaultParseError::UnknownName(other.to_string())),
        };
        *slot = rate;
        Ok(())
    }

    /// Parses and applies `NAME=RATE`.
    pub fn apply_spec(&mut self, spec: &str) -> Result<(), FaultParseError> {
        let (name, rate) = spec
            .split_once('=')
            .ok_or_else(|| FaultParseError::Syntax(spec.to_string()))?;
        let rate: f64 = rate
            .trim()
            .parse()
            .map_err(|_| FaultParseError::BadRate(rate.to_string()))?;
        self.set_rate(name.trim(), rate)
    }
}

/// What the fault layer decided for one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Pass,
    TooMany,
    Status(u16),
    Reset,
    Timeout,
    Truncate,
    Html,
}

#[derive(Debug)]
struct FaultState {
    config: FaultConfig,
    rng: Rng,
}

/// Handle to change fault knobs while the simulator runs.
#[derive(Debug, Clone)]
pub struct FaultHandle {
    inner: Arc<Mutex<FaultState>>,
    tokens: crate::auth::TokenStore,
    /// Detail pages answered 504 because they were too big (`max_detail_page`).
    too_big: Arc<std::sync::atomic::AtomicU64>,
}

impl FaultHandle {
    pub(crate) fn new(config: FaultConfig, seed: u64, tokens: crate::auth::TokenStore) -> Self {
        FaultHandle {
            inner: Arc::new(Mutex::new(FaultState {
                config,
                // Fault rolls are seeded too, so a failing test run can be replayed.
                rng: Rng::new(seed ^ 0xFA17),
            })),
            tokens,
            too_big: Arc::default(),
        }
    }

    pub fn get(&self) -> FaultConfig {
        self.lock().config.clone()
    }

    pub fn set(&self, config: FaultConfig) {
        self.lock().config = config;
    }

    /// Applies a change to the current configuration.
    pub fn update(&self, f: impl FnOnce(&mut FaultConfig)) {
        f(&mut self.lock().config);
    }

    pub fn set_latency(&self, latency: Duration) {
        self.update(|c| c.latency = latency);
    }

    /// Turns every fault off (latency included).
    pub fn clear(&self) {
        self.set(FaultConfig::default());
    }

    /// Expires every token issued so far: the next call with any of them gets Jamf's 401.
    pub fn expire_tokens_now(&self) {
        self.tokens.expire_all();
    }

    /// Revokes every token issued so far (an administrator's doing, or a password change):
    /// the next call with any of them gets the empty 401 of an invalidated token.
    pub fn revoke_tokens_now(&self) {
        self.tokens.revoke_all();
    }

    /// Rolls the dice for one Jamf request.
    pub(crate) fn decide(&self) -> (Duration, Decision) {
        let mut st = self.lock();
        let c = st.config.clone();
        let roll = st.rng.unit();
        let table = [
            (c.rate_429, Decision::TooMany),
            (c.rate_500, Decision::Status(500)),
            (c.rate_502, Decision::Status(502)),
            (c.rate_503, Decision::Status(503)),
            (c.rate_504, Decision::Status(504)),
            (c.rate_reset, Decision::Reset),
            (c.rate_timeout, Decision::Timeout),
            (c.rate_truncate, Decision::Truncate),
            (c.rate_html, Decision::Html),
        ];
        let mut acc = 0.0;
        for (rate, decision) in table {
            acc += rate;
            if roll < acc {
                return (c.latency, decision);
            }
        }
        (c.latency, Decision::Pass)
    }

    /// Whether the one-shot deletion is armed for `read` (see
    /// [`FaultConfig::delete_while_paging`]).
    pub(crate) fn deletes_while_paging(&self, read: PagedRead) -> bool {
        self.lock().config.delete_while_paging == Some(read)
    }

    /// The one-shot deletion is done.
    pub(crate) fn deleted_while_paging(&self) {
        self.lock().config.delete_while_paging = None;
    }

    /// Whether a detail page of `rows` rows is too big to get through the edge; counted.
    pub(crate) fn page_too_big(&self, rows: u32) -> bool {
        let too_big = self
            .lock()
            .config
            .max_detail_page
            .is_some_and(|max| rows > max);
        if too_big {
            self.too_big
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        too_big
    }

    /// How many detail pages were answered 504 for being too big (`max_detail_page`).
    pub fn pages_too_big(&self) -> u64 {
        self.too_big.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Rolls for inventory churn on one page request.
    pub(crate) fn roll_churn(&self) -> Option<bool> {
        let mut st = self.lock();
        let rate = st.config.rate_churn;
        if rate > 0.0 && st.rng.unit() < rate {
            // true = add a device, false = remove one.
            Some(st.rng.chance(0.5))
        } else {
            None
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, FaultState> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

mod millis {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::time::Duration;

    pub fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(d.as_millis() as u64)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        Ok(Duration::from_millis(u64::deserialize(d)?))
    }
}

/// The read privilege a request needs, for the reads the simulator can refuse. Names as in
/// Jamf Pro's privilege lists (reference: `x-required-privileges`).
pub fn required_privilege(method: &axum::http::Method, path: &str) -> Option<&'static str> {
    if method != axum::http::Method::GET {
        return None;
    }
    let p = path.to_ascii_lowercase();
    if p.starts_with("/api/v2/mobile-devices")
        || p.starts_with("/jssresource/mobiledevices")
        || p.starts_with("/jssresource/mobiledevicehistory")
    {
        Some("Read Mobile Devices")
    } else if p.starts_with("/jssresource/mobiledevicegroups")
        || p.starts_with("/api/v1/mobile-device-groups")
    {
        Some("Read Smart Mobile Device Groups")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("429=0.5", 0.5)]
    #[case(" 503 = 1 ", 1.0)]
    fn parses_specs(#[case] spec: &str, #[case] rate: f64) {
        let mut c = FaultConfig::default();
        c.apply_spec(spec).unwrap();
        assert!(c.rate_429 == rate || c.rate_503 == rate);
    }

    #[rstest]
    #[case("429", FaultParseError::Syntax("429".into()))]
    #[case("nope=0.1", FaultParseError::UnknownName("nope".into()))]
    #[case("500=2", FaultParseError::BadRate("2".into()))]
    #[case("500=x", FaultParseError::BadRate("x".into()))]
    fn rejects_bad_specs(#[case] spec: &str, #[case] err: FaultParseError) {
        assert_eq!(FaultConfig::default().apply_spec(spec), Err(err));
    }

    #[test]
    fn rate_one_always_fires_and_zero_never() {
        let h = FaultHandle::new(
            FaultConfig::default(),
            1,
            crate::auth::TokenStore::default(),
        );
        for _ in 0..100 {
            assert_eq!(h.decide().1, Decision::Pass);
        }
        h.update(|c| c.rate_503 = 1.0);
        for _ in 0..100 {
            assert_eq!(h.decide().1, Decision::Status(503));
        }
    }
}
