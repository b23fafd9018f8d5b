//! Classic `/JSSResource/mobiledeviceapplications` and the reference objects (`categories`,
//! `sites`, `buildings`, `departments`, `vppaccounts`) over real HTTP.

use chariot_testkit::sim::*;
use reqwest::Method;
use rstest::rstest;
use serde_json::Value;

const BASE: &str = "/mobiledeviceapplications";

async fn app(sim: &chariot_sim::RunningSim, t: &str, path: &str) -> Value {
    let (s, v) = classic_json(sim, t, path).await;
    assert_eq!(s, 200, "{path}: {v}");
    v["mobile_device_application"].clone()
}

async fn all_apps(sim: &chariot_sim::RunningSim, t: &str) -> Vec<Value> {
    let (_, v) = classic_json(sim, t, BASE).await;
    let mut out = vec![];
    for a in v["mobile_device_applications"].as_array().unwrap() {
        out.push(app(sim, t, &format!("{BASE}/id/{}", a["id"])).await);
    }
    out
}

#[tokio::test]
async fn vpp_counts_follow_the_scope() {
    let (sim, t) = frozen_signed_in().await;
    let apps = all_apps(&sim, &t).await;
    assert!(!apps.is_empty());
    for a in &apps {
        let vpp = a["vpp"].as_object().unwrap();
        let on = vpp["assign_vpp_device_based_licenses"].as_bool().unwrap();
        // The counts exist only while device-based assignment is on (fixture apps-vpp/).
        assert_eq!(
            vpp.len(),
            if on { 5 } else { 2 },
            "{}",
            a["general"]["name"]
        );
        if on {
            let total = vpp["total_vpp_licenses"].as_i64().unwrap();
            let used = vpp["used_vpp_licenses"].as_i64().unwrap();
            assert_eq!(
                vpp["remaining_vpp_licenses"].as_i64().unwrap(),
                total - used
            );
            if a["scope"]["all_mobile_devices"] == true {
                assert_eq!(used, 38.min(total));
            }
        } else {
            assert_eq!(vpp["vpp_admin_account_id"], -1);
        }
        let g = &a["general"];
        let auto = g["deploy_automatically"].as_bool().unwrap();
        assert_eq!(
            g["deployment_type"],
            if auto {
                "Install Automatically/Prompt Users to Install"
            } else {
                "Make Available in Self Service"
            }
        );
    }
    // Narrow a device-based app to one cart: used licences drop to the cart's 19 iPads.
    let a = apps
        .iter()
        .find(|a| a["vpp"]["assign_vpp_device_based_licenses"] == true)
        .expect("a device-based app");
    let (_, groups) = classic_json(&sim, &t, "/mobiledevicegroups").await;
    let cart = groups["mobile_device_groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"].as_str().unwrap().contains("Chariot 1"))
        .unwrap()["id"]
        .clone();
    let body = format!(
        "<mobile_device_application><scope><all_mobile_devices>false</all_mobile_devices><mobile_device_groups><mobile_device_group><id>{cart}</id></mobile_device_group></mobile_device_groups></scope></mobile_device_application>"
    );
    let path = format!("{BASE}/id/{}", a["general"]["id"]);
    let (s, _) = classic_write(&sim, &t, Method::PUT, &path, &body).await;
    assert!(s == 200 || s == 201);
    let vpp = app(&sim, &t, &format!("{path}/subset/VPP")).await;
    assert!(vpp.get("general").is_none());
    assert_eq!(vpp["vpp"]["used_vpp_licenses"], 19);
    sim.shutdown().await;
}

#[tokio::test]
async fn create_update_and_lookups() {
    let (sim, t) = frozen_signed_in().await;
    let body = "<mobile_device_application><general><name>ENT Occitanie</name><bundle_id>fr.laregion.ent.test</bundle_id>\
        <version>2025.1</version><category><name>Éducation</name></category>\
        <deployment_type>Make Available in Self Service</deployment_type>\
        <automatically_update_app>true</automatically_update_app>\
        <itunes_store_url>https://apps.apple.com/fr/app/pronote/id1234567?mt=8</itunes_store_url></general>\
        <self_service><self_service_description>Vie scolaire</self_service_description></self_service>\
        <scope><all_mobile_devices>true</all_mobile_devices></scope></mobile_device_application>";
    let (s, r) = classic_write(&sim, &t, Method::POST, &format!("{BASE}/id/0"), body).await;
    assert_eq!(s, 201, "{r}");
    let id = created_id(&r);
    let a = app(&sim, &t, &format!("{BASE}/bundleid/fr.laregion.ent.test")).await;
    let g = &a["general"];
    assert_eq!(g["id"], id);
    assert_eq!(g["deploy_automatically"], false);
    assert_eq!(g["keep_description_and_icon_up_to_date"], true);
    assert_eq!(g["category"]["name"], "Éducation");
    assert_eq!(g["site"]["id"], -1);
    assert!(
        g["itunes_store_url"]
            .as_str()
            .unwrap()
            .ends_with("id1234567")
    );
    assert_eq!(
        a["self_service"]["self_service_description"],
        "Vie scolaire"
    );
    assert_eq!(a["vpp"].as_object().unwrap().len(), 2);
    let (s, _) = classic_json(
        &sim,
        &t,
        &format!("{BASE}/bundleid/fr.laregion.ent.test/version/2025.1"),
    )
    .await;
    assert_eq!(s, 200);
    let (s, _) = classic_json(
        &sim,
        &t,
        &format!("{BASE}/bundleid/fr.laregion.ent.test/version/1.0"),
    )
    .await;
    assert_eq!(s, 404);

    // No licences: device-based assignment is refused, and nothing else in the body applies.
    let path = format!("{BASE}/id/{id}");
    let bad = "<mobile_device_application><general><name>ENT Occitanie 2</name></general><vpp><assign_vpp_device_based_licenses>true</assign_vpp_device_based_licenses><vpp_admin_account_id>1</vpp_admin_account_id></vpp></mobile_device_application>";
    let (s, page) = classic_write(&sim, &t, Method::PUT, &path, bad).await;
    assert_eq!(s, 409);
    assert!(page.contains("App is not available for device assignment"));
    assert_eq!(
        app(&sim, &t, &path).await["general"]["name"],
        "ENT Occitanie"
    );

    // Switch to automatic install; keep_app_updated_on_devices on; a partial PUT keeps the rest.
    let up = "<mobile_device_application><general><deploy_automatically>true</deploy_automatically><keep_app_updated_on_devices>true</keep_app_updated_on_devices></general></mobile_device_application>";
    let (s, _) = classic_write(&sim, &t, Method::PUT, &path, up).await;
    assert!(s == 200 || s == 201);
    let a = app(&sim, &t, &path).await;
    assert_eq!(
        a["general"]["deployment_type"],
        "Install Automatically/Prompt Users to Install"
    );
    assert_eq!(a["general"]["keep_app_updated_on_devices"], true);
    assert_eq!(a["general"]["version"], "2025.1");
    assert_eq!(a["scope"]["all_mobile_devices"], true);

    assert_deleted(&sim, &t, &path).await;
    sim.shutdown().await;
}

