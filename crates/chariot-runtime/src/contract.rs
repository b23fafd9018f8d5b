//! The IPC contract, declared once: every command the window may call, with its request and
//! response types and the `App` method that serves it. From this one table come the desktop's
//! Tauri handlers (`src-tauri`), the dispatcher the tests call without a window, and the
//! TypeScript command map, types and events in `ui/src/lib/bindings.ts`.
//!
//! Convention: a command takes at most one argument, named `request` on the wire.

use std::any::TypeId;
use std::collections::HashSet;

use ts_rs::{Config, TS, TypeVisitor};

/// Calls `$then!` with the command table: `name: method(Request?) -> Response;`. The types
/// are paths through `$crate::types` so any crate can expand it.
#[macro_export]
macro_rules! ipc_commands {
    ($then:path) => {
        $then! {
            app_status: app_status() -> $crate::types::AppStatus;
            set_language: set_language($crate::types::SetLanguageRequest) -> $crate::types::AppStatus;
            update_settings: update_settings($crate::types::UpdateSettingsRequest) -> $crate::types::AppStatus;
            start_demo: start_demo() -> $crate::types::AppStatus;
            set_demo_network: set_demo_network($crate::types::DemoNetworkRequest) -> $crate::types::AppStatus;
            test_connection: test_connection($crate::types::ProfileDraft) -> $crate::types::ConnectionCheck;
            save_profile: save_profile($crate::types::ProfileDraft) -> $crate::types::AppStatus;
            switch_profile: switch_profile($crate::types::IdRequest) -> $crate::types::AppStatus;
            delete_profile: delete_profile($crate::types::IdRequest) -> $crate::types::AppStatus;
            start_sync: start_sync_command($crate::types::StartSyncRequest) -> $crate::types::AppStatus;
            cancel_sync: cancel_sync_command() -> ();
            sync_history: sync_history() -> Vec<$crate::types::SyncRunView>;
            export_sync_history: export_sync_history($crate::types::ExportPathRequest) -> $crate::types::ExportResult;
            dashboard: dashboard() -> $crate::types::Dashboard;
            inventory_query: inventory_query($crate::types::InventoryRequest) -> $crate::types::InventoryResult;
            inventory_rows: inventory_rows($crate::types::DeviceRowsRequest) -> Vec<$crate::types::InventoryRow>;
            device_detail: device_detail($crate::types::IdRequest) -> $crate::types::DeviceDetail;
            device_history: device_history($crate::types::IdRequest) -> $crate::types::DeviceHistory;
            refresh_device_history: refresh_device_history($crate::types::IdRequest) -> $crate::types::DeviceHistory;
            choose_export_path: choose_export_path($crate::types::SavePathRequest) -> Option<String>;
            export_inventory: export_inventory($crate::types::ExportRequest) -> $crate::types::ExportResult;
            plan_action: plan_action($crate::types::ActionRequest) -> $crate::types::ActionPlan;
            start_job: start_job($crate::types::ActionRequest) -> $crate::types::JobSummary;
            jobs: jobs() -> Vec<$crate::types::JobSummary>;
            job: job($crate::types::JobRequest) -> $crate::types::JobView;
            retry_job: retry_job($crate::types::RetryRequest) -> $crate::types::JobSummary;
            export_job: export_job($crate::types::ExportJobRequest) -> $crate::types::ExportResult;
            journal: journal($crate::types::JournalRequest) -> $crate::types::JournalPage;
            export_journal: export_journal($crate::types::ExportJournalRequest) -> $crate::types::ExportResult;
            lost_devices: lost_devices() -> Vec<$crate::types::LostDevice>;
            position_status: position_status($crate::types::IdRequest) -> $crate::types::PositionStatus;
            export_lost_devices: export_lost_devices($crate::types::ExportPathRequest) -> $crate::types::ExportResult;
            available_os_updates: available_os_updates() -> Vec<String>;
        }
    };
}

/// The events the back end emits, with their payloads (names in `chariot_core::ipc::events`).
macro_rules! ipc_events {
    ($then:ident) => {
        $then! {
            statusChanged: STATUS_CHANGED => $crate::types::AppStatus;
            syncProgress: SYNC_PROGRESS => $crate::types::SyncProgress;
            jobChanged: JOB_CHANGED => $crate::types::JobSummary;
        }
    };
}

