//! `chariot sync`: brings the local snapshot up to date with a Jamf Pro server.

use std::io::{IsTerminal, Write};
use std::time::Duration;

use chariot_core::AppError;
use chariot_core::connection::sync_database;
use chariot_core::sync::{CancelFlag, SyncMode, SyncPhase, SyncRequest};
use chariot_jamf::{ClientOptions, JamfClient};
use clap::Args;

use crate::credentials::{ServerArgs, credentials};

#[derive(Debug, Args)]
pub struct SyncArgs {
    #[command(flatten)]
    pub remote: ServerArgs,
    /// Fetch everything again instead of only what changed
    #[arg(long)]
    pub full: bool,
    /// Devices per page (the server caps at 2000)
    #[arg(long, default_value_t = 500)]
    pub page_size: u32,
}

pub async fn run(args: SyncArgs) -> Result<(), AppError> {
    let (server, db) = args.remote.server_and_database()?;
    let creds = credentials(&args.remote.credentials, &server)?;
    let client = JamfClient::new(server.clone(), creds, ClientOptions::default())
        .map_err(|e| AppError::from(chariot_core::sync::SyncError::Jamf(e)))?;
    let cancel = CancelFlag::default();
    let on_ctrl_c = cancel.clone();
    crate::session::Interrupt::install(
        "cancelling: the previous snapshot stays as it was…",
        move || on_ctrl_c.cancel(),
    );
    // The CLI syncs real servers (the demo school is the app's, on a port of its own).
    let request = SyncRequest {
        mode: if args.full {
            SyncMode::Full
        } else {
            SyncMode::Auto
        },
        source: "jamf",
        page_size: args.page_size,
    };
    let tty = std::io::stderr().is_terminal();
    // Done, failed or cancelled: the token goes before the process does (sync_database signs
    // out however the sync ends).
    let report = sync_database(
        &client,
        &db,
        &request,
        |p| {
            if tty {
                draw_progress(&p);
            }
        },
        &cancel,
    )
    .await;
    if tty {
        eprint!("\r\x1b[2K");
    }
    let report = report?;
    let s = report.summary;
    println!(
        "synced {} devices ({} added, {} changed, {} removed) in {:.1} s",
        s.device_count,
        s.added,
        s.changed,
        s.removed,
        report.duration.as_secs_f64()
    );
    // On standard error, so that the summary line stays the same for scripts.
    for warning in problem_lines(&report.problems) {
        eprintln!("warning: {warning}");
    }
    Ok(())
}

/// What the sync survived, in words (nothing when it read everything).
fn problem_lines(p: &chariot_core::sync::RunProblems) -> Vec<String> {
    let mut lines = Vec::new();
    if p.incomplete > 0 {
        lines.push(format!(
            "Jamf Pro could only partly read the inventory of {} device{} (it answered some \
             sections empty); they are kept with what it sent. Jamf Pro's logs say why.",
            p.incomplete,
            if p.incomplete == 1 { "" } else { "s" }
        ));
    }
    if p.positions_unread > 0 {
        lines.push(format!(
            "the position of {} lost device{} could not be read; {} the last known one. \
             Check the account's \"Read Mobile Devices\" privilege in the Classic API.",
            p.positions_unread,
            if p.positions_unread == 1 { "" } else { "s" },
            if p.positions_unread == 1 {
                "it keeps"
            } else {
                "they keep"
            }
        ));
    }
    lines
}

/// `[#########.........]  420/1000 devices · 310/s · 2 s left`
fn draw_progress(p: &chariot_core::sync::SyncProgress) {
    let label = match p.phase {
        SyncPhase::SigningIn => "signing in",
        SyncPhase::Fetching => "fetching",
        SyncPhase::Reconciling => "checking deletions",
        SyncPhase::Saving => "saving",
        SyncPhase::Positions => "lost devices' positions",
    };
    let mut line = format!("{label:>18} ");
    if p.total > 0 {
        let width = 30;
        let filled = (p.done as usize * width / p.total as usize).min(width);
        line.push_str(&format!(
            "[{}{}] {}/{} devices · {:.0}/s",
            "#".repeat(filled),
            ".".repeat(width - filled),
            p.done,
            p.total,
            p.devices_per_second
        ));
        if let Some(eta) = p.eta_seconds {
            line.push_str(&format!(" · {} left", humanise(Duration::from_secs(eta))));
        }
    }
    eprint!("\r\x1b[2K{line}");
    let _ = std::io::stderr().flush();
}

fn humanise(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 60 {
        format!("{} min {} s", s / 60, s % 60)
    } else {
        format!("{s} s")
    }
}
