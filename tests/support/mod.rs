//! The app through Tauri's MockRuntime, shared by the command tests.

#![allow(dead_code)]

use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

/// The app with its console open (under `CHARIOT_HOME`) and a main window to invoke through.
pub struct App {
    pub app: tauri::App<MockRuntime>,
    pub window: WebviewWindow<MockRuntime>,
}

impl App {
    pub fn start() -> App {
        let app = chariot_app::setup(mock_builder())
            .build(mock_context(noop_assets()))
            .expect("app builds");
        chariot_app::initialise(app.handle()).expect("console opens");
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        App { app, window }
    }
}

/// Calls a command as the UI does; `Err` carries the serialised `AppError`.
pub fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
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

/// Polls the status until no sync runs (the sync runs on the async runtime).
pub fn wait_for_sync(window: &WebviewWindow<MockRuntime>) -> Value {
    for _ in 0..300 {
        let status = invoke(window, "app_status", json!({})).unwrap();
        if status["sync"]["running"] == false {
            return status;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("the sync did not finish within 30 s");
}
