//! Shape conformance: every *response* sample is requested from the simulator on the same
//! path, and the answer must have the same field names and JSON types (XML: element names and
//! nesting), recursively. Extra fields are allowed only where the sample is an excerpt/fragment
//! of a larger body. The samples are our fixtures, which have the shapes of the real samples
//! of the reference (`jamf-samples/`); the real ones are compared too when that folder is there.
//!
//! Not compared, on purpose: request bodies (`*.request.xml`: the other tests POST them),
//! `*.headers.json`, the schemas, and the HTML error pages (neither JSON nor XML; their
//! text is checked in `tests/auth.rs`).

use chariot_sim::RunningSim;
use chariot_testkit::samples;
use chariot_testkit::sim::*;
use reqwest::Method;
use rstest::rstest;
use serde_json::{Map, Value};

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

struct Rules<'a> {
    /// Extra fields in our answer are fine (the sample is an excerpt or fragment).
    extra_ok: bool,
    /// Sample paths not compared, each with the reason in the case table.
    skip: &'a [&'a str],
    /// Our paths that may exist beyond the sample.
    extra_paths: &'a [&'a str],
}

/// Collects every difference between the sample's shape and ours.
fn compare(sample: &Value, ours: &Value, path: &str, r: &Rules, out: &mut Vec<String>) {
    if r.skip.contains(&path) {
        return;
    }
    match (sample, ours) {
        // Nullable fields: a null on either side says nothing about the type.
        (Value::Null, _) | (_, Value::Null) => {}
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                let p = format!("{path}.{k}");
                if r.skip.contains(&p.as_str()) {
                    continue;
                }
                match b.get(k) {
                    Some(o) => compare(v, o, &p, r, out),
                    None => out.push(format!("missing {p}")),
                }
            }
            if !r.extra_ok {
                for k in b.keys().filter(|k| !a.contains_key(*k)) {
                    let p = format!("{path}.{k}");
                    if !r.extra_paths.contains(&p.as_str()) {
                        out.push(format!("extra {p}"));
                    }
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            // Items of one list differ (an excerpt's "Unknown" device has no `general`): the
            // sample's items are merged into one shape and compared with our first item.
            match (union(a), b.first()) {
                (Some(shape), Some(first)) => compare(&shape, first, &format!("{path}[]"), r, out),
                (Some(_), None) => out.push(format!("{path}: the sample has items, we have none")),
                (None, _) => {}
            }
        }
        (a, b) if kind(a) == kind(b) => {}
        (a, b) => out.push(format!(
            "{path}: {} in the sample, {} here",
            kind(a),
            kind(b)
        )),
    }
}

/// All items of a sample list merged into one value (first non-null value per key).
fn union(items: &[Value]) -> Option<Value> {
    let mut it = items.iter();
    let mut acc = it.next()?.clone();
    for x in it {
        merge(&mut acc, x);
    }
    Some(acc)
}

