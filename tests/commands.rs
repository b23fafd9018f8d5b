//! The real IPC commands through Tauri's MockRuntime (no window, no display): argument names,
//! responses and the `{code, message, hint, retryable}` error shape as the UI receives them.

use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

fn invoke(
    window: &WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
    tauri::test::get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

/// One test: CHARIOT_HOME is process-wide, so the steps share one app and run in order.
#[test]
fn commands_read_and_write_the_console_through_ipc() {
    let home = tempfile::tempdir().unwrap();
    // SAFETY: set before the app (the only reader) starts; this test binary has no other threads
    // reading the environment.
    unsafe { std::env::set_var("CHARIOT_HOME", home.path()) };

    let app = chariot_app::setup(mock_builder())
        .build(mock_context(noop_assets()))
        .expect("app builds");
    chariot_app::initialise(app.handle()).expect("console opens");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();

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
