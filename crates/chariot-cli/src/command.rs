//! `chariot command NAME` and `chariot lost-mode enable|disable|sound|locate`: one action on the
//! devices of the local snapshot that match, as a job with each device's own result (issue #6).
//!
//! Without `--yes` it asks for the confirmation the app asks for: how many devices, which are
//! left out and why, how many have an inventory older than the stale threshold, and the count
//! typed back. The exit code says whether every device succeeded.

use std::io::{BufRead, IsTerminal, Write};
use std::time::Duration;

use chariot_core::AppError;
use chariot_core::actions::{Action, ActionPlan, ActionRequest, OsUpdateInstall, OsVersionChoice};
use chariot_core::jobs::{self, PlanContext};
use chariot_jamf::{ClientOptions, JamfClient};
use chariot_store::{DeviceQuery, Store};
use clap::{Args, ValueEnum};

use crate::credentials::{ServerArgs, account, credentials};
use crate::session::Interrupt;

/// Where the command goes and to which devices (shared by `command` and `lost-mode`).
#[derive(Debug, Args)]
pub struct Targeting {
    #[command(flatten)]
    pub remote: ServerArgs,
    /// A device name or serial number (repeatable)
    #[arg(long = "device", value_name = "NAME_OR_SERIAL")]
    pub devices: Vec<String>,
    /// Every device of this cart, e.g. "Chariot 2"
    #[arg(long)]
    pub cart: Option<String>,
    /// Every device of this Jamf Pro group (static or smart), by name
    #[arg(long)]
    pub group: Option<String>,
    /// Every device matching this search (as in `chariot devices --search`)
    #[arg(long)]
    pub search: Option<String>,
    /// Do not ask for confirmation (scripts). An erase still needs --confirm COUNT.
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

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CommandName {
    UpdateInventory,
    Restart,
    ShutDown,
    ClearPasscode,
    DeleteUser,
    LogOutUser,
    Erase,
    RefreshCellularPlans,
    UpdateOs,
}

#[derive(Debug, Args)]
pub struct CommandArgs {
    pub name: CommandName,
    #[command(flatten)]
    pub target: Targeting,
    /// delete-user: the Managed Apple Account to remove from the Shared iPad
    #[arg(long, value_name = "USER")]
    pub user: Option<String>,
    /// delete-user: even when the user still has data to sync
    #[arg(long)]
    pub force: bool,
    /// erase: keep the eSIM's data plan
    #[arg(long)]
    pub preserve_data_plan: bool,
    /// erase: prevent Proximity Setup on the erased device
    #[arg(long)]
    pub disallow_proximity_setup: bool,
    /// erase: the number of devices (or the device's name), as the app asks you to type it
    #[arg(long, value_name = "COUNT_OR_NAME")]
    pub confirm: Option<String>,
    /// refresh-cellular-plans: the carrier's eSIM (SM-DP+) server, https://…
    #[arg(long, value_name = "URL")]
    pub esim_url: Option<String>,
    /// update-os: latest-minor, latest-any, or a version such as 18.6.2
    #[arg(
        long = "os-version",
        value_name = "VERSION",
        default_value = "latest-minor"
    )]
    pub os_version: String,
    /// update-os: only download the update (default: download, install and restart)
    #[arg(long)]
    pub download_only: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LostModeVerb {
    Enable,
    Disable,
    Sound,
    Locate,
}

#[derive(Debug, Args)]
pub struct LostModeArgs {
    pub verb: LostModeVerb,
    #[command(flatten)]
    pub target: Targeting,
    /// enable: the message on the lock screen
    #[arg(long, default_value = "")]
    pub message: String,
    /// enable: a phone number to call
    #[arg(long, default_value = "")]
    pub phone: String,
    /// enable: the footnote
    #[arg(long, default_value = "")]
    pub footnote: String,
    /// enable: keep lost mode even after a restore (Jamf's "always enforce"; on by default,
    /// `--always false` to turn it off)
    #[arg(
        long,
        default_value_t = true,
        num_args = 0..=1,
        default_missing_value = "true",
        action = clap::ArgAction::Set
    )]
    pub always: bool,
}

