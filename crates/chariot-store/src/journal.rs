//! The audit journal (issue #6): append-only. The store offers no way to change or delete an
//! entry, and the schema's triggers refuse it anyway.

use chrono::{DateTime, Utc};
use rusqlite::params;

use crate::Store;
use crate::error::StoreError;
use crate::values::{
    ActionKind, JournalEvent, TargetState, UnknownValue, known, known_or_not, stored_time, time,
};

/// One line of the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalRow {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub account: String,
    pub job_id: Option<i64>,
    /// An action this version does not know (a newer Chariot added it: the column has no
    /// list to check against) leaves its line readable: the audit must show every line.
    pub action: Result<ActionKind, UnknownValue>,
    pub event: JournalEvent,
    pub device_id: Option<String>,
    pub device_name: Option<String>,
    pub state: Option<TargetState>,
    pub detail: String,
}

/// A line to append (the id is given by the store).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewJournalEntry<'a> {
    pub at: DateTime<Utc>,
    pub account: &'a str,
    pub job_id: Option<i64>,
    pub action: ActionKind,
    pub event: JournalEvent,
    pub device_id: Option<&'a str>,
    pub device_name: Option<&'a str>,
    pub state: Option<TargetState>,
    pub detail: &'a str,
}

const COLUMNS: &str =
    "id, at, account, job_id, action, event, device_id, device_name, state, detail";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<JournalRow> {
    Ok(JournalRow {
        id: r.get(0)?,
        at: time(r, 1)?,
        account: r.get(2)?,
        job_id: r.get(3)?,
        action: known_or_not(r, 4)?,
        event: known(r, 5)?,
        device_id: r.get(6)?,
        device_name: r.get(7)?,
        state: known(r, 8)?,
        detail: r.get(9)?,
    })
}

impl Store {
    pub fn append_journal(&mut self, entries: &[NewJournalEntry<'_>]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO journal
                   (at, account, job_id, action, event, device_id, device_name, state, detail)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            for e in entries {
                insert.execute(params![
                    stored_time(e.at),
                    e.account,
                    e.job_id,
                    e.action,
                    e.event,
                    e.device_id,
                    e.device_name,
                    e.state,
                    e.detail
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Newest first. `search` matches the device name, the account, the action or the detail
    /// (case-insensitive). Returns the page and the number of matching lines.
    pub fn journal(
        &self,
        search: Option<&str>,
        limit: u32,
        offset: u32,
    ) -> Result<(Vec<JournalRow>, u32), StoreError> {
        let pattern = search.map(str::trim).filter(|s| !s.is_empty()).map(|s| {
            format!(
                "%{}%",
                s.replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            )
        });
        let filter = "(?1 IS NULL OR device_name LIKE ?1 ESCAPE '\\' OR account LIKE ?1 ESCAPE '\\'
                       OR action LIKE ?1 ESCAPE '\\' OR detail LIKE ?1 ESCAPE '\\')";
        let total: u32 = self.conn.query_row(
            &format!("SELECT count(*) FROM journal WHERE {filter}"),
            [&pattern],
            |r| r.get(0),
        )?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM journal WHERE {filter} ORDER BY id DESC LIMIT ?2 OFFSET ?3"
        ))?;
        let rows = stmt
            .query_map(params![pattern, limit, offset], row)?
            .collect::<Result<_, _>>()?;
        Ok((rows, total))
    }

    /// Records what Chariot learnt about the server (e.g. its version).
    pub fn set_server_fact(
        &mut self,
        key: &str,
        value: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO server_facts (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            params![key, value, stored_time(at)],
        )?;
        Ok(())
    }

    pub fn server_fact(&self, key: &str) -> Result<Option<String>, StoreError> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row(
                "SELECT value FROM server_facts WHERE key = ?1",
                [key],
                |r| r.get(0),
            )
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry<'a>(name: &'a str, detail: &'a str) -> NewJournalEntry<'a> {
        NewJournalEntry {
            at: "2026-11-23T08:00:00Z".parse().unwrap(),
            account: "admin",
            job_id: Some(1),
            action: ActionKind::Restart,
            event: JournalEvent::Result,
            device_id: Some("7"),
            device_name: Some(name),
            state: Some(TargetState::Done),
            detail,
        }
    }

    #[test]
    fn the_journal_pages_newest_first_and_searches() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("j.db")).unwrap();
        store
            .append_journal(&[entry("iPad A", ""), entry("iPad B", "100%_done")])
            .unwrap();
        let (rows, total) = store.journal(None, 10, 0).unwrap();
        assert_eq!(total, 2);
        assert_eq!(rows[0].device_name.as_deref(), Some("iPad B"));
        let (rows, total) = store.journal(Some("ipad a"), 10, 0).unwrap();
        assert_eq!((rows.len(), total), (1, 1));
        // `%` and `_` typed by the user are literal, not wildcards.
        assert_eq!(store.journal(Some("0%_d"), 10, 0).unwrap().1, 1);
        assert_eq!(store.journal(Some("x%"), 10, 0).unwrap().1, 0);
    }

    #[test]
    fn the_journal_refuses_changes_and_deletions() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("j.db")).unwrap();
        store.append_journal(&[entry("iPad A", "")]).unwrap();
        let update = store
            .conn
            .execute("UPDATE journal SET account = 'someone else'", []);
        assert!(update.unwrap_err().to_string().contains("append-only"));
        let delete = store.conn.execute("DELETE FROM journal", []);
        assert!(delete.unwrap_err().to_string().contains("append-only"));
        assert_eq!(store.journal(None, 10, 0).unwrap().1, 1);
    }
}
