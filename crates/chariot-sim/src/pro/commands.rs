//! `POST/GET /api/v2/mdm/commands`, `POST /api/v2/mdm/blank-push` and the dedicated
//! `POST /api/v2/mobile-devices/{id}/erase`.

use super::sections::iso;
use crate::commands::{Command, has_v2_commands, validate_command_data, version_of};
use crate::error::ApiError;
use crate::paging::{paged, paged_query, parse_filter, parse_sort, sort_by_keys};
use crate::rsql::Value;
use crate::school::engine::queue_command;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

pub const FILTER_FIELDS: &[&str] = &[
    "uuid",
    "clientManagementId",
    "command",
    "status",
    "clientType",
    "dateSent",
    "validAfter",
    "dateCompleted",
    "profileId",
    "profileIdentifier",
    "active",
];

fn body_json(body: &[u8]) -> Result<serde_json::Value, ApiError> {
    serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request("INVALID_JSON", format!("Malformed request body: {e}")))
}

/// `POST /api/v2/mdm/commands` → 201 `[{id, href}]`, one per target in `clientData` order.
pub async fn send(
    State(st): State<AppState>,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    if !has_v2_commands(version_of(&st.jamf_version)) {
        return Err(ApiError::not_found("Not Found"));
    }
    let v = body_json(&body)?;
    let data = v
        .get("commandData")
        .cloned()
        .unwrap_or(serde_json::Value::Null);
    let ty = validate_command_data(&data).map_err(|e| {
        ApiError::bad_request("INVALID_FIELD", e.to_string()).with_field("commandData")
    })?;
    let targets: Vec<String> = v
        .get("clientData")
        .and_then(|c| c.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|c| {
                    c.get("managementId")
                        .and_then(|m| m.as_str())
                        .map(String::from)
                })
                .collect()
        })
        .unwrap_or_default();
    if targets.is_empty() {
        return Err(ApiError::bad_request(
            "INVALID_FIELD",
            "clientData must name at least one managementId",
        )
        .with_field("clientData"));
    }
    let now = st.clock.now();
    let mut w = st.world();
    let mut ids = vec![];
    for mid in &targets {
        let dev = w.device_by_management_id(mid).map(|d| d.id);
        let Some(dev) = dev else {
            // [guess] Jamf answers an unknown target with a 400 before queueing anything.
            return Err(ApiError::bad_request(
                "INVALID_MANAGEMENT_ID",
                format!("Unknown managementId: {mid}"),
            )
            .with_field("clientData"));
        };
        ids.push(dev);
    }
    let mut out = vec![];
    for dev in ids {
        if let Some(uuid) = queue_command(&mut w, dev, &ty, data.clone(), now) {
            out.push(
                json!({ "id": uuid, "href": format!("/api/v2/mdm/commands?filter=uuid=={uuid}") }),
            );
        }
    }
    Ok((StatusCode::CREATED, Json(out)).into_response())
}

fn value(c: &Command, field: &str) -> Value {
    let s = |v: &str| Value::Str(v.to_string());
    match field {
        "uuid" => s(&c.uuid),
        "clientManagementId" => s(&c.management_id),
        "command" => s(&c.command_type),
        "status" => s(c.state.as_str()),
        "clientType" => s("MOBILE_DEVICE"),
        "dateSent" | "validAfter" => Value::Date(c.date_sent),
        "dateCompleted" => c.date_completed.map(Value::Date).unwrap_or(Value::Null),
        "profileId" => c
            .profile_id
            .map(|p| Value::Num(p as f64))
            .unwrap_or(Value::Null),
        "profileIdentifier" => Value::Null,
        "active" => Value::Bool(c.state.is_active()),
        _ => Value::Null,
    }
}

