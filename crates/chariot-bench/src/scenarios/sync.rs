//! Chariot's own sync (`chariot_core::sync::sync`) from the simulator into a SQLite file: a
//! full sync into a fresh file, or an incremental one (`SyncMode::Auto`) on a file a full
//! sync left behind. Timed from the client's creation to the published snapshot, sign-in
//! included, as a user pressing "Sync" waits for it before the inventory shows the new data;
//! the end of the sync (lost devices' positions read after publication) is timed apart.

use std::path::Path;
use std::time::Instant;

use chariot_core::sync::{CancelFlag, SyncMode, SyncPhase, SyncRequest, sync};
use chariot_jamf::{ClientOptions, Credentials, JamfClient, Secret, ServerUrl};
use chariot_store::{Store, SyncKind};
use serde::{Deserialize, Serialize};

use crate::child::Server;

/// What the sync reported, to show it did the work it was timed for.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SyncFigures {
    pub incremental: bool,
    pub devices: u32,
    pub added: u32,
    pub changed: u32,
    pub removed: u32,
    /// Until the end of the sync, the positions of lost devices included (read after the
    /// snapshot is published, one Classic request each).
    #[serde(default)]
    pub complete_seconds: f64,
    /// How many positions were read after publication.
    #[serde(default)]
    pub positions_read: u64,
}

/// A Jamf client for the simulator's demo API client, with the app's default options
/// (5 requests in flight).
pub fn client(server: &Server) -> Result<JamfClient, String> {
    JamfClient::new(
        ServerUrl::parse(&server.url).map_err(|e| e.to_string())?,
        Credentials::ApiClient {
            client_id: server.client_id.clone(),
            client_secret: Secret::new(server.client_secret.clone()),
        },
        ClientOptions::default(),
    )
    .map_err(|e| e.to_string())
}

pub async fn run(
    server: &Server,
    store_path: &Path,
    incremental: bool,
    page_size: u32,
) -> Result<(f64, SyncFigures), String> {
    let mut store = Store::open(store_path).map_err(|e| format!("opening the store: {e}"))?;
    let request = SyncRequest {
        mode: if incremental {
            SyncMode::Auto
        } else {
            SyncMode::Full
        },
        source: "demo",
        page_size,
    };
    let started = Instant::now();
    let client = client(server)?;
    let mut published: Option<f64> = None;
    let mut positions_read = 0;
    let report = sync(
        &client,
        &mut store,
        &request,
        |p| {
            if p.phase == SyncPhase::Positions {
                published.get_or_insert(started.elapsed().as_secs_f64());
                positions_read = p.total;
            }
        },
        &CancelFlag::default(),
    )
    .await
    .map_err(|e| format!("sync failed: {e}"))?;
    let complete_seconds = started.elapsed().as_secs_f64();
    let seconds = published.unwrap_or(complete_seconds);
    if incremental != (report.kind == SyncKind::Incremental) {
        return Err(format!(
            "expected an {} sync, Chariot ran a {:?} one",
            if incremental { "incremental" } else { "full" },
            report.kind
        ));
    }
    Ok((
        seconds,
        SyncFigures {
            incremental,
            devices: report.summary.device_count,
            added: report.summary.added,
            changed: report.summary.changed,
            removed: report.summary.removed,
            complete_seconds,
            positions_read,
        },
    ))
}
