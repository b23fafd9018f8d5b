//! What can be done to a device, with its parameters, and how each action is sent to Jamf Pro
//! (reference §5.1 and §5.4).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{AppError, ErrorCode, ErrorDetail};
use crate::locale::Lang;

/// The action without its parameters: what the journal and the job list name. Stored with
/// jobs and journal lines, so the store defines it.
pub use chariot_store::ActionKind;

/// An action and its parameters, as the user chose them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Action {
    UpdateInventory,
    Restart,
    ShutDown,
    EnableLostMode {
        message: String,
        phone: String,
        footnote: String,
        /// Keep lost mode on even if the device is restored from a backup (Jamf's "always
        /// enforce", its default).
        always_enforce: bool,
    },
    DisableLostMode,
    PlayLostModeSound,
    /// Ask a device in lost mode for its position.
    UpdateLocation,
    ClearPasscode,
    /// Remove a local account from a Shared iPad.
    DeleteUser {
        user_name: String,
        /// Delete even when the user still has data to sync to iCloud.
        force: bool,
    },
    LogOutUser,
    Erase {
        /// Keep the eSIM's data plan (seed 000/001).
        preserve_data_plan: bool,
        disallow_proximity_setup: bool,
    },
    /// Ask the device to fetch its eSIM plans from the carrier's SM-DP+ server.
    RefreshCellularPlans {
        esim_server_url: String,
    },
    /// Update iOS/iPadOS through a managed software update plan (supervised devices only).
    UpdateOs {
        install: OsUpdateInstall,
        version: OsVersionChoice,
        /// With `version: specific`: e.g. "18.6.2".
        specific_version: String,
    },
}

/// What the update plan does (Jamf's `updateAction`), as the guide's "Update OS version"
/// offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OsUpdateInstall {
    /// Download only; the user installs it (DOWNLOAD_ONLY).
    DownloadOnly,
    /// Download, install and restart (DOWNLOAD_INSTALL_RESTART).
    DownloadInstallRestart,
}

/// Which version (Jamf's `versionType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OsVersionChoice {
    /// The latest update of the installed major version (LATEST_MINOR).
    LatestMinor,
    /// The latest version each device can take (LATEST_ANY).
    LatestAny,
    /// The version given (SPECIFIC_VERSION).
    Specific,
}