#[rstest]
#[case::no_bundle(
    "<mobile_device_application><general><name>A</name><version>1</version></general></mobile_device_application>"
)]
#[case::no_version(
    "<mobile_device_application><general><name>A</name><bundle_id>a.b</bundle_id></general></mobile_device_application>"
)]
#[case::unknown_category(
    "<mobile_device_application><general><name>A</name><bundle_id>a.b</bundle_id><version>1</version><category><name>Jeux</name></category></general></mobile_device_application>"
)]
#[tokio::test]
async fn app_create_conflicts(#[case] body: &str) {
    let (sim, t) = frozen_signed_in().await;
    let (s, page) = classic_write(&sim, &t, Method::POST, &format!("{BASE}/id/0"), body).await;
    assert_eq!(s, 409, "{page}");
    assert!(page.contains("Conflict"));
    sim.shutdown().await;
}

#[rstest]
#[case("categories", "categories", "category", 5)]
#[case("sites", "sites", "site", 1)]
#[case("buildings", "buildings", "building", 1)]
#[case("departments", "departments", "department", 3)]
#[case("vppaccounts", "vpp_accounts", "vpp_account", 1)]
#[tokio::test]
async fn reference_objects_list_and_lookup(
    #[case] path: &str,
    #[case] root: &str,
    #[case] item: &str,
    #[case] count: usize,
) {
    let (sim, t) = frozen_signed_in().await;
    let (s, v) = classic_json(&sim, &t, &format!("/{path}")).await;
    assert_eq!(s, 200);
    let list = v[root].as_array().unwrap();
    assert_eq!(list.len(), count);
    let first = &list[0];
    let (s, one) = classic_json(&sim, &t, &format!("/{path}/id/{}", first["id"])).await;
    assert_eq!(s, 200);
    assert_eq!(one[item]["name"], first["name"]);
    let name = first["name"].as_str().unwrap();
    let (s, by_name) = classic_json(&sim, &t, &format!("/{path}/name/{name}")).await;
    assert_eq!(s, 200);
    assert_eq!(by_name[item]["id"], first["id"]);
    let (_, x) = classic(&sim, &t, Method::GET, &format!("/{path}"), None, false).await;
    assert!(
        x.contains(&format!("<{root}><size>{count}</size><{item}><id>")),
        "{x}"
    );
    sim.shutdown().await;
}

#[rstest]
#[case("categories", "category")]
#[case("sites", "site")]
#[case("buildings", "building")]
#[case("departments", "department")]
#[tokio::test]
async fn reference_objects_create_and_delete(#[case] path: &str, #[case] item: &str) {
    let (sim, t) = frozen_signed_in().await;
    let body = format!("<{item}><name>Annexe Jean Jaurès</name></{item}>");
    let (s, r) = classic_write(&sim, &t, Method::POST, &format!("/{path}/id/0"), &body).await;
    assert_eq!(s, 201, "{r}");
    let id = created_id(&r);
    let (s, page) = classic_write(&sim, &t, Method::POST, &format!("/{path}/id/0"), &body).await;
    assert_eq!(s, 409);
    assert!(page.contains("Error: Duplicate name"));
    let (s, v) = classic_json(&sim, &t, &format!("/{path}/id/{id}")).await;
    assert_eq!(s, 200);
    assert_eq!(v[item]["name"], "Annexe Jean Jaurès");
    assert_deleted(&sim, &t, &format!("/{path}/id/{id}")).await;
    sim.shutdown().await;
}

#[tokio::test]
async fn deleting_a_category_unassigns_its_apps() {
    let (sim, t) = frozen_signed_in().await;
    let a = app(&sim, &t, &format!("{BASE}/id/1")).await;
    let cat = a["general"]["category"]["id"].as_i64().unwrap();
    assert!(cat > 0);
    let (s, _) = classic_delete(&sim, &t, &format!("/categories/id/{cat}")).await;
    assert_eq!(s, 200);
    let a = app(&sim, &t, &format!("{BASE}/id/1")).await;
    assert_eq!(
        a["general"]["category"],
        serde_json::json!({"id": -1, "name": "No category assigned"})
    );
    sim.shutdown().await;
}
