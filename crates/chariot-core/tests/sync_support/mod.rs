//! What the sync tests share: a simulator, a client for it, a store on a real file.

#![allow(dead_code)]

use std::collections::BTreeSet;
use std::time::Duration;

use chariot_core::sync::{CancelFlag, SyncMode, SyncReport, SyncRequest, sync};
use chariot_jamf::client::RetryPolicy;
use chariot_jamf::{ClientOptions, Credentials, JamfClient, Secret, ServerUrl};
use chariot_sim::{RunningSim, SimConfig};
use chariot_store::{DeviceQuery, Store};
use tempfile::TempDir;

pub async fn sim(devices: usize) -> RunningSim {
    chariot_sim::start(SimConfig {
        devices,
        ..SimConfig::default()
    })
    .await
    .unwrap()
}

pub fn client(sim: &RunningSim) -> JamfClient {
    client_with(sim, ClientOptions::default().max_in_flight)
}

pub fn store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("sync.db")).unwrap();
    (dir, store)
}

/// A full sync with [`full`]'s small pages; it must succeed.
pub async fn sync_full(c: &JamfClient, store: &mut Store) -> SyncReport {
    sync(c, store, &full(), |_| {}, &CancelFlag::default())
        .await
        .unwrap()
}

/// The next sync as the app runs it (Auto: incremental once a snapshot exists), with
/// [`full`]'s small pages; it must succeed.
pub async fn sync_auto(c: &JamfClient, store: &mut Store) -> SyncReport {
    let auto = SyncRequest {
        mode: SyncMode::Auto,
        ..full()
    };
    sync(c, store, &auto, |_| {}, &CancelFlag::default())
        .await
        .unwrap()
}

pub fn full() -> SyncRequest {
    SyncRequest {
        mode: SyncMode::Full,
        page_size: 16,
        ..SyncRequest::default()
    }
}

pub fn snapshot(store: &Store) -> Vec<(String, String, Option<String>)> {
    store
        .list_devices(&DeviceQuery::default())
        .unwrap()
        .into_iter()
        .map(|d| (d.jamf_id, d.name, d.last_inventory_update))
        .collect()
}

/// An HTTP client and an API-client bearer, to act on the simulator as a Jamf admin would.
pub async fn admin(sim: &RunningSim) -> (reqwest::Client, String) {
    let http = reqwest::Client::new();
    let creds = sim.credentials();
    let token: serde_json::Value = http
        .post(format!("{}/api/oauth/token", sim.base_url()))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", &creds.client_id),
            ("client_secret", &creds.client_secret),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    (http, token["access_token"].as_str().unwrap().to_owned())
}

pub async fn server_ids(c: &JamfClient) -> BTreeSet<String> {
    c.device_list()
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.id)
        .collect()
}

/// Changes the Jamf group of cart `cart` (the group whose name ends with it) through the
/// Classic API, as an admin would: `change(name)` gives the XML inside
/// `<mobile_device_group>`, from the group's current name.
pub async fn change_cart_group(sim: &RunningSim, cart: &str, change: impl FnOnce(&str) -> String) {
    let (http, bearer) = admin(sim).await;
    let groups: serde_json::Value = http
        .get(format!("{}/JSSResource/mobiledevicegroups", sim.base_url()))
        .bearer_auth(&bearer)
        .header("Accept", "application/json")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let group = groups["mobile_device_groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"].as_str().unwrap().ends_with(cart))
        .unwrap();
    let put = http
        .put(format!(
            "{}/JSSResource/mobiledevicegroups/id/{}",
            sim.base_url(),
            group["id"]
        ))
        .bearer_auth(&bearer)
        .header("Content-Type", "application/xml")
        .body(format!(
            "<mobile_device_group>{}</mobile_device_group>",
            change(group["name"].as_str().unwrap())
        ))
        .send()
        .await
        .unwrap();
    assert!(put.status().is_success(), "{}", put.text().await.unwrap());
}

/// A client for the simulator that keeps at most `max_in_flight` requests in flight.
pub fn client_with(sim: &RunningSim, max_in_flight: usize) -> JamfClient {
    let c = sim.credentials();
    JamfClient::new(
        ServerUrl::parse(&sim.base_url()).unwrap(),
        Credentials::ApiClient {
            client_id: c.client_id,
            client_secret: Secret::new(c.client_secret),
        },
        ClientOptions {
            max_in_flight,
            request_timeout: Duration::from_secs(10),
            retry: RetryPolicy {
                max_attempts: 8,
                base: Duration::from_millis(10),
                max_delay: Duration::from_millis(100),
            },
            ..ClientOptions::default()
        },
    )
    .unwrap()
}
