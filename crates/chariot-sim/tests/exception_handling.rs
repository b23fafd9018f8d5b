//! `exception-handling` on `/api/v2/mobile-devices/detail`: an unprocessable device fails a
//! STRICT call (the default) with a 500, while LENIENT answers with that section null.

use chariot_testkit::sim::{frozen_sim_with, get_json, user_token};
use rstest::rstest;

#[rstest]
#[case::default_is_strict("", 500)]
#[case::strict("&exception-handling=STRICT", 500)]
#[case::lenient("&exception-handling=lenient", 200)]
#[tokio::test]
async fn one_broken_device_fails_strict_pages_only(#[case] mode: &str, #[case] status: u16) {
    let sim = frozen_sim_with(|c| c.unprocessable_devices = 1).await;
    let token = user_token(&sim).await;
    let path = format!(
        "/api/v2/mobile-devices/detail?section=GENERAL&section=APPLICATIONS&page-size=100{mode}"
    );
    let (code, body) = get_json(&sim, &token, &path).await;
    assert_eq!(code, status, "{body}");
    if status == 500 {
        assert_eq!(body["httpStatus"], 500);
        return;
    }
    let results = body["results"].as_array().unwrap();
    let broken: Vec<_> = results
        .iter()
        .filter(|r| r["applications"].is_null())
        .collect();
    assert_eq!(
        broken.len(),
        1,
        "exactly the broken device loses its applications"
    );
    assert!(
        broken[0]["general"]["displayName"].is_string(),
        "the rest of it is kept"
    );
    assert!(
        results
            .iter()
            .filter(|r| !r["applications"].is_null())
            .count()
            >= 30
    );
}

#[tokio::test]
async fn pages_without_the_broken_device_succeed_even_strict() {
    let sim = frozen_sim_with(|c| c.unprocessable_devices = 1).await;
    let token = user_token(&sim).await;
    // The broken device is the first one: page 1 of size 5 does not hold it.
    let (code, _) = get_json(
        &sim,
        &token,
        "/api/v2/mobile-devices/detail?page=1&page-size=5&sort=mobileDeviceId:asc",
    )
    .await;
    assert_eq!(code, 200);
}
