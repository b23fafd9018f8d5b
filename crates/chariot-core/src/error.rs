//! The error shape every front end sees: `{ code, detail, message, hint, retryable }`.
//!
//! `code` is a closed set so the UI can branch on it (and localise a title for it) without
//! matching strings; `detail` is the situation as typed data (a kind and its fields), which the
//! UI words from its own catalogs in the user's language; `message` says what happened, `hint`
//! how to fix it, in English, for the logs, the command line and support. Crates keep their own
//! `thiserror` enums and convert into [`AppError`] at the boundary.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What kind of failure this is. Closed on purpose: add a variant only when a front end needs to
/// treat it differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A bug or an unexpected state in Chariot itself.
    Internal,
    /// The request was malformed (bad value typed by the user, unknown option).
    InvalidInput,
    /// The thing asked for does not exist (device, profile, job).
    NotFound,
    /// The local database could not be read or written.
    Database,
    /// The local database was written by a newer Chariot.
    DatabaseTooNew,
    /// A local file could not be read or written (settings, export, logs).
    Io,
    /// The server could not be reached.
    Network,
    /// The server refused the credentials or the account lacks a privilege.
    Auth,
    /// The server answered with an error.
    Server,
    /// The user cancelled the operation.
    Cancelled,
    /// Nothing to act on yet: no server is configured.
    NotConfigured,
    /// Something else runs (a sync) and this must wait for it.
    Busy,
}

impl ErrorCode {
    /// Every code, for the UI's catalogs (generated into the bindings) and their tests.
    pub const ALL: [ErrorCode; 12] = [
        ErrorCode::Internal,
        ErrorCode::InvalidInput,
        ErrorCode::NotFound,
        ErrorCode::Database,
        ErrorCode::DatabaseTooNew,
        ErrorCode::Io,
        ErrorCode::Network,
        ErrorCode::Auth,
        ErrorCode::Server,
        ErrorCode::Cancelled,
        ErrorCode::NotConfigured,
        ErrorCode::Busy,
    ];
}

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

/// The serialisable error returned by every IPC command and shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    pub code: ErrorCode,
    /// The situation as data, for the UI's sentence in the user's language; `None` for what
    /// only the code explains (a bug, a malformed request).
    #[serde(default)]
    pub detail: Option<ErrorDetail>,
    /// What happened, in an English sentence the IT manager can read: for the logs, the
    /// command line and support (the UI words `detail` in the user's language).
    pub message: String,
    /// How to fix it, when there is something to do (English, like `message`).
    pub hint: Option<String>,
    /// Whether trying the same thing again may succeed (network blips, busy server).
    pub retryable: bool,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            detail: None,
            message: message.into(),
            hint: None,
            retryable: matches!(code, ErrorCode::Network | ErrorCode::Server),
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_detail(mut self, detail: ErrorDetail) -> Self {
        self.detail = Some(detail);
        self
    }

    pub fn retryable(mut self, retryable: bool) -> Self {
        self.retryable = retryable;
        self
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
            .with_hint("This is a bug in Chariot. The log file has the details; please report it.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[test]
    fn serialises_as_the_ipc_shape() {
        let err = AppError::new(ErrorCode::DatabaseTooNew, "too new").with_hint("update");
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "code": "database_too_new",
                "detail": null,
                "message": "too new",
                "hint": "update",
                "retryable": false
            })
        );
    }

    #[test]
    fn a_detail_serialises_as_its_kind_and_camel_case_fields() {
        let err = AppError::new(ErrorCode::Auth, "the account lacks the privilege").with_detail(
            ErrorDetail::MissingPrivilege {
                privilege: "Read Mobile Devices".into(),
                account: "chariot".into(),
            },
        );
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(
            json["detail"],
            serde_json::json!({
                "kind": "missing_privilege",
                "privilege": "Read Mobile Devices",
                "account": "chariot"
            })
        );
        let back: AppError = serde_json::from_value(json).unwrap();
        assert_eq!(back, err);
    }

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

    #[test]
    fn an_error_without_detail_reads_back() {
        // Errors saved or sent before details existed have no `detail` field.
        let parsed: AppError = serde_json::from_value(serde_json::json!({
            "code": "network", "message": "m", "hint": null, "retryable": true
        }))
        .unwrap();
        assert_eq!(parsed.detail, None);
    }

    #[rstest]
    #[case(ErrorCode::Network, true)]
    #[case(ErrorCode::Server, true)]
    #[case(ErrorCode::Auth, false)]
    #[case(ErrorCode::InvalidInput, false)]
    #[case(ErrorCode::Database, false)]
    fn retryable_defaults_follow_the_code(#[case] code: ErrorCode, #[case] expected: bool) {
        assert_eq!(AppError::new(code, "x").retryable, expected);
    }

    #[test]
    fn all_lists_every_code_once() {
        // A new variant must be added to ALL: this match stops compiling until it is handled.
        let position = |code: ErrorCode| match code {
            ErrorCode::Internal
            | ErrorCode::InvalidInput
            | ErrorCode::NotFound
            | ErrorCode::Database
            | ErrorCode::DatabaseTooNew
            | ErrorCode::Io
            | ErrorCode::Network
            | ErrorCode::Auth
            | ErrorCode::Server
            | ErrorCode::Cancelled
            | ErrorCode::NotConfigured
            | ErrorCode::Busy => ErrorCode::ALL.iter().position(|c| *c == code),
        };
        let mut seen: Vec<usize> = ErrorCode::ALL
            .iter()
            .map(|c| position(*c).unwrap())
            .collect();
        seen.dedup();
        assert_eq!(seen.len(), ErrorCode::ALL.len());
    }

    #[test]
    fn an_unknown_code_is_rejected_when_read_back() {
        let parsed: Result<AppError, _> = serde_json::from_value(serde_json::json!({
            "code": "teapot", "message": "m", "hint": null, "retryable": false
        }));
        assert!(parsed.is_err());
    }
}
