//! Classic API (`/JSSResource/...`): XML by default, JSON with `Accept: application/json`,
//! HTML error pages.

pub mod commands;
pub mod mobiledevices;
pub mod xml;

use crate::error::ClassicError;
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/mobiledevices", get(mobiledevices::list_all))
        .route("/mobiledevices/{key}/{value}", get(mobiledevices::one))
        .route(
            "/mobiledevices/{key}/{value}/subset/{subsets}",
            get(mobiledevices::subset),
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
        .fallback(not_found)
}

async fn not_found() -> ClassicError {
    ClassicError::not_found()
}
