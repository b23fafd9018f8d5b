//! The client against chariot-sim over real HTTP on loopback: sign-in both ways, version,
//! paging, and each fault knob the sync must survive.

use std::collections::BTreeSet;
use std::time::Duration;

use chariot_jamf::inventory::InventoryQuery;
use chariot_jamf::{ClientOptions, Credentials, JamfClient, JamfError, Secret, ServerUrl};
use chariot_sim::{FaultConfig, RunningSim};
use chariot_testkit::client::{Account, client_with, quick_retry};
use chariot_testkit::sim::sim_of;
use rstest::rstest;

fn fast_options() -> ClientOptions {
    ClientOptions {
        request_timeout: Duration::from_secs(10),
        retry: quick_retry(Duration::from_millis(20), Duration::from_millis(200)),
        ..ClientOptions::default()
    }
}

/// A client of the simulator with [`fast_options`].
fn client(sim: &RunningSim, account: Account) -> JamfClient {
    client_with(sim, account, fast_options())
}

async fn ids(list: &[chariot_jamf::models::InventoryRecord]) -> BTreeSet<String> {
    list.iter().map(|r| r.mobile_device_id.clone()).collect()
}

#[rstest]
#[case::user(Account::User)]
#[case::api_client(Account::ApiClient)]
#[tokio::test(flavor = "multi_thread")]
async fn signs_in_and_reads_the_version(#[case] account: Account) {
    let sim = sim_of(0).await;
    let c = client(&sim, account);
    let v = c.version().await.unwrap();
    assert!(v.at_least(10, 49), "{v}");
    c.sign_out().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_password_is_an_auth_error_without_the_secret() {
    let sim = sim_of(0).await;
    let c = JamfClient::new(
        ServerUrl::parse(&sim.base_url()).unwrap(),
        Credentials::User {
            username: "chariot-demo".into(),
            password: Secret::new("wrong-pass-123"),
        },
        fast_options(),
    )
    .unwrap();
    let err = c.version().await.unwrap_err();
    assert!(matches!(err, JamfError::Unauthorized { .. }), "{err:?}");
    assert!(!err.to_string().contains("wrong-pass-123"));
}

/// Whatever the page size and the count the caller expects (none, too few, exact, more
/// than the window of pages in flight, far more than the fleet): every device once.
#[rstest]
#[case::small_pages(7, 0)]
#[case::default_pages(500, 0)]
#[case::over_the_clamp(5000, 0)]
#[case::expecting_fewer(7, 50)]
#[case::expecting_exactly(7, 230)]
#[case::expecting_past_the_window(7, 5000)]
#[case::expecting_more_than_there_are(500, 10_000)]
#[tokio::test(flavor = "multi_thread")]
async fn pages_return_every_device_once(#[case] page_size: u32, #[case] expected: u64) {
    let sim = sim_of(230).await;
    let c = client(&sim, Account::User);
    let mut last = None;
    let records = c
        .fetch_inventory(
            &InventoryQuery {
                page_size,
                expected,
                ..InventoryQuery::default()
            },
            |p| last = Some(p),
        )
        .await
        .unwrap();
    let list = c.device_list().await.unwrap();
    assert_eq!(records.len(), list.len());
    assert_eq!(
        ids(&records).await,
        list.iter().map(|d| d.id.clone()).collect::<BTreeSet<_>>()
    );
    let p = last.unwrap();
    assert_eq!(p.fetched, p.total);
    let r = &records[0];
    assert!(r.general.as_ref().unwrap().display_name.is_some());
    assert!(r.hardware.as_ref().unwrap().serial_number.is_some());
}

#[tokio::test(flavor = "multi_thread")]
async fn filters_with_rsql() {
    let sim = sim_of(0).await;
    let c = client(&sim, Account::ApiClient);
    let all = c
        .fetch_inventory(&InventoryQuery::default(), |_| {})
        .await
        .unwrap();
    let supervised = c
        .fetch_inventory(
            &InventoryQuery {
                filter: Some("supervised==true".into()),
                ..InventoryQuery::default()
            },
            |_| {},
        )
        .await
        .unwrap();
    let expected = all
        .iter()
        .filter(|r| r.general.as_ref().and_then(|g| g.supervised) == Some(true))
        .count();
    assert_eq!(supervised.len(), expected);
    assert!(expected > 0 && expected <= all.len());
}

fn fault(name: &str) -> FaultConfig {
    let mut f = FaultConfig::default();
    f.set_rate(name, if name == "timeout" { 0.3 } else { 0.25 })
        .unwrap();
    f.retry_after_secs = 0;
    f.timeout_hold = Duration::from_millis(200);
    f
}

/// More devices than one page of the light list holds (the server caps pages at 2000): the
/// pages after the first are read together, and every device comes back once, whatever
/// the count the caller expected (none, too few: read on; exact; too many: empty pages).
#[rstest]
#[case::no_guess(None)]
#[case::too_few(Some(100))]
#[case::exact(Some(4500))]
#[case::too_many(Some(10_000))]
#[tokio::test(flavor = "multi_thread")]
async fn the_device_list_reads_every_page_of_a_district(#[case] expected: Option<u64>) {
    let sim = sim_of(4500).await;
    let c = client(&sim, Account::User);
    let list = match expected {
        None => c.device_list().await.unwrap(),
        Some(n) => c.device_list_of_about(n).await.unwrap(),
    };
    assert_eq!(list.len(), 4500);
    let distinct: BTreeSet<&str> = list.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(distinct.len(), 4500);
}

#[rstest]
#[case("429")]
#[case("500")]
#[case("502")]
#[case("503")]
#[case("504")]
#[case("reset")]
#[case("timeout")]
#[case("truncate")]
#[case("html")]
#[tokio::test(flavor = "multi_thread")]
async fn survives_each_fault_with_exactly_the_fleet(#[case] name: &str) {
    let sim = sim_of(300).await;
    let c = client(&sim, Account::User);
    let expected: BTreeSet<String> = c
        .device_list()
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.id)
        .collect();
    sim.faults().set(fault(name));
    let records = c
        .fetch_inventory(
            &InventoryQuery {
                page_size: 40,
                ..InventoryQuery::default()
            },
            |_| {},
        )
        .await
        .unwrap_or_else(|e| panic!("fault {name}: {e}"));
    sim.faults().clear();
    assert_eq!(ids(&records).await, expected, "fault {name}");
}

