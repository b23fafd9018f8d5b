//! Acting on devices through the app's IPC (MockRuntime) against the demo school: the plan the
//! confirmation shows, a job run in the background to each device's answer, the journal and
//! its CSV export, and the lost-mode screen's read.

mod support;

use serde_json::{Value, json};
use support::{App, invoke, wait_for_sync};

fn wait_for_job(window: &tauri::WebviewWindow<tauri::test::MockRuntime>, id: &Value) -> Value {
    for _ in 0..600 {
        let view = invoke(window, "job", json!({"request": {"id": id}})).expect("job");
        if view["summary"]["finished"] == true {
            return view;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("the job did not finish within 60 s");
}

#[test]
fn a_job_runs_to_each_devices_answer_and_lands_in_the_journal() {
    let home = tempfile::tempdir().unwrap();
    // SAFETY: set before the app (the only reader) starts, in this test binary's only test.
    unsafe { std::env::set_var("CHARIOT_HOME", home.path()) };
    let App { app: _app, window } = App::start();
    invoke(&window, "start_demo", json!({})).expect("start_demo");
    wait_for_sync(&window);

    let rows = invoke(
        &window,
        "inventory_query",
        json!({"request": {"filter": {"search": "Prof"}}}),
    )
    .expect("inventory_query");
    let ids: Vec<Value> = rows["ids"]
        .as_array()
        .unwrap()
        .iter()
        .take(2)
        .cloned()
        .collect();
    assert_eq!(ids.len(), 2);

    // The confirmation: log out user on teacher iPads (not Shared iPads) is refused for both.
    let plan = invoke(
        &window,
        "plan_action",
        json!({"request": {"action": {"kind": "logOutUser"}, "deviceIds": ids}}),
    )
    .expect("plan_action");
    assert_eq!(plan["toSend"], 0);
    assert_eq!(plan["refused"][0]["reason"], "not_shared_ipad");
    let err = invoke(
        &window,
        "start_job",
        json!({"request": {"action": {"kind": "logOutUser"}, "deviceIds": ids}}),
    )
    .expect_err("nothing to send");
    assert_eq!(err["code"], "invalid_input");

    // Update inventory on both: sent in the background, each device answers.
    let summary = invoke(
        &window,
        "start_job",
        json!({"request": {"action": {"kind": "updateInventory"}, "deviceIds": ids}}),
    )
    .expect("start_job");
    assert_eq!(summary["total"], 2);
    assert_eq!(summary["account"], "chariot-demo");
    let view = wait_for_job(&window, &summary["id"]);
    let states: Vec<&str> = view["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["state"].as_str().unwrap())
        .collect();
    assert!(states.iter().all(|s| *s == "done"), "{view}");

    let jobs = invoke(&window, "jobs", json!({})).expect("jobs");
    assert_eq!(jobs[0]["id"], summary["id"]);

    let page = invoke(&window, "journal", json!({"request": {}})).expect("journal");
    assert_eq!(
        page["total"], 3,
        "requested + one result per device: {page}"
    );
    let csv_path = home.path().join("journal.csv");
    let exported = invoke(
        &window,
        "export_journal",
        json!({"request": {"search": null, "path": csv_path.display().to_string()}}),
    )
    .expect("export_journal");
    assert_eq!(exported["rows"], 3);
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    // Headers and labels in the UI's language (French or English with the test machine's locale).
    assert!(
        csv.contains("Mettre à jour l'inventaire") || csv.contains("Update inventory"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 4, "a header and three lines: {csv}");

    let job_csv = home.path().join("job.csv");
    invoke(
        &window,
        "export_job",
        json!({"request": {"id": summary["id"], "path": job_csv.display().to_string()}}),
    )
    .expect("export_job");
    assert_eq!(
        std::fs::read_to_string(&job_csv).unwrap().lines().count(),
        3
    );

    // The lost-mode screen reads the snapshot's lost devices, each with a position or a reason.
    let lost = invoke(&window, "lost_devices", json!({})).expect("lost_devices");
    for d in lost.as_array().unwrap() {
        assert!(
            d["status"]["position"].is_object() || d["status"]["note"].is_string(),
            "{d}"
        );
    }
    // …and exports to CSV, one line per device.
    let lost_csv = home.path().join("lost.csv");
    let exported = invoke(
        &window,
        "export_lost_devices",
        json!({"request": {"path": lost_csv.display().to_string()}}),
    )
    .expect("export_lost_devices");
    assert_eq!(exported["rows"], lost.as_array().unwrap().len());
    assert_eq!(
        std::fs::read_to_string(&lost_csv).unwrap().lines().count(),
        lost.as_array().unwrap().len() + 1
    );
}
