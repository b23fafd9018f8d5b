//! Clients of the simulator, signed in as either of its demo accounts.

use std::time::Duration;

use chariot_jamf::client::RetryPolicy;
use chariot_jamf::{ClientOptions, Credentials, JamfClient, Secret, ServerUrl};
use chariot_sim::RunningSim;
use rstest::fixture;

use crate::sim::sim;

/// Which demo account of the simulator a client signs in as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Account {
    /// The user account: basic auth for a bearer token.
    User,
    /// The API client: client credentials (OAuth).
    ApiClient,
}

/// The simulator's credentials for `account`.
pub fn credentials(sim: &RunningSim, account: Account) -> Credentials {
    let c = sim.credentials();
    match account {
        Account::User => Credentials::User {
            username: c.username,
            password: Secret::new(c.password),
        },
        Account::ApiClient => Credentials::ApiClient {
            client_id: c.client_id,
            client_secret: Secret::new(c.client_secret),
        },
    }
}

/// A client of the simulator signing in as `account`, with these options.
pub fn client_with(sim: &RunningSim, account: Account, options: ClientOptions) -> JamfClient {
    JamfClient::new(
        ServerUrl::parse(&sim.base_url()).unwrap(),
        credentials(sim, account),
        options,
    )
    .unwrap()
}

/// A client of the simulator as its API client, giving up on a request after `timeout`.
pub fn client(sim: &RunningSim, timeout: Duration) -> JamfClient {
    client_with(
        sim,
        Account::ApiClient,
        ClientOptions {
            request_timeout: timeout,
            ..ClientOptions::default()
        },
    )
}

/// Retries as the client's but in milliseconds, for faults injected on loopback.
pub fn quick_retry(base: Duration, max_delay: Duration) -> RetryPolicy {
    RetryPolicy {
        max_attempts: 8,
        base,
        max_delay,
    }
}

/// The demo school (live clock) and its API client with a 10 s request timeout: how most
/// command and job tests start.
pub struct Connected {
    pub sim: RunningSim,
    pub client: JamfClient,
}

#[fixture]
pub async fn connected(#[future(awt)] sim: RunningSim) -> Connected {
    let client = client(&sim, Duration::from_secs(10));
    Connected { sim, client }
}
