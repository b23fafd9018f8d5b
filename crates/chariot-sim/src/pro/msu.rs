//! Managed Software Updates (reference §5.6): available updates, the feature toggle, plans
//! (with Jamf's 429 "Rate limit exceeded" on plan spam) and update statuses (503 when the
//! toggle is off, body from fixture `errors/jamfpro-503-managed-software-updates-toggle-off.json`).

use super::sections::iso;
use crate::error::ApiError;
use crate::paging::{paged, paged_query};
use crate::school::names::OS_VERSIONS;
use crate::school::world::{MsuPlan, World};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};

/// [guess] Jamf documents the 429 but not its threshold: more than 10 plan requests per
/// simulated minute are refused.
const PLAN_POSTS_PER_MINUTE: usize = 10;

fn toggle_off() -> ApiError {
    let mut e = ApiError::new(
        503,
        "",
        "This endpoint cannot be used if the Managed Software Update Plans toggle is off.",
    );
    e.errors[0].code = None;
    e
}

pub async fn available(State(_st): State<AppState>) -> Json<Value> {
    let ios: Vec<&str> = OS_VERSIONS.iter().rev().take(3).map(|v| v.0).collect();
    Json(json!({ "availableUpdates": { "macOS": ["26.1", "15.7.2"], "iOS": ios } }))
}

fn toggle_json(on: bool) -> Value {
    json!({ "toggle": on, "forceInstallLocalDateEnabled": false, "dssEnabled": false, "recipeEnabled": false, "customVersionEnabled": false })
}

pub async fn get_toggle(State(st): State<AppState>) -> Json<Value> {
    Json(toggle_json(st.world().msu.toggle))
}

pub async fn put_toggle(
    State(st): State<AppState>,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    let v: Value = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request("INVALID_JSON", e.to_string()))?;
    let on = v.get("toggle").and_then(|t| t.as_bool()).ok_or_else(|| {
        ApiError::bad_request("INVALID_FIELD", "toggle is required").with_field("toggle")
    })?;
    st.world().msu.toggle = on;
    Ok((StatusCode::ACCEPTED, Json(toggle_json(on))).into_response())
}

fn rate_limited(w: &mut World, now: DateTime<Utc>) -> bool {
    w.msu
        .recent_plan_posts
        .retain(|t| now - *t < Duration::seconds(60));
    if w.msu.recent_plan_posts.len() >= PLAN_POSTS_PER_MINUTE {
        return true;
    }
    w.msu.recent_plan_posts.push(now);
    false
}

fn create_plans(st: &AppState, device_ids: Vec<u32>, config: &Value) -> Result<Response, ApiError> {
    let now = st.clock.now();
    let mut w = st.world();
    if !w.msu.toggle {
        return Err(toggle_off());
    }
    if rate_limited(&mut w, now) {
        return Err(ApiError::new(
            429,
            "RATE_LIMIT_EXCEEDED",
            "Rate limit exceeded",
        ));
    }
    let action = config
        .get("updateAction")
        .and_then(|v| v.as_str())
        .unwrap_or("")
        .to_string();
    let version_type = config
        .get("versionType")
        .and_then(|v| v.as_str())
        .unwrap_or("")
        .to_string();
    if action.is_empty() || version_type.is_empty() {
        return Err(ApiError::bad_request(
            "INVALID_FIELD",
            "config.updateAction and config.versionType are required",
        )
        .with_field("config"));
    }
    let mut plans = vec![];
    for id in device_ids {
        if w.device(id).is_none() {
            return Err(
                ApiError::bad_request("INVALID_FIELD", format!("Unknown device {id}"))
                    .with_field("devices"),
            );
        }
        let plan_id = w.new_uuid();
        // Apple: software updates through MDM need a supervised device.
        let error_reasons = match w.device(id) {
            Some(d) if !d.supervised => vec!["NOT_SUPERVISED".to_string()],
            _ => vec![],
        };
        plans.push(json!({
            "device": { "deviceId": id.to_string(), "objectType": "MOBILE_DEVICE", "href": format!("/v2/mobile-devices/{id}") },
            "planId": plan_id, "href": format!("/v1/managed-software-updates/plans/{plan_id}")
        }));
        w.msu.plans.push(MsuPlan {
            plan_id,
            device_id: id,
            update_action: action.clone(),
            version_type: version_type.clone(),
            specific_version: config
                .get("specificVersion")
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string(),
            max_deferrals: config
                .get("maxDeferrals")
                .and_then(|v| v.as_i64())
                .unwrap_or(0),
            force_install_local_date_time: config
                .get("forceInstallLocalDateTime")
                .and_then(|v| v.as_str())
                .map(String::from),
            created: now,
            error_reasons,
            applied: false,
        });
    }
    Ok((StatusCode::CREATED, Json(json!({ "plans": plans }))).into_response())
}

