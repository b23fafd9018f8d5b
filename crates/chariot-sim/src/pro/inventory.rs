//! Inventory endpoints: `/v2/mobile-devices`, `/v2/mobile-devices/{id}`,
//! `/v2/mobile-devices/detail` and `/v2/mobile-devices/{id}/detail`.

use super::fields::{self, FieldCtx};
use super::records::Record;
use super::sections::{self, SECTIONS};
use crate::error::ApiError;
use crate::faults::PagedRead;
use crate::paging::{paged, paged_query, parse_filter, parse_sort, sort_by_keys};
use crate::rsql::Value;
use crate::school::World;
use crate::school::model::Device;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};

const LIST_SORT: &[&str] = &[
    "id",
    "name",
    "serialNumber",
    "udid",
    "wifiMacAddress",
    "phoneNumber",
    "model",
    "modelIdentifier",
    "username",
    "type",
    "managementId",
];

/// A row of the light list `/v2/mobile-devices` (typed: a district's list is read whole at
/// every sync).
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Light<'a> {
    id: String,
    name: &'a str,
    serial_number: &'a str,
    wifi_mac_address: &'a str,
    udid: &'a str,
    phone_number: &'a str,
    model: &'static str,
    model_identifier: &'static str,
    username: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    management_id: &'a str,
    software_update_device_id: Option<()>,
}

fn light(d: &Device) -> Light<'_> {
    Light {
        id: d.id.to_string(),
        name: &d.name,
        serial_number: &d.serial,
        wifi_mac_address: &d.wifi_mac,
        udid: &d.udid,
        phone_number: &d.phone,
        model: d.model.name,
        model_identifier: d.model.identifier,
        username: &d.username,
        kind: "ios",
        management_id: &d.management_id,
        software_update_device_id: None,
    }
}

fn light_value(d: &Device, f: &str) -> Value {
    match f {
        "id" => Value::Num(d.id as f64),
        "name" => Value::Str(d.name.clone()),
        "serialNumber" => Value::Str(d.serial.clone()),
        "udid" => Value::Str(d.udid.clone()),
        "wifiMacAddress" => Value::Str(d.wifi_mac.clone()),
        "model" => Value::Str(d.model.name.into()),
        "modelIdentifier" => Value::Str(d.model.identifier.into()),
        "username" => Value::Str(d.username.clone()),
        "managementId" => Value::Str(d.management_id.clone()),
        _ => Value::Str(String::new()),
    }
}

fn maybe_churn(st: &AppState, w: &mut World) {
    if let Some(add) = st.faults.roll_churn() {
        crate::school::engine::churn(w, add, st.clock.now());
    }
}

/// `GET /api/v2/mobile-devices`.
pub async fn list(
    State(st): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let (q, page) = paged_query(raw.as_deref())?;
    let sort = parse_sort(&q, "id:asc", LIST_SORT)?;
    // (No churn here: it is a fault of the detail pages, between which a client writes.)
    let mut w = st.world();
    let deletion =
        DeletionWhilePaging::new(&st, &w, Some(PagedRead::LightList), page.page, |_| true);
    let mut items: Vec<&Device> = w.devices.iter().filter(|d| !deletion.hides(d)).collect();
    sort_by_keys(&mut items, &sort, |d, f| light_value(d, f), |d| d.id as u64);
    let results: Vec<_> = page.slice(&items).iter().map(|d| light(d)).collect();
    let response = paged(items.len(), results);
    deletion.after_page(&st, &mut w);
    Ok(response)
}

/// The fault knob [`crate::FaultConfig::delete_while_paging`] for one page: the device with
/// the lowest id among those the read lists is hidden from the pages after the first while
/// the first has not been served, then deleted once it has.
struct DeletionWhilePaging {
    victim: Option<u32>,
    first_page: bool,
}

impl DeletionWhilePaging {
    fn new(
        st: &AppState,
        w: &World,
        read: Option<PagedRead>,
        page: usize,
        listed: impl Fn(&Device) -> bool,
    ) -> Self {
        let armed = read.is_some_and(|read| st.faults.deletes_while_paging(read));
        DeletionWhilePaging {
            victim: armed
                .then(|| w.devices.iter().filter(|d| listed(d)).map(|d| d.id).min())
                .flatten(),
            first_page: page == 0,
        }
    }

    fn hides(&self, d: &Device) -> bool {
        !self.first_page && self.victim == Some(d.id)
    }

    fn after_page(&self, st: &AppState, w: &mut World) {
        if let (Some(victim), true) = (self.victim, self.first_page) {
            w.devices.retain(|d| d.id != victim);
            w.touch();
            st.faults.deleted_while_paging();
        }
    }
}

