//! The "Mode perdu" screen and the position of one device: where each lost device was last
//! seen, and when there is no position, why (issue #6).

use chariot_store::{JobTargetRow, Store};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::device::Position;
use super::inventory::{InventoryRow, parse_date};
use crate::actions::{ActionKind, TargetState};
use crate::error::AppError;
use crate::export::sheet::Sheet;
use crate::labels::{self, LOST_HEADERS};

/// Why a device shows no position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NoPosition {
    /// Positions are only reported in lost mode.
    NotInLostMode,
    /// Lost mode needs a supervised device.
    NotSupervised,
    /// In lost mode, but no location was ever reported (request one).
    NeverReported,
    /// A location request was sent and the device has not answered yet.
    RequestPending,
    /// The device answered the last request with an error (e.g. Apple's 12067/12068).
    RequestFailed,
}

/// Where a device's position stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PositionStatus {
    pub position: Option<Position>,
    /// Set when there is no position (or when a newer request is pending or failed).
    pub note: Option<NoPosition>,
    /// The error of the last location request, when it failed.
    pub error: Option<String>,
    /// When the last location request was answered or sent.
    pub requested_at: Option<DateTime<Utc>>,
}

/// A device of the "Mode perdu" screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LostDevice {
    pub device: InventoryRow,
    pub message: Option<String>,
    pub phone: Option<String>,
    pub status: PositionStatus,
}

fn status(
    lost: bool,
    supervised: Option<bool>,
    position: Option<Position>,
    last_request: Option<&JobTargetRow>,
) -> PositionStatus {
    let requested_at = last_request.and_then(|t| parse_date(Some(&t.updated_at)));
    let state = last_request.map(|t| TargetState::parse(&t.state));
    let newer_than_position = match (&position, requested_at) {
        (Some(p), Some(at)) => p.reported_at.is_none_or(|r| r < at),
        (None, _) => true,
        (Some(_), None) => false,
    };
    let note = if supervised != Some(true) {
        Some(NoPosition::NotSupervised)
    } else if !lost {
        Some(NoPosition::NotInLostMode)
    } else if state.is_some_and(TargetState::is_in_flight) {
        Some(NoPosition::RequestPending)
    } else if state == Some(TargetState::Failed) && newer_than_position {
        Some(NoPosition::RequestFailed)
    } else if position.is_none() {
        Some(NoPosition::NeverReported)
    } else {
        None
    };
    PositionStatus {
        error: (note == Some(NoPosition::RequestFailed))
            .then(|| last_request.and_then(|t| t.error.clone()))
            .flatten(),
        position,
        note,
        requested_at,
    }
}

/// Every device in lost mode, by name.
pub fn lost_devices(
    store: &Store,
    stale_before: DateTime<Utc>,
) -> Result<Vec<LostDevice>, AppError> {
    let lost = store.lost_mode_devices()?;
    let ids: Vec<String> = lost.iter().map(|d| d.jamf_id.clone()).collect();
    let mut rows: std::collections::HashMap<String, _> = store
        .devices_by_ids(&ids)?
        .into_iter()
        .map(|r| (r.jamf_id.clone(), r))
        .collect();
    let requests = store.latest_targets(ActionKind::UpdateLocation.as_str())?;
    let mut out = Vec::with_capacity(lost.len());
    for lost in lost {
        let Some(row) = rows.remove(&lost.jamf_id) else {
            continue;
        };
        let full = store.device(&row.jamf_id)?;
        let supervised = row.supervised;
        let position = lost.position.as_ref().map(|p| Position {
            latitude: p.latitude,
            longitude: p.longitude,
            accuracy_m: p.accuracy_m,
            reported_at: parse_date(p.reported_at.as_deref()),
        });
        out.push(LostDevice {
            status: status(true, supervised, position, requests.get(&row.jamf_id)),
            message: lost.message,
            phone: full.and_then(|d| d.lost_mode_phone),
            device: InventoryRow::from_list_row(row, stale_before),
        });
    }
    Ok(out)
}