fn command_action(args: &CommandArgs) -> Result<Action, AppError> {
    let missing = |what: &str, hint: &str| crate::exit::usage(what.to_owned(), hint.to_owned());
    Ok(match args.name {
        CommandName::UpdateInventory => Action::UpdateInventory,
        CommandName::Restart => Action::Restart,
        CommandName::ShutDown => Action::ShutDown,
        CommandName::ClearPasscode => Action::ClearPasscode,
        CommandName::LogOutUser => Action::LogOutUser,
        CommandName::DeleteUser => Action::DeleteUser {
            user_name: args.user.clone().ok_or_else(|| {
                missing(
                    "delete-user needs --user",
                    "Name the Managed Apple Account to delete (see the device's users).",
                )
            })?,
            force: args.force,
        },
        CommandName::Erase => Action::Erase {
            preserve_data_plan: args.preserve_data_plan,
            disallow_proximity_setup: args.disallow_proximity_setup,
        },
        CommandName::UpdateOs => Action::UpdateOs {
            install: if args.download_only {
                OsUpdateInstall::DownloadOnly
            } else {
                OsUpdateInstall::DownloadInstallRestart
            },
            version: match args.os_version.as_str() {
                "latest-minor" => OsVersionChoice::LatestMinor,
                "latest-any" => OsVersionChoice::LatestAny,
                _ => OsVersionChoice::Specific,
            },
            specific_version: args.os_version.clone(),
        },
        CommandName::RefreshCellularPlans => Action::RefreshCellularPlans {
            esim_server_url: args.esim_url.clone().ok_or_else(|| {
                missing(
                    "refresh-cellular-plans needs --esim-url",
                    "Give the carrier's SM-DP+ address, e.g. --esim-url https://sm-dp.example.fr",
                )
            })?,
        },
    })
}

pub async fn run(args: CommandArgs) -> Result<(), AppError> {
    let action = command_action(&args)?;
    act(&args.target, action, args.confirm.clone()).await
}

pub async fn run_lost_mode(args: LostModeArgs) -> Result<(), AppError> {
    let action = match args.verb {
        LostModeVerb::Enable => Action::EnableLostMode {
            message: args.message.clone(),
            phone: args.phone.clone(),
            footnote: args.footnote.clone(),
            always_enforce: args.always,
        },
        LostModeVerb::Disable => Action::DisableLostMode,
        LostModeVerb::Sound => Action::PlayLostModeSound,
        LostModeVerb::Locate => Action::UpdateLocation,
    };
    act(&args.target, action, None).await
}

async fn act(t: &Targeting, action: Action, confirm: Option<String>) -> Result<(), AppError> {
    action
        .validate()
        .map_err(|e| crate::exit::usage(e.message.clone(), e.hint.clone().unwrap_or_default()))?;
    let (server, db) = t.remote.server_and_database()?;
    let mut store = Store::attach(&db)?;
    let ids = select(&store, t)?;
    if ids.is_empty() {
        return Err(crate::exit::usage(
            "no device of the local snapshot matches",
            "Check the names with `chariot devices`, or run `chariot sync` first.",
        ));
    }
    let ctx = PlanContext {
        stale_before: chrono::Utc::now() - chrono::Duration::days(i64::from(t.stale_days)),
        version: jobs::known_version(&store)?,
        snapshot_at: store.current_snapshot()?.and_then(|s| s.completed_at),
    };
    let mut request = ActionRequest {
        action,
        device_ids: ids,
        confirmation: confirm,
    };
    let plan = jobs::plan(&store, &request, &ctx)?;
    if let Some(why) = &plan.unavailable {
        return Err(AppError::new(
            chariot_core::ErrorCode::InvalidInput,
            why.to_string(),
        ));
    }
    if !t.yes {
        let typed = confirm_on_terminal(&plan, t.stale_days)?;
        if plan.typed_confirmation.is_some() {
            request.confirmation = Some(typed);
        }
    } else if let Some(expected) = &plan.typed_confirmation
        && request.confirmation.is_none()
    {
        return Err(crate::exit::usage(
            format!(
                "erasing {} device(s) needs --confirm {expected}",
                plan.to_send
            ),
            "Erasing cannot be undone: pass the number of devices (or the device's name) with --confirm.",
        ));
    }
    let creds = credentials(&t.remote.credentials, &server)?;
    let client =
        JamfClient::new(server, creds, ClientOptions::default()).map_err(AppError::from)?;
    let lang =
        chariot_core::locale::LanguagePref::System.resolve(sys_locale::get_locale().as_deref());
    let job = jobs::create(
        &mut store,
        &request,
        &ctx,
        account(&t.remote.credentials),
        lang,
    )?;
    // After the confirmation (it reads the terminal) and before signing in.
    let interrupt = Interrupt::install(
        "stopping once every command of the job is sent and recorded, then signing out…",
        || {},
    );
    // Ctrl-C does not cut the sending short: a command dropped between its request and its
    // recorded outcome could be sent a second time later.
    let sent = async {
        jobs::submit(&client, &mut store, job).await?;
        if t.wait && !interrupt.is_pressed() {
            wait(&client, &mut store, job, t.timeout, &interrupt).await?;
        }
        Ok::<(), AppError>(())
    }
    .await;
    crate::session::sign_out(&client).await;
    sent?;
    let reported = crate::jobs_cmd::report(&store, job);
    if interrupt.is_pressed() {
        return Err(stopped(job));
    }
    reported
}

