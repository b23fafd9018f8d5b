//! `chariot command NAME`: one action on the devices of the local snapshot that match, as a job
//! with each device's own result (issue #6: the first actions; more come with the rest of it).
//!
//! Without `--yes` it asks for the confirmation the app asks for: how many devices, how many
//! have an inventory older than the stale threshold, and the count typed back.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use chariot_core::AppError;
use chariot_core::jobs::{self, JobAction, TargetState};
use chariot_jamf::{ClientOptions, JamfClient, ServerUrl};
use chariot_store::{DeviceQuery, Store};
use clap::Args;

use crate::credentials::{CredentialArgs, account, credentials};

#[derive(Debug, Args)]
pub struct CommandArgs {
    /// update-inventory | restart | shut-down
    pub name: String,
    /// Jamf Pro address, e.g. https://ecollege31.jamfcloud.com
    #[arg(long)]
    pub server: String,
    #[command(flatten)]
    pub credentials: CredentialArgs,
    /// Database file (default: the app's database for this server)
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// A device name or serial number (repeatable)
    #[arg(long = "device", value_name = "NAME_OR_SERIAL")]
    pub devices: Vec<String>,
    /// Every device of this cart, e.g. "Chariot 2"
    #[arg(long)]
    pub cart: Option<String>,
    /// Every device matching this search (as in `chariot devices --search`)
    #[arg(long)]
    pub search: Option<String>,
    /// Do not ask for confirmation (scripts)
    #[arg(long)]
    pub yes: bool,
    /// Wait until every device has answered (or --timeout passes), then print the results
    #[arg(long)]
    pub wait: bool,
    /// With --wait: stop waiting after this many seconds
    #[arg(long, default_value_t = 300)]
    pub timeout: u64,
    /// Inventory older than this many days is flagged in the confirmation
    #[arg(long, default_value_t = 7)]
    pub stale_days: u32,
}

fn action(name: &str) -> Result<JobAction, AppError> {
    match name {
        "update-inventory" => Ok(JobAction::UpdateInventory),
        "restart" => Ok(JobAction::RestartDevice),
        "shut-down" => Ok(JobAction::ShutDownDevice),
        other => Err(crate::exit::usage(
            format!("unknown command `{other}`"),
            "Use update-inventory, restart or shut-down.",
        )),
    }
}

