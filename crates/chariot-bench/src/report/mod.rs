//! The printed report: figures side by side, ratios, and the goals of issue #4 marked met or
//! not met. It only describes; nothing here fails the run.

use std::fmt::Write;
use std::time::Duration;

use crate::child::Outcome;
use crate::machine::Machine;

mod cells;
mod goals;
mod measured;
mod per_run;
use crate::plan::{IN_FLIGHT, PAGE_SIZE, RUNS};
use crate::scenarios::sdk::SdkResult;
use crate::scenarios::search::SMALL_RESULT;
use cells::*;
use goals::*;
pub use measured::Measured;

pub struct LatencyRun {
    pub latency_ms: u64,
    pub full: Measured<Outcome>,
    pub sdk: Measured<SdkResult>,
    pub raw: Measured<Outcome>,
    pub incremental: Option<Measured<Outcome>>,
}

impl LatencyRun {
    /// "50 ms": how the run is named in the report.
    fn label(&self) -> String {
        format!("{} ms", self.latency_ms)
    }

    /// The SDK's time over Chariot's: how many times faster Chariot is.
    fn sdk_ratio(&self) -> Option<f64> {
        match *self.sdk {
            SdkResult::Ran { seconds, .. } => Some(seconds / self.full.seconds),
            SdkResult::Skipped(_) => None,
        }
    }

    /// Chariot's time over the raw fetch's: the cost above the floor.
    fn raw_ratio(&self) -> f64 {
        self.full.seconds / self.raw.seconds
    }

    /// The incremental sync's time as a share of the full sync's.
    fn incremental_share(&self) -> Option<f64> {
        self.incremental
            .as_ref()
            .map(|i| i.seconds / self.full.seconds)
    }
}

pub struct Report {
    pub machine: Machine,
    pub devices: usize,
    pub generated: Duration,
    pub touched: usize,
    pub runs: Vec<LatencyRun>,
    pub search_devices: usize,
    pub search_generated: Duration,
    pub big_sync: Outcome,
    pub search: Outcome,
    pub total: Duration,
}

