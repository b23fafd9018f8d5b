//! `/JSSResource/mobiledevicegroups` (reference §6.1): the carts (static groups) and the
//! smart groups, whose membership the simulator computes with `school::criteria`.
//! Writes follow `write.rs`; static-membership edits are atomic: one unknown or unmanaged
//! device and nothing at all changes.

use super::reference_objects::{parse_site, site_node};
use super::resource::{ClassicResource, Creatable, stored_in, unique_name};
use super::scope::resolve_device;
use super::write::{self, El};
use super::xml::*;
use crate::error::ClassicError;
use crate::school::World;
use crate::school::model::{Criterion, Group};

impl ClassicResource for Group {
    const ROOT: &'static str = "mobile_device_group";
    const LIST_ROOT: &'static str = "mobile_device_groups";

    stored_in!(groups);

    fn summary(&self) -> Node {
        obj(vec![
            ("id", i(self.id as i64)),
            ("name", s(&self.name)),
            ("is_smart", b(self.smart)),
        ])
    }

    /// Groups have no subsets (no route serves them).
    fn record(w: &mut World, idx: usize, _only: &Subsets) -> Node {
        record(w, idx)
    }

    fn apply(w: &mut World, g: &mut Group, el: &El, creating: bool) -> Result<(), ClassicError> {
        apply(w, g, el, creating)
    }
}

impl Creatable for Group {
    fn last_id(w: &mut World) -> &mut u32 {
        &mut w.next.group
    }

    fn blank(id: u32) -> Group {
        Group {
            id,
            ..Group::default()
        }
    }

    /// Deleting a group also drops it from profile and app scopes, as the Jamf UI does.
    /// [guess] the Classic API's behaviour for a referenced group is not captured (v2
    /// answers 422).
    fn forget(w: &mut World, id: u32) {
        let scopes = w
            .profiles
            .iter_mut()
            .map(|p| &mut p.scope)
            .chain(w.apps.iter_mut().map(|a| &mut a.scope));
        for sc in scopes {
            sc.targets.group_ids.retain(|g| *g != id);
            sc.exclusions.group_ids.retain(|g| *g != id);
        }
    }
}

fn record(w: &mut World, idx: usize) -> Node {
    let gid = w.groups[idx].id;
    let members = w.members(gid);
    let g = &w.groups[idx];
    let criteria = g
        .criteria
        .iter()
        .map(|c| {
            obj(vec![
                ("name", s(&c.name)),
                ("priority", i(c.priority as i64)),
                ("and_or", s(&c.and_or)),
                ("search_type", s(&c.search_type)),
                ("value", s(&c.value)),
                ("opening_paren", b(c.opening_paren)),
                ("closing_paren", b(c.closing_paren)),
            ])
        })
        .collect();
    let devices = members
        .iter()
        .filter_map(|id| w.device(*id))
        .map(|d| {
            obj(vec![
                ("id", i(d.id as i64)),
                ("name", s(&d.name)),
                ("mac_address", s(&d.wifi_mac)),
                ("udid", s(&d.udid)),
                ("wifi_mac_address", s(&d.wifi_mac)),
                ("serial_number", s(&d.serial)),
            ])
        })
        .collect();
    obj(vec![
        ("id", i(g.id as i64)),
        ("name", s(&g.name)),
        ("is_smart", b(g.smart)),
        ("site", site_node(w, g.site_id)),
        ("criteria", list("criterion", criteria)),
        ("mobile_devices", list("mobile_device", devices)),
    ])
}

/// Criteria in priority order, renumbered 0.. (Jamf keeps priorities consecutive);
/// `and_or` is case-insensitive and anything but "or" is stored as "and" (reference §6.1).
fn parse_criteria(el: &El) -> Vec<Criterion> {
    let mut out: Vec<(i64, Criterion)> = el
        .all("criterion")
        .enumerate()
        .map(|(n, c)| {
            let and_or = match c.text_of("and_or").map(|x| x.to_lowercase()) {
                Some(x) if x == "or" => "or",
                _ => "and",
            };
            (
                c.int_of("priority").unwrap_or(n as i64),
                Criterion {
                    name: c.text_of("name").unwrap_or_default(),
                    priority: 0,
                    and_or: and_or.into(),
                    search_type: c.text_of("search_type").unwrap_or_default(),
                    value: c.text_of("value").unwrap_or_default(),
                    opening_paren: c.bool_of("opening_paren").unwrap_or(false),
                    closing_paren: c.bool_of("closing_paren").unwrap_or(false),
                },
            )
        })
        .collect();
    out.sort_by_key(|(p, _)| *p);
    out.into_iter()
        .enumerate()
        .map(|(n, (_, mut c))| {
            c.priority = n as u32;
            c
        })
        .collect()
}

/// Resolves every `<mobile_device>` of a membership block, refusing the whole request on
/// the first unknown device and on any unmanaged one (reference §6.1, wire 11.32).
fn resolve_members(w: &World, el: &El) -> Result<Vec<u32>, ClassicError> {
    let mut ids = vec![];
    for d in el.all("mobile_device") {
        // The real 409 does not name the entry that failed to match.
        ids.push(
            resolve_device(w, d)
                .ok_or_else(|| ClassicError::conflict("Error: Unable to match mobile device"))?,
        );
    }
    let unmanaged: Vec<String> = ids
        .iter()
        .filter(|id| w.device(**id).is_some_and(|d| !d.managed))
        .map(|id| id.to_string())
        .collect();
    if !unmanaged.is_empty() {
        return Err(ClassicError::conflict(format!(
            "The devices with the following IDs are unmanaged: {}",
            unmanaged.join(", ")
        )));
    }
    Ok(ids)
}

/// Applies a create or update body to a copy of the group; the caller commits the copy only
/// when every part of the body was valid, which makes the request atomic.
fn apply(w: &World, g: &mut Group, el: &El, creating: bool) -> Result<(), ClassicError> {
    if let Some(n) = write::required(Some(el), "name", creating)? {
        unique_name::<Group>(w, g.id, &n)?;
        g.name = n;
    }
    match el.bool_of("is_smart") {
        Some(smart) => g.smart = smart,
        None if creating => return Err(write::missing_field("is_smart")),
        None => {}
    }
    if let Some(site) = el.child("site") {
        g.site_id = parse_site(w, site)?;
    }
    if let Some(c) = el.child("criteria") {
        g.criteria = parse_criteria(c);
    }
    if let Some(m) = el.child("mobile_devices") {
        // Sending `<mobile_devices>` replaces the membership.
        g.members = resolve_members(w, m)?;
    }
    if let Some(add) = el.child("mobile_device_additions") {
        // Re-adding a member is idempotent.
        for id in resolve_members(w, add)? {
            if !g.members.contains(&id) {
                g.members.push(id);
            }
        }
    }
    if let Some(del) = el.child("mobile_device_deletions") {
        // Removing a non-member is silently ignored, but an unknown device still fails.
        let gone = resolve_members(w, del)?;
        g.members.retain(|id| !gone.contains(id));
    }
    if g.smart {
        g.members.clear();
    } else {
        g.criteria.clear();
    }
    g.members.sort_unstable();
    g.members.dedup();
    Ok(())
}
