//! What the daily screens read, end to end: the demo school (the simulator in-process), a sync
//! into a real file, then the inventory, dashboard, device detail, history and export as the
//! app's commands call them. Plus the "Tester" check in its three outcomes.

use chariot_core::ErrorCode;
use chariot_core::connection::{self, check, sync_profile};
use chariot_core::demo::DemoSchool;
use chariot_core::export::ExportFormat;
use chariot_core::ipc::ExportRequest;
use chariot_core::locale::Lang;
use chariot_core::profiles::{AuthKind, ServerProfile};
use chariot_core::sync::{CancelFlag, SyncKind};
use chariot_core::views::{
    self, InventoryColumn, InventoryFilter, InventoryRequest, InventoryResult, InventorySort,
};
use chariot_jamf::Secret;
use chariot_store::Store;
use chariot_testkit::home::home;
use chariot_testkit::sim::sim;
use chariot_testkit::sync::sync_demo_profile;
use chrono::{Duration, Utc};

async fn synced_demo() -> (DemoSchool, tempfile::TempDir, std::path::PathBuf) {
    let school = DemoSchool::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let mut reports = 0;
    let outcome = sync_profile(
        &school.client().unwrap(),
        &ServerProfile::demo("Démo"),
        &db,
        false,
        |_| reports += 1,
        &CancelFlag::default(),
    )
    .await;
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    assert_eq!(outcome.kind, Some(SyncKind::Full));
    assert!(outcome.device_count >= 38, "the demo collège has two carts");
    assert!(reports > 0, "progress was reported");
    (school, dir, db)
}

/// The first `first_rows` rows `filter` keeps, in the default order.
fn filtered(
    store: &Store,
    filter: InventoryFilter,
    first_rows: u32,
    stale_before: chrono::DateTime<Utc>,
) -> InventoryResult {
    views::inventory::query(
        store,
        &InventoryRequest {
            filter,
            first_rows,
            ..Default::default()
        },
        stale_before,
    )
    .unwrap()
}

