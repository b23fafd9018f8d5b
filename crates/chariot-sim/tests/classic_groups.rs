//! Classic `/JSSResource/mobiledevicegroups` over real HTTP: reads in XML and JSON, creates
//! from a school script's request bodies, smart-group evaluation, atomic static membership edits.

use chariot_testkit::samples::Source;
use chariot_testkit::sim::*;
use reqwest::Method;
use rstest::rstest;
use serde_json::Value;

async fn group_by_name(sim: &chariot_sim::RunningSim, t: &str, name: &str) -> Value {
    let (s, v) = classic_json(sim, t, &format!("/mobiledevicegroups/name/{name}")).await;
    assert_eq!(s, 200, "{v}");
    v["mobile_device_group"].clone()
}

fn member_ids(g: &Value) -> Vec<u64> {
    let mut v: Vec<u64> = g["mobile_devices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_u64().unwrap())
        .collect();
    v.sort_unstable();
    v
}

async fn cart(sim: &chariot_sim::RunningSim, t: &str, n: u32) -> Value {
    let (_, list) = classic_json(sim, t, "/mobiledevicegroups").await;
    let name = list["mobile_device_groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| {
            g["name"]
                .as_str()
                .unwrap()
                .ends_with(&format!("Chariot {n}"))
        })
        .expect("cart group")["name"]
        .as_str()
        .unwrap()
        .to_string();
    group_by_name(sim, t, &name).await
}

#[tokio::test]
async fn list_and_record_in_xml_and_json() {
    let (sim, t) = frozen_signed_in().await;
    let (s, xml) = classic(&sim, &t, Method::GET, "/mobiledevicegroups", None, false).await;
    assert_eq!(s, 200);
    assert!(xml.starts_with("<?xml"));
    assert!(xml.contains("<mobile_device_groups><size>"));
    assert!(xml.contains("<is_smart>true</is_smart>"));
    let (_, v) = classic_json(&sim, &t, "/mobiledevicegroups").await;
    let groups = v["mobile_device_groups"].as_array().unwrap();
    assert!(
        groups.len() >= 7,
        "global + 2 carts + Professeurs + 4 smart"
    );
    let c = cart(&sim, &t, 1).await;
    assert_eq!(c["is_smart"], false);
    assert_eq!(member_ids(&c).len(), 19, "15 student + 4 teacher iPads");
    assert!(c["site"]["id"].as_i64().unwrap() > 0);
    assert_eq!(c["criteria"], Value::Array(vec![]));
    let d = &c["mobile_devices"][0];
    for k in [
        "id",
        "name",
        "mac_address",
        "udid",
        "wifi_mac_address",
        "serial_number",
    ] {
        assert!(d.get(k).is_some(), "{k}");
    }
    // XML of the same record: criteria list with size 0, per-item wrappers for devices.
    let id = c["id"].as_u64().unwrap();
    let (_, x) = classic(
        &sim,
        &t,
        Method::GET,
        &format!("/mobiledevicegroups/id/{id}"),
        None,
        false,
    )
    .await;
    assert!(x.contains("<criteria><size>0</size></criteria>"), "{x}");
    assert!(x.contains("<mobile_devices><size>19</size><mobile_device><id>"));
    let (s, _) = classic_json(&sim, &t, "/mobiledevicegroups/id/99999").await;
    assert_eq!(s, 404);
    sim.shutdown().await;
}

