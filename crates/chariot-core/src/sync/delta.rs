//! The incremental sync's delta under offset paging. Jamf pages by offset: a device the delta
//! matches that is deleted while the delta is paged shifts the later pages back by one, and
//! the device at the boundary is on no page. Nothing else would bring it (it is in the
//! snapshot and on the server), and the watermark would move past its report. A delta read in
//! one request cannot be torn; one of several is read again when it shows a sign of such a
//! deletion, and when the two reads together still show one, the watermark stays where it
//! was (the next sync reads the span again).

use std::collections::HashSet;

use chariot_jamf::inventory::ReadSummary;
use chariot_jamf::models::InventoryRecord;

/// Whether the delta may have skipped a device: it took several requests, and fewer of the
/// devices it brought are still on the server (`listed`) than the most any of its pages said
/// match. Every skip shows so: a deletion shifts the later pages back by one and hides the
/// device at a boundary, whether the deleted device was read before it went (it is then not
/// listed), was never read (the total drops, or a device reporting meanwhile keeps the
/// total up and is one more the read should hold), or is in the snapshot. A false alarm (a
/// device enrolled after the list was read) costs a read more.
pub(super) fn may_have_skipped(
    read: &ReadSummary,
    records: &[InventoryRecord],
    listed: &HashSet<String>,
) -> bool {
    let still_there = records
        .iter()
        .filter(|r| listed.contains(&r.mobile_device_id))
        .count() as u64;
    read.requests > 1 && still_there < read.highest_total
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn summary(requests: u32, highest_total: u64) -> ReadSummary {
        ReadSummary {
            fetched: 4,
            total: 4,
            highest_total,
            requests,
        }
    }

    fn record(id: &str) -> InventoryRecord {
        serde_json::from_value(serde_json::json!({ "mobileDeviceId": id })).unwrap()
    }

    /// Four devices match (`1` – `4` are on the server); what the read brought decides.
    #[rstest]
    #[case::all_read(3, 4, &["1", "2", "3", "4"], false)]
    #[case::one_request_cannot_be_torn(1, 4, &["1", "2", "3"], false)]
    #[case::one_hidden_by_a_deletion_the_total_shows(3, 4, &["1", "2", "3"], true)]
    #[case::deletion_balanced_by_a_report(3, 4, &["1", "2", "4"], true)]
    #[case::read_then_deleted(3, 4, &["1", "2", "3", "9"], true)]
    #[case::the_set_grew_and_all_were_read(3, 5, &["1", "2", "3", "4", "5"], false)]
    fn signs_of_a_skipped_device(
        #[case] requests: u32,
        #[case] highest_total: u64,
        #[case] read: &[&str],
        #[case] expected: bool,
    ) {
        let listed: HashSet<String> = ["1", "2", "3", "4", "5"].map(String::from).into();
        let records: Vec<InventoryRecord> = read.iter().map(|id| record(id)).collect();
        assert_eq!(
            may_have_skipped(&summary(requests, highest_total), &records, &listed),
            expected
        );
    }
}
