//! `chariot login` then `chariot sync` with the secret from the OS keychain only. Ignored by
//! default: it needs an unlocked Secret Service, which `cargo xtask test` provides.

use chariot_testkit::cli::env;
use chariot_testkit::home::assert_no_file_holds;

#[test]
#[ignore = "needs an unlocked OS keychain (cargo xtask test provides one)"]
fn login_saves_the_secret_in_the_keychain_and_sync_uses_it() {
    let e = env();
    let creds = e.sim.credentials();
    let url = e.sim.base_url();
    // Bare: the secret reaches the CLI through its standard input only.
    e.bare()
        .args(["login", "--server", &url, "--username", &creds.username])
        .write_stdin(format!("{}\n", creds.password))
        .assert()
        .success();
    let out = e
        .bare()
        .args(["sync", "--server", &url, "--username", &creds.username])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("synced 38 devices"));
    // The secret is in the keychain and nowhere under Chariot's folders.
    assert_no_file_holds(e.home.path(), &creds.password);
    chariot_core::secrets::Keychain::default()
        .delete(&url, &creds.username)
        .unwrap();
}
