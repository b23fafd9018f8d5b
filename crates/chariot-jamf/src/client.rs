//! The HTTP client for one Jamf Pro server: sign-in and token renewal, at most N requests in
//! flight, GET retries with back-off, one transparent re-authentication after a 401.

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{ACCEPT, DATE, RETRY_AFTER};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use tokio::sync::{Mutex, Semaphore};

use crate::answer::{classify, classify_sign_in, decode, error_chain};
use crate::auth::{
    Bearer, ClientTokenResponse, Credentials, Token, TokenCache, UserTokenResponse,
    user_token_lifetime,
};
use crate::error::JamfError;
pub use crate::retry::RetryPolicy;

/// The body of a write: the Jamf Pro API takes JSON, the Classic API XML.
#[derive(Debug, Clone, Copy)]
pub(crate) enum WriteBody<'a> {
    Empty,
    Json(&'a serde_json::Value),
    Xml(&'a str),
}
use crate::retry::parse_retry_after;
/// Re-exported for callers that tune retries (tests use short pauses).
pub type RetryPolicyPublic = RetryPolicy;
use crate::server::ServerUrl;
use crate::version::JamfVersion;

#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// Jamf recommends at most 5 concurrent connections per server.
    pub max_in_flight: usize,
    pub connect_timeout: Duration,
    /// Per request. Large inventory pages can take a while; a timeout halves the page size.
    pub request_timeout: Duration,
    pub retry: RetryPolicy,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            max_in_flight: 5,
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(90),
            retry: RetryPolicy::default(),
        }
    }
}

/// Whether a request changes something on the server: a network failure then means different
/// things (see `send_request_as`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Exchange {
    /// GETs and sign-in: safe to send again.
    Read,
    /// A command or a change: never sent twice without knowing.
    Write,
}

/// What to do when a GET times out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OnTimeout {
    Retry,
    /// Return at once so the caller can ask for less (a smaller page).
    GiveUp,
}

#[derive(Clone)]
pub struct JamfClient {
    inner: Arc<Inner>,
}

struct Inner {
    server: ServerUrl,
    http: reqwest::Client,
    credentials: Credentials,
    /// Held while a token is obtained or renewed, so concurrent requests wait for that one
    /// renewal and share its token instead of each signing in.
    token: Mutex<TokenCache>,
    permits: Semaphore,
    options: ClientOptions,
}

pub(crate) struct Answer {
    pub status: StatusCode,
    pub retry_after: Option<Duration>,
    pub date: Option<String>,
    pub body: Vec<u8>,
}

impl JamfClient {
    pub fn new(
        server: ServerUrl,
        credentials: Credentials,
        options: ClientOptions,
    ) -> Result<JamfClient, JamfError> {
        let http = reqwest::Client::builder()
            // One cookie jar per server: Jamf Cloud's load balancer cookie keeps a sequence of
            // calls on the same node (create-then-read consistency).
            .cookie_store(true)
            .connect_timeout(options.connect_timeout)
            .timeout(options.request_timeout)
            .user_agent(concat!("Chariot/", env!("CARGO_PKG_VERSION")))
            .https_only(!server.is_loopback())
            .build()
            .map_err(|e| JamfError::Unreachable {
                host: server.host().to_owned(),
                detail: e.to_string(),
            })?;
        Ok(JamfClient {
            inner: Arc::new(Inner {
                permits: Semaphore::new(options.max_in_flight.max(1)),
                server,
                http,
                credentials,
                token: Mutex::new(TokenCache::default()),
                options,
            }),
        })
    }

    /// Requests this client keeps in flight at most.
    pub fn max_in_flight(&self) -> usize {
        self.inner.options.max_in_flight.max(1)
    }

    pub fn server(&self) -> &ServerUrl {
        &self.inner.server
    }

    pub fn account(&self) -> &str {
        self.inner.credentials.account()
    }

    /// Signs in now (rather than on the first call), to test credentials.
    pub async fn sign_in(&self) -> Result<(), JamfError> {
        self.bearer().await.map(|_| ())
    }

    /// `GET /api/v1/jamf-pro-version`.
    pub async fn version(&self) -> Result<JamfVersion, JamfError> {
        #[derive(serde::Deserialize)]
        struct V {
            version: String,
        }
        let v: V = self.get_json("/api/v1/jamf-pro-version", &[]).await?;
        JamfVersion::parse(&v.version).ok_or_else(|| JamfError::Decode {
            what: "the server version".into(),
            detail: format!("unexpected version text `{}`", v.version),
        })
    }

