//! MDM commands: the queue entries, their states, and how a device answers them.
//!
//! The states mirror Jamf's `MdmCommandState` (PENDING → ACKNOWLEDGED / NOT_NOW / ERROR). A
//! command stays PENDING until its target checks in; the answer follows Apple's rules for
//! each command (reference `apple-mdm-commands-and-restrictions.md` §2 and §6).

use chrono::{DateTime, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommandState {
    Pending,
    Acknowledged,
    NotNow,
    Error,
    CommandFormatError,
}

impl CommandState {
    pub fn as_str(self) -> &'static str {
        match self {
            CommandState::Pending => "PENDING",
            CommandState::Acknowledged => "ACKNOWLEDGED",
            CommandState::NotNow => "NOT_NOW",
            CommandState::Error => "ERROR",
            CommandState::CommandFormatError => "COMMAND_FORMAT_ERROR",
        }
    }

    /// Still waiting for (another) delivery.
    pub fn is_active(self) -> bool {
        matches!(self, CommandState::Pending | CommandState::NotNow)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CommandError {
    pub code: i64,
    pub domain: String,
    pub description: String,
}

impl CommandError {
    pub fn mdm(code: i64, description: &str) -> Self {
        CommandError {
            code,
            domain: "MCMDMErrorDomain".to_string(),
            description: description.to_string(),
        }
    }
}

/// Apple error codes the simulator returns (documented ones first).
pub mod codes {
    pub const NOT_IN_LOST_MODE: i64 = 12067;
    pub const LOCATION_UNKNOWN: i64 = 12068;
    pub const INVALID_IN_LOST_MODE: i64 = 12078;
    pub const USER_DOES_NOT_EXIST: i64 = 12071;
    pub const USER_LOGGED_IN: i64 = 12072;
    pub const USER_HAS_DATA_TO_SYNC: i64 = 12073;
    pub const CELLULAR_UNSUPPORTED: i64 = 36002;
    /// UNCONFIRMED (reference §6): Apple does not document the code a device returns for a
    /// command its mode forbids (lost mode while unsupervised, ClearPasscode on a Shared
    /// iPad, DeleteUser off Shared iPad). We use MCMDMErrorDomain 12021, the generic
    /// "request not supported" code, so clients treat it as a plain ERROR.
    pub const NOT_SUPPORTED: i64 = 12021;
}

#[derive(Debug, Clone)]
pub struct Command {
    pub uuid: String,
    pub device_id: u32,
    pub management_id: String,
    /// Jamf Pro API `commandType` (e.g. `ENABLE_LOST_MODE`).
    pub command_type: String,
    /// The `commandData` object as received (Classic parameters are mapped onto it).
    pub params: serde_json::Value,
    pub date_sent: DateTime<Utc>,
    pub state: CommandState,
    pub date_completed: Option<DateTime<Utc>>,
    pub error: Option<CommandError>,
    /// When the device will next pick this command up (`None`: never, the device is stale).
    pub deliver_at: Option<DateTime<Utc>>,
    pub profile_id: Option<u32>,
}

/// v2 command types the simulator executes with specific behaviour; every other type in
/// Jamf's `MdmCommandType` enum is accepted and simply acknowledged.
pub const KNOWN_TYPES: &[&str] = &[
    "ENABLE_LOST_MODE",
    "DISABLE_LOST_MODE",
    "PLAY_LOST_MODE_SOUND",
    "DEVICE_LOCATION",
    "CLEAR_PASSCODE",
    "DELETE_USER",
    "LOG_OUT_USER",
    "RESTART_DEVICE",
    "SHUT_DOWN_DEVICE",
    "ERASE_DEVICE",
    "REFRESH_CELLULAR_PLANS",
    "SETTINGS",
    "DEVICE_LOCK",
    "DEVICE_INFORMATION",
    "UPDATE_INVENTORY",
    "APPLY_REDEMPTION_CODE",
    "CERTIFICATE_LIST",
    "CLEAR_RESTRICTIONS_PASSWORD",
    "DECLARATIVE_MANAGEMENT",
    "INSTALLED_APPLICATION_LIST",
    "MANAGED_APPLICATION_LIST",
    "MANAGED_MEDIA_LIST",
    "PROFILE_LIST",
    "PROVISIONING_PROFILE_LIST",
    "REQUEST_MIRRORING",
    "SECURITY_INFO",
    "STOP_MIRRORING",
    "VALIDATE_APPLICATIONS",
    "UNLOCK_USER_ACCOUNT",
    "INSTALL_PROFILE",
    "REMOVE_PROFILE",
    "UNMANAGE_DEVICE",
    "WALLPAPER",
    "PASSCODE_LOCK_GRACE_PERIOD",
];

/// Why a v2 `commandData` object is refused; its text becomes a 400 ApiError's description.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandDataError {
    #[error("commandType is required")]
    NoType,
    #[error("Invalid commandType: {0}")]
    UnknownType(String),
    #[error("lostModeMessage or lostModePhone is required")]
    LostModeWithoutText,
    #[error("esimServerUrl must be 1 to 2048 characters")]
    EsimUrlLength,
}

/// Checks a v2 `commandData` object and returns its command type.
pub fn validate_command_data(data: &serde_json::Value) -> Result<String, CommandDataError> {
    let ty = data
        .get("commandType")
        .and_then(|v| v.as_str())
        .ok_or(CommandDataError::NoType)?;
    // UPDATE_INVENTORY is not a v2 commandType in 11.30.1 (reference §5.1); it exists only
    // through the Classic API, so the v2 endpoint refuses it.
    if ty == "UPDATE_INVENTORY" || !KNOWN_TYPES.contains(&ty) {
        return Err(CommandDataError::UnknownType(ty.to_owned()));
    }
    let s = |k: &str| data.get(k).and_then(|v| v.as_str()).unwrap_or("");
    match ty {
        "ENABLE_LOST_MODE" if s("lostModeMessage").is_empty() && s("lostModePhone").is_empty() => {
            Err(CommandDataError::LostModeWithoutText)
        }
        "REFRESH_CELLULAR_PLANS" => {
            // The schema spells it `esimServerUrl`; the issue text says `eSIMServerUrl`.
            // Accept both spellings rather than reject a client that follows either.
            let url = if s("esimServerUrl").is_empty() {
                s("eSIMServerUrl")
            } else {
                s("esimServerUrl")
            };
            if url.is_empty() || url.len() > 2048 {
                Err(CommandDataError::EsimUrlLength)
            } else {
                Ok(ty.to_string())
            }
        }
        _ => Ok(ty.to_string()),
    }
}

/// Classic command names → v2 types, for the names the 11.30.1 Classic API still serves.
/// `None` means removed in 11.28 or never offered for mobile devices in 11.30.1 (reference
/// §5.4: DisableLostMode, ClearPasscode, RestartDevice, BlankPush...).
pub fn classic_to_v2(name: &str) -> Option<&'static str> {
    Some(match name {
        "UpdateInventory" => "UPDATE_INVENTORY",
        "EnableLostMode" => "ENABLE_LOST_MODE",
        "DeviceLocation" => "DEVICE_LOCATION",
        "PlayLostModeSound" => "PLAY_LOST_MODE_SOUND",
        "PasscodeLockGracePeriod" => "PASSCODE_LOCK_GRACE_PERIOD",
        "RefreshCellularPlans" => "REFRESH_CELLULAR_PLANS",
        "Wallpaper" => "WALLPAPER",
        "DeviceName" => "SETTINGS",
        "ScheduleOSUpdate" => "SCHEDULE_OS_UPDATE",
        _ => return None,
    })
}