fn parse_body(body: &[u8]) -> Result<Value, ApiError> {
    serde_json::from_slice(body).map_err(|e| ApiError::bad_request("INVALID_JSON", e.to_string()))
}

pub async fn post_plans(
    State(st): State<AppState>,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    let v = parse_body(&body)?;
    let ids: Vec<u32> = v
        .get("devices")
        .and_then(|d| d.as_array())
        .into_iter()
        .flatten()
        .filter_map(|d| {
            d.get("deviceId").and_then(|i| {
                i.as_str()
                    .map(String::from)
                    .or_else(|| i.as_u64().map(|n| n.to_string()))
            })
        })
        .filter_map(|s| s.parse().ok())
        .collect();
    if ids.is_empty() {
        return Err(
            ApiError::bad_request("INVALID_FIELD", "devices is required").with_field("devices"),
        );
    }
    create_plans(&st, ids, v.get("config").unwrap_or(&Value::Null))
}

pub async fn post_group_plans(
    State(st): State<AppState>,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    let v = parse_body(&body)?;
    let gid = v
        .get("group")
        .and_then(|g| g.get("groupId"))
        .and_then(|i| {
            i.as_str()
                .map(String::from)
                .or_else(|| i.as_u64().map(|n| n.to_string()))
        })
        .and_then(|s| s.parse::<u32>().ok())
        .ok_or_else(|| {
            ApiError::bad_request("INVALID_FIELD", "group.groupId is required").with_field("group")
        })?;
    let members = {
        let mut w = st.world();
        if w.group(gid).is_none() {
            return Err(ApiError::not_found("Group not found"));
        }
        w.members(gid)
    };
    create_plans(&st, members, v.get("config").unwrap_or(&Value::Null))
}

/// Plan progress is a function of time since creation: downloading for 10 minutes, then
/// installing, then done after 20.
fn plan_status(p: &MsuPlan, now: DateTime<Utc>) -> (&'static str, &'static str, f64) {
    if !p.error_reasons.is_empty() {
        return ("PlanFailed", "ERROR", 0.0);
    }
    let mins = (now - p.created).num_seconds() as f64 / 60.0;
    if mins < 10.0 {
        (
            "PlanInProgress",
            "DOWNLOADING",
            (mins / 10.0).clamp(0.0, 1.0),
        )
    } else if mins < 20.0 {
        ("PlanInProgress", "INSTALLING", 1.0)
    } else {
        ("PlanCompleted", "INSTALLED", 1.0)
    }
}

fn plan_json(p: &MsuPlan, now: DateTime<Utc>) -> Value {
    let (state, _, _) = plan_status(p, now);
    json!({
        "planUuid": p.plan_id, "recipeId": "-1",
        "device": { "deviceId": p.device_id.to_string(), "objectType": "MOBILE_DEVICE", "href": format!("/v2/mobile-devices/{}", p.device_id) },
        "updateAction": p.update_action, "versionType": p.version_type, "specificVersion": p.specific_version,
        "buildVersion": null, "maxDeferrals": p.max_deferrals, "forceInstallLocalDateTime": p.force_install_local_date_time,
        "status": { "state": state, "errorReasons": p.error_reasons }
    })
}

/// An iOS version and its build number.
type VersionAndBuild = (String, String);

/// The version a plan installs: the one asked for, or the newest the simulator knows.
fn target_version(p: &MsuPlan) -> Option<VersionAndBuild> {
    if p.version_type.eq_ignore_ascii_case("SPECIFIC_VERSION") && !p.specific_version.is_empty() {
        let build = OS_VERSIONS
            .iter()
            .find(|v| v.0 == p.specific_version)
            .map(|v| v.1.to_string())
            .unwrap_or_default();
        return Some((p.specific_version.clone(), build));
    }
    OS_VERSIONS
        .last()
        .map(|(v, b)| (v.to_string(), b.to_string()))
}

