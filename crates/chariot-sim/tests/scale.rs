//! Generator size knob: a district of many schools (one Site per RNE). The 50 000-device
//! timing is an ignored, print-only test: run it with
//! `cargo test --release -p chariot-sim --test scale -- --ignored --nocapture`.

use chariot_sim::school::generator::generate;
use std::collections::HashSet;
use std::time::Instant;

#[test]
fn district_has_one_site_per_school_and_exact_size() {
    let now = chrono::Utc::now();
    let w = generate(5, 3000, now);
    assert_eq!(w.devices.len(), 3000);
    assert!(w.sites.len() > 40, "{} sites", w.sites.len());
    let rnes: HashSet<_> = w.sites.iter().map(|s| s.rne.clone()).collect();
    assert_eq!(rnes.len(), w.sites.len(), "each school has its own RNE");
    for d in w.devices.iter().take(500) {
        let site = w.sites.iter().find(|s| Some(s.id) == d.site_id).unwrap();
        assert!(
            d.name.starts_with(&site.rne)
                || d.role == chariot_sim::school::model::DeviceRole::PersonalTeacher
        );
    }
}

#[test]
#[ignore]
fn generate_fifty_thousand_devices_timing() {
    let start = Instant::now();
    let w = generate(1, 50_000, chrono::Utc::now());
    println!(
        "generated {} devices in {} schools in {:?}",
        w.devices.len(),
        w.sites.len(),
        start.elapsed()
    );
}