/// The bodies a school's bootstrap script sends: our fixtures, and the reference's real
/// bodies when that folder is there (the case passes without checking anything otherwise).
/// `unassigned` names the regex group, which the first group excludes.
#[rstest]
#[case::ours(Source::Ours, "iPad à affecter")]
#[case::reference(Source::Reference, "Pre-Stage Devices")]
#[tokio::test]
async fn smart_group_samples_create_and_evaluate(#[case] source: Source, #[case] unassigned: &str) {
    let Some(body) = source.read("groups/smart-create.request.xml") else {
        return;
    };
    let (sim, t) = frozen_signed_in().await;
    // The demo tenant already has Jamf's default "All Managed iPads": the sample is a duplicate.
    let (s, page) = classic_write(&sim, &t, Method::POST, "/mobiledevicegroups/id/0", &body).await;
    assert_eq!(s, 409);
    assert!(page.contains("Error: Duplicate name"), "{page}");
    let renamed = body.replace("All Managed iPads", "Tous les iPad gérés");
    let (s, created) =
        classic_write(&sim, &t, Method::POST, "/mobiledevicegroups/id/0", &renamed).await;
    assert_eq!(s, 201, "{created}");
    assert!(created.contains("<mobile_device_group><id>"));
    let g = group_by_name(&sim, &t, "Tous les iPad gérés").await;
    assert_eq!(g["id"].as_u64().unwrap(), created_id(&created) as u64);
    assert_eq!(g["is_smart"], true);
    // "AND" is stored in lower case; priorities stay 0-based.
    assert_eq!(g["criteria"][0]["and_or"], "and");
    assert_eq!(g["criteria"][1]["priority"], 1);
    // Model like iPad, and the excluded group does not exist yet: every iPad is a member.
    assert_eq!(member_ids(&g).len(), 38);

    // The regex sample: devices with no building or no department.
    let body = source
        .read("groups/smart-regex-create.request.xml")
        .unwrap();
    let (s, _) = classic_write(&sim, &t, Method::POST, "/mobiledevicegroups/id/0", &body).await;
    assert_eq!(s, 201);
    let g = group_by_name(&sim, &t, unassigned).await;
    let mut expected = vec![];
    for id in 1..=38u64 {
        let (_, d) =
            classic_json(&sim, &t, &format!("/mobiledevices/id/{id}/subset/Location")).await;
        let loc = &d["mobile_device"]["location"];
        if loc["building"] == "" || loc["department"] == "" {
            expected.push(id);
        }
    }
    assert_eq!(member_ids(&g), expected);
    // Now the first group excludes the pre-stage devices.
    let g = group_by_name(&sim, &t, "Tous les iPad gérés").await;
    assert_eq!(member_ids(&g).len(), 38 - expected.len());
    sim.shutdown().await;
}

#[tokio::test]
async fn smart_group_combines_membership_and_device_fields() {
    let (sim, t) = frozen_signed_in().await;
    let c = cart(&sim, &t, 2).await;
    let cart_name = c["name"].as_str().unwrap();
    let body = format!(
        "<mobile_device_group><name>Élèves chariot 2</name><is_smart>true</is_smart><criteria>\
         <criterion><name>Shared iPad</name><priority>1</priority><and_or>and</and_or><search_type>is</search_type><value>Yes</value></criterion>\
         <criterion><name>Mobile Device Group</name><priority>0</priority><and_or>and</and_or><search_type>member of</search_type><value>{cart_name}</value></criterion>\
         </criteria><mobile_devices><mobile_device><id>1</id></mobile_device></mobile_devices></mobile_device_group>"
    );
    let (s, r) = classic_write(&sim, &t, Method::POST, "/mobiledevicegroups/id/0", &body).await;
    assert_eq!(s, 201, "{r}");
    let g = group_by_name(&sim, &t, "Élèves chariot 2").await;
    // Sorted by priority; `<mobile_devices>` of a smart group is ignored.
    assert_eq!(g["criteria"][0]["name"], "Mobile Device Group");
    let members = member_ids(&g);
    assert_eq!(members.len(), 15, "the cart's student iPads only");
    assert!(members.iter().all(|m| member_ids(&c).contains(m)));
    sim.shutdown().await;
}

