//! Jamf Pro API paging and sorting (reference §1.2–1.3): `page` is 0-based, `page-size`
//! defaults to 100 and is silently clamped to 2000, `totalCount` is the filtered count, and
//! a page past the end is empty. Sorting is stable with the record id as the last key so
//! pages never overlap or skip records.

use crate::error::ApiError;
use crate::rsql::{self, Expr, Value, order};
use axum::Json;
use axum::response::{IntoResponse, Response};
use std::cmp::Ordering;

pub const MAX_PAGE_SIZE: usize = 2000;

/// Raw query string split into (key, value) pairs, repeated keys kept.
#[derive(Debug, Clone, Default)]
pub struct Query(pub Vec<(String, String)>);

impl Query {
    pub fn parse(raw: Option<&str>) -> Query {
        let pairs = raw
            .unwrap_or("")
            .split('&')
            .filter(|s| !s.is_empty())
            .map(|kv| {
                let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
                (percent_decode(k), percent_decode(v))
            })
            .collect();
        Query(pairs)
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// All values of a repeatable parameter, also splitting comma-separated values
    /// (the Python SDK sends `section=GENERAL,HARDWARE`).
    pub fn all_split(&self, key: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .flat_map(|(_, v)| {
                v.split(',')
                    .map(|s| s.trim().to_string())
                    .collect::<Vec<_>>()
            })
            .filter(|s| !s.is_empty())
            .collect()
    }
}

pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageParams {
    pub page: usize,
    pub page_size: usize,
}

impl PageParams {
    pub fn from_query(q: &Query) -> Result<PageParams, ApiError> {
        let num = |key: &str, default: i64| -> Result<i64, ApiError> {
            match q.get(key) {
                None | Some("") => Ok(default),
                Some(v) => v.trim().parse::<i64>().map_err(|_| {
                    ApiError::bad_request("INVALID_FIELD", format!("Invalid value for {key}: {v}"))
                        .with_field(key)
                }),
            }
        };
        let page = num("page", 0)?;
        let size = num("page-size", 100)?;
        // [guess] negative paging values are refused with a 400 rather than silently fixed.
        if page < 0 || size < 1 {
            return Err(ApiError::bad_request(
                "INVALID_FIELD",
                "page must be >= 0 and page-size >= 1",
            )
            .with_field("page-size"));
        }
        Ok(PageParams {
            page: page as usize,
            page_size: (size as usize).min(MAX_PAGE_SIZE),
        })
    }

    /// The slice of `items` this page covers.
    pub fn slice<'a, T>(&self, items: &'a [T]) -> &'a [T] {
        let start = self.page.saturating_mul(self.page_size).min(items.len());
        let end = start.saturating_add(self.page_size).min(items.len());
        &items[start..end]
    }
}

/// Parsed `sort=field:asc,other:desc` (the parameter may also be repeated).
pub fn parse_sort(
    q: &Query,
    default: &str,
    allowed: &[&str],
) -> Result<Vec<(String, bool)>, ApiError> {
    let mut specs = q.all_split("sort");
    if specs.is_empty() {
        specs = default.split(',').map(String::from).collect();
    }
    specs
        .iter()
        .map(|s| {
            let (field, dir) = s.split_once(':').unwrap_or((s.as_str(), "asc"));
            let desc = match dir.to_ascii_lowercase().as_str() {
                "asc" => false,
                "desc" => true,
                _ => {
                    return Err(ApiError::bad_request(
                        "INVALID_FIELD",
                        format!("Invalid sort direction: {dir}"),
                    )
                    .with_field("sort"));
                }
            };
            if !allowed.contains(&field) {
                return Err(ApiError::bad_request(
                    "INVALID_FIELD",
                    format!("Invalid sort field: {field}"),
                )
                .with_field("sort"));
            }
            Ok((field.to_string(), desc))
        })
        .collect()
}

/// A list request's raw query string, split, and the page it asks for.
pub fn paged_query(raw: Option<&str>) -> Result<(Query, PageParams), ApiError> {
    let q = Query::parse(raw);
    let page = PageParams::from_query(&q)?;
    Ok((q, page))
}

