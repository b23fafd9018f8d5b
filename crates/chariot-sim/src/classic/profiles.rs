//! `/JSSResource/mobiledeviceconfigurationprofiles` (reference §7.1): list, id/name lookups,
//! `General`/`Scope`/`SelfService` subsets, and writes. The `.mobileconfig` travels as an
//! escaped plist string in `general.payloads`, and Jamf's double-decoding bug (PI-827) is
//! reproduced so that a client which forgets to pre-escape `&` fails here as it would there.

use super::reference_objects::{category_node, parse_category, parse_site, site_node};
use super::resource::{ClassicResource, Creatable, stored_in, unique_name};
use super::scope::{self, Kind};
use super::write::{self, El};
use super::xml::*;
use crate::error::ClassicError;
use crate::school::World;
use crate::school::model::Profile;

impl ClassicResource for Profile {
    const ROOT: &'static str = "configuration_profile";
    const LIST_ROOT: &'static str = "configuration_profiles";

    stored_in!(profiles);

    fn summary(&self) -> Node {
        obj(vec![("id", i(self.id as i64)), ("name", s(&self.name))])
    }

    fn record(w: &mut World, idx: usize, only: &Subsets) -> Node {
        record(w, &w.profiles[idx], only)
    }

    fn apply(w: &mut World, p: &mut Profile, el: &El, creating: bool) -> Result<(), ClassicError> {
        apply(w, p, el, creating)
    }
}

impl Creatable for Profile {
    fn last_id(w: &mut World) -> &mut u32 {
        &mut w.next.profile
    }

    fn blank(id: u32) -> Profile {
        Profile {
            id,
            deployment_method: "Install Automatically".into(),
            redeploy_on_update: "Newly Assigned".into(),
            level: "System".into(),
            ..Profile::default()
        }
    }

    /// Deleting a profile removes it from every device (Jamf sends RemoveProfile).
    fn forget(w: &mut World, id: u32) {
        for d in w.devices.iter_mut() {
            d.profile_ids.retain(|p| *p != id);
        }
    }
}

fn record(w: &World, p: &Profile, only: &Subsets) -> Node {
    let mut out = vec![];
    if only.want("General") {
        out.push((
            "general",
            obj(vec![
                ("id", i(p.id as i64)),
                ("name", s(&p.name)),
                ("description", s(&p.description)),
                ("site", site_node(w, p.site_id)),
                ("category", category_node(w, p.category_id)),
                ("uuid", s(&p.uuid)),
                ("deployment_method", s(&p.deployment_method)),
                ("redeploy_on_update", s(&p.redeploy_on_update)),
                ("redeploy_days_before_certificate_expires", i(0)),
                ("level", s(&p.level)),
                ("payloads", s(&p.payloads)),
            ]),
        ));
    }
    if only.want("Scope") {
        out.push(("scope", scope::render(w, &p.scope, Kind::Profile)));
    }
    if only.want("SelfService") {
        out.push((
            "self_service",
            obj(vec![
                ("self_service_description", s(&p.description)),
                ("security", obj(vec![("removal_disallowed", s("Never"))])),
                ("self_service_icon", obj(vec![])),
                ("feature_on_main_page", b(false)),
                ("self_service_categories", list("category", vec![])),
            ]),
        ));
    }
    obj(out)
}

/// What the server stores from a `<payloads>` string the XML parser already decoded once:
/// it decodes entities a second time (PI-827, unfixed through 11.30), and a plist that is no
/// longer well-formed afterwards fails with Jamf's generic database 409.
pub fn ingest_payloads(text: &str) -> Result<String, ClassicError> {
    let db_error = || ClassicError::conflict("Unable to update the database");
    let twice = quick_xml::escape::unescape(text)
        .map_err(|_| db_error())?
        .into_owned();
    let twice = twice.trim().to_string();
    if !twice.is_empty() && write::parse_xml(&twice).is_none() {
        return Err(db_error());
    }
    Ok(twice)
}

/// The first `<key>K</key><string>V</string>` of a plist, e.g. its top-level identifier.
fn plist_string(plist: &str, key: &str) -> Option<String> {
    let k = format!("<key>{key}</key>");
    let rest = &plist[plist.find(&k)? + k.len()..];
    let rest = rest.trim_start().strip_prefix("<string>")?;
    Some(rest[..rest.find("</string>")?].to_string())
}

fn apply(w: &mut World, p: &mut Profile, el: &El, creating: bool) -> Result<(), ClassicError> {
    let general = el.child("general");
    if let Some(n) = write::required(general, "name", creating)? {
        unique_name::<Profile>(w, p.id, &n)?;
        p.name = n;
    }
    if let Some(g) = general {
        let text = |k: &str| g.text_of(k);
        if let Some(d) = text("description") {
            p.description = d;
        }
        if let Some(site) = g.child("site") {
            p.site_id = parse_site(w, site)?;
        }
        if let Some(c) = g.child("category") {
            p.category_id = parse_category(w, c)?;
        }
        // Out-of-enum values are accepted and stored as the default (reference §1.5).
        if let Some(m) = text("deployment_method") {
            p.deployment_method = if m == "Make Available in Self Service" {
                m
            } else {
                "Install Automatically".into()
            };
        }
        if let Some(r) = text("redeploy_on_update") {
            p.redeploy_on_update = if r == "All" {
                r
            } else {
                "Newly Assigned".into()
            };
        }
        if let Some(l) = text("level") {
            p.level = if l == "User" { l } else { "System".into() };
        }
        if let Some(raw) = g.child("payloads") {
            p.payloads = ingest_payloads(&raw.text)?;
            if let Some(id) = plist_string(&p.payloads, "PayloadIdentifier") {
                p.identifier = id;
            }
            if let Some(u) = plist_string(&p.payloads, "PayloadUUID") {
                p.uuid = u;
            }
        }
        if let Some(u) = text("uuid").filter(|u| !u.is_empty() && p.uuid.is_empty()) {
            p.uuid = u;
        }
    }
    if let Some(sc) = el.child("scope") {
        p.scope = scope::parse(w, sc)?;
    }
    if p.uuid.is_empty() {
        p.uuid = w.new_uuid().to_uppercase();
    }
    if p.identifier.is_empty() {
        p.identifier = p.uuid.clone();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_are_decoded_twice_like_pi_827() {
        // A correct client pre-escapes `&` once more: `&amp;amp;` after the XML layer.
        let ok = ingest_payloads("<plist><string>A &amp;amp; B</string></plist>").unwrap();
        assert_eq!(ok, "<plist><string>A &amp; B</string></plist>");
        // Without the extra escape the plist loses its `&amp;` and is refused.
        let e = ingest_payloads("<plist><string>A &amp; B</string></plist>").unwrap_err();
        assert_eq!(e.status, 409);
        assert_eq!(e.message, "Unable to update the database");
        // Plain plists without entities go through unchanged (and trimmed).
        assert_eq!(ingest_payloads(" <plist/> ").unwrap(), "<plist/>");
    }

    #[test]
    fn plist_strings_are_found() {
        let p = "<dict><key>PayloadIdentifier</key><string>fr.x.y</string></dict>";
        assert_eq!(plist_string(p, "PayloadIdentifier").unwrap(), "fr.x.y");
        assert!(plist_string(p, "PayloadUUID").is_none());
    }
}