pub fn command_json(c: &Command) -> serde_json::Value {
    json!({
        "uuid": c.uuid,
        "dateSent": iso(c.date_sent),
        // [guess] not captured for unfinished commands; the epoch is what Jamf stores for
        // "not completed", and the Python SDK's model requires a date-time here.
        "dateCompleted": iso(c.date_completed.unwrap_or(chrono::DateTime::UNIX_EPOCH)),
        "client": { "managementId": c.management_id, "clientType": "MOBILE_DEVICE" },
        "commandState": c.state.as_str(),
        "commandType": c.command_type,
        "commandError": c.error.as_ref().map(|e| json!({
            "errorCode": e.code, "errorDomain": e.domain,
            "errorLocalizedDescription": e.description, "errorEnglishDescription": e.description
        })),
        "profileId": c.profile_id,
    })
}

/// `GET /api/v2/mdm/commands` (a filter is mandatory).
pub async fn list(
    State(st): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    if !has_v2_commands(version_of(&st.jamf_version)) {
        return Err(ApiError::not_found("Not Found"));
    }
    let (q, page) = paged_query(raw.as_deref())?;
    let sort = parse_sort(&q, "dateSent:asc", FILTER_FIELDS)?;
    let Some(e) = parse_filter(&q, FILTER_FIELDS, "INVALID_FIELD")? else {
        return Err(ApiError::bad_request(
            "INVALID_FIELD",
            "At least one filter field is required",
        )
        .with_field("filter"));
    };
    let w = st.world();
    let mut items: Vec<&Command> = w
        .commands
        .iter()
        .filter(|c| {
            e.eval(&|field| {
                // States are matched case-insensitively ("Pending" in Jamf's own example).
                vec![value(c, field)]
            })
        })
        .collect();
    sort_by_keys(
        &mut items,
        &sort,
        |c, f| value(c, f),
        |c| c.date_sent.timestamp_millis() as u64,
    );
    let results: Vec<_> = page.slice(&items).iter().map(|c| command_json(c)).collect();
    Ok(paged(items.len(), results))
}

/// `POST /api/v2/mdm/blank-push` → `{errorUuids: []}`; nudges the devices to check in now.
pub async fn blank_push(
    State(st): State<AppState>,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    let v = body_json(&body)?;
    let now = st.clock.now();
    let mut w = st.world();
    let mut errors = vec![];
    for mid in v
        .get("clientManagementIds")
        .and_then(|a| a.as_array())
        .into_iter()
        .flatten()
        .filter_map(|m| m.as_str())
    {
        match w
            .device_by_management_id(mid)
            .map(|d| (d.id, d.push_latency_s, d.next_checkin.is_some()))
        {
            Some((id, lat, alive)) if alive => {
                for c in w
                    .commands
                    .iter_mut()
                    .filter(|c| c.device_id == id && c.state.is_active())
                {
                    c.deliver_at = Some(now + chrono::Duration::seconds(lat));
                }
            }
            Some(_) => {}
            None => errors.push(mid.to_string()),
        }
    }
    Ok(Json(json!({ "errorUuids": errors })).into_response())
}

/// `POST /api/v2/mobile-devices/{id}/erase` → `{deviceId, commandUuid}`.
pub async fn erase(
    State(st): State<AppState>,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    let v = if body.is_empty() {
        json!({})
    } else {
        body_json(&body)?
    };
    let id: u32 = id
        .parse()
        .map_err(|_| ApiError::not_found("Mobile device not found"))?;
    let now = st.clock.now();
    let mut w = st.world();
    if w.device(id).is_none() {
        return Err(ApiError::not_found("Mobile device not found"));
    }
    if v.get("returnToService")
        .and_then(|r| r.get("enabled"))
        .and_then(|b| b.as_bool())
        == Some(true)
        && v["returnToService"].get("wifiProfileData").is_none()
    {
        return Err(ApiError::bad_request(
            "INVALID_FIELD",
            "Return to service requirements not met",
        ));
    }
    let mut data = v.clone();
    data["commandType"] = json!("ERASE_DEVICE");
    let uuid = queue_command(&mut w, id, "ERASE_DEVICE", data, now).unwrap_or_default();
    Ok(Json(json!({ "deviceId": id.to_string(), "commandUuid": uuid })).into_response())
}
