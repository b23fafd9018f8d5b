//! `chariot`: Chariot's command line, over the same core as the desktop app. Each subcommand
//! lives in its own module; this file only parses the command line and dispatches.

mod command;
mod credentials;
mod devices;
mod exit;
mod jobs_cmd;
mod login;
mod paths;
mod session;
mod sim;
mod sync;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(name = "chariot", version, about = "Chariot: iPad carts through Jamf Pro, from the command line", after_help = exit::EXIT_CODES_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Verb,
}

#[derive(Debug, Subcommand)]
enum Verb {
    /// Check credentials and save the secret in the system keychain.
    Login(login::LoginArgs),
    /// Bring the local snapshot up to date (incremental unless --full).
    Sync(sync::SyncArgs),
    /// List the devices of the local snapshot (works offline).
    Devices(devices::DevicesArgs),
    /// Export the devices of the local snapshot to CSV, TXT or XML.
    Export(devices::ExportArgs),
    /// Run the simulated Jamf Pro server with the demo school.
    Sim(sim::SimArgs),
    /// Send a command to devices of the snapshot, each with its own result.
    Command(command::CommandArgs),
    /// Lost mode: enable (with a message), disable, play a sound, ask for the position.
    LostMode(command::LostModeArgs),
    /// The jobs (actions sent) and each device's state.
    Jobs(jobs_cmd::JobsArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Verb::Sim(args) => return sim::run(args),
        Verb::Devices(args) => devices::devices(args),
        Verb::Export(args) => devices::export(args),
        Verb::Login(args) => runtime().block_on(login::run(args)),
        Verb::Sync(args) => runtime().block_on(sync::run(args)),
        Verb::Command(args) => runtime().block_on(command::run(args)),
        Verb::LostMode(args) => runtime().block_on(command::run_lost_mode(args)),
        Verb::Jobs(args) => runtime().block_on(jobs_cmd::run(args)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => exit::fail(e),
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
}
