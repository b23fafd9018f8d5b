//! Running one scenario in a child process: the parent serialises a [`Job`], re-executes this
//! binary with `child <job>`, and reads back one `RESULT {json}` line with the timing and the
//! child's peak memory. The simulator stays in the parent, so the child's memory is the
//! client's alone.

use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde::{Deserialize, Serialize};

use crate::memory;
use crate::scenarios::{raw_fetch, search, sync};

/// Where the simulator listens and how to log in (its demo API client).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Server {
    pub url: String,
    pub client_id: String,
    pub client_secret: String,
}

/// One scenario to run in a child.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "job", rename_all = "snake_case")]
pub enum Job {
    /// `chariot_core::sync::sync` into `store` (full, or auto = incremental on an existing one).
    Sync {
        server: Server,
        store: PathBuf,
        incremental: bool,
        page_size: u32,
    },
    /// The same page requests as a full sync, bytes read and dropped.
    RawFetch {
        server: Server,
        devices: u64,
        page_size: u32,
        in_flight: usize,
    },
    /// Searches through `Store::list_devices` on an existing store.
    Search { store: PathBuf, count: usize },
}

/// What a child measured.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Outcome {
    /// Wall time of the measured part (not the process start-up).
    pub seconds: f64,
    /// Peak resident set size of the child, when the OS tells it.
    pub peak_rss_bytes: Option<u64>,
    /// CPU time (user + system) the child used, start-up included: what Chariot itself costs,
    /// apart from the simulator it competes with for the same cores.
    #[serde(default)]
    pub cpu_seconds: Option<f64>,
    pub detail: Detail,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Detail {
    Sync(sync::SyncFigures),
    RawFetch(raw_fetch::RawFigures),
    Search(search::SearchFigures),
}

const RESULT_PREFIX: &str = "RESULT ";

/// Parent side: runs `job` in a fresh process of this binary and returns what it measured.
pub fn run_in_child(job: &Job) -> Result<Outcome, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this binary: {e}"))?;
    let json = serde_json::to_string(job).map_err(|e| e.to_string())?;
    let out = Command::new(exe)
        .arg("child")
        .arg(json)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot start the child process: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!("the child failed ({}): {stdout}", out.status));
    }
    let line = stdout
        .lines()
        .find_map(|l| l.strip_prefix(RESULT_PREFIX))
        .ok_or_else(|| format!("the child printed no result: {stdout}"))?;
    serde_json::from_str(line).map_err(|e| format!("unreadable child result ({e}): {line}"))
}

/// Child side: runs the job on a fresh runtime and prints its [`Outcome`].
pub fn run_as_child(json: &str) -> Result<(), String> {
    let job: Job = serde_json::from_str(json).map_err(|e| format!("bad job ({e}): {json}"))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let (seconds, detail) = runtime.block_on(async {
        match job {
            Job::Sync {
                server,
                store,
                incremental,
                page_size,
            } => sync::run(&server, &store, incremental, page_size)
                .await
                .map(|(s, f)| (s, Detail::Sync(f))),
            Job::RawFetch {
                server,
                devices,
                page_size,
                in_flight,
            } => raw_fetch::run(&server, devices, page_size, in_flight)
                .await
                .map(|(s, f)| (s, Detail::RawFetch(f))),
            Job::Search { store, count } => {
                search::run(&store, count).map(|(s, f)| (s, Detail::Search(f)))
            }
        }
    })?;
    drop(runtime);
    let outcome = Outcome {
        seconds,
        peak_rss_bytes: memory::peak_rss_bytes(),
        cpu_seconds: memory::cpu_seconds(),
        detail,
    };
    let json = serde_json::to_string(&outcome).map_err(|e| e.to_string())?;
    println!("{RESULT_PREFIX}{json}");
    Ok(())
}
