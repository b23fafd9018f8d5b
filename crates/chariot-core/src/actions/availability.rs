//! Which actions a server can do, by its version (reference §5.1, §5.4). An action the server
//! cannot do is shown disabled with the reason, never sent to fail.

use chariot_jamf::JamfVersion;

use super::action::ActionKind;

/// The oldest Jamf Pro whose API takes `POST /api/v2/mdm/commands`. Unconfirmed: Jamf's
/// changelog lists changes to it in 11.3 and `GET /v2/mdm/commands` by 11.1, and older servers
/// had `/preview/mdm/commands`; 11.0 is the safe reading (an older server is told "unavailable"
/// rather than sent a request that may fail).
pub const PRO_API_COMMANDS_SINCE: JamfVersion = JamfVersion::new(11, 0, 0);

/// `None` when the server can do `action`; otherwise why not, in English (the UI has its own
/// French text for the same reason).
pub fn unavailable(action: ActionKind, version: Option<JamfVersion>) -> Option<String> {
    // Unknown version (never synced): let the send answer; the confirmation says nothing.
    let version = version?;
    match action {
        // Classic commands: UpdateInventory is deprecated (2026-03-13) but still served, and
        // EnableLostMode is the only way to send "always enforce".
        ActionKind::UpdateInventory | ActionKind::EnableLostMode => None,
        _ if !version.at_least(PRO_API_COMMANDS_SINCE.major, PRO_API_COMMANDS_SINCE.minor) => {
            Some(format!(
                "Jamf Pro {version} cannot send this command through its API: Jamf Pro 11.0 or \
                 later is needed"
            ))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_servers_keep_the_classic_commands_only() {
        let old = Some(JamfVersion::new(10, 48, 0));
        assert!(unavailable(ActionKind::Restart, old).is_some());
        assert!(unavailable(ActionKind::UpdateInventory, old).is_none());
        assert!(unavailable(ActionKind::EnableLostMode, old).is_none());
        let current = Some(JamfVersion::new(11, 30, 1));
        assert!(
            ActionKind::ALL
                .iter()
                .all(|a| unavailable(*a, current).is_none())
        );
        assert!(unavailable(ActionKind::Erase, None).is_none());
    }
}
