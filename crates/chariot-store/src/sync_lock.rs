//! One sync per database file, across processes (the app and `chariot sync` may share a file).
//! The lock is an OS file lock on `<database>.sync-lock`, released when the holder drops it or
//! its process dies — so a crash never leaves it taken. Crash recovery (removing the rows of an
//! unfinished generation) only runs while no live sync holds it.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::error::StoreError;

/// Held for the whole of a sync.
#[derive(Debug)]
pub struct SyncLock {
    _file: File,
}

fn lock_path(database: &Path) -> PathBuf {
    let mut p = database.as_os_str().to_owned();
    p.push(".sync-lock");
    PathBuf::from(p)
}

impl SyncLock {
    /// Takes the lock, or `None` when another sync (in this or another process) holds it.
    pub fn try_acquire(database: &Path) -> Result<Option<SyncLock>, StoreError> {
        if let Some(dir) = database.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: dir.to_owned(),
                source,
            })?;
        }
        let path = lock_path(database);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|source| StoreError::Lock {
                path: path.clone(),
                source,
            })?;
        match file.try_lock() {
            Ok(()) => Ok(Some(SyncLock { _file: file })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(source)) => Err(StoreError::Lock { path, source }),
        }
    }

    /// Takes the lock or says that a sync already runs.
    pub fn acquire(database: &Path) -> Result<SyncLock, StoreError> {
        SyncLock::try_acquire(database)?.ok_or_else(|| StoreError::SyncRunning {
            path: database.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_sync_at_a_time_and_free_again_once_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("school.db");
        let first = SyncLock::acquire(&db).unwrap();
        assert!(matches!(
            SyncLock::acquire(&db),
            Err(StoreError::SyncRunning { .. })
        ));
        drop(first);
        assert!(SyncLock::try_acquire(&db).unwrap().is_some());
    }
}