#[tokio::test(flavor = "multi_thread")]
async fn token_expiry_mid_run_is_handled_by_signing_in_again() {
    let sim = sim_of(120).await;
    let c = client(&sim, Account::User);
    c.sign_in().await.unwrap();
    sim.faults().expire_tokens_now();
    let records = c
        .fetch_inventory(
            &InventoryQuery {
                page_size: 30,
                ..InventoryQuery::default()
            },
            |_| {},
        )
        .await
        .unwrap();
    assert_eq!(records.len(), 120);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_that_always_fails_gives_a_clear_error() {
    let sim = sim_of(0).await;
    let c = client(&sim, Account::User);
    let mut f = FaultConfig::default();
    f.set_rate("503", 1.0).unwrap();
    sim.faults().set(f);
    let err = c.version().await.unwrap_err();
    assert!(err.is_transient(), "{err:?}");
    assert!(err.to_string().contains("503"), "{err}");
}

/// The caller hears once that every page has arrived, with the total, before the last page is
/// given to the sink (its next read can start while the sink stores the rest); then every
/// page is still given to the sink.
#[rstest]
#[case::many_pages(10, 23)]
#[case::one_page(500, 1)]
#[tokio::test(flavor = "multi_thread")]
async fn the_caller_hears_when_every_page_has_arrived(#[case] page_size: u32, #[case] pages: u32) {
    let sim = sim_of(230).await;
    let c = client(&sim, Account::User);
    let mut sunk = 0u32;
    let mut heard: Vec<(u64, u32)> = Vec::new();
    let sunk_cell = std::cell::Cell::new(0u32);
    let progress = c
        .fetch_inventory_pages_then(
            &InventoryQuery {
                page_size,
                ..InventoryQuery::default()
            },
            |records| records.len(),
            |count, _| {
                sunk += 1;
                sunk_cell.set(sunk);
                assert!(count > 0);
                Ok::<_, std::convert::Infallible>(())
            },
            |total| heard.push((total, sunk_cell.get())),
        )
        .await
        .unwrap();
    assert_eq!(progress.fetched, 230);
    assert_eq!(sunk, pages);
    assert_eq!(heard.len(), 1, "{heard:?}");
    let (total, sunk_then) = heard[0];
    assert_eq!(total, 230);
    if pages > 1 {
        assert!(sunk_then < pages, "heard after the last page was stored");
    }
}

/// Pages bigger than the edge lets through time out (504 after a hold). The page that timed
/// out is asked again in smaller pieces that still start on a multiple of their size — an odd
/// size cannot be halved (333 is read as 3 × 111) — so every device comes back exactly once;
/// and the smaller size holds for the rest of the read: only the first page waits out a
/// gateway timeout, not every page.
#[rstest]
#[case::odd_size(333, 200)]
#[case::even_size(500, 250)]
#[case::twice_smaller(400, 150)]
#[case::odd_after_halving(500, 100)]
#[tokio::test(flavor = "multi_thread")]
async fn pages_too_big_for_the_edge_are_asked_smaller_for_the_rest_of_the_read(
    #[case] page_size: u32,
    #[case] edge_max: u32,
) {
    let sim = sim_of(2000).await;
    sim.faults().update(|f| {
        f.max_detail_page = Some(edge_max);
        f.timeout_hold = Duration::from_millis(20);
    });
    let c = client(&sim, Account::ApiClient);
    let all = c
        .fetch_inventory(
            &InventoryQuery {
                page_size,
                ..InventoryQuery::default()
            },
            |_| {},
        )
        .await
        .unwrap();
    assert_eq!(all.len(), 2000, "every device, once");
    assert_eq!(ids(&all).await.len(), 2000, "no device twice");
    let too_big = sim.faults().pages_too_big();
    // One timeout per size tried on the first page (500 → 250 → 125 → 25 at most).
    assert!(
        (1..=3).contains(&too_big),
        "{too_big} pages waited out a gateway timeout: the smaller size was not kept"
    );
}
