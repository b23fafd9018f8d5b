//! Which copy of a device a sync keeps when it is given the same device twice. Offset paging
//! over a fleet that changes meanwhile can return a device on two pages, and pages arrive in
//! the order they complete, not the order they were asked: the copy given last may be the
//! older one. The copy that reported the newest inventory stays: [`replaces`], the rule the
//! Jamf client applies too.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use chariot_model::newest::replaces;

use crate::rows::DeviceRow;

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
    use super::*;

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