/// Polls the job until every device has answered, `timeout` seconds pass, or Ctrl-C (then
/// the caller reports where the devices stand and exits 130).
pub(crate) async fn wait(
    client: &JamfClient,
    store: &mut Store,
    job: i64,
    timeout: u64,
    interrupt: &Interrupt,
) -> Result<(), AppError> {
    let deadline = std::time::Instant::now() + Duration::from_secs(timeout);
    // The app's job runner polls with the same back-off.
    let mut backoff = chariot_runtime::Backoff::new();
    loop {
        // Dropping a poll on Ctrl-C is safe: it records each answer as soon as it has it, and
        // the next poll reads again whatever was not recorded.
        let waiting = tokio::select! {
            polled = jobs::poll(client, store, job) => polled?,
            () = interrupt.pressed() => return Ok(()),
        };
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if waiting == 0 || left.is_zero() {
            return Ok(());
        }
        tokio::select! {
            () = tokio::time::sleep(backoff.next_pause().min(left)) => {}
            () = interrupt.pressed() => return Ok(()),
        }
    }
}

/// A job left on Ctrl-C: exit 130, and how to follow it.
pub(crate) fn stopped(job: i64) -> AppError {
    crate::session::cancelled(format!(
        "stopped following job {job}: what was sent stays sent and the devices still answer; \
         `chariot jobs {job} --wait` follows them"
    ))
}

/// Jamf ids of the devices named or matched, each once, in order.
fn select(store: &Store, t: &Targeting) -> Result<Vec<String>, AppError> {
    let mut ids: Vec<String> = Vec::new();
    for wanted in &t.devices {
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
    if t.cart.is_some() || t.search.is_some() || t.group.is_some() {
        let matched = store.list_device_ids(&DeviceQuery {
            cart: t.cart.clone(),
            search: t.search.clone(),
            group: t.group.clone(),
            ..Default::default()
        })?;
        if matched.is_empty() && t.group.is_some() {
            return Err(crate::exit::usage(
                format!(
                    "no device of the local snapshot is in the group `{}`",
                    t.group.as_deref().unwrap_or_default()
                ),
                "Check the group's exact name in Jamf Pro, then `chariot sync`.",
            ));
        }
        ids.extend(matched);
    }
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
    Ok(ids)
}

/// Asks on the terminal; returns what was typed (the count, or the name for one erase).
fn confirm_on_terminal(plan: &ActionPlan, stale_days: u32) -> Result<String, AppError> {
    let label = plan.kind.label();
    if !std::io::stdin().is_terminal() {
        return Err(crate::exit::usage(
            format!(
                "{label} would act on {} device(s) and needs a confirmation",
                plan.to_send
            ),
            "Run it in a terminal to confirm, or pass --yes in scripts.",
        ));
    }
    eprintln!("{label}: {} of {} device(s)", plan.to_send, plan.total);
    for r in plan.refused.iter().take(10) {
        eprintln!("  left out: {} — {}", r.name, r.reason.text());
    }
    if plan.refused.len() > 10 {
        eprintln!("  … and {} more left out", plan.refused.len() - 10);
    }
    if !plan.stale.is_empty() {
        eprintln!(
            "warning: {} of them have an inventory older than {stale_days} days (what you see may be out of date):",
            plan.stale.len()
        );
        for d in plan.stale.iter().take(10) {
            let when = d
                .last_inventory
                .map(|d| d.format("%d/%m/%Y %H:%M").to_string())
                .unwrap_or_else(|| "never".into());
            eprintln!("  {} (last inventory {when})", d.name);
        }
    }
    let expected = plan
        .typed_confirmation
        .clone()
        .unwrap_or_else(|| plan.to_send.to_string());
    if plan.typed_confirmation.is_some() {
        eprintln!("This erases the devices: it cannot be undone.");
    }
    eprint!("Type {expected} to confirm: ");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).ok();
    if !line.trim().eq_ignore_ascii_case(expected.trim()) {
        return Err(AppError::new(
            chariot_core::ErrorCode::Cancelled,
            "not confirmed; nothing was sent",
        ));
    }
    Ok(line.trim().to_owned())
}
