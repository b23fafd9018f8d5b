//! A real server profile through the app's commands, with the secret in the real OS keychain.
//! Ignored by default: it needs an unlocked Secret Service on Linux; `cargo xtask test` runs it
//! inside a private D-Bus session with GNOME Keyring unlocked.

mod support;

use chariot_core::secrets::Keychain;
use serde_json::json;
use support::{App, invoke, wait_for_sync};

#[test]
#[ignore = "needs an unlocked OS keychain (cargo xtask test provides one)"]
fn a_saved_server_keeps_its_secret_in_the_keychain_only() {
    let home = tempfile::tempdir().unwrap();
    // SAFETY: set before the app (the only reader) starts; no other thread reads it.
    unsafe { std::env::set_var("CHARIOT_HOME", home.path()) };
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let sim = runtime
        .block_on(chariot_sim::start(chariot_sim::SimConfig::default()))
        .unwrap();
    let creds = sim.credentials();
    let App { app: _app, window } = App::start();

    // "Tester" with the typed password, then "Enregistrer": the first sync starts by itself.
    let draft = json!({
        "id": null, "label": "Collège de test", "serverUrl": sim.base_url(), "auth": "user",
        "account": creds.username, "secret": creds.password,
    });
    let check = invoke(&window, "test_connection", json!({ "request": draft })).unwrap();
    assert_eq!(check["signedIn"], true, "{check}");
    assert_eq!(check["problem"], serde_json::Value::Null, "{check}");
    let status = invoke(&window, "save_profile", json!({ "request": draft })).unwrap();
    let id = status["profile"]["id"].as_str().unwrap().to_owned();
    assert_eq!(status["connection"], "online");
    let status = wait_for_sync(&window);
    assert_eq!(
        status["sync"]["last"]["error"],
        serde_json::Value::Null,
        "{status}"
    );
    assert!(status["snapshot"]["deviceCount"].as_u64().unwrap() >= 38);

    // The secret is in the keychain, and in no file Chariot wrote.
    let server = status["profile"]["serverUrl"].as_str().unwrap().to_owned();
    let saved = Keychain::default().load(&server, &creds.username).unwrap();
    assert_eq!(saved.expose(), creds.password);
    for entry in walk(home.path()) {
        let bytes = std::fs::read(&entry).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(&creds.password),
            "the password leaked into {}",
            entry.display()
        );
    }

    // Editing without retyping the secret uses the keychain's.
    let edit = json!({
        "id": id, "label": "Collège de test", "serverUrl": sim.base_url(), "auth": "user",
        "account": creds.username, "secret": null,
    });
    let check = invoke(&window, "test_connection", json!({ "request": edit })).unwrap();
    assert_eq!(check["signedIn"], true, "{check}");

    // A wrong password is refused by the server, and says so.
    let wrong = json!({
        "id": null, "label": "", "serverUrl": sim.base_url(), "auth": "user",
        "account": creds.username, "secret": "not-the-password",
    });
    let check = invoke(&window, "test_connection", json!({ "request": wrong })).unwrap();
    assert_eq!(check["reachable"], true);
    assert_eq!(check["signedIn"], false);
    assert_eq!(check["problem"]["code"], "auth");

    // Deleting the server forgets its secret and its snapshot.
    let status = invoke(
        &window,
        "delete_profile",
        json!({ "request": { "id": id } }),
    )
    .unwrap();
    assert_eq!(status["connection"], "not_configured");
    assert!(Keychain::default().load(&server, &creds.username).is_err());
    runtime.block_on(sim.shutdown());
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}
