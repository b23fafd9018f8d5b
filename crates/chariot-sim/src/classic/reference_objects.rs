//! The small Classic resources other objects point at (reference §8.2, §8.3, §9):
//! `categories`, `sites`, `buildings`, `departments` (list, id/name lookup, create, delete)
//! and `vppaccounts` (list and lookup only: creating one needs an Apple service token).
//! Also the `<site>`/`<category>` reference parsing the other writers share.

use super::write::{self, El, same_name};
use super::xml::*;
use crate::error::ClassicError;
use crate::school::World;
use crate::school::model::{Building, Category, Department, Site};
use crate::state::AppState;
use axum::http::HeaderMap;
use axum::response::Response;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Category,
    Site,
    Building,
    Department,
    VppAccount,
}

impl Kind {
    /// (list root, item / record root)
    fn roots(self) -> (&'static str, &'static str) {
        match self {
            Kind::Category => ("categories", "category"),
            Kind::Site => ("sites", "site"),
            Kind::Building => ("buildings", "building"),
            Kind::Department => ("departments", "department"),
            Kind::VppAccount => ("vpp_accounts", "vpp_account"),
        }
    }
}

/// (id, name) of every object of a kind, in storage order.
fn entries(w: &World, k: Kind) -> Vec<(u32, String)> {
    match k {
        Kind::Category => w
            .categories
            .iter()
            .map(|x| (x.id, x.name.clone()))
            .collect(),
        Kind::Site => w.sites.iter().map(|x| (x.id, x.name.clone())).collect(),
        Kind::Building => w.buildings.iter().map(|x| (x.id, x.name.clone())).collect(),
        Kind::Department => w
            .departments
            .iter()
            .map(|x| (x.id, x.name.clone()))
            .collect(),
        Kind::VppAccount => w
            .vpp_accounts
            .iter()
            .map(|x| (x.id, x.name.clone()))
            .collect(),
    }
}

fn find(w: &World, k: Kind, key: &str, value: &str) -> Result<u32, ClassicError> {
    let all = entries(w, k);
    match key {
        "id" => value
            .parse::<u32>()
            .ok()
            .filter(|id| all.iter().any(|(x, _)| x == id)),
        "name" => all.iter().find(|(_, n)| n == value).map(|(id, _)| *id),
        _ => None,
    }
    .ok_or_else(ClassicError::not_found)
}

fn record(w: &World, k: Kind, id: u32) -> Node {
    match k {
        Kind::Category => {
            let c = w.category(Some(id)).expect("found");
            obj(vec![
                ("id", i(c.id as i64)),
                ("name", s(&c.name)),
                ("priority", i(c.priority)),
            ])
        }
        Kind::Site => {
            let x = w.site(Some(id)).expect("found");
            obj(vec![("id", i(x.id as i64)), ("name", s(&x.name))])
        }
        Kind::Building => {
            let x = w.building(Some(id)).expect("found");
            obj(vec![
                ("id", i(x.id as i64)),
                ("name", s(&x.name)),
                ("street_address1", s(&x.street)),
                ("street_address2", s("")),
                ("city", s(&x.city)),
                ("state_province", s("Occitanie")),
                ("zip_postal_code", s(&x.zip)),
                ("country", s(&x.country)),
            ])
        }
        Kind::Department => {
            let x = w.department(Some(id)).expect("found");
            obj(vec![("id", i(x.id as i64)), ("name", s(&x.name))])
        }
        Kind::VppAccount => {
            let v = w.vpp_accounts.iter().find(|v| v.id == id).expect("found");
            let site = w.site(v.site_id).map(|x| (x.id, x.name.as_str()));
            obj(vec![
                ("id", i(v.id as i64)),
                ("name", s(&v.name)),
                ("contact", s(&v.contact)),
                // The token is a secret the server only ever receives; [guess] served empty.
                ("service_token", s("")),
                ("account_name", s(&v.account_name)),
                (
                    "expiration_date",
                    s(v.expiration.format("%Y-%m-%d").to_string()),
                ),
                ("location_name", s(&v.location_name)),
                ("country", s(&v.country)),
                ("apple_id", s(&v.apple_id)),
                ("site", id_name(site, "None")),
                ("populate_catalog_from_vpp_content", b(true)),
                ("notify_disassociation", b(true)),
                ("auto_register_managed_users", b(false)),
            ])
        }
    }
}

pub async fn list_all(st: AppState, headers: HeaderMap, k: Kind) -> Response {
    let w = st.world();
    let (root, item) = k.roots();
    let items = entries(&w, k)
        .into_iter()
        .map(|(id, name)| obj(vec![("id", i(id as i64)), ("name", s(name))]))
        .collect();
    respond_list(&headers, root, item, items)
}

