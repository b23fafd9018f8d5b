//! `/JSSResource/mobiledevices/match/{term}` (the UI quick search) and what the partial
//! `PUT /JSSResource/mobiledevices/{key}/{value}` changes (reference §4.4); the shared
//! handler in `handlers.rs` serves it.

use super::mobiledevices::identity;
use super::write::{self, El, same_name};
use super::xml::*;
use crate::error::ClassicError;
use crate::rsql::glob;
use crate::school::World;
use crate::school::engine::queue_command;
use crate::school::model::Device;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use chrono::{DateTime, Utc};
use serde_json::json;

fn match_item(w: &World, d: &Device) -> Node {
    let building = w
        .building(d.building_id)
        .map(|b| b.name.clone())
        .unwrap_or_default();
    let department = w
        .department(d.department_id)
        .map(|b| b.name.clone())
        .unwrap_or_default();
    let mut fields = identity(d);
    fields.extend([
        ("wifi_mac_address", s(&d.wifi_mac)),
        ("username", s(&d.username)),
        ("realname", s(&d.real_name)),
        ("email", s(&d.email)),
        ("email_address", s(&d.email)),
        ("room", s(&d.room)),
        ("position", s(&d.position)),
        ("building", s(&building)),
        ("building_name", s(&building)),
        ("department", s(&department)),
        ("department_name", s(&department)),
    ]);
    obj(fields)
}

/// `*` is the wildcard and matching is case-insensitive; without a `*` the term must equal
/// one of the searched fields ("admin*" matches names beginning with admin, per the swagger).
pub async fn match_term(
    State(st): State<AppState>,
    headers: HeaderMap,
    Path(term): Path<String>,
) -> Response {
    let w = st.world();
    let items = w
        .devices
        .iter()
        .filter(|d| {
            [
                &d.name,
                &d.serial,
                &d.udid,
                &d.wifi_mac,
                &d.username,
                &d.real_name,
                &d.email,
                &d.asset_tag,
            ]
            .iter()
            .any(|f| !f.is_empty() && glob(&term, f))
        })
        .map(|d| match_item(&w, d))
        .collect();
    respond_list(&headers, "mobile_devices", "mobile_device", items)
}

/// An `Option<u32>` reference to a building or department given by name in `location`.
fn by_name<T>(
    all: &[T],
    name: &str,
    id_of: impl Fn(&T) -> u32,
    name_of: impl Fn(&T) -> &str,
    what: &str,
) -> Result<Option<u32>, ClassicError> {
    if name.is_empty() {
        return Ok(None);
    }
    all.iter()
        .find(|x| same_name(name_of(x), name))
        .map(|x| Some(id_of(x)))
        .ok_or_else(|| ClassicError::conflict(format!("Error: Unable to match {what}")))
}

/// Everything is checked on a copy first, so a 409 leaves the record untouched.
pub fn apply(w: &World, d: &mut Device, el: &El) -> Result<(), ClassicError> {
    if let Some(g) = el.child("general") {
        let name = g
            .text_of("display_name")
            .or_else(|| g.text_of("device_name"))
            .or_else(|| g.text_of("name"));
        if let Some(n) = name {
            if n.is_empty() {
                return Err(write::missing_field("name"));
            }
            d.name = n;
        }
        if let Some(t) = g.text_of("asset_tag") {
            d.asset_tag = t;
        }
        if let Some(site) = g.child("site") {
            d.site_id = super::reference_objects::parse_site(w, site)?;
        }
    }
    if let Some(l) = el.child("location") {
        let text = |k: &str| l.text_of(k);
        if let Some(v) = text("username") {
            d.username = v;
        }
        if let Some(v) = text("real_name").or_else(|| text("realname")) {
            d.real_name = v;
        }
        if let Some(v) = text("email_address") {
            d.email = v;
        }
        if let Some(v) = text("position") {
            d.position = v;
        }
        if let Some(v) = text("phone_number").or_else(|| text("phone")) {
            d.phone = v;
        }
        if let Some(v) = text("room") {
            d.room = v;
        }
        if let Some(v) = text("building") {
            d.building_id = by_name(&w.buildings, &v, |b| b.id, |b| &b.name, "building")?;
        }
        if let Some(v) = text("department") {
            d.department_id = by_name(&w.departments, &v, |b| b.id, |b| &b.name, "department")?;
        }
    }
    if let Some(v) = el.child("purchasing").and_then(|p| p.text_of("po_number")) {
        d.po_number = v;
    }
    Ok(())
}

/// A Classic PUT bumps the inventory date, and renaming a supervised device queues the
/// DeviceName command, once the edited copy is stored.
pub fn after_update(w: &mut World, idx: usize, before: &Device, now: DateTime<Utc>) {
    let d = &mut w.devices[idx];
    // [guess] a Classic PUT bumps the inventory date (reported for computers, jamf/mut#131;
    // reference §4.4 says to assume it for mobile devices), so clients that sync on
    // lastInventoryUpdateDate meet the effect here too.
    d.last_inventory = now;
    if d.name != before.name && d.supervised {
        // Renaming a supervised device makes Jamf send DeviceName (ruby-jss).
        let (id, new_name) = (d.id, d.name.clone());
        let data = json!({ "commandType": "SETTINGS", "deviceName": new_name });
        queue_command(w, id, "SETTINGS", data, now);
    }
}
