//! The window's commands, generated from the one IPC contract (`chariot_runtime::contract`):
//! each is a line into the app layer, errors as `{code, message, hint, retryable}`.

use tauri::{AppHandle, Manager, Runtime};

use crate::Core;

/// One `#[tauri::command]` per line of the contract, plus the handler list.
macro_rules! tauri_commands {
    ($($name:ident : $method:ident ($($req:ty)?) -> $resp:ty;)*) => {
        $(
            #[tauri::command]
            pub async fn $name<R: Runtime>(
                app: AppHandle<R>,
                $(request: $req,)?
            ) -> Result<$resp, chariot_core::AppError> {
                let core = app.state::<Core<R>>().inner().clone();
                core.$method($({ let request: $req = request; request })?).await
            }
        )*

        pub fn handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }
    };
}
chariot_runtime::ipc_commands!(tauri_commands);