/// `(major, minor)` of a `jamf-pro-version` string such as "11.30.1-t1784555528405".
pub fn version_of(v: &str) -> (u32, u32) {
    let mut parts = v.split(['.', '-']).map(|p| p.parse::<u32>().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

/// Classic command names → v2 types for a server of `version`: what 11.30.1 serves, plus the
/// commands removed since, on servers older than their removal (reference §5.4: EraseDevice
/// gone in 11.20; DisableLostMode, ClearPasscode, RestartDevice in 11.28; ShutDownDevice is
/// legacy, taken as removed with RestartDevice [guess]).
pub fn classic_to_v2_at(name: &str, version: (u32, u32)) -> Option<&'static str> {
    if let Some(v2) = classic_to_v2(name) {
        return Some(v2);
    }
    let before = |major: u32, minor: u32| version < (major, minor);
    Some(match name {
        "EraseDevice" if before(11, 20) => "ERASE_DEVICE",
        "DisableLostMode" if before(11, 28) => "DISABLE_LOST_MODE",
        "ClearPasscode" if before(11, 28) => "CLEAR_PASSCODE",
        "RestartDevice" if before(11, 28) => "RESTART_DEVICE",
        "ShutDownDevice" if before(11, 28) => "SHUT_DOWN_DEVICE",
        _ => return None,
    })
}

/// Whether the Jamf Pro API's `/v2/mdm/commands` exists on a server of `version`. [guess] Its
/// first version is not documented in the reference; Chariot's safe reading is 11.0 (older
/// servers had `/preview/mdm/commands`), and the simulator follows that reading so the Classic
/// path Chariot takes for older servers is exercised for real.
pub fn has_v2_commands(version: (u32, u32)) -> bool {
    version >= (11, 0)
}

/// The name shown in Classic history for a v2 type (Classic uses Apple-style names).
pub fn classic_name(v2: &str) -> String {
    match v2 {
        "SETTINGS" => "Settings".into(),
        "SCHEDULE_OS_UPDATE" => "ScheduleOSUpdate".into(),
        other => other
            .split('_')
            .map(|w| {
                let mut c = w.chars();
                match c.next() {
                    Some(f) => f.to_string() + &c.as_str().to_lowercase(),
                    None => String::new(),
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;
    use serde_json::json;

    #[rstest]
    #[case(json!({"commandType": "ENABLE_LOST_MODE", "lostModeMessage": "Rendez-moi"}), true)]
    #[case(json!({"commandType": "ENABLE_LOST_MODE", "lostModeFootnote": "x"}), false)]
    #[case(json!({"commandType": "REFRESH_CELLULAR_PLANS", "eSIMServerUrl": "https://e.example"}), true)]
    #[case(json!({"commandType": "REFRESH_CELLULAR_PLANS"}), false)]
    #[case(json!({"commandType": "UPDATE_INVENTORY"}), false)]
    #[case(json!({"commandType": "MAKE_COFFEE"}), false)]
    #[case(json!({}), false)]
    fn validates_command_data(#[case] data: serde_json::Value, #[case] ok: bool) {
        assert_eq!(validate_command_data(&data).is_ok(), ok);
    }

    #[rstest]
    #[case("DEVICE_LOCATION", "DeviceLocation")]
    #[case("ENABLE_LOST_MODE", "EnableLostMode")]
    fn classic_names(#[case] v2: &str, #[case] classic: &str) {
        assert_eq!(classic_name(v2), classic);
    }

    #[test]
    fn removed_classic_commands_are_refused() {
        for name in [
            "DisableLostMode",
            "ClearPasscode",
            "RestartDevice",
            "BlankPush",
        ] {
            assert!(classic_to_v2(name).is_none(), "{name}");
        }
        assert_eq!(classic_to_v2("EnableLostMode"), Some("ENABLE_LOST_MODE"));
    }
}