/// One device's position, or why there is none.
pub fn position_status(store: &Store, id: &str) -> Result<PositionStatus, AppError> {
    let Some(d) = store.device(id)? else {
        return Ok(status(false, None, None, None));
    };
    let requests = store.latest_targets(ActionKind::UpdateLocation.as_str())?;
    let position = d.lost_position.as_ref().map(|p| Position {
        latitude: p.latitude,
        longitude: p.longitude,
        accuracy_m: p.accuracy_m,
        reported_at: parse_date(p.reported_at.as_deref()),
    });
    Ok(status(
        d.lost_mode_enabled == Some(true),
        d.supervised,
        position,
        requests.get(id),
    ))
}

/// The "Mode perdu" list as CSV for spreadsheets (BOM, `;`, formulas defused), one line per
/// device with its last position or why there is none.
pub fn lost_devices_csv(devices: &[LostDevice], lang: crate::locale::Lang) -> String {
    let mut sheet = Sheet::new(b';', true);
    sheet.row(LOST_HEADERS.map(|h| h.get(lang)));
    for d in devices {
        let p = d.status.position.as_ref();
        let mut note = d
            .status
            .note
            .map(|n| labels::no_position(n).get(lang).to_owned())
            .unwrap_or_default();
        if let Some(e) = &d.status.error {
            note = format!("{note} ({e})");
        }
        sheet.row([
            d.device.name.clone(),
            d.device.cart.clone().unwrap_or_default(),
            d.device.serial_number.clone().unwrap_or_default(),
            d.device
                .battery_level
                .map(|b| b.to_string())
                .unwrap_or_default(),
            d.message.clone().unwrap_or_default(),
            d.phone.clone().unwrap_or_default(),
            p.map(|p| format!("{:.6}", p.latitude)).unwrap_or_default(),
            p.map(|p| format!("{:.6}", p.longitude)).unwrap_or_default(),
            p.and_then(|p| p.accuracy_m)
                .map(|a| format!("{a:.0}"))
                .unwrap_or_default(),
            p.and_then(|p| p.reported_at)
                .map(|d| {
                    d.with_timezone(&chrono::Local)
                        .format("%d/%m/%Y %H:%M")
                        .to_string()
                })
                .unwrap_or_default(),
            note,
        ]);
    }
    sheet.finish()
}

