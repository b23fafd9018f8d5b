//! End-to-end tests against the real app window: the app built with its UI embedded,
//! tauri-driver + WebKitWebDriver, a virtual display (Xvfb) and a private session bus.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::shell::{self, Result, root, run, step, which};
use crate::{system, watchdog};

pub fn run_suite() -> Result {
    if cfg!(target_os = "macos") {
        println!("\n(end-to-end tests skipped: tauri-driver does not support macOS WebKit)");
        return Ok(());
    }
    let driver = system::ensure_tauri_driver()?;
    if cfg!(target_os = "linux") && which("WebKitWebDriver").is_none() {
        return Err(
            "WebKitWebDriver is missing: install the Debian package webkit2gtk-driver".into(),
        );
    }

    step("End-to-end: building the UI and the app with the UI embedded");
    run(shell::npm().args(["run", "build"]))?;
    run(shell::cargo().args([
        "build",
        "-p",
        "chariot-app",
        "--features",
        "tauri/custom-protocol",
    ]))?;
    // The `chariot` command line: the suite runs the simulator and syncs with it.
    run(shell::cargo().args(["build", "-p", "chariot-cli"]))?;
    let app = root().join("target/debug").join(if cfg!(windows) {
        "chariot-app.exe"
    } else {
        "chariot-app"
    });

    let shots = root().join("target/e2e-screenshots");
    std::fs::create_dir_all(&shots)
        .map_err(|e| format!("cannot create {}: {e}", shots.display()))?;

    step("End-to-end: driving the real window");
    let mut node = Command::new("node");
    // --test-force-exit: the runner ends when the tests do, even if a child of a test left a
    // handle open; a stuck test fails after 5 minutes instead of holding CI.
    node.args([
        "--test",
        "--test-concurrency=1",
        "--test-force-exit",
        "--test-timeout=300000",
    ])
    .arg(root().join("tests/e2e"))
    .env("CHARIOT_E2E_APP", &app)
    .env("CHARIOT_E2E_DRIVER", &driver)
    .env(
        "CHARIOT_E2E_CLI",
        root().join("target/debug").join(if cfg!(windows) {
            "chariot.exe"
        } else {
            "chariot"
        }),
    )
    .env("CHARIOT_E2E_SHOTS", &shots)
    .current_dir(root());

    if cfg!(target_os = "linux") {
        let display = VirtualDisplay::start()?;
        // A private bus: WebKit otherwise auto-launches dbus and accessibility daemons that
        // outlive the test (measured); dbus-run-session ends them with the session.
        let mut wrapped = Command::new("dbus-run-session");
        wrapped
            .arg("--")
            .arg("node")
            .args(node.get_args())
            .envs(node.get_envs().filter_map(|(k, v)| v.map(|v| (k, v))))
            .env("DISPLAY", display.name())
            .env("NO_AT_BRIDGE", "1")
            .current_dir(root());
        let result = watchdog::run_bounded(&mut wrapped, Duration::from_secs(25 * 60));
        drop(display);
        result?;
    } else {
        run(&mut node)?;
    }
    println!("Screenshots: {}", shots.display());
    Ok(())
}

/// An Xvfb server sized like a school laptop (1366×768), stopped when dropped.
struct VirtualDisplay {
    child: Child,
    number: u32,
}

impl VirtualDisplay {
    fn start() -> Result<VirtualDisplay> {
        let xvfb = which("Xvfb").ok_or("Xvfb is missing: install the Debian package xvfb")?;
        let number = (90..200)
            .find(|n| !socket(*n).exists() && !Path::new(&format!("/tmp/.X{n}-lock")).exists())
            .ok_or("no free X display number between :90 and :199")?;
        let child = Command::new(xvfb)
            .arg(format!(":{number}"))
            .args(["-screen", "0", "1366x768x24", "-nolisten", "tcp"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start Xvfb: {e}"))?;
        let display = VirtualDisplay { child, number };
        let deadline = Instant::now() + Duration::from_secs(10);
        while !socket(number).exists() {
            if Instant::now() > deadline {
                return Err(format!("Xvfb :{number} did not start within 10 s"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(display)
    }

    fn name(&self) -> String {
        format!(":{}", self.number)
    }
}

impl Drop for VirtualDisplay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn socket(n: u32) -> PathBuf {
    PathBuf::from(format!("/tmp/.X11-unix/X{n}"))
}
