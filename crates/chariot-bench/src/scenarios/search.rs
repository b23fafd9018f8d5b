//! The inventory screen over a snapshot of 50 000 devices, measured through the same call the
//! window makes (`views::inventory::query`: the ids of every match in display order plus the
//! first screenful of rows):
//! - opening the inventory (no filter: 50 000 ids and the first rows), the paint budget;
//! - each keystroke of search, with terms a school IT manager types: parts of serials, RNE
//!   prefixes, "Prof", teacher and user names, app names, 1–2-letter terms (the LIKE path) and
//!   terms that match nothing;
//! - scrolling: reading 100 rows by id at random places of the list.

use std::path::Path;
use std::time::Instant;

use chariot_core::views::inventory;
use chariot_core::views::{InventoryFilter, InventoryRequest};
use chariot_sim::school::names::{CATALOG_APPS, LAST_NAMES, OTHER_APPS};
use chariot_store::{DeviceQuery, Store};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SearchFigures {
    pub searches: usize,
    pub devices: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
    /// The term of the slowest search and how many rows it returned.
    pub slowest: (String, usize),
    pub median_rows: usize,
    /// The same percentile over the searches returning at most [`SMALL_RESULT`] rows: what
    /// the lookup costs when few rows have to be read out.
    pub small: usize,
    pub p95_small_ms: f64,
    pub open: OpenFigures,
}

pub const SMALL_RESULT: usize = 1000;

/// Rows the inventory asks with the ids: a 768-pixel window shows about 20.
const FIRST_ROWS: u32 = 60;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OpenFigures {
    pub runs: usize,
    pub p50_ms: f64,
    pub max_ms: f64,
    /// Reading 100 rows by id (one scroll step of the virtualised table).
    pub scroll_p50_ms: f64,
    pub scroll_max_ms: f64,
}

pub fn run(store_path: &Path, count: usize) -> Result<(f64, SearchFigures), String> {
    let store = Store::open(store_path).map_err(|e| format!("opening the store: {e}"))?;
    let all = store
        .list_devices(&DeviceQuery::default())
        .map_err(|e| e.to_string())?;
    if all.is_empty() {
        return Err("the store is empty: the 50 000-device sync did not publish".into());
    }
    let serials: Vec<String> = all
        .iter()
        .step_by((all.len() / 97).max(1))
        .filter_map(|d| d.serial_number.clone())
        .collect();
    let names: Vec<String> = all
        .iter()
        .step_by((all.len() / 89).max(1))
        .map(|d| d.name.clone())
        .collect();
    let terms = terms(&serials, &names, count);

    let stale_before = chrono::Utc::now() - chrono::Duration::days(7);
    let screen = |filter: InventoryFilter| {
        inventory::query(
            &store,
            &InventoryRequest {
                filter,
                first_rows: FIRST_ROWS,
                ..InventoryRequest::default()
            },
            stale_before,
        )
        .map_err(|e| e.message)
    };

    let started = Instant::now();
    let mut open_ms = Vec::new();
    let mut ids = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        let result = screen(InventoryFilter::default())?;
        open_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        ids = result.ids;
    }
    open_ms.sort_by(f64::total_cmp);
    let mut scroll_ms = Vec::new();
    for step in 0..50 {
        let at = (step * 7919) % ids.len().saturating_sub(100).max(1);
        let window = &ids[at..(at + 100).min(ids.len())];
        let t = Instant::now();
        let rows = inventory::rows(&store, window, stale_before).map_err(|e| e.message)?;
        scroll_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        if rows.len() != window.len() {
            return Err(format!(
                "scroll read {} rows of {}",
                rows.len(),
                window.len()
            ));
        }
    }
    scroll_ms.sort_by(f64::total_cmp);

    let mut samples: Vec<(f64, usize, &str)> = Vec::with_capacity(terms.len());
    for term in &terms {
        let t = Instant::now();
        let result = screen(InventoryFilter {
            search: Some(term.clone()),
            ..InventoryFilter::default()
        })
        .map_err(|e| format!("search {term:?}: {e}"))?;
        samples.push((t.elapsed().as_secs_f64() * 1000.0, result.ids.len(), term));
    }
    let seconds = started.elapsed().as_secs_f64();

    let mut ms: Vec<f64> = samples.iter().map(|s| s.0).collect();
    ms.sort_by(f64::total_cmp);
    let mut small: Vec<f64> = samples
        .iter()
        .filter(|s| s.1 <= SMALL_RESULT)
        .map(|s| s.0)
        .collect();
    small.sort_by(f64::total_cmp);
    let mut rows: Vec<usize> = samples.iter().map(|s| s.1).collect();
    rows.sort_unstable();
    let slowest = samples
        .iter()
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|s| (s.2.to_owned(), s.1))
        .unwrap_or_default();
    Ok((
        seconds,
        SearchFigures {
            searches: samples.len(),
            devices: all.len(),
            p50_ms: percentile(&ms, 0.50),
            p95_ms: percentile(&ms, 0.95),
            max_ms: ms.last().copied().unwrap_or(0.0),
            slowest,
            median_rows: rows.get(rows.len() / 2).copied().unwrap_or(0),
            small: small.len(),
            p95_small_ms: percentile(&small, 0.95),
            open: OpenFigures {
                runs: open_ms.len(),
                p50_ms: percentile(&open_ms, 0.5),
                max_ms: open_ms.last().copied().unwrap_or(0.0),
                scroll_p50_ms: percentile(&scroll_ms, 0.5),
                scroll_max_ms: scroll_ms.last().copied().unwrap_or(0.0),
            },
        },
    ))
}

