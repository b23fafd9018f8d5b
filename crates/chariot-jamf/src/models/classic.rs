//! The Classic API `security` subset: the only place with lost-mode coordinates.
//! `GET /JSSResource/mobiledevices/id/{id}/subset/Security` with `Accept: application/json`.

use serde::{Deserialize, Deserializer};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ClassicSecurity {
    /// A boolean, except that real servers send the string "Unsupervised Device" for
    /// unsupervised devices: kept as text and read with [`ClassicSecurity::lost_mode_on`].
    #[serde(deserialize_with = "loose_text")]
    pub lost_mode_enabled: Option<String>,
    #[serde(deserialize_with = "loose_text")]
    pub lost_mode_enforced: Option<String>,
    pub lost_mode_message: Option<String>,
    pub lost_mode_phone: Option<String>,
    pub lost_mode_footnote: Option<String>,
    pub lost_location_epoch: Option<i64>,
    pub lost_location_utc: Option<String>,
    pub lost_location_latitude: Option<f64>,
    pub lost_location_longitude: Option<f64>,
    pub lost_location_altitude: Option<f64>,
    pub lost_location_horizontal_accuracy: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClassicLostModeLocation {
    pub latitude: f64,
    pub longitude: f64,
    /// Metres; `None` when the server says -1 (unknown).
    pub accuracy_m: Option<f64>,
    pub reported_at_epoch_ms: Option<i64>,
}

impl ClassicSecurity {
    pub fn lost_mode_on(&self) -> bool {
        matches!(self.lost_mode_enabled.as_deref(), Some("true"))
    }

    /// The last reported position; `0.0/0.0` means "none" in Jamf's data.
    pub fn location(&self) -> Option<ClassicLostModeLocation> {
        let (lat, lon) = (self.lost_location_latitude?, self.lost_location_longitude?);
        if lat == 0.0 && lon == 0.0
            || !(-90.0..=90.0).contains(&lat)
            || !(-180.0..=180.0).contains(&lon)
        {
            return None;
        }
        Some(ClassicLostModeLocation {
            latitude: lat,
            longitude: lon,
            accuracy_m: self.lost_location_horizontal_accuracy.filter(|a| *a >= 0.0),
            reported_at_epoch_ms: self.lost_location_epoch.filter(|e| *e > 0),
        })
    }
}

/// A Classic subset answer: `{"mobile_device": {"security": {...}}}` (the wrapper real servers
/// send), or the bare `{"security": {...}}` of some documentation examples.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ClassicDeviceSecurity {
    #[serde(default)]
    mobile_device: Option<SecurityOnly>,
    #[serde(default)]
    security: Option<ClassicSecurity>,
}

#[derive(Debug, Clone, Default, Deserialize)]
struct SecurityOnly {
    // Real servers send `security`; Jamf's documentation model calls it `security_object`.
    #[serde(default, alias = "security_object")]
    security: ClassicSecurity,
}

impl ClassicDeviceSecurity {
    pub fn into_security(self) -> ClassicSecurity {
        self.mobile_device
            .map(|m| m.security)
            .or(self.security)
            .unwrap_or_default()
    }
}

/// Accepts a bool, a string or a number and keeps its text.
fn loose_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let v = Option::<serde_json::Value>::deserialize(d)?;
    Ok(match v {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(other) => Some(other.to_string()),
    })
}
