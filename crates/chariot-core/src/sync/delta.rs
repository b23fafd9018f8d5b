//! The incremental sync's delta under offset paging. Jamf pages by offset: a device the delta
//! matches that is deleted while the delta is paged shifts the later pages back by one, and
//! the device at the boundary is on no page. Nothing else would bring it (it is in the
//! snapshot and on the server), and the watermark would move past its report. A delta read in
//! one request cannot be torn; one of several is read again when it shows a sign of such a
//! deletion.

use std::collections::HashSet;

use chariot_jamf::inventory::{InventoryRead, ReadSummary};
use chariot_jamf::models::InventoryRecord;

/// Whether the delta may have skipped a device: it took several requests and the set it paged
/// moved (its pages announced different totals), or devices were deleted from the server
/// since the snapshot (`removed`) or after the delta read them (not `listed` any more). A
/// deletion balanced by a device reporting meanwhile keeps the totals equal, hence the other
/// two signs; they can be false alarms (a device deleted before the sync): a read more.
pub(super) fn may_have_skipped(
    read: &ReadSummary,
    records: &[InventoryRecord],
    listed: &HashSet<String>,
    removed: &[String],
) -> bool {
    read.requests > 1
        && (!read.steady
            || !removed.is_empty()
            || records
                .iter()
                .any(|r| !listed.contains(&r.mobile_device_id)))
}

/// After the second read: whether it was torn too (its own totals moved). The watermark then
/// stays where it was, so that the next sync reads this span again rather than skip a device.
pub(super) fn torn(read: &InventoryRead) -> bool {
    read.summary.requests > 1 && !read.summary.steady
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn summary(requests: u32, steady: bool) -> ReadSummary {
        ReadSummary {
            fetched: 40,
            total: 40,
            requests,
            steady,
        }
    }

    fn record(id: &str) -> InventoryRecord {
        serde_json::from_value(serde_json::json!({ "mobileDeviceId": id })).unwrap()
    }

    #[rstest]
    #[case::one_request_cannot_be_torn(1, false, &["9"], &["3"], false)]
    #[case::quiet(3, true, &[], &[], false)]
    #[case::totals_moved(3, false, &[], &[], true)]
    #[case::a_device_deleted_since_the_snapshot(3, true, &[], &["3"], true)]
    #[case::a_delta_device_gone_since(3, true, &["9"], &[], true)]
    fn signs_of_a_skipped_device(
        #[case] requests: u32,
        #[case] steady: bool,
        #[case] unlisted: &[&str],
        #[case] removed: &[&str],
        #[case] expected: bool,
    ) {
        let listed: HashSet<String> = ["1", "2"].map(String::from).into();
        let mut records = vec![record("1"), record("2")];
        records.extend(unlisted.iter().map(|id| record(id)));
        let removed: Vec<String> = removed.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            may_have_skipped(&summary(requests, steady), &records, &listed, &removed),
            expected
        );
    }
}
