//! What happened, as data: the kinds of [`ErrorDetail`], their lists for the UI's catalogs, and
//! the test that keeps those lists and the serialised kinds in step.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What happened, as data: one variant per situation the user can meet, with the facts a
/// sentence about it needs. The UI has a sentence per kind (`error.detail.<kind>`, fields as
/// `{placeholders}`) in each language, so no English reaches a French screen. Fields are
/// names, paths, numbers and codes, never English prose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum ErrorDetail {
    // Reaching and signing in to Jamf Pro.
    /// The server address cannot be used.
    InvalidServerUrl { url: String },
    /// The address is plain http to another computer: credentials would travel in clear.
    InsecureServerUrl { url: String },
    /// Nothing answered at the address.
    Unreachable { host: String },
    /// The server did not answer in time.
    Timeout { host: String, seconds: u32 },
    /// The server refused the user name and password (or client id and secret).
    WrongCredentials { host: String },
    /// An API client was used, but the server is older than API clients (10.49).
    NoApiClients { host: String },
    /// "Tester": the account lacks a privilege Chariot's screens need.
    MissingPrivilege { privilege: String, account: String },
    /// A request was refused for a missing privilege (HTTP 403).
    Forbidden { request: String },
    /// The server does not have what was asked for (HTTP 404).
    NotFoundOnServer { request: String },
    /// The server asked to slow down (HTTP 429).
    ServerBusy,
    /// The server answered with an error status.
    ServerAnswered { status: u16 },
    /// The server's answer could not be read.
    UnreadableAnswer,
    /// A write got no complete answer: it may or may not have been applied.
    WriteOutcomeUnknown,
    /// The server is older than Chariot supports.
    ServerTooOld { version: String, needed: String },
    /// The user stopped the sync.
    SyncCancelled,
    /// The demonstration school's network was cut in Réglages.
    DemoStopped,
    /// The demonstration school could not start.
    DemoCouldNotStart,

    // The keychain and local files.
    /// No password or secret is saved for this account and server.
    NoSavedSecret { account: String, server: String },
    /// The system keychain cannot be used.
    KeychainUnavailable,
    /// settings.json is not valid.
    SettingsInvalid { path: String },
    /// settings.json cannot be read.
    SettingsUnreadable { path: String },
    /// settings.json cannot be written.
    SettingsUnwritable { path: String },
    /// The local database comes from a newer Chariot.
    DatabaseTooNew { path: String },
    /// The folder of the local database cannot be created.
    DataFolderUnwritable { path: String },
    /// The local database cannot be opened, read or written.
    DatabaseUnavailable,
    /// The local database was not opened at start-up.
    DatabaseNotOpen,
    /// Another sync of the same database runs (in the app or in `chariot sync`).
    SyncAlreadyRunning,
    /// The chosen export file name is not a file.
    BadFileName { path: String },
    /// The export file cannot be written.
    ExportFileUnwritable { path: String },

    // Servers, settings and the app's own refusals.
    /// No server profile yet.
    NotConfigured,
    /// A sync runs: switching servers must wait.
    SyncRunningBeforeSwitch,
    /// A sync runs: deleting a server must wait.
    SyncRunningBeforeDelete,
    /// The connection form's account is empty.
    EmptyAccount,
    /// The connection form's password or secret is empty.
    EmptySecret,
    /// The server or account changed but no secret was typed for it.
    MovedWithoutSecret,
    /// No saved server has this id.
    UnknownServerProfile { id: String },
    /// The stale threshold is outside 1–365 days.
    StaleDaysOutOfRange { days: u32 },

    // Devices, actions and jobs.
    /// The device is not in the local snapshot.
    DeviceNotInSnapshot { id: String },
    /// None of the chosen devices is in the local snapshot.
    DevicesNotInSnapshot,
    /// Every chosen device is left out; `reason` is the first device's.
    NoDeviceQualifies {
        total: u32,
        reason: Option<crate::actions::Refusal>,
    },
    /// The server is too old for this action.
    ActionNeedsNewerServer { version: String, needed: String },
    /// Erasing: what was typed is not the expected confirmation.
    EraseConfirmationMismatch { expected: String },
    /// Lost mode needs a message or a phone number.
    LostModeNeedsMessage,
    /// No user was chosen to delete.
    NoUserChosen,
    /// The carrier's eSIM server address is not usable.
    BadEsimServerUrl,
    /// The iOS version to install is missing or malformed.
    BadOsVersion,
    /// There is no such job.
    JobNotFound {
        #[ts(type = "number")]
        job: i64,
    },
}

