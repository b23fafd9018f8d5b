//! `/JSSResource/mobiledevicecommands` (URL form) and `/JSSResource/mobiledevicehistory`.

use super::mobiledevices::{date_triple, identity};
use super::resource::find;
use super::xml::*;
use crate::commands::{CommandState, classic_name, classic_to_v2_at, version_of};
use crate::error::ClassicError;
use crate::school::engine::queue_command;
use crate::school::model::Device;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

pub async fn send(
    State(st): State<AppState>,
    headers: HeaderMap,
    Path((name, ids)): Path<(String, String)>,
    body: String,
) -> Result<Response, ClassicError> {
    queue(&st, &headers, &name, None, &ids, &body)
}

pub async fn send_with_arg(
    State(st): State<AppState>,
    headers: HeaderMap,
    Path((name, arg, ids)): Path<(String, String, String)>,
    body: String,
) -> Result<Response, ClassicError> {
    queue(&st, &headers, &name, Some(&arg), &ids, &body)
}

/// Reads `<tag>value</tag>` from a small XML body (Classic command parameters).
fn xml_param(body: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}>");
    let start = body.find(&open)? + open.len();
    let end = body[start..].find(&format!("</{tag}>"))? + start;
    Some(
        quick_xml::escape::unescape(&body[start..end])
            .map(|c| c.into_owned())
            .unwrap_or_default(),
    )
}

fn queue(
    st: &AppState,
    headers: &HeaderMap,
    name: &str,
    arg: Option<&str>,
    ids: &str,
    body: &str,
) -> Result<Response, ClassicError> {
    // Commands removed in 11.28 (or never offered for mobile devices by 11.30.1) are refused.
    let v2 = classic_to_v2_at(name, version_of(&st.jamf_version))
        .ok_or_else(|| ClassicError::bad_request(format!("Invalid command: {name}")))?;
    let ids: Vec<u32> = ids
        .split(',')
        .map(|x| x.trim().parse::<u32>())
        .collect::<Result<_, _>>()
        .map_err(|_| ClassicError::bad_request("Invalid id list"))?;
    let mut data = json!({ "commandType": v2 });
    match name {
        "EnableLostMode" => {
            let msg = xml_param(body, "lost_mode_message").unwrap_or_default();
            let phone = xml_param(body, "lost_mode_phone").unwrap_or_default();
            if msg.is_empty() && phone.is_empty() {
                return Err(ClassicError::bad_request(
                    "lost_mode_message or lost_mode_phone is required",
                ));
            }
            data["lostModeMessage"] = json!(msg);
            data["lostModePhone"] = json!(phone);
            data["lostModeFootnote"] =
                json!(xml_param(body, "lost_mode_footnote").unwrap_or_default());
            data["alwaysEnforce"] =
                json!(xml_param(body, "always_enforce_lost_mode").is_none_or(|v| v != "false"));
        }
        "DeviceName" => data["deviceName"] = json!(arg.unwrap_or_default()),
        "RefreshCellularPlans" => {
            data["esimServerUrl"] = json!(xml_param(body, "e_sim_server_url").unwrap_or_default())
        }
        "EraseDevice" => {
            for (tag, field) in [
                ("preserve_data_plan", "preserveDataPlan"),
                ("disallow_proximity_setup", "disallowProximitySetup"),
            ] {
                data[field] = json!(xml_param(body, tag).is_some_and(|v| v == "true"));
            }
        }
        _ => {}
    }
    let now = st.clock.now();
    let mut w = st.world();
    if ids.iter().any(|id| w.device(*id).is_none()) {
        return Err(ClassicError::not_found());
    }
    let mut items = vec![];
    let mut uuid = String::new();
    for id in ids {
        let u = queue_command(&mut w, id, v2, data.clone(), now).unwrap_or_default();
        if uuid.is_empty() {
            uuid = u;
        }
        let mid = w
            .device(id)
            .map(|d| d.management_id.clone())
            .unwrap_or_default();
        items.push(obj(vec![
            ("id", i(id as i64)),
            ("management_id", s(mid)),
            ("status", s("Command sent")),
        ]));
    }
    let node = obj(vec![
        ("uuid", s(uuid)),
        ("command", s(name)),
        // No `<size>` here: the real response (fixture commands/*.response.xml) has none.
        (
            "mobile_devices",
            Node::BareList("mobile_device".into(), items),
        ),
    ]);
    let mut r = respond(headers, "mobile_device_command", &node);
    *r.status_mut() = StatusCode::CREATED;
    Ok(r.into_response())
}

