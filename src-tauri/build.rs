// Capabilities live in src-tauri/ (not at the package root): without this, tauri-build watches a
// missing ./capabilities folder and reruns on every build (measured: ~3.5 s per no-op build).
fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    tauri_build::try_build(
        tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*"),
    )
    .expect("tauri-build failed");
}
