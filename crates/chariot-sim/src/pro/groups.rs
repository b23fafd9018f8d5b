//! `GET /api/v2/groups` (reference §6.2): every group of the tenant in one paged list with
//! its membership count. The simulator has mobile device groups only, so `groupType` is
//! always `MOBILE`; `groupPlatformId` is a stable UUID derived from the seed and the id.

use crate::error::ApiError;
use crate::paging::{paged, paged_query, parse_filter, parse_sort, sort_by_keys};
use crate::rsql::Value as RValue;
use crate::school::model::Group;
use crate::state::AppState;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use serde_json::{Value, json};

const FIELDS: &[&str] = &["groupName", "groupDescription", "groupType", "isSmart"];

fn field(g: &Group, f: &str) -> RValue {
    match f {
        "groupName" => RValue::Str(g.name.clone()),
        "groupDescription" => RValue::Str(g.description.clone()),
        "groupType" => RValue::Str("MOBILE".into()),
        "isSmart" => RValue::Bool(g.smart),
        _ => RValue::Null,
    }
}

/// A UUID-shaped id that never changes for a given seed and group id.
fn platform_id(seed: u64, id: u32) -> String {
    let mut r = crate::rng::Rng::new(crate::rng::mix2(seed ^ 0x6772_6f75_7073, id as u64));
    r.uuid()
}

pub async fn list(
    State(st): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let (q, page) = paged_query(raw.as_deref())?;
    let sort = parse_sort(&q, "groupName:asc", FIELDS)?;
    let filter = parse_filter(&q, FIELDS, "INVALID_FILTER")?;
    let mut w = st.world();
    let counts: Vec<(u32, usize)> = {
        let m = w.memberships().clone();
        w.groups
            .iter()
            .map(|g| (g.id, m.get(&g.id).map_or(0, |v| v.len())))
            .collect()
    };
    let mut items: Vec<&Group> = w
        .groups
        .iter()
        .filter(|g| {
            filter
                .as_ref()
                .is_none_or(|e| e.eval(&|f| vec![field(g, f)]))
        })
        .collect();
    sort_by_keys(&mut items, &sort, |g, f| field(g, f), |g| g.id as u64);
    let results: Vec<Value> = page
        .slice(&items)
        .iter()
        .map(|g| {
            let count = counts.iter().find(|(id, _)| *id == g.id).map_or(0, |c| c.1);
            json!({
                "groupPlatformId": platform_id(w.seed, g.id),
                "groupJamfProId": g.id.to_string(),
                "groupName": g.name,
                "groupDescription": g.description,
                "groupType": "MOBILE",
                "membershipCount": count,
                "smart": g.smart,
            })
        })
        .collect();
    Ok(paged(items.len(), results))
}
