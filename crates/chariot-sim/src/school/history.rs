//! A plausible past for the demo school: every device has answered a few commands before the
//! simulator starts (inventory updates, profile installs, lost-mode steps, a failed location
//! request), so the device screen's Historique tab shows what a real tenant would. Only for
//! school-sized worlds: a district of 50 000 devices keeps an empty history (and fast scans).

use chrono::Duration;

use super::generator::Gen;
use crate::commands::{Command, CommandError, CommandState};

const MAX_DEVICES_WITH_HISTORY: usize = 1000;

impl Gen {
    pub(super) fn past_commands(&mut self) {
        if self.w.devices.len() > MAX_DEVICES_WITH_HISTORY {
            return;
        }
        let mut past = Vec::new();
        for d in &self.w.devices {
            let done = |kind: &str, at| (kind.to_owned(), at, None);
            let mut entries = vec![
                done("INSTALL_PROFILE", d.enrolled_at + Duration::minutes(2)),
                done("UPDATE_INVENTORY", d.last_inventory),
            ];
            if d.id % 4 == 0 {
                entries.push(done("CLEAR_PASSCODE", d.enrolled_at + Duration::days(20)));
            }
            if let Some(lost) = &d.lost {
                entries.push(done("ENABLE_LOST_MODE", lost.enabled_at));
                entries.push((
                    "DEVICE_LOCATION".to_owned(),
                    lost.enabled_at + Duration::minutes(30),
                    Some(CommandError {
                        code: 12_064,
                        domain: "MCMDMErrorDomain".to_owned(),
                        description: "The location of the device could not be determined."
                            .to_owned(),
                    }),
                ));
            }
            for (kind, at, error) in entries {
                past.push((d.id, d.management_id.clone(), kind, at, error));
            }
        }
        for (device_id, management_id, command_type, at, error) in past {
            let uuid = self.w.new_uuid();
            self.w.commands.push(Command {
                uuid,
                device_id,
                management_id,
                command_type,
                params: serde_json::json!({}),
                date_sent: at - Duration::seconds(20),
                state: if error.is_some() {
                    CommandState::Error
                } else {
                    CommandState::Acknowledged
                },
                date_completed: Some(at),
                error,
                deliver_at: None,
                profile_id: None,
            });
        }
    }
}
