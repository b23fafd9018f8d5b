//! Managed software updates (reference §5.6): the iOS versions the server offers, update plans
//! for devices (one plan per device, created by one write for many), and each plan's state.
//! The older Classic `ScheduleOSUpdate` command is deprecated (2022-10-17) and not used.

use serde::Deserialize;

use crate::answer::decode;
use crate::client::{JamfClient, WriteBody};
use crate::error::JamfError;

/// Where a plan stands (`status.state`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanStatus {
    pub plan_id: String,
    /// `Init`, `PlanInProgress`…, `PlanCompleted`, `PlanFailed`, `PlanCanceled`, `PlanException`.
    pub state: String,
    /// Jamf's reasons when it failed (`NOT_SUPERVISED`, `NO_DISK_SPACE`…).
    pub error_reasons: Vec<String>,
}

impl PlanStatus {
    pub fn is_completed(&self) -> bool {
        self.state.eq_ignore_ascii_case("PlanCompleted")
    }

    pub fn is_failed(&self) -> bool {
        ["PlanFailed", "PlanCanceled", "PlanException"]
            .iter()
            .any(|s| self.state.eq_ignore_ascii_case(s))
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Available {
    available_updates: AvailableByOs,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AvailableByOs {
    #[serde(default, rename = "iOS")]
    ios: Vec<String>,
}

#[derive(Deserialize)]
struct Created {
    plans: Vec<CreatedPlan>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CreatedPlan {
    device: PlanDevice,
    plan_id: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PlanDevice {
    device_id: serde_json::Value,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Plan {
    #[serde(default)]
    status: Option<RawPlanStatus>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawPlanStatus {
    #[serde(default)]
    state: Option<String>,
    #[serde(default)]
    error_reasons: Vec<String>,
}

impl JamfClient {
    /// The iOS/iPadOS versions the server can install (newest first as Jamf lists them).
    pub async fn available_ios_updates(&self) -> Result<Vec<String>, JamfError> {
        let a: Available = self
            .get_json("/api/v1/managed-software-updates/available-updates", &[])
            .await?;
        Ok(a.available_updates.ios)
    }

    /// One write creating an update plan for each device (Jamf ids); returns (device id, plan
    /// id) pairs. `config` is the plan's `config` object (`updateAction`, `versionType`,
    /// `specificVersion`). Never retried: on a timeout the plans may exist.
    pub async fn create_update_plans(
        &self,
        device_ids: &[String],
        config: &serde_json::Value,
    ) -> Result<Vec<(String, String)>, JamfError> {
        let body = serde_json::json!({
            "devices": device_ids
                .iter()
                .map(|id| serde_json::json!({ "deviceId": id, "objectType": "MOBILE_DEVICE" }))
                .collect::<Vec<_>>(),
            "config": config,
        });
        let answer = self
            .post_once(
                "/api/v1/managed-software-updates/plans",
                WriteBody::Json(&body),
            )
            .await?;
        let created: Created = decode("the update plans", &answer)?;
        Ok(created
            .plans
            .into_iter()
            .map(|p| {
                let id = match p.device.device_id {
                    serde_json::Value::String(s) => s,
                    other => other.to_string(),
                };
                (id, p.plan_id)
            })
            .collect())
    }

    /// One plan's state.
    pub async fn update_plan(&self, plan_id: &str) -> Result<PlanStatus, JamfError> {
        let plan: Plan = self
            .get_json(
                &format!("/api/v1/managed-software-updates/plans/{plan_id}"),
                &[],
            )
            .await?;
        let status = plan.status.unwrap_or(RawPlanStatus {
            state: None,
            error_reasons: vec![],
        });
        Ok(PlanStatus {
            plan_id: plan_id.to_owned(),
            state: status.state.unwrap_or_default(),
            error_reasons: status.error_reasons,
        })
    }
}
