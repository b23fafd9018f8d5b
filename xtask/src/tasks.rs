//! The commands behind `cargo xtask`.

use crate::shell::{self, Result, root, run, step};
use crate::{e2e, system, watchdog};

pub fn start_app(args: &[String]) -> Result {
    system::ensure_packages(system::BUILD_PACKAGES)?;
    system::ensure_ui_dependencies()?;
    step("Building the user interface");
    run(shell::npm().args(["run", "build"]))?;
    step("Building and starting Chariot (first build: about 4 minutes)");
    run(shell::cargo()
        .args([
            "run",
            "-p",
            "chariot-app",
            "--features",
            "tauri/custom-protocol",
            "--",
        ])
        .args(args))
}

pub fn test(args: &[String]) -> Result {
    let skip_e2e = args.iter().any(|a| a == "--skip-e2e");
    if let Some(bad) = args.iter().find(|a| *a != "--skip-e2e") {
        return Err(format!("unknown option `{bad}` (only --skip-e2e)"));
    }
    system::warn_if_disk_low();
    system::ensure_packages(system::BUILD_PACKAGES)?;
    if !skip_e2e {
        system::ensure_packages(system::TEST_PACKAGES)?;
    }
    system::ensure_ui_dependencies()?;

    step("Formatting (cargo fmt --check)");
    run(shell::cargo().args(["fmt", "--all", "--", "--check"]))
        .map_err(|e| format!("{e}\nRun `cargo fmt --all` and commit the result."))?;

    step("Lints (cargo clippy -D warnings)");
    run(shell::cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;

    step("Rust tests (every crate, the app's commands through the MockRuntime, bindings drift)");
    run(shell::cargo().args(["test", "--workspace"]))?;

    if cfg!(target_os = "linux") && !skip_e2e {
        step("OS keychain round trip (a throwaway GNOME Keyring in a private D-Bus session)");
        keychain_test()?;
    }

    step("User interface: typecheck (svelte-check)");
    run(shell::npm().args(["run", "check"]))?;

    step("User interface: unit tests (vitest)");
    run(shell::npm().args(["test"]))?;

    let conformance = root().join("crates/chariot-sim/conformance/run.sh");
    if conformance.exists() {
        step("Simulator conformance with Jamf's official Python SDK");
        run(std::process::Command::new("bash")
            .arg(&conformance)
            .current_dir(root()))?;
    }

    if skip_e2e {
        println!("\n(end-to-end tests skipped: --skip-e2e)");
    } else {
        e2e::run_suite()?;
    }
    println!("\nAll checks passed.");
    Ok(())
}

/// Runs the ignored keychain test against a real Secret Service: a private session bus, GNOME
/// Keyring unlocked with a throwaway password, HOME and XDG_RUNTIME_DIR in a temp folder so
/// the user's own keyring is never touched.
fn keychain_test() -> Result {
    let tmp = std::env::temp_dir().join(format!("chariot-keyring-{}", std::process::id()));
    let runtime = tmp.join("run");
    std::fs::create_dir_all(&runtime)
        .map_err(|e| format!("cannot create {}: {e}", runtime.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700));
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let script = format!(
        "eval \"$(printf chariot-ci | gnome-keyring-daemon --unlock --components=secrets)\" && \
         '{cargo}' test -p chariot-core -p chariot-cli -p chariot-app --test keychain -- --ignored"
    );
    // gnome-keyring-daemon forks into the background: bounded and cleaned up like e2e.
    let result = watchdog::run_bounded(
        std::process::Command::new("dbus-run-session")
            .args(["--", "bash", "-c", &script])
            .env("HOME", &tmp)
            .env("XDG_RUNTIME_DIR", &runtime)
            // cargo and rustup still need the real toolchain folders.
            .env(
                "CARGO_HOME",
                std::env::var_os("CARGO_HOME").unwrap_or_else(|| home_join(".cargo")),
            )
            .env(
                "RUSTUP_HOME",
                std::env::var_os("RUSTUP_HOME").unwrap_or_else(|| home_join(".rustup")),
            )
            .current_dir(root()),
        std::time::Duration::from_secs(20 * 60),
    );
    let _ = std::fs::remove_dir_all(&tmp);
    result
}

fn home_join(dir: &str) -> std::ffi::OsString {
    std::path::Path::new(&std::env::var_os("HOME").unwrap_or_default())
        .join(dir)
        .into_os_string()
}

pub fn e2e_only() -> Result {
    system::ensure_packages(system::BUILD_PACKAGES)?;
    system::ensure_packages(system::TEST_PACKAGES)?;
    system::ensure_ui_dependencies()?;
    e2e::run_suite()
}

pub fn bindings() -> Result {
    step("Regenerating ui/src/lib/bindings.ts");
    run(shell::cargo()
        .args(["test", "-p", "chariot-runtime", "--test", "bindings_drift"])
        .env("UPDATE_BINDINGS", "1"))
}

pub fn bundle(args: &[String]) -> Result {
    system::ensure_packages(system::BUILD_PACKAGES)?;
    system::ensure_ui_dependencies()?;
    // The CLI stays out of package.json: the registry mirror lacks the other platforms' CLI
    // binaries, which would break `npm ci` everywhere. Installing it unsaved keeps the lockfile.
    step("Installing the Tauri CLI (not saved in package.json)");
    run(shell::npm().args([
        "install",
        "--no-save",
        "--no-audit",
        "--no-fund",
        "@tauri-apps/cli@2.12.5",
    ]))?;
    step("Building the installers (tauri build)");
    let cli =
        root()
            .join("ui/node_modules/.bin")
            .join(if cfg!(windows) { "tauri.cmd" } else { "tauri" });
    run(std::process::Command::new(cli)
        .arg("build")
        .args(args)
        .current_dir(root()))?;
    let profile = if args.iter().any(|a| a == "--debug") {
        "debug"
    } else {
        "release"
    };
    println!("Installers are in target/{profile}/bundle/.");
    Ok(())
}
