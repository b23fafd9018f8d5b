use std::path::PathBuf;

use crate::values::UnknownValue;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("could not open the local database {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("could not create the folder for the local database {path}: {source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "the local database {path} was written by a newer Chariot (schema {found}, this version knows up to {supported})"
    )]
    NewerSchema {
        path: PathBuf,
        found: String,
        supported: String,
    },
    #[error("migration {name} failed: {source}")]
    Migration {
        name: String,
        source: rusqlite::Error,
    },
    #[error("local database error: {0}")]
    Sqlite(rusqlite::Error),
    /// A value a newer Chariot (or a hand edit) stored that this version cannot read.
    #[error(
        "the local database holds a {what} this version of Chariot does not know, in column {column}: {value:?}"
    )]
    UnknownValue {
        column: String,
        what: &'static str,
        value: String,
    },
    #[error("could not use the sync lock {path}: {source}")]
    Lock {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("a sync of {path} is already running (in Chariot or in `chariot sync`)")]
    SyncRunning { path: PathBuf },
}

impl From<rusqlite::Error> for StoreError {
    /// An unknown stored value (see [`crate::values`]) becomes [`StoreError::UnknownValue`];
    /// rusqlite carries it boxed, with the column's index only when it was not named.
    fn from(e: rusqlite::Error) -> Self {
        match e {
            rusqlite::Error::FromSqlConversionFailure(idx, ty, err) => {
                match err.downcast::<UnknownValue>() {
                    Ok(u) => StoreError::UnknownValue {
                        column: u.column.unwrap_or_else(|| format!("#{idx}")),
                        what: u.what,
                        value: u.value,
                    },
                    Err(err) => {
                        StoreError::Sqlite(rusqlite::Error::FromSqlConversionFailure(idx, ty, err))
                    }
                }
            }
            e => StoreError::Sqlite(e),
        }
    }
}
