// Hides the console window on Windows release builds; the app logs to a file instead.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    chariot_app::run();
}