    /// Invalidates a user token on the server (API-client tokens simply expire).
    pub async fn sign_out(&self) -> Result<(), JamfError> {
        let token = self.inner.token.lock().await.take();
        if let (Some(token), Credentials::User { .. }) = (token, &self.inner.credentials) {
            let url = self.inner.server.join("/api/v1/auth/invalidate-token");
            let _ = self
                .inner
                .http
                .post(url)
                .bearer_auth(token.value.expose())
                .send()
                .await;
        }
        Ok(())
    }

    /// A JSON GET with retries.
    pub async fn get_json<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T, JamfError> {
        self.get_json_with(path, query, OnTimeout::Retry).await
    }

    pub(crate) async fn get_json_with<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
        on_timeout: OnTimeout,
    ) -> Result<T, JamfError> {
        let policy = self.inner.options.retry;
        let mut attempt = 1;
        loop {
            let result = self
                .get_once(path, query)
                .await
                .and_then(|body| decode::<T>(path, &body));
            match result {
                Ok(value) => return Ok(value),
                Err(e) if e.is_timeout_like() && on_timeout == OnTimeout::GiveUp => return Err(e),
                Err(e) if e.is_transient() && attempt < policy.max_attempts => {
                    let retry_after = match &e {
                        JamfError::RateLimited { retry_after, .. }
                        | JamfError::Server { retry_after, .. } => *retry_after,
                        _ => None,
                    };
                    let pause = policy.delay(attempt, retry_after);
                    tracing::warn!(path, attempt, ?pause, error = %e, "retrying GET");
                    tokio::time::sleep(pause).await;
                    attempt += 1;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// One write (POST), never retried: a timeout or a dropped connection
    /// leaves it unknown whether the server acted, so the caller must not send it again
    /// blindly. Only a 401 is re-sent, once, with a new token: the server refused it before
    /// doing anything.
    pub(crate) async fn post_once(
        &self,
        path: &str,
        body: WriteBody<'_>,
    ) -> Result<Vec<u8>, JamfError> {
        let mut reauthenticated = false;
        loop {
            let token = self.bearer().await?;
            let answer = self
                .send_request_as(
                    Exchange::Write,
                    |http, url| {
                        let req = http
                            .post(url)
                            .bearer_auth(token.value.expose())
                            .header(ACCEPT, "application/json");
                        match body {
                            WriteBody::Json(json) => req.json(json),
                            WriteBody::Xml(xml) => req
                                .header(reqwest::header::CONTENT_TYPE, "application/xml")
                                .body(xml.to_owned()),
                            WriteBody::Empty => req,
                        }
                    },
                    path,
                )
                .await?;
            match answer.status {
                s if s.is_success() => return Ok(answer.body),
                StatusCode::UNAUTHORIZED if !reauthenticated => {
                    self.forget(&token).await;
                    reauthenticated = true;
                }
                _ => return Err(classify(path, &self.inner.server, answer)),
            }
        }
    }

    /// One GET (plus at most one re-authentication after a 401); the body on 2xx.
    async fn get_once(&self, path: &str, query: &[(&str, String)]) -> Result<Vec<u8>, JamfError> {
        let mut reauthenticated = false;
        loop {
            let token = self.bearer().await?;
            let answer = self
                .send(Method::GET, path, query, Some(token.value.expose()))
                .await?;
            match answer.status {
                s if s.is_success() => return Ok(answer.body),
                StatusCode::UNAUTHORIZED if !reauthenticated => {
                    // The token may have been revoked or expired early: a new one, once.
                    tracing::info!(path, "401: signing in again");
                    self.forget(&token).await;
                    reauthenticated = true;
                }
                _ => return Err(classify(path, &self.inner.server, answer)),
            }
        }
    }

    async fn send(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        bearer: Option<&str>,
    ) -> Result<Answer, JamfError> {
        self.send_request(
            |http, url| {
                let mut req = http.request(method.clone(), url).query(query);
                if let Some(token) = bearer {
                    req = req.bearer_auth(token);
                }
                req.header(ACCEPT, "application/json")
            },
            path,
        )
        .await
    }

    async fn send_request(
        &self,
        build: impl FnOnce(&reqwest::Client, reqwest::Url) -> reqwest::RequestBuilder,
        path: &str,
    ) -> Result<Answer, JamfError> {
        self.send_request_as(Exchange::Read, build, path).await
    }

    async fn send_request_as(
        &self,
        exchange: Exchange,
        build: impl FnOnce(&reqwest::Client, reqwest::Url) -> reqwest::RequestBuilder,
        path: &str,
    ) -> Result<Answer, JamfError> {
        let _permit = self
            .inner
            .permits
            .acquire()
            .await
            .expect("semaphore never closed");
        let host = self.inner.server.host().to_owned();
        let url = self.inner.server.join(path);
        let net_err = |e: reqwest::Error| {
            if e.is_timeout() {
                JamfError::Timeout {
                    host: host.clone(),
                    timeout: self.inner.options.request_timeout,
                }
            } else if exchange == Exchange::Write && !e.is_connect() {
                // The connection was made, so the request may have been written and acted on
                // (a reset or a cut-off answer after the server queued the command): unknown,
                // never "not sent", so that it is not sent a second time.
                JamfError::WriteOutcomeUnknown {
                    what: path.to_owned(),
                    detail: error_chain(&e),
                }
            } else if e.is_decode() || e.is_body() {
                JamfError::Decode {
                    what: path.to_owned(),
                    detail: format!("the answer was cut off ({e})"),
                }
            } else {
                JamfError::Unreachable {
                    host: host.clone(),
                    detail: error_chain(&e),
                }
            }
        };
        let response = build(&self.inner.http, url).send().await.map_err(net_err)?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.bytes().await.map_err(net_err)?.to_vec();
        Ok(Answer {
            status,
            retry_after: headers
                .get(RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| parse_retry_after(v, chrono::Utc::now())),
            date: headers
                .get(DATE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned),
            body,
        })
    }

    /// A valid bearer token: the cached one, renewed or replaced when close to expiry. The
    /// cache stays locked meanwhile: requests arriving during a renewal get its token.
    async fn bearer(&self) -> Result<Bearer, JamfError> {
        let mut cache = self.inner.token.lock().await;
        if let Some(usable) = cache.usable() {
            return Ok(usable);
        }
        if let Some(token) = cache.current()
            && !token.is_expired()
            && matches!(self.inner.credentials, Credentials::User { .. })
            && let Ok(renewed) = self.keep_alive(token).await
        {
            return Ok(cache.put(renewed));
        }
        let token = self.obtain_token().await?;
        Ok(cache.put(token))
    }

    /// After a 401: forgets the token the request was sent with, unless a concurrent request
    /// already replaced it (then the next `bearer()` hands out the replacement).
    async fn forget(&self, used: &Bearer) {
        self.inner.token.lock().await.forget(used.generation);
    }

    async fn keep_alive(&self, token: &Token) -> Result<Token, JamfError> {
        let path = "/api/v1/auth/keep-alive";
        let value = token.value.expose().to_owned();
        let answer = self
            .send_request(
                |http, url| {
                    http.post(url)
                        .bearer_auth(value)
                        .header(ACCEPT, "application/json")
                },
                path,
            )
            .await?;
        self.user_token(path, answer)
    }

    /// `AuthTokenV1` from a token or keep-alive answer.
    fn user_token(&self, path: &str, answer: Answer) -> Result<Token, JamfError> {
        if !answer.status.is_success() {
            return Err(classify(path, &self.inner.server, answer));
        }
        let parsed: UserTokenResponse = decode(path, &answer.body)?;
        Ok(Token::new(
            parsed.token,
            user_token_lifetime(&parsed.expires, answer.date.as_deref()),
        ))
    }

    async fn obtain_token(&self) -> Result<Token, JamfError> {
        match &self.inner.credentials {
            Credentials::User { username, password } => {
                let path = "/api/v1/auth/token";
                let answer = self
                    .send_request(
                        |http, url| {
                            http.post(url)
                                .basic_auth(username, Some(password.expose()))
                                .header(ACCEPT, "application/json")
                        },
                        path,
                    )
                    .await?;
                self.user_token(path, answer)
            }
            Credentials::ApiClient {
                client_id,
                client_secret,
            } => {
                let path = "/api/oauth/token";
                let form = [
                    ("grant_type", "client_credentials"),
                    ("client_id", client_id.as_str()),
                    ("client_secret", client_secret.expose()),
                ];
                let answer = self
                    .send_request(
                        |http, url| {
                            http.post(url)
                                .form(&form)
                                .header(ACCEPT, "application/json")
                        },
                        path,
                    )
                    .await?;
                if !answer.status.is_success() {
                    return Err(classify_sign_in(path, &self.inner.server, answer));
                }
                let parsed: ClientTokenResponse = decode(path, &answer.body)?;
                Ok(Token::new(
                    parsed.access_token,
                    Duration::from_secs(parsed.expires_in.unwrap_or(600)),
                ))
            }
        }
    }
}
