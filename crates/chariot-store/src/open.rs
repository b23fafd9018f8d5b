use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

use crate::error::StoreError;
use crate::migrate;
use crate::sync_lock::SyncLock;

/// An open local database, migrated to this binary's schema.
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
    /// The last ordered id list a big search walked (see `list_device_ids`), kept for the next
    /// keystroke: the same filters on the same snapshot give the same order.
    pub(crate) ordered: std::cell::RefCell<Option<crate::search::OrderedList>>,
    /// Tests only: runs once right after [`Store::current_generation_id`] has read the id, so
    /// a test can have another connection publish and clean up at that very moment.
    #[cfg(test)]
    pub(crate) after_generation_read: std::cell::Cell<Option<Box<dyn FnOnce() + Send>>>,
}

impl Store {
    /// Opens (creating if needed) the database file, applies pending migrations and sets the
    /// connection up: WAL so readers never block on a sync, foreign keys on, a busy timeout so
    /// the CLI and the app can share the file; then removes what a crashed sync left. For the
    /// first connection of a process, or a sync's own: see [`Store::attach`] for the others.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let mut store = Store::attach(path)?;
        // An unfinished generation is a crash's leftover only if no live sync owns it.
        // The lock is held through the recovery (bound to a name: a temporary in the `if`
        // condition would be released before the block runs, and a sync starting meanwhile
        // would see its new generation taken for a leftover).
        let lock = SyncLock::try_acquire(path)?;
        if lock.is_some() {
            store.recover()?;
        }
        drop(lock);
        Ok(store)
    }

    /// The connection of a sync, which holds `lock`: recovers a crash's leftovers first.
    pub fn open_for_sync(path: &Path, _lock: &SyncLock) -> Result<Store, StoreError> {
        let mut store = Store::attach(path)?;
        store.recover()?;
        Ok(store)
    }

    /// A further connection to a database that may be in use (a job runner, a history refresh,
    /// a command-line read while the app syncs): the same as [`Store::open`] but without the
    /// crash recovery, which would take a sync running on another connection for the leftovers
    /// of a crash and delete what it has written so far.
    pub fn attach(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: dir.to_owned(),
                source,
            })?;
        }
        let mut conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.to_owned(),
            source,
        })?;
        restrict_permissions(path);
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        migrate::migrate(&mut conn, path)?;
        Ok(Store {
            conn,
            path: path.to_owned(),
            ordered: Default::default(),
            #[cfg(test)]
            after_generation_read: Default::default(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The newest migration version applied to this file.
    pub fn schema_version(&self) -> Result<String, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT max(version) FROM schema_migrations", [], |r| {
                r.get(0)
            })?)
    }

    /// The version this binary migrates to.
    pub fn supported_schema_version() -> &'static str {
        migrate::latest_version()
    }
}

/// The cache holds the school's inventory (names, serials, users): readable by its owner only.
#[cfg(unix)]
fn restrict_permissions(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    if let Err(e) = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)) {
        tracing::warn!(path = %path.display(), error = %e, "could not restrict database permissions");
    }
}

#[cfg(not(unix))]
fn restrict_permissions(_path: &Path) {}