#[tokio::test]
async fn static_membership_edits_are_atomic() {
    let (sim, t) = frozen_signed_in().await;
    let body = "<mobile_device_group><name>Prêt CDI</name><is_smart>false</is_smart>\
        <mobile_devices><mobile_device><id>1</id></mobile_device><mobile_device><serial_number>NOPE</serial_number></mobile_device></mobile_devices></mobile_device_group>";
    let (s, page) = classic_write(&sim, &t, Method::POST, "/mobiledevicegroups/id/0", body).await;
    assert_eq!(s, 409, "unknown device refuses the create");
    assert!(page.contains("<html>"));
    let (s, _) = classic_json(&sim, &t, "/mobiledevicegroups/name/Prêt CDI").await;
    assert_eq!(s, 404, "nothing was created");

    let (_, one) = classic_json(&sim, &t, "/mobiledevices/id/2").await;
    let serial = one["mobile_device"]["general"]["serial_number"]
        .as_str()
        .unwrap();
    let body = format!(
        "<mobile_device_group><name>Prêt CDI</name><is_smart>false</is_smart>\
        <mobile_devices><mobile_device><id>1</id></mobile_device><mobile_device><serial_number>{serial}</serial_number></mobile_device></mobile_devices></mobile_device_group>"
    );
    let (s, r) = classic_write(&sim, &t, Method::POST, "/mobiledevicegroups/id/0", &body).await;
    assert_eq!(s, 201);
    let id = created_id(&r);
    let path = format!("/mobiledevicegroups/id/{id}");
    assert_eq!(
        member_ids(&group_by_name(&sim, &t, "Prêt CDI").await),
        vec![1, 2]
    );

    // One unknown device among valid additions: 409 and membership unchanged.
    let bad = "<mobile_device_group><mobile_device_additions><mobile_device><id>3</id></mobile_device>\
        <mobile_device><id>424242</id></mobile_device></mobile_device_additions>\
        <mobile_device_deletions><mobile_device><id>1</id></mobile_device></mobile_device_deletions></mobile_device_group>";
    let (s, _) = classic_write(&sim, &t, Method::PUT, &path, bad).await;
    assert_eq!(s, 409);
    assert_eq!(
        member_ids(&group_by_name(&sim, &t, "Prêt CDI").await),
        vec![1, 2]
    );

    // Additions and deletions in one request; re-adding 2 and removing non-member 9 are fine.
    let ok = "<mobile_device_group><mobile_device_additions><mobile_device><id>3</id></mobile_device>\
        <mobile_device><id>2</id></mobile_device></mobile_device_additions>\
        <mobile_device_deletions><mobile_device><id>1</id></mobile_device><mobile_device><id>9</id></mobile_device></mobile_device_deletions></mobile_device_group>";
    let (s, r) = classic_write(&sim, &t, Method::PUT, &path, ok).await;
    assert!(s == 200 || s == 201, "{s} {r}");
    let g = group_by_name(&sim, &t, "Prêt CDI").await;
    assert_eq!(member_ids(&g), vec![2, 3]);
    assert_eq!(g["name"], "Prêt CDI", "a PUT without <name> keeps the name");

    // The device record lists its new group.
    let (_, d) = classic_json(&sim, &t, "/mobiledevices/id/3/subset/MobileDeviceGroups").await;
    assert!(
        d["mobile_device"]["mobile_device_groups"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["id"].as_u64() == Some(id as u64))
    );

    // Delete: 200, then 404.
    assert_deleted(&sim, &t, &path).await;
    sim.shutdown().await;
}

#[rstest]
#[case::missing_name(
    "<mobile_device_group><is_smart>false</is_smart></mobile_device_group>",
    409
)]
#[case::missing_is_smart("<mobile_device_group><name>X</name></mobile_device_group>", 409)]
#[case::wrong_root(
    "<computer_group><name>X</name><is_smart>false</is_smart></computer_group>",
    400
)]
#[case::malformed("<mobile_device_group><name>X</name>", 400)]
#[case::minimal_static(
    "<mobile_device_group><name>X</name><is_smart>false</is_smart></mobile_device_group>",
    201
)]
#[case::unknown_elements_dropped(
    "<mobile_device_group><name>X</name><is_smart>false</is_smart><colour>blue</colour></mobile_device_group>",
    201
)]
#[tokio::test]
async fn create_validation(#[case] body: &str, #[case] status: u16) {
    let (sim, t) = frozen_signed_in().await;
    let (s, r) = classic_write(&sim, &t, Method::POST, "/mobiledevicegroups/id/0", body).await;
    assert_eq!(s, status, "{r}");
    sim.shutdown().await;
}

