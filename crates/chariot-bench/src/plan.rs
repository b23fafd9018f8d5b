//! The order of the run. The simulator lives here (the parent); every Chariot scenario and the
//! raw fetch run in a child process, the SDK in a Python subprocess, one after the other so
//! they never compete for the 2 cores of a typical CI machine.
//!
//! 1. A 10 000-device simulator with a frozen clock (devices then change only when told to,
//!    so "1 % changed" is exact). At 0 ms, then 50 ms per request, rounds of: Chariot's full
//!    sync, the SDK, the raw fetch.
//! 2. Exactly 1 % of devices report new inventory (`RunningSim::touch_inventory`), then at
//!    each latency an incremental sync on the store the full sync at that latency left.
//! 3. A 50 000-device simulator: one full sync (timed), then the searches on that store.

use std::time::{Duration, Instant};

use chariot_sim::{RunningSim, SimConfig};

use crate::child::{Job, Outcome, Server, run_in_child};
use crate::machine::Machine;
use crate::report::{self, LatencyRun, Measured, Report};
use crate::scenarios::sdk;

pub const DEVICES: usize = 10_000;
pub const SEARCH_DEVICES: usize = 50_000;
pub const PAGE_SIZE: u32 = 500;
pub const IN_FLIGHT: usize = 5;
pub const LATENCIES_MS: [u64; 2] = [0, 50];
pub const SEARCHES: usize = 200;
/// Runs of each side-by-side scenario; the median is reported (this is a shared machine:
/// single runs varied by ±15 %, and 3 runs let the 50 ms ratio to the raw fetch swing from
/// 1.02 to 1.33× between two reports), with the spread.
pub const RUNS: usize = 5;

pub fn run_all() -> Result<(), String> {
    let started = Instant::now();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let dir = tempfile::tempdir().map_err(|e| format!("temp dir: {e}"))?;
    let python = sdk::find_python();

    let (sim, generated) = runtime.block_on(start_sim(DEVICES))?;
    let server = server_of(&sim);
    let mut runs = Vec::new();
    for latency in LATENCIES_MS {
        sim.faults().set_latency(Duration::from_millis(latency));
        progress(&format!(
            "full sync, Jamf Python SDK and raw fetch, {latency} ms per request, {RUNS} rounds"
        ));
        // Interleaved (Chariot, SDK, raw, Chariot, …): the machine's drift over the run then
        // weighs on the three alike, and the ratios compare runs made at about the same time.
        let (mut fulls, mut sdks, mut raws) = (Vec::new(), Vec::new(), Vec::new());
        for i in 0..RUNS {
            fulls.push(run_in_child(&Job::Sync {
                server: server.clone(),
                store: dir.path().join(format!("full-{latency}ms-{i}.db")),
                incremental: false,
                page_size: PAGE_SIZE,
            }));
            if let Ok(python) = &python {
                sdks.push(sdk::run(python, &server, PAGE_SIZE));
            }
            raws.push(run_in_child(&Job::RawFetch {
                server: server.clone(),
                devices: DEVICES as u64,
                page_size: PAGE_SIZE,
                in_flight: IN_FLIGHT,
            }));
        }
        let full = median(fulls.into_iter())?;
        let sdk = match &python {
            Ok(_) => sdk::median(sdks),
            Err(reason) => Measured {
                median: sdk::SdkResult::Skipped(reason.clone()),
                spread: None,
            },
        };
        let raw = median(raws.into_iter())?;
        runs.push(LatencyRun {
            latency_ms: latency,
            full,
            sdk,
            raw,
            incremental: None,
        });
    }

    // Every store was synced from the same, unchanged fleet: one touch gives every
    // incremental run exactly the same delta, each on its own copy of a full sync's file.
    let touched = sim.touch_inventory(DEVICES / 100).len();
    for run in runs.iter_mut() {
        sim.faults()
            .set_latency(Duration::from_millis(run.latency_ms));
        progress(&format!(
            "incremental sync, {} ms per request, {RUNS} runs",
            run.latency_ms
        ));
        let synced = dir.path().join(format!("full-{}ms-0.db", run.latency_ms));
        run.incremental = Some(median((0..RUNS).map(|i| {
            let copy = dir.path().join(format!("inc-{}ms-{i}.db", run.latency_ms));
            std::fs::copy(&synced, &copy).map_err(|e| format!("copying the store: {e}"))?;
            run_in_child(&Job::Sync {
                server: server.clone(),
                store: copy,
                incremental: true,
                page_size: PAGE_SIZE,
            })
        }))?);
    }
    runtime.block_on(sim.shutdown());

    let (big, big_generated) = runtime.block_on(start_sim(SEARCH_DEVICES))?;
    let search_store = dir.path().join("search.db");
    progress(&format!(
        "full sync of {SEARCH_DEVICES} devices for the search"
    ));
    let big_sync = run_in_child(&Job::Sync {
        server: server_of(&big),
        store: search_store.clone(),
        incremental: false,
        page_size: PAGE_SIZE,
    })?;
    runtime.block_on(big.shutdown());
    progress(&format!("{SEARCHES} searches"));
    let search: Outcome = run_in_child(&Job::Search {
        store: search_store,
        count: SEARCHES,
    })?;

    let report = Report {
        machine: Machine::describe(),
        devices: DEVICES,
        generated,
        touched,
        runs,
        search_devices: SEARCH_DEVICES,
        search_generated: big_generated,
        big_sync,
        search,
        total: started.elapsed(),
    };
    print!("{}", report::render(&report));
    Ok(())
}

/// The run with the median time, with the spread of all runs; the first error stops it.
fn median(
    runs: impl Iterator<Item = Result<Outcome, String>>,
) -> Result<Measured<Outcome>, String> {
    let mut all: Vec<Outcome> = runs.collect::<Result<_, _>>()?;
    all.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
    let spread = (all[0].seconds, all[all.len() - 1].seconds);
    let middle = all.swap_remove(all.len() / 2);
    Ok(Measured {
        median: middle,
        spread: Some(spread),
    })
}

/// A simulator with a frozen clock: nothing changes unless the bench says so.
async fn start_sim(devices: usize) -> Result<(RunningSim, Duration), String> {
    progress(&format!("generating a {devices}-device district"));
    let t = Instant::now();
    let sim = chariot_sim::start(SimConfig {
        devices,
        clock_speed: 0.0,
        ..SimConfig::default()
    })
    .await
    .map_err(|e| format!("the simulator did not start: {e}"))?;
    Ok((sim, t.elapsed()))
}

fn server_of(sim: &RunningSim) -> Server {
    let c = sim.credentials();
    Server {
        url: sim.base_url(),
        client_id: c.client_id,
        client_secret: c.client_secret,
    }
}

/// Progress goes to stderr so the report on stdout stays clean to copy.
fn progress(what: &str) {
    eprintln!("chariot-bench: {what}…");
}
