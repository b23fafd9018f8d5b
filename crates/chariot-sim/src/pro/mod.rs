//! Jamf Pro API (`/api/...`) handlers.

pub mod commands;
pub mod fields;
pub mod groups;
pub mod inventory;
pub mod msu;
pub mod records;
pub mod sections;

use crate::state::AppState;
use axum::Json;
use axum::extract::State;

/// `GET /api/v1/jamf-pro-version`.
pub async fn version(State(st): State<AppState>) -> Json<serde_json::Value> {
    Json(serde_json::json!({ "version": st.jamf_version }))
}
