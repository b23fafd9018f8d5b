//! How the report writes one cell or row: durations, sizes, ratios, and the figures of a
//! child's outcome.

use std::fmt::Write;

use crate::child::{Detail, Outcome};
use crate::scenarios::raw_fetch::RawFigures;
use crate::scenarios::search::SearchFigures;
use crate::scenarios::sync::SyncFigures;

/// 7.2 → "7.2× faster", 0.5 → "2.0× slower".
pub(super) fn faster_or_slower(q: f64) -> String {
    if q >= 1.0 {
        format!("{q:.1}× faster")
    } else {
        format!("{:.1}× slower", 1.0 / q)
    }
}

/// 0.04 → "4.0 %".
pub(super) fn percent(q: f64) -> String {
    format!("{:.1} %", q * 100.0)
}

pub(super) fn row(o: &mut String, label: &str, cells: &[String]) {
    let _ = write!(o, "  {label:<40}");
    for c in cells {
        let _ = write!(o, "{c:>22}");
    }
    let _ = writeln!(o);
}

pub(super) fn sync(o: &Outcome) -> Option<&SyncFigures> {
    match &o.detail {
        Detail::Sync(f) => Some(f),
        _ => None,
    }
}

pub(super) fn raw(o: &Outcome) -> Option<&RawFigures> {
    match &o.detail {
        Detail::RawFetch(f) => Some(f),
        _ => None,
    }
}

pub(super) fn search(o: &Outcome) -> Option<&SearchFigures> {
    match &o.detail {
        Detail::Search(f) => Some(f),
        _ => None,
    }
}

pub(super) fn secs(s: f64) -> String {
    if s < 10.0 {
        format!("{s:.2} s")
    } else {
        format!("{s:.1} s")
    }
}

pub(super) fn ms(v: f64) -> String {
    if v < 10.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.1}")
    }
}

pub(super) fn cpu(o: &Outcome) -> String {
    o.cpu_seconds.map_or("n/a".into(), |s| format!("{s:.2} s"))
}

pub(super) fn rss(o: &Outcome) -> String {
    o.peak_rss_bytes
        .map_or("n/a".into(), |b| format!("{:.0} MB", b as f64 / 1e6))
}

pub(super) fn megabytes(b: u64) -> String {
    format!("{:.1} MB", b as f64 / 1e6)
}

/// 10000 → "10 000" (the French way the users read numbers).
pub(super) fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// "1.02 – 1.31 s", or "-" for a single run.
pub(super) fn spread(spread: Option<(f64, f64)>) -> String {
    match spread {
        Some((low, high)) => format!("{:.2} – {}", low, secs(high)),
        None => "-".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_read_as_faster_or_slower() {
        assert_eq!(faster_or_slower(7.25), "7.2× faster");
        assert_eq!(faster_or_slower(0.5), "2.0× slower");
    }

    #[test]
    fn groups_thousands_with_spaces() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(10_000), "10 000");
        assert_eq!(thousands(1_234_567), "1 234 567");
    }
}
