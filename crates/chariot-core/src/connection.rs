//! Talking to a server profile: building the client, the "Tester" check, one sync into the
//! profile's database with a summary, and a device's history read on request.

use std::path::Path;
use std::time::Instant;

use chariot_jamf::{ClientOptions, Credentials, JamfClient, JamfError, Secret, ServerUrl};
use chariot_store::{HistoryRow, Store};
use chrono::{TimeZone, Utc};

use crate::error::{AppError, ErrorCode, ErrorDetail};
use crate::profiles::{AuthKind, ConnectionCheck, PrivilegeCheck, ServerProfile};
use crate::status::SyncOutcome;
use crate::sync::{CancelFlag, SyncMode, SyncProgress, SyncRequest};

fn jamf_error(e: JamfError) -> AppError {
    AppError::from(e)
}

/// The server address of a form, checked (https, or plain http on loopback only).
pub fn parse_server(url: &str) -> Result<ServerUrl, AppError> {
    ServerUrl::parse(url.trim()).map_err(|e| {
        let hint = e.hint();
        AppError::new(ErrorCode::InvalidInput, e.to_string())
            .with_hint(hint)
            .with_detail(crate::sync::jamf_detail(&e))
    })
}

/// A client signed in as the profile's account with `secret`.
pub fn client(
    server: ServerUrl,
    auth: AuthKind,
    account: &str,
    secret: Secret,
) -> Result<JamfClient, AppError> {
    let credentials = match auth {
        AuthKind::User => Credentials::User {
            username: account.to_owned(),
            password: secret,
        },
        AuthKind::ApiClient => Credentials::ApiClient {
            client_id: account.to_owned(),
            client_secret: secret,
        },
    };
    JamfClient::new(server, credentials, ClientOptions::default()).map_err(jamf_error)
}

/// The reads Chariot's screens need, each probed with the cheapest request that needs it.
/// A 403 means the privilege is missing; Jamf names privileges the same way for user accounts
/// and API roles.
const PROBES: &[(&str, &str, &str)] = &[
    (
        "Read Mobile Devices",
        "inventory",
        "/api/v2/mobile-devices/detail?page-size=1&section=GENERAL",
    ),
    (
        "Read Smart Mobile Device Groups",
        "groups",
        "/JSSResource/mobiledevicegroups",
    ),
];

/// "Tester": reachability, sign-in, version, privileges. Never fails: each step's outcome is in
/// the answer, and the first failed step says what to fix.
pub async fn check(client: &JamfClient) -> ConnectionCheck {
    let mut out = ConnectionCheck {
        reachable: false,
        signed_in: false,
        version: None,
        privileges: Vec::new(),
        problem: None,
    };
    match client.sign_in().await {
        Ok(()) => {
            out.reachable = true;
            out.signed_in = true;
        }
        Err(e) => {
            out.reachable = !matches!(e, JamfError::Unreachable { .. } | JamfError::Timeout { .. });
            out.problem = Some(jamf_error(e));
            return out;
        }
    }
    match client.version().await {
        Ok(v) => out.version = Some(v.to_string()),
        Err(e) => {
            out.problem = Some(jamf_error(e));
            return out;
        }
    }
    for (privilege, needed_for, path) in PROBES {
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let query: Vec<(&str, String)> = query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k, v.to_owned()))
            .collect();
        let granted = match client.get_json::<serde_json::Value>(path, &query).await {
            Ok(_) => true,
            Err(JamfError::Forbidden { .. }) => false,
            Err(e) => {
                out.problem = Some(jamf_error(e));
                return out;
            }
        };
        out.privileges.push(PrivilegeCheck {
            privilege: (*privilege).to_owned(),
            needed_for: (*needed_for).to_owned(),
            granted,
        });
    }
    if let Some(missing) = out.privileges.iter().find(|p| !p.granted) {
        out.problem = Some(
            AppError::new(
                ErrorCode::Auth,
                format!("the account lacks the privilege \"{}\"", missing.privilege),
            )
            .with_hint(format!(
                "In Jamf Pro, Settings › User accounts and groups (or API roles and clients), grant \"{}\" to {}.",
                missing.privilege,
                client.account()
            ))
            .with_detail(ErrorDetail::MissingPrivilege {
                privilege: missing.privilege.clone(),
                account: client.account().to_owned(),
            }),
        );
    }
    let _ = client.sign_out().await;
    out
}

