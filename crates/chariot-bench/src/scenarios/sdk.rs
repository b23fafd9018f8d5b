//! Jamf's official Python SDK (PyPI `jamf-pro-sdk`, the version pinned by
//! `crates/chariot-sim/conformance/venv.sh`) fetching the same pages, as a subprocess:
//! `sdk_fetch.py` beside this crate's manifest times sign-in plus
//! `get_mobile_device_inventory_v2` and prints one JSON line. When Python or the venv is
//! missing the scenario is skipped with the reason, never failed.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use chariot_jamf::inventory::Section;
use serde::Deserialize;

use crate::child::Server;

#[derive(Debug, Clone)]
pub enum SdkResult {
    Ran {
        /// Sign-in + fetch + parse, measured inside Python.
        seconds: f64,
        /// The whole subprocess, interpreter start and imports included.
        process_seconds: f64,
        devices: u64,
        /// Sections Chariot asks for that the SDK does not offer.
        dropped_sections: Vec<String>,
    },
    Skipped(String),
}

#[derive(Deserialize)]
struct Printed {
    seconds: f64,
    devices: u64,
    #[serde(default)]
    dropped_sections: Vec<String>,
}

/// The venv's python: `CHARIOT_BENCH_PYTHON` (set by `cargo xtask bench`), else the venv
/// `venv.sh` creates under `$CARGO_TARGET_DIR` or the workspace's `target/`.
pub fn find_python() -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("CHARIOT_BENCH_PYTHON") {
        return Ok(PathBuf::from(p));
    }
    let root = workspace_root();
    let targets: Vec<PathBuf> = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .into_iter()
        .chain([root.join("target")])
        .collect();
    let bin = if cfg!(windows) {
        "Scripts/python.exe"
    } else {
        "bin/python"
    };
    targets
        .iter()
        .map(|t| t.join("conformance-venv").join(bin))
        .find(|p| p.is_file())
        .ok_or_else(|| {
            format!(
                "no jamf-pro-sdk venv under {} (create it with crates/chariot-sim/conformance/venv.sh)",
                targets
                    .iter()
                    .map(|t| t.display().to_string())
                    .collect::<Vec<_>>()
                    .join(" or ")
            )
        })
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Runs the SDK fetch; blocking (call from a blocking context).
pub fn run(python: &Path, server: &Server, page_size: u32) -> SdkResult {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("sdk_fetch.py");
    let sections: Vec<&str> = Section::ALL_CHARIOT.iter().map(|s| s.as_param()).collect();
    let started = Instant::now();
    let out = Command::new(python)
        .arg(&script)
        .env("SIM_URL", &server.url)
        .env("SIM_CLIENT_ID", &server.client_id)
        .env("SIM_CLIENT_SECRET", &server.client_secret)
        .env("SECTIONS", sections.join(","))
        .env("PAGE_SIZE", page_size.to_string())
        .stdin(Stdio::null())
        .output();
    let process_seconds = started.elapsed().as_secs_f64();
    let out = match out {
        Ok(out) => out,
        Err(e) => return SdkResult::Skipped(format!("cannot run {}: {e}", python.display())),
    };
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let last = stderr.lines().last().unwrap_or("").trim();
        return SdkResult::Skipped(format!("the SDK script failed ({}): {last}", out.status));
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    match stdout
        .lines()
        .rev()
        .find_map(|l| serde_json::from_str::<Printed>(l).ok())
    {
        Some(p) => SdkResult::Ran {
            seconds: p.seconds,
            process_seconds,
            devices: p.devices,
            dropped_sections: p.dropped_sections,
        },
        None => SdkResult::Skipped(format!("the SDK script printed no result: {stdout}")),
    }
}

/// The run with the median time and the spread of those that ran; the first skipped run's
/// reason when none ran.
pub fn median(runs: Vec<SdkResult>) -> crate::report::Measured<SdkResult> {
    let mut ran: Vec<SdkResult> = Vec::new();
    let mut skipped: Option<SdkResult> = None;
    for run in runs {
        match run {
            SdkResult::Ran { .. } => ran.push(run),
            SdkResult::Skipped(_) => {
                skipped.get_or_insert(run);
            }
        }
    }
    let seconds = |r: &SdkResult| match r {
        SdkResult::Ran { seconds, .. } => *seconds,
        SdkResult::Skipped(_) => f64::NAN,
    };
    if ran.is_empty() {
        return crate::report::Measured {
            median: skipped.unwrap_or_else(|| SdkResult::Skipped("no run".into())),
            spread: None,
        };
    }
    ran.sort_by(|a, b| seconds(a).total_cmp(&seconds(b)));
    let spread = (seconds(&ran[0]), seconds(&ran[ran.len() - 1]));
    let middle = ran.swap_remove(ran.len() / 2);
    crate::report::Measured {
        median: middle,
        spread: Some(spread),
    }
}
