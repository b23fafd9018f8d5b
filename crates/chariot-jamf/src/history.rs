//! A device's management-command history: Classic `mobiledevicehistory`, subset
//! `ManagementCommands` (reference §5.5). The Jamf Pro API has no per-device equivalent.

use serde::Deserialize;

use crate::client::JamfClient;
use crate::error::JamfError;

/// Where a command stands in the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryState {
    Completed,
    /// Pending or "Not Now".
    Pending,
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryCommand {
    pub name: String,
    pub state: HistoryState,
    /// Completion (completed), issue (pending) or failure (failed) time, in epoch milliseconds.
    pub epoch_ms: Option<i64>,
    /// The device's error text (failed commands).
    pub error: Option<String>,
}

#[derive(Deserialize)]
struct Root {
    mobile_device_history: History,
}

#[derive(Deserialize)]
struct History {
    #[serde(default)]
    management_commands: Option<Commands>,
}

#[derive(Deserialize, Default)]
struct Commands {
    #[serde(default)]
    completed: Vec<Command>,
    #[serde(default)]
    pending: Vec<Command>,
    #[serde(default)]
    failed: Vec<Command>,
}

#[derive(Deserialize)]
struct Command {
    #[serde(default)]
    name: String,
    #[serde(default)]
    error: Option<String>,
    date_time_completed_epoch: Option<i64>,
    date_time_issued_epoch: Option<i64>,
    date_time_failed_epoch: Option<i64>,
}

/// Epoch 0 is Jamf's "no date".
fn epoch(v: Option<i64>) -> Option<i64> {
    v.filter(|e| *e > 0)
}

impl JamfClient {
    /// The completed, pending and failed commands of one device, in the server's order.
    pub async fn device_history(&self, device_id: &str) -> Result<Vec<HistoryCommand>, JamfError> {
        let path =
            format!("/JSSResource/mobiledevicehistory/id/{device_id}/subset/ManagementCommands");
        let root: Root = self.get_json(&path, &[]).await?;
        let c = root
            .mobile_device_history
            .management_commands
            .unwrap_or_default();
        let mut out = Vec::new();
        let mut push = |list: Vec<Command>, state: HistoryState| {
            for cmd in list {
                let epoch_ms = match state {
                    HistoryState::Completed => epoch(cmd.date_time_completed_epoch),
                    HistoryState::Pending => epoch(cmd.date_time_issued_epoch),
                    HistoryState::Failed => {
                        epoch(cmd.date_time_failed_epoch).or(epoch(cmd.date_time_issued_epoch))
                    }
                };
                out.push(HistoryCommand {
                    name: cmd.name,
                    state,
                    epoch_ms,
                    error: cmd.error.filter(|e| !e.trim().is_empty()),
                });
            }
        };
        push(c.pending, HistoryState::Pending);
        push(c.failed, HistoryState::Failed);
        push(c.completed, HistoryState::Completed);
        Ok(out)
    }
}
