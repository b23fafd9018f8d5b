//! How local-database failures read to the user.

use chariot_store::StoreError;

use crate::error::{AppError, ErrorCode, ErrorDetail};

impl From<StoreError> for AppError {
    fn from(err: StoreError) -> Self {
        let message = err.to_string();
        match err {
            StoreError::NewerSchema { path, .. } => AppError::new(ErrorCode::DatabaseTooNew, message)
                .with_hint("Install the latest Chariot, or delete this database file: it is only a cache, and the next sync rebuilds it.")
                .with_detail(ErrorDetail::DatabaseTooNew { path: path.display().to_string() }),
            StoreError::CreateDir { path, .. } => AppError::new(ErrorCode::Io, message)
                .with_hint("Check that your user account can write to its application data folder.")
                .with_detail(ErrorDetail::DataFolderUnwritable { path: path.display().to_string() }),
            StoreError::SyncRunning { .. } => AppError::new(ErrorCode::Busy, message)
                .with_hint("Wait for it to finish (its progress shows in the app's status bar), then try again.")
                .with_detail(ErrorDetail::SyncAlreadyRunning),
            StoreError::Open { .. }
            | StoreError::Migration { .. }
            | StoreError::Sqlite(_)
            | StoreError::Lock { .. } => {
                AppError::new(ErrorCode::Database, message).with_hint(
                    "Close other copies of Chariot. If it persists, delete the database file: it is only a cache, and the next sync rebuilds it.",
                )
                .with_detail(ErrorDetail::DatabaseUnavailable)
            }
        }
    }
}
