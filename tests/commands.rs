//! The real IPC commands through Tauri's MockRuntime (no window, no display): argument names,
//! responses and the `{code, message, hint, retryable}` error shape as the UI receives them.

mod support;

use std::sync::{Arc, Mutex};

use serde_json::{Value, json};
use support::{App, invoke, wait_for_sync};
use tauri::Listener;

/// One test: CHARIOT_HOME is process-wide, so the steps share one app and run in order.
#[test]
fn commands_read_and_write_the_console_through_ipc() {
    let home = tempfile::tempdir().unwrap();
    // SAFETY: set before the app (the only reader) starts; this test binary has no other threads
    // reading the environment.
    unsafe { std::env::set_var("CHARIOT_HOME", home.path()) };
    let exports = tempfile::tempdir().unwrap();
    // SAFETY: as above.
    unsafe { std::env::set_var("CHARIOT_EXPORT_DIR", exports.path()) };

    let App { app, window } = App::start();

    // A first start: empty local database under CHARIOT_HOME, nothing synced.
    let status = invoke(&window, "app_status", json!({})).expect("app_status");
    assert_eq!(status["connection"], "not_configured");
    assert_eq!(status["snapshot"]["syncedAt"], Value::Null);
    assert_eq!(status["problems"], json!([]));
    let db = home.path().join("data/profiles/local.db");
    assert_eq!(status["databasePath"], db.display().to_string());
    assert!(db.exists());

    // Switching language is saved and reflected.
    let status = invoke(
        &window,
        "set_language",
        json!({"request": {"language": "en"}}),
    )
    .expect("set_language");
    assert_eq!(status["language"], "en");
    assert_eq!(status["languagePref"], "en");
    let saved = std::fs::read_to_string(home.path().join("config/settings.json")).unwrap();
    assert!(saved.contains("\"en\""), "{saved}");

    // A failure crosses as the typed error, with a hint, and changes nothing.
    std::fs::remove_file(home.path().join("config/settings.json")).unwrap();
    std::fs::create_dir(home.path().join("config/settings.json")).unwrap();
    let err = invoke(
        &window,
        "set_language",
        json!({"request": {"language": "fr"}}),
    )
    .expect_err("saving into a directory must fail");
    assert_eq!(err["code"], "io");
    assert_eq!(err["retryable"], false);
    assert!(err["message"].as_str().unwrap().contains("settings.json"));
    assert!(err["hint"].is_string());
    let status = invoke(&window, "app_status", json!({})).unwrap();
    assert_eq!(status["language"], "en");

    std::fs::remove_dir(home.path().join("config/settings.json")).unwrap();

    // Every status the window is sent, to see what it shows while the sync runs.
    let statuses: Arc<Mutex<Vec<Value>>> = Arc::default();
    {
        let statuses = statuses.clone();
        app.listen_any(chariot_core::ipc::events::STATUS_CHANGED, move |event| {
            if let Ok(status) = serde_json::from_str::<Value>(event.payload()) {
                statuses.lock().unwrap().push(status);
            }
        });
    }

    // The demo school: start_demo returns at once with the sync running, and the sync ends.
    let status = invoke(&window, "start_demo", json!({})).expect("start_demo");
    assert_eq!(status["profile"]["demo"], true);
    assert_eq!(status["connection"], "demo");
    let status = wait_for_sync(&window);
    assert_eq!(status["sync"]["last"]["error"], Value::Null, "{status}");
    let count = status["snapshot"]["deviceCount"].as_u64().unwrap();
    assert!(count >= 38, "{status}");
    // The new inventory reached the window at its publication, before the lost devices'
    // positions were read (the sync still running).
    assert!(
        statuses
            .lock()
            .unwrap()
            .iter()
            .any(|s| s["sync"]["running"] == true && s["snapshot"]["deviceCount"] == count),
        "no status showed the published snapshot while the positions were read"
    );
    assert!(
        status["databasePath"]
            .as_str()
            .unwrap()
            .ends_with("demo.db"),
        "the demo has its own database"
    );

    // The screens read it through the commands, with the argument names the UI sends.
    let result = invoke(
        &window,
        "inventory_query",
        json!({"request": {"filter": {"stale": true}, "sort": "last_inventory", "descending": false, "firstRows": 3}}),
    )
    .expect("inventory_query");
    let ids: Vec<String> = serde_json::from_value(result["ids"].clone()).unwrap();
    assert!(
        !ids.is_empty() && result["rows"][0]["stale"] == true,
        "{result}"
    );
    let rows = invoke(
        &window,
        "inventory_rows",
        json!({"request": {"ids": [ids[0]]}}),
    )
    .unwrap();
    assert_eq!(rows[0]["id"], ids[0].as_str());
    let detail = invoke(&window, "device_detail", json!({"request": {"id": ids[0]}})).unwrap();
    assert_eq!(detail["summary"]["id"], ids[0].as_str());
    let dash = invoke(&window, "dashboard", json!({})).unwrap();
    assert_eq!(dash["total"].as_u64(), Some(count));
    assert_eq!(dash["stale"].as_u64(), Some(ids.len() as u64));

    // Export through the (scripted) save dialog.
    let path = invoke(
        &window,
        "choose_export_path",
        json!({"request": {"defaultName": "inventaire.csv"}}),
    )
    .unwrap();
    let written = invoke(
        &window,
        "export_inventory",
        json!({"request": {"ids": ids, "columns": ["name", "serial"], "format": "csv", "excel": true, "path": path}}),
    )
    .unwrap();
    let text = std::fs::read_to_string(written["path"].as_str().unwrap()).unwrap();
    assert!(text.starts_with('\u{feff}'), "Excel mode writes a BOM");
    assert_eq!(text.lines().count(), ids.len() + 1);

    // A network cut: the next sync fails as such, the app says offline, the snapshot stays.
    invoke(
        &window,
        "set_demo_network",
        json!({"request": {"online": false}}),
    )
    .unwrap();
    invoke(&window, "start_sync", json!({"request": {"full": false}})).unwrap();
    let status = wait_for_sync(&window);
    assert_eq!(status["connection"], "offline", "{status}");
    assert_eq!(status["sync"]["last"]["error"]["code"], "network");
    assert_eq!(status["snapshot"]["deviceCount"].as_u64(), Some(count));
    invoke(
        &window,
        "set_demo_network",
        json!({"request": {"online": true}}),
    )
    .unwrap();
    invoke(&window, "start_sync", json!({"request": {}})).unwrap();
    let status = wait_for_sync(&window);
    assert_eq!(status["connection"], "demo", "{status}");
    assert_eq!(status["sync"]["last"]["kind"], "incremental");

    // Settings: a bad threshold is refused with a hint; columns keep the name first.
    let err = invoke(
        &window,
        "update_settings",
        json!({"request": {"staleAfterDays": 0}}),
    )
    .expect_err("0 days is refused");
    assert_eq!(err["code"], "invalid_input");
    let status = invoke(
        &window,
        "update_settings",
        json!({"request": {"inventoryColumns": ["serial", "battery"]}}),
    )
    .unwrap();
    assert_eq!(
        status["settings"]["inventoryColumns"],
        json!(["name", "serial", "battery"])
    );

    // Deleting the demo profile removes its database and returns to the first-launch state.
    let status = invoke(
        &window,
        "delete_profile",
        json!({"request": {"id": "demo"}}),
    )
    .unwrap();
    assert_eq!(status["connection"], "not_configured");
    assert!(!home.path().join("data/profiles/demo.db").exists());

    // Logs went to the app's log folder, not to the user's real one.
    assert!(
        home.path()
            .join("logs")
            .read_dir()
            .unwrap()
            .next()
            .is_some()
    );
}
