//! Server profiles: the demo school, the connection form's "Tester" and "Enregistrer",
//! switching and deleting. Secrets go to the OS keychain and nowhere else.

use chariot_core::connection;
use chariot_core::ipc::IdRequest;
use chariot_core::profiles::{ConnectionCheck, ProfileDraft, ServerProfile, profile_id};
use chariot_core::secrets::Keychain;
use chariot_core::status::AppStatus;
use chariot_core::{AppError, ErrorCode};
use chariot_jamf::Secret;
use tauri::{AppHandle, Runtime, State};

use crate::AppState;

/// "Essayer avec une école de démonstration": starts the simulated school, makes it the active
/// profile and syncs it.
#[tauri::command]
pub async fn start_demo<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<AppStatus, AppError> {
    state.demo.lock().await.cut = false;
    crate::session::ensure_demo(&state).await?;
    let label = match state.with_console(|c| Ok(c.lang()))? {
        chariot_core::locale::Lang::Fr => "École de démonstration",
        chariot_core::locale::Lang::En => "Demonstration school",
    };
    state.with_console(|c| c.save_and_activate(ServerProfile::demo(label)))?;
    crate::sync_runner::start(&app, false)
}

/// Cuts or restores the demo school's network (the simulator really stops), to try the offline
/// mode. A sync after a cut fails like a real outage and the app keeps the last snapshot.
#[tauri::command]
pub async fn set_demo_network(
    state: State<'_, AppState>,
    request: chariot_core::ipc::DemoNetworkRequest,
) -> Result<AppStatus, AppError> {
    let mut demo = state.demo.lock().await;
    if request.online {
        demo.cut = false;
        drop(demo);
        crate::session::ensure_demo(&state).await?;
    } else {
        demo.cut = true;
        if let Some(school) = demo.school.take() {
            demo.last_url = Some(school.base_url());
            school.stop().await;
        }
    }
    state.with_console(|c| c.status())
}

fn secret_of(draft: &ProfileDraft) -> Option<Secret> {
    draft
        .secret
        .as_ref()
        .filter(|s| !s.0.is_empty())
        .map(|s| Secret::new(s.0.clone()))
}

fn check_draft(draft: &ProfileDraft) -> Result<chariot_jamf::ServerUrl, AppError> {
    if draft.account.trim().is_empty() {
        return Err(
            AppError::new(ErrorCode::InvalidInput, "the account is empty")
                .with_hint("Type the Jamf Pro user name or the API client id."),
        );
    }
    connection::parse_server(&draft.server_url)
}

/// The secret typed in the form, or (editing a saved profile) the one in the keychain.
fn secret_for(draft: &ProfileDraft, server: &chariot_jamf::ServerUrl) -> Result<Secret, AppError> {
    match secret_of(draft) {
        Some(s) => Ok(s),
        None if draft.id.is_some() => {
            Keychain::default().load(&server.to_string(), draft.account.trim())
        }
        None => Err(no_secret()),
    }
}

fn no_secret() -> AppError {
    AppError::new(
        ErrorCode::InvalidInput,
        "the password or client secret is empty",
    )
    .with_hint("Type it: Chariot keeps it in the system keychain, never in a file.")
}

/// "Tester": never saves anything.
#[tauri::command]
pub async fn test_connection(draft: ProfileDraft) -> Result<ConnectionCheck, AppError> {
    let server = check_draft(&draft)?;
    let secret = secret_for(&draft, &server)?;
    let client = connection::client(server, draft.auth, draft.account.trim(), secret)?;
    Ok(connection::check(&client).await)
}

/// "Enregistrer": the secret to the keychain, the profile to the settings, then a first sync.
#[tauri::command]
pub fn save_profile<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    draft: ProfileDraft,
) -> Result<AppStatus, AppError> {
    let server = check_draft(&draft)?;
    let account = draft.account.trim().to_owned();
    let id = profile_id(&server);
    let secret = secret_of(&draft);
    // Editing may have changed the server or account: the old keychain entry goes, and the new
    // one needs the secret typed again.
    let moved = draft
        .id
        .as_ref()
        .and_then(|old_id| state.with_console(|c| c.profile(old_id).cloned()).ok())
        .filter(|o| o.server_url != server.to_string() || o.account != account);
    if secret.is_none() {
        if draft.id.is_none() {
            return Err(no_secret());
        }
        if moved.is_some() {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                "the server or account changed but no password or secret was typed",
            )
            .with_hint("Type the password or client secret for the new server or account."));
        }
    }
    if let Some(secret) = &secret {
        Keychain::default().store(&server.to_string(), &account, secret)?;
    }
    if let Some(old) = moved {
        let _ = Keychain::default().delete(&old.server_url, &old.account);
        if old.id != id {
            state.with_console(|c| c.delete_profile(&old.id).map(|_| ()))?;
        }
    }
    let label = match draft.label.trim() {
        "" => server.host().to_owned(),
        l => l.to_owned(),
    };
    let profile = ServerProfile {
        id,
        label,
        server_url: server.to_string(),
        auth: draft.auth,
        account,
        demo: false,
    };
    state.with_console(|c| c.save_and_activate(profile))?;
    crate::sync_runner::start(&app, false)
}

#[tauri::command]
pub fn switch_profile<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: IdRequest,
) -> Result<AppStatus, AppError> {
    if state.sync.lock().map(|s| s.is_some()).unwrap_or(false) {
        return Err(AppError::new(ErrorCode::InvalidInput, "a sync is running")
            .with_hint("Wait for it to finish or cancel it, then switch servers."));
    }
    let status = state.with_console(|c| c.switch_profile(&request.id))?;
    let _ = tauri::Emitter::emit(&app, chariot_core::ipc::events::STATUS_CHANGED, &status);
    Ok(status)
}

#[tauri::command]
pub fn delete_profile(
    state: State<'_, AppState>,
    request: IdRequest,
) -> Result<AppStatus, AppError> {
    if state.sync.lock().map(|s| s.is_some()).unwrap_or(false) {
        return Err(AppError::new(ErrorCode::InvalidInput, "a sync is running")
            .with_hint("Wait for it to finish or cancel it, then delete the server."));
    }
    let profile = state.with_console(|c| c.delete_profile(&request.id))?;
    if !profile.demo {
        Keychain::default().delete(&profile.server_url, &profile.account)?;
    }
    state.with_console(|c| c.status())
}
