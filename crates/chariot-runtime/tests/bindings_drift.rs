//! The committed TypeScript bindings must match the Rust types. Run `cargo xtask bindings` (or
//! this test with UPDATE_BINDINGS=1) to regenerate them after changing an IPC type.

use std::path::PathBuf;

#[test]
fn committed_typescript_bindings_match_the_rust_types() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings.ts");
    let generated = chariot_runtime::contract::typescript_bindings();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).expect("write bindings");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/lib/bindings.ts is out of date with the IPC contract: run `cargo xtask bindings` and commit the result"
    );
}
