//! Exit codes by class of failure, stable for scripts (documented in `chariot --help`), and how
//! an error is printed: what happened, then how to fix it.

use std::process::ExitCode;

use chariot_core::{AppError, ErrorCode};

pub const EXIT_CODES_HELP: &str = "\
Exit codes: 0 success · 1 internal error · 2 usage (bad option or value, or a sync of the same
server already running) · 3 authentication or privilege · 4 network (server unreachable,
timeout) · 5 server error (including an answer Chariot cannot read) · 6 local data (database,
files on this computer) · 130 cancelled.";

/// The exit code of an error, by its class. A server answer Chariot cannot read (cut off, not
/// JSON, an unexpected value: chariot-jamf's `ErrorClass::Data`) arrives here as
/// `ErrorCode::Server` on purpose: it is the server's (or a proxy's) doing, so 5, not the 6
/// that sends the IT manager to their own disk.
pub fn code_for(err: &AppError) -> u8 {
    match err.code {
        ErrorCode::Internal => 1,
        // Busy: a sync of the same database already runs (scripts saw 2 for it before it had
        // a code of its own).
        ErrorCode::InvalidInput
        | ErrorCode::NotFound
        | ErrorCode::NotConfigured
        | ErrorCode::Busy => 2,
        ErrorCode::Auth => 3,
        ErrorCode::Network => 4,
        ErrorCode::Server => 5,
        ErrorCode::Database | ErrorCode::DatabaseTooNew | ErrorCode::Io => 6,
        ErrorCode::Cancelled => 130,
    }
}

pub fn fail(err: AppError) -> ExitCode {
    eprintln!("error: {}", err.message);
    if let Some(hint) = &err.hint {
        eprintln!("hint: {hint}");
    }
    ExitCode::from(code_for(&err))
}

pub fn usage(message: impl Into<String>, hint: impl Into<String>) -> AppError {
    AppError::new(ErrorCode::InvalidInput, message).with_hint(hint)
}

#[cfg(test)]
mod tests {
    use super::code_for;
    use chariot_core::AppError;
    use chariot_core::sync::SyncError;
    use chariot_jamf::JamfError;
    use rstest::rstest;

    fn unreadable() -> JamfError {
        JamfError::Decode {
            what: "/api/v2/mobile-devices/detail".into(),
            detail: "expected value at line 1 column 1".into(),
        }
    }

    /// During a sync and outside one (a command, a job's poll), an unreadable answer is a
    /// server error, and its message and hint speak of the server.
    #[rstest]
    #[case::during_a_sync(AppError::from(SyncError::Jamf(unreadable())))]
    #[case::outside_a_sync(AppError::from(unreadable()))]
    fn an_unreadable_answer_is_a_server_error(#[case] err: AppError) {
        assert_eq!(code_for(&err), 5, "{err:?}");
        assert!(err.message.contains("server's answer"), "{err:?}");
        assert!(!err.message.to_lowercase().contains("database"), "{err:?}");
    }
}
