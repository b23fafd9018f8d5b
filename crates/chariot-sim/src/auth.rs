//! Authentication: user bearer tokens (`/api/v1/auth/*`), OAuth client credentials
//! (`/api/oauth/token` and `/api/v1/oauth/token`), and the guard in front of both APIs.
//!
//! Token lifetimes are measured on the real wall clock, not the simulated one: clients
//! compare `expires` with their own clock (the Python SDK refreshes 60 s early), so an
//! accelerated simulated clock must not make tokens die early. Tests use a short
//! `token_ttl` or [`crate::FaultHandle::expire_tokens_now`] instead.

use crate::error::{ApiError, ClassicError};
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use chrono::{DateTime, SecondsFormat, Utc};
use serde::Deserialize;
use serde_json::json;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    User,
    OAuth,
}

#[derive(Debug, Clone)]
struct TokenInfo {
    kind: TokenKind,
    expires: DateTime<Utc>,
    invalidated: bool,
}

/// Issued tokens, and how many were issued and signed out: clients are expected to mint as
/// few tokens as they can and to invalidate a user token when done, and tests check both.
#[derive(Debug, Clone, Default)]
pub struct TokenStore {
    inner: Arc<Mutex<HashMap<String, TokenInfo>>>,
    /// Tokens issued so far (sign-ins, OAuth and keep-alive); also seeds each token.
    counter: Arc<AtomicU64>,
    /// Tokens invalidated by `POST /api/v1/auth/invalidate-token` (not by keep-alive).
    signed_out: Arc<AtomicU64>,
}

/// Why a token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Unknown,
    Expired,
    Invalidated,
}

impl TokenStore {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, TokenInfo>> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn issue(&self, kind: TokenKind, ttl: std::time::Duration) -> (String, DateTime<Utc>) {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let nanos = Utc::now().timestamp_nanos_opt().unwrap_or(0) as u64;
        let mut r = crate::rng::Rng::new(crate::rng::mix2(nanos, n));
        let expires =
            Utc::now() + chrono::Duration::from_std(ttl).unwrap_or(chrono::Duration::minutes(30));
        let alg = if kind == TokenKind::User {
            "HS512"
        } else {
            "HS256"
        };
        let header = b64url(format!("{{\"alg\":\"{alg}\"}}").as_bytes());
        let claims = json!({
            "token-uuid": r.uuid(),
            "authentication-type": if kind == TokenKind::User { "JSS" } else { "CLIENT_CREDENTIALS" },
            "exp": expires.timestamp(),
            "iat": Utc::now().timestamp(),
        });
        let token = format!(
            "{header}.{}.{}",
            b64url(claims.to_string().as_bytes()),
            b64url(r.hex(64).as_bytes())
        );
        self.lock().insert(
            token.clone(),
            TokenInfo {
                kind,
                expires,
                invalidated: false,
            },
        );
        (token, expires)
    }

    pub fn check(&self, token: &str) -> Result<TokenKind, Refusal> {
        let map = self.lock();
        let info = map.get(token).ok_or(Refusal::Unknown)?;
        if info.invalidated {
            Err(Refusal::Invalidated)
        } else if info.expires <= Utc::now() {
            Err(Refusal::Expired)
        } else {
            Ok(info.kind)
        }
    }

    pub fn invalidate(&self, token: &str) {
        if let Some(t) = self.lock().get_mut(token) {
            t.invalidated = true;
        }
    }

    /// A client signed out: the token is invalidated and counted.
    pub fn sign_out(&self, token: &str) {
        self.invalidate(token);
        self.signed_out.fetch_add(1, Ordering::Relaxed);
    }

    /// Tokens issued so far, by any route (user sign-in, OAuth, keep-alive).
    pub fn issued(&self) -> u64 {
        self.counter.load(Ordering::Relaxed)
    }

    /// Tokens a client invalidated with `POST /api/v1/auth/invalidate-token`.
    pub fn signed_out(&self) -> u64 {
        self.signed_out.load(Ordering::Relaxed)
    }

