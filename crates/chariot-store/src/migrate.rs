//! Applies the embedded migrations, each in its own transaction, and refuses a database whose
//! schema is newer than this binary (an older Chariot must not write into a newer layout).

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::error::StoreError;

include!(concat!(env!("OUT_DIR"), "/migrations.rs"));

fn version_of(name: &str) -> &str {
    name.split('_').next().unwrap_or(name)
}

/// The newest schema version this binary knows.
pub(crate) fn latest_version() -> &'static str {
    MIGRATIONS.last().map(|(n, _)| version_of(n)).unwrap_or("0")
}

pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version    TEXT PRIMARY KEY,
             name       TEXT NOT NULL,
             applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
         )",
    )?;
    let newest_applied: Option<String> =
        conn.query_row("SELECT max(version) FROM schema_migrations", [], |r| {
            r.get(0)
        })?;
    if let Some(found) = newest_applied
        && found.as_str() > latest_version()
    {
        return Err(StoreError::NewerSchema {
            path: path.to_owned(),
            found,
            supported: latest_version().to_owned(),
        });
    }
    for (name, sql) in MIGRATIONS {
        let version = version_of(name);
        // IMMEDIATE: two processes opening the same file cannot both apply a migration.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let applied: bool = tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM schema_migrations WHERE version = ?1)",
            [version],
            |r| r.get(0),
        )?;
        if applied {
            continue;
        }
        let fail = |source| StoreError::Migration {
            name: (*name).to_owned(),
            source,
        };
        tx.execute_batch(sql).map_err(fail)?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)",
            [version, name],
        )
        .map_err(fail)?;
        tx.commit().map_err(fail)?;
        tracing::info!(migration = name, "applied database migration");
    }
    Ok(())
}