pub async fn one(
    st: AppState,
    headers: HeaderMap,
    k: Kind,
    (key, value): (String, String),
) -> Result<Response, ClassicError> {
    let w = st.world();
    let id = find(&w, k, &key, &value)?;
    Ok(respond(&headers, k.roots().1, &record(&w, k, id)))
}

pub async fn create(
    st: AppState,
    k: Kind,
    (key, value): (String, String),
    body: String,
) -> Result<Response, ClassicError> {
    let root = k.roots().1;
    if !write::is_create_path(&key, &value) || k == Kind::VppAccount {
        return Err(ClassicError::not_found());
    }
    let el = write::parse_body(&body, root)?;
    let name = el
        .text_of("name")
        .filter(|n| !n.is_empty())
        .ok_or_else(|| write::missing_field("name"))?;
    let mut w = st.world();
    if entries(&w, k).iter().any(|(_, n)| same_name(n, &name)) {
        return Err(write::duplicate_name());
    }
    let id = match k {
        Kind::Category => {
            w.next.category += 1;
            let id = w.next.category;
            // Jamf's default category priority is 9.
            let priority = el.int_of("priority").unwrap_or(9);
            w.categories.push(Category { id, name, priority });
            id
        }
        Kind::Site => {
            w.next.site += 1;
            let id = w.next.site;
            w.sites.push(Site {
                id,
                name,
                rne: String::new(),
                city: String::new(),
                latitude: 0.0,
                longitude: 0.0,
            });
            id
        }
        Kind::Building => {
            w.next.building += 1;
            let id = w.next.building;
            let t = |k: &str| el.text_of(k).unwrap_or_default();
            w.buildings.push(Building {
                id,
                name,
                street: t("street_address1"),
                city: t("city"),
                zip: t("zip_postal_code"),
                country: t("country"),
            });
            id
        }
        Kind::Department => {
            w.next.department += 1;
            let id = w.next.department;
            w.departments.push(Department { id, name });
            id
        }
        Kind::VppAccount => unreachable!("refused above"),
    };
    w.touch();
    Ok(write::created(root, id))
}

/// Objects that pointed at a deleted one render as unassigned (`-1`/`None`), because
/// lookups by a stale id find nothing and ids are never reused.
pub async fn delete(
    st: AppState,
    k: Kind,
    (key, value): (String, String),
) -> Result<Response, ClassicError> {
    if k == Kind::VppAccount {
        return Err(ClassicError::not_found());
    }
    let mut w = st.world();
    let id = find(&w, k, &key, &value)?;
    match k {
        Kind::Category => w.categories.retain(|x| x.id != id),
        Kind::Site => w.sites.retain(|x| x.id != id),
        Kind::Building => w.buildings.retain(|x| x.id != id),
        Kind::Department => w.departments.retain(|x| x.id != id),
        Kind::VppAccount => {}
    }
    // Building/department names feed smart-group criteria.
    w.touch();
    Ok(write::deleted(k.roots().1, id))
}

fn parse_ref(
    el: &El,
    all: Vec<(u32, String)>,
    none_names: &[&str],
    what: &str,
) -> Result<Option<u32>, ClassicError> {
    let unmatched = || ClassicError::conflict(format!("Error: Unable to match {what}"));
    if let Some(id) = el.int_of("id") {
        if id == -1 {
            return Ok(None);
        }
        return all
            .iter()
            .find(|(x, _)| *x as i64 == id)
            .map(|(x, _)| Some(*x))
            .ok_or_else(unmatched);
    }
    match el
        .text_of("name")
        .filter(|n| !n.is_empty() && !none_names.contains(&n.as_str()))
    {
        Some(n) => all
            .iter()
            .find(|(_, x)| same_name(x, &n))
            .map(|(x, _)| Some(*x))
            .ok_or_else(unmatched),
        // An empty element clears the reference (reference §7.1).
        None => Ok(None),
    }
}

/// `<site>` by id or name; `-1`, `None` or an empty element unassigns.
pub fn parse_site(w: &World, el: &El) -> Result<Option<u32>, ClassicError> {
    parse_ref(el, entries(w, Kind::Site), &["None"], "site")
}

/// `<category>` by id or name; `-1`, the placeholder names or an empty element clear it.
pub fn parse_category(w: &World, el: &El) -> Result<Option<u32>, ClassicError> {
    parse_ref(
        el,
        entries(w, Kind::Category),
        &["No category assigned", "Unknown", "None"],
        "category",
    )
}

/// `{id, name}` of an optional category with Jamf's placeholder.
pub fn category_node(w: &World, id: Option<u32>) -> Node {
    id_name(
        w.category(id).map(|c| (c.id, c.name.as_str())),
        "No category assigned",
    )
}

pub fn site_node(w: &World, id: Option<u32>) -> Node {
    id_name(w.site(id).map(|x| (x.id, x.name.as_str())), "None")
}
