//! The end of a signed-in command: Ctrl-C, and signing out. Whatever ends the command (done, an
//! error, Ctrl-C), a user's bearer token is invalidated on the server before the process exits:
//! otherwise it stays valid for its whole lifetime (30 minutes) after `chariot` is gone.

use chariot_core::{AppError, ErrorCode};
use tokio::sync::watch;

/// Ctrl-C for a command that signs in. The first press asks the command to stop (it then signs
/// out and exits 130); a second quits at once, without signing out. Installed once the command
/// no longer reads the terminal: while installed, Ctrl-C does not kill the process.
pub struct Interrupt {
    pressed: watch::Receiver<bool>,
}

impl Interrupt {
    /// From now on, Ctrl-C prints `notice` and runs `on_press` (e.g. sets a sync's cancel flag).
    pub fn install(notice: &'static str, on_press: impl FnOnce() + Send + 'static) -> Interrupt {
        let (tx, pressed) = watch::channel(false);
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_err() {
                return;
            }
            eprintln!("\n{notice} (Ctrl-C again to quit at once)");
            on_press();
            let _ = tx.send(true);
            if tokio::signal::ctrl_c().await.is_ok() {
                std::process::exit(130);
            }
        });
        Interrupt { pressed }
    }

    pub fn is_pressed(&self) -> bool {
        *self.pressed.borrow()
    }

    /// Resolves once Ctrl-C has been pressed (never, if it is not).
    pub async fn pressed(&self) {
        let mut pressed = self.pressed.clone();
        if pressed.wait_for(|p| *p).await.is_err() {
            // The handler could not be installed: no Ctrl-C will ever be seen here.
            std::future::pending::<()>().await;
        }
    }
}

/// What a command that stopped on Ctrl-C returns: exit 130, saying what was kept.
pub fn cancelled(message: impl Into<String>) -> AppError {
    AppError::new(ErrorCode::Cancelled, message)
}

/// Invalidates the user's token on the server, as the app does at the end of a sync.
pub use chariot_core::connection::sign_out;
