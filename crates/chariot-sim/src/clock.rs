//! The simulated clock.
//!
//! Simulated time follows real time (optionally accelerated) so that a demo user sees
//! commands complete within seconds, and tests can jump ahead with [`ClockHandle::advance`]
//! instead of sleeping. Device behaviour is computed lazily from this clock on each request,
//! so advancing it is instantaneous whatever the fleet size.

use chrono::{DateTime, Utc};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug)]
struct Anchor {
    real: Instant,
    sim: DateTime<Utc>,
    speed: f64,
}

/// Shared simulated clock.
#[derive(Debug, Clone)]
pub struct ClockHandle {
    inner: Arc<Mutex<Anchor>>,
}

impl ClockHandle {
    /// A clock that reads `start` now and then moves `speed` times faster than real time.
    pub fn new(start: DateTime<Utc>, speed: f64) -> Self {
        ClockHandle {
            inner: Arc::new(Mutex::new(Anchor {
                real: Instant::now(),
                sim: start,
                speed: sanitize_speed(speed),
            })),
        }
    }

    /// Current simulated instant.
    pub fn now(&self) -> DateTime<Utc> {
        let a = self.lock();
        a.sim + scaled(a.real.elapsed(), a.speed)
    }

    /// Jumps simulated time forward (devices catch up on their next observation).
    pub fn advance(&self, by: Duration) {
        let mut a = self.lock();
        let now = a.sim + scaled(a.real.elapsed(), a.speed);
        a.sim = now + chrono::Duration::from_std(by).unwrap_or(chrono::Duration::zero());
        a.real = Instant::now();
    }

    /// Changes the acceleration factor (1.0 = real time, 0.0 = frozen).
    pub fn set_speed(&self, speed: f64) {
        let mut a = self.lock();
        let now = a.sim + scaled(a.real.elapsed(), a.speed);
        a.sim = now;
        a.real = Instant::now();
        a.speed = sanitize_speed(speed);
    }

    pub fn speed(&self) -> f64 {
        self.lock().speed
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Anchor> {
        // A poisoned clock only means another thread panicked mid-read; the data is plain.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn sanitize_speed(s: f64) -> f64 {
    if s.is_finite() && s >= 0.0 {
        s.min(1_000_000.0)
    } else {
        1.0
    }
}

fn scaled(d: Duration, speed: f64) -> chrono::Duration {
    let ms = (d.as_secs_f64() * speed * 1000.0) as i64;
    chrono::Duration::milliseconds(ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frozen_clock_only_moves_when_advanced() {
        let start = DateTime::parse_from_rfc3339("2026-03-02T08:00:00Z")
            .unwrap()
            .to_utc();
        let c = ClockHandle::new(start, 0.0);
        assert_eq!(c.now(), start);
        c.advance(Duration::from_secs(3600));
        assert_eq!(c.now(), start + chrono::Duration::hours(1));
    }

    #[test]
    fn accelerated_clock_runs_faster_than_real_time() {
        let start = Utc::now();
        let c = ClockHandle::new(start, 1000.0);
        std::thread::sleep(Duration::from_millis(20));
        assert!(c.now() - start >= chrono::Duration::seconds(10));
    }
}
