//! `chariot login`: checks the credentials against the server, then saves the secret in the OS
//! keychain for later `chariot sync` runs.

use std::io::{BufRead, IsTerminal};

use chariot_core::AppError;
use chariot_core::secrets::Keychain;
use chariot_jamf::{ClientOptions, JamfClient, Secret};
use clap::Args;

use crate::credentials::{CredentialArgs, account};

#[derive(Debug, Args)]
pub struct LoginArgs {
    #[arg(long)]
    pub server: String,
    #[command(flatten)]
    pub credentials: CredentialArgs,
}

pub async fn run(args: LoginArgs) -> Result<(), AppError> {
    let server = crate::credentials::server_url(&args.server)?;
    let secret = match &args.credentials.secret_env {
        Some(_) => crate::credentials::secret(&args.credentials, &server)?,
        None => read_secret()?,
    };
    let mut with_secret = args.credentials.clone();
    with_secret.secret_env = None;
    let creds = match (&with_secret.username, &with_secret.client_id) {
        (Some(u), _) => chariot_jamf::Credentials::User {
            username: u.clone(),
            password: secret.clone(),
        },
        (None, Some(id)) => chariot_jamf::Credentials::ApiClient {
            client_id: id.clone(),
            client_secret: secret.clone(),
        },
        _ => {
            return Err(crate::exit::usage(
                "no account given",
                "Pass --username U or --client-id ID.",
            ));
        }
    };
    let client =
        JamfClient::new(server.clone(), creds, ClientOptions::default()).map_err(AppError::from)?;
    // The secret is read: Ctrl-C may now stop the check, which still signs out.
    let interrupt = crate::session::Interrupt::install("stopping: signing out…", || {});
    let version = tokio::select! {
        version = client.version() => version.map_err(AppError::from),
        () = interrupt.pressed() => Err(crate::session::cancelled(
            "login cancelled: nothing was saved in the keychain",
        )),
    };
    crate::session::sign_out(&client).await;
    let version = version?;
    Keychain::default().store(&server.to_string(), account(&args.credentials), &secret)?;
    println!(
        "signed in to {server} (Jamf Pro {version}) as {}; the secret is saved in the system keychain",
        account(&args.credentials)
    );
    Ok(())
}

/// Reads the secret: hidden on a terminal, one line from standard input otherwise (piped
/// from a password manager). Scripts should prefer --secret-env.
fn read_secret() -> Result<Secret, AppError> {
    let value = if std::io::stdin().is_terminal() {
        rpassword::prompt_password("Password or client secret: ")
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).map(|_| line)
    }
    .map_err(|e| {
        crate::exit::usage(
            format!("cannot read the secret: {e}"),
            "Pass --secret-env VAR.",
        )
    })?;
    let value = value.trim_end_matches(['\r', '\n']);
    if value.is_empty() {
        return Err(crate::exit::usage(
            "no secret was given",
            "Type it, or pass --secret-env VAR.",
        ));
    }
    Ok(Secret::new(value))
}
