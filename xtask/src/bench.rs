//! `cargo xtask bench`: the figures issue #4 asks for (sync vs Jamf's Python SDK and a raw
//! fetch, incremental sync, search latency, peak memory), printed as a report.
//!
//! Prepares the SDK's venv (best effort: without it the SDK column says "skipped" and why),
//! then builds and runs `chariot-bench` in release mode. Figures never fail the command; only
//! a broken build or a failed scenario does.

use crate::shell::{Result, cargo, root, run, step};
use std::process::Command;

pub fn bench(args: &[String]) -> Result {
    if let Some(extra) = args.first() {
        return Err(format!("bench takes no options (got `{extra}`)"));
    }
    let mut cmd = cargo();
    cmd.args(["run", "--release", "--quiet", "-p", "chariot-bench"]);
    match sdk_python() {
        Ok(python) => {
            cmd.env("CHARIOT_BENCH_PYTHON", python);
        }
        Err(e) => println!("(the SDK scenario will be skipped: {e})"),
    }
    step("Benchmark (release build, then about 2 minutes on 2 cores)");
    run(&mut cmd)
}

/// The venv with jamf-pro-sdk, created once by the script the conformance tests share.
fn sdk_python() -> Result<String> {
    let script = root().join("crates/chariot-sim/conformance/venv.sh");
    if cfg!(windows) {
        return Err("venv.sh needs bash".into());
    }
    step("Python venv with Jamf's SDK (jamf-pro-sdk)");
    let out = Command::new("bash")
        .arg(&script)
        .current_dir(root())
        .output()
        .map_err(|e| format!("could not run {}: {e}", script.display()))?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        return Err(format!(
            "{} failed: {}",
            script.display(),
            stderr.lines().last().unwrap_or("").trim()
        ));
    }
    let python = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    if python.is_empty() {
        return Err("venv.sh printed no python path".into());
    }
    Ok(python)
}
