//! A temp home folder, and what tests check in it: that no file holds a secret.

use std::path::{Path, PathBuf};

use rstest::fixture;
use tempfile::TempDir;

/// A fresh folder for a test's files (a `CHARIOT_HOME`, a database's folder), removed when
/// dropped.
#[fixture]
pub fn home() -> TempDir {
    tempfile::tempdir().unwrap()
}

/// Every file below `dir`, at any depth.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// Fails if any file below `dir` contains `secret` (a secret belongs in the OS keychain).
pub fn assert_no_file_holds(dir: &Path, secret: &str) {
    for file in files_under(dir) {
        let bytes = std::fs::read(&file).unwrap();
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{} contains the secret",
            file.display()
        );
    }
}
