//! The app layer as every host gets it, through the contract's dispatcher: real syncs and jobs
//! against the demonstration school (chariot-sim over loopback HTTP), real SQLite files, one
//! temp home per case.

mod support;

use std::time::Duration;

use chariot_runtime::Event;
use rstest::rstest;
use serde_json::{Value, json};
use support::{TestApp, test_app};

#[rstest]
#[tokio::test(flavor = "multi_thread")]
async fn a_first_start_has_no_server_and_says_so_when_asked_to_sync(test_app: TestApp) {
    let status = test_app.call("app_status", Value::Null).await.unwrap();
    assert_eq!(status["connection"], "not_configured");
    assert!(test_app.home.path().join("data/profiles/local.db").exists());
    for (command, request) in [
        ("start_sync", json!({"full": false})),
        ("refresh_device_history", json!({"id": "1"})),
        ("available_os_updates", Value::Null),
        ("retry_job", json!({"id": 1, "states": ["failed"]})),
    ] {
        let err = test_app.call(command, request).await.unwrap_err();
        assert_eq!(err["code"], "not_configured", "{command}: {err}");
        assert_eq!(err["message"], "no server is configured yet", "{command}");
    }
    assert!(test_app.host.events().is_empty(), "a refusal emits nothing");
}

#[rstest]
#[tokio::test(flavor = "multi_thread")]
async fn the_contract_refuses_an_unknown_command_and_a_malformed_request(test_app: TestApp) {
    let err = test_app
        .call("erase_everything", Value::Null)
        .await
        .unwrap_err();
    assert_eq!(err["code"], "internal");
    let err = test_app
        .call("set_language", json!({"language": 42}))
        .await
        .unwrap_err();
    assert_eq!(err["code"], "invalid_input");
    let status = test_app.call("app_status", Value::Null).await.unwrap();
    assert_eq!(status["languagePref"], "system", "nothing changed");
}

#[rstest]
#[tokio::test(flavor = "multi_thread")]
async fn the_demo_syncs_in_the_background_with_throttled_progress(test_app: TestApp) {
    let status = test_app.call("start_demo", Value::Null).await.unwrap();
    assert_eq!(status["sync"]["running"], true);
    assert_eq!(status["profile"]["label"], "École de démonstration");
    // A second request while it runs changes nothing.
    let again = test_app
        .call("start_sync", json!({"full": true}))
        .await
        .unwrap();
    assert_eq!(again["sync"]["running"], true);
    let status = test_app.sync_finished().await;
    assert_eq!(status["sync"]["last"]["error"], Value::Null, "{status}");
    let devices = status["snapshot"]["deviceCount"].as_u64().unwrap();
    assert!(devices > 0);

    let events = test_app.host.events();
    let progress: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            Event::SyncProgress(p) => Some(p.clone()),
            _ => None,
        })
        .collect();
    assert!(!progress.is_empty(), "progress was reported");
    // The last report of the saving phase always goes out, so the bar reaches 100 %.
    assert!(progress.iter().any(|p| p.total > 0 && p.done == p.total));
    let statuses: Vec<Value> = events
        .iter()
        .filter(|e| matches!(e, Event::Status(_)))
        .map(|e| e.payload())
        .collect();
    assert_eq!(statuses.first().unwrap()["sync"]["running"], true);
    assert_eq!(statuses.last().unwrap()["sync"]["running"], false);
    assert_eq!(
        statuses.last().unwrap()["snapshot"]["deviceCount"].as_u64(),
        Some(devices)
    );
}

#[rstest]
#[tokio::test(flavor = "multi_thread")]
async fn servers_cannot_be_switched_or_deleted_while_a_sync_runs(test_app: TestApp) {
    let status = test_app.call("start_demo", Value::Null).await.unwrap();
    let id = status["profile"]["id"].clone();
    for command in ["switch_profile", "delete_profile"] {
        let err = test_app
            .call(command, json!({ "id": id }))
            .await
            .unwrap_err();
        assert_eq!(err["code"], "busy", "{command}: {err}");
    }
    test_app.sync_finished().await;
    let status = test_app.call("app_status", Value::Null).await.unwrap();
    assert_eq!(status["profile"]["id"], id, "still the active profile");
}

#[rstest]
#[case::empty_account(json!({"id": null, "label": "", "serverUrl": "https://ecollege31.jamfcloud.com", "auth": "user", "account": "  ", "secret": "x"}), "the account is empty")]
#[case::no_secret(json!({"id": null, "label": "", "serverUrl": "https://ecollege31.jamfcloud.com", "auth": "user", "account": "0311234A", "secret": ""}), "the password or client secret is empty")]
#[tokio::test(flavor = "multi_thread")]
async fn the_connection_form_is_refused_before_anything_is_saved(
    test_app: TestApp,
    #[case] draft: Value,
    #[case] message: &str,
) {
    for command in ["test_connection", "save_profile"] {
        let err = test_app.call(command, draft.clone()).await.unwrap_err();
        assert_eq!(err["code"], "invalid_input", "{command}");
        assert_eq!(err["message"], message, "{command}");
    }
    let status = test_app.call("app_status", Value::Null).await.unwrap();
    assert_eq!(status["settings"]["profiles"], json!([]));
    assert!(!test_app.home.path().join("config/settings.json").exists());
}

