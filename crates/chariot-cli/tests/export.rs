//! `chariot export --separator`: an English-locale Excel reads CSV with commas, a French one
//! with semicolons; `--excel` (BOM, ids kept as text) goes with either. Without the option,
//! the output is as before: `,` for plain CSV, `;` with `--excel`.

use chariot_testkit::cli::{Env, env, stdout};
use rstest::rstest;

fn export(e: &Env, extra: &[&str]) -> std::process::Output {
    let url = e.sim.base_url();
    let mut args = vec![
        "export",
        "--server",
        &url,
        "--columns",
        "name,jamf-id",
        "--lang",
        "en",
    ];
    args.extend_from_slice(extra);
    e.chariot(&args).output().unwrap()
}

#[rstest]
#[case::plain_csv(&["--format", "csv"], false, ",")]
#[case::excel_as_before(&["--format", "csv", "--excel"], true, ";")]
#[case::excel_in_english(&["--format", "csv", "--excel", "--separator", ","], true, ",")]
#[case::excel_semicolons(&["--format", "csv", "--excel", "--separator", ";"], true, ";")]
#[case::csv_with_tabs(&["--format", "csv", "--separator", "tab"], false, "\t")]
fn csv_uses_the_separator_asked_for(
    #[case] options: &[&str],
    #[case] excel: bool,
    #[case] sep: &str,
) {
    let e = env();
    stdout(&mut e.sync(&[]));
    let out = export(&e, options);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.starts_with('\u{feff}'), excel, "BOM with --excel only");
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 39);
    assert_eq!(lines[0], ["Device name", "Jamf ID"].join(sep));
    let (name, id) = lines[1].split_once(sep).expect("two cells");
    assert!(!name.is_empty());
    if excel {
        // Kept as text: ="12", quoted for CSV.
        assert!(id.starts_with("\"=\"\"") && id.ends_with("\"\"\""), "{id}");
    } else {
        assert!(id.chars().all(|c| c.is_ascii_digit()), "{id}");
    }
}

#[rstest]
#[case::not_for_txt(&["--format", "txt", "--separator", ","], "csv")]
#[case::not_for_xml(&["--format", "xml", "--separator", ";"], "csv")]
#[case::unknown(&["--format", "csv", "--separator", "|"], "tab")]
fn a_separator_that_cannot_apply_is_a_usage_error(#[case] options: &[&str], #[case] says: &str) {
    let e = env();
    stdout(&mut e.sync(&[]));
    let out = export(&e, options);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("--separator") && err.contains(says), "{err}");
    assert!(err.contains("hint:"), "{err}");
    assert!(out.stdout.is_empty());
}