    /// Invalidates every token issued so far, as when an administrator revokes them (or the
    /// account's password changes): the next call with any of them gets the empty 401.
    pub fn revoke_all(&self) {
        for t in self.lock().values_mut() {
            t.invalidated = true;
        }
    }

    pub fn expire_all(&self) {
        let now = Utc::now();
        for t in self.lock().values_mut() {
            t.expires = t.expires.min(now);
        }
    }
}

fn b64url(data: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..(chunk.len() + 1) {
            out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// Decodes standard base64 (for `Authorization: Basic`).
pub fn b64decode(s: &str) -> Option<Vec<u8>> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        } as u32)
    };
    let clean: Vec<u8> = s
        .bytes()
        .filter(|c| *c != b'=' && !c.is_ascii_whitespace())
        .collect();
    let mut out = vec![];
    for chunk in clean.chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= val(*c)? << (18 - 6 * i);
        }
        out.push((n >> 16) as u8);
        if chunk.len() > 2 {
            out.push((n >> 8) as u8);
        }
        if chunk.len() > 3 {
            out.push(n as u8);
        }
    }
    Some(out)
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, rest) = v.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
}

fn basic(headers: &HeaderMap) -> Option<(String, String)> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, rest) = v.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let raw = String::from_utf8(b64decode(rest.trim())?).ok()?;
    let (u, p) = raw.split_once(':')?;
    Some((u.to_string(), p.to_string()))
}

fn iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// `POST /api/v1/auth/token` (HTTP Basic).
pub async fn token(State(st): State<AppState>, headers: HeaderMap) -> Response {
    match basic(&headers) {
        Some((u, p)) if u == st.credentials.username && p == st.credentials.password => {
            let (token, expires) = st.tokens.issue(TokenKind::User, st.token_ttl);
            Json(json!({ "token": token, "expires": iso(expires) })).into_response()
        }
        // [guess] the exact body for bad credentials is not captured; Jamf's bare 401 shape
        // is used so clients only rely on the status.
        _ => ApiError::unauthorized_empty().into_response(),
    }
}

fn refusal_response(r: Refusal) -> Response {
    match r {
        Refusal::Invalidated => ApiError::unauthorized_empty().into_response(),
        Refusal::Unknown | Refusal::Expired => ApiError::invalid_token().into_response(),
    }
}

/// `POST /api/v1/auth/keep-alive`: a fresh token; the old one stops working.
pub async fn keep_alive(State(st): State<AppState>, headers: HeaderMap) -> Response {
    let Some(old) = bearer(&headers) else {
        return ApiError::invalid_token().into_response();
    };
    match st.tokens.check(old) {
        Ok(TokenKind::User) => {
            st.tokens.invalidate(old);
            let (token, expires) = st.tokens.issue(TokenKind::User, st.token_ttl);
            Json(json!({ "token": token, "expires": iso(expires) })).into_response()
        }
        // Unverified whether keep-alive accepts OAuth tokens (reference §2.2): refusing is the
        // safe choice, so a client that relies on it fails here rather than in production.
        Ok(TokenKind::OAuth) => ApiError::invalid_token().into_response(),
        Err(r) => refusal_response(r),
    }
}

/// `POST /api/v1/auth/invalidate-token` → 204.
pub async fn invalidate(State(st): State<AppState>, headers: HeaderMap) -> Response {
    let Some(t) = bearer(&headers) else {
        return ApiError::invalid_token().into_response();
    };
    match st.tokens.check(t) {
        Ok(_) => {
            st.tokens.sign_out(t);
            axum::http::StatusCode::NO_CONTENT.into_response()
        }
        Err(r) => refusal_response(r),
    }
}

/// `GET /api/v1/auth`: who am I.
pub async fn whoami(State(st): State<AppState>) -> Response {
    Json(json!({
        "account": {
            "id": "1", "username": st.credentials.username, "realName": "Démo Chariot",
            "email": "", "preferences": {"language": "fr", "dateFormat": "dd/MM/yyyy", "region": "Europe", "timezone": "Europe/Paris", "disableRelativeDates": false},
            "multiSiteAdmin": true, "accessLevel": "FullAccess", "privilegeSet": "ADMINISTRATOR",
            "privilegesBySite": {}, "groupIds": [], "currentSiteId": -1
        },
        "accountGroups": [], "sites": [], "authenticationType": "JSS"
    }))
    .into_response()
}

