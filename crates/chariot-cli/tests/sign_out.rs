//! Signed in as a user, `chariot` invalidates its bearer token on the server before it exits,
//! whatever happens: success, an error, or Ctrl-C (then exit 130). Otherwise the token stays
//! valid on the server for its whole lifetime (30 minutes) after the command is gone.
#![cfg(unix)]

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chariot_sim::SimConfig;
use chariot_testkit::cli::{Env, env_with, stdout};

/// The demo user's account options for the commands that sign in.
fn as_user(e: &Env) -> Vec<String> {
    vec![
        "--server".into(),
        e.sim.base_url(),
        "--username".into(),
        e.sim.credentials().username,
        "--secret-env".into(),
        "DEMO_PASSWORD".into(),
    ]
}

fn spawn(e: &Env, args: &[String]) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("chariot"))
        .env("CHARIOT_HOME", e.home.path())
        .env("DEMO_PASSWORD", e.sim.credentials().password)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits until the process has signed in (a token beyond the `issued` already counted), lets
/// it work for `then`, and presses Ctrl-C.
fn interrupt_once_signed_in(e: &Env, child: &mut Child, issued: u64, then: Duration) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while e.sim.tokens_issued() == issued {
        assert!(Instant::now() < deadline, "chariot never signed in");
        assert!(child.try_wait().unwrap().is_none(), "chariot ended early");
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(then);
    assert!(child.try_wait().unwrap().is_none(), "ended before Ctrl-C");
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

fn finish(child: Child) -> (Option<i32>, String) {
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_sync_signs_out_when_it_succeeds_and_when_it_fails() {
    let e = env_with(SimConfig::default());
    stdout(&mut e.sync_as_user(&[]));
    assert_eq!((e.sim.tokens_issued(), e.sim.tokens_signed_out()), (1, 1));

    // The account may sign in but not read devices: the sync fails after signing in.
    e.sim
        .faults()
        .update(|f| f.denied_privileges = vec!["Read Mobile Devices".into()]);
    let out = e.sync_as_user(&["--full"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert_eq!(
        (e.sim.tokens_issued(), e.sim.tokens_signed_out()),
        (2, 2),
        "the failed sync's token is invalidated: {err}"
    );
}

#[test]
fn ctrl_c_cancels_a_sync_signs_out_and_exits_130() {
    // Slow enough pages that the sync is still reading when Ctrl-C comes.
    let e = env_with(SimConfig {
        devices: 1000,
        latency: Duration::from_millis(100),
        ..SimConfig::default()
    });
    let mut args = vec!["sync".to_owned(), "--full".into(), "--page-size".into()];
    args.push("10".into());
    args.extend(as_user(&e));
    let mut child = spawn(&e, &args);
    interrupt_once_signed_in(&e, &mut child, 0, Duration::from_millis(400));
    let (code, err) = finish(child);
    assert_eq!(code, Some(130), "{err}");
    assert!(err.contains("cancelled"), "{err}");
    assert_eq!(e.sim.tokens_signed_out(), 1, "{err}");
    assert_eq!(e.sim.tokens_issued(), 1, "{err}");
}

#[test]
fn ctrl_c_while_waiting_for_devices_stops_waiting_signs_out_and_exits_130() {
    // A frozen clock: the device never checks in, so the command waits until interrupted.
    let e = env_with(SimConfig {
        clock_speed: 0.0,
        ..SimConfig::default()
    });
    // The snapshot, read as the API client (its token is not the user's, nor counted below).
    stdout(&mut e.sync(&[]));
    let issued = e.sim.tokens_issued();
    let mut args: Vec<String> = ["command", "update-inventory", "--search", "Prof 3"]
        .map(String::from)
        .to_vec();
    args.extend(["--yes", "--wait", "--timeout", "120"].map(String::from));
    args.extend(as_user(&e));
    let mut child = spawn(&e, &args);
    interrupt_once_signed_in(&e, &mut child, issued, Duration::from_millis(1500));
    let (code, err) = finish(child);
    assert_eq!(code, Some(130), "{err}");
    assert!(err.contains("chariot jobs 1 --wait"), "{err}");
    assert_eq!(e.sim.tokens_signed_out(), 1, "{err}");
}

/// A poll that fails (the account may send commands but not read the devices' history, on a
/// server whose commands are followed through the Classic history) still signs out.
#[test]
fn a_command_whose_wait_fails_signs_out() {
    let e = env_with(SimConfig {
        jamf_version: "10.48.0-t1690000000000".into(),
        ..SimConfig::default()
    });
    stdout(&mut e.sync(&[]));
    let issued = e.sim.tokens_issued();
    e.sim
        .faults()
        .update(|f| f.denied_privileges = vec!["Read Mobile Devices".into()]);
    let mut args: Vec<String> = ["command", "update-inventory", "--search", "Prof 3"]
        .map(String::from)
        .to_vec();
    args.extend(["--yes", "--wait", "--timeout", "60"].map(String::from));
    args.extend(as_user(&e));
    let (code, err) = finish(spawn(&e, &args));
    assert_eq!(code, Some(3), "{err}");
    assert_eq!(
        (e.sim.tokens_issued() - issued, e.sim.tokens_signed_out()),
        (1, 1),
        "{err}"
    );
}
