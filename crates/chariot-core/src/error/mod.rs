//! The error shape every front end sees: `{ code, detail, message, hint, retryable }`.
//!
//! `code` is a closed set so the UI can branch on it (and localise a title for it) without
//! matching strings; `detail` is the situation as typed data (a kind and its fields), which the
//! UI words from its own catalogs in the user's language; `message` says what happened, `hint`
//! how to fix it, in English, for the logs, the command line and support. Crates keep their own
//! `thiserror` enums and convert into [`AppError`] at the boundary.

mod detail;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use detail::ErrorDetail;

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