#[derive(Debug, Deserialize)]
pub struct OAuthForm {
    grant_type: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    scope: Option<String>,
}

/// The roles of the demo API client.
const CLIENT_ROLES: &[&str] = &["api-role:1"];

/// `POST /api/oauth/token` and `/api/v1/oauth/token` (client credentials).
pub async fn oauth_token(State(st): State<AppState>, Form(f): Form<OAuthForm>) -> Response {
    let err = |status: u16, error: &str, desc: &str| {
        let s =
            axum::http::StatusCode::from_u16(status).unwrap_or(axum::http::StatusCode::BAD_REQUEST);
        (
            s,
            Json(json!({ "error": error, "error_description": desc })),
        )
            .into_response()
    };
    if f.grant_type.as_deref() != Some("client_credentials") {
        return err(
            400,
            "unsupported_grant_type",
            "Only client_credentials is supported",
        );
    }
    if f.client_id.as_deref() != Some(st.credentials.client_id.as_str())
        || f.client_secret.as_deref() != Some(st.credentials.client_secret.as_str())
    {
        // [guess] 400 vs 401 for a bad secret is not captured; RFC 6749 allows 401 for
        // invalid_client and clients must treat both as a login failure.
        return err(401, "invalid_client", "Client authentication failed");
    }
    let scope = match f.scope.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => {
            if s.split_whitespace().any(|r| !CLIENT_ROLES.contains(&r)) {
                return err(400, "invalid_scope", "The requested scope is invalid");
            }
            s.to_string()
        }
        None => CLIENT_ROLES.join(" "),
    };
    let (token, _) = st.tokens.issue(TokenKind::OAuth, st.oauth_token_ttl);
    // The docs example reports one second less than the configured lifetime.
    let expires_in = st.oauth_token_ttl.as_secs().saturating_sub(1);
    Json(json!({ "access_token": token, "scope": scope, "token_type": "Bearer", "expires_in": expires_in })).into_response()
}

/// Guard for `/api/...` (JSON errors).
pub async fn require_pro(State(st): State<AppState>, req: Request, next: Next) -> Response {
    match bearer(req.headers()).map(|t| st.tokens.check(t)) {
        Some(Ok(_)) => next.run(req).await,
        Some(Err(r)) => refusal_response(r),
        None => ApiError::invalid_token().into_response(),
    }
}

/// Guard for `/JSSResource/...` (HTML errors). Basic auth is refused: it is disabled on
/// Jamf Pro 11.5+ (reference §1.1).
pub async fn require_classic(State(st): State<AppState>, req: Request, next: Next) -> Response {
    match bearer(req.headers()).map(|t| st.tokens.check(t)) {
        Some(Ok(_)) => next.run(req).await,
        _ => ClassicError::unauthorized().into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_roundtrip_of_basic_credentials() {
        assert_eq!(b64decode("dXNlcjpwYXNz").unwrap(), b"user:pass");
        assert_eq!(b64decode("YQ==").unwrap(), b"a");
        assert!(b64decode("@@@@").is_none());
    }

    #[test]
    fn tokens_expire_and_invalidate() {
        let s = TokenStore::default();
        let (t, _) = s.issue(TokenKind::User, std::time::Duration::from_secs(60));
        assert_eq!(s.check(&t), Ok(TokenKind::User));
        s.invalidate(&t);
        assert_eq!(s.check(&t), Err(Refusal::Invalidated));
        let (t2, _) = s.issue(TokenKind::OAuth, std::time::Duration::from_secs(60));
        s.expire_all();
        assert_eq!(s.check(&t2), Err(Refusal::Expired));
        assert_eq!(s.check("nope"), Err(Refusal::Unknown));
        let (t3, _) = s.issue(TokenKind::User, std::time::Duration::from_secs(60));
        s.revoke_all();
        assert_eq!(s.check(&t3), Err(Refusal::Invalidated));
        assert_eq!((s.issued(), s.signed_out()), (3, 0));
    }
}
