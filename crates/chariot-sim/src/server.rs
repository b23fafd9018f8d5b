//! The HTTP router: Jamf paths behind auth and fault injection, the `/_sim/` control API
//! beside them, a request body limit, and a Jamf-style 404 for everything else.

use crate::error::{ApiError, ClassicError, classic_page};
use crate::faults::Decision;
use crate::state::AppState;
use crate::{auth, classic, control, pro};
use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{Next, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

pub fn router(st: AppState, body_limit: usize) -> Router {
    let pro_open = Router::new()
        .route("/api/v1/auth/token", post(auth::token))
        .route("/api/oauth/token", post(auth::oauth_token))
        .route("/api/v1/oauth/token", post(auth::oauth_token));
    let pro_guarded = Router::new()
        .route("/api/v1/auth/keep-alive", post(auth::keep_alive))
        .route("/api/v1/auth/invalidate-token", post(auth::invalidate))
        .route("/api/v1/auth", get(auth::whoami))
        .route("/api/v1/jamf-pro-version", get(pro::version))
        .route("/api/v2/mobile-devices", get(pro::inventory::list))
        .route("/api/v2/groups", get(pro::groups::list))
        .route("/api/v2/mobile-devices/detail", get(pro::inventory::detail))
        .route("/api/v2/mobile-devices/{id}", get(pro::inventory::one))
        .route(
            "/api/v2/mobile-devices/{id}/detail",
            get(pro::inventory::one_detail),
        )
        .route(
            "/api/v2/mobile-devices/{id}/erase",
            post(pro::commands::erase),
        )
        .route(
            "/api/v2/mdm/commands",
            post(pro::commands::send).get(pro::commands::list),
        )
        .route("/api/v2/mdm/blank-push", post(pro::commands::blank_push))
        .route(
            "/api/v1/managed-software-updates/available-updates",
            get(pro::msu::available),
        )
        .route(
            "/api/v1/managed-software-updates/plans/feature-toggle",
            get(pro::msu::get_toggle).put(pro::msu::put_toggle),
        )
        .route(
            "/api/v1/managed-software-updates/plans",
            post(pro::msu::post_plans).get(pro::msu::list_plans),
        )
        .route(
            "/api/v1/managed-software-updates/plans/group",
            post(pro::msu::post_group_plans),
        )
        .route(
            "/api/v1/managed-software-updates/plans/{id}",
            get(pro::msu::one_plan),
        )
        .route(
            "/api/v1/managed-software-updates/update-statuses",
            get(pro::msu::update_statuses),
        )
        .route(
            "/api/v1/managed-software-updates/update-statuses/mobile-devices/{id}",
            get(pro::msu::device_statuses),
        )
        .route(
            "/api/v1/managed-software-updates/update-statuses/mobile-device-groups/{id}",
            get(pro::msu::group_statuses),
        )
        .fallback(pro_not_found)
        .layer(from_fn_with_state(st.clone(), auth::require_pro));
    let classic_guarded =
        classic::router().layer(from_fn_with_state(st.clone(), auth::require_classic));
    let jamf = Router::new()
        .merge(pro_open)
        .nest("/JSSResource", classic_guarded)
        .merge(pro_guarded)
        .layer(from_fn_with_state(st.clone(), faults_layer))
        .layer(from_fn(common_headers));
    Router::new()
        .merge(jamf)
        .nest("/_sim", control::router())
        .layer(DefaultBodyLimit::max(body_limit))
        .with_state(st)
}

use axum::middleware::from_fn;

async fn pro_not_found() -> ApiError {
    ApiError::not_found("Not found")
}

/// Headers every Jamf Cloud response carries (fixture `auth/*.headers.json`).
async fn common_headers(req: Request, next: Next) -> Response {
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    h.insert(header::SERVER, HeaderValue::from_static("Jamf Cloud Node"));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-cache, no-store, must-revalidate"),
    );
    h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    resp
}