/// Serves a command by name, as the window would call it: the tests' way in without Tauri.
macro_rules! dispatcher {
    ($($name:ident : $method:ident ($($req:ty)?) -> $resp:ty;)*) => {
        impl<H: $crate::host::Host> $crate::app::App<H> {
            /// Calls `command` with its `request` (JSON, `null` when it takes none) and returns
            /// the answer as JSON, or the error the window would receive.
            pub async fn dispatch(
                &self,
                command: &str,
                request: serde_json::Value,
            ) -> Result<serde_json::Value, chariot_core::AppError> {
                let _ = &request;
                match command {
                    $(stringify!($name) => {
                        let answer = self.$method($(decode::<$req>(&request)?)?).await?;
                        encode(&answer)
                    })*
                    other => Err(chariot_core::AppError::internal(format!(
                        "no IPC command is named `{other}`"
                    ))),
                }
            }
        }

        /// Every command's name with its request and response types in TypeScript.
        // `($($req)?)` is the request type, or `()` for a command called without one.
        #[allow(unused_parens)]
        pub fn command_signatures(cfg: &Config) -> Vec<(&'static str, String, String)> {
            vec![$((
                stringify!($name),
                none_or_name::<($($req)?)>(cfg),
                <$resp as TS>::name(cfg),
            )),*]
        }

        fn visit_command_types(v: &mut impl TypeVisitor) {
            $($(v.visit::<$req>();)? v.visit::<$resp>();)*
        }
    };
}
ipc_commands!(dispatcher);

macro_rules! event_table {
    ($($key:ident : $constant:ident => $payload:ty;)*) => {
        /// `(key in EVENTS, event name, payload type)` for every event.
        pub fn event_signatures(cfg: &Config) -> Vec<(&'static str, &'static str, String)> {
            vec![$((
                stringify!($key),
                chariot_core::ipc::events::$constant,
                <$payload as TS>::name(cfg),
            )),*]
        }

        fn visit_event_types(v: &mut impl TypeVisitor) {
            $(v.visit::<$payload>();)*
        }
    };
}
ipc_events!(event_table);

fn decode<T: serde::de::DeserializeOwned>(
    request: &serde_json::Value,
) -> Result<T, chariot_core::AppError> {
    serde_json::from_value(request.clone()).map_err(|e| {
        chariot_core::AppError::new(
            chariot_core::ErrorCode::InvalidInput,
            format!("the request is not what the command takes: {e}"),
        )
    })
}

fn encode<T: serde::Serialize>(answer: &T) -> Result<serde_json::Value, chariot_core::AppError> {
    serde_json::to_value(answer)
        .map_err(|e| chariot_core::AppError::internal(format!("cannot encode the answer: {e}")))
}

/// `()` (no request) is `null` in TypeScript; the UI calls such a command with no argument.
fn none_or_name<T: TS + 'static>(cfg: &Config) -> String {
    if TypeId::of::<T>() == TypeId::of::<()>() {
        "null".into()
    } else {
        T::name(cfg)
    }
}

/// Collects the declaration of every named type reachable from the contract, once each.
struct Declarations<'a> {
    cfg: &'a Config,
    seen: HashSet<TypeId>,
    names: HashSet<String>,
    /// (name, declaration); sorted by name before writing: ts-rs visits dependencies in no
    /// stable order.
    out: Vec<(String, String)>,
}

