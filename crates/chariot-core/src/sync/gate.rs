//! The version check, run beside the first reads instead of before them (one round trip
//! less: a school's Jamf Pro is often 50–200 ms away), yet still deciding first: nothing is
//! published before the server is known to be recent enough, and a server too old to have
//! the inventory endpoints is reported as such, not as the "not found" its pages answer.

use std::future::Future;
use std::sync::OnceLock;

use chariot_jamf::{JamfClient, JamfVersion};

use super::error::SyncError;

/// Reads the server's version into `seen` (kept even when too old, for the screens) and
/// fails when Chariot cannot work with it.
pub(super) async fn check_version(
    client: &JamfClient,
    seen: &OnceLock<JamfVersion>,
) -> Result<(), SyncError> {
    let version = client.version().await.map_err(SyncError::Jamf)?;
    let _ = seen.set(version);
    if !version.at_least(10, 0) {
        return Err(SyncError::ServerTooOld {
            version: version.to_string(),
            needed: "10.0",
        });
    }
    tracing::info!(%version, server = %client.server(), "syncing");
    Ok(())
}

/// Runs `work` while `gate` runs, and returns `work`'s result only once `gate` has passed.
/// A failing gate stops `work` at once (dropping it: its page tasks are aborted) and its
/// error wins, even over an error `work` met first.
pub(super) async fn gated<T>(
    gate: impl Future<Output = Result<(), SyncError>>,
    work: impl Future<Output = Result<T, SyncError>>,
) -> Result<T, SyncError> {
    tokio::pin!(gate, work);
    tokio::select! {
        biased;
        passed = &mut gate => {
            passed?;
            work.await
        }
        done = &mut work => {
            gate.await?;
            done
        }
    }
}

#[cfg(test)]
mod tests {
    use super::gated;
    use crate::sync::error::SyncError;
    use std::time::Duration;

    fn refused() -> SyncError {
        SyncError::Cancelled
    }

    #[tokio::test]
    async fn the_work_result_comes_only_after_the_gate_passed() {
        let order = std::sync::Mutex::new(Vec::new());
        let result = gated(
            async {
                tokio::time::sleep(Duration::from_millis(30)).await;
                order.lock().unwrap().push("gate");
                Ok(())
            },
            async {
                order.lock().unwrap().push("work");
                Ok(7)
            },
        )
        .await;
        assert_eq!(result.unwrap(), 7);
        assert_eq!(*order.lock().unwrap(), ["work", "gate"]);
    }

    #[tokio::test]
    async fn a_failing_gate_stops_the_work_and_its_error_wins() {
        let finished = std::sync::atomic::AtomicBool::new(false);
        let result: Result<(), _> = gated(async { Err(refused()) }, async {
            tokio::time::sleep(Duration::from_secs(30)).await;
            finished.store(true, std::sync::atomic::Ordering::SeqCst);
            Ok(())
        })
        .await;
        assert!(matches!(result, Err(SyncError::Cancelled)));
        assert!(!finished.load(std::sync::atomic::Ordering::SeqCst));

        // The work failed first (a too-old server answers its pages "not found"): the gate's
        // error is the one reported.
        let result: Result<(), _> = gated(
            async {
                tokio::time::sleep(Duration::from_millis(20)).await;
                Err(refused())
            },
            async {
                Err(SyncError::Jamf(chariot_jamf::JamfError::NotFound {
                    what: "/api/v2/mobile-devices/detail".into(),
                }))
            },
        )
        .await;
        assert!(matches!(result, Err(SyncError::Cancelled)), "{result:?}");
    }
}
