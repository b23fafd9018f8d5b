//! Exit codes by class of failure, stable for scripts (documented in `chariot --help`), and how
//! an error is printed: what happened, then how to fix it.

use std::process::ExitCode;

use chariot_core::{AppError, ErrorCode};

pub const EXIT_CODES_HELP: &str = "\
Exit codes: 0 success · 1 internal error · 2 usage (bad option or value) · 3 authentication or
privilege · 4 network (server unreachable, timeout) · 5 server error · 6 local data (database,
files) · 130 cancelled.";

pub fn code_for(err: &AppError) -> u8 {
    match err.code {
        ErrorCode::Internal => 1,
        ErrorCode::InvalidInput | ErrorCode::NotFound => 2,
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
