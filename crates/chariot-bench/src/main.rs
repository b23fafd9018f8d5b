//! # chariot-bench — the figures behind `cargo xtask bench`
//!
//! Measures what issue #4 asks about, against the in-process simulator (chariot-sim) on
//! loopback, and prints a readable report: full sync of 10 000 devices by Chariot beside
//! Jamf's official Python SDK and a raw fetch floor, incremental sync with 1 % changed,
//! search latency over 50 000 devices, and the peak memory of each Chariot scenario.
//!
//! It reports figures, never asserts them: a slow figure is marked "not met", and the run
//! still succeeds. Only a broken scenario (a sync error, a crashed child) fails it.
//!
//! The simulator always runs in this (parent) process; each Chariot scenario runs in a child
//! process (this binary re-executed with `child <job>`), so the child's peak RSS is Chariot's
//! alone and not the simulator's.

mod child;
mod machine;
mod memory;
mod plan;
mod report;
mod scenarios;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("child") => child::run_as_child(args.get(1).map(String::as_str).unwrap_or("")),
        None => plan::run_all(),
        Some("-h" | "--help") => {
            println!("usage: chariot-bench   (runs every scenario and prints the report)");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(format!("unknown argument `{other}` (try --help)")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("chariot-bench: {e}");
            ExitCode::FAILURE
        }
    }
}
