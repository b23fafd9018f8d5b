//! Which copy of a device a read keeps when it sees the device twice (offset paging over a
//! fleet that moves, pages in any order, or two reads merged): the one that reported last, by
//! the rule the store applies too ([`chariot_model::newest::replaces`]).

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use chariot_model::newest::replaces;

use crate::models::InventoryRecord;

/// Each device once, the copy that reported the newest inventory kept (on a tie, or when
/// neither tells, the later one): a device seen twice while paging, or by two reads.
pub fn newest_copies(records: impl IntoIterator<Item = InventoryRecord>) -> Vec<InventoryRecord> {
    let mut by_id = BTreeMap::new();
    for r in records {
        keep_newest(&mut by_id, r);
    }
    by_id.into_values().collect()
}

/// Keeps `record` unless the copy already kept reported a newer inventory (a device seen twice
/// while paging: the pages came in any order).
pub(super) fn keep_newest(by_id: &mut BTreeMap<String, InventoryRecord>, record: InventoryRecord) {
    fn reported(r: &InventoryRecord) -> Option<&str> {
        r.general
            .as_ref()
            .and_then(|g| g.last_inventory_update_date.as_deref())
    }
    // One lookup per record (every record of a district's read passes here); dates are only
    // parsed for a device seen twice.
    match by_id.entry(record.mobile_device_id.clone()) {
        Entry::Vacant(slot) => {
            slot.insert(record);
        }
        Entry::Occupied(mut kept) => {
            if replaces(reported(&record), reported(kept.get())) {
                kept.insert(record);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy(id: &str, reported: Option<&str>, name: &str) -> InventoryRecord {
        serde_json::from_value(serde_json::json!({
            "mobileDeviceId": id,
            "general": { "displayName": name, "lastInventoryUpdateDate": reported },
        }))
        .unwrap()
    }

    fn names(records: Vec<InventoryRecord>) -> Vec<String> {
        records
            .into_iter()
            .map(|r| r.general.unwrap().display_name.unwrap())
            .collect()
    }

    /// Pages come in any order: of two copies of a device, the one that reported last stays,
    /// whichever came last; dates compare as instants (fractional digits vary), a copy with a
    /// date beats one without, and on a tie the later copy wins.
    #[test]
    fn the_newest_copy_of_a_device_seen_twice_wins() {
        let kept = newest_copies([
            copy("1", Some("2026-12-07T10:00:00.5Z"), "newer"),
            copy("1", Some("2026-12-07T10:00:00.25Z"), "older"),
            copy("2", Some("2026-12-07T09:00:00Z"), "dated"),
            copy("2", None, "undated"),
            copy("3", Some("2026-12-07T11:00:00Z"), "first"),
            copy(
                "3",
                Some("2026-12-07T12:00:00+01:00"),
                "same instant, later",
            ),
        ]);
        assert_eq!(names(kept), ["newer", "dated", "same instant, later"]);
    }
}