pub fn render(r: &Report) -> String {
    let mut o = String::new();
    let m = &r.machine;
    let _ = writeln!(o, "\nChariot benchmark (cargo xtask bench), {}", m.date);
    let _ = writeln!(
        o,
        "Machine: {} cores, {}, {}",
        m.cores,
        m.cpu.as_deref().unwrap_or("CPU model unknown"),
        m.os
    );
    let _ = writeln!(
        o,
        "Method: chariot-sim in this process on 127.0.0.1 (clock frozen; {} devices generated in {}); \
         median of {RUNS} runs for sections 1 and 2;\n        page size {PAGE_SIZE} for Chariot, the SDK and the raw fetch; \
         at most {IN_FLIGHT} requests in flight; the 8 sections Chariot stores;\n        \
         latency = delay the simulator adds to every Jamf request; each Chariot scenario runs in its own\n        \
         child process, \"peak memory\" is that process's peak RSS (the simulator is not in it);\n        \
         Chariot's sync is timed to the published snapshot (what the SDK and the raw fetch also\n        \
         read); the positions of lost devices, read after it one Classic request each, are timed apart.",
        thousands(r.devices),
        secs(r.generated.as_secs_f64()),
    );

    let mut goals: Vec<(String, String)> = Vec::new();
    let runs = &r.runs;

    let _ = writeln!(o, "\n1. Full sync of {} devices", thousands(r.devices));
    per_run::table(&mut o, runs, per_run::FULL_SYNC);
    if let Some(dropped) = runs.iter().find_map(|x| match &*x.sdk {
        SdkResult::Ran {
            dropped_sections, ..
        } if !dropped_sections.is_empty() => Some(dropped_sections.join(", ")),
        _ => None,
    }) {
        let _ = writeln!(
            o,
            "  The SDK was asked for the same sections less {dropped} (the SDK refuses it)."
        );
    }
    for (run, skipped) in runs.iter().filter_map(|x| match &*x.sdk {
        SdkResult::Skipped(why) => Some((x, why)),
        SdkResult::Ran { .. } => None,
    }) {
        let _ = writeln!(o, "  SDK at {}: skipped: {skipped}", run.label());
    }
    goals.push((
        format!("≥ {SDK_GOAL:.0}× faster than the SDK"),
        per_run::goal(
            runs,
            LatencyRun::sdk_ratio,
            |q| q >= SDK_GOAL,
            |q| format!("{q:.1}×"),
        ),
    ));
    goals.push((
        format!("within {RAW_GOAL}× of the raw fetch"),
        per_run::goal(
            runs,
            |x| Some(x.raw_ratio()),
            |q| q <= RAW_GOAL,
            |q| format!("{q:.2}×"),
        ),
    ));

    let _ = writeln!(
        o,
        "\n2. Incremental sync after exactly {} devices ({:.0} %) reported new inventory",
        thousands(r.touched),
        r.touched as f64 * 100.0 / r.devices as f64
    );
    per_run::table(&mut o, runs, per_run::INCREMENTAL);
    goals.push((
        format!("incremental ≤ {:.0} % of full", INCREMENTAL_GOAL * 100.0),
        per_run::goal(
            runs,
            LatencyRun::incremental_share,
            |q| q <= INCREMENTAL_GOAL,
            percent,
        ),
    ));

    let _ = writeln!(
        o,
        "\n3. The inventory screen over {} devices (views::inventory::query: every matching id + the first 60 rows)",
        thousands(r.search_devices)
    );
    let _ = writeln!(
        o,
        "  Simulator generated in {}; Chariot's full sync of them (0 ms): {}, {} stored, peak memory {}",
        secs(r.search_generated.as_secs_f64()),
        secs(r.big_sync.seconds),
        sync(&r.big_sync).map_or("-".into(), |f| thousands(f.devices as usize)),
        rss(&r.big_sync)
    );
    match search(&r.search) {
        Some(s) => {
            let _ = writeln!(
                o,
                "  {} searches on {} devices: p50 {} ms, p95 {} ms, max {} ms (slowest: {:?}, {} rows)",
                s.searches,
                thousands(s.devices),
                ms(s.p50_ms),
                ms(s.p95_ms),
                ms(s.max_ms),
                s.slowest.0,
                thousands(s.slowest.1),
            );
            let _ = writeln!(
                o,
                "  The {} searches returning at most {} rows: p95 {} ms (the rest read out up to {} rows)",
                s.small,
                thousands(SMALL_RESULT),
                ms(s.p95_small_ms),
                thousands(s.devices),
            );
            let _ = writeln!(
                o,
                "  Terms: serial parts and whole serials, RNEs (\"0311…\"), \"Prof\", teacher names, app names,\n  \
                 1–2-letter terms, no-match terms, whole device names; median {} rows per search; no warm-up;\n  \
                 peak memory of the search process {}",
                thousands(s.median_rows),
                rss(&r.search)
            );
            let _ = writeln!(
                o,
                "  Opening the inventory (no filter), {} runs: p50 {} ms, max {} ms; scrolling (100 rows by id): p50 {} ms, max {} ms",
                s.open.runs,
                ms(s.open.p50_ms),
                ms(s.open.max_ms),
                ms(s.open.scroll_p50_ms),
                ms(s.open.scroll_max_ms),
            );
            // The inventory goals are judged once, on the large fleet.
            let under = |value: f64, goal: f64| {
                verdict(vec![(
                    format!("{} devices", thousands(s.devices)),
                    Some(value < goal),
                    Some(format!("{} ms", ms(value))),
                )])
            };
            goals.push((
                format!("inventory opens (first rows) < {OPEN_GOAL_MS:.0} ms"),
                under(s.open.max_ms, OPEN_GOAL_MS),
            ));
            goals.push((
                format!("search keystroke p95 < {KEYSTROKE_GOAL_MS:.0} ms (#5)"),
                under(s.p95_ms, KEYSTROKE_GOAL_MS),
            ));
            goals.push((
                format!("search p95 < {SEARCH_P95_GOAL_MS:.0} ms"),
                under(s.p95_ms, SEARCH_P95_GOAL_MS),
            ));
        }
        None => {
            let _ = writeln!(o, "  (no search figures)");
        }
    }

    let _ = writeln!(o, "\nGoals (issue #4)");
    for (goal, v) in &goals {
        let _ = writeln!(o, "  {goal:<36} {v}");
    }
    let _ = writeln!(
        o,
        "\nTotal run time {} (simulator generation and child start-up included).",
        secs(r.total.as_secs_f64())
    );
    o
}

#[cfg(test)]
mod render_tests;
