//! The inventory's search as the screen runs it at every keystroke: the ordered ids of every
//! matching device. Matching rows come from the trigram indexes first; few of them are sorted
//! in SQL, many are picked out of the ordered list of the whole fleet, which the Store keeps
//! for the next keystroke (same filters, same snapshot generation).

use crate::Store;
use crate::error::StoreError;
use crate::query::{DeviceQuery, filtered, filtered_with};

impl Store {
    /// The Jamf ids of the devices matching `query`, in display order: what a virtualised
    /// table keeps, reading the rows it scrolls to with [`Store::devices_by_ids`].
    pub fn list_device_ids(&self, query: &DeviceQuery) -> Result<Vec<String>, StoreError> {
        Ok(self
            .read_current(|g| self.list_device_ids_in(g, query))?
            .unwrap_or_default())
    }

    /// [`Store::list_device_ids`] in generation `g` (see [`Store::read_current`]).
    fn list_device_ids_in(&self, g: i64, query: &DeviceQuery) -> Result<Vec<String>, StoreError> {
        let phrase = query
            .search
            .as_deref()
            .map(str::trim)
            .and_then(trigram_phrase);
        let by_sql = || -> Result<Vec<String>, StoreError> {
            let (sql, args) = filtered("d.jamf_id", g, query);
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let ids = stmt
                .query_map(rusqlite::params_from_iter(args), |r| r.get(0))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(ids)
        };
        let rest = DeviceQuery {
            search: None,
            ..query.clone()
        };
        let Some(phrase) = phrase else {
            // 1–2 characters (no trigram): a plain substring of the name or serial, looked for
            // in the ordered list kept in memory rather than by a LIKE scan of the table.
            let Some(term) = query
                .search
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_lowercase)
            else {
                return by_sql();
            };
            return Ok(self
                .ordered_list(g, &rest)?
                .iter()
                .filter(|r| r.name.contains(&term) || r.serial.contains(&term))
                .map(|r| r.id.clone())
                .collect());
        };
        // A search that matches most of a big fleet ("2024", an app everyone has) is cheaper as
        // two plain reads than as one SQL join: the set of matching rows, then the filtered
        // list in display order (from the name index: no sort), kept when in the set.
        let search = SEARCH_ROWS.replace('?', "?1");
        let mut stmt = self.conn.prepare_cached(&search)?;
        let matched = stmt
            .query_map([phrase], |r| r.get::<_, i64>(0))?
            .collect::<Result<std::collections::HashSet<i64>, _>>()?;
        if matched.is_empty() {
            return Ok(Vec::new());
        }
        if matched.len() <= FEW_MATCHES {
            // Few rows: SQL filters and sorts them by row id, faster than walking the list.
            // (The ids are integers read from this database: safe to write into the SQL.)
            let rows: Vec<String> = matched.iter().map(i64::to_string).collect();
            let extra = format!(" AND d.row_id IN ({})", rows.join(","));
            let (sql, args) = filtered_with("d.jamf_id", g, &rest, &extra);
            let mut stmt = self.conn.prepare(&sql)?;
            let ids = stmt
                .query_map(rusqlite::params_from_iter(args), |r| r.get(0))?
                .collect::<Result<Vec<_>, _>>()?;
            return Ok(ids);
        }
        // Many rows: walk the whole list in display order (from the name index: no sort),
        // keeping the matches.
        Ok(self
            .ordered_list(g, &rest)?
            .iter()
            .filter(|r| matched.contains(&r.row))
            .map(|r| r.id.clone())
            .collect())
    }

    /// Every device of generation `g` matching `rest` (a query without search), in display
    /// order. Kept for the next keystroke: the same filters on the same snapshot give the same
    /// list.
    fn ordered_list(
        &self,
        g: i64,
        rest: &DeviceQuery,
    ) -> Result<std::sync::Arc<Vec<OrderedRow>>, StoreError> {
        let key = format!("{g}|{rest:?}");
        if let Some(cached) = self.ordered.borrow().as_ref().filter(|o| o.key == key) {
            return Ok(std::sync::Arc::clone(&cached.rows));
        }
        let (sql, args) = filtered("d.row_id, d.jamf_id, d.name, d.serial_number", g, rest);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = std::sync::Arc::new(
            stmt.query_map(rusqlite::params_from_iter(args), |r| {
                Ok(OrderedRow {
                    row: r.get(0)?,
                    id: r.get(1)?,
                    name: r.get::<_, String>(2)?.to_lowercase(),
                    serial: r
                        .get::<_, Option<String>>(3)?
                        .unwrap_or_default()
                        .to_lowercase(),
                })
            })?
            .collect::<Result<Vec<_>, _>>()?,
        );
        *self.ordered.borrow_mut() = Some(OrderedList {
            key,
            rows: std::sync::Arc::clone(&rows),
        });
        Ok(rows)
    }
}

/// Device rows matching a search phrase (?): by their own fields, or by an installed app's name
/// (app names are indexed once each, not once per device; the devices come through the app
/// lists holding a matching name).
pub(crate) const SEARCH_ROWS: &str = "SELECT rowid FROM device_search WHERE device_search MATCH ?
     UNION ALL SELECT d.row_id FROM devices d WHERE d.app_set IN
           (SELECT i.set_id FROM app_set_items i
            WHERE i.name IN (SELECT name FROM app_search WHERE app_search MATCH ?))";

/// Up to this many matching rows, a search sorts them in SQL; past it, it filters the ordered
/// list of the whole fleet.
const FEW_MATCHES: usize = 2000;

/// The ordered (row id, Jamf id) list of one filter on one snapshot generation.
pub(crate) struct OrderedList {
    key: String,
    rows: std::sync::Arc<Vec<OrderedRow>>,
}

/// A device in the kept list: its row, its id, and the lowercase texts short searches look in.
pub(crate) struct OrderedRow {
    row: i64,
    id: String,
    name: String,
    serial: String,
}

/// The FTS phrase of a search term: trigram FTS matches any substring of 3+ characters, as
/// one phrase. `None` for shorter terms (matched with LIKE on name and serial).
pub(crate) fn trigram_phrase(term: &str) -> Option<String> {
    (term.chars().count() >= 3).then(|| format!("\"{}\"", term.replace('"', "\"\"")))
}