/// `export_lost_devices`: the list to the file chosen in the save dialog.
pub fn export_lost_devices(
    store: &Store,
    stale_before: DateTime<Utc>,
    path: &str,
    lang: crate::locale::Lang,
) -> Result<crate::ipc::ExportResult, AppError> {
    let devices = lost_devices(store, stale_before)?;
    let written = crate::export::write_atomically(path, &lost_devices_csv(&devices, lang))?;
    Ok(crate::ipc::ExportResult {
        path: written.display().to_string(),
        rows: devices.len() as u32,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(state: &str, error: Option<&str>, at: &str) -> JobTargetRow {
        JobTargetRow {
            jamf_id: "1".into(),
            device_name: "iPad".into(),
            management_id: None,
            state: state.into(),
            command_uuid: None,
            error: error.map(Into::into),
            updated_at: at.into(),
        }
    }

    fn position(at: &str) -> Position {
        Position {
            latitude: 43.6,
            longitude: 1.44,
            accuracy_m: Some(65.0),
            reported_at: parse_date(Some(at)),
        }
    }

    #[test]
    fn each_reason_for_no_position() {
        assert_eq!(
            status(true, Some(false), None, None).note,
            Some(NoPosition::NotSupervised)
        );
        assert_eq!(
            status(false, Some(true), None, None).note,
            Some(NoPosition::NotInLostMode)
        );
        assert_eq!(
            status(true, Some(true), None, None).note,
            Some(NoPosition::NeverReported)
        );
        let pending = request("pending", None, "2026-11-23T08:00:00Z");
        assert_eq!(
            status(true, Some(true), None, Some(&pending)).note,
            Some(NoPosition::RequestPending)
        );
        let failed = request(
            "failed",
            Some("The location of the device could not be determined. (12067)"),
            "2026-11-23T08:00:00Z",
        );
        let s = status(true, Some(true), None, Some(&failed));
        assert_eq!(s.note, Some(NoPosition::RequestFailed));
        assert!(s.error.unwrap().contains("12067"));
    }

    fn row(name: &str) -> InventoryRow {
        InventoryRow {
            id: "1".into(),
            name: name.into(),
            role: "student".into(),
            cart: Some("Chariot 1".into()),
            serial_number: Some("DMPXK1ABCD".into()),
            asset_tag: None,
            model: None,
            os_version: None,
            username: None,
            battery_level: Some(42),
            capacity_mb: None,
            available_mb: None,
            supervised: Some(true),
            shared_ipad: Some(true),
            lost_mode: Some(true),
            last_inventory: None,
            stale: false,
        }
    }

    #[test]
    fn the_csv_has_a_line_per_device_with_its_position_or_the_reason() {
        let located = LostDevice {
            device: row("iPad A"),
            message: Some("Rapportez-moi".into()),
            phone: None,
            status: status(
                true,
                Some(true),
                Some(position("2026-11-23T09:00:00Z")),
                None,
            ),
        };
        let never = LostDevice {
            device: row("=iPad B"),
            message: None,
            phone: None,
            status: status(true, Some(true), None, None),
        };
        let csv = lost_devices_csv(&[located, never], crate::locale::Lang::Fr);
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[1].contains("43.600000;1.440000;65"), "{}", lines[1]);
        assert!(
            lines[2].starts_with("'=iPad B"),
            "formulas defused: {}",
            lines[2]
        );
        assert!(lines[2].ends_with("aucune position reçue"), "{}", lines[2]);
    }

    #[test]
    fn a_position_newer_than_a_failed_request_stands() {
        let failed = request("failed", Some("error"), "2026-11-23T08:00:00Z");
        let s = status(
            true,
            Some(true),
            Some(position("2026-11-23T09:00:00Z")),
            Some(&failed),
        );
        assert_eq!(s.note, None);
        assert!(s.position.is_some());
        let older = status(
            true,
            Some(true),
            Some(position("2026-11-23T07:00:00Z")),
            Some(&failed),
        );
        assert_eq!(older.note, Some(NoPosition::RequestFailed));
        assert!(
            older.position.is_some(),
            "the last known position is still shown"
        );
    }

    /// What a CSV reader gets back, in English: a negative longitude stays a number, a name
    /// that would be a formula is defused, a message with `;`, quotes and a line break is whole.
    #[test]
    fn the_csv_reads_back_in_english() {
        let west = Position {
            longitude: -1.55,
            ..position("2026-11-23T09:00:00Z")
        };
        let devices = [
            LostDevice {
                device: row("+iPad C"),
                message: Some("Rapportez-moi; \"vie scolaire\"\nmerci".into()),
                phone: Some("05 61".into()),
                status: status(true, Some(true), Some(west), None),
            },
            LostDevice {
                device: row("iPad D"),
                message: None,
                phone: None,
                status: status(true, Some(false), None, None),
            },
        ];
        let csv = lost_devices_csv(&devices, crate::locale::Lang::En);
        let body = csv.strip_prefix('\u{feff}').expect("BOM");
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(body.as_bytes());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(&headers[0], "Device name");
        assert_eq!(&headers[10], "Note");
        let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            [
                &rows[0][0],
                &rows[0][4],
                &rows[0][6],
                &rows[0][7],
                &rows[0][10]
            ],
            [
                "'+iPad C",
                "Rapportez-moi; \"vie scolaire\"\nmerci",
                "43.600000",
                "-1.550000",
                ""
            ]
        );
        assert_eq!(&rows[1][10], "not supervised");
    }
}
