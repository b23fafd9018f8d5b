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
            StoreError::UnknownValue { .. } => AppError::new(ErrorCode::DatabaseTooNew, message)
                .with_hint("A newer Chariot wrote it: install the latest Chariot to read it."),
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

#[cfg(test)]
mod tests {
    use chariot_store::{ActionKind, Store};

    use super::*;

    /// A job written by a newer Chariot (a state this version does not know): its view is an
    /// error that says so, not a guess at the state nor a panic.
    #[test]
    fn a_value_from_a_newer_chariot_reads_as_a_database_too_new() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jobs.db");
        let mut store = Store::open(&path).unwrap();
        let at = "2026-11-23T08:00:00Z".parse().unwrap();
        let targets = [("1".to_owned(), "iPad 1".to_owned(), None)];
        let job = store
            .create_job(ActionKind::Restart, "{}", "admin", at, &targets)
            .unwrap();
        rusqlite::Connection::open(&path)
            .unwrap()
            .execute_batch(
                "PRAGMA ignore_check_constraints = ON;
                 UPDATE job_targets SET state = 'superseded'",
            )
            .unwrap();
        let err = crate::jobs::view(&store, job).unwrap_err();
        assert_eq!(err.code, ErrorCode::DatabaseTooNew);
        assert!(err.message.contains("\"superseded\""), "{}", err.message);
        assert!(err.message.contains("column state"), "{}", err.message);
    }
}
