//! The floor: what just moving the bytes costs. The same requests a full sync makes (OAuth
//! sign-in, the detail inventory pages with the same sections, page size, sort and 5 in
//! flight, then the light device list Chariot reconciles against), with plain reqwest; each
//! body is read to the end and dropped, never parsed nor stored. Chariot's overhead over this
//! is its parsing, mapping and SQLite work.

use std::sync::Arc;
use std::time::Instant;

use chariot_jamf::inventory::Section;
use serde::{Deserialize, Serialize};
use tokio::sync::Semaphore;

use crate::child::Server;

/// The light list's page size (Jamf's cap; what Chariot's reconciliation asks for).
const LIST_PAGE_SIZE: u64 = 2000;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RawFigures {
    /// Sign-in plus the detail pages (what the SDK is also asked to do).
    pub detail_seconds: f64,
    /// The light list pages after them.
    pub list_seconds: f64,
    pub requests: u32,
    pub bytes: u64,
}

#[derive(Deserialize)]
struct Token {
    access_token: String,
}

pub async fn run(
    server: &Server,
    devices: u64,
    page_size: u32,
    in_flight: usize,
) -> Result<(f64, RawFigures), String> {
    let started = Instant::now();
    let http = reqwest::Client::builder()
        .build()
        .map_err(|e| e.to_string())?;
    let token: Token = http
        .post(format!("{}/api/v1/oauth/token", server.url))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", server.client_id.as_str()),
            ("client_secret", server.client_secret.as_str()),
        ])
        .send()
        .await
        .and_then(|r| r.error_for_status())
        .map_err(|e| format!("sign-in: {e}"))?
        .json()
        .await
        .map_err(|e| format!("sign-in: {e}"))?;
    let bearer = Arc::new(token.access_token);

    // Like Chariot, the first page comes alone (a real client learns the total from it),
    // then the rest with `in_flight` requests at a time.
    let pages = devices.div_ceil(page_size as u64).max(1);
    let mut bytes = detail_page(&http, server, &bearer, 0, page_size).await?;
    let permits = Arc::new(Semaphore::new(in_flight.max(1)));
    bytes += pages_together(1..pages, &permits, |page| {
        let (http, server, bearer) = (http.clone(), server.clone(), bearer.clone());
        async move { detail_page(&http, &server, &bearer, page, page_size).await }
    })
    .await?;
    let detail_seconds = started.elapsed().as_secs_f64();

    // The light list as Chariot reads it: the detail pages told the total, so every page at
    // once.
    let list_started = Instant::now();
    let list_pages = devices.div_ceil(LIST_PAGE_SIZE).max(1);
    bytes += pages_together(0..list_pages, &permits, |page| {
        let (http, server, bearer) = (http.clone(), server.clone(), bearer.clone());
        async move { list_page(&http, &server, &bearer, page).await }
    })
    .await?;
    let list_seconds = list_started.elapsed().as_secs_f64();
    Ok((
        started.elapsed().as_secs_f64(),
        RawFigures {
            detail_seconds,
            list_seconds,
            requests: (1 + pages + list_pages) as u32,
            bytes,
        },
    ))
}

/// `pages` together, at most `permits` in flight; the bytes read.
async fn pages_together<F, Fut>(
    pages: std::ops::Range<u64>,
    permits: &Arc<Semaphore>,
    fetch: F,
) -> Result<u64, String>
where
    F: Fn(u64) -> Fut,
    Fut: std::future::Future<Output = Result<u64, String>> + Send + 'static,
{
    let mut tasks = tokio::task::JoinSet::new();
    for page in pages {
        let permits = permits.clone();
        let fetch_page = fetch(page);
        tasks.spawn(async move {
            let _permit = permits.acquire_owned().await.map_err(|e| e.to_string())?;
            fetch_page.await
        });
    }
    let mut bytes = 0;
    while let Some(joined) = tasks.join_next().await {
        bytes += joined.map_err(|e| e.to_string())??;
    }
    Ok(bytes)
}

async fn list_page(
    http: &reqwest::Client,
    server: &Server,
    bearer: &str,
    page: u64,
) -> Result<u64, String> {
    let params = [
        ("page", page.to_string()),
        ("page-size", LIST_PAGE_SIZE.to_string()),
        ("sort", "id:asc".to_owned()),
    ];
    get_bytes(http, server, bearer, "/api/v2/mobile-devices", &params).await
}

async fn detail_page(
    http: &reqwest::Client,
    server: &Server,
    bearer: &str,
    page: u64,
    page_size: u32,
) -> Result<u64, String> {
    // Exactly the parameters `JamfClient::inventory_page` sends.
    let mut params: Vec<(&str, String)> = Section::ALL_CHARIOT
        .iter()
        .map(|s| ("section", s.as_param().to_owned()))
        .collect();
    params.push(("page", page.to_string()));
    params.push(("page-size", page_size.to_string()));
    params.push(("sort", "mobileDeviceId:asc".into()));
    params.push(("exception-handling", "LENIENT".into()));
    get_bytes(
        http,
        server,
        bearer,
        "/api/v2/mobile-devices/detail",
        &params,
    )
    .await
}

/// GET, read the whole body, count its bytes, drop it.
async fn get_bytes<P: Serialize + ?Sized>(
    http: &reqwest::Client,
    server: &Server,
    bearer: &str,
    path: &str,
    params: &P,
) -> Result<u64, String> {
    let body = http
        .get(format!("{}{path}", server.url))
        .bearer_auth(bearer)
        .query(params)
        .send()
        .await
        .and_then(|r| r.error_for_status())
        .map_err(|e| format!("GET {path}: {e}"))?
        .bytes()
        .await
        .map_err(|e| format!("GET {path}: {e}"))?;
    Ok(body.len() as u64)
}