fn parse_id(id: &str) -> Result<u32, ApiError> {
    id.parse::<u32>()
        .map_err(|_| ApiError::not_found(format!("Mobile device {id} not found")))
}

/// `GET /api/v2/mobile-devices/{id}`.
pub async fn one(State(st): State<AppState>, Path(id): Path<String>) -> Result<Response, ApiError> {
    let id = parse_id(&id)?;
    let w = st.world();
    let d = w
        .device(id)
        .ok_or_else(|| ApiError::not_found(format!("Mobile device {id} not found")))?;
    Ok(Json(light(d)).into_response())
}

/// `GET /api/v2/mobile-devices/{id}/detail`.
pub async fn one_detail(
    State(st): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = parse_id(&id)?;
    let mut w = st.world();
    let groups = w.groups_by_device();
    let d = w
        .device(id)
        .ok_or_else(|| ApiError::not_found(format!("Mobile device {id} not found")))?;
    let g = groups.get(&id).cloned().unwrap_or_default();
    Ok(Json(sections::legacy_detail(&w, d, &g)).into_response())
}

/// `GET /api/v2/mobile-devices/detail`: the paged, filtered, sorted inventory.
pub async fn detail(
    State(st): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let (q, page) = paged_query(raw.as_deref())?;
    let mut wanted = q.all_split("section");
    if wanted.is_empty() {
        wanted.push("GENERAL".into());
    }
    let mut secs: Vec<&str> = vec![];
    for s in &wanted {
        let found = SECTIONS.iter().find(|(n, _)| n.eq_ignore_ascii_case(s));
        match found {
            Some((n, _)) => secs.push(n),
            None => {
                return Err(ApiError::bad_request(
                    "INVALID_FIELD",
                    format!("Invalid section: {s}"),
                )
                .with_field("section"));
            }
        }
    }
    let lenient = match q.get("exception-handling").map(|s| s.to_ascii_uppercase()) {
        None => false,
        Some(m) if m == "STRICT" => false,
        Some(m) if m == "LENIENT" => true,
        Some(m) => {
            return Err(ApiError::bad_request(
                "INVALID_FIELD",
                format!("Invalid exception-handling: {m}"),
            )
            .with_field("exception-handling"));
        }
    };
    let sort_allowed = fields::sort_fields();
    let sort = parse_sort(&q, "displayName:asc", &sort_allowed)?;
    let filter = parse_filter(&q, fields::FILTER_FIELDS, "INVALID_FIELD")?;
    let mut w = st.world();
    maybe_churn(&st, &mut w);
    // A filtered read (the lost devices, devices by id) is not a read of the fleet; one on the
    // inventory date is an incremental sync's delta.
    let read = match &filter {
        None => Some(PagedRead::Inventory),
        Some(e) if e.fields().contains(&"lastInventoryUpdateDate") => Some(PagedRead::Delta),
        Some(_) => None,
    };
    let groups = w.groups_by_device();
    let world: &World = &w;
    let ctx = FieldCtx {
        world,
        groups: &groups,
    };
    let matches = |d: &Device| {
        filter
            .as_ref()
            .is_none_or(|e| e.eval(&|f| fields::values(&ctx, d, f)))
    };
    let deletion = DeletionWhilePaging::new(&st, world, read, page.page, matches);
    let mut items: Vec<&Device> = world
        .devices
        .iter()
        .filter(|d| !deletion.hides(d) && matches(d))
        .collect();
    sort_by_keys(
        &mut items,
        &sort,
        |d, f| {
            fields::values(&ctx, d, f)
                .into_iter()
                .next()
                .unwrap_or(Value::Null)
        },
        |d| d.id as u64,
    );
    let empty = vec![];
    let on_page = page.slice(&items);
    if !lenient && let Some(d) = on_page.iter().find(|d| st.unprocessable.contains(&d.id)) {
        // STRICT: one unprocessable device fails the whole call. [guess] exact code string.
        return Err(ApiError::new(
            500,
            "INTERNAL_SERVER_ERROR",
            format!(
                "Unable to process inventory data for mobile device {}",
                d.id
            ),
        ));
    }
    let results: Vec<Record> = on_page
        .iter()
        .map(|d| {
            let mut r = Record::new(world, d, &secs, groups.get(&d.id).unwrap_or(&empty));
            if st.unprocessable.contains(&d.id) {
                // LENIENT: the broken section comes back null, the rest of the device is kept.
                r.applications = None;
            }
            r
        })
        .collect();
    let response = paged(items.len(), results);
    deletion.after_page(&st, &mut w);
    Ok(response)
}