/// The RSQL `filter` parameter, `None` when absent or blank. One that does not parse is
/// refused as INVALID_FILTER; one naming a field not in `allowed`, with `unknown_field` (the
/// endpoints differ: INVALID_FILTER for groups, INVALID_FIELD for devices and commands).
pub fn parse_filter(
    q: &Query,
    allowed: &[&str],
    unknown_field: &str,
) -> Result<Option<Expr>, ApiError> {
    let Some(f) = q.get("filter").filter(|f| !f.trim().is_empty()) else {
        return Ok(None);
    };
    let e = rsql::parse(f)
        .map_err(|e| ApiError::bad_request("INVALID_FILTER", e.to_string()).with_field("filter"))?;
    e.check_fields(allowed)
        .map_err(|e| ApiError::bad_request(unknown_field, e.to_string()).with_field("filter"))?;
    Ok(Some(e))
}

/// A page of the Jamf Pro API: `{totalCount, results}`.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Page<T> {
    total_count: usize,
    results: T,
}

/// The answer of a paged list: `total_count` records in all, `results` on this page.
pub fn paged<T: serde::Serialize>(total_count: usize, results: T) -> Response {
    Json(Page {
        total_count,
        results,
    })
    .into_response()
}

/// Sorts records by the given keys, then by id, so paging is deterministic.
pub fn sort_by_keys<T>(
    items: &mut Vec<T>,
    keys: &[(String, bool)],
    value: impl Fn(&T, &str) -> Value,
    id: impl Fn(&T) -> u64,
) {
    // Each item's sort values are computed once, not at every comparison: a 50 000-device
    // page request otherwise built millions of values just to sort.
    let mut decorated: Vec<(Vec<Value>, u64, T)> = std::mem::take(items)
        .into_iter()
        .map(|item| {
            let values = keys.iter().map(|(field, _)| value(&item, field)).collect();
            (values, id(&item), item)
        })
        .collect();
    decorated.sort_by(|(a, a_id, _), (b, b_id, _)| {
        for ((va, vb), (_, desc)) in a.iter().zip(b).zip(keys) {
            let o = order(va, vb);
            let o = if *desc { o.reverse() } else { o };
            if o != Ordering::Equal {
                return o;
            }
        }
        a_id.cmp(b_id)
    });
    items.extend(decorated.into_iter().map(|(_, _, item)| item));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn q(s: &str) -> Query {
        Query::parse(Some(s))
    }

    #[test]
    fn page_size_is_silently_clamped() {
        let p = PageParams::from_query(&q("page-size=20000")).unwrap();
        assert_eq!(p.page_size, MAX_PAGE_SIZE);
        assert!(PageParams::from_query(&q("page-size=0")).is_err());
        assert!(PageParams::from_query(&q("page=-1")).is_err());
        assert!(PageParams::from_query(&q("page=abc")).is_err());
    }

    #[test]
    fn query_decodes_and_splits_sections() {
        let qq =
            q("section=GENERAL,HARDWARE&section=SECURITY&filter=displayName%3D%3D%22a%20b%22+x");
        assert_eq!(
            qq.all_split("section"),
            vec!["GENERAL", "HARDWARE", "SECURITY"]
        );
        assert_eq!(qq.get("filter"), Some("displayName==\"a b\" x"));
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }

    proptest! {
        #[test]
        fn pages_cover_every_item_exactly_once(n in 0usize..600, size in 1usize..3000) {
            let items: Vec<usize> = (0..n).collect();
            let size = size.min(MAX_PAGE_SIZE);
            let mut seen = vec![];
            let mut page = 0;
            loop {
                let p = PageParams { page, page_size: size };
                let s = p.slice(&items);
                if s.is_empty() { break; }
                seen.extend_from_slice(s);
                page += 1;
            }
            prop_assert_eq!(seen, items);
        }

        #[test]
        fn sorting_is_total_and_stable_with_id_tiebreak(vals in proptest::collection::vec(0u8..4, 0..200)) {
            let mut items: Vec<(u64, u8)> = vals.iter().enumerate().map(|(i, v)| (i as u64, *v)).collect();
            sort_by_keys(&mut items, &[("v".into(), true)], |t, _| Value::Num(t.1 as f64), |t| t.0);
            for w in items.windows(2) {
                prop_assert!(w[0].1 > w[1].1 || (w[0].1 == w[1].1 && w[0].0 < w[1].0));
            }
        }

        #[test]
        fn percent_decode_never_panics(s in ".*") {
            let _ = percent_decode(&s);
        }
    }
}
