//! How local-database failures read to the user.

use chariot_store::StoreError;

use crate::error::{AppError, ErrorCode};

impl From<StoreError> for AppError {
    fn from(err: StoreError) -> Self {
        let message = err.to_string();
        match err {
            StoreError::NewerSchema { .. } => AppError::new(ErrorCode::DatabaseTooNew, message)
                .with_hint("Install the latest Chariot, or delete this database file: it is only a cache, and the next sync rebuilds it."),
            StoreError::CreateDir { .. } => AppError::new(ErrorCode::Io, message)
                .with_hint("Check that your user account can write to its application data folder."),
            StoreError::SyncRunning { .. } => AppError::new(ErrorCode::Busy, message)
                .with_hint("Wait for it to finish (its progress shows in the app's status bar), then try again."),
            StoreError::Open { .. }
            | StoreError::Migration { .. }
            | StoreError::Sqlite(_)
            | StoreError::Lock { .. } => {
                AppError::new(ErrorCode::Database, message).with_hint(
                    "Close other copies of Chariot. If it persists, delete the database file: it is only a cache, and the next sync rebuilds it.",
                )
            }
        }
    }
}
