//! A deterministic "these devices just sent a new inventory report" hook.
//!
//! Devices update their inventory on their own as the simulated clock runs, but how many do
//! so in a given window depends on the clock. Benchmarks and tests of incremental sync need
//! an exact count instead: [`touch_inventory`] makes exactly `count` devices report new
//! inventory at the current simulated instant (evenly spread over the fleet, so every site
//! and cart is represented), with a visible change (battery) so the new data can be told
//! from the old.

use crate::school::World;
use chrono::{DateTime, Utc};
use std::sync::{Arc, Mutex};

/// Makes `count` devices (at most the fleet size) report a new inventory at `now`: bumps
/// `lastInventoryUpdateDate` (and the last contact), takes one point of battery (wrapping to
/// 100, "back from the cart"), and counts the report. Returns the ids touched, in id order.
///
/// The pick is a fixed stride over the fleet starting at an offset that moves with each call,
/// so repeated calls touch different devices yet every run of the same sequence touches the
/// same ones.
pub fn touch_inventory(w: &mut World, count: usize, now: DateTime<Utc>) -> Vec<u32> {
    let len = w.devices.len();
    let count = count.min(len);
    if count == 0 {
        return Vec::new();
    }
    w.runtime_counter += 1;
    let offset = (w.runtime_counter as usize).wrapping_mul(7919) % len;
    let mut indices: Vec<usize> = (0..count)
        .map(|k| (offset + k * len / count) % len)
        .collect();
    indices.sort_unstable();
    indices.dedup();
    let mut ids = Vec::with_capacity(indices.len());
    for i in indices {
        report(&mut w.devices[i], now);
        ids.push(w.devices[i].id);
    }
    w.touch();
    ids
}

/// Makes the devices `ids` report a new inventory at `now` (as [`touch_inventory`] does), for
/// a test that needs a given device to report at a given moment (e.g. one a client has
/// already read while it pages). Returns the ids found, in id order.
pub fn touch_devices(w: &mut World, ids: &[u32], now: DateTime<Utc>) -> Vec<u32> {
    let mut touched = Vec::new();
    for d in w.devices.iter_mut().filter(|d| ids.contains(&d.id)) {
        report(d, now);
        touched.push(d.id);
    }
    w.touch();
    touched
}

fn report(d: &mut crate::school::model::Device, now: DateTime<Utc>) {
    d.last_inventory = now;
    d.last_contact = d.last_contact.max(now);
    d.battery = if d.battery > 5 { d.battery - 1 } else { 100 };
    d.inventory_count += 1;
}

/// The world as [`crate::RunningSim`] holds it: shared with the server, with a short `Debug`
/// (a 50 000-device fleet must not end up in a log line).
#[derive(Clone)]
pub(crate) struct SharedWorld(pub(crate) Arc<Mutex<World>>);

impl std::fmt::Debug for SharedWorld {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SharedWorld").finish_non_exhaustive()
    }
}