pub async fn history(
    State(st): State<AppState>,
    headers: HeaderMap,
    Path((key, value)): Path<(String, String)>,
) -> Result<Response, ClassicError> {
    render_history(&st, &headers, &key, &value, None)
}

pub async fn history_subset(
    State(st): State<AppState>,
    headers: HeaderMap,
    Path((key, value, subsets)): Path<(String, String, String)>,
) -> Result<Response, ClassicError> {
    let only: Vec<String> = subsets
        .split('&')
        .map(|x| x.replace('_', "").to_lowercase())
        .collect();
    render_history(&st, &headers, &key, &value, Some(&only))
}

fn render_history(
    st: &AppState,
    headers: &HeaderMap,
    key: &str,
    value: &str,
    only: Option<&[String]>,
) -> Result<Response, ClassicError> {
    let w = st.world();
    let d = &w.devices[find::<Device>(&w, key, value)?];
    let want = |n: &str| only.is_none_or(|o| o.iter().any(|x| x == n));
    let cmds: Vec<_> = w.commands.iter().filter(|c| c.device_id == d.id).collect();
    let mut completed = vec![];
    let mut pending = vec![];
    let mut failed = vec![];
    for c in cmds {
        let name = classic_name(&c.command_type);
        let (issued_h, issued_e, _) = date_triple(c.date_sent);
        match c.state {
            CommandState::Acknowledged => {
                let (h, e, _) = date_triple(c.date_completed.unwrap_or(c.date_sent));
                completed.push(obj(vec![
                    ("name", s(name)),
                    ("date_time_completed", s(h)),
                    ("date_time_completed_epoch", i(e)),
                ]));
            }
            CommandState::Pending | CommandState::NotNow => {
                pending.push(obj(vec![
                    ("name", s(name)),
                    (
                        "status",
                        s(if c.state == CommandState::NotNow {
                            "Not Now"
                        } else {
                            "Pending"
                        }),
                    ),
                    ("date_time_issued", s(issued_h)),
                    ("date_time_issued_epoch", i(issued_e)),
                    ("date_time_failed", s("")),
                    ("date_time_failed_epoch", i(0)),
                ]));
            }
            CommandState::Error | CommandState::CommandFormatError => {
                let (h, e, _) = date_triple(c.date_completed.unwrap_or(c.date_sent));
                failed.push(obj(vec![
                    ("name", s(name)),
                    (
                        "error",
                        s(c.error
                            .as_ref()
                            .map(|e| e.description.clone())
                            .unwrap_or_default()),
                    ),
                    ("date_time_issued", s(issued_h)),
                    ("date_time_issued_epoch", i(issued_e)),
                    ("date_time_failed", s(h)),
                    ("date_time_failed_epoch", i(e)),
                ]));
            }
        }
    }
    let mut out: Vec<(&str, Node)> = vec![];
    if want("general") {
        out.push(("general", obj(identity(d))));
    }
    if want("managementcommands") {
        out.push((
            "management_commands",
            obj(vec![
                ("completed", list("command", completed)),
                ("pending", list("command", pending)),
                ("failed", list("command", failed)),
            ]),
        ));
    }
    if want("userlocation") {
        out.push(("user_location", list("location", vec![])));
    }
    if want("audits") {
        out.push(("audits", list("audit", vec![])));
    }
    Ok(respond(headers, "mobile_device_history", &obj(out)))
}