/// Nearest-rank percentile of sorted values.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// `count` terms, deterministic, cycling through the kinds a user types so that every kind
/// is well represented whatever `count` is.
fn terms(serials: &[String], names: &[String], count: usize) -> Vec<String> {
    let fixed_short = ["a", "e", "7", "P", "iP", "Pr", "03", "DM", "zz", "é"];
    let no_match = [
        "zzzz",
        "Chromebook",
        "XQJ9W",
        "qwertyuiop",
        "Surface Pro",
        "0000000Z",
    ];
    let apps: Vec<&str> = CATALOG_APPS
        .iter()
        .map(|a| a.0)
        .chain(OTHER_APPS.iter().map(|a| a.0))
        .collect();
    let mut kinds: Vec<Vec<String>> = vec![
        // Parts of serials: 4 and 6 characters from the middle, and whole serials.
        serials
            .iter()
            .flat_map(|s| [middle(s, 4), middle(s, 6), s.clone()])
            .collect(),
        // RNE prefixes and whole RNEs ("0311", "0312345X"), as typed for a school.
        names
            .iter()
            .filter_map(|n| n.split('-').next())
            .filter(|p| p.starts_with(|c: char| c.is_ascii_digit()))
            .flat_map(|rne| [rne.chars().take(4).collect::<String>(), rne.to_owned()])
            .collect(),
        vec!["Prof".into(), "prof 2".into(), "Prof 4".into()],
        LAST_NAMES.iter().map(|s| s.to_string()).collect(),
        apps.iter().map(|s| s.to_string()).collect(),
        fixed_short.iter().map(|s| s.to_string()).collect(),
        no_match.iter().map(|s| s.to_string()).collect(),
        // Whole device names, as pasted from a ticket.
        names.to_vec(),
    ];
    kinds.retain(|k| !k.is_empty());
    let mut out = Vec::with_capacity(count);
    let mut cursor = vec![0usize; kinds.len()];
    'fill: loop {
        for (k, kind) in kinds.iter().enumerate() {
            if out.len() >= count {
                break 'fill;
            }
            out.push(kind[cursor[k] % kind.len()].clone());
            cursor[k] += 1;
        }
        if kinds.is_empty() {
            break;
        }
    }
    out
}

fn middle(s: &str, len: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    let start = chars.len().saturating_sub(len) / 2;
    chars[start..(start + len).min(chars.len())]
        .iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 0.5), 50.0);
        assert_eq!(percentile(&v, 0.95), 95.0);
        assert_eq!(percentile(&[3.0], 0.95), 3.0);
        assert_eq!(percentile(&[], 0.5), 0.0);
    }

    #[test]
    fn terms_mix_every_kind_and_have_the_asked_count() {
        let t = terms(&["DMPABCDEFGH1".into()], &["0311234A-2024-DMP".into()], 200);
        assert_eq!(t.len(), 200);
        for expected in ["BCDE", "0311", "Prof", "Pages", "a", "zzzz"] {
            assert!(t.iter().any(|x| x == expected), "{expected} in {t:?}");
        }
        assert!(terms(&[], &[], 0).is_empty());
    }
}
