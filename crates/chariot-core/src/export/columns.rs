//! The columns an export can hold: each one's key (for `--columns` and the app's column
//! chooser), its French and English headers, and how its value is read from a device row.

use chariot_store::DeviceListRow;

use crate::labels::Text;
use crate::locale::Lang;

/// A column of the inventory: key (for `--columns`), headers, how to read it.
pub struct Column {
    pub key: &'static str,
    pub fr: &'static str,
    pub en: &'static str,
    /// Identifier-like: kept as text in spreadsheets.
    pub text_id: bool,
    pub value: fn(&DeviceListRow) -> String,
}

impl Column {
    /// The header in the language asked for.
    pub fn header(&self, lang: Lang) -> &'static str {
        Text::new(self.fr, self.en).get(lang)
    }
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

fn yes_no(v: Option<bool>) -> String {
    match v {
        Some(true) => "1".into(),
        Some(false) => "0".into(),
        None => String::new(),
    }
}

pub const COLUMNS: &[Column] = &[
    Column {
        key: "name",
        fr: "Nom de l'appareil",
        en: "Device name",
        text_id: false,
        value: |d| d.name.clone(),
    },
    Column {
        key: "role",
        fr: "Rôle",
        en: "Role",
        text_id: false,
        value: |d| d.role.clone(),
    },
    Column {
        key: "cart",
        fr: "Chariot",
        en: "Cart",
        text_id: false,
        value: |d| opt(&d.cart),
    },
    Column {
        key: "serial",
        fr: "Numéro de série",
        en: "Serial number",
        text_id: true,
        value: |d| opt(&d.serial_number),
    },
    Column {
        key: "asset-tag",
        fr: "Numéro d'inventaire",
        en: "Asset tag",
        text_id: true,
        value: |d| opt(&d.asset_tag),
    },
    Column {
        key: "model",
        fr: "Modèle",
        en: "Model",
        text_id: false,
        value: |d| opt(&d.model),
    },
    Column {
        key: "os",
        fr: "Version d'iOS",
        en: "iOS version",
        text_id: true,
        value: |d| opt(&d.os_version),
    },
    Column {
        key: "battery",
        fr: "Batterie (%)",
        en: "Battery (%)",
        text_id: false,
        value: |d| opt(&d.battery_level),
    },
    Column {
        key: "capacity-mb",
        fr: "Capacité (Mo)",
        en: "Capacity (MB)",
        text_id: false,
        value: |d| opt(&d.capacity_mb),
    },
    Column {
        key: "free-mb",
        fr: "Espace libre (Mo)",
        en: "Free space (MB)",
        text_id: false,
        value: |d| opt(&d.available_mb),
    },
    Column {
        key: "user",
        fr: "Utilisateur",
        en: "User",
        text_id: false,
        value: |d| opt(&d.username),
    },
    Column {
        key: "supervised",
        fr: "Supervisé",
        en: "Supervised",
        text_id: false,
        value: |d| yes_no(d.supervised),
    },
    Column {
        key: "shared-ipad",
        fr: "iPad partagé",
        en: "Shared iPad",
        text_id: false,
        value: |d| yes_no(d.shared_ipad),
    },
    Column {
        key: "lost-mode",
        fr: "Mode perdu",
        en: "Lost mode",
        text_id: false,
        value: |d| yes_no(d.lost_mode_enabled),
    },
    Column {
        key: "last-inventory",
        fr: "Dernière mise à jour de l'inventaire",
        en: "Last inventory update",
        text_id: false,
        value: |d| opt(&d.last_inventory_update),
    },
    Column {
        key: "jamf-id",
        fr: "ID Jamf",
        en: "Jamf ID",
        text_id: true,
        value: |d| d.jamf_id.clone(),
    },
];

/// The default columns, close to the guide's inventory view.
pub const DEFAULT_COLUMNS: &[&str] = &[
    "name",
    "serial",
    "model",
    "os",
    "battery",
    "free-mb",
    "user",
    "last-inventory",
];

/// Resolves `--columns a,b,c`; an unknown key is an error listing the valid ones.
pub fn columns(keys: &[&str]) -> Result<Vec<&'static Column>, String> {
    keys.iter()
        .map(|k| {
            COLUMNS.iter().find(|c| c.key == k.trim()).ok_or_else(|| {
                let known: Vec<_> = COLUMNS.iter().map(|c| c.key).collect();
                format!("unknown column `{k}`; known columns: {}", known.join(", "))
            })
        })
        .collect()
}
