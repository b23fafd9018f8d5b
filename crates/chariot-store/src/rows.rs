//! What the store keeps per device: flat columns plus child lists, as the sync hands them over.

use crate::values::DeviceRole;

/// One device as stored in a snapshot.
#[derive(Debug, Clone, Default, PartialEq, Hash)]
pub struct DeviceRow {
    pub jamf_id: String,
    pub management_id: Option<String>,
    pub name: String,
    pub role: DeviceRole,
    pub role_reason: String,
    pub rne: Option<String>,
    pub cart: Option<String>,
    pub serial_number: Option<String>,
    pub udid: Option<String>,
    pub asset_tag: Option<String>,
    pub model: Option<String>,
    pub model_identifier: Option<String>,
    pub os_version: Option<String>,
    pub os_build: Option<String>,
    pub managed: Option<bool>,
    pub supervised: Option<bool>,
    pub shared_ipad: Option<bool>,
    pub resident_users: Option<i64>,
    pub quota_mb: Option<i64>,
    pub battery_level: Option<i64>,
    pub capacity_mb: Option<i64>,
    pub available_mb: Option<i64>,
    pub username: Option<String>,
    pub real_name: Option<String>,
    pub email: Option<String>,
    pub building: Option<String>,
    pub department: Option<String>,
    pub room: Option<String>,
    pub site_id: Option<String>,
    pub ip_address: Option<String>,
    pub wifi_mac: Option<String>,
    pub last_inventory_update: Option<String>,
    pub last_contact: Option<String>,
    pub lost_mode_enabled: Option<bool>,
    pub lost_mode_persistent: Option<bool>,
    pub lost_mode_message: Option<String>,
    pub lost_mode_phone: Option<String>,
    pub lost_mode_footnote: Option<String>,
    pub lost_position: Option<LostPosition>,
    pub apps: Vec<AppRow>,
    pub profiles: Vec<ProfileRow>,
    pub groups: Vec<GroupRow>,
    pub shared_users: Vec<SharedUserRow>,
}

/// Where a lost device last said it was.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LostPosition {
    pub latitude: f64,
    pub longitude: f64,
    pub accuracy_m: Option<f64>,
    /// RFC 3339.
    pub reported_at: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct AppRow {
    pub identifier: Option<String>,
    pub name: Option<String>,
    pub version: Option<String>,
    pub short_version: Option<String>,
    pub management_status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ProfileRow {
    pub display_name: Option<String>,
    pub identifier: Option<String>,
    pub uuid: Option<String>,
    pub version: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct GroupRow {
    pub group_id: Option<String>,
    pub group_name: Option<String>,
    pub smart: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct SharedUserRow {
    pub managed_apple_id: Option<String>,
    pub logged_in: Option<bool>,
    pub data_to_sync: Option<bool>,
}

impl std::hash::Hash for LostPosition {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.latitude.to_bits().hash(state);
        self.longitude.to_bits().hash(state);
        self.accuracy_m.map(f64::to_bits).hash(state);
        self.reported_at.hash(state);
    }
}

/// FNV-1a taken 8 bytes at a time (then byte by byte for the rest): deterministic across
/// runs and machines, unlike `DefaultHasher`'s random keys. Byte by byte it took ~2 % of a
/// full sync, on the thread that writes. Each step is a bijection of the state for a given
/// input, so two rows differing in a single word can never share a fingerprint. (The
/// fingerprint is stored; a new Rust, or this change, feeding it differently costs one sync
/// reporting every device as changed, never a missed change.)
struct Fnv(u64);

const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let word: [u8; 8] = word.try_into().expect("chunks of 8");
            self.0 = (self.0 ^ u64::from_le_bytes(word)).wrapping_mul(FNV_PRIME);
        }
        for byte in words.remainder() {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(FNV_PRIME);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl DeviceRow {
    /// A fingerprint of everything stored for the device, to tell "changed" from "seen
    /// again" without comparing columns. Hashed field by field: formatting the row as text
    /// first cost more than inserting it.
    pub fn content_hash(&self) -> i64 {
        fingerprint(self)
    }

    /// A fingerprint of the installed apps, naming the stored list ("app set") they share
    /// with every device that has the same ones; `None` without apps. 64 bits: two different
    /// lists of a school sharing one is too unlikely to guard against (~10⁻¹¹ for 10 000
    /// distinct lists).
    pub fn apps_fingerprint(&self) -> Option<i64> {
        list_fingerprint(&self.apps)
    }

    /// The same for the configuration profiles.
    pub fn profiles_fingerprint(&self) -> Option<i64> {
        list_fingerprint(&self.profiles)
    }
}

/// A fingerprint of a device's groups as (id, name) pairs, whatever their order (the sum of
/// each pair's): an incremental sync compares the server's with the snapshot's to see a
/// device that changed groups, or a group renamed (a cart's name is its group's), without
/// copying every name of the fleet. 0 for no group.
pub fn group_set_fingerprint<'a>(groups: impl IntoIterator<Item = (&'a str, &'a str)>) -> u64 {
    groups.into_iter().fold(0u64, |sum, pair| {
        sum.wrapping_add(fingerprint(&pair) as u64)
    })
}

fn list_fingerprint<T: std::hash::Hash>(items: &[T]) -> Option<i64> {
    (!items.is_empty()).then(|| fingerprint(&items))
}

fn fingerprint(value: &impl std::hash::Hash) -> i64 {
    use std::hash::Hasher;
    let mut hasher = Fnv(0xcbf2_9ce4_8422_2325);
    value.hash(&mut hasher);
    hasher.finish() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> DeviceRow {
        DeviceRow {
            jamf_id: "7".into(),
            name: "0311234A-2024-DMPXK00007".into(),
            apps: vec![AppRow {
                name: Some("Pronote".into()),
                version: Some("3.1".into()),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    #[test]
    fn a_group_set_fingerprint_ignores_order_and_follows_ids_and_names() {
        let set =
            |pairs: &[(&'static str, &'static str)]| group_set_fingerprint(pairs.iter().copied());
        let carts = [("12", "0311234A - Chariot 2"), ("3", "All Managed iPads")];
        assert_eq!(set(&carts), set(&[carts[1], carts[0]]));
        assert_eq!(set(&[]), 0);
        let others = [
            set(&[("12", "0311234A - Chariot 3"), carts[1]]),
            set(&[("13", "0311234A - Chariot 2"), carts[1]]),
            set(&[carts[0]]),
            set(&[("3", "0311234A - Chariot 2"), ("12", "All Managed iPads")]),
        ];
        for other in others {
            assert_ne!(other, set(&carts));
        }
    }

    #[test]
    fn the_fingerprint_follows_every_stored_field() {
        assert_eq!(row().content_hash(), row().content_hash());
        let mut app = row();
        app.apps[0].version = Some("3.2".into());
        let mut moved = row();
        moved.lost_position = Some(LostPosition {
            latitude: 43.6,
            longitude: 1.44,
            ..Default::default()
        });
        let mut further = moved.clone();
        if let Some(p) = further.lost_position.as_mut() {
            p.latitude = 43.7;
        }
        // Two fields swapping values must not collide either.
        let mut a = row();
        a.room = Some("B12".into());
        let mut b = row();
        b.building = Some("B12".into());
        let hashes = [
            row().content_hash(),
            app.content_hash(),
            moved.content_hash(),
            further.content_hash(),
            a.content_hash(),
            b.content_hash(),
        ];
        let distinct: std::collections::HashSet<_> = hashes.iter().collect();
        assert_eq!(distinct.len(), hashes.len());
    }
}