impl ErrorDetail {
    /// Every kind, for the UI's catalogs (generated into the bindings) and their tests.
    pub const KINDS: [&'static str; 47] = [
        "invalid_server_url",
        "insecure_server_url",
        "unreachable",
        "timeout",
        "wrong_credentials",
        "no_api_clients",
        "missing_privilege",
        "forbidden",
        "not_found_on_server",
        "server_busy",
        "server_answered",
        "unreadable_answer",
        "write_outcome_unknown",
        "server_too_old",
        "sync_cancelled",
        "demo_stopped",
        "demo_could_not_start",
        "no_saved_secret",
        "keychain_unavailable",
        "settings_invalid",
        "settings_unreadable",
        "settings_unwritable",
        "database_too_new",
        "data_folder_unwritable",
        "database_unavailable",
        "database_not_open",
        "sync_already_running",
        "bad_file_name",
        "export_file_unwritable",
        "not_configured",
        "sync_running_before_switch",
        "sync_running_before_delete",
        "empty_account",
        "empty_secret",
        "moved_without_secret",
        "unknown_server_profile",
        "stale_days_out_of_range",
        "device_not_in_snapshot",
        "devices_not_in_snapshot",
        "no_device_qualifies",
        "action_needs_newer_server",
        "erase_confirmation_mismatch",
        "lost_mode_needs_message",
        "no_user_chosen",
        "bad_esim_server_url",
        "bad_os_version",
        "job_not_found",
    ];

    /// One value of every variant: the bindings list each kind's fields from them. A new
    /// variant must be added here, to `kind()` and to `KINDS`: chariot-core's test fails (or
    /// `kind()` stops compiling) until all three agree.
    pub fn examples() -> Vec<ErrorDetail> {
        use ErrorDetail as D;
        let s = || "x".to_owned();
        vec![
            D::InvalidServerUrl { url: s() },
            D::InsecureServerUrl { url: s() },
            D::Unreachable { host: s() },
            D::Timeout {
                host: s(),
                seconds: 30,
            },
            D::WrongCredentials { host: s() },
            D::NoApiClients { host: s() },
            D::MissingPrivilege {
                privilege: s(),
                account: s(),
            },
            D::Forbidden { request: s() },
            D::NotFoundOnServer { request: s() },
            D::ServerBusy,
            D::ServerAnswered { status: 500 },
            D::UnreadableAnswer,
            D::WriteOutcomeUnknown,
            D::ServerTooOld {
                version: s(),
                needed: s(),
            },
            D::SyncCancelled,
            D::DemoStopped,
            D::DemoCouldNotStart,
            D::NoSavedSecret {
                account: s(),
                server: s(),
            },
            D::KeychainUnavailable,
            D::SettingsInvalid { path: s() },
            D::SettingsUnreadable { path: s() },
            D::SettingsUnwritable { path: s() },
            D::DatabaseTooNew { path: s() },
            D::DataFolderUnwritable { path: s() },
            D::DatabaseUnavailable,
            D::DatabaseNotOpen,
            D::SyncAlreadyRunning,
            D::BadFileName { path: s() },
            D::ExportFileUnwritable { path: s() },
            D::NotConfigured,
            D::SyncRunningBeforeSwitch,
            D::SyncRunningBeforeDelete,
            D::EmptyAccount,
            D::EmptySecret,
            D::MovedWithoutSecret,
            D::UnknownServerProfile { id: s() },
            D::StaleDaysOutOfRange { days: 0 },
            D::DeviceNotInSnapshot { id: s() },
            D::DevicesNotInSnapshot,
            D::NoDeviceQualifies {
                total: 2,
                reason: None,
            },
            D::ActionNeedsNewerServer {
                version: s(),
                needed: s(),
            },
            D::EraseConfirmationMismatch { expected: s() },
            D::LostModeNeedsMessage,
            D::NoUserChosen,
            D::BadEsimServerUrl,
            D::BadOsVersion,
            D::JobNotFound { job: 7 },
        ]
    }

