//! Which endpoint sends an action, by the server's version (reference §5.1, §5.4, §5.6), and
//! which actions a server cannot do at all — shown disabled with the reason, never sent to fail.

use chariot_jamf::JamfVersion;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::action::ActionKind;

/// The oldest Jamf Pro whose API takes `POST /api/v2/mdm/commands`. Unconfirmed: Jamf's
/// changelog lists changes to it in 11.3 and `GET /v2/mdm/commands` by 11.1, and older servers
/// had `/preview/mdm/commands`; 11.0 is the safe reading. Older servers get the Classic
/// commands they still had, and their results are read from the Classic device history.
pub const PRO_API_COMMANDS_SINCE: JamfVersion = JamfVersion::new(11, 0, 0);

/// How an action reaches the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// `POST /api/v2/mdm/commands` (by management id).
    ProApi,
    /// `POST /JSSResource/mobiledevicecommands/command/{name}/id/{id}` (by Jamf id).
    Classic(&'static str),
    /// Managed software update plans (OS updates).
    Plans,
}

/// Whether the server has the Jamf Pro API's MDM commands (and their states by UUID).
pub fn has_pro_api_commands(version: Option<JamfVersion>) -> bool {
    // Unknown version (never synced): the current API.
    version.is_none_or(|v| v.at_least(PRO_API_COMMANDS_SINCE.major, PRO_API_COMMANDS_SINCE.minor))
}

/// Why a server cannot send an action: its version is older than the one needed. Data, so each
/// front end words it in its own language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Unavailable {
    /// The server's version, when a sync has read it.
    pub version: Option<String>,
    /// The oldest Jamf Pro that can send it.
    pub needed: String,
}

impl std::fmt::Display for Unavailable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let v = self.version.as_deref().unwrap_or_default();
        write!(
            f,
            "Jamf Pro {v} cannot send this command: Jamf Pro {} or later is needed",
            self.needed
        )
    }
}

/// The route of `action` on a server of `version`, or why it cannot be sent.
pub fn route(action: ActionKind, version: Option<JamfVersion>) -> Result<Route, Unavailable> {
    use ActionKind as A;
    // Classic on every version: UpdateInventory is deprecated (2026-03-13) but still served,
    // and EnableLostMode is the only way to send "always enforce".
    match action {
        A::UpdateInventory => return Ok(Route::Classic("UpdateInventory")),
        A::EnableLostMode => return Ok(Route::Classic("EnableLostMode")),
        _ => {}
    }
    if has_pro_api_commands(version) {
        return Ok(if action == A::UpdateOs {
            Route::Plans
        } else {
            Route::ProApi
        });
    }
    // Before 11.0: the Classic commands these servers still served (EraseDevice was removed in
    // 11.20, DisableLostMode, ClearPasscode and RestartDevice in 11.28: all after 11.0).
    Ok(Route::Classic(match action {
        A::Restart => "RestartDevice",
        A::ShutDown => "ShutDownDevice",
        A::DisableLostMode => "DisableLostMode",
        A::PlayLostModeSound => "PlayLostModeSound",
        A::UpdateLocation => "DeviceLocation",
        A::ClearPasscode => "ClearPasscode",
        A::Erase => "EraseDevice",
        A::RefreshCellularPlans => "RefreshCellularPlans",
        // No Classic command is documented for these in the reference, and update plans
        // came with the newer API: not offered rather than guessed.
        A::DeleteUser | A::LogOutUser | A::UpdateOs => {
            return Err(Unavailable {
                version: version.map(|v| v.to_string()),
                needed: format!(
                    "{}.{}",
                    PRO_API_COMMANDS_SINCE.major, PRO_API_COMMANDS_SINCE.minor
                ),
            });
        }
        A::UpdateInventory | A::EnableLostMode => unreachable!("answered above"),
    }))
}

/// `None` when the server can do `action`; otherwise why not.
pub fn unavailable(action: ActionKind, version: Option<JamfVersion>) -> Option<Unavailable> {
    route(action, version).err()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_servers_get_the_classic_commands_they_had() {
        let old = Some(JamfVersion::new(10, 48, 0));
        assert_eq!(
            route(ActionKind::Restart, old),
            Ok(Route::Classic("RestartDevice"))
        );
        assert_eq!(
            route(ActionKind::Erase, old),
            Ok(Route::Classic("EraseDevice"))
        );
        assert_eq!(
            unavailable(ActionKind::LogOutUser, old),
            Some(Unavailable {
                version: Some("10.48.0".into()),
                needed: "11.0".into()
            })
        );
        assert!(unavailable(ActionKind::UpdateOs, old).is_some());
        let current = Some(JamfVersion::new(11, 30, 1));
        assert!(
            ActionKind::ALL
                .iter()
                .all(|a| unavailable(*a, current).is_none())
        );
        assert_eq!(route(ActionKind::Restart, current), Ok(Route::ProApi));
        assert_eq!(route(ActionKind::UpdateOs, current), Ok(Route::Plans));
        assert_eq!(
            route(ActionKind::UpdateInventory, current),
            Ok(Route::Classic("UpdateInventory"))
        );
        assert!(unavailable(ActionKind::Erase, None).is_none());
    }
}