impl Action {
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::UpdateInventory => ActionKind::UpdateInventory,
            Action::Restart => ActionKind::Restart,
            Action::ShutDown => ActionKind::ShutDown,
            Action::EnableLostMode { .. } => ActionKind::EnableLostMode,
            Action::DisableLostMode => ActionKind::DisableLostMode,
            Action::PlayLostModeSound => ActionKind::PlayLostModeSound,
            Action::UpdateLocation => ActionKind::UpdateLocation,
            Action::ClearPasscode => ActionKind::ClearPasscode,
            Action::DeleteUser { .. } => ActionKind::DeleteUser,
            Action::LogOutUser => ActionKind::LogOutUser,
            Action::Erase { .. } => ActionKind::Erase,
            Action::RefreshCellularPlans { .. } => ActionKind::RefreshCellularPlans,
            Action::UpdateOs { .. } => ActionKind::UpdateOs,
        }
    }

    /// Erasing cannot be undone: the confirmation asks to type the count (or the name).
    pub fn needs_typed_confirmation(&self) -> bool {
        matches!(self, Action::Erase { .. })
    }

    /// Checks the parameters before anything is recorded or sent.
    pub fn validate(&self) -> Result<(), AppError> {
        let invalid = |detail: ErrorDetail, what: &str, hint: &str| {
            Err(AppError::new(ErrorCode::InvalidInput, what.to_owned())
                .with_hint(hint.to_owned())
                .with_detail(detail))
        };
        match self {
            Action::EnableLostMode { message, phone, .. }
                if message.trim().is_empty() && phone.trim().is_empty() =>
            {
                invalid(
                    ErrorDetail::LostModeNeedsMessage,
                    "lost mode needs a message or a phone number",
                    "Type the message shown on the lock screen (e.g. who to call), or a phone number.",
                )
            }
            Action::DeleteUser { user_name, .. } if user_name.trim().is_empty() => invalid(
                ErrorDetail::NoUserChosen,
                "no user was chosen",
                "Pick the Managed Apple Account to delete from the device's users.",
            ),
            Action::RefreshCellularPlans { esim_server_url } => {
                let url = esim_server_url.trim();
                if url.is_empty() || url.len() > 2048 || !url.starts_with("https://") {
                    invalid(
                        ErrorDetail::BadEsimServerUrl,
                        "the carrier's eSIM server address must be an https:// address of at most 2048 characters",
                        "Copy the SM-DP+ address your carrier gave you, e.g. https://sm-dp.example-carrier.fr.",
                    )
                } else {
                    Ok(())
                }
            }
            Action::UpdateOs {
                version: OsVersionChoice::Specific,
                specific_version,
                ..
            } if !is_version(specific_version.trim()) => invalid(
                ErrorDetail::BadOsVersion,
                "the iOS version to install is missing or malformed",
                "Choose a version offered by the server, e.g. 18.6.2.",
            ),
            _ => Ok(()),
        }
    }

    /// The `config` of a managed software update plan (reference §5.6).
    pub(crate) fn update_plan_config(&self) -> Option<serde_json::Value> {
        let Action::UpdateOs {
            install,
            version,
            specific_version,
        } = self
        else {
            return None;
        };
        let update_action = match install {
            OsUpdateInstall::DownloadOnly => "DOWNLOAD_ONLY",
            OsUpdateInstall::DownloadInstallRestart => "DOWNLOAD_INSTALL_RESTART",
        };
        let mut config = serde_json::json!({ "updateAction": update_action });
        match version {
            OsVersionChoice::LatestMinor => config["versionType"] = "LATEST_MINOR".into(),
            OsVersionChoice::LatestAny => config["versionType"] = "LATEST_ANY".into(),
            OsVersionChoice::Specific => {
                config["versionType"] = "SPECIFIC_VERSION".into();
                config["specificVersion"] = specific_version.trim().into();
            }
        }
        Some(config)
    }

    /// The parameters in words, for the journal (never a secret: an unlock token is fetched at
    /// send time and never part of an action), in the language of the moment.
    pub fn details(&self) -> String {
        self.details_in(Lang::En)
    }

    pub fn details_in(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        let yes_no = |b: bool| match (b, fr) {
            (true, true) => "oui",
            (false, true) => "non",
            (true, false) => "yes",
            (false, false) => "no",
        };
        let label =
            |fr_text: &'static str, en_text: &'static str| if fr { fr_text } else { en_text };
        match self {
            Action::EnableLostMode {
                message,
                phone,
                footnote,
                always_enforce,
            } => {
                let mut parts = Vec::new();
                if !message.is_empty() {
                    parts.push(format!("{} « {message} »", label("message :", "message:")));
                }
                if !phone.is_empty() {
                    parts.push(format!("{} {phone}", label("téléphone :", "phone:")));
                }
                if !footnote.is_empty() {
                    parts.push(format!("{} {footnote}", label("note :", "footnote:")));
                }
                parts.push(format!(
                    "{} {}",
                    label("toujours appliqué :", "always enforce:"),
                    yes_no(*always_enforce)
                ));
                parts.join(" ; ")
            }
            Action::DeleteUser { user_name, force } => format!(
                "{} {user_name} ; {} {}",
                label("utilisateur :", "user:"),
                label(
                    "même avec des données à synchroniser :",
                    "even with data to sync:"
                ),
                yes_no(*force)
            ),
            Action::Erase {
                preserve_data_plan,
                disallow_proximity_setup,
            } => format!(
                "{} {} ; {} {}",
                label("forfait cellulaire conservé :", "data plan preserved:"),
                yes_no(*preserve_data_plan),
                label(
                    "configuration de proximité interdite :",
                    "proximity setup disallowed:"
                ),
                yes_no(*disallow_proximity_setup)
            ),
            Action::RefreshCellularPlans { esim_server_url } => {
                format!(
                    "{} {esim_server_url}",
                    label("serveur eSIM :", "eSIM server:")
                )
            }
            Action::UpdateOs {
                install,
                version,
                specific_version,
            } => {
                let what = match version {
                    OsVersionChoice::LatestMinor => label(
                        "dernière mise à jour de la version installée",
                        "latest minor update",
                    ),
                    OsVersionChoice::LatestAny => {
                        label("dernière version possible", "latest version")
                    }
                    OsVersionChoice::Specific => specific_version.trim(),
                };
                let how = match install {
                    OsUpdateInstall::DownloadOnly => label("téléchargement seul", "download only"),
                    OsUpdateInstall::DownloadInstallRestart => label(
                        "téléchargement, installation et redémarrage",
                        "download, install and restart",
                    ),
                };
                format!("{what} ; {how}")
            }
            _ => String::new(),
        }
    }

    /// The Jamf Pro API `commandData` for the actions sent through `/api/v2/mdm/commands`
    /// (`None` for those sent otherwise).
    pub(crate) fn command_data(&self) -> Option<serde_json::Value> {
        use serde_json::json;
        Some(match self {
            Action::Restart => json!({ "commandType": "RESTART_DEVICE" }),
            Action::ShutDown => json!({ "commandType": "SHUT_DOWN_DEVICE" }),
            Action::DisableLostMode => json!({ "commandType": "DISABLE_LOST_MODE" }),
            Action::PlayLostModeSound => json!({ "commandType": "PLAY_LOST_MODE_SOUND" }),
            Action::UpdateLocation => json!({ "commandType": "DEVICE_LOCATION" }),
            Action::LogOutUser => json!({ "commandType": "LOG_OUT_USER" }),
            Action::DeleteUser { user_name, force } => json!({
                "commandType": "DELETE_USER",
                "userName": user_name.trim(),
                "forceDeletion": force,
            }),
            Action::Erase {
                preserve_data_plan,
                disallow_proximity_setup,
            } => json!({
                "commandType": "ERASE_DEVICE",
                "preserveDataPlan": preserve_data_plan,
                "disallowProximitySetup": disallow_proximity_setup,
            }),
            // The schema spells the field `esimServerUrl` (reference §5.1).
            Action::RefreshCellularPlans { esim_server_url } => json!({
                "commandType": "REFRESH_CELLULAR_PLANS",
                "esimServerUrl": esim_server_url.trim(),
            }),
            Action::UpdateInventory
            | Action::EnableLostMode { .. }
            | Action::ClearPasscode
            | Action::UpdateOs { .. } => {
                return None;
            }
        })
    }
}

