//! Pins the printed report, so that a change in how it is built cannot change what it says.
//! The expected texts sit beside this file (`render_*.txt`); a deliberate change of the
//! report rewrites them.

use std::time::Duration;

use super::*;
use crate::child::Detail;
use crate::scenarios::raw_fetch::RawFigures;
use crate::scenarios::search::{OpenFigures, SearchFigures};
use crate::scenarios::sync::SyncFigures;

fn machine() -> Machine {
    Machine {
        cores: 8,
        cpu: Some("Test CPU".into()),
        os: "linux x86_64".into(),
        date: "2026-03-03 09:30 UTC".into(),
    }
}

fn outcome(seconds: f64, measured: bool, detail: Detail) -> Outcome {
    Outcome {
        seconds,
        peak_rss_bytes: measured.then_some(48_000_000),
        cpu_seconds: measured.then_some(seconds * 1.5),
        detail,
    }
}

fn synced(seconds: f64, devices: u32, changed: u32) -> Outcome {
    outcome(
        seconds,
        true,
        Detail::Sync(SyncFigures {
            incremental: changed > 0,
            devices,
            added: 3,
            changed,
            removed: 1,
            complete_seconds: seconds + 0.25,
            positions_read: 12,
        }),
    )
}

fn fetched(seconds: f64) -> Outcome {
    outcome(
        seconds,
        true,
        Detail::RawFetch(RawFigures {
            detail_seconds: seconds * 0.8,
            list_seconds: seconds * 0.2,
            requests: 102,
            bytes: 12_345_678,
        }),
    )
}

fn measured<T>(median: T, spread: Option<(f64, f64)>) -> Measured<T> {
    Measured { median, spread }
}

fn ran(seconds: f64, dropped: &[&str]) -> SdkResult {
    SdkResult::Ran {
        seconds,
        process_seconds: seconds + 0.4,
        devices: 10_000,
        dropped_sections: dropped.iter().map(|s| s.to_string()).collect(),
    }
}

fn report(runs: Vec<LatencyRun>, search: Outcome) -> Report {
    Report {
        machine: machine(),
        devices: 10_000,
        generated: Duration::from_millis(1_234),
        touched: 250,
        runs,
        search_devices: 50_000,
        search_generated: Duration::from_secs(12),
        big_sync: synced(31.5, 50_000, 0),
        search,
        total: Duration::from_secs(345),
    }
}

/// Two latencies, the SDK run at one and skipped at the other, all figures present.
#[test]
fn a_full_report_reads_as_before() {
    let runs = vec![
        LatencyRun {
            latency_ms: 0,
            full: measured(synced(1.5, 10_000, 0), Some((1.41, 1.62))),
            sdk: measured(ran(9.0, &["SECURITY"]), Some((8.5, 9.75))),
            raw: measured(fetched(1.25), Some((1.2, 1.3))),
            incremental: Some(measured(synced(0.06, 10_000, 250), None)),
        },
        LatencyRun {
            latency_ms: 50,
            full: measured(synced(12.5, 10_000, 0), None),
            sdk: measured(SdkResult::Skipped("python3 not found".into()), None),
            raw: measured(fetched(11.0), None),
            incremental: None,
        },
    ];
    let search = outcome(
        4.0,
        true,
        Detail::Search(SearchFigures {
            searches: 400,
            devices: 50_000,
            p50_ms: 3.25,
            p95_ms: 12.5,
            max_ms: 40.0,
            slowest: ("a".into(), 41_000),
            median_rows: 12,
            small: 320,
            p95_small_ms: 2.5,
            open: OpenFigures {
                runs: 20,
                p50_ms: 8.0,
                max_ms: 14.0,
                scroll_p50_ms: 0.5,
                scroll_max_ms: 1.25,
            },
        }),
    );
    let printed = render(&report(runs, search));
    assert_eq!(printed, include_str!("render_full.txt"));
}

/// One latency, no spreads, no CPU or memory figures, and no search figures.
#[test]
fn a_sparse_report_reads_as_before() {
    let runs = vec![LatencyRun {
        latency_ms: 0,
        full: measured(outcome(2.0, false, Detail::Search(empty_search())), None),
        sdk: measured(ran(1.0, &[]), None),
        raw: measured(outcome(2.5, false, Detail::Search(empty_search())), None),
        incremental: Some(measured(
            outcome(0.5, false, Detail::Search(empty_search())),
            None,
        )),
    }];
    let search = synced(1.0, 10, 0);
    let printed = render(&report(runs, search));
    assert_eq!(printed, include_str!("render_sparse.txt"));
}

fn empty_search() -> SearchFigures {
    SearchFigures {
        searches: 0,
        devices: 0,
        p50_ms: 0.0,
        p95_ms: 0.0,
        max_ms: 0.0,
        slowest: (String::new(), 0),
        median_rows: 0,
        small: 0,
        p95_small_ms: 0.0,
        open: OpenFigures {
            runs: 0,
            p50_ms: 0.0,
            max_ms: 0.0,
            scroll_p50_ms: 0.0,
            scroll_max_ms: 0.0,
        },
    }
}
