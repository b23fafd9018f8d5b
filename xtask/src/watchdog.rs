//! Running a command tree that must not outlive its step: the end-to-end suite starts a
//! session bus, tauri-driver, WebKitWebDriver, the app, WebKit's helpers and accessibility
//! daemons. Any of them left alive while holding our output keeps a CI log open forever (a CI
//! run once hung 75 minutes after the last test passed), so the tree runs in its own process
//! group with its output relayed through pipes, under a deadline, and whatever is left of the
//! group is killed when the command returns.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::shell::{Result, describe};

pub fn run_bounded(cmd: &mut Command, limit: Duration) -> Result {
    let shown = describe(cmd);
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    // Relayed, never inherited: a straggler holding these pipes cannot hold our own output.
    // The relays are not joined, for the same reason.
    if let Some(out) = child.stdout.take() {
        relay(out, std::io::stdout);
    }
    if let Some(err) = child.stderr.take() {
        relay(err, std::io::stderr);
    }
    let deadline = Instant::now() + limit;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if Instant::now() >= deadline => break None,
            Ok(None) => thread::sleep(Duration::from_millis(200)),
            Err(e) => {
                kill_group(child.id());
                return Err(format!("could not wait for `{shown}`: {e}"));
            }
        }
    };
    kill_group(child.id());
    let _ = child.wait();
    // Let the relays print what was already written before we go on.
    thread::sleep(Duration::from_millis(300));
    match status {
        Some(s) if s.success() => Ok(()),
        Some(s) => Err(format!("`{shown}` failed ({s})")),
        None => Err(format!(
            "`{shown}` did not finish within {} minutes and was stopped. A test or a process \
             it started is stuck: the output above shows the last step that ran.",
            limit.as_secs() / 60
        )),
    }
}

fn relay<R, W, F>(mut from: R, to: F)
where
    R: Read + Send + 'static,
    W: Write,
    F: Fn() -> W + Send + 'static,
{
    thread::spawn(move || {
        let mut buf = [0u8; 8192];
        loop {
            match from.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let mut out = to();
                    let _ = out.write_all(&buf[..n]);
                    let _ = out.flush();
                }
            }
        }
    });
}

/// Ends every process left in the group led by `leader` (the leader itself included).
fn kill_group(leader: u32) {
    if cfg!(unix) {
        for signal in ["-TERM", "-KILL"] {
            let _ = Command::new("kill")
                .args([signal, "--", &format!("-{leader}")])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
            thread::sleep(Duration::from_millis(200));
        }
    }
}
