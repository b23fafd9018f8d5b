//! The fixture table is complete and every fixture is well-formed.

use chariot_testkit::samples::{REFERENCE, fixtures_dir, ours};

#[test]
fn every_fixture_is_listed_once_and_exists() {
    let mut files = vec![];
    for dir in std::fs::read_dir(fixtures_dir()).unwrap().flatten() {
        if !dir.path().is_dir() {
            continue;
        }
        for f in std::fs::read_dir(dir.path()).unwrap().flatten() {
            let folder = dir.file_name().into_string().unwrap();
            files.push(format!("{folder}/{}", f.file_name().into_string().unwrap()));
        }
    }
    files.sort();
    let mut listed: Vec<String> = REFERENCE.iter().map(|(o, _)| o.to_string()).collect();
    listed.sort();
    assert_eq!(files, listed);
}

#[test]
fn json_fixtures_parse() {
    for (rel, _) in REFERENCE.iter().filter(|(r, _)| r.ends_with(".json")) {
        serde_json::from_str::<serde_json::Value>(&ours(rel))
            .unwrap_or_else(|e| panic!("{rel}: {e}"));
    }
}
