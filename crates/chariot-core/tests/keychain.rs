//! A real round trip through the OS keychain. Ignored by default: it needs an unlocked Secret
//! Service on Linux; `cargo xtask test` runs it inside a private D-Bus session with GNOME
//! Keyring unlocked.

use chariot_core::secrets::Keychain;
use chariot_jamf::Secret;

#[test]
#[ignore = "needs an unlocked OS keychain (cargo xtask test provides one)"]
fn secrets_round_trip_through_the_os_keychain() {
    let keychain = Keychain::with_service(format!("Chariot test {}", std::process::id()));
    let server = "https://ecollege31.jamfcloud.com";
    keychain.delete(server, "admin").unwrap();
    let err = keychain.load(server, "admin").unwrap_err();
    assert_eq!(err.code, chariot_core::ErrorCode::Auth);
    keychain
        .store(server, "admin", &Secret::new("s3cr3t-é"))
        .unwrap();
    assert_eq!(keychain.load(server, "admin").unwrap().expose(), "s3cr3t-é");
    keychain
        .store(server, "admin", &Secret::new("rotated"))
        .unwrap();
    assert_eq!(keychain.load(server, "admin").unwrap().expose(), "rotated");
    keychain.delete(server, "admin").unwrap();
    assert!(keychain.load(server, "admin").is_err());
}

/// The CLI and the app call the keychain from async code; the Linux backend used to panic there
/// ("Cannot start a runtime from within a runtime").
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs an unlocked OS keychain (cargo xtask test provides one)"]
async fn usable_from_async_code() {
    let keychain = Keychain::with_service(format!("Chariot async test {}", std::process::id()));
    let server = "https://ecollege31.jamfcloud.com";
    keychain
        .store(server, "api-client", &Secret::new("from-async"))
        .unwrap();
    assert_eq!(
        keychain.load(server, "api-client").unwrap().expose(),
        "from-async"
    );
    keychain.delete(server, "api-client").unwrap();
}
