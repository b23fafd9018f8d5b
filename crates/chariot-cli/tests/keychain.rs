//! `chariot login` then `chariot sync` with the secret from the OS keychain only. Ignored by
//! default: it needs an unlocked Secret Service, which `cargo xtask test` provides.

use assert_cmd::Command;
use chariot_sim::SimConfig;

#[test]
#[ignore = "needs an unlocked OS keychain (cargo xtask test provides one)"]
fn login_saves_the_secret_in_the_keychain_and_sync_uses_it() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let sim = rt
        .block_on(chariot_sim::start(SimConfig::default()))
        .unwrap();
    let home = tempfile::tempdir().unwrap();
    let creds = sim.credentials();
    let url = sim.base_url();
    let chariot = || {
        let mut c = Command::cargo_bin("chariot").unwrap();
        c.env("CHARIOT_HOME", home.path());
        c
    };
    chariot()
        .args(["login", "--server", &url, "--username", &creds.username])
        .write_stdin(format!("{}\n", creds.password))
        .assert()
        .success();
    let out = chariot()
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
    for entry in walk(home.path()) {
        let bytes = std::fs::read(&entry).unwrap();
        assert!(
            !bytes
                .windows(creds.password.len())
                .any(|w| w == creds.password.as_bytes()),
            "{} contains the password",
            entry.display()
        );
    }
    chariot_core::secrets::Keychain::default()
        .delete(&url, &creds.username)
        .unwrap();
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
