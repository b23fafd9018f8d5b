//! The console on real files in a temp folder.

use chariot_core::locale::{Lang, LanguagePref};
use chariot_core::status::ConnectionState;
use chariot_core::{Console, ConsolePaths, ErrorCode};
use chariot_testkit::home::home;
use chariot_testkit::store::publish_ipads;
use rstest::{fixture, rstest};
use tempfile::TempDir;

struct Env {
    _dir: TempDir,
    paths: ConsolePaths,
}

/// The console's folders inside a temp home.
#[fixture]
fn env(home: TempDir) -> Env {
    let paths = ConsolePaths {
        config_dir: home.path().join("config"),
        data_dir: home.path().join("data"),
        log_dir: home.path().join("logs"),
    };
    Env { _dir: home, paths }
}

#[rstest]
fn a_first_start_opens_an_empty_local_database(env: Env) {
    let console = Console::open(env.paths.clone(), Some("fr-FR".into()));
    let status = console.status().unwrap();
    assert!(env.paths.local_database().exists());
    assert_eq!(status.language, Lang::Fr);
    assert_eq!(status.connection, ConnectionState::NotConfigured);
    assert_eq!(status.snapshot.synced_at, None);
    assert_eq!(status.snapshot.device_count, 0);
    assert!(status.problems.is_empty());
}

#[rstest]
fn the_language_choice_survives_a_restart(env: Env) {
    let mut console = Console::open(env.paths.clone(), Some("fr-FR".into()));
    let status = console.set_language(LanguagePref::En).unwrap();
    assert_eq!(status.language, Lang::En);
    drop(console);
    let console = Console::open(env.paths.clone(), Some("fr-FR".into()));
    let status = console.status().unwrap();
    assert_eq!(status.language_pref, LanguagePref::En);
    assert_eq!(status.language, Lang::En);
}

#[rstest]
fn a_snapshot_in_the_database_shows_in_the_status(env: Env) {
    let t = chrono::DateTime::parse_from_rfc3339("2026-11-12T08:30:00Z")
        .unwrap()
        .to_utc();
    let mut store = chariot_store::Store::open(&env.paths.local_database()).unwrap();
    publish_ipads(&mut store, t, 38);
    drop(store);
    let status = Console::open(env.paths.clone(), None).status().unwrap();
    assert_eq!(status.snapshot.synced_at, Some(t));
    assert_eq!(status.snapshot.device_count, 38);
}

#[rstest]
fn broken_settings_and_database_are_reported_not_fatal(env: Env) {
    std::fs::create_dir_all(&env.paths.config_dir).unwrap();
    std::fs::write(env.paths.settings_file(), "{oops").unwrap();
    let db = env.paths.local_database();
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    std::fs::write(
        &db,
        b"this is not a sqlite database, just some bytes of text......",
    )
    .unwrap();

    let console = Console::open(env.paths.clone(), Some("en-US".into()));
    let status = console.status().unwrap();
    let codes: Vec<ErrorCode> = status.problems.iter().map(|p| p.code).collect();
    assert_eq!(codes, vec![ErrorCode::Io, ErrorCode::Database]);
    assert!(status.problems.iter().all(|p| p.hint.is_some()));
    assert_eq!(status.snapshot.device_count, 0);
}

#[rstest]
fn a_failed_settings_save_changes_nothing(env: Env) {
    let mut console = Console::open(env.paths.clone(), Some("fr-FR".into()));
    // A directory where the settings file should be makes the rename fail.
    std::fs::create_dir_all(env.paths.settings_file()).unwrap();
    let err = console.set_language(LanguagePref::En).unwrap_err();
    assert_eq!(err.code, ErrorCode::Io);
    assert_eq!(console.status().unwrap().language, Lang::Fr);
}
