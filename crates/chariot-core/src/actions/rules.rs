//! Per-device preconditions, checked before anything is sent (issue #6). A device that fails
//! one is `refused` in the job with the reason, and never sent: Apple would refuse it anyway,
//! and a school IT manager should learn why before, not from an error code after.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::action::ActionKind;
use crate::fleet::DeviceRole;

/// Why an action is not sent to a device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// Lost mode, location and sound need a supervised device (not supervised, or unknown in
    /// the snapshot: the safe reading).
    NotSupervised,
    /// Apple does not support clearing the passcode of a Shared iPad.
    SharedIpad,
    /// Clearing the passcode is for teacher iPads (the school guide).
    StudentIpad,
    /// Deleting or logging out a user only exists on Shared iPad.
    NotSharedIpad,
    /// Sound and location only work in lost mode.
    NotInLostMode,
    /// The user to delete is not one of the device's local accounts.
    UserNotOnDevice,
    /// The snapshot has no management id: the Jamf Pro API cannot address the device.
    NoManagementId,
}

impl Refusal {
    /// Every reason, for the UI's catalogs (generated into the bindings) and their test.
    pub const ALL: [Refusal; 7] = [
        Refusal::NotSupervised,
        Refusal::SharedIpad,
        Refusal::StudentIpad,
        Refusal::NotSharedIpad,
        Refusal::NotInLostMode,
        Refusal::UserNotOnDevice,
        Refusal::NoManagementId,
    ];

    /// The reason in the UI's language, for the job view and the journal.
    pub fn text_in(self, lang: crate::locale::Lang) -> &'static str {
        if lang == crate::locale::Lang::En {
            return self.text();
        }
        match self {
            Refusal::NotSupervised => {
                "non supervisé (ou pas connu comme tel) dans l'instantané local : cette action demande un appareil supervisé"
            }
            Refusal::SharedIpad => "iPad partagé : Apple ne permet pas d'en effacer le code",
            Refusal::StudentIpad => {
                "iPad d'élève : l'effacement du code est réservé aux iPad des enseignants"
            }
            Refusal::NotSharedIpad => "pas un iPad partagé : il n'a pas d'utilisateurs locaux",
            Refusal::NotInLostMode => "pas en mode perdu : activez d'abord le mode perdu",
            Refusal::UserNotOnDevice => "cet utilisateur n'a pas de compte sur l'appareil",
            Refusal::NoManagementId => {
                "pas d'identifiant de gestion dans l'instantané local : synchronisez puis réessayez"
            }
        }
    }

    /// English text, for the command line and the journal.
    pub fn text(self) -> &'static str {
        match self {
            Refusal::NotSupervised => {
                "not supervised (or not known to be) in the local snapshot: this action needs a supervised device"
            }
            Refusal::SharedIpad => "a Shared iPad: Apple does not allow clearing its passcode",
            Refusal::StudentIpad => "a student iPad: clearing the passcode is for teacher iPads",
            Refusal::NotSharedIpad => "not a Shared iPad: it has no local users to manage",
            Refusal::NotInLostMode => "not in lost mode: enable lost mode first",
            Refusal::UserNotOnDevice => "this user has no account on the device",
            Refusal::NoManagementId => {
                "no management id in the local snapshot: synchronise, then try again"
            }
        }
    }
}

/// What the preconditions look at, from the local snapshot (and the jobs since).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceFacts {
    pub supervised: Option<bool>,
    pub shared_ipad: Option<bool>,
    pub role: DeviceRole,
    /// In lost mode per the snapshot, or since: a lost-mode job acknowledged after it.
    pub lost_mode: bool,
    pub has_management_id: bool,
    /// The Shared iPad's local accounts (Managed Apple Accounts), when known.
    pub users: Vec<String>,
}

