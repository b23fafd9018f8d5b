//! `chariot jobs [ID] [--wait] [--format table|json]`: the jobs of the local database and each
//! device's state. The exit code says whether every device of the job succeeded.

use std::path::PathBuf;

use chariot_core::AppError;
use chariot_core::actions::{JobView, TargetState};
use chariot_core::jobs;
use chariot_jamf::{ClientOptions, JamfClient};
use chariot_store::Store;
use clap::{Args, ValueEnum};

use crate::credentials::{CredentialArgs, credentials};

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum Format {
    #[default]
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct JobsArgs {
    /// A job's number: its devices one per line (without: the recent jobs)
    pub id: Option<i64>,
    /// Jamf Pro address (for the app's database of that server, and for --wait)
    #[arg(long)]
    pub server: Option<String>,
    /// Database file (default: the app's database for --server)
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Poll the server until every device of the job has answered (needs credentials)
    #[arg(long, requires = "id")]
    pub wait: bool,
    /// With --wait: stop waiting after this many seconds
    #[arg(long, default_value_t = 300)]
    pub timeout: u64,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// With --wait: Jamf Pro user name
    #[arg(long, conflicts_with = "client_id")]
    pub username: Option<String>,
    /// With --wait: API client id
    #[arg(long)]
    pub client_id: Option<String>,
    /// With --wait: read the password or client secret from this environment variable
    #[arg(long, value_name = "VAR")]
    pub secret_env: Option<String>,
}

pub async fn run(args: JobsArgs) -> Result<(), AppError> {
    let server = args
        .server
        .as_deref()
        .map(crate::credentials::server_url)
        .transpose()?;
    let db = crate::paths::database(args.db.clone(), server.as_ref())?;
    let mut store = Store::attach(&db)?;
    let Some(id) = args.id else {
        let list = jobs::list(&store, 50)?;
        match args.format {
            Format::Json => println!("{}", to_json(&list)?),
            Format::Table => {
                for j in &list {
                    println!(
                        "{:>5}  {}  {:<24} {:>4} device(s)  done {} · failed {} · unknown {} · refused {} · waiting {}  {}",
                        j.id,
                        j.created_at.format("%d/%m/%Y %H:%M"),
                        j.kind.label(),
                        j.total,
                        j.counts.done,
                        j.counts.failed,
                        j.counts.unknown,
                        j.counts.refused,
                        j.counts.waiting + j.counts.not_now + j.counts.not_sent,
                        j.account
                    );
                }
                if list.is_empty() {
                    println!("No job yet.");
                }
            }
        }
        return Ok(());
    };
    let mut interrupted = false;
    if args.wait {
        let creds = (args.username.is_some() || args.client_id.is_some()).then(|| CredentialArgs {
            username: args.username.clone(),
            client_id: args.client_id.clone(),
            secret_env: args.secret_env.clone(),
        });
        let (Some(server), Some(creds)) = (server, creds.as_ref()) else {
            return Err(crate::exit::usage(
                "--wait needs --server and credentials",
                "Add --server URL and --client-id/--username with --secret-env (or a `chariot login`).",
            ));
        };
        let client = JamfClient::new(
            server.clone(),
            credentials(creds, &server)?,
            ClientOptions::default(),
        )
        .map_err(AppError::from)?;
        let interrupt = crate::session::Interrupt::install("stopping: signing out…", || {});
        let waited = crate::command::wait(&client, &mut store, id, args.timeout, &interrupt).await;
        crate::session::sign_out(&client).await;
        waited?;
        interrupted = interrupt.is_pressed();
    }
    let view = jobs::view(&store, id)?;
    let shown = match args.format {
        Format::Json => {
            println!("{}", to_json(&view)?);
            outcome(&view)
        }
        Format::Table => report(&store, id),
    };
    if interrupted {
        return Err(crate::command::stopped(id));
    }
    shown
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<String, AppError> {
    serde_json::to_string_pretty(v).map_err(|e| AppError::internal(e.to_string()))
}

/// Prints a job's devices, one per line, and fails unless every device succeeded.
pub fn report(store: &Store, job: i64) -> Result<(), AppError> {
    let view = jobs::view(store, job)?;
    let s = &view.summary;
    println!(
        "job {}: {} — {} device(s), by {}",
        s.id,
        s.kind.label(),
        s.total,
        s.account
    );
    for t in &view.targets {
        println!(
            "{:<32} {:<10} {}",
            t.device_name,
            t.state.as_str(),
            t.error.as_deref().unwrap_or("")
        );
    }
    outcome(&view)
}

fn outcome(view: &JobView) -> Result<(), AppError> {
    let bad = view
        .targets
        .iter()
        .filter(|t| t.state != TargetState::Done)
        .count();
    let waiting = view
        .targets
        .iter()
        .filter(|t| t.state.is_in_flight())
        .count();
    if bad == 0 {
        return Ok(());
    }
    let hint = if waiting > 0 {
        "Devices still waiting answer when they next check in: `chariot jobs ID --wait` follows them. An `unknown` one may have acted: check it before sending again."
    } else {
        "See each device's line above; an `unknown` one may have acted: check it before sending again."
    };
    Err(AppError::new(
        chariot_core::ErrorCode::Server,
        format!(
            "{bad} of {} device(s) did not complete the command ({waiting} still waiting)",
            view.targets.len()
        ),
    )
    .with_hint(hint))
}
