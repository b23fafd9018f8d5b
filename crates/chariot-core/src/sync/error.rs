use chariot_jamf::JamfError;
use chariot_jamf::error::ErrorClass;
use chariot_store::StoreError;

use crate::error::{AppError, ErrorCode, ErrorDetail};

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Jamf(#[from] JamfError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the sync was cancelled; the previous snapshot is unchanged")]
    Cancelled,
    #[error("Jamf Pro {version} is too old for Chariot ({needed} or later is needed)")]
    ServerTooOld {
        version: String,
        needed: &'static str,
    },
}

impl From<SyncError> for AppError {
    fn from(err: SyncError) -> AppError {
        match err {
            SyncError::Jamf(e) => {
                let during_sync = format!("Sync failed: {e}. The previous snapshot is unchanged.");
                jamf_error(e, during_sync)
            }
            SyncError::Store(e) => e.into(),
            SyncError::ServerTooOld { version, needed } => {
                let said = SyncError::ServerTooOld {
                    version: version.clone(),
                    needed,
                };
                AppError::new(
                    ErrorCode::Server,
                    format!("Sync failed: {said}. The previous snapshot is unchanged."),
                )
                .with_hint("Ask your Jamf Pro administrator to update the server.")
                .with_detail(ErrorDetail::ServerTooOld {
                    version,
                    needed: needed.to_owned(),
                })
            }
            SyncError::Cancelled => {
                AppError::new(ErrorCode::Cancelled, SyncError::Cancelled.to_string())
                    .with_detail(ErrorDetail::SyncCancelled)
            }
        }
    }
}

/// A server error outside a sync (signing in, a command, a job's poll): said as it is, without
/// the sync's "the previous snapshot is unchanged".
impl From<JamfError> for AppError {
    fn from(e: JamfError) -> AppError {
        let said = e.to_string();
        let mut chars = said.chars();
        let message = match chars.next() {
            Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
            None => said,
        };
        jamf_error(e, message)
    }
}

/// The situation, as data for the UI: hosts, statuses and paths, never the server's words.
pub(crate) fn jamf_detail(e: &JamfError) -> ErrorDetail {
    match e {
        JamfError::InvalidUrl { url, .. } => ErrorDetail::InvalidServerUrl { url: url.clone() },
        JamfError::InsecureUrl { url } => ErrorDetail::InsecureServerUrl { url: url.clone() },
        JamfError::Unreachable { host, .. } => ErrorDetail::Unreachable { host: host.clone() },
        JamfError::Timeout { host, timeout } => ErrorDetail::Timeout {
            host: host.clone(),
            seconds: u32::try_from(timeout.as_secs()).unwrap_or(u32::MAX),
        },
        JamfError::Unauthorized {
            host,
            no_api_clients: true,
            ..
        } => ErrorDetail::NoApiClients { host: host.clone() },
        JamfError::Unauthorized { host, .. } => {
            ErrorDetail::WrongCredentials { host: host.clone() }
        }
        JamfError::Forbidden { what } => ErrorDetail::Forbidden {
            request: what.clone(),
        },
        JamfError::NotFound { what } => ErrorDetail::NotFoundOnServer {
            request: what.clone(),
        },
        JamfError::RateLimited { .. } => ErrorDetail::ServerBusy,
        JamfError::Server { status, .. } => ErrorDetail::ServerAnswered { status: *status },
        JamfError::Decode { .. } => ErrorDetail::UnreadableAnswer,
        JamfError::WriteOutcomeUnknown { .. } => ErrorDetail::WriteOutcomeUnknown,
    }
}

fn jamf_error(e: JamfError, message: String) -> AppError {
    let detail = jamf_detail(&e);
    let code = match e.class() {
        ErrorClass::Usage => ErrorCode::InvalidInput,
        ErrorClass::Auth => ErrorCode::Auth,
        ErrorClass::Network => ErrorCode::Network,
        ErrorClass::Server => ErrorCode::Server,
        ErrorClass::Data => ErrorCode::Server,
    };
    AppError::new(code, message)
        .with_hint(e.hint())
        .retryable(e.is_transient())
        .with_detail(detail)
}