fn merge(acc: &mut Value, x: &Value) {
    match (acc, x) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in b {
                match a.get_mut(k) {
                    Some(Value::Null) => {
                        a.insert(k.clone(), v.clone());
                    }
                    Some(old) => merge(old, v),
                    None => {
                        a.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => a.extend(b.iter().cloned()),
        _ => {}
    }
}

/// An XML document as a value tree: element → object of its children (first occurrence of
/// each name), leaf → its text. Enough to compare element names and nesting.
fn xml_value(el: &chariot_sim::classic::write::El) -> Value {
    if el.children.is_empty() {
        return Value::String(el.text.clone());
    }
    let mut m = Map::new();
    for c in &el.children {
        if !m.contains_key(&c.name) {
            m.insert(c.name.clone(), xml_value(c));
        }
    }
    Value::Object(m)
}

fn xml_doc(text: &str) -> Value {
    let el = chariot_sim::classic::write::parse_xml(text).expect("well-formed XML");
    let mut m = Map::new();
    m.insert(el.name.clone(), xml_value(&el));
    Value::Object(m)
}

async fn send(sim: &RunningSim, rq: reqwest::RequestBuilder) -> Value {
    let _ = sim;
    let text = rq.send().await.unwrap().text().await.unwrap();
    serde_json::from_str(&text).unwrap_or_else(|_| xml_doc(&text))
}

/// Our answer for the request the sample was captured from.
async fn ours(sim: &RunningSim, which: &str) -> Value {
    let t = user_token(sim).await;
    let base = sim.base_url();
    let c = sim.credentials();
    let get = |p: &str| {
        http()
            .get(format!("{base}{p}"))
            .bearer_auth(&t)
            .header("Accept", "application/json")
    };
    match which {
        "token" => {
            let rq = http()
                .post(format!("{base}/api/v1/auth/token"))
                .basic_auth(c.username, Some(c.password));
            send(sim, rq).await
        }
        "oauth" => {
            let rq = http().post(format!("{base}/api/oauth/token")).form(&[
                ("grant_type", "client_credentials"),
                ("client_id", c.client_id.as_str()),
                ("client_secret", c.client_secret.as_str()),
            ]);
            send(sim, rq).await
        }
        "invalidated" => {
            let tok = user_token(sim).await;
            let r = http()
                .post(format!("{base}/api/v1/auth/invalidate-token"))
                .bearer_auth(&tok)
                .send()
                .await
                .unwrap();
            assert!(r.status().is_success());
            send(
                sim,
                http().get(format!("{base}/api/v1/auth")).bearer_auth(&tok),
            )
            .await
        }
        "bad_token" => {
            let rq = http()
                .get(format!("{base}/api/v1/auth"))
                .bearer_auth("nope");
            send(sim, rq).await
        }
        "msu_off" => {
            let r = http()
                .put(format!(
                    "{base}/api/v1/managed-software-updates/plans/feature-toggle"
                ))
                .bearer_auth(&t)
                .json(&serde_json::json!({"toggle": false}))
                .send()
                .await
                .unwrap();
            assert!(r.status().is_success());
            send(sim, get("/api/v1/managed-software-updates/update-statuses")).await
        }
        "msu_status" => {
            let plan = serde_json::json!({
                "devices": [{"objectType": "MOBILE_DEVICE", "deviceId": "1"}],
                "config": {"updateAction": "DOWNLOAD_INSTALL", "versionType": "LATEST_ANY"}
            });
            let r = http()
                .post(format!("{base}/api/v1/managed-software-updates/plans"))
                .bearer_auth(&t)
                .json(&plan)
                .send()
                .await
                .unwrap();
            assert!(r.status().is_success(), "{}", r.text().await.unwrap());
            let p = "/api/v1/managed-software-updates/update-statuses/mobile-devices/1";
            send(sim, get(p)).await
        }
        "device_lock" | "lost_mode" => {
            // DeviceLock left the Classic API in 11.28 (reference §5.4) and the simulator
            // serves 11.30.1; every command answers with the same envelope, so the DeviceLock
            // sample is compared with an UpdateInventory answer.
            let (cmd, body) = if which == "device_lock" {
                ("UpdateInventory", "")
            } else {
                (
                    "EnableLostMode",
                    "<mobile_device_command><lost_mode_message>Rapporter au CDI</lost_mode_message></mobile_device_command>",
                )
            };
            let (s, text) = classic_write(
                sim,
                &t,
                Method::POST,
                &format!("/mobiledevicecommands/command/{cmd}/id/1"),
                body,
            )
            .await;
            assert_eq!(s, 201, "{text}");
            xml_doc(&text)
        }
        "vpp_app" => {
            // A catalog app with device-based assignment on (the fragment's case).
            let (_, list) = classic_json(sim, &t, "/mobiledeviceapplications").await;
            for a in list["mobile_device_applications"].as_array().unwrap() {
                let (_, v) = classic_json(
                    sim,
                    &t,
                    &format!("/mobiledeviceapplications/id/{}", a["id"]),
                )
                .await;
                let app = &v["mobile_device_application"];
                if app["vpp"]["assign_vpp_device_based_licenses"] == true {
                    return app.clone();
                }
            }
            panic!("no device-based app in the demo school")
        }
        "profile" => {
            send(
                sim,
                get("/JSSResource/mobiledeviceconfigurationprofiles/id/1"),
            )
            .await
        }
        path => {
            let v = send(sim, get(path)).await;
            // jamf-cli printed only `results`, not the `{totalCount, results}` envelope.
            if path.starts_with("/api/v2/mobile-devices") || path.starts_with("/api/v2/groups") {
                v["results"].clone()
            } else {
                v
            }
        }
    }
}

/// Renames the keys of a sample (`from` → `to`) at every depth.
fn rename(v: Value, map: &[(&str, &str)]) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| {
                    let k = map
                        .iter()
                        .find(|(f, _)| *f == k)
                        .map(|(_, t)| t.to_string())
                        .unwrap_or(k);
                    (k, rename(v, map))
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(|x| rename(x, map)).collect()),
        x => x,
    }
}

