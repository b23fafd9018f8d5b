//! The desktop shell: window, logs and the host of the app layer. No domain logic lives here:
//! the commands are generated from the IPC contract and call `chariot_runtime::App`.

mod commands;
mod host;
mod logging;
mod paths;

use tauri::{AppHandle, Builder, Manager, Runtime};

/// The app layer as the desktop hosts it, kept in Tauri's state.
pub type Core<R> = chariot_runtime::App<host::DesktopHost<R>>;

/// Flushes the log file on exit; dropped with the app's state.
struct LogGuard(#[allow(dead_code)] Option<tracing_appender::non_blocking::WorkerGuard>);

/// Registers Chariot's commands and state on a builder. Shared by the real app and by the
/// MockRuntime tests in tests/, so both exercise the same wiring.
pub fn setup<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(commands::handler())
        .setup(|app| {
            initialise(app.handle())?;
            let core = app.state::<Core<R>>();
            core.schedule_syncs();
            core.resume_jobs();
            Ok(())
        })
}

/// Opens the app layer (settings, local database, logs) and puts it in the app's state. Run
/// by the setup hook; tests that build the app without running its event loop call it
/// directly.
pub fn initialise<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let paths = paths::console_paths(app)?;
    let log_guard = logging::init(&paths.log_dir);
    let host = host::DesktopHost { app: app.clone() };
    app.manage(chariot_runtime::App::open(
        host,
        paths,
        sys_locale::get_locale(),
    ));
    app.manage(LogGuard(log_guard));
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "Chariot started");
    Ok(())
}

pub fn run() {
    setup(tauri::Builder::default())
        .run(tauri::generate_context!())
        .expect("error while running Chariot");
}
