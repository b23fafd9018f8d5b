//! Who the CLI signs in as, and where the secret comes from: an environment variable named on
//! the command line (scripts, CI) or the OS keychain (after `chariot login`). Never an option
//! value: command lines end up in shell histories and process lists.

use chariot_core::AppError;
use chariot_core::secrets::Keychain;
use chariot_jamf::{Credentials, Secret, ServerUrl};
use clap::Args;
use std::path::PathBuf;

/// The server a command signs in to, as whom, and that server's local database (shared by
/// `sync`, `command` and `lost-mode`).
#[derive(Debug, Args)]
pub struct ServerArgs {
    /// Jamf Pro address, e.g. https://ecollege31.jamfcloud.com
    #[arg(long)]
    pub server: String,
    #[command(flatten)]
    pub credentials: CredentialArgs,
    /// Database file (default: the app's database for this server)
    #[arg(long)]
    pub db: Option<PathBuf>,
}

impl ServerArgs {
    /// `--server`, checked, and the database: `--db` or that server's.
    pub fn server_and_database(&self) -> Result<(ServerUrl, PathBuf), AppError> {
        let server = server_url(&self.server)?;
        let db = crate::paths::database(self.db.clone(), Some(&server))?;
        Ok((server, db))
    }
}

/// A `--server` value, checked: an address that is not one is a usage error.
pub fn server_url(server: &str) -> Result<ServerUrl, AppError> {
    ServerUrl::parse(server).map_err(|e| crate::exit::usage(e.to_string(), e.hint()))
}

#[derive(Debug, Args, Clone)]
pub struct CredentialArgs {
    /// Jamf Pro user name
    #[arg(
        long,
        conflicts_with = "client_id",
        required_unless_present = "client_id"
    )]
    pub username: Option<String>,
    /// API client id (Jamf Pro ≥ 10.49, Settings › API roles and clients)
    #[arg(long)]
    pub client_id: Option<String>,
    /// Read the password or client secret from this environment variable
    #[arg(long, value_name = "VAR")]
    pub secret_env: Option<String>,
}

pub fn account(args: &CredentialArgs) -> &str {
    args.username
        .as_deref()
        .or(args.client_id.as_deref())
        .unwrap_or_default()
}

pub fn secret(args: &CredentialArgs, server: &ServerUrl) -> Result<Secret, AppError> {
    if let Some(var) = &args.secret_env {
        return match std::env::var(var) {
            Ok(v) if !v.is_empty() => Ok(Secret::new(v)),
            _ => Err(crate::exit::usage(
                format!("the environment variable {var} is not set or empty"),
                format!("Set {var} to the password or client secret, or run `chariot login` once."),
            )),
        };
    }
    Keychain::default().load(&server.to_string(), account(args))
}

pub fn credentials(args: &CredentialArgs, server: &ServerUrl) -> Result<Credentials, AppError> {
    let secret = secret(args, server)?;
    Ok(match (&args.username, &args.client_id) {
        (Some(username), _) => Credentials::User {
            username: username.clone(),
            password: secret,
        },
        (None, Some(client_id)) => Credentials::ApiClient {
            client_id: client_id.clone(),
            client_secret: secret,
        },
        (None, None) => {
            return Err(crate::exit::usage(
                "no account given",
                "Pass --username U or --client-id ID.",
            ));
        }
    })
}
