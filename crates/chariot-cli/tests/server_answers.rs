//! An answer from the server that Chariot cannot read (cut off, malformed) is the server's
//! fault: exit 5 ("server error"), never 6 ("local data"), and a message that does not send
//! the IT manager looking at their own database or files.

use chariot_sim::{FaultConfig, SimConfig};
use chariot_testkit::cli::env_with;
use rstest::rstest;

#[rstest]
#[case::a_portal_page_instead_of_json(SimConfig { faults: FaultConfig { rate_html: 1.0, ..FaultConfig::default() }, ..SimConfig::default() })]
#[case::an_unreadable_version(SimConfig { jamf_version: "version inconnue".into(), ..SimConfig::default() })]
fn an_unreadable_server_answer_exits_5_and_blames_the_server(#[case] config: SimConfig) {
    let e = env_with(config);
    let out = e.sync(&[]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(5), "{err}");
    let message = err
        .lines()
        .find(|l| l.starts_with("error:"))
        .unwrap_or_default();
    assert!(message.contains("could not be read"), "{err}");
    for local in ["database", "disk", "file", "local"] {
        assert!(
            !message.to_lowercase().contains(local),
            "says `{local}`: {err}"
        );
    }
    assert!(err.contains("hint:"), "{err}");
}

/// `chariot --help` says where such an answer lands.
#[test]
fn the_help_says_an_unreadable_answer_is_a_server_error() {
    let e = chariot_testkit::cli::env();
    let out = e.chariot(&["--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    let words = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("5 server error (including an answer Chariot cannot read)"),
        "{help}"
    );
}
