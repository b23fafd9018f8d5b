//! The `chariot` binary against chariot-sim over loopback: sync, offline reads, exports and the
//! exit code of each class of failure.

use chariot_testkit::cli::{env, stdout};
use rstest::rstest;

#[test]
fn sync_then_read_offline() {
    let e = env();
    let first = stdout(&mut e.sync(&[]));
    assert_eq!(
        first.trim_end().split(" in ").next().unwrap(),
        "synced 38 devices (38 added, 0 changed, 0 removed)"
    );
    let second = stdout(&mut e.sync(&[]));
    assert!(second.starts_with("synced 38 devices (0 added"), "{second}");

    let url = e.sim.base_url();
    let json = stdout(&mut e.chariot(&[
        "devices",
        "--server",
        &url,
        "--format",
        "json",
        "--columns",
        "name,role,cart",
    ]));
    let list: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(list.len(), 38);
    assert_eq!(
        list.iter()
            .filter(|d| d["role"] == "shared_teacher")
            .count(),
        8
    );

    let table = stdout(&mut e.chariot(&[
        "devices", "--server", &url, "--search", "prof 3", "--lang", "fr",
    ]));
    assert!(
        table.contains("-Prof 3") && table.trim_end().ends_with("1 appareils"),
        "{table}"
    );
}

#[rstest]
#[case("csv")]
#[case("txt")]
#[case("xml")]
fn exports_open_in_spreadsheets(#[case] format: &str) {
    let e = env();
    stdout(&mut e.sync(&[]));
    let file = e.home.path().join(format!("inventaire.{format}"));
    let url = e.sim.base_url();
    let mut cmd = e.chariot(&[
        "export",
        "--server",
        &url,
        "--format",
        format,
        "--excel",
        "--columns",
        "name,serial,os",
        "--lang",
        "fr",
        "-o",
        file.to_str().unwrap(),
    ]);
    cmd.assert().success();
    let text = std::fs::read_to_string(&file).unwrap();
    match format {
        "xml" => {
            assert!(text.starts_with("<?xml") && text.contains("<size>38</size>"));
            assert_eq!(text.matches("<mobile_device>").count(), 38);
        }
        _ => {
            assert!(
                text.starts_with('\u{feff}'),
                "Excel needs the BOM to read accents"
            );
            let sep = if format == "txt" { '\t' } else { ';' };
            let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
            assert_eq!(lines.len(), 39);
            assert_eq!(
                lines[0].split(sep).collect::<Vec<_>>(),
                ["Nom de l'appareil", "Numéro de série", "Version d'iOS"]
            );
        }
    }
}

#[rstest]
#[case::insecure(&["sync", "--server", "http://jamf.example.org", "--username", "u", "--secret-env", "DEMO_PASSWORD"], 2, "https")]
#[case::missing_secret(&["sync", "--server", "https://jamf.example.org", "--username", "u", "--secret-env", "UNSET_VARIABLE_X"], 2, "UNSET_VARIABLE_X")]
#[case::unreachable(&["sync", "--server", "http://127.0.0.1:9", "--username", "u", "--secret-env", "DEMO_PASSWORD"], 4, "cannot reach")]
#[case::no_database(&["devices", "--db", "/nonexistent/chariot.db"], 2, "chariot sync")]
#[case::bad_column(&["export", "--db", "/nonexistent/chariot.db", "--format", "json"], 2, "csv, txt or xml")]
fn failures_say_what_and_how_and_exit_by_class(
    #[case] args: &[&str],
    #[case] code: i32,
    #[case] says: &str,
) {
    let e = env();
    let out = e.chariot(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(says), "{err}");
    assert!(err.contains("hint:"), "{err}");
}

#[test]
fn wrong_credentials_exit_3_and_never_echo_the_secret() {
    let e = env();
    let url = e.sim.base_url();
    let out = e
        .chariot(&[
            "sync",
            "--server",
            &url,
            "--username",
            "chariot-demo",
            "--secret-env",
            "WRONG",
        ])
        .env("WRONG", "not-the-password-42")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!all.contains("not-the-password-42"), "{all}");
}

