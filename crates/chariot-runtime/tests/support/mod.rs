//! A host for tests: records every event, runs background work on the test's tokio runtime,
//! keeps settings and databases in a temp home of its own (no process-wide CHARIOT_HOME, so
//! the cases run independently and in parallel), and can freeze its clock.

#![allow(dead_code)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chariot_core::ConsolePaths;
use chariot_runtime::{App, BoxFuture, Event, Host};
use chrono::{DateTime, Utc};
use rstest::fixture;
use serde_json::Value;

#[derive(Clone, Default)]
pub struct TestHost {
    events: Arc<Mutex<Vec<Event>>>,
    clock: Arc<Mutex<Option<DateTime<Utc>>>>,
}

impl Host for TestHost {
    fn emit(&self, event: Event) {
        self.events.lock().unwrap().push(event);
    }

    fn spawn(&self, task: BoxFuture<()>) {
        tokio::spawn(task);
    }

    fn now(&self) -> DateTime<Utc> {
        self.clock.lock().unwrap().unwrap_or_else(Utc::now)
    }
}

impl TestHost {
    pub fn events(&self) -> Vec<Event> {
        self.events.lock().unwrap().clone()
    }

    pub fn freeze_clock(&self, at: DateTime<Utc>) {
        *self.clock.lock().unwrap() = Some(at);
    }
}

/// An app over a temp home; the folder lives as long as the value.
pub struct TestApp {
    pub app: App<TestHost>,
    pub host: TestHost,
    pub home: tempfile::TempDir,
}

impl TestApp {
    /// Calls a command as the window does, by name, with its request as JSON.
    pub async fn call(&self, command: &str, request: Value) -> Result<Value, Value> {
        self.app
            .dispatch(command, request)
            .await
            .map_err(|e| serde_json::to_value(e).unwrap())
    }

    /// Waits until no sync runs (the sync runs in a background task), then the status.
    pub async fn sync_finished(&self) -> Value {
        for _ in 0..600 {
            let status = self.call("app_status", Value::Null).await.unwrap();
            if status["sync"]["running"] == false {
                return status;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the sync did not finish within 30 s");
    }
}

#[fixture]
pub fn test_app() -> TestApp {
    let home = tempfile::tempdir().unwrap();
    let paths = ConsolePaths {
        config_dir: home.path().join("config"),
        data_dir: home.path().join("data"),
        log_dir: home.path().join("logs"),
    };
    let host = TestHost::default();
    let app = App::open(host.clone(), paths, Some("fr-FR".into()));
    TestApp { app, host, home }
}
