//! The app layer's own refusals, as data. Each becomes the IPC error shape at the boundary;
//! the UI titles and explains it from its catalogs by code, the English text is for logs and
//! the command line.

use chariot_core::{AppError, ErrorCode, ErrorDetail};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuntimeError {
    /// No server profile yet: nothing to sync, send or read from a server.
    NotConfigured,
    /// A sync runs and `action` must wait for it.
    SyncRunning { action: BusyAction },
    /// A lock was poisoned by a panic in an earlier command.
    StateInconsistent,
    /// The demonstration school's network was cut in Réglages.
    DemoStopped,
    /// The connection form's account is empty.
    EmptyAccount,
    /// The connection form's password or secret is empty for a new server.
    EmptySecret,
    /// The server or account changed but no secret was typed for the new one.
    MovedWithoutSecret,
}

/// What had to wait for a running sync.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BusyAction {
    SwitchServer,
    DeleteServer,
}

impl From<RuntimeError> for AppError {
    fn from(e: RuntimeError) -> AppError {
        match e {
            RuntimeError::NotConfigured => {
                AppError::new(ErrorCode::NotConfigured, "no server is configured yet")
                    .with_hint("Connect to Jamf Pro or try the demonstration school first.")
                    .with_detail(ErrorDetail::NotConfigured)
            }
            RuntimeError::SyncRunning { action } => {
                let (then, detail) = match action {
                    BusyAction::SwitchServer => {
                        ("switch servers", ErrorDetail::SyncRunningBeforeSwitch)
                    }
                    BusyAction::DeleteServer => {
                        ("delete the server", ErrorDetail::SyncRunningBeforeDelete)
                    }
                };
                AppError::new(ErrorCode::Busy, "a sync is running")
                    .with_hint(format!("Wait for it to finish or cancel it, then {then}."))
                    .with_detail(detail)
            }
            RuntimeError::StateInconsistent => {
                AppError::internal("the app's state was left inconsistent by an earlier error")
            }
            RuntimeError::DemoStopped => {
                AppError::new(ErrorCode::Network, "the demonstration school is stopped")
                    .with_hint("Réglages › École de démonstration › Rétablir le réseau.")
                    .with_detail(ErrorDetail::DemoStopped)
            }
            RuntimeError::EmptyAccount => {
                AppError::new(ErrorCode::InvalidInput, "the account is empty")
                    .with_hint("Type the Jamf Pro user name or the API client id.")
                    .with_detail(ErrorDetail::EmptyAccount)
            }
            RuntimeError::EmptySecret => AppError::new(
                ErrorCode::InvalidInput,
                "the password or client secret is empty",
            )
            .with_hint("Type it: Chariot keeps it in the system keychain, never in a file.")
            .with_detail(ErrorDetail::EmptySecret),
            RuntimeError::MovedWithoutSecret => AppError::new(
                ErrorCode::InvalidInput,
                "the server or account changed but no password or secret was typed",
            )
            .with_hint("Type the password or client secret for the new server or account.")
            .with_detail(ErrorDetail::MovedWithoutSecret),
        }
    }
}