/// The first precondition `facts` fail for `action`, if any.
pub fn refusal(action: ActionKind, facts: &DeviceFacts, user: Option<&str>) -> Option<Refusal> {
    use ActionKind as A;
    let supervised = facts.supervised == Some(true);
    let shared = facts.shared_ipad == Some(true);
    // Classic commands and update plans address the device by its Jamf id.
    let needs_management_id =
        !matches!(action, A::UpdateInventory | A::EnableLostMode | A::UpdateOs);
    if needs_management_id && !facts.has_management_id {
        return Some(Refusal::NoManagementId);
    }
    match action {
        A::EnableLostMode | A::DisableLostMode if !supervised => Some(Refusal::NotSupervised),
        A::PlayLostModeSound | A::UpdateLocation if !supervised => Some(Refusal::NotSupervised),
        A::UpdateOs if !supervised => Some(Refusal::NotSupervised),
        A::PlayLostModeSound | A::UpdateLocation if !facts.lost_mode => {
            Some(Refusal::NotInLostMode)
        }
        A::ClearPasscode if shared => Some(Refusal::SharedIpad),
        A::ClearPasscode if facts.role == DeviceRole::Student => Some(Refusal::StudentIpad),
        A::DeleteUser | A::LogOutUser if !shared => Some(Refusal::NotSharedIpad),
        A::DeleteUser => {
            let user = user.unwrap_or("").trim();
            let known = facts.users.iter().any(|u| u.eq_ignore_ascii_case(user));
            // An empty list means the snapshot does not know the users: let the device answer.
            (!facts.users.is_empty() && !known).then_some(Refusal::UserNotOnDevice)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[test]
    fn all_lists_every_refusal_once() {
        // A new reason must be added to ALL (the UI's catalog test reads it): this match stops
        // compiling until it is handled.
        let listed = |r: Refusal| match r {
            Refusal::NotSupervised
            | Refusal::SharedIpad
            | Refusal::StudentIpad
            | Refusal::NotSharedIpad
            | Refusal::NotInLostMode
            | Refusal::UserNotOnDevice
            | Refusal::NoManagementId => Refusal::ALL.iter().filter(|a| **a == r).count(),
        };
        assert!(Refusal::ALL.iter().all(|r| listed(*r) == 1));
    }

    fn facts(supervised: bool, shared: bool, role: DeviceRole, lost: bool) -> DeviceFacts {
        DeviceFacts {
            supervised: Some(supervised),
            shared_ipad: Some(shared),
            role,
            lost_mode: lost,
            has_management_id: true,
            users: vec!["eleve1@college.fr".into()],
        }
    }

    #[rstest]
    #[case(
        ActionKind::EnableLostMode,
        facts(false, true, DeviceRole::Student, false),
        Some(Refusal::NotSupervised)
    )]
    #[case(
        ActionKind::EnableLostMode,
        facts(true, true, DeviceRole::Student, false),
        None
    )]
    #[case(
        ActionKind::UpdateLocation,
        facts(true, true, DeviceRole::Student, false),
        Some(Refusal::NotInLostMode)
    )]
    #[case(
        ActionKind::UpdateLocation,
        facts(true, true, DeviceRole::Student, true),
        None
    )]
    #[case(
        ActionKind::PlayLostModeSound,
        facts(false, true, DeviceRole::Student, true),
        Some(Refusal::NotSupervised)
    )]
    #[case(
        ActionKind::ClearPasscode,
        facts(true, true, DeviceRole::SharedTeacher, false),
        Some(Refusal::SharedIpad)
    )]
    #[case(
        ActionKind::ClearPasscode,
        facts(true, false, DeviceRole::Student, false),
        Some(Refusal::StudentIpad)
    )]
    #[case(
        ActionKind::ClearPasscode,
        facts(true, false, DeviceRole::Teacher, false),
        None
    )]
    #[case(
        ActionKind::LogOutUser,
        facts(true, false, DeviceRole::Teacher, false),
        Some(Refusal::NotSharedIpad)
    )]
    #[case(
        ActionKind::LogOutUser,
        facts(true, true, DeviceRole::Student, false),
        None
    )]
    #[case(
        ActionKind::Restart,
        facts(false, false, DeviceRole::Other, false),
        None
    )]
    fn preconditions(
        #[case] action: ActionKind,
        #[case] facts: DeviceFacts,
        #[case] expected: Option<Refusal>,
    ) {
        assert_eq!(refusal(action, &facts, None), expected);
    }

    #[test]
    fn supervision_unknown_is_read_as_not_supervised() {
        let mut f = facts(true, true, DeviceRole::Student, false);
        f.supervised = None;
        assert_eq!(
            refusal(ActionKind::EnableLostMode, &f, None),
            Some(Refusal::NotSupervised)
        );
    }

    #[test]
    fn delete_user_names_one_of_the_devices_accounts() {
        let f = facts(true, true, DeviceRole::Student, false);
        let user_on = refusal(ActionKind::DeleteUser, &f, Some("ELEVE1@college.fr"));
        assert_eq!(user_on, None);
        assert_eq!(
            refusal(ActionKind::DeleteUser, &f, Some("autre@college.fr")),
            Some(Refusal::UserNotOnDevice)
        );
    }

    #[test]
    fn the_pro_api_needs_a_management_id_but_classic_commands_do_not() {
        let mut f = facts(true, false, DeviceRole::Teacher, false);
        f.has_management_id = false;
        assert_eq!(
            refusal(ActionKind::Restart, &f, None),
            Some(Refusal::NoManagementId)
        );
        assert_eq!(refusal(ActionKind::UpdateInventory, &f, None), None);
    }
}
