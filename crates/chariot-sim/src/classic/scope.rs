//! The `<scope>` block shared by configuration profiles and apps (reference §7.1, §8.1):
//! rendering, and parsing from a write body with Jamf's rules — the block is replaced
//! wholesale, children out of schema order are silently ignored, an `all_mobile_devices`
//! flag drops explicit targets, and an unknown target is a 409 naming what did not match.

use super::write::{El, same_name};
use super::xml::*;
use crate::error::ClassicError;
use crate::school::World;
use crate::school::model::{Device, Scope, ScopeTargets};

/// Which resource the scope belongs to: app scopes have no iBeacons (reference §8.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Profile,
    App,
}

fn device_item(d: &Device) -> Node {
    obj(vec![
        ("id", i(d.id as i64)),
        ("name", s(&d.name)),
        ("udid", s(&d.udid)),
        ("wifi_mac_address", s(&d.wifi_mac)),
    ])
}

fn targets(w: &World, t: &ScopeTargets) -> Vec<(&'static str, Node)> {
    vec![
        (
            "mobile_devices",
            list(
                "mobile_device",
                t.device_ids
                    .iter()
                    .filter_map(|id| w.device(*id))
                    .map(device_item)
                    .collect(),
            ),
        ),
        (
            "buildings",
            list(
                "building",
                t.building_ids
                    .iter()
                    .filter_map(|id| w.building(Some(*id)))
                    .map(|b| obj(vec![("id", i(b.id as i64)), ("name", s(&b.name))]))
                    .collect(),
            ),
        ),
        (
            "departments",
            list(
                "department",
                t.department_ids
                    .iter()
                    .filter_map(|id| w.department(Some(*id)))
                    .map(|b| obj(vec![("id", i(b.id as i64)), ("name", s(&b.name))]))
                    .collect(),
            ),
        ),
        (
            "mobile_device_groups",
            list(
                "mobile_device_group",
                t.group_ids
                    .iter()
                    .filter_map(|id| w.group(*id))
                    .map(|g| obj(vec![("id", i(g.id as i64)), ("name", s(&g.name))]))
                    .collect(),
            ),
        ),
    ]
}

fn users(names: &[String]) -> Node {
    list(
        "user",
        names.iter().map(|n| obj(vec![("name", s(n))])).collect(),
    )
}

pub fn render(w: &World, sc: &Scope, kind: Kind) -> Node {
    let mut out = vec![
        ("all_mobile_devices", b(sc.all_mobile_devices)),
        ("all_jss_users", b(sc.all_jss_users)),
    ];
    out.extend(targets(w, &sc.targets));
    out.push(("jss_users", list("user", vec![])));
    // The one place a real capture shows the `{}`-for-empty quirk (reference §1.5).
    out.push(("jss_user_groups", quirk_list("user_group", vec![])));
    let mut limitations = vec![
        ("users", users(&sc.limitation_users)),
        ("user_groups", list("user_group", vec![])),
        ("network_segments", list("network_segment", vec![])),
    ];
    if kind == Kind::Profile {
        limitations.push(("ibeacons", list("ibeacon", vec![])));
    }
    out.push(("limitations", obj(limitations)));
    let mut exclusions = targets(w, &sc.exclusions);
    exclusions.push(("users", list("user", vec![])));
    exclusions.push(("user_groups", list("user_group", vec![])));
    exclusions.push(("network_segments", list("network_segment", vec![])));
    if kind == Kind::Profile {
        exclusions.push(("ibeacons", list("ibeacon", vec![])));
    }
    exclusions.push(("jss_users", list("user", vec![])));
    exclusions.push(("jss_user_groups", list("user_group", vec![])));
    out.push(("exclusions", obj(exclusions)));
    obj(out)
}

/// A `<mobile_device>` reference by `id`, `serial_number`, `udid` or `name` (in that order).
pub fn resolve_device(w: &World, el: &El) -> Option<u32> {
    if let Some(id) = el.int_of("id").filter(|id| *id > 0) {
        return w.device(id as u32).map(|d| d.id);
    }
    let by = |f: &dyn Fn(&Device) -> &str, key: &str| {
        el.text_of(key)
            .filter(|v| !v.is_empty())
            .map(|v| w.devices.iter().find(|d| f(d).eq_ignore_ascii_case(&v)))
    };
    by(&|d| &d.serial, "serial_number")
        .or_else(|| by(&|d| &d.udid, "udid"))
        .or_else(|| by(&|d| &d.name, "name"))
        .flatten()
        .map(|d| d.id)
}

/// An `{id, name}` reference: the id wins when it is a positive number, else the name.
fn resolve_named<'a, T: 'a>(
    items: impl Iterator<Item = &'a T> + Clone,
    el: &El,
    id_of: impl Fn(&T) -> u32,
    name_of: impl Fn(&T) -> &str,
) -> Option<u32> {
    if let Some(id) = el.int_of("id").filter(|id| *id > 0) {
        return items.clone().find(|x| id_of(x) == id as u32).map(&id_of);
    }
    let name = el.text_of("name")?;
    items
        .into_iter()
        .find(|x| same_name(name_of(x), &name))
        .map(id_of)
}

fn unmatched(what: &str) -> ClassicError {
    // Reference §1.5: "Error: Unable to match computer group (and the mobile equivalents)".
    ClassicError::conflict(format!("Error: Unable to match {what}"))
}

