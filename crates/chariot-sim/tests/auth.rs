//! Authentication over real HTTP: both login flows, keep-alive, invalidation, expiry and
//! the exact 401 bodies.

use chariot_testkit::sim::*;
use serde_json::{Value, json};
use std::time::Duration;

/// POSTs an OAuth token request: the form fields joined as they are (the test values need
/// no escaping).
async fn oauth(
    sim: &chariot_sim::RunningSim,
    path: &str,
    pairs: &[(&str, &str)],
) -> reqwest::Response {
    let form = pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&");
    http()
        .post(format!("{}{}", sim.base_url(), path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn basic_login_gives_a_token_that_works_on_both_apis() {
    let (sim, t) = frozen_signed_in().await;
    let (s, v) = get_json(&sim, &t, "/api/v1/jamf-pro-version").await;
    assert_eq!(s, 200);
    assert!(v["version"].as_str().unwrap().starts_with("11."));
    let r = http()
        .get(format!("{}/JSSResource/mobiledevices", sim.base_url()))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_ne!(r.status(), 401);
    sim.shutdown().await;
}

#[tokio::test]
async fn wrong_password_and_missing_token_are_401_with_jamf_bodies() {
    let sim = frozen_sim().await;
    let r = http()
        .post(format!("{}/api/v1/auth/token", sim.base_url()))
        .basic_auth("chariot-demo", Some("nope"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let (s, v) = get_json(&sim, "garbage", "/api/v2/mobile-devices").await;
    assert_eq!(s, 401);
    assert_eq!(
        v,
        json!({"httpStatus": 401, "errors": [{"code": "INVALID_TOKEN", "description": "Unauthorized", "id": "0", "field": null}]})
    );
    let r = http()
        .get(format!("{}/JSSResource/mobiledevices", sim.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    assert!(
        r.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .contains("Restful JSS Access")
    );
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("<title>Status page</title>")
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn keep_alive_replaces_the_token_and_invalidate_gives_the_empty_401() {
    let (sim, t) = frozen_signed_in().await;
    let (s, v) = post_json(&sim, &t, "/api/v1/auth/keep-alive", json!({})).await;
    assert_eq!(s, 200);
    let t2 = v["token"].as_str().unwrap().to_string();
    assert_ne!(t, t2);
    assert!(v["expires"].as_str().unwrap().ends_with('Z'));
    let (s, _) = get_json(&sim, &t, "/api/v2/mobile-devices").await;
    assert_eq!(s, 401, "old token must die after keep-alive");
    let r = http()
        .post(format!("{}/api/v1/auth/invalidate-token", sim.base_url()))
        .bearer_auth(&t2)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let (s, v) = get_json(&sim, &t2, "/api/v2/mobile-devices").await;
    assert_eq!(s, 401);
    assert_eq!(v, json!({"httpStatus": 401, "errors": []}));
    sim.shutdown().await;
}

#[tokio::test]
async fn oauth_client_credentials_flow() {
    let sim = frozen_sim().await;
    let c = sim.credentials();
    for path in ["/api/oauth/token", "/api/v1/oauth/token"] {
        let r = oauth(
            &sim,
            path,
            &[
                ("grant_type", "client_credentials"),
                ("client_id", &c.client_id),
                ("client_secret", &c.client_secret),
            ],
        )
        .await;
        assert_eq!(r.status(), 200);
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["token_type"], "Bearer");
        assert_eq!(v["expires_in"], 599);
        let tok = v["access_token"].as_str().unwrap();
        let (s, _) = get_json(&sim, tok, "/api/v2/mobile-devices").await;
        assert_eq!(s, 200);
        // keep-alive is not offered to API clients (unverified upstream: refuse).
        let (s, _) = post_json(&sim, tok, "/api/v1/auth/keep-alive", json!({})).await;
        assert_eq!(s, 401);
    }
    let r = oauth(
        &sim,
        "/api/oauth/token",
        &[
            ("grant_type", "client_credentials"),
            ("client_id", &c.client_id),
            ("client_secret", "bad"),
        ],
    )
    .await;
    assert_eq!(r.status(), 401);
    assert_eq!(r.json::<Value>().await.unwrap()["error"], "invalid_client");
    let r = oauth(
        &sim,
        "/api/oauth/token",
        &[
            ("grant_type", "client_credentials"),
            ("client_id", &c.client_id),
            ("client_secret", &c.client_secret),
            ("scope", "api-role:99"),
        ],
    )
    .await;
    assert_eq!(r.status(), 400);
    sim.shutdown().await;
}

#[tokio::test]
async fn tokens_expire_after_their_ttl_and_on_demand() {
    let sim = frozen_sim_with(|c| c.token_ttl = Duration::from_millis(1200)).await;
    let t = user_token(&sim).await;
    assert_eq!(get_json(&sim, &t, "/api/v2/mobile-devices").await.0, 200);
    tokio::time::sleep(Duration::from_millis(1400)).await;
    let (s, v) = get_json(&sim, &t, "/api/v2/mobile-devices").await;
    assert_eq!(s, 401);
    assert_eq!(v["errors"][0]["code"], "INVALID_TOKEN");
    let (s, _) = post_json(&sim, &t, "/api/v1/auth/keep-alive", json!({})).await;
    assert_eq!(s, 401, "an expired token cannot be kept alive");
    let t2 = user_token(&sim).await;
    sim.faults().expire_tokens_now();
    assert_eq!(get_json(&sim, &t2, "/api/v2/mobile-devices").await.0, 401);
    sim.shutdown().await;
}

/// What tests of clients read: every token issued (sign-in, OAuth, keep-alive) and every
/// sign-out is counted, in process and on `/_sim/state`; a revocation kills every token with
/// the empty 401 of an invalidated one.
#[tokio::test]
async fn token_issuance_and_sign_outs_are_counted_and_tokens_can_be_revoked() {
    let sim = frozen_sim().await;
    assert_eq!((sim.tokens_issued(), sim.tokens_signed_out()), (0, 0));
    let t = user_token(&sim).await;
    let (_, v) = post_json(&sim, &t, "/api/v1/auth/keep-alive", json!({})).await;
    let t2 = v["token"].as_str().unwrap().to_string();
    assert_eq!(sim.tokens_issued(), 2);
    assert_eq!(sim.tokens_signed_out(), 0, "keep-alive is not a sign-out");
    let (s, _) = post_json(&sim, &t2, "/api/v1/auth/invalidate-token", json!({})).await;
    assert_eq!(s, 204);
    assert_eq!(sim.tokens_signed_out(), 1);

    let t3 = user_token(&sim).await;
    let r = http()
        .post(format!("{}/_sim/tokens/revoke", sim.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let (s, v) = get_json(&sim, &t3, "/api/v2/mobile-devices").await;
    assert_eq!(s, 401);
    assert_eq!(v, json!({"httpStatus": 401, "errors": []}));
    let state = sim_state(&sim).await;
    assert_eq!(state["tokens"], json!({"issued": 3, "signedOut": 1}));
    sim.shutdown().await;
}