#[test]
fn a_command_reports_each_device_and_asks_before_acting() {
    let e = env();
    stdout(&mut e.sync(&[]));
    let url = e.sim.base_url();
    let id = e.sim.credentials().client_id;
    let base = [
        "command",
        "update-inventory",
        "--server",
        url.as_str(),
        "--client-id",
        id.as_str(),
        "--secret-env",
        "DEMO_SECRET",
    ];
    // Not on a terminal and no --yes: refused, nothing sent.
    let mut args = base.to_vec();
    args.extend(["--cart", "Chariot 1"]);
    let out = e.chariot(&args).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("needs a confirmation") && err.contains("--yes"),
        "{err}"
    );

    // A name that is not in the snapshot: usage error.
    let mut args = base.to_vec();
    args.extend(["--device", "no-such-ipad", "--yes"]);
    assert_eq!(e.chariot(&args).output().unwrap().status.code(), Some(2));

    // One named device, waited for: simulated time runs fast so it checks in.
    e.sim.clock().set_speed(600.0);
    let name = "0312283N-Prof 3";
    let list = stdout(&mut e.chariot(&[
        "devices",
        "--server",
        &url,
        "--search",
        "Prof 3",
        "--format",
        "json",
        "--columns",
        "name",
    ]));
    let devices: Vec<serde_json::Value> = serde_json::from_str(&list).unwrap();
    let name = devices
        .first()
        .and_then(|d| d["name"].as_str())
        .unwrap_or(name)
        .to_owned();
    let mut args = base.to_vec();
    args.extend(["--device", &name, "--yes", "--wait", "--timeout", "60"]);
    let report = stdout(&mut e.chariot(&args));
    let line = report
        .lines()
        .find(|l| l.starts_with(&name))
        .unwrap_or_else(|| panic!("{report}"));
    assert!(line.contains("done"), "{report}");
}

#[test]
fn lost_mode_jobs_and_an_erase_that_needs_the_count() {
    let e = env();
    stdout(&mut e.sync(&[]));
    e.sim.clock().set_speed(600.0);
    let url = e.sim.base_url();
    let id = e.sim.credentials().client_id;
    let creds = [
        "--server",
        url.as_str(),
        "--client-id",
        id.as_str(),
        "--secret-env",
        "DEMO_SECRET",
    ];
    let student = "0312283N-2024-DMP03MBQTBYY";
    let mut enable = vec![
        "lost-mode",
        "enable",
        "--device",
        student,
        "--message",
        "Rapportez-moi au CDI",
        "--always",
    ];
    enable.extend(creds);
    enable.extend(["--yes", "--wait", "--timeout", "60"]);
    let report = stdout(&mut e.chariot(&enable));
    assert!(report.contains("Enable lost mode"), "{report}");
    assert!(
        report
            .lines()
            .any(|l| l.starts_with(student) && l.contains("done")),
        "{report}"
    );

    // The jobs list and one job as JSON, offline (local database only).
    let list = stdout(&mut e.chariot(&["jobs", "--server", &url]));
    assert!(
        list.contains("Enable lost mode") && list.contains("done 1"),
        "{list}"
    );
    let json = stdout(&mut e.chariot(&["jobs", "1", "--server", &url, "--format", "json"]));
    let view: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(view["summary"]["action"]["message"], "Rapportez-moi au CDI");
    assert_eq!(view["summary"]["action"]["alwaysEnforce"], true);
    assert_eq!(view["targets"][0]["state"], "done");

    // Erase with --yes but without --confirm: refused, nothing recorded.
    let mut erase = vec![
        "command",
        "erase",
        "--cart",
        "Chariot 1",
        "--yes",
        "--preserve-data-plan",
    ];
    erase.extend(creds);
    let out = e.chariot(&erase).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--confirm"));
    let list = stdout(&mut e.chariot(&["jobs", "--server", &url]));
    assert!(!list.contains("Erase"), "{list}");

    // Log out user on teacher iPads only: every device refused, a usage error that says why.
    let mut logout = vec!["command", "log-out-user", "--search", "Prof", "--yes"];
    logout.extend(creds);
    let out = e.chariot(&logout).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a Shared iPad"));
}

#[test]
fn a_second_sync_of_the_same_file_waits_its_turn() {
    let e = env();
    let db = e.home.path().join("shared.db");
    let db_arg = db.display().to_string();
    // The app (or another `chariot sync`) is syncing this file.
    let lock = chariot_store::SyncLock::acquire(&db).unwrap();
    let out = e.sync(&["--db", &db_arg]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("already running"), "{err}");
    drop(lock);
    stdout(&mut e.sync(&["--db", &db_arg]));
}
