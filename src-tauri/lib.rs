//! The desktop shell: window, state, IPC entry points and events. No domain logic lives here;
//! every command is a few lines that call into chariot-core.

mod commands;
mod job_runner;
mod logging;
mod paths;
mod session;
mod state;
mod sync_runner;

use tauri::{AppHandle, Builder, Manager, Runtime};

pub use state::AppState;

/// Registers Chariot's commands and state on a builder. Shared by the real app and by the
/// MockRuntime tests in tests/, so both exercise the same wiring.
pub fn setup<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(tauri::generate_handler![
            commands::status::app_status,
            commands::status::set_language,
            commands::status::update_settings,
            commands::connection::start_demo,
            commands::connection::set_demo_network,
            commands::connection::test_connection,
            commands::connection::save_profile,
            commands::connection::switch_profile,
            commands::connection::delete_profile,
            commands::sync::start_sync,
            commands::sync::cancel_sync,
            commands::screens::dashboard,
            commands::screens::inventory_query,
            commands::screens::inventory_rows,
            commands::screens::device_detail,
            commands::screens::device_history,
            commands::screens::refresh_device_history,
            commands::screens::choose_export_path,
            commands::screens::export_inventory,
            commands::jobs::plan_action,
            commands::jobs::start_job,
            commands::jobs::jobs,
            commands::jobs::job,
            commands::jobs::retry_job,
            commands::jobs::export_job,
            commands::jobs::journal,
            commands::jobs::export_journal,
            commands::jobs::lost_devices,
            commands::jobs::position_status,
            commands::jobs::export_lost_devices,
            commands::jobs::available_os_updates,
        ])
        .setup(|app| {
            initialise(app.handle())?;
            sync_runner::schedule(app.handle());
            job_runner::resume(app.handle());
            Ok(())
        })
}

/// Opens the console (settings, local database, logs) and puts it in the app's state. Run by
/// the setup hook; tests that build the app without running its event loop call it directly.
pub fn initialise<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let paths = paths::console_paths(app)?;
    let log_guard = logging::init(&paths.log_dir);
    let console = chariot_core::Console::open(paths, sys_locale::get_locale());
    app.manage(AppState::new(console, log_guard));
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "Chariot started");
    Ok(())
}

pub fn run() {
    setup(tauri::Builder::default())
        .run(tauri::generate_context!())
        .expect("error while running Chariot");
}
