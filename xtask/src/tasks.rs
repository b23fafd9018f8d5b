//! The commands behind `cargo xtask`.

use crate::shell::{self, Result, root, run, step};
use crate::{e2e, system};

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

pub fn e2e_only() -> Result {
    system::ensure_packages(system::BUILD_PACKAGES)?;
    system::ensure_packages(system::TEST_PACKAGES)?;
    system::ensure_ui_dependencies()?;
    e2e::run_suite()
}

pub fn bindings() -> Result {
    step("Regenerating ui/src/lib/bindings.ts");
    run(shell::cargo()
        .args(["test", "-p", "chariot-core", "--test", "bindings_drift"])
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
    println!("Installers are in target/release/bundle/.");
    Ok(())
}