impl TypeVisitor for Declarations<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        // Derived types have a file of their own; built-ins (String, Vec, Option…) do not.
        let ident = T::ident(self.cfg);
        if T::output_path().is_some() && self.names.insert(ident.clone()) {
            self.out.push((ident, T::decl(self.cfg)));
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

/// Unit variants as the UI receives them (`"a", "b"`), for the generated value lists.
fn wire_names<T: serde::Serialize>(values: &[T]) -> String {
    let names: Vec<String> = values
        .iter()
        .map(|v| serde_json::to_string(v).unwrap_or_default())
        .collect();
    names.join(", ")
}

/// `ui/src/lib/bindings.ts`: every type of the contract, the events and the command map.
pub fn typescript_bindings() -> String {
    let cfg = Config::new();
    let mut decls = Declarations {
        cfg: &cfg,
        seen: HashSet::new(),
        names: HashSet::new(),
        out: Vec::new(),
    };
    // The error shape crosses on every command's failure, not in a signature.
    decls.visit::<chariot_core::AppError>();
    visit_event_types(&mut decls);
    visit_command_types(&mut decls);
    let mut out = String::from(
        "// Generated from the IPC contract (crates/chariot-runtime/src/contract.rs) by\n\
         // `cargo xtask bindings`. Do not edit: change the Rust type or the table and regenerate.\n\n",
    );
    decls.out.sort();
    for (_, decl) in &decls.out {
        out.push_str("export ");
        out.push_str(decl.trim());
        out.push_str("\n\n");
    }
    out.push_str(&format!(
        "/** Every error code, for the catalogs and to recognise an error. */\nexport const ERROR_CODES: readonly ErrorCode[] = [{}];\n\n",
        wire_names(&chariot_core::ErrorCode::ALL)
    ));
    out.push_str(&format!(
        "/** Every reason a device is left out of an action, for the catalogs' test. */\nexport const REFUSALS: readonly Refusal[] = [{}];\n\n",
        wire_names(&chariot_core::actions::Refusal::ALL)
    ));
    // The roles as a list too (filters, the dashboard's bars): the UI declares none of its own.
    out.push_str(&format!(
        "export const DEVICE_ROLES = [{}] as const satisfies ReadonlyArray<DeviceRole>;\n\n",
        wire_names(&chariot_core::fleet::DeviceRole::ALL)
    ));
    let kinds: Vec<String> = chariot_core::ErrorDetail::KINDS
        .iter()
        .map(|k| format!("\"{k}\""))
        .collect();
    // Each kind's fields, read from an example of it: the catalog test checks that each
    // sentence's placeholders are exactly these.
    let mut fields = String::new();
    for example in chariot_core::ErrorDetail::examples() {
        let json = serde_json::to_value(&example).unwrap_or_default();
        let names: Vec<String> = json
            .as_object()
            .map(|o| {
                o.keys()
                    .filter(|k| *k != "kind")
                    .map(|k| format!("\"{k}\""))
                    .collect()
            })
            .unwrap_or_default();
        fields.push_str(&format!("  {}: [{}],\n", example.kind(), names.join(", ")));
    }
    out.push_str(&format!(
        "/** The fields of each kind of error detail (the placeholders of its sentences). */\nexport const ERROR_DETAIL_FIELDS: {{ readonly [K in ErrorDetail[\"kind\"]]: readonly string[] }} = {{\n{fields}}};\n\n"
    ));
    out.push_str(&format!(
        "/** Every kind of error detail, for the catalogs' sentences and their tests. */\nexport const ERROR_DETAIL_KINDS: readonly ErrorDetail[\"kind\"][] = [{}];\n\n",
        kinds.join(", ")
    ));
    let events = event_signatures(&cfg);
    out.push_str("export const EVENTS = {\n");
    for (key, name, _) in &events {
        out.push_str(&format!("  {key}: \"{name}\",\n"));
    }
    out.push_str(
        "} as const;\n\n/** The payload of each event, by name. */\nexport type Events = {\n",
    );
    for (_, name, payload) in &events {
        out.push_str(&format!("  \"{name}\": {payload};\n"));
    }
    out.push_str(
        "};\n\n/** Every command: its request (`null`: called without one) and its response. */\n\
         export type Commands = {\n",
    );
    for (name, request, response) in command_signatures(&cfg) {
        out.push_str(&format!(
            "  {name}: {{ request: {request}; response: {response} }};\n"
        ));
    }
    out.push_str("};\n");
    out
}

#[cfg(test)]
mod tests {
    /// The UI's catalog test walks `ERROR_DETAIL_KINDS`: every detail the back end can send
    /// must be in it, else a sentence could be missing unnoticed. (`ErrorDetail::KINDS` is kept
    /// complete by chariot-core's own test.)
    #[test]
    fn the_bindings_list_every_error_detail_kind() {
        let bindings = super::typescript_bindings();
        let line = bindings
            .lines()
            .find(|l| l.starts_with("export const ERROR_DETAIL_KINDS"))
            .expect("ERROR_DETAIL_KINDS is generated");
        for kind in chariot_core::ErrorDetail::KINDS {
            assert!(line.contains(&format!("\"{kind}\"")), "{kind} is missing");
            assert!(
                bindings.contains(&format!("\"kind\": \"{kind}\"")),
                "the ErrorDetail type has no {kind}"
            );
        }
    }
}
