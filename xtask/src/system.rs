//! Installs what the build and the tests need from the OS: Debian/Ubuntu packages, the
//! front end's npm packages from the lockfile, tauri-driver.

use std::process::Command;

use crate::shell::{self, Result, root, run, step, which};

/// Packages to build and run the desktop app (Tauri's Linux prerequisites).
pub const BUILD_PACKAGES: &[&str] = &[
    "libwebkit2gtk-4.1-dev",
    "build-essential",
    "curl",
    "wget",
    "file",
    "libxdo-dev",
    "libssl-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "pkg-config",
];

/// Extra packages for the end-to-end tests: a virtual display, the WebKit WebDriver, a
/// session bus and a keychain (Secret Service), fonts for stable screenshots, python venv.
pub const TEST_PACKAGES: &[&str] = &[
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "dbus",
    "dbus-x11",
    "at-spi2-core",
    "gnome-keyring",
    "libsecret-tools",
    "fonts-dejavu-core",
    "python3-venv",
];

/// On Debian/Ubuntu, installs the missing packages with apt (as root, else with sudo), or
/// prints the exact command and stops. Other systems are left alone.
pub fn ensure_packages(packages: &[&str]) -> Result {
    if !cfg!(target_os = "linux") || which("apt-get").is_none() || which("dpkg-query").is_none() {
        return Ok(());
    }
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|p| !is_installed(p))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    step(&format!(
        "Installing system packages: {}",
        missing.join(" ")
    ));
    let install_line = format!(
        "apt-get update && apt-get install -y --no-install-recommends {}",
        missing.join(" ")
    );
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let prefix: Vec<&str> = if is_root {
        vec![]
    } else if which("sudo").is_some() {
        vec!["sudo", "-n"]
    } else {
        return Err(format!(
            "these system packages are missing: {}\nInstall them as root, then run this again:\n  sudo sh -c '{install_line}'",
            missing.join(" ")
        ));
    };
    let apt = |args: &[&str]| {
        let mut parts = prefix.clone();
        parts.extend_from_slice(args);
        let mut cmd = Command::new(parts[0]);
        cmd.args(&parts[1..])
            .env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    run(&mut apt(&["apt-get", "update", "-qq"]))
        .and_then(|()| {
            let mut args = vec!["apt-get", "install", "-y", "-qq", "--no-install-recommends"];
            args.extend(missing.iter());
            run(&mut apt(&args))
        })
        .map_err(|e| {
            format!(
                "{e}\nInstall them by hand, then run this again:\n  sudo sh -c '{install_line}'"
            )
        })
}

fn is_installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
        .unwrap_or(false)
}

/// `npm ci` when node_modules is missing or older than the lockfile.
pub fn ensure_ui_dependencies() -> Result {
    if which(if cfg!(windows) { "npm.cmd" } else { "npm" }).is_none() {
        return Err("npm was not found: install Node.js 20 or newer (https://nodejs.org), then run this again".into());
    }
    let ui = root().join("ui");
    let stamp = ui.join("node_modules/.package-lock.json");
    let lock = ui.join("package-lock.json");
    let fresh = match (std::fs::metadata(&stamp), std::fs::metadata(&lock)) {
        (Ok(s), Ok(l)) => s.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if !fresh {
        step("Installing the front end's packages (npm ci)");
        run(shell::npm().args(["ci", "--no-audit", "--no-fund"]))?;
    }
    Ok(())
}

/// tauri-driver (the WebDriver bridge for the real window), built from crates.io if missing.
pub fn ensure_tauri_driver() -> Result<std::path::PathBuf> {
    if let Some(path) = which("tauri-driver") {
        return Ok(path);
    }
    step("Installing tauri-driver (cargo install, about a minute)");
    // crates.io "latest" is a 3.0 alpha: stay on the 2.x line that matches tauri 2.
    run(shell::cargo().args(["install", "tauri-driver", "--version", "^2", "--locked"]))?;
    which("tauri-driver").ok_or_else(|| {
        "tauri-driver was installed but is not on PATH (add ~/.cargo/bin to PATH)".into()
    })
}

/// Free space under target/ (in GiB), read with `df`; `None` where df is missing or unclear.
fn free_disk_gib() -> Option<u64> {
    let target = root().join("target");
    let probe = if target.exists() { target } else { root() };
    let out = Command::new("df").args(["-Pk"]).arg(&probe).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let kib: u64 = text
        .lines()
        .nth(1)?
        .split_whitespace()
        .nth(3)?
        .parse()
        .ok()?;
    Some(kib / (1024 * 1024))
}

/// A cold `cargo xtask test` writes about 10 GB under target/. When the disk is nearly full the
/// linker dies with an obscure SIGBUS, so say it plainly before starting.
pub fn warn_if_disk_low() {
    if let Some(free) = free_disk_gib().filter(|free| *free < 12) {
        eprintln!(
            "warning: only {free} GiB free on the disk holding target/; a cold build and test run \
             needs about 12 GiB. Free some space (old target/ folders, clones) if the build fails \
             while linking."
        );
    }
}
