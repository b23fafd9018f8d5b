//! Classic API (`/JSSResource/...`): XML by default, JSON with `Accept: application/json`,
//! HTML error pages; writes take XML bodies (rules in `write.rs`).

pub mod apps;
pub mod commands;
pub mod device_edits;
pub mod groups;
pub mod handlers;
pub mod mobiledevices;
pub mod profiles;
pub mod reference_objects;
pub mod resource;
pub mod scope;
pub mod write;
pub mod xml;

use crate::error::ClassicError;
use crate::school::model::{App, Device, Group, Profile};
use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::{get, post};
use reference_objects::Kind;
use resource::{ClassicResource, Creatable};

pub fn router() -> Router<AppState> {
    let r = Router::new()
        .route("/mobiledevices", get(handlers::list_all::<Device>))
        .route("/mobiledevices/match/{term}", get(device_edits::match_term))
        .route(
            "/mobiledevices/{key}/{value}",
            get(handlers::one::<Device>).put(handlers::update::<Device>),
        )
        .route(
            "/mobiledevicecommands/command/{name}/id/{ids}",
            post(commands::send),
        )
        .route(
            "/mobiledevicecommands/command/{name}/{arg}/id/{ids}",
            post(commands::send_with_arg),
        )
        .route("/mobiledevicehistory/{key}/{value}", get(commands::history))
        .route(
            "/mobiledevicehistory/{key}/{value}/subset/{subsets}",
            get(commands::history_subset),
        )
        .route(
            "/mobiledeviceapplications/bundleid/{bundle}/version/{version}",
            get(apps::by_version),
        );
    let r = subset_route::<Device>(r, "mobiledevices");
    // Groups have no subset route: `…/subset/…` falls through to the 404 page.
    let r = writable_routes::<Group>(r, "mobiledevicegroups");
    let r = writable_routes::<Profile>(r, "mobiledeviceconfigurationprofiles");
    let r = subset_route::<Profile>(r, "mobiledeviceconfigurationprofiles");
    let r = writable_routes::<App>(r, "mobiledeviceapplications");
    let r = subset_route::<App>(r, "mobiledeviceapplications");
    [
        ("categories", Kind::Category),
        ("sites", Kind::Site),
        ("buildings", Kind::Building),
        ("departments", Kind::Department),
        ("vppaccounts", Kind::VppAccount),
    ]
    .into_iter()
    .fold(r, |r, (path, k)| reference_routes(r, path, k))
    .fallback(not_found)
}

/// The list and `{key}/{value}` lookups, creates, updates and deletes of a resource.
fn writable_routes<R: Creatable>(r: Router<AppState>, path: &str) -> Router<AppState> {
    r.route(&format!("/{path}"), get(handlers::list_all::<R>))
        .route(
            &format!("/{path}/{{key}}/{{value}}"),
            get(handlers::one::<R>)
                .post(handlers::create::<R>)
                .put(handlers::update::<R>)
                .delete(handlers::delete::<R>),
        )
}

fn subset_route<R: ClassicResource>(r: Router<AppState>, path: &str) -> Router<AppState> {
    r.route(
        &format!("/{path}/{{key}}/{{value}}/subset/{{subsets}}"),
        get(handlers::subset::<R>),
    )
}

/// The same five handlers for every reference-object kind.
fn reference_routes(r: Router<AppState>, path: &str, k: Kind) -> Router<AppState> {
    use reference_objects as ro;
    r.route(
        &format!("/{path}"),
        get(move |State(st): State<AppState>, h: HeaderMap| ro::list_all(st, h, k)),
    )
    .route(
        &format!("/{path}/{{key}}/{{value}}"),
        get(
            move |State(st): State<AppState>, h: HeaderMap, Path(p): Path<(String, String)>| {
                ro::one(st, h, k, p)
            },
        )
        .post(
            move |State(st): State<AppState>, Path(p): Path<(String, String)>, body: String| {
                ro::create(st, k, p, body)
            },
        )
        .delete(
            move |State(st): State<AppState>, Path(p): Path<(String, String)>| ro::delete(st, k, p),
        ),
    )
}

async fn not_found() -> ClassicError {
    ClassicError::not_found()
}
