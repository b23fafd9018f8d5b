//! `cargo xtask <command>`: the project's set-up and checks, the same on every machine.
//!
//! Kept dependency-free (std only) so it compiles in seconds on a fresh clone.

mod bench;
mod e2e;
mod shell;
mod system;
mod tasks;
mod watchdog;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

  run                 install what is missing, build the UI and start Chariot
  test [--skip-e2e]   every check: fmt, clippy, Rust tests, UI typecheck and tests,
                      simulator conformance, end-to-end tests in the real window
  e2e                 only the end-to-end tests (real window under Xvfb on Linux)
  bindings            regenerate ui/src/lib/bindings.ts from the Rust IPC types
  bundle              build the installers for this OS (tauri bundler)
  bench               sync/search/memory figures vs Jamf's Python SDK (release build)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((c, rest)) => (c.as_str(), rest),
        None => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match command {
        "run" => tasks::start_app(rest),
        "test" => tasks::test(rest),
        "e2e" => tasks::e2e_only(),
        "bindings" => tasks::bindings(),
        "bundle" => tasks::bundle(rest),
        "bench" => bench::bench(rest),
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        other => {
            eprintln!("xtask: unknown command `{other}`\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}
