use chariot_jamf::JamfError;
use chariot_jamf::error::ErrorClass;
use chariot_store::StoreError;

use crate::error::{AppError, ErrorCode};

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
            e @ SyncError::ServerTooOld { .. } => AppError::new(
                ErrorCode::Server,
                format!("Sync failed: {e}. The previous snapshot is unchanged."),
            )
            .with_hint("Ask your Jamf Pro administrator to update the server."),
            SyncError::Cancelled => {
                AppError::new(ErrorCode::Cancelled, SyncError::Cancelled.to_string())
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

fn jamf_error(e: JamfError, message: String) -> AppError {
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
}
