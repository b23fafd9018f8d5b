//! The HTTP handlers every Classic resource shares (reference §1.5): the list, lookups by
//! `{key}/{value}` with optional subsets, `POST …/id/0` answering 201 with the new `<id>`,
//! PUT as a partial update answering 201 too, and DELETE. What differs per resource is in
//! its `ClassicResource` implementation.

use super::resource::{ClassicResource, Creatable, find};
use super::write;
use super::xml::{Subsets, respond, respond_list};
use crate::error::ClassicError;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;

pub async fn list_all<R: ClassicResource>(
    State(st): State<AppState>,
    headers: HeaderMap,
) -> Response {
    let w = st.world();
    let items = R::store(&w).iter().map(R::summary).collect();
    respond_list(&headers, R::LIST_ROOT, R::ROOT, items)
}

pub async fn one<R: ClassicResource>(
    State(st): State<AppState>,
    headers: HeaderMap,
    Path((key, value)): Path<(String, String)>,
) -> Result<Response, ClassicError> {
    render::<R>(&st, &headers, &key, &value, &Subsets::all())
}

/// `…/{key}/{value}/subset/General&Scope`: only the named blocks, case-insensitively.
pub async fn subset<R: ClassicResource>(
    State(st): State<AppState>,
    headers: HeaderMap,
    Path((key, value, subsets)): Path<(String, String, String)>,
) -> Result<Response, ClassicError> {
    render::<R>(&st, &headers, &key, &value, &Subsets::parse(&subsets))
}

fn render<R: ClassicResource>(
    st: &AppState,
    headers: &HeaderMap,
    key: &str,
    value: &str,
    only: &Subsets,
) -> Result<Response, ClassicError> {
    let mut w = st.world();
    let idx = find::<R>(&w, key, value)?;
    Ok(respond(headers, R::ROOT, &R::record(&mut w, idx, only)))
}

pub async fn create<R: Creatable>(
    State(st): State<AppState>,
    Path((key, value)): Path<(String, String)>,
    body: String,
) -> Result<Response, ClassicError> {
    if !write::is_create_path(&key, &value) {
        return Err(ClassicError::not_found());
    }
    let el = write::parse_body(&body, R::ROOT)?;
    let mut w = st.world();
    let id = *R::last_id(&mut w) + 1;
    let mut obj = R::blank(id);
    R::apply(&mut w, &mut obj, &el, true)?;
    *R::last_id(&mut w) = id;
    R::store_mut(&mut w).push(obj);
    w.touch();
    Ok(write::created(R::ROOT, id))
}

pub async fn update<R: ClassicResource>(
    State(st): State<AppState>,
    Path((key, value)): Path<(String, String)>,
    body: String,
) -> Result<Response, ClassicError> {
    let el = write::parse_body(&body, R::ROOT)?;
    let now = st.clock.now();
    let mut w = st.world();
    let idx = find::<R>(&w, &key, &value)?;
    let mut obj = R::store(&w)[idx].clone();
    R::apply(&mut w, &mut obj, &el, false)?;
    let id = obj.id();
    let before = std::mem::replace(&mut R::store_mut(&mut w)[idx], obj);
    R::after_update(&mut w, idx, &before, now);
    w.touch();
    Ok(write::created(R::ROOT, id))
}

pub async fn delete<R: Creatable>(
    State(st): State<AppState>,
    Path((key, value)): Path<(String, String)>,
) -> Result<Response, ClassicError> {
    let mut w = st.world();
    let idx = find::<R>(&w, &key, &value)?;
    let id = R::store_mut(&mut w).remove(idx).id();
    R::forget(&mut w, id);
    w.touch();
    Ok(write::deleted(R::ROOT, id))
}
