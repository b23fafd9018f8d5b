//! Token renewal under concurrency, against chariot-sim over loopback: when requests in flight
//! all meet a 401 for the same dead token, one new token is minted and shared, never one per
//! request (each extra token would be orphaned: never invalidated at sign-out).

use std::time::Duration;

use chariot_jamf::{ClientOptions, JamfClient};
use chariot_sim::RunningSim;
use chariot_testkit::client::{Account, client_with};
use chariot_testkit::sim::sim;
use rstest::rstest;

/// As many requests as the client keeps in flight, so all of them hold the dead token at once.
const IN_FLIGHT: usize = 5;

#[derive(Debug, Clone, Copy)]
enum Death {
    /// The token's lifetime ended early (server clock, shortened lifetime).
    Expired,
    /// An administrator revoked it, or the account's password changed.
    Revoked,
}

fn client(sim: &RunningSim, account: Account) -> JamfClient {
    client_with(
        sim,
        account,
        ClientOptions {
            max_in_flight: IN_FLIGHT,
            request_timeout: Duration::from_secs(10),
            ..ClientOptions::default()
        },
    )
}

#[rstest]
#[case::user_token_expired(Account::User, Death::Expired)]
#[case::user_token_revoked(Account::User, Death::Revoked)]
#[case::api_client_token_expired(Account::ApiClient, Death::Expired)]
#[case::api_client_token_revoked(Account::ApiClient, Death::Revoked)]
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_401s_share_one_new_token(
    #[case] account: Account,
    #[case] death: Death,
    #[future(awt)] sim: RunningSim,
) {
    let c = client(&sim, account);
    c.sign_in().await.unwrap();
    assert_eq!(sim.tokens_issued(), 1);
    match death {
        Death::Expired => sim.faults().expire_tokens_now(),
        Death::Revoked => sim.faults().revoke_tokens_now(),
    }
    // Every request is sent with the dead token before the first 401 comes back.
    sim.faults().set_latency(Duration::from_millis(300));

    let mut requests = tokio::task::JoinSet::new();
    for _ in 0..IN_FLIGHT {
        let c = c.clone();
        requests.spawn(async move { c.version().await });
    }
    while let Some(done) = requests.join_next().await {
        done.unwrap()
            .expect("each request succeeds with the renewed token");
    }
    assert_eq!(
        sim.tokens_issued(),
        2,
        "{IN_FLIGHT} requests refused together must share one new token"
    );

    // The one token in use is the one signed out: none is left behind.
    sim.faults().set_latency(Duration::ZERO);
    c.sign_out().await.unwrap();
    if account == Account::User {
        assert_eq!(sim.tokens_signed_out(), 1);
    }
    sim.shutdown().await;
}