/// Completed plans that install move their device to the new version (and the device reports
/// a fresh inventory), once. Called before plans or devices' update states are read.
fn settle(w: &mut World, now: DateTime<Utc>) {
    let done: Vec<(usize, u32, Option<VersionAndBuild>)> = w
        .msu
        .plans
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.applied && plan_status(p, now).0 == "PlanCompleted")
        .map(|(i, p)| {
            let installs = !p.update_action.eq_ignore_ascii_case("DOWNLOAD_ONLY");
            (
                i,
                p.device_id,
                installs.then(|| target_version(p)).flatten(),
            )
        })
        .collect();
    for (i, device_id, target) in done {
        w.msu.plans[i].applied = true;
        let Some((version, build)) = target else {
            continue;
        };
        if let Some(di) = w.device_index(device_id) {
            let d = &mut w.devices[di];
            d.os_version = version;
            if !build.is_empty() {
                d.os_build = build;
            }
            d.last_inventory = d.last_inventory.max(now);
        }
    }
}

pub async fn list_plans(
    State(st): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let (_, page) = paged_query(raw.as_deref())?;
    let now = st.clock.now();
    let mut w = st.world();
    if !w.msu.toggle {
        return Err(toggle_off());
    }
    settle(&mut w, now);
    let all: Vec<Value> = w.msu.plans.iter().map(|p| plan_json(p, now)).collect();
    Ok(paged(all.len(), page.slice(&all)))
}

pub async fn one_plan(
    State(st): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let now = st.clock.now();
    let mut w = st.world();
    if !w.msu.toggle {
        return Err(toggle_off());
    }
    settle(&mut w, now);
    let p = w
        .msu
        .plans
        .iter()
        .find(|p| p.plan_id == id)
        .ok_or_else(|| ApiError::not_found("Plan not found"))?;
    Ok(Json(plan_json(p, now)).into_response())
}

fn statuses(w: &World, devices: &[u32], now: DateTime<Utc>) -> Value {
    let results: Vec<Value> = w
        .msu
        .plans
        .iter()
        .filter(|p| devices.is_empty() || devices.contains(&p.device_id))
        .enumerate()
        .map(|(i, p)| {
            let (_, status, pct) = plan_status(p, now);
            json!({
                "osUpdatesStatusId": (i + 1).to_string(),
                "device": { "deviceId": p.device_id, "objectType": "MOBILE_DEVICE", "href": format!("/v2/mobile-devices/{}", p.device_id) },
                "downloadPercentComplete": pct, "downloaded": pct >= 1.0,
                "productKey": format!("iOSUpdate{}", OS_VERSIONS.last().map(|v| v.1).unwrap_or("")),
                "status": status, "deferralsRemaining": p.max_deferrals, "maxDeferrals": p.max_deferrals,
                "nextScheduledInstall": null, "pastNotifications": [],
                "created": iso(p.created), "updated": iso(now.min(p.created + Duration::minutes(20)))
            })
        })
        .collect();
    json!({ "totalCount": results.len(), "results": results })
}

pub async fn update_statuses(State(st): State<AppState>) -> Result<Json<Value>, ApiError> {
    let now = st.clock.now();
    let mut w = st.world();
    if !w.msu.toggle {
        return Err(toggle_off());
    }
    settle(&mut w, now);
    Ok(Json(statuses(&w, &[], now)))
}

pub async fn device_statuses(
    State(st): State<AppState>,
    Path(id): Path<u32>,
) -> Result<Json<Value>, ApiError> {
    let now = st.clock.now();
    let w = st.world();
    if !w.msu.toggle {
        return Err(toggle_off());
    }
    if w.device(id).is_none() {
        return Err(ApiError::not_found("Mobile device not found"));
    }
    Ok(Json(statuses(&w, &[id], now)))
}

pub async fn group_statuses(
    State(st): State<AppState>,
    Path(id): Path<u32>,
) -> Result<Json<Value>, ApiError> {
    let now = st.clock.now();
    let mut w = st.world();
    if !w.msu.toggle {
        return Err(toggle_off());
    }
    if w.group(id).is_none() {
        return Err(ApiError::not_found("Group not found"));
    }
    let members = w.members(id);
    Ok(Json(statuses(&w, &members, now)))
}
