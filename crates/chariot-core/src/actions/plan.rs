//! What the confirmation dialog shows before an action is sent: how many devices, which are
//! left out and why, which have a stale inventory (with their dates), whether the server can
//! do it at all, and what to type for an erase.

use std::collections::HashMap;

use chariot_jamf::JamfVersion;
use chariot_store::{DeviceListRow, Store};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::action::{Action, ActionKind};
use super::availability::unavailable;
use super::rules::{DeviceFacts, Refusal, refusal};
use crate::error::AppError;
use crate::fleet::DeviceRole;
use crate::views::inventory::parse_date;

/// Request of `plan_action` and `start_job`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionRequest {
    pub action: Action,
    pub device_ids: Vec<String>,
    /// For an erase: what the user typed (the count, or the device's name for one device).
    #[serde(default)]
    pub confirmation: Option<String>,
}

/// A device of the plan, with its inventory date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlannedDevice {
    pub id: String,
    pub name: String,
    pub last_inventory: Option<DateTime<Utc>>,
}

/// A device left out, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RefusedDevice {
    pub id: String,
    pub name: String,
    pub reason: Refusal,
}

/// The confirmation's content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionPlan {
    pub kind: ActionKind,
    /// Devices asked for that are in the snapshot.
    pub total: u32,
    /// Devices the action will be sent to.
    pub to_send: u32,
    pub refused: Vec<RefusedDevice>,
    /// Among those to send to, the ones whose inventory is older than the threshold (or
    /// unknown), oldest first.
    pub stale: Vec<PlannedDevice>,
    /// Set when the server cannot do this action (its version): nothing can be sent.
    pub unavailable: Option<super::availability::Unavailable>,
    /// For an erase: what must be typed to confirm.
    pub typed_confirmation: Option<String>,
    /// For a single device: its name, for the dialog's title.
    pub single_device: Option<String>,
}

/// The facts the preconditions need, for these devices.
pub(crate) struct Planned {
    pub plan: ActionPlan,
    /// (device, refusal) in the order asked.
    pub targets: Vec<(DeviceListRow, Option<Refusal>)>,
}

pub(crate) fn build(
    store: &Store,
    action: &Action,
    ids: &[String],
    stale_before: DateTime<Utc>,
    version: Option<JamfVersion>,
    snapshot_at: Option<DateTime<Utc>>,
) -> Result<Planned, AppError> {
    let rows = store.devices_by_ids(ids)?;
    let kind = action.kind();
    // Lost mode turned on or off by a job since the snapshot counts: "enable, then locate"
    // must not wait for a sync.
    let changed = match (kind, snapshot_at) {
        (ActionKind::PlayLostModeSound | ActionKind::UpdateLocation, Some(at)) => {
            store.lost_mode_changes_since(at)?
        }
        (ActionKind::PlayLostModeSound | ActionKind::UpdateLocation, None) => HashMap::new(),
        _ => HashMap::new(),
    };
    let user = match action {
        Action::DeleteUser { user_name, .. } => Some(user_name.as_str()),
        _ => None,
    };
    let mut targets = Vec::with_capacity(rows.len());
    for row in rows {
        let users = if kind == ActionKind::DeleteUser {
            store
                .device(&row.jamf_id)?
                .map(|d| {
                    d.shared_users
                        .into_iter()
                        .filter_map(|u| u.managed_apple_id)
                        .collect()
                })
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let facts = DeviceFacts {
            supervised: row.supervised,
            shared_ipad: row.shared_ipad,
            role: DeviceRole::parse(&row.role).unwrap_or(DeviceRole::Other),
            lost_mode: changed
                .get(&row.jamf_id)
                .copied()
                .unwrap_or(row.lost_mode_enabled == Some(true)),
            has_management_id: row.management_id.is_some(),
            users,
        };
        let why = refusal(kind, &facts, user);
        targets.push((row, why));
    }
    let mut stale: Vec<PlannedDevice> = targets
        .iter()
        .filter(|(_, why)| why.is_none())
        .filter_map(|(row, _)| {
            let last = parse_date(row.last_inventory_update.as_deref());
            last.is_none_or(|d| d < stale_before)
                .then(|| PlannedDevice {
                    id: row.jamf_id.clone(),
                    name: row.name.clone(),
                    last_inventory: last,
                })
        })
        .collect();
    stale.sort_by_key(|d| d.last_inventory);
    let to_send = targets.iter().filter(|(_, why)| why.is_none()).count() as u32;
    let single_device = (targets.len() == 1).then(|| targets[0].0.name.clone());
    let typed_confirmation = action.needs_typed_confirmation().then(|| {
        single_device
            .clone()
            .filter(|_| to_send == 1)
            .unwrap_or_else(|| to_send.to_string())
    });
    let plan = ActionPlan {
        kind,
        total: targets.len() as u32,
        to_send,
        refused: targets
            .iter()
            .filter_map(|(row, why)| {
                why.map(|reason| RefusedDevice {
                    id: row.jamf_id.clone(),
                    name: row.name.clone(),
                    reason,
                })
            })
            .collect(),
        stale,
        unavailable: unavailable(kind, version),
        typed_confirmation,
        single_device,
    };
    Ok(Planned { plan, targets })
}
