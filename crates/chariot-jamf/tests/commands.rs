//! MDM commands against chariot-sim over real HTTP: a Pro API command and a Classic one, each
//! followed to its final state by UUID; a refused target; and a send that timed out, which the
//! client must not send again (the server may have acted on it).

use std::time::Duration;

use chariot_jamf::inventory::InventoryQuery;
use chariot_jamf::{CommandState, JamfClient, JamfError};
use chariot_sim::RunningSim;
use chariot_testkit::client::{Connected, client, connected};
use chariot_testkit::sim::{commands_total, sim};
use rstest::rstest;
use serde_json::json;

/// (Jamf id, management id) of a supervised device the simulator will answer for.
async fn supervised_device(c: &JamfClient) -> (String, String) {
    let all = c
        .fetch_inventory(&InventoryQuery::default(), |_| {})
        .await
        .unwrap();
    all.into_iter()
        .find_map(|r| {
            let g = r.general?;
            (g.supervised == Some(true) && g.last_contact_date.is_some())
                .then(|| (r.mobile_device_id, g.management_id.unwrap_or_default()))
        })
        .expect("the demo school has supervised iPads")
}

/// Polls until every command is final, letting simulated time pass between polls.
async fn until_final(sim: &RunningSim, c: &JamfClient, uuids: &[String]) -> Vec<CommandState> {
    for _ in 0..60 {
        let states = c.command_statuses(uuids).await.unwrap();
        assert_eq!(states.len(), uuids.len(), "every UUID has a state");
        if states.iter().all(|s| s.state.is_final()) {
            return states.into_iter().map(|s| s.state).collect();
        }
        sim.clock().advance(Duration::from_secs(300));
    }
    panic!("the commands never reached a final state");
}

#[rstest]
#[tokio::test(flavor = "multi_thread")]
async fn a_pro_and_a_classic_command_are_followed_to_their_result(
    #[future(awt)] connected: Connected,
) {
    let Connected { sim, client: c } = connected;
    let (id, management_id) = supervised_device(&c).await;
    let before = commands_total(&sim).await;

    let restart = c
        .send_mdm_command(&management_id, &json!({ "commandType": "RESTART_DEVICE" }))
        .await
        .unwrap();
    let inventory = c
        .send_classic_command("UpdateInventory", &id)
        .await
        .unwrap();
    assert_ne!(restart, inventory, "one UUID per command");
    assert_eq!(commands_total(&sim).await, before + 2);

    let states = c
        .command_statuses(&[restart.clone(), inventory.clone()])
        .await
        .unwrap();
    assert!(
        states
            .iter()
            .all(|s| s.management_id.as_deref() == Some(&*management_id))
    );
    let finals = until_final(&sim, &c, &[restart, inventory]).await;
    assert_eq!(
        finals,
        [CommandState::Acknowledged, CommandState::Acknowledged]
    );
    sim.shutdown().await;
}

#[rstest]
#[tokio::test(flavor = "multi_thread")]
async fn a_refused_target_is_an_error_and_queues_nothing(#[future(awt)] connected: Connected) {
    let Connected { sim, client: c } = connected;
    let before = commands_total(&sim).await;
    let err = c
        .send_mdm_command(
            "no-such-device",
            &json!({ "commandType": "RESTART_DEVICE" }),
        )
        .await
        .unwrap_err();
    assert!(!err.is_transient(), "{err}");
    assert_eq!(commands_total(&sim).await, before);
    sim.shutdown().await;
}

#[rstest]
#[tokio::test(flavor = "multi_thread")]
async fn a_send_that_timed_out_is_not_sent_again(#[future(awt)] sim: RunningSim) {
    let reader = client(&sim, Duration::from_secs(10));
    let (_, management_id) = supervised_device(&reader).await;
    let before = commands_total(&sim).await;
    // The server is slower than the client's patience, but still acts on the request.
    let impatient = client(&sim, Duration::from_millis(600));
    impatient.sign_in().await.unwrap();
    sim.faults()
        .update(|f| f.answer_delay = Duration::from_millis(1500));
    let err = impatient
        .send_mdm_command(&management_id, &json!({ "commandType": "RESTART_DEVICE" }))
        .await
        .unwrap_err();
    assert!(matches!(err, JamfError::Timeout { .. }), "{err}");
    tokio::time::sleep(Duration::from_millis(2500)).await;
    sim.faults().update(|f| f.answer_delay = Duration::ZERO);
    // Queued exactly once: the write was not retried (its outcome is for the caller to learn).
    assert_eq!(commands_total(&sim).await, before + 1);
    sim.shutdown().await;
}

/// The server queues the command and the connection breaks while it answers (a load balancer
/// reset, a cut-off answer): the write reached the server, so it is "unknown", never "not
/// reached" (which the job list would send again), and it was sent once.
#[rstest]
#[tokio::test(flavor = "multi_thread")]
async fn a_write_whose_answer_was_cut_off_is_unknown_and_sent_once(
    #[future(awt)] connected: Connected,
) {
    let Connected { sim, client: c } = connected;
    let (_, management_id) = supervised_device(&c).await;
    c.sign_in().await.unwrap();
    let before = commands_total(&sim).await;
    sim.faults().update(|f| f.rate_truncate = 1.0);
    let err = c
        .send_mdm_command(&management_id, &json!({ "commandType": "RESTART_DEVICE" }))
        .await
        .unwrap_err();
    sim.faults().clear();
    assert!(
        matches!(err, JamfError::WriteOutcomeUnknown { .. }),
        "expected an unknown outcome, got: {err}"
    );
    assert_eq!(commands_total(&sim).await, before + 1);
    sim.shutdown().await;
}

/// Nothing listens at the address: the write never left, and saying so lets it be sent later.
#[rstest]
#[tokio::test(flavor = "multi_thread")]
async fn a_write_to_a_server_that_cannot_be_reached_is_not_sent(
    #[future(awt)] connected: Connected,
) {
    let Connected { sim, client: c } = connected;
    let (_, management_id) = supervised_device(&c).await;
    c.sign_in().await.unwrap();
    sim.shutdown().await;
    let err = c
        .send_mdm_command(&management_id, &json!({ "commandType": "RESTART_DEVICE" }))
        .await
        .unwrap_err();
    assert!(
        matches!(err, JamfError::Unreachable { .. }),
        "expected unreachable, got: {err}"
    );
}