#[rstest]
#[case::token_recorded("auth/token.json", "token", false, &[], &[], &[])]
#[case::token_openapi("auth/token-jwt.json", "token", false, &[], &[], &[])]
#[case::oauth("auth/oauth-token.json", "oauth", false, &[], &[], &[])]
#[case::after_invalidate("errors/401-after-invalidate.json", "invalidated", false, &[], &[], &[])]
#[case::invalid_token("errors/401-invalid-token.json", "bad_token", false, &[], &[], &[])]
#[case::msu_toggle_off("errors/503-msu-toggle-off.json", "msu_off", false, &[], &[], &[])]
#[case::version("misc/jamf-pro-version.json", "/api/v1/jamf-pro-version", false, &[], &[], &[])]
// The docs example leaves out four optional properties of `ManagedSoftwareUpdateStatus`
// that the 11.30.1 schema lists and the simulator sends.
#[case::msu_device_status(
    "misc/msu-update-statuses-mobile.json",
    "msu_status",
    false, &[], &[],
    &[
        ".results[].deferralsRemaining",
        ".results[].maxDeferrals",
        ".results[].nextScheduledInstall",
        ".results[].pastNotifications",
    ]
)]
// Skipped: the demo tenant defines no extension attributes (item shape: reference §4.4);
// `lost_mode_enabled` is a bool on supervised devices like the demo's device 1 and the string
// "Unsupervised Device" only on unsupervised ones, as the sample's device is.
#[case::classic_device_unsupervised(
    "mobile-devices/classic-detail-unsupervised.json",
    "/JSSResource/mobiledevices/id/1",
    false, &[],
    &[".mobile_device.extension_attributes", ".mobile_device.security.lost_mode_enabled"],
    &[]
)]
// Jamf's docs example calls the block `security_object`; real servers say `security`
// (reference §4.4). It is an older, hand-written record: fields it lacks but the real
// capture has are allowed, and where its types disagree with the real capture (numbers for
// carrier codes, a string `hardware_encryption`) the real capture wins and the field is
// skipped. `application_status` exists only in the docs. Certificates, provisioning profiles
// and extension attributes: the demo tenant has none.
#[case::classic_device_docs(
    "mobile-devices/classic-detail-lost-mode.json",
    "/JSSResource/mobiledevices/id/1",
    true,
    &[("security_object", "security")],
    &[
        ".mobile_device.network.carrier_settings_version",
        ".mobile_device.network.current_mobile_country_code",
        ".mobile_device.network.current_mobile_network_code",
        ".mobile_device.network.home_mobile_country_code",
        ".mobile_device.network.home_mobile_network_code",
        ".mobile_device.network.phone_number",
        ".mobile_device.security.hardware_encryption",
        ".mobile_device.applications[].application_status",
        ".mobile_device.certificates",
        ".mobile_device.provisioning_profiles",
        ".mobile_device.extension_attributes",
    ],
    &[]
)]
#[case::classic_list("mobile-devices/classic-list.json", "/JSSResource/mobiledevices", false, &[], &[], &[])]
#[case::classic_list_empty("mobile-devices/classic-list-empty.json", "/JSSResource/mobiledevices", false, &[], &[], &[])]
#[case::v2_list("mobile-devices/v2-list.json", "/api/v2/mobile-devices", false, &[], &[], &[])]
// The three extra `general` fields are in the 11.30.1 schema the simulator follows and
// were not yet sent by the 11.26.1 server of the capture. Extension attributes: the demo
// tenant defines none.
#[case::v2_detail_general(
    "mobile-devices/v2-detail-general.json",
    "/api/v2/mobile-devices/detail?section=GENERAL",
    false, &[], &["[].general.extensionAttributes"],
    &[
        "[].general.lastContactDate",
        "[].general.lastLoggedInUsernameMdm",
        "[].general.lastLoggedInUsernameMdmTimestamp",
    ]
)]
// The capture also lists a COMPUTER group; the simulator has mobile groups only, and the
// item shape is the same for both types.
#[case::v2_groups("groups/v2-groups.json", "/api/v2/groups", false, &[], &[], &[])]
#[case::device_lock("commands/DeviceLock.response.xml", "device_lock", false, &[], &[], &[])]
#[case::lost_mode("commands/EnableLostMode.response.xml", "lost_mode", false, &[], &[], &[])]
// A fragment: only the `vpp` block of a whole application record.
#[case::vpp_fragment("apps-vpp/vpp-block.fragment.json", "vpp_app", true, &[], &[], &[])]
// The only real Classic profile capture is a macOS one: compared with our mobile profile
// after the documented key substitutions (reference §7.1 / samples README). macOS-only
// fields are skipped; the mobile-only general fields of §7.1 may be extra.
#[case::profile_scope(
    "config-profiles/osx-profile-with-scope.json",
    "profile",
    false,
    &[
        ("os_x_configuration_profile", "configuration_profile"),
        ("all_computers", "all_mobile_devices"),
        ("computers", "mobile_devices"),
        ("computer_groups", "mobile_device_groups"),
    ],
    &[
        ".configuration_profile.general.distribution_method",
        ".configuration_profile.general.user_removable",
        ".configuration_profile.self_service.self_service_display_name",
        ".configuration_profile.self_service.install_button_text",
        ".configuration_profile.self_service.force_users_to_view_description",
    ],
    &[
        ".configuration_profile.general.deployment_method",
        ".configuration_profile.general.redeploy_days_before_certificate_expires",
    ]
)]
#[tokio::test]
async fn simulator_matches_sample(
    #[case] file: &str,
    #[case] which: &str,
    #[case] extra_ok: bool,
    #[case] renames: &[(&str, &str)],
    #[case] skip: &[&str],
    #[case] extra_paths: &[&str],
) {
    let sim = frozen_sim().await;
    let ours = ours(&sim, which).await;
    let rules = Rules {
        extra_ok,
        skip,
        extra_paths,
    };
    // Our fixture, then the real sample it reproduces when the reference is there: the same
    // rules hold for both, since they have the same shape.
    for (name, text) in samples::each(file) {
        let sample_value = if file.ends_with(".xml") {
            xml_doc(&text)
        } else {
            serde_json::from_str(&text).unwrap()
        };
        let sample_value = rename(sample_value, renames);
        let mut diffs = vec![];
        // The fragment's root is a block of our record; other samples are whole bodies.
        compare(&sample_value, &ours, "", &rules, &mut diffs);
        assert!(diffs.is_empty(), "{name}:\n{}", diffs.join("\n"));
    }
    sim.shutdown().await;
}

#[test]
fn the_comparison_catches_differences() {
    let rules = Rules {
        extra_ok: false,
        skip: &[],
        extra_paths: &[],
    };
    let mut d = vec![];
    compare(
        &serde_json::json!({"a": 1, "b": [{"c": "x"}], "n": null}),
        &serde_json::json!({"a": "1", "b": [{"d": "x"}], "n": 3, "e": true}),
        "",
        &rules,
        &mut d,
    );
    d.sort();
    assert_eq!(
        d,
        [
            ".a: number in the sample, string here",
            "extra .b[].d",
            "extra .e",
            "missing .b[].c",
        ]
    );
}
