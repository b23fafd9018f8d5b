//! Sections 1 and 2 of the report: tables with one column per latency, each row a label and
//! how one run's cell reads, and the goals judged run by run.

use super::LatencyRun;
use super::cells::*;
use super::goals::verdict;
use crate::scenarios::sdk::SdkResult;

/// A row of a per-latency table: its label and the cell of one run.
pub(super) type Row = (&'static str, fn(&LatencyRun) -> String);

pub(super) const FULL_SYNC: &[Row] = &[
    ("Chariot: sync into a new SQLite file", |x| {
        secs(x.full.seconds)
    }),
    ("  fastest – slowest of the runs", |x| {
        spread(x.full.spread)
    }),
    ("  then lost devices' positions (end)", |x| {
        sync(&x.full).map_or("-".into(), |f| {
            format!("{} ({} read)", secs(f.complete_seconds), f.positions_read)
        })
    }),
    ("Jamf Python SDK 0.9a1: same pages", |x| match &*x.sdk {
        SdkResult::Ran {
            seconds, devices, ..
        } => format!("{} ({} dev.)", secs(*seconds), thousands(*devices as usize)),
        SdkResult::Skipped(_) => "skipped".into(),
    }),
    ("  fastest – slowest of the runs", |x| {
        spread(x.sdk.spread)
    }),
    ("  the SDK process, Python start incl.", |x| match &*x.sdk {
        SdkResult::Ran {
            process_seconds, ..
        } => secs(*process_seconds),
        SdkResult::Skipped(_) => "-".into(),
    }),
    ("Raw fetch floor: same requests", |x| secs(x.raw.seconds)),
    ("  fastest – slowest of the runs", |x| {
        spread(x.raw.spread)
    }),
    ("  of which detail pages / light list", |x| {
        match raw(&x.raw) {
            Some(f) => format!("{} / {}", secs(f.detail_seconds), secs(f.list_seconds)),
            None => "-".into(),
        }
    }),
    ("  requests, bytes read", |x| match raw(&x.raw) {
        Some(f) => format!("{}, {}", f.requests, megabytes(f.bytes)),
        None => "-".into(),
    }),
    ("Chariot: devices stored", |x| {
        sync(&x.full).map_or("-".into(), |f| thousands(f.devices as usize))
    }),
    ("Chariot vs SDK", |x| {
        x.sdk_ratio().map_or("-".into(), faster_or_slower)
    }),
    ("Chariot vs raw fetch (Chariot / raw)", |x| {
        format!("{:.2}×", x.raw_ratio())
    }),
    ("CPU used by Chariot (user + sys)", |x| cpu(&x.full)),
    ("CPU used by the raw fetch", |x| cpu(&x.raw)),
    ("Peak memory: Chariot sync", |x| rss(&x.full)),
    ("Peak memory: raw fetch", |x| rss(&x.raw)),
];

pub(super) const INCREMENTAL: &[Row] = &[
    ("Chariot: incremental sync (Auto)", |x| {
        x.incremental
            .as_deref()
            .map_or("-".into(), |i| secs(i.seconds))
    }),
    ("  rows added / changed / removed", |x| {
        x.incremental
            .as_deref()
            .and_then(sync)
            .map_or("-".into(), |f| {
                format!("{} / {} / {}", f.added, f.changed, f.removed)
            })
    }),
    ("Share of the full sync's time", |x| {
        x.incremental_share().map_or("-".into(), percent)
    }),
    ("CPU used by the incremental sync", |x| {
        x.incremental.as_deref().map_or("-".into(), cpu)
    }),
    ("Peak memory: incremental sync", |x| {
        x.incremental.as_deref().map_or("-".into(), rss)
    }),
];

/// The header (each run's latency), then every row with a cell per run.
pub(super) fn table(o: &mut String, runs: &[LatencyRun], rows: &[Row]) {
    let header: Vec<String> = runs
        .iter()
        .map(|x| format!("{} per request", x.label()))
        .collect();
    row(o, "", &header);
    for (label, cell) in rows {
        row(o, label, &runs.iter().map(cell).collect::<Vec<_>>());
    }
}

/// A goal judged at each latency from one figure of the run (`None` where not measured).
pub(super) fn goal(
    runs: &[LatencyRun],
    figure: impl Fn(&LatencyRun) -> Option<f64>,
    met: impl Fn(f64) -> bool,
    show: impl Fn(f64) -> String,
) -> String {
    verdict(
        runs.iter()
            .map(|x| {
                let q = figure(x);
                (x.label(), q.map(&met), q.map(&show))
            })
            .collect(),
    )
}