fn error_response(classic: bool, status: u16, message: &str) -> Response {
    if classic {
        ClassicError::new(status, message).into_response()
    } else {
        let code = StatusCode::from_u16(status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or("ERROR");
        ApiError::new(status, &code.to_uppercase().replace(' ', "_"), message).into_response()
    }
}

/// Applies latency and the fault dice to a Jamf request.
async fn faults_layer(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let (latency, decision) = st.faults.decide();
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let classic = req.uri().path().starts_with("/JSSResource");
    if let Some(privilege) = crate::faults::required_privilege(req.method(), req.uri().path())
        && st
            .faults
            .get()
            .denied_privileges
            .iter()
            .any(|d| d.eq_ignore_ascii_case(privilege))
    {
        // [guess] The exact error code of a privilege refusal is not captured; 403 with the
        // usual error body is what clients branch on.
        return error_response(
            classic,
            403,
            &format!("The authenticated user does not have the privilege {privilege}"),
        );
    }
    if req.uri().path() == "/api/v2/mobile-devices/detail"
        && st
            .faults
            .page_too_big(requested_page_size(req.uri().query()))
    {
        tokio::time::sleep(st.faults.get().timeout_hold).await;
        return gateway_page(504);
    }
    let answer_delay = st.faults.get().answer_delay;
    if decision == Decision::Pass && !answer_delay.is_zero() {
        // Run the handler on its own task, so it finishes even when the client hangs up.
        let done = tokio::spawn(next.run(req)).await;
        tokio::time::sleep(answer_delay).await;
        return done.unwrap_or_else(|_| error_response(classic, 500, "handler failed"));
    }
    match decision {
        Decision::Pass => next.run(req).await,
        Decision::TooMany => {
            let secs = st.faults.get().retry_after_secs;
            let mut r = error_response(classic, 429, "Rate limit exceeded");
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
            r
        }
        Decision::Status(s) => {
            // 502/503/504 come from the edge in front of Jamf Cloud: an HTML page either way.
            if s == 500 {
                error_response(
                    classic,
                    500,
                    "Retry the request or contact Jamf support if the error is persistent.",
                )
            } else {
                gateway_page(s)
            }
        }
        Decision::Timeout => {
            tokio::time::sleep(st.faults.get().timeout_hold).await;
            gateway_page(504)
        }
        Decision::Reset => broken(axum::body::Bytes::from_static(b" "), 4096, StatusCode::OK),
        Decision::Html => portal_page(),
        Decision::Truncate => {
            let resp = next.run(req).await;
            let (parts, body) = resp.into_parts();
            let bytes = axum::body::to_bytes(body, usize::MAX)
                .await
                .unwrap_or_default();
            let half = bytes.slice(0..bytes.len() / 2);
            let mut r = broken(half, bytes.len().max(1), parts.status);
            for (k, v) in parts.headers.iter() {
                if k != header::CONTENT_LENGTH {
                    r.headers_mut().insert(k.clone(), v.clone());
                }
            }
            r
        }
    }
}

/// The `page-size` a request asks for, as the paging applies it (default 100, clamped to
/// 2000); an invalid one is left for the handler to refuse.
fn requested_page_size(query: Option<&str>) -> u32 {
    crate::paging::PageParams::from_query(&crate::paging::Query::parse(query))
        .map_or(0, |p| p.page_size as u32)
}

/// A response whose `Content-Length` promises more than the body holds: the server closes
/// the connection early and the client sees a reset / incomplete message.
fn broken(part: axum::body::Bytes, announced: usize, status: StatusCode) -> Response {
    let mut r = Response::new(Body::new(CutBody(Some(part))));
    *r.status_mut() = status;
    r.headers_mut()
        .insert(header::CONTENT_LENGTH, HeaderValue::from(announced));
    r
}

/// One chunk of body with no declared size: hyper then trusts the announced `Content-Length`,
/// sends the chunk and closes the connection early (what a cut-off answer looks like). A body
/// of known size would trip hyper's own length check instead.
struct CutBody(Option<axum::body::Bytes>);

impl http_body::Body for CutBody {
    type Data = axum::body::Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        std::task::Poll::Ready(self.0.take().map(|b| Ok(http_body::Frame::data(b))))
    }
}

/// A captive portal's or filtering proxy's page, served with 200 in place of the answer.
fn portal_page() -> Response {
    let mut r = (
        StatusCode::OK,
        "<!DOCTYPE html><html><head><title>Connexion au réseau</title></head>\
         <body><p>Veuillez vous identifier pour accéder à Internet.</p></body></html>",
    )
        .into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html;charset=UTF-8"),
    );
    r
}

fn gateway_page(status: u16) -> Response {
    let s = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
    let mut r = (
        s,
        classic_page(
            status,
            "The server is temporarily unable to service your request.",
        ),
    )
        .into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html;charset=UTF-8"),
    );
    r
}
