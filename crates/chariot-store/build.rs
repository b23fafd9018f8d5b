//! Embeds every `migrations/YYYYMMDDHHMMSS_what.sql` file in the binary, in name order, so the
//! app and the CLI carry their schema with them and no SQL file is ever looked up at run time.

use std::fmt::Write;

fn main() {
    let dir = std::path::Path::new("migrations");
    println!("cargo:rerun-if-changed=migrations");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("migrations/ folder")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .into_string()
                .expect("utf-8 name")
        })
        .filter(|n| n.ends_with(".sql"))
        .collect();
    names.sort();
    let mut code = String::from("pub(crate) const MIGRATIONS: &[(&str, &str)] = &[\n");
    for name in &names {
        let version = name.split('_').next().unwrap_or_default();
        assert!(
            version.len() == 14 && version.bytes().all(|b| b.is_ascii_digit()),
            "migration {name} must be named YYYYMMDDHHMMSS_what.sql"
        );
        let path = std::fs::canonicalize(dir.join(name)).expect("path");
        writeln!(code, "    ({name:?}, include_str!({path:?})),").unwrap();
    }
    code.push_str("];\n");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("migrations.rs");
    std::fs::write(out, code).expect("write migrations.rs");
}
