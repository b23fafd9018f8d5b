//! The printed report: figures side by side, ratios, and the goals of issue #4 marked met or
//! not met. It only describes; nothing here fails the run.

use std::fmt::Write;
use std::time::Duration;

use crate::child::Outcome;
use crate::machine::Machine;

mod cells;
mod goals;
mod measured;
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
    let lat = |run: &LatencyRun| format!("{} ms", run.latency_ms);

    let _ = writeln!(o, "\n1. Full sync of {} devices", thousands(r.devices));
    let header: Vec<String> = r
        .runs
        .iter()
        .map(|run| format!("{} per request", lat(run)))
        .collect();
    row(&mut o, "", &header);
    row(
        &mut o,
        "Chariot: sync into a new SQLite file",
        &r.runs
            .iter()
            .map(|x| secs(x.full.seconds))
            .collect::<Vec<_>>(),
    );
    row(
        &mut o,
        "  fastest – slowest of the runs",
        &r.runs
            .iter()
            .map(|x| spread(x.full.spread))
            .collect::<Vec<_>>(),
    );
    row(
        &mut o,
        "  then lost devices' positions (end)",
        &r.runs
            .iter()
            .map(|x| {
                sync(&x.full).map_or("-".into(), |f| {
                    format!("{} ({} read)", secs(f.complete_seconds), f.positions_read)
                })
            })
            .collect::<Vec<_>>(),
    );
    row(
        &mut o,
        "Jamf Python SDK 0.9a1: same pages",
        &r.runs
            .iter()
            .map(|x| match &*x.sdk {
                SdkResult::Ran {
                    seconds, devices, ..
                } => format!("{} ({} dev.)", secs(*seconds), thousands(*devices as usize)),
                SdkResult::Skipped(_) => "skipped".into(),
            })
            .collect::<Vec<_>>(),
    );
    row(
        &mut o,
        "  fastest – slowest of the runs",
        &r.runs
            .iter()
            .map(|x| spread(x.sdk.spread))
            .collect::<Vec<_>>(),
    );
    row(
        &mut o,
        "  the SDK process, Python start incl.",
        &r.runs
            .iter()
            .map(|x| match &*x.sdk {
                SdkResult::Ran {
                    process_seconds, ..
                } => secs(*process_seconds),
                SdkResult::Skipped(_) => "-".into(),
            })
            .collect::<Vec<_>>(),
    );
    row(
        &mut o,
        "Raw fetch floor: same requests",
        &r.runs
            .iter()
            .map(|x| secs(x.raw.seconds))
            .collect::<Vec<_>>(),
    );
    row(
        &mut o,
        "  fastest – slowest of the runs",
        &r.runs
            .iter()
            .map(|x| spread(x.raw.spread))
            .collect::<Vec<_>>(),
    );
    row(
        &mut o,
        "  of which detail pages / light list",
        &r.runs
            .iter()
            .map(|x| match raw(&x.raw) {
                Some(f) => format!("{} / {}", secs(f.detail_seconds), secs(f.list_seconds)),
                None => "-".into(),
            })
            .collect::<Vec<_>>(),
    );
    row(
        &mut o,
        "  requests, bytes read",
        &r.runs
            .iter()
            .map(|x| match raw(&x.raw) {
                Some(f) => format!("{}, {}", f.requests, megabytes(f.bytes)),
                None => "-".into(),
            })
            .collect::<Vec<_>>(),
    );
    row(
        &mut o,
        "Chariot: devices stored",
        &r.runs
            .iter()
            .map(|x| sync(&x.full).map_or("-".into(), |f| thousands(f.devices as usize)))
            .collect::<Vec<_>>(),
    );
    let sdk_ratios: Vec<Option<f64>> = r
        .runs
        .iter()
        .map(|x| match *x.sdk {
            SdkResult::Ran { seconds, .. } => Some(seconds / x.full.seconds),
            SdkResult::Skipped(_) => None,
        })
        .collect();
    row(
        &mut o,
        "Chariot vs SDK",
        &sdk_ratios
            .iter()
            .map(|q| q.map_or("-".into(), faster_or_slower))
            .collect::<Vec<_>>(),
    );
    let raw_ratios: Vec<f64> = r
        .runs
        .iter()
        .map(|x| x.full.seconds / x.raw.seconds)
        .collect();
    row(
        &mut o,
        "Chariot vs raw fetch (Chariot / raw)",
        &raw_ratios
            .iter()
            .map(|q| format!("{q:.2}×"))
            .collect::<Vec<_>>(),
    );
    row(
        &mut o,
        "CPU used by Chariot (user + sys)",
        &r.runs.iter().map(|x| cpu(&x.full)).collect::<Vec<_>>(),
    );
    row(
        &mut o,
        "CPU used by the raw fetch",
        &r.runs.iter().map(|x| cpu(&x.raw)).collect::<Vec<_>>(),
    );
    row(
        &mut o,
        "Peak memory: Chariot sync",
        &r.runs.iter().map(|x| rss(&x.full)).collect::<Vec<_>>(),
    );
    row(
        &mut o,
        "Peak memory: raw fetch",
        &r.runs.iter().map(|x| rss(&x.raw)).collect::<Vec<_>>(),
    );
    if let Some(dropped) = r.runs.iter().find_map(|x| match &*x.sdk {
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
    for (run, skipped) in r.runs.iter().filter_map(|x| match &*x.sdk {
        SdkResult::Skipped(why) => Some((x, why)),
        SdkResult::Ran { .. } => None,
    }) {
        let _ = writeln!(o, "  SDK at {}: skipped: {skipped}", lat(run));
    }
    goals.push((
        format!("≥ {SDK_GOAL:.0}× faster than the SDK"),
        verdict(
            r.runs
                .iter()
                .zip(&sdk_ratios)
                .map(|(x, q)| {
                    (
                        lat(x),
                        q.map(|q| q >= SDK_GOAL),
                        q.map(|q| format!("{q:.1}×")),
                    )
                })
                .collect(),
        ),
    ));
    goals.push((
        format!("within {RAW_GOAL}× of the raw fetch"),
        verdict(
            r.runs
                .iter()
                .zip(&raw_ratios)
                .map(|(x, q)| (lat(x), Some(*q <= RAW_GOAL), Some(format!("{q:.2}×"))))
                .collect(),
        ),
    ));

    let _ = writeln!(
        o,
        "\n2. Incremental sync after exactly {} devices ({:.0} %) reported new inventory",
        thousands(r.touched),
        r.touched as f64 * 100.0 / r.devices as f64
    );
    row(&mut o, "", &header);
    let inc: Vec<Option<&Outcome>> = r.runs.iter().map(|x| x.incremental.as_deref()).collect();
    row(
        &mut o,
        "Chariot: incremental sync (Auto)",
        &inc.iter()
            .map(|x| x.map_or("-".into(), |x| secs(x.seconds)))
            .collect::<Vec<_>>(),
    );
    row(
        &mut o,
        "  rows added / changed / removed",
        &inc.iter()
            .map(|x| {
                x.and_then(sync).map_or("-".into(), |f| {
                    format!("{} / {} / {}", f.added, f.changed, f.removed)
                })
            })
            .collect::<Vec<_>>(),
    );
    let inc_shares: Vec<Option<f64>> = r
        .runs
        .iter()
        .map(|x| x.incremental.as_ref().map(|i| i.seconds / x.full.seconds))
        .collect();
    row(
        &mut o,
        "Share of the full sync's time",
        &inc_shares
            .iter()
            .map(|q| q.map_or("-".into(), |q| format!("{:.1} %", q * 100.0)))
            .collect::<Vec<_>>(),
    );
    row(
        &mut o,
        "CPU used by the incremental sync",
        &inc.iter()
            .map(|x| x.map_or("-".into(), cpu))
            .collect::<Vec<_>>(),
    );
    row(
        &mut o,
        "Peak memory: incremental sync",
        &inc.iter()
            .map(|x| x.map_or("-".into(), rss))
            .collect::<Vec<_>>(),
    );
    goals.push((
        format!("incremental ≤ {:.0} % of full", INCREMENTAL_GOAL * 100.0),
        verdict(
            r.runs
                .iter()
                .zip(&inc_shares)
                .map(|(x, q)| {
                    (
                        lat(x),
                        q.map(|q| q <= INCREMENTAL_GOAL),
                        q.map(|q| format!("{:.1} %", q * 100.0)),
                    )
                })
                .collect(),
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
            goals.push((
                format!("inventory opens (first rows) < {OPEN_GOAL_MS:.0} ms"),
                verdict(vec![(
                    format!("{} devices", thousands(s.devices)),
                    Some(s.open.max_ms < OPEN_GOAL_MS),
                    Some(format!("{} ms", ms(s.open.max_ms))),
                )]),
            ));
            goals.push((
                format!("search keystroke p95 < {KEYSTROKE_GOAL_MS:.0} ms (#5)"),
                verdict(vec![(
                    format!("{} devices", thousands(s.devices)),
                    Some(s.p95_ms < KEYSTROKE_GOAL_MS),
                    Some(format!("{} ms", ms(s.p95_ms))),
                )]),
            ));
            goals.push((
                format!("search p95 < {SEARCH_P95_GOAL_MS:.0} ms"),
                verdict(vec![(
                    format!("{} devices", thousands(s.devices)),
                    Some(s.p95_ms < SEARCH_P95_GOAL_MS),
                    Some(format!("{} ms", ms(s.p95_ms))),
                )]),
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
