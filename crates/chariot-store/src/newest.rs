//! Which copy of a device a sync keeps when it is given the same device twice. Offset paging
//! over a fleet that changes meanwhile can return a device on two pages, and pages arrive in
//! the order they complete, not the order they were asked: the copy given last may be the
//! older one. The copy that reported the newest inventory stays.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use chrono::{DateTime, FixedOffset};

use crate::rows::DeviceRow;

/// Whether a copy of a device whose last inventory is `candidate` replaces the copy kept so
/// far, whose last inventory is `kept` (both RFC 3339, as Jamf gives them). Compared as
/// instants, not as text: servers vary in fractional digits and offsets. A copy without a
/// (readable) date never replaces one with a date; on a tie the later copy wins.
pub(crate) fn replaces(candidate: Option<&str>, kept: Option<&str>) -> bool {
    // `None` orders before any instant.
    reported(candidate) >= reported(kept)
}

fn reported(date: Option<&str>) -> Option<DateTime<FixedOffset>> {
    date.and_then(|d| DateTime::parse_from_rfc3339(d).ok())
}

/// The devices of one batch, in order, each once: of a device given twice, the copy
/// [`replaces`] keeps.
pub(crate) fn newest_copies(devices: &[DeviceRow]) -> impl Iterator<Item = &DeviceRow> {
    let mut kept: HashMap<&str, usize> = HashMap::with_capacity(devices.len());
    for (i, d) in devices.iter().enumerate() {
        match kept.entry(d.jamf_id.as_str()) {
            Entry::Vacant(e) => {
                e.insert(i);
            }
            Entry::Occupied(mut e) => {
                let so_far = devices[*e.get()].last_inventory_update.as_deref();
                if replaces(d.last_inventory_update.as_deref(), so_far) {
                    e.insert(i);
                }
            }
        }
    }
    devices
        .iter()
        .enumerate()
        .filter(move |(i, d)| kept.get(d.jamf_id.as_str()) == Some(i))
        .map(|(_, d)| d)
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case::newer(Some("2026-11-22T09:00:00Z"), Some("2026-11-22T08:00:00Z"), true)]
    #[case::older(Some("2026-11-22T07:00:00Z"), Some("2026-11-22T08:00:00Z"), false)]
    #[case::tie(Some("2026-11-22T08:00:00Z"), Some("2026-11-22T08:00:00Z"), true)]
    // As text the first is smaller ('.' < 'Z'); as instants it is 0.5 s later.
    #[case::fractions(Some("2026-11-22T08:00:00.5Z"), Some("2026-11-22T08:00:00Z"), true)]
    #[case::fractions_older(Some("2026-11-22T08:00:00Z"), Some("2026-11-22T08:00:00.500Z"), false)]
    #[case::same_instant_other_digits(
        Some("2026-11-22T08:00:00.100Z"),
        Some("2026-11-22T08:00:00.1Z"),
        true
    )]
    // 10:00 in Paris is 09:00 UTC: older than 09:30 UTC, though larger as text.
    #[case::offsets(Some("2026-11-22T10:00:00+01:00"), Some("2026-11-22T09:30:00Z"), false)]
    #[case::no_date_against_a_date(None, Some("2026-11-22T08:00:00Z"), false)]
    #[case::unreadable_against_a_date(Some("yesterday"), Some("2026-11-22T08:00:00Z"), false)]
    #[case::a_date_against_none(Some("2026-11-22T08:00:00Z"), None, true)]
    #[case::neither(None, None, true)]
    fn the_copy_with_the_newest_inventory_stays(
        #[case] candidate: Option<&str>,
        #[case] kept: Option<&str>,
        #[case] replaced: bool,
    ) {
        assert_eq!(replaces(candidate, kept), replaced);
    }

    #[test]
    fn a_batch_keeps_each_device_once_in_order_newest_copy() {
        let copy = |id: &str, name: &str, date: Option<&str>| DeviceRow {
            jamf_id: id.into(),
            name: name.into(),
            last_inventory_update: date.map(Into::into),
            ..Default::default()
        };
        let batch = [
            copy("1", "1 new", Some("2026-11-22T09:00:00Z")),
            copy("2", "2 first", None),
            copy("1", "1 old", Some("2026-11-22T08:00:00Z")),
            copy("3", "3", None),
            copy("2", "2 later", None),
        ];
        let kept: Vec<&str> = newest_copies(&batch).map(|d| d.name.as_str()).collect();
        assert_eq!(kept, ["1 new", "3", "2 later"]);
    }
}