#[tokio::test]
async fn the_demo_school_feeds_every_screen() {
    let (school, dir, db) = synced_demo().await;
    let store = Store::open(&db).unwrap();
    let stale_before = Utc::now() - Duration::days(7);

    // Inventory: ids of all devices, the first rows, sorted by name.
    let all = views::inventory::query(
        &store,
        &InventoryRequest {
            first_rows: 10,
            ..Default::default()
        },
        stale_before,
    )
    .unwrap();
    assert_eq!(all.total as usize, all.ids.len());
    assert_eq!(all.rows.len(), 10);
    let names: Vec<_> = all.rows.iter().map(|r| r.name.to_lowercase()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);

    // The stale filter matches the rows marked stale, and the dashboard counts the same.
    let stale = filtered(
        &store,
        InventoryFilter {
            stale: Some(true),
            ..Default::default()
        },
        1000,
        stale_before,
    );
    assert!(
        stale.total > 0,
        "the demo school has devices that stopped reporting"
    );
    assert!(stale.rows.iter().all(|r| r.stale));
    let dash = views::dashboard::dashboard(&store, 7, Utc::now(), None).unwrap();
    assert_eq!(dash.total, all.total);
    assert_eq!(dash.stale, stale.total);
    assert_eq!(dash.by_role.iter().map(|c| c.count).sum::<u32>(), all.total);
    let carts: u32 = dash.by_cart.iter().map(|c| c.count).sum();
    assert!(dash.by_cart.len() >= 2 && carts > 0);

    // A search by serial finds exactly that device; its detail has the same serial.
    let first = &all.rows[0];
    let serial = first.serial_number.clone().unwrap();
    let found = views::inventory::query(
        &store,
        &InventoryRequest {
            filter: InventoryFilter {
                search: Some(serial.clone()),
                ..Default::default()
            },
            sort: InventorySort::Serial,
            first_rows: 5,
            ..Default::default()
        },
        stale_before,
    )
    .unwrap();
    assert_eq!(found.ids, std::slice::from_ref(&first.id));
    let detail = views::device::detail(&store, &first.id, stale_before).unwrap();
    assert_eq!(
        detail.summary.serial_number.as_deref(),
        Some(serial.as_str())
    );
    assert!(
        !detail.catalog_apps.is_empty() || !detail.other_apps.is_empty(),
        "apps are listed"
    );
    let missing = views::device::detail(&store, "no-such-device", stale_before).unwrap_err();
    assert_eq!(missing.code, ErrorCode::NotFound);

    // History: never read, then read from the server and cached.
    assert!(
        views::device::history(&store, &first.id)
            .unwrap()
            .fetched_at
            .is_none()
    );
    connection::refresh_history(&school.client().unwrap(), &db, &first.id)
        .await
        .unwrap();
    let history = views::device::history(&store, &first.id).unwrap();
    assert!(history.fetched_at.is_some());
    let names: Vec<_> = history.entries.iter().map(|e| e.command.as_str()).collect();
    assert!(names.contains(&"UpdateInventory"), "{names:?}");
    assert!(history.entries.iter().all(|e| e.date.is_some()));
    // A lost device of the demo has a failed location request, with the device's error text.
    let lost = filtered(
        &store,
        InventoryFilter {
            lost_mode: Some(true),
            ..Default::default()
        },
        1,
        stale_before,
    );
    let lost_id = lost.ids.first().expect("the demo school has a lost device");
    connection::refresh_history(&school.client().unwrap(), &db, lost_id)
        .await
        .unwrap();
    let failed: Vec<_> = views::device::history(&store, lost_id)
        .unwrap()
        .entries
        .into_iter()
        .filter(|e| e.status == views::HistoryStatus::Failed)
        .collect();
    assert_eq!(failed.len(), 1);
    assert!(
        failed[0]
            .error
            .as_deref()
            .unwrap_or("")
            .contains("location")
    );

    // Export exactly the rows and columns asked, in that order.
    let path = dir.path().join("inventaire.csv");
    let result = chariot_core::export::export_to_file(
        &store,
        &ExportRequest {
            ids: found.ids.clone(),
            columns: vec![InventoryColumn::Serial, InventoryColumn::Name],
            format: ExportFormat::Csv,
            excel: false,
            path: path.display().to_string(),
        },
        Lang::Fr,
    )
    .unwrap();
    assert_eq!(result.rows, 1);
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<_> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[1].starts_with(&serial), "{text}");
    assert!(lines[1].contains(&first.name));
    school.stop().await;
}

#[tokio::test]
async fn a_second_sync_is_incremental_and_a_stopped_school_fails_as_network() {
    let (school, _dir, db) = synced_demo().await;
    let client = school.client().unwrap();
    let again = sync_demo_profile(&client, &db).await;
    assert_eq!(again.kind, Some(SyncKind::Incremental));
    school.stop().await;
    let offline = sync_demo_profile(&client, &db).await;
    assert_eq!(offline.error.map(|e| e.code), Some(ErrorCode::Network));
    // The snapshot is still there to browse.
    let store = Store::open(&db).unwrap();
    assert!(store.current_snapshot().unwrap().is_some());
}

