//! A sync killed (SIGKILL) at random points, 20 times: the database always opens, passes
//! `PRAGMA integrity_check`, and shows either the snapshot from before the sync or the new one,
//! never a mix of the two.
#![cfg(unix)]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chariot_jamf::inventory::{InventoryQuery, Section};
use chariot_jamf::{ClientOptions, JamfClient};
use chariot_sim::SimConfig;
use chariot_store::{DeviceQuery, Store};
use chariot_testkit::client::{Account, client_with};
use chariot_testkit::home::home;
use chariot_testkit::sim::{BlockingSim, blocking_sim};

type State = BTreeMap<String, Option<String>>;

/// What the server has now: id → last inventory date.
async fn server_state(c: &JamfClient) -> State {
    let q = InventoryQuery {
        sections: vec![Section::General],
        page_size: 2000,
        ..InventoryQuery::default()
    };
    c.fetch_inventory(&q, |_| {})
        .await
        .unwrap()
        .into_iter()
        .map(|r| {
            (
                r.mobile_device_id,
                r.general.and_then(|g| g.last_inventory_update_date),
            )
        })
        .collect()
}

/// What a reader of the database sees (after the recovery every open runs).
fn db_state(path: &Path) -> State {
    if !path.exists() {
        return State::new();
    }
    let conn = rusqlite::Connection::open(path).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    drop(conn);
    let store = Store::open(path).expect("the database opens after a kill");
    store
        .list_devices(&DeviceQuery::default())
        .unwrap()
        .into_iter()
        .map(|d| (d.jamf_id, d.last_inventory_update))
        .collect()
}

/// A small deterministic generator: the same kill points on every run of the test.
struct XorShift(u64);
impl XorShift {
    fn next_unit(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[test]
fn a_sync_killed_at_random_points_never_leaves_a_mixed_snapshot() {
    // A frozen clock: the fleet only changes when the test says so.
    let BlockingSim { rt, sim } = blocking_sim(SimConfig {
        devices: 600,
        clock_speed: 0.0,
        ..SimConfig::default()
    });
    let creds = sim.credentials();
    let client = client_with(&sim, Account::ApiClient, ClientOptions::default());
    let dir = home();
    let db = dir.path().join("killed.db");
    let sync = || {
        Command::new(assert_cmd::cargo::cargo_bin("chariot"))
            .args([
                "sync",
                "--full",
                "--page-size",
                "50",
                "--server",
                &sim.base_url(),
                "--client-id",
                &creds.client_id,
                "--secret-env",
                "SECRET",
                "--db",
            ])
            .arg(&db)
            .env("SECRET", &creds.client_secret)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };

    // Two complete syncs first: the second (replacing a snapshot, as every killed one does)
    // tells how long a sync takes, so the kill points spread over all of it.
    assert!(sync().wait().unwrap().success());
    sim.clock().advance(Duration::from_secs(3 * 3600));
    let started = Instant::now();
    assert!(sync().wait().unwrap().success());
    let span = started.elapsed();
    let mut before = db_state(&db);
    assert_eq!(before, rt.block_on(server_state(&client)));

    let mut rng = XorShift(0x5eed_c4a2_7011_0001);
    let (mut old_kept, mut new_seen) = (0, 0);
    for round in 0..20 {
        // Devices check in: the next sync has something new to write.
        sim.clock().advance(Duration::from_secs(3 * 3600));
        let after = rt.block_on(server_state(&client));
        assert_ne!(
            before, after,
            "round {round}: the fleet should have changed"
        );

        let mut child = sync();
        let delay = span.mul_f64(rng.next_unit() * 1.3);
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();

        let seen = db_state(&db);
        if seen == before {
            old_kept += 1;
        } else if seen == after {
            new_seen += 1;
        } else {
            let mixed = seen
                .iter()
                .filter(|(id, v)| before.get(*id) != Some(v) && after.get(*id) != Some(v))
                .count();
            panic!(
                "round {round} (killed after {delay:?}): a mix of old and new ({mixed} rows from neither)"
            );
        }
        before = seen;
    }
    // Both outcomes must have happened, or the kill points did not cover the sync.
    assert!(
        old_kept > 0 && new_seen > 0,
        "old kept {old_kept}, new seen {new_seen}"
    );
}
