use std::path::PathBuf;

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
    Sqlite(#[from] rusqlite::Error),
    #[error("could not use the sync lock {path}: {source}")]
    Lock {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("a sync of {path} is already running (in Chariot or in `chariot sync`)")]
    SyncRunning { path: PathBuf },
}
