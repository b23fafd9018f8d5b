//! What can go wrong talking to Jamf Pro, in terms the sync and the UI can act on.

use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum JamfError {
    #[error("`{url}` is not a usable server address: {reason}")]
    InvalidUrl { url: String, reason: String },

    #[error(
        "`{url}` uses plain http: Chariot only sends credentials over https (plain http is allowed for this computer's own addresses only)"
    )]
    InsecureUrl { url: String },

    #[error("cannot reach {host}: {detail}")]
    Unreachable { host: String, detail: String },

    #[error("{host} did not answer within {timeout:?}")]
    Timeout { host: String, timeout: Duration },

    #[error("{host} refused the credentials ({detail})")]
    Unauthorized {
        host: String,
        detail: String,
        /// The server has no token endpoint for API clients (before 10.49): the fix is a
        /// user name and password, not another secret. Front ends say so in their language.
        no_api_clients: bool,
    },

    #[error("the Jamf Pro account lacks a privilege for {what} (HTTP 403)")]
    Forbidden { what: String },

    #[error("{what} was not found on the server (HTTP 404)")]
    NotFound { what: String },

    #[error("the server is busy (HTTP 429) for {what}; it asked to wait {retry_after:?}")]
    RateLimited {
        what: String,
        retry_after: Option<Duration>,
    },

    #[error("the server answered HTTP {status} for {what}: {detail}")]
    Server {
        status: u16,
        what: String,
        detail: String,
        /// A 503 may say when to come back, as a 429 does.
        retry_after: Option<Duration>,
    },

    #[error("the server's answer to {what} could not be read: {detail}")]
    Decode { what: String, detail: String },

    #[error(
        "a write to {what} got no complete answer ({detail}): it may or may not have been applied, so it was not sent again"
    )]
    WriteOutcomeUnknown { what: String, detail: String },
}

impl JamfError {
    /// Whether the same GET may succeed if sent again (after a pause).
    pub fn is_transient(&self) -> bool {
        match self {
            JamfError::Unreachable { .. }
            | JamfError::Timeout { .. }
            | JamfError::RateLimited { .. }
            | JamfError::Decode { .. } => true,
            JamfError::Server { status, .. } => matches!(status, 500 | 502 | 503 | 504),
            _ => false,
        }
    }

    /// A gateway or client timeout: the answer was too big or too slow, so ask for less.
    pub fn is_timeout_like(&self) -> bool {
        matches!(
            self,
            JamfError::Timeout { .. } | JamfError::Server { status: 504, .. }
        )
    }

    /// The class of failure, for exit codes and UI error codes.
    pub fn class(&self) -> ErrorClass {
        match self {
            JamfError::InvalidUrl { .. } | JamfError::InsecureUrl { .. } => ErrorClass::Usage,
            JamfError::Unauthorized { .. } | JamfError::Forbidden { .. } => ErrorClass::Auth,
            JamfError::Unreachable { .. } | JamfError::Timeout { .. } => ErrorClass::Network,
            JamfError::RateLimited { .. }
            | JamfError::Server { .. }
            | JamfError::NotFound { .. }
            | JamfError::WriteOutcomeUnknown { .. } => ErrorClass::Server,
            JamfError::Decode { .. } => ErrorClass::Data,
        }
    }

    /// How the user can fix it.
    pub fn hint(&self) -> &'static str {
        match self {
            JamfError::InvalidUrl { .. } => {
                "Type the address of your Jamf Pro server, for example https://ecollege31.jamfcloud.com."
            }
            JamfError::InsecureUrl { .. } => "Use the https:// address of your Jamf Pro server.",
            JamfError::Unreachable { .. } | JamfError::Timeout { .. } => {
                "Check the network connection and the server address; Chariot keeps showing the last snapshot meanwhile."
            }
            JamfError::Unauthorized { .. } => {
                "Check the user name and password (or the API client id and secret) in Jamf Pro, then sign in again."
            }
            JamfError::Forbidden { .. } => {
                "Ask your Jamf Pro administrator to grant the missing privilege to this account or API role."
            }
            JamfError::NotFound { .. } => {
                "Sync again: the item may have been deleted on the server."
            }
            JamfError::RateLimited { .. } | JamfError::Server { .. } => {
                "Try again in a few minutes. If it persists, check the server's status with your Jamf Pro administrator."
            }
            JamfError::Decode { .. } => {
                "Try again; if it persists, the server sent data Chariot does not understand: report it with the log file."
            }
            JamfError::WriteOutcomeUnknown { .. } => {
                "Check the device's history after its next check-in before sending the action again."
            }
        }
    }
}

/// Broad classes, stable for scripts (CLI exit codes) and the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    Usage,
    Auth,
    Network,
    Server,
    /// The server's answer could not be read (cut off, not JSON, an unexpected value). Still
    /// the server's (or a proxy's) doing, never a problem with this computer's data: front
    /// ends report it as a server error (`chariot` exits 5, not 6).
    Data,
}