/// Reads the schema-ordered children of a targets block. A child that comes after one that
/// should follow it is ignored, as Jamf's sequence-ordered XML binder does (reference §7.1).
fn parse_targets(w: &World, el: &El, order: &[&str]) -> Result<ScopeTargets, ClassicError> {
    let mut t = ScopeTargets::default();
    let mut last = 0usize;
    for c in &el.children {
        let Some(pos) = order.iter().position(|n| *n == c.name) else {
            continue;
        };
        if pos < last {
            continue;
        }
        last = pos;
        match c.name.as_str() {
            "mobile_devices" => {
                for d in c.all("mobile_device") {
                    let id = resolve_device(w, d).ok_or_else(|| unmatched("mobile device"))?;
                    t.device_ids.push(id);
                }
            }
            "mobile_device_groups" => {
                for g in c.all("mobile_device_group") {
                    let id = resolve_named(w.groups.iter(), g, |g| g.id, |g| &g.name)
                        .ok_or_else(|| unmatched("mobile device group"))?;
                    t.group_ids.push(id);
                }
            }
            "buildings" => {
                for x in c.all("building") {
                    let id = resolve_named(w.buildings.iter(), x, |b| b.id, |b| &b.name)
                        .ok_or_else(|| unmatched("building"))?;
                    t.building_ids.push(id);
                }
            }
            "departments" => {
                for x in c.all("department") {
                    let id = resolve_named(w.departments.iter(), x, |b| b.id, |b| &b.name)
                        .ok_or_else(|| unmatched("department"))?;
                    t.department_ids.push(id);
                }
            }
            _ => {}
        }
    }
    for v in [
        &mut t.device_ids,
        &mut t.group_ids,
        &mut t.building_ids,
        &mut t.department_ids,
    ] {
        v.sort_unstable();
        v.dedup();
    }
    Ok(t)
}

const TARGET_ORDER: &[&str] = &[
    "all_mobile_devices",
    "all_jss_users",
    "mobile_devices",
    "buildings",
    "departments",
    "mobile_device_groups",
    "jss_users",
    "jss_user_groups",
    "limitations",
    "exclusions",
];

const EXCLUSION_ORDER: &[&str] = &[
    "mobile_devices",
    "buildings",
    "departments",
    "mobile_device_groups",
    "users",
    "user_groups",
    "network_segments",
    "ibeacons",
    "jss_users",
    "jss_user_groups",
];

/// Builds a whole new scope from `<scope>`; the previous scope is not consulted because
/// Jamf replaces the block wholesale when it is present (reference §7.1).
pub fn parse(w: &World, el: &El) -> Result<Scope, ClassicError> {
    let mut sc = Scope {
        all_mobile_devices: el.bool_of("all_mobile_devices").unwrap_or(false),
        all_jss_users: el.bool_of("all_jss_users").unwrap_or(false),
        targets: parse_targets(w, el, TARGET_ORDER)?,
        ..Scope::default()
    };
    if let Some(l) = el.child("limitations") {
        sc.limitation_users = l
            .child("users")
            .into_iter()
            .flat_map(|u| u.all("user"))
            .filter_map(|u| u.text_of("name"))
            .filter(|n| !n.is_empty())
            .collect();
    }
    if let Some(x) = el.child("exclusions") {
        sc.exclusions = parse_targets(w, x, EXCLUSION_ORDER)?;
    }
    if sc.all_mobile_devices {
        // "an all_* flag plus explicit targets → the targets are dropped with 200".
        sc.targets = ScopeTargets::default();
    }
    Ok(sc)
}

#[cfg(test)]
mod tests {
    use super::super::write::parse_xml;
    use super::*;

    fn world() -> World {
        crate::school::generator::generate(1, 0, chrono::Utc::now())
    }

    #[test]
    fn out_of_order_children_are_ignored() {
        let w = world();
        let g = &w.groups[1];
        let b = &w.buildings[0];
        // `buildings` after `mobile_device_groups` is out of schema order: dropped.
        let xml = format!(
            "<scope><mobile_device_groups><mobile_device_group><name>{}</name></mobile_device_group></mobile_device_groups><buildings><building><id>{}</id></building></buildings></scope>",
            g.name, b.id
        );
        let sc = parse(&w, &parse_xml(&xml).unwrap()).unwrap();
        assert_eq!(sc.targets.group_ids, vec![g.id]);
        assert!(sc.targets.building_ids.is_empty());
    }

    #[test]
    fn all_devices_drops_targets_and_unknown_groups_conflict() {
        let w = world();
        let xml = format!(
            "<scope><all_mobile_devices>true</all_mobile_devices><mobile_devices><mobile_device><id>{}</id></mobile_device></mobile_devices></scope>",
            w.devices[0].id
        );
        let sc = parse(&w, &parse_xml(&xml).unwrap()).unwrap();
        assert!(sc.all_mobile_devices && sc.targets.device_ids.is_empty());
        let bad = "<scope><mobile_device_groups><mobile_device_group><name>Nope</name></mobile_device_group></mobile_device_groups></scope>";
        let e = parse(&w, &parse_xml(bad).unwrap()).unwrap_err();
        assert_eq!(e.status, 409);
    }
}