/// One sync of `profile` into its database file, summarised for the UI. The database is
/// opened here (its own connection), so the screens keep reading the current snapshot while
/// the new one is written.
pub async fn sync_profile(
    client: &JamfClient,
    profile: &ServerProfile,
    database: &Path,
    full: bool,
    progress: impl FnMut(SyncProgress),
    cancel: &CancelFlag,
) -> SyncOutcome {
    let started = Instant::now();
    let failed = |error: AppError| {
        SyncOutcome::failed(Utc::now(), started.elapsed().as_millis() as u32, error)
    };
    let request = SyncRequest {
        mode: if full { SyncMode::Full } else { SyncMode::Auto },
        source: if profile.demo { "demo" } else { "jamf" },
        page_size: 500,
    };
    let report = sync_database(client, database, &request, progress, cancel).await;
    match report {
        Ok(r) => SyncOutcome {
            finished_at: Utc::now(),
            kind: Some(r.kind),
            device_count: r.summary.device_count,
            added: r.summary.added,
            changed: r.summary.changed,
            removed: r.summary.removed,
            incomplete: r.problems.incomplete,
            positions_unread: r.problems.positions_unread,
            duration_ms: r.duration.as_millis() as u32,
            error: None,
        },
        Err(e) => failed(e),
    }
}

/// One sync of a server into `database`, whatever the host: the file's sync lock (one sync per
/// file, across the app and `chariot sync`), the sync itself, then signing out however it
/// ended (waiting [`SIGN_OUT_PATIENCE`] at most: a server that stopped answering must not hold
/// the end of the sync; its token then simply expires).
pub async fn sync_database(
    client: &JamfClient,
    database: &Path,
    request: &SyncRequest,
    progress: impl FnMut(SyncProgress),
    cancel: &CancelFlag,
) -> Result<crate::sync::SyncReport, AppError> {
    let lock = chariot_store::SyncLock::acquire(database)?;
    let mut store = Store::open_for_sync(database, &lock)?;
    let report = crate::sync::sync(client, &mut store, request, progress, cancel).await;
    sign_out(client).await;
    Ok(report?)
}

/// How long signing out may take at the end of a sync or a command.
pub const SIGN_OUT_PATIENCE: std::time::Duration = std::time::Duration::from_secs(5);

/// Invalidates a user's token on the server (API-client tokens simply expire), waiting
/// [`SIGN_OUT_PATIENCE`] at most. Best effort: nothing to tell the user if it fails.
pub async fn sign_out(client: &JamfClient) {
    let _ = tokio::time::timeout(SIGN_OUT_PATIENCE, client.sign_out()).await;
}

/// Reads a device's command history from the server and caches it in the profile's database.
pub async fn refresh_history(
    client: &JamfClient,
    database: &Path,
    device_id: &str,
) -> Result<(), AppError> {
    let commands = client.device_history(device_id).await.map_err(jamf_error)?;
    let _ = client.sign_out().await;
    let rows: Vec<HistoryRow> = commands
        .into_iter()
        .map(|c| HistoryRow {
            command: c.name,
            status: match c.state {
                chariot_jamf::HistoryState::Completed => "completed",
                chariot_jamf::HistoryState::Pending => "pending",
                chariot_jamf::HistoryState::Failed => "failed",
            }
            .to_owned(),
            date: c
                .epoch_ms
                .and_then(|ms| Utc.timestamp_millis_opt(ms).single()),
            error: c.error,
        })
        .collect();
    let mut store = Store::attach(database)?;
    store.save_device_history(device_id, Utc::now(), &rows)?;
    Ok(())
}
