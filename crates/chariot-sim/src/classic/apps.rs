//! `/JSSResource/mobiledeviceapplications` (reference §8.1): the school's catalog apps with
//! their deployment mode (automatic vs Self Service), auto-update switches, scope and the
//! `vpp` block whose licence counts follow the scope (device-based assignment).

use super::reference_objects::{category_node, parse_category, parse_site, site_node};
use super::resource::{ClassicResource, Creatable, by_id_or_name, stored_in, unique_name};
use super::scope::{self, Kind};
use super::write::{self, El};
use super::xml::*;
use crate::error::ClassicError;
use crate::school::World;
use crate::school::model::{App, VppSettings};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;

const AUTO: &str = "Install Automatically/Prompt Users to Install";
const SELF_SERVICE: &str = "Make Available in Self Service";

impl ClassicResource for App {
    const ROOT: &'static str = "mobile_device_application";
    const LIST_ROOT: &'static str = "mobile_device_applications";

    stored_in!(apps);

    /// Apps are also found by `bundleid` (the first of any version).
    fn position(w: &World, key: &str, value: &str) -> Option<usize> {
        match key {
            "bundleid" => by_bundle(w, value, None),
            _ => by_id_or_name::<App>(w, key, value),
        }
    }

    fn summary(&self) -> Node {
        obj(vec![
            ("id", i(self.id as i64)),
            ("name", s(&self.name)),
            ("display_name", s(&self.name)),
            ("bundle_id", s(&self.bundle_id)),
            ("version", s(&self.version)),
            ("internal_app", b(false)),
        ])
    }

    fn record(w: &mut World, idx: usize, only: &Subsets) -> Node {
        record(w, idx, only)
    }

    fn apply(w: &mut World, a: &mut App, el: &El, creating: bool) -> Result<(), ClassicError> {
        apply(w, a, el, creating)
    }
}

impl Creatable for App {
    fn last_id(w: &mut World) -> &mut u32 {
        &mut w.next.app
    }

    fn blank(id: u32) -> App {
        App {
            id,
            deployment_type: AUTO.into(),
            free: true,
            // An app added by hand owns no licences: device-based assignment stays off.
            vpp: VppSettings {
                device_based: false,
                account_id: -1,
                total_licenses: 0,
            },
            ..App::default()
        }
    }
}

/// The first app with this bundle id (and version, when given).
fn by_bundle(w: &World, bundle: &str, version: Option<&str>) -> Option<usize> {
    w.apps
        .iter()
        .position(|a| a.bundle_id == bundle && version.is_none_or(|v| a.version == v))
}

/// Licences in use: one per scoped device while device-based assignment is on.
fn used_licenses(w: &mut World, a: &App) -> i64 {
    if !a.vpp.device_based {
        return 0;
    }
    (w.scoped_devices(&a.scope).len() as i64).min(a.vpp.total_licenses)
}

fn vpp_block(a: &App, used: i64) -> Node {
    let mut out = vec![
        ("assign_vpp_device_based_licenses", b(a.vpp.device_based)),
        ("vpp_admin_account_id", i(a.vpp.account_id)),
    ];
    // The counts only appear while device-based assignment is on (fixture apps-vpp/).
    if a.vpp.device_based {
        out.push(("total_vpp_licenses", i(a.vpp.total_licenses)));
        out.push(("remaining_vpp_licenses", i(a.vpp.total_licenses - used)));
        out.push(("used_vpp_licenses", i(used)));
    }
    obj(out)
}

fn general(w: &World, a: &App) -> Node {
    let o = &a.opts;
    obj(vec![
        ("id", i(a.id as i64)),
        ("name", s(&a.name)),
        ("display_name", s(&a.name)),
        ("description", s(&a.description)),
        ("bundle_id", s(&a.bundle_id)),
        ("version", s(&a.version)),
        ("internal_app", b(false)),
        ("os_type", s("iOS")),
        ("category", category_node(w, a.category_id)),
        (
            "ipa",
            obj(vec![("name", s("")), ("uri", s("")), ("data", s(""))]),
        ),
        (
            "icon",
            obj(vec![
                ("id", i(a.id as i64)),
                ("name", s(format!("{}.png", a.name))),
                ("uri", s("")),
                ("data", s("")),
            ]),
        ),
        (
            "mobile_device_provisioning_profile",
            obj(vec![
                ("id", i(-1)),
                ("display_name", s("")),
                ("uuid", s("")),
            ]),
        ),
        (
            "itunes_store_url",
            s(format!("https://apps.apple.com/fr/app/id{}", a.adam_id)),
        ),
        ("make_available_after_install", b(false)),
        ("itunes_country_region", s("FR")),
        ("itunes_sync_time", i(0)),
        ("deployment_type", s(&a.deployment_type)),
        ("deploy_automatically", b(!a.self_service)),
        ("deploy_as_managed_app", b(true)),
        (
            "remove_app_when_mdm_profile_is_removed",
            b(o.remove_with_mdm_profile),
        ),
        ("prevent_backup_of_app_data", b(o.prevent_backup)),
        ("allow_user_to_delete", b(false)),
        ("require_network_tethered", b(false)),
        (
            "keep_description_and_icon_up_to_date",
            b(o.keep_description_up_to_date),
        ),
        ("keep_app_updated_on_devices", b(a.keep_updated)),
        ("free", b(a.free)),
        ("take_over_management", b(false)),
        ("host_externally", b(false)),
        ("external_url", s("")),
        ("site", site_node(w, a.site_id)),
    ])
}

