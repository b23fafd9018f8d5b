//! Reading specific devices by id: those paging missed, and those the id list does not name
//! (confirmed gone, or kept).

use std::collections::HashSet;

use chariot_jamf::JamfClient;
use chariot_jamf::inventory::InventoryQuery;
use chariot_jamf::models::InventoryRecord;

use super::engine::check;
use super::error::SyncError;
use super::progress::CancelFlag;

/// Ids per `mobileDeviceId=in=(...)` request.
const IDS_PER_REQUEST: usize = 100;

/// Devices the id list does not name may still exist: a device deleted while the list was
/// paged shifts the later pages by one, and the device at the boundary is on none. Each such
/// device is looked up by id: those found are returned with their records (kept), the others
/// are gone. One request per 100 devices, only when the list lacks some.
pub(super) async fn confirm_deleted(
    client: &JamfClient,
    unlisted: Vec<String>,
    cancel: &CancelFlag,
) -> Result<(Vec<String>, Vec<InventoryRecord>), SyncError> {
    let found = fetch_by_ids(client, &unlisted, cancel).await?;
    let present: HashSet<&str> = found.iter().map(|r| r.mobile_device_id.as_str()).collect();
    let gone = unlisted
        .into_iter()
        .filter(|id| !present.contains(id.as_str()))
        .collect();
    Ok((gone, found))
}

pub(super) async fn fetch_by_ids(
    client: &JamfClient,
    ids: &[String],
    cancel: &CancelFlag,
) -> Result<Vec<InventoryRecord>, SyncError> {
    // Jamf ids are numbers. Anything else (a record that came without an id) cannot be
    // asked for — and would break the RSQL filter of every sync from then on: it is not
    // found, so a stored one is dropped as gone.
    let ids: Vec<&str> = ids
        .iter()
        .map(String::as_str)
        .filter(|id| is_jamf_id(id))
        .collect();
    let mut out = Vec::new();
    for chunk in ids.chunks(IDS_PER_REQUEST) {
        check(cancel)?;
        let query = InventoryQuery {
            filter: Some(format!("mobileDeviceId=in=({})", chunk.join(","))),
            page_size: IDS_PER_REQUEST as u32,
            ..InventoryQuery::default()
        };
        out.extend(client.fetch_inventory(&query, |_| {}).await?);
    }
    Ok(out)
}

fn is_jamf_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::is_jamf_id;

    #[test]
    fn only_numbers_go_into_the_id_filter() {
        assert!(is_jamf_id("42"));
        for bad in ["", "1,2", "1)", " 3", "abc"] {
            assert!(!is_jamf_id(bad), "{bad:?}");
        }
    }
}
