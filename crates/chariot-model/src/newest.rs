//! Which copy of a device to keep when it is seen twice. Offset paging over a fleet that
//! changes meanwhile can return a device on two pages, pages arrive in the order they
//! complete (not the order they were asked), and a sync may merge two reads: the copy seen
//! last may be the older one. The copy that reported the newest inventory stays. The client
//! applies it to what it reads, the store to what it is given: both must decide alike.

use chrono::{DateTime, FixedOffset};

/// Whether a copy of a device whose last inventory is `candidate` replaces the copy kept so
/// far, whose last inventory is `kept` (both RFC 3339, as Jamf gives them). Compared as
/// instants, not as text: servers vary in fractional digits and offsets. A copy without a
/// (readable) date never replaces one with a date; on a tie the later copy wins.
pub fn replaces(candidate: Option<&str>, kept: Option<&str>) -> bool {
    // `None` orders before any instant.
    reported(candidate) >= reported(kept)
}

fn reported(date: Option<&str>) -> Option<DateTime<FixedOffset>> {
    date.and_then(|d| DateTime::parse_from_rfc3339(d).ok())
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
    #[case::same_instant_other_offsets(
        Some("2026-12-07T12:00:00+01:00"),
        Some("2026-12-07T11:00:00Z"),
        true
    )]
    #[case::no_date_against_a_date(None, Some("2026-11-22T08:00:00Z"), false)]
    #[case::unreadable_against_a_date(Some("yesterday"), Some("2026-11-22T08:00:00Z"), false)]
    #[case::a_date_against_none(Some("2026-11-22T08:00:00Z"), None, true)]
    #[case::a_date_against_an_unreadable_one(Some("2026-11-22T08:00:00Z"), Some("yesterday"), true)]
    #[case::neither(None, None, true)]
    fn the_copy_with_the_newest_inventory_stays(
        #[case] candidate: Option<&str>,
        #[case] kept: Option<&str>,
        #[case] replaced: bool,
    ) {
        assert_eq!(replaces(candidate, kept), replaced);
    }
}
