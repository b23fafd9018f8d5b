//! Credentials in the OS keychain, and nowhere else: never in SQLite, settings, logs or errors.
//!
//! One entry per (server, account): service `Chariot`, user `account@https://server`.

use chariot_jamf::Secret;

use crate::error::{AppError, ErrorCode, ErrorDetail};

pub struct Keychain {
    service: String,
}

impl Default for Keychain {
    fn default() -> Self {
        Self {
            service: "Chariot".into(),
        }
    }
}

impl Keychain {
    /// A keychain namespace of its own (tests use one so they never touch real entries).
    pub fn with_service(service: impl Into<String>) -> Self {
        Self {
            service: service.into(),
        }
    }

    fn entry(&self, server: &str, account: &str) -> Result<keyring::Entry, AppError> {
        keyring::Entry::new(&self.service, &format!("{account}@{server}")).map_err(unavailable)
    }

    pub fn store(&self, server: &str, account: &str, secret: &Secret) -> Result<(), AppError> {
        let entry = self.entry(server, account)?;
        off_runtime(|| entry.set_password(secret.expose())).map_err(unavailable)
    }

    pub fn load(&self, server: &str, account: &str) -> Result<Secret, AppError> {
        let entry = self.entry(server, account)?;
        match off_runtime(|| entry.get_password()) {
            Ok(value) => Ok(Secret::new(value)),
            Err(keyring::Error::NoEntry) => Err(AppError::new(
                ErrorCode::Auth,
                format!("no saved secret for {account} on {server}"),
            )
            .with_hint(
                "Sign in once with `chariot login` (or from the app), or pass --secret-env VAR.",
            )
            .with_detail(ErrorDetail::NoSavedSecret {
                account: account.to_owned(),
                server: server.to_owned(),
            })),
            Err(e) => Err(unavailable(e)),
        }
    }

    /// Forgets the secret; forgetting one that is not there is not an error.
    pub fn delete(&self, server: &str, account: &str) -> Result<(), AppError> {
        let entry = self.entry(server, account)?;
        match off_runtime(|| entry.delete_credential()) {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(unavailable(e)),
        }
    }
}

/// Runs a keychain call on a plain thread. The Linux backend (zbus) blocks on a runtime of its
/// own, which panics when called from inside an async task (the CLI and the app both run in
/// tokio); a scoped thread has no runtime, so the call is safe from anywhere.
fn off_runtime<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|scope| scope.spawn(f).join().expect("keychain thread panicked"))
}

fn unavailable(e: keyring::Error) -> AppError {
    // The keyring error text names the backend failure, never the secret.
    AppError::new(ErrorCode::Io, format!("the system keychain is not available: {e}")).with_hint(
        "On Linux, Chariot needs a Secret Service keychain (GNOME Keyring or KWallet) unlocked in your session; or pass --secret-env VAR to the command line.",
    )
    .with_detail(ErrorDetail::KeychainUnavailable)
}
