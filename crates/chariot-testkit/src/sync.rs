//! What chariot-core's sync tests share: a client that retries fast, full and Auto syncs with
//! small pages, what the snapshot and the server hold, and an admin's change to a cart.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;

use chariot_core::connection::sync_profile;
use chariot_core::profiles::ServerProfile;
use chariot_core::status::SyncOutcome;
use chariot_core::sync::{CancelFlag, SyncMode, SyncReport, SyncRequest, sync};
use chariot_jamf::{ClientOptions, JamfClient};
use chariot_sim::RunningSim;
use chariot_store::{DeviceQuery, Store};

use crate::client::{Account, client_with, quick_retry};
use crate::sim::{api_token, classic_json, classic_write};

/// The sync's client of the simulator: the API client, retrying in milliseconds.
pub fn client(sim: &RunningSim) -> JamfClient {
    client_in_flight(sim, ClientOptions::default().max_in_flight)
}

/// [`client`] keeping at most `max_in_flight` requests in flight.
pub fn client_in_flight(sim: &RunningSim, max_in_flight: usize) -> JamfClient {
    client_with(
        sim,
        Account::ApiClient,
        ClientOptions {
            max_in_flight,
            request_timeout: Duration::from_secs(10),
            retry: quick_retry(Duration::from_millis(10), Duration::from_millis(100)),
            ..ClientOptions::default()
        },
    )
}

/// A full sync request with small pages, so that a small school spans several.
pub fn full() -> SyncRequest {
    SyncRequest {
        mode: SyncMode::Full,
        page_size: 16,
        ..SyncRequest::default()
    }
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

/// The demo server profile synced into `database` as the app does it (Auto, no progress).
pub async fn sync_demo_profile(c: &JamfClient, database: &Path) -> SyncOutcome {
    sync_profile(
        c,
        &ServerProfile::demo("Démo"),
        database,
        false,
        |_| {},
        &CancelFlag::default(),
    )
    .await
}

/// (Jamf id, name, last inventory) of every device of the current snapshot.
pub fn snapshot(store: &Store) -> Vec<(String, String, Option<String>)> {
    store
        .list_devices(&DeviceQuery::default())
        .unwrap()
        .into_iter()
        .map(|d| (d.jamf_id, d.name, d.last_inventory_update))
        .collect()
}

/// The ids of the devices the server lists now.
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
    let bearer = api_token(sim).await;
    let (_, groups) = classic_json(sim, &bearer, "/mobiledevicegroups").await;
    let group = groups["mobile_device_groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"].as_str().unwrap().ends_with(cart))
        .unwrap();
    let body = format!(
        "<mobile_device_group>{}</mobile_device_group>",
        change(group["name"].as_str().unwrap())
    );
    let path = format!("/mobiledevicegroups/id/{}", group["id"]);
    let (status, answer) = classic_write(sim, &bearer, reqwest::Method::PUT, &path, &body).await;
    assert!((200..300).contains(&status), "{answer}");
}
