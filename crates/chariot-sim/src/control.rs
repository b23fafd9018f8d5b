//! The `/_sim/` control API for out-of-process tests: read state, change fault knobs,
//! expire or revoke tokens, move the simulated clock, make devices report new inventory. Served on loopback only, like everything else,
//! and deliberately outside `/api` and `/JSSResource` so it can never be mistaken for Jamf.

use crate::faults::FaultConfig;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;
use std::time::Duration;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/state", get(state))
        .route("/faults", get(get_faults).post(set_faults))
        .route("/tokens/expire", post(expire_tokens))
        .route("/tokens/revoke", post(revoke_tokens))
        .route("/clock/advance", post(advance))
        .route("/clock/speed", post(speed))
        .route("/inventory/touch", post(touch_inventory))
}

async fn state(State(st): State<AppState>) -> Json<serde_json::Value> {
    let now = st.clock.now();
    let w = st.world();
    let pending = w.commands.iter().filter(|c| c.state.is_active()).count();
    Json(json!({
        "now": now.to_rfc3339(),
        "clockSpeed": st.clock.speed(),
        "devices": w.devices.len(),
        "groups": w.groups.len(),
        "sites": w.sites.iter().map(|s| json!({"id": s.id, "name": s.name, "rne": s.rne})).collect::<Vec<_>>(),
        "commands": { "total": w.commands.len(), "active": pending },
        "faults": st.faults.get(),
        "tokens": { "issued": st.tokens.issued(), "signedOut": st.tokens.signed_out() },
        "credentials": st.credentials,
    }))
}

async fn get_faults(State(st): State<AppState>) -> Json<FaultConfig> {
    Json(st.faults.get())
}

/// Replaces the fault configuration; omitted fields take their defaults (off).
async fn set_faults(State(st): State<AppState>, body: axum::body::Bytes) -> Response {
    match serde_json::from_slice::<FaultConfig>(&body) {
        Ok(c) => {
            let rates = [
                c.rate_429,
                c.rate_500,
                c.rate_502,
                c.rate_503,
                c.rate_504,
                c.rate_reset,
                c.rate_timeout,
                c.rate_truncate,
                c.rate_html,
                c.rate_churn,
            ];
            if rates.iter().any(|r| !(0.0..=1.0).contains(r)) {
                return (
                    StatusCode::BAD_REQUEST,
                    Json(json!({"error": "rates must be within 0..=1"})),
                )
                    .into_response();
            }
            st.faults.set(c.clone());
            Json(c).into_response()
        }
        Err(e) => (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": e.to_string()})),
        )
            .into_response(),
    }
}

async fn expire_tokens(State(st): State<AppState>) -> StatusCode {
    st.faults.expire_tokens_now();
    StatusCode::NO_CONTENT
}

async fn revoke_tokens(State(st): State<AppState>) -> StatusCode {
    st.faults.revoke_tokens_now();
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
struct Advance {
    seconds: f64,
}

async fn advance(State(st): State<AppState>, body: axum::body::Bytes) -> Response {
    match serde_json::from_slice::<Advance>(&body) {
        Ok(a) if a.seconds.is_finite() && a.seconds >= 0.0 && a.seconds < 1e10 => {
            st.clock.advance(Duration::from_secs_f64(a.seconds));
            Json(json!({"now": st.clock.now().to_rfc3339()})).into_response()
        }
        _ => (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": "expected {\"seconds\": n} with n >= 0"})),
        )
            .into_response(),
    }
}

#[derive(Deserialize)]
struct Speed {
    speed: f64,
}

async fn speed(State(st): State<AppState>, body: axum::body::Bytes) -> Response {
    match serde_json::from_slice::<Speed>(&body) {
        Ok(s) if s.speed.is_finite() && s.speed >= 0.0 => {
            st.clock.set_speed(s.speed);
            Json(json!({"speed": st.clock.speed()})).into_response()
        }
        _ => (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": "expected {\"speed\": x} with x >= 0"})),
        )
            .into_response(),
    }
}

#[derive(Deserialize)]
struct Touch {
    count: usize,
}

/// `{"count": n}`: exactly n devices report a new inventory now (see `crate::touch`).
async fn touch_inventory(State(st): State<AppState>, body: axum::body::Bytes) -> Response {
    match serde_json::from_slice::<Touch>(&body) {
        Ok(t) => {
            let now = st.clock.now();
            let mut w = st.world();
            let ids = crate::touch::touch_inventory(&mut w, t.count, now);
            Json(json!({"touched": ids, "at": now.to_rfc3339()})).into_response()
        }
        Err(_) => (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": "expected {\"count\": n} with n >= 0"})),
        )
            .into_response(),
    }
}