pub async fn run(args: CommandArgs) -> Result<(), AppError> {
    let action = action(&args.name)?;
    let server =
        ServerUrl::parse(&args.server).map_err(|e| crate::exit::usage(e.to_string(), e.hint()))?;
    let db = crate::paths::database(args.db.clone(), Some(&server))?;
    let mut store = Store::open(&db)?;
    let targets = select(&store, &args)?;
    if targets.is_empty() {
        return Err(crate::exit::usage(
            "no device of the local snapshot matches",
            "Check the names with `chariot devices`, or run `chariot sync` first.",
        ));
    }
    let stale_before = chrono::Utc::now() - chrono::Duration::days(i64::from(args.stale_days));
    let stale: Vec<&(String, String, Option<String>, Option<String>)> = targets
        .iter()
        .filter(|t| {
            t.3.as_deref()
                .and_then(|d| chrono::DateTime::parse_from_rfc3339(d).ok())
                .is_none_or(|d| d < stale_before)
        })
        .collect();
    if !args.yes {
        confirm(&args.name, &targets, &stale, args.stale_days)?;
    }
    let creds = credentials(&args.credentials, &server)?;
    let client = JamfClient::new(server, creds, ClientOptions::default())
        .map_err(|e| AppError::from(chariot_core::sync::SyncError::Jamf(e)))?;
    let job = store.create_job(
        action.as_str(),
        "{}",
        account(&args.credentials),
        &chrono::Utc::now().to_rfc3339(),
        &targets
            .iter()
            .map(|t| (t.0.clone(), t.1.clone(), t.2.clone()))
            .collect::<Vec<_>>(),
    )?;
    jobs::submit(&client, &mut store, job).await?;
    if args.wait {
        let deadline = std::time::Instant::now() + Duration::from_secs(args.timeout);
        while jobs::poll(&client, &mut store, job).await? > 0
            && std::time::Instant::now() < deadline
        {
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    }
    let _ = client.sign_out().await;
    let rows = store.job_targets(job)?;
    println!("job {job}: {} {} device(s)", args.name, rows.len());
    for r in &rows {
        println!(
            "{:<32} {:<10} {}",
            r.device_name,
            r.state,
            r.error.as_deref().unwrap_or("")
        );
    }
    let bad = rows
        .iter()
        .filter(|r| {
            matches!(
                TargetState::parse(&r.state),
                TargetState::Failed | TargetState::Unknown | TargetState::NotSent
            )
        })
        .count();
    if bad > 0 {
        return Err(AppError::new(
            chariot_core::ErrorCode::Server,
            format!("{bad} of {} device(s) did not take the command", rows.len()),
        )
        .with_hint("See each device's line above; an `unknown` one may have acted: check it before sending again."));
    }
    Ok(())
}

/// (jamf id, name, management id, last inventory) of the devices named or matched.
type Target = (String, String, Option<String>, Option<String>);

fn select(store: &Store, args: &CommandArgs) -> Result<Vec<Target>, AppError> {
    let mut ids: Vec<String> = Vec::new();
    for wanted in &args.devices {
        let found = store.list_device_ids(&DeviceQuery {
            search: Some(wanted.clone()),
            ..Default::default()
        })?;
        let exact: Vec<String> = store
            .devices_by_ids(&found)?
            .into_iter()
            .filter(|d| {
                d.name.eq_ignore_ascii_case(wanted)
                    || d.serial_number
                        .as_deref()
                        .is_some_and(|s| s.eq_ignore_ascii_case(wanted))
            })
            .map(|d| d.jamf_id)
            .collect();
        if exact.is_empty() {
            return Err(crate::exit::usage(
                format!("no device is named `{wanted}` in the local snapshot"),
                "Give the exact name or serial number (see `chariot devices --search …`).",
            ));
        }
        ids.extend(exact);
    }
    if args.cart.is_some() || args.search.is_some() {
        ids.extend(store.list_device_ids(&DeviceQuery {
            cart: args.cart.clone(),
            search: args.search.clone(),
            ..Default::default()
        })?);
    }
    ids.dedup();
    let mut out = Vec::new();
    for id in ids {
        if out.iter().any(|t: &Target| t.0 == id) {
            continue;
        }
        if let Some(d) = store.device(&id)? {
            out.push((d.jamf_id, d.name, d.management_id, d.last_inventory_update));
        }
    }
    Ok(out)
}

fn confirm(
    name: &str,
    targets: &[Target],
    stale: &[&Target],
    stale_days: u32,
) -> Result<(), AppError> {
    if !std::io::stdin().is_terminal() {
        return Err(crate::exit::usage(
            format!(
                "{name} would act on {} device(s) and needs a confirmation",
                targets.len()
            ),
            "Run it in a terminal to confirm, or pass --yes in scripts.",
        ));
    }
    eprintln!("{name} on {} device(s):", targets.len());
    for t in targets.iter().take(10) {
        eprintln!("  {}", t.1);
    }
    if targets.len() > 10 {
        eprintln!("  … and {} more", targets.len() - 10);
    }
    if !stale.is_empty() {
        eprintln!(
            "warning: {} of them have an inventory older than {stale_days} days (what you see may be out of date):",
            stale.len()
        );
        for t in stale.iter().take(10) {
            eprintln!(
                "  {} (last inventory {})",
                t.1,
                t.3.as_deref().unwrap_or("never")
            );
        }
    }
    eprint!("Type {} to confirm: ", targets.len());
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).ok();
    if line.trim() != targets.len().to_string() {
        return Err(AppError::new(
            chariot_core::ErrorCode::Cancelled,
            "not confirmed; nothing was sent",
        ));
    }
    Ok(())
}
