//! The request/response/event types that cross the IPC boundary, and the generator of their
//! TypeScript bindings (`ui/src/lib/bindings.ts`, committed; a test fails when it drifts).

use serde::{Deserialize, Serialize};
use ts_rs::{Config, TS};

use crate::locale::LanguagePref;

/// Request of `set_language`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetLanguageRequest {
    pub language: LanguagePref,
}

/// Names of the events the back end emits; the UI listens to these exact strings.
pub mod events {
    /// Payload: [`crate::status::AppStatus`]. Sent whenever anything in it changes.
    pub const STATUS_CHANGED: &str = "status-changed";
}

/// Every type the UI needs, in a stable order. Adding an IPC type = adding it here.
pub fn typescript_bindings() -> String {
    let cfg = Config::new();
    let decls = [
        crate::error::ErrorCode::decl(&cfg),
        crate::error::AppError::decl(&cfg),
        crate::locale::Lang::decl(&cfg),
        crate::locale::LanguagePref::decl(&cfg),
        crate::settings::Settings::decl(&cfg),
        crate::status::ConnectionState::decl(&cfg),
        crate::status::SnapshotStatus::decl(&cfg),
        crate::status::AppStatus::decl(&cfg),
        SetLanguageRequest::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in crates/chariot-core by `cargo xtask bindings`.\n\
         // Do not edit: change the Rust type and regenerate.\n\n",
    );
    for decl in decls {
        out.push_str("export ");
        out.push_str(decl.trim());
        out.push_str("\n\n");
    }
    out.push_str(&format!(
        "export const EVENTS = {{ statusChanged: \"{}\" }} as const;\n",
        events::STATUS_CHANGED
    ));
    out
}