fn record(w: &mut World, idx: usize, only: &Subsets) -> Node {
    let a = w.apps[idx].clone();
    let used = used_licenses(w, &a);
    let mut out = vec![];
    if only.want("General") {
        out.push(("general", general(w, &a)));
    }
    if only.want("Scope") {
        out.push(("scope", scope::render(w, &a.scope, Kind::App)));
    }
    if only.want("SelfService") {
        out.push((
            "self_service",
            obj(vec![
                (
                    "self_service_description",
                    s(&a.opts.self_service_description),
                ),
                ("self_service_icon", obj(vec![])),
                ("feature_on_main_page", b(a.opts.feature_on_main_page)),
                ("self_service_categories", list("category", vec![])),
                ("notification", b(false)),
                ("notification_subject", s(&a.name)),
                ("notification_message", s("")),
            ]),
        ));
    }
    if only.want("VPP") {
        out.push(("vpp", vpp_block(&a, used)));
    }
    if only.want("AppConfiguration") {
        out.push((
            "app_configuration",
            obj(vec![("preferences", s(&a.opts.preferences))]),
        ));
    }
    obj(out)
}

/// `bundleid/{bundle}/version/{version}`: one exact build of an app.
pub async fn by_version(
    State(st): State<AppState>,
    headers: HeaderMap,
    Path((bundle, version)): Path<(String, String)>,
) -> Result<Response, ClassicError> {
    let mut w = st.world();
    let idx = by_bundle(&w, &bundle, Some(&version)).ok_or_else(ClassicError::not_found)?;
    Ok(respond(
        &headers,
        App::ROOT,
        &record(&mut w, idx, &Subsets::all()),
    ))
}

fn apply(w: &World, a: &mut App, el: &El, creating: bool) -> Result<(), ClassicError> {
    let g = el.child("general");
    if let Some(n) = write::required(g, "name", creating)? {
        a.name = n;
    }
    // Jamf keeps app names unique per server like other objects. [guess] for apps: the
    // duplicate rule is not captured; refusing is the safe side for the client.
    unique_name::<App>(w, a.id, &a.name)?;
    if let Some(v) = write::required(g, "bundle_id", creating)? {
        a.bundle_id = v;
    }
    if let Some(v) = write::required(g, "version", creating)? {
        a.version = v;
    }
    if let Some(g) = g {
        if let Some(d) = g.text_of("description") {
            a.description = d;
        }
        if let Some(c) = g.child("category") {
            a.category_id = parse_category(w, c)?;
        }
        if let Some(site) = g.child("site") {
            a.site_id = parse_site(w, site)?;
        }
        // `deployment_type` wins over its boolean twin; out-of-enum values become the default.
        if let Some(auto) = g.bool_of("deploy_automatically") {
            a.self_service = !auto;
        }
        if let Some(t) = g.text_of("deployment_type") {
            a.self_service = t == SELF_SERVICE;
        }
        a.deployment_type = if a.self_service { SELF_SERVICE } else { AUTO }.into();
        // The swagger: "<keep_description_and_icon_up_to_date> and <automatically_update_app>
        // are redundant".
        for k in [
            "automatically_update_app",
            "keep_description_and_icon_up_to_date",
        ] {
            if let Some(v) = g.bool_of(k) {
                a.opts.keep_description_up_to_date = v;
            }
        }
        if let Some(v) = g.bool_of("keep_app_updated_on_devices") {
            a.keep_updated = v;
        }
        if let Some(v) = g.bool_of("remove_app_when_mdm_profile_is_removed") {
            a.opts.remove_with_mdm_profile = v;
        }
        if let Some(v) = g.bool_of("prevent_backup_of_app_data") {
            a.opts.prevent_backup = v;
        }
        if let Some(v) = g.bool_of("free") {
            a.free = v;
        }
        if let Some(id) = g
            .text_of("itunes_store_url")
            .and_then(|u| u.rsplit("/id").next().map(|x| x.to_string()))
            .and_then(|x| x.split(['?', '/']).next()?.parse().ok())
        {
            a.adam_id = id;
        }
    }
    if let Some(ss) = el.child("self_service") {
        if let Some(d) = ss.text_of("self_service_description") {
            a.opts.self_service_description = d;
        }
        if let Some(v) = ss.bool_of("feature_on_main_page") {
            a.opts.feature_on_main_page = v;
        }
    }
    if let Some(sc) = el.child("scope") {
        a.scope = scope::parse(w, sc)?;
    }
    if let Some(v) = el.child("vpp") {
        if let Some(acc) = v.int_of("vpp_admin_account_id") {
            a.vpp.account_id = acc;
        }
        if let Some(on) = v.bool_of("assign_vpp_device_based_licenses") {
            let owned = a.vpp.total_licenses > 0
                && w.vpp_accounts
                    .iter()
                    .any(|x| x.id as i64 == a.vpp.account_id);
            if on && !owned {
                // Wire (§8.1): device-based licensing on an app without VPP licences.
                return Err(ClassicError::conflict(
                    "App is not available for device assignment",
                ));
            }
            a.vpp.device_based = on;
        }
    }
    if let Some(p) = el
        .child("app_configuration")
        .and_then(|c| c.text_of("preferences"))
    {
        a.opts.preferences = p;
    }
    Ok(())
}