#[rstest]
#[tokio::test(flavor = "multi_thread")]
async fn a_job_is_sent_then_followed_until_every_device_answered(test_app: TestApp) {
    test_app.call("start_demo", Value::Null).await.unwrap();
    test_app.sync_finished().await;
    let found = test_app
        .call(
            "inventory_query",
            json!({"filter": {}, "sort": "name", "descending": false, "firstRows": 2}),
        )
        .await
        .unwrap();
    let ids: Vec<Value> = found["ids"].as_array().unwrap()[..2].to_vec();
    let request =
        json!({"action": {"kind": "updateInventory"}, "deviceIds": ids, "confirmation": null});
    let plan = test_app.call("plan_action", request.clone()).await.unwrap();
    assert_eq!(plan["toSend"], 2, "{plan}");
    let job = test_app.call("start_job", request).await.unwrap();
    let id = job["id"].as_i64().unwrap();

    // Answers arrive as job-changed events, the last one with both devices done.
    let mut done = 0;
    for _ in 0..300 {
        done = test_app
            .host
            .events()
            .iter()
            .filter_map(|e| match e {
                Event::JobChanged(j) if j.id == id => Some(j.counts.done),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        if done == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(done, 2, "both devices answered");
    let view = test_app.call("job", json!({"id": id})).await.unwrap();
    assert_eq!(view["summary"]["counts"]["done"], 2, "{view}");
}

#[rstest]
#[tokio::test(flavor = "multi_thread")]
async fn the_periodic_sync_is_due_by_the_hosts_clock(test_app: TestApp) {
    assert!(!test_app.app.sync_due().unwrap(), "no profile: never due");
    test_app.call("start_demo", Value::Null).await.unwrap();
    let status = test_app.sync_finished().await;
    let finished: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(status["sync"]["last"]["finishedAt"].clone()).unwrap();
    test_app
        .call("update_settings", json!({"autoSyncMinutes": 15}))
        .await
        .unwrap();
    test_app
        .host
        .freeze_clock(finished + chrono::Duration::minutes(14));
    assert!(!test_app.app.sync_due().unwrap());
    test_app
        .host
        .freeze_clock(finished + chrono::Duration::minutes(15));
    assert!(test_app.app.sync_due().unwrap());
    test_app
        .call("update_settings", json!({"autoSyncMinutes": 0}))
        .await
        .unwrap();
    assert!(!test_app.app.sync_due().unwrap(), "0 = never");
}

#[rstest]
#[tokio::test(flavor = "multi_thread")]
async fn the_sync_history_lists_each_attempt_newest_first_with_how_it_ended(test_app: TestApp) {
    let empty = test_app.call("sync_history", Value::Null).await.unwrap();
    assert_eq!(empty, json!([]));
    test_app.call("start_demo", Value::Null).await.unwrap();
    let status = test_app.sync_finished().await;
    let devices = status["snapshot"]["deviceCount"].clone();
    // The network cut: the next sync fails, and says so in the history.
    test_app
        .call("set_demo_network", json!({"online": false}))
        .await
        .unwrap();
    test_app
        .call("start_sync", json!({"full": false}))
        .await
        .unwrap();
    test_app.sync_finished().await;

    let runs = test_app.call("sync_history", Value::Null).await.unwrap();
    let runs = runs.as_array().unwrap();
    assert_eq!(runs.len(), 2, "{runs:?}");
    assert_eq!(runs[0]["status"], "failed", "{runs:?}");
    assert!(runs[0]["error"].as_str().is_some_and(|e| !e.is_empty()));
    assert_eq!(runs[1]["status"], "succeeded");
    assert_eq!(runs[1]["kind"], "full");
    assert_eq!(runs[1]["deviceCount"], devices);
    assert_eq!(runs[1]["added"], devices);
    assert!(runs[1]["finishedAt"].is_string());

    // Exported as the list shows it, in the UI's language (French here).
    let path = test_app.home.path().join("synchronisations.csv");
    let exported = test_app
        .call(
            "export_sync_history",
            json!({ "path": path.display().to_string() }),
        )
        .await
        .unwrap();
    assert_eq!(exported["rows"], 2);
    let csv = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[0].starts_with("Début;Fin;Type;Résultat"), "{csv}");
    assert!(lines[1].contains(";Échouée;"), "{csv}");
    assert!(lines[2].contains(";Complète;Réussie;"), "{csv}");
}