    /// The serialised `kind`. Exhaustive: a new variant stops this compiling until it has a
    /// kind here, in [`Self::KINDS`] and (the test checks) an example.
    pub fn kind(&self) -> &'static str {
        match self {
            ErrorDetail::InvalidServerUrl { .. } => "invalid_server_url",
            ErrorDetail::InsecureServerUrl { .. } => "insecure_server_url",
            ErrorDetail::Unreachable { .. } => "unreachable",
            ErrorDetail::Timeout { .. } => "timeout",
            ErrorDetail::WrongCredentials { .. } => "wrong_credentials",
            ErrorDetail::NoApiClients { .. } => "no_api_clients",
            ErrorDetail::MissingPrivilege { .. } => "missing_privilege",
            ErrorDetail::Forbidden { .. } => "forbidden",
            ErrorDetail::NotFoundOnServer { .. } => "not_found_on_server",
            ErrorDetail::ServerBusy => "server_busy",
            ErrorDetail::ServerAnswered { .. } => "server_answered",
            ErrorDetail::UnreadableAnswer => "unreadable_answer",
            ErrorDetail::WriteOutcomeUnknown => "write_outcome_unknown",
            ErrorDetail::ServerTooOld { .. } => "server_too_old",
            ErrorDetail::SyncCancelled => "sync_cancelled",
            ErrorDetail::DemoStopped => "demo_stopped",
            ErrorDetail::DemoCouldNotStart => "demo_could_not_start",
            ErrorDetail::NoSavedSecret { .. } => "no_saved_secret",
            ErrorDetail::KeychainUnavailable => "keychain_unavailable",
            ErrorDetail::SettingsInvalid { .. } => "settings_invalid",
            ErrorDetail::SettingsUnreadable { .. } => "settings_unreadable",
            ErrorDetail::SettingsUnwritable { .. } => "settings_unwritable",
            ErrorDetail::DatabaseTooNew { .. } => "database_too_new",
            ErrorDetail::DataFolderUnwritable { .. } => "data_folder_unwritable",
            ErrorDetail::DatabaseUnavailable => "database_unavailable",
            ErrorDetail::DatabaseNotOpen => "database_not_open",
            ErrorDetail::SyncAlreadyRunning => "sync_already_running",
            ErrorDetail::BadFileName { .. } => "bad_file_name",
            ErrorDetail::ExportFileUnwritable { .. } => "export_file_unwritable",
            ErrorDetail::NotConfigured => "not_configured",
            ErrorDetail::SyncRunningBeforeSwitch => "sync_running_before_switch",
            ErrorDetail::SyncRunningBeforeDelete => "sync_running_before_delete",
            ErrorDetail::EmptyAccount => "empty_account",
            ErrorDetail::EmptySecret => "empty_secret",
            ErrorDetail::MovedWithoutSecret => "moved_without_secret",
            ErrorDetail::UnknownServerProfile { .. } => "unknown_server_profile",
            ErrorDetail::StaleDaysOutOfRange { .. } => "stale_days_out_of_range",
            ErrorDetail::DeviceNotInSnapshot { .. } => "device_not_in_snapshot",
            ErrorDetail::DevicesNotInSnapshot => "devices_not_in_snapshot",
            ErrorDetail::NoDeviceQualifies { .. } => "no_device_qualifies",
            ErrorDetail::ActionNeedsNewerServer { .. } => "action_needs_newer_server",
            ErrorDetail::EraseConfirmationMismatch { .. } => "erase_confirmation_mismatch",
            ErrorDetail::LostModeNeedsMessage => "lost_mode_needs_message",
            ErrorDetail::NoUserChosen => "no_user_chosen",
            ErrorDetail::BadEsimServerUrl => "bad_esim_server_url",
            ErrorDetail::BadOsVersion => "bad_os_version",
            ErrorDetail::JobNotFound { .. } => "job_not_found",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_lists_every_detail_once_as_serialised() {
        let examples = ErrorDetail::examples();
        let mut kinds: Vec<&str> = examples.iter().map(ErrorDetail::kind).collect();
        for (example, kind) in examples.iter().zip(&kinds) {
            let json = serde_json::to_value(example).unwrap();
            assert_eq!(json["kind"], *kind, "{example:?}");
            assert!(ErrorDetail::KINDS.contains(kind), "{kind} is not in KINDS");
        }
        kinds.sort_unstable();
        kinds.dedup();
        let mut listed = ErrorDetail::KINDS.to_vec();
        listed.sort_unstable();
        listed.dedup();
        assert_eq!(
            listed.len(),
            ErrorDetail::KINDS.len(),
            "a kind is listed twice"
        );
        assert_eq!(kinds, listed, "an example or a KINDS entry is missing");
    }
}
