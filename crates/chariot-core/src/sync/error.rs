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
}

impl From<SyncError> for AppError {
    fn from(err: SyncError) -> AppError {
        match err {
            SyncError::Jamf(e) => {
                let code = match e.class() {
                    ErrorClass::Usage => ErrorCode::InvalidInput,
                    ErrorClass::Auth => ErrorCode::Auth,
                    ErrorClass::Network => ErrorCode::Network,
                    ErrorClass::Server => ErrorCode::Server,
                    ErrorClass::Data => ErrorCode::Server,
                };
                AppError::new(
                    code,
                    format!("Sync failed: {e}. The previous snapshot is unchanged."),
                )
                .with_hint(e.hint())
                .retryable(e.is_transient())
            }
            SyncError::Store(e) => e.into(),
            SyncError::Cancelled => {
                AppError::new(ErrorCode::Cancelled, SyncError::Cancelled.to_string())
            }
        }
    }
}