/// "18.6.2", "26.1": digits and dots, at least one dot.
fn is_version(v: &str) -> bool {
    let parts: Vec<&str> = v.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[test]
    fn actions_cross_ipc_as_tagged_objects() {
        let a: Action = serde_json::from_value(serde_json::json!({
            "kind": "enableLostMode", "message": "Rendez-moi au CDI", "phone": "",
            "footnote": "", "alwaysEnforce": true
        }))
        .unwrap();
        assert_eq!(a.kind(), ActionKind::EnableLostMode);
        let back = serde_json::to_value(Action::Erase {
            preserve_data_plan: true,
            disallow_proximity_setup: false,
        })
        .unwrap();
        assert_eq!(back["kind"], "erase");
        assert_eq!(back["preserveDataPlan"], true);
    }

    #[rstest]
    #[case(Action::EnableLostMode { message: " ".into(), phone: "".into(), footnote: "x".into(), always_enforce: true }, false)]
    #[case(Action::EnableLostMode { message: "".into(), phone: "05 61 00 00 00".into(), footnote: "".into(), always_enforce: true }, true)]
    #[case(Action::DeleteUser { user_name: "".into(), force: false }, false)]
    #[case(Action::RefreshCellularPlans { esim_server_url: "http://sm-dp.example".into() }, false)]
    #[case(Action::RefreshCellularPlans { esim_server_url: "https://sm-dp.example".into() }, true)]
    #[case(Action::Restart, true)]
    #[case(Action::UpdateOs { install: OsUpdateInstall::DownloadInstallRestart, version: OsVersionChoice::Specific, specific_version: "18.6".into() }, true)]
    #[case(Action::UpdateOs { install: OsUpdateInstall::DownloadOnly, version: OsVersionChoice::Specific, specific_version: "latest".into() }, false)]
    #[case(Action::UpdateOs { install: OsUpdateInstall::DownloadOnly, version: OsVersionChoice::LatestAny, specific_version: "".into() }, true)]
    fn parameters_are_checked_before_anything_is_sent(#[case] action: Action, #[case] ok: bool) {
        assert_eq!(action.validate().is_ok(), ok);
    }

    #[test]
    fn the_esim_url_goes_in_the_field_the_schema_names() {
        let data = Action::RefreshCellularPlans {
            esim_server_url: " https://sm-dp.example ".into(),
        }
        .command_data()
        .unwrap();
        assert_eq!(data["esimServerUrl"], "https://sm-dp.example");
    }
}

#[cfg(test)]
mod plan_config_tests {
    use super::*;

    #[test]
    fn an_os_update_becomes_jamfs_plan_config() {
        let config = Action::UpdateOs {
            install: OsUpdateInstall::DownloadInstallRestart,
            version: OsVersionChoice::Specific,
            specific_version: " 18.6.2 ".into(),
        }
        .update_plan_config()
        .unwrap();
        assert_eq!(config["updateAction"], "DOWNLOAD_INSTALL_RESTART");
        assert_eq!(config["versionType"], "SPECIFIC_VERSION");
        assert_eq!(config["specificVersion"], "18.6.2");
        let latest = Action::UpdateOs {
            install: OsUpdateInstall::DownloadOnly,
            version: OsVersionChoice::LatestMinor,
            specific_version: "ignored".into(),
        }
        .update_plan_config()
        .unwrap();
        assert_eq!(latest["versionType"], "LATEST_MINOR");
        assert!(latest.get("specificVersion").is_none());
    }
}