#[rstest]
#[case("AND", "and")]
#[case("Or", "or")]
#[case("xor", "and")]
#[tokio::test]
async fn and_or_is_normalised(#[case] sent: &str, #[case] stored: &str) {
    let (sim, t) = frozen_signed_in().await;
    let body = format!(
        "<mobile_device_group><name>G</name><is_smart>true</is_smart><criteria>\
         <criterion><name>Model</name><priority>0</priority><and_or>and</and_or><search_type>like</search_type><value>iPad</value></criterion>\
         <criterion><name>Battery Level</name><priority>1</priority><and_or>{sent}</and_or><search_type>more than</search_type><value>200</value></criterion>\
         </criteria></mobile_device_group>"
    );
    let (s, _) = classic_write(&sim, &t, Method::POST, "/mobiledevicegroups/id/0", &body).await;
    assert_eq!(s, 201);
    let g = group_by_name(&sim, &t, "G").await;
    assert_eq!(g["criteria"][1]["and_or"], stored);
    // iPad OR battery>200 → all; iPad AND battery>200 → none.
    let expected = if stored == "or" { 38 } else { 0 };
    assert_eq!(member_ids(&g).len(), expected);
    sim.shutdown().await;
}

#[tokio::test]
async fn renaming_onto_an_existing_name_conflicts() {
    let (sim, t) = frozen_signed_in().await;
    let c1 = cart(&sim, &t, 1).await;
    let c2 = cart(&sim, &t, 2).await;
    let body = format!(
        "<mobile_device_group><name>{}</name></mobile_device_group>",
        c1["name"].as_str().unwrap().to_uppercase()
    );
    let path = format!("/mobiledevicegroups/id/{}", c2["id"]);
    let (s, page) = classic_write(&sim, &t, Method::PUT, &path, &body).await;
    assert_eq!(s, 409);
    assert!(page.contains("Error: Duplicate name"));
    assert_eq!(cart(&sim, &t, 2).await["name"], c2["name"]);
    sim.shutdown().await;
}

#[tokio::test]
async fn pro_v2_groups_agree_with_classic() {
    let (sim, t) = frozen_signed_in().await;
    let (s, v) = get_json(&sim, &t, "/api/v2/groups?page-size=2000").await;
    assert_eq!(s, 200, "{v}");
    let results = v["results"].as_array().unwrap();
    assert_eq!(v["totalCount"].as_u64().unwrap() as usize, results.len());
    for r in results {
        assert_eq!(r["groupType"], "MOBILE");
        let id = r["groupJamfProId"].as_str().unwrap();
        let (_, c) = classic_json(&sim, &t, &format!("/mobiledevicegroups/id/{id}")).await;
        let g = &c["mobile_device_group"];
        assert_eq!(r["groupName"], g["name"]);
        assert_eq!(r["smart"], g["is_smart"]);
        assert_eq!(
            r["membershipCount"].as_u64().unwrap() as usize,
            member_ids(g).len()
        );
    }
    let (_, smart) = get_json(&sim, &t, "/api/v2/groups?filter=isSmart==true").await;
    assert!(
        smart["results"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["smart"] == true)
    );
    assert_eq!(smart["totalCount"], 5, "the global group + 4 per school");
    let (s, _) = get_json(&sim, &t, "/api/v2/groups?filter=nope==1").await;
    assert_eq!(s, 400);
    sim.shutdown().await;
}