#[tokio::test]
async fn the_test_button_says_which_step_failed() {
    let school = DemoSchool::start().await.unwrap();
    let ok = check(&school.client().unwrap()).await;
    assert!(ok.ok(), "{ok:?}");
    assert!(ok.version.is_some());
    assert!(ok.privileges.iter().all(|p| p.granted));

    // An account without the groups privilege: signed in, but told exactly what to grant.
    let sim = sim().await;
    sim.faults()
        .update(|f| f.denied_privileges = vec!["Read Smart Mobile Device Groups".into()]);
    let c = sim.credentials();
    let limited = connection::client(
        connection::parse_server(&sim.base_url()).unwrap(),
        AuthKind::ApiClient,
        &c.client_id,
        Secret::new(c.client_secret.clone()),
    )
    .unwrap();
    let partial = check(&limited).await;
    assert!(partial.signed_in && !partial.ok());
    let granted: Vec<_> = partial
        .privileges
        .iter()
        .map(|p| (p.needed_for.as_str(), p.granted))
        .collect();
    assert_eq!(granted, [("inventory", true), ("groups", false)]);
    let problem = partial.problem.unwrap();
    assert_eq!(problem.code, ErrorCode::Auth);
    assert!(
        problem
            .hint
            .unwrap()
            .contains("Read Smart Mobile Device Groups")
    );
    // Without the inventory privilege the sync fails as an access problem, nothing is kept.
    sim.faults()
        .update(|f| f.denied_privileges = vec!["Read Mobile Devices".into()]);
    let dir = home();
    let refused = sync_demo_profile(&limited, &dir.path().join("refused.db")).await;
    assert_eq!(refused.error.map(|e| e.code), Some(ErrorCode::Auth));
    sim.shutdown().await;

    let server = connection::parse_server(&school.base_url()).unwrap();
    let wrong = connection::client(
        server.clone(),
        AuthKind::User,
        "admin",
        Secret::new("not-the-password"),
    )
    .unwrap();
    let refused = check(&wrong).await;
    assert!(refused.reachable && !refused.signed_in);
    assert_eq!(refused.problem.map(|p| p.code), Some(ErrorCode::Auth));

    school.stop().await;
    let gone = connection::client(server, AuthKind::User, "admin", Secret::new("x")).unwrap();
    let unreachable = check(&gone).await;
    assert!(!unreachable.reachable);
    assert_eq!(
        unreachable.problem.map(|p| p.code),
        Some(ErrorCode::Network)
    );

    let insecure = connection::parse_server("http://ecollege31.jamfcloud.com").unwrap_err();
    assert_eq!(insecure.code, ErrorCode::InvalidInput);
    assert!(insecure.hint.is_some());
}

/// "Tester" says what failed as data the UI words in French: the kind of problem and its
/// facts (the host, the privilege and the account), not only an English sentence.
#[tokio::test]
async fn the_test_button_says_what_failed_as_data() {
    use chariot_core::ErrorDetail;
    let sim = chariot_sim::start(chariot_sim::SimConfig::default())
        .await
        .unwrap();
    let server = connection::parse_server(&sim.base_url()).unwrap();
    let host = server.host().to_owned();
    let c = sim.credentials();

    let wrong = connection::client(
        server.clone(),
        AuthKind::ApiClient,
        &c.client_id,
        Secret::new("not-the-secret"),
    )
    .unwrap();
    let refused = check(&wrong).await.problem.unwrap();
    assert_eq!(
        refused.detail,
        Some(ErrorDetail::WrongCredentials { host: host.clone() })
    );
    let json = serde_json::to_value(&refused).unwrap();
    assert_eq!(json["detail"]["kind"], "wrong_credentials");

    sim.faults()
        .update(|f| f.denied_privileges = vec!["Read Smart Mobile Device Groups".into()]);
    let limited = connection::client(
        server.clone(),
        AuthKind::ApiClient,
        &c.client_id,
        Secret::new(c.client_secret.clone()),
    )
    .unwrap();
    let missing = check(&limited).await.problem.unwrap();
    assert_eq!(
        missing.detail,
        Some(ErrorDetail::MissingPrivilege {
            privilege: "Read Smart Mobile Device Groups".into(),
            account: c.client_id.clone(),
        })
    );
    let json = serde_json::to_value(&missing).unwrap();
    assert_eq!(json["detail"]["kind"], "missing_privilege");
    assert_eq!(
        json["detail"]["privilege"],
        "Read Smart Mobile Device Groups"
    );

    sim.shutdown().await;
    let gone =
        connection::client(server, AuthKind::ApiClient, &c.client_id, Secret::new("x")).unwrap();
    let unreachable = check(&gone).await.problem.unwrap();
    assert_eq!(unreachable.detail, Some(ErrorDetail::Unreachable { host }));

    let insecure = connection::parse_server("http://ecollege31.jamfcloud.com").unwrap_err();
    assert!(
        matches!(
            insecure.detail,
            Some(ErrorDetail::InsecureServerUrl { ref url }) if url.contains("ecollege31")
        ),
        "{insecure:?}"
    );
}
