//! One simulated iPad: identity, hardware, usage pattern and state, following the guide's
//! naming conventions for each role.

use super::generator::{Gen, SERIAL_CHARS, SchoolCtx};
use super::model::*;
use super::names::*;
use crate::rng::Rng;
use chrono::{Datelike, Duration};

impl Gen {
    pub(super) fn device(
        &mut self,
        ctx: &SchoolCtx,
        role: DeviceRole,
        cart: usize,
        prof_no: Option<usize>,
    ) -> u32 {
        let id = self.id(|n| &mut n.device);
        let r = &mut self.rng;
        let model = match role {
            DeviceRole::Student | DeviceRole::SharedTeacher => *r.pick(STUDENT_MODELS),
            DeviceRole::PersonalTeacher => *r.pick(TEACHER_MODELS),
        };
        let os_idx = r.range(0, max_os_index(&model) as i64) as usize;
        let (os_version, os_build) = OS_VERSIONS[os_idx];
        let serial: String = std::iter::once("DMP".to_string())
            .chain((0..9).map(|_| {
                (SERIAL_CHARS[(r.next_u64() % SERIAL_CHARS.len() as u64) as usize] as char)
                    .to_string()
            }))
            .collect();
        let enrolled_days = r.range(30, 1400);
        let enrolled_at =
            self.now - Duration::days(enrolled_days) - Duration::seconds(r.range(0, 86_399));
        let teacher_first = *r.pick(FIRST_NAMES);
        let teacher_last = *r.pick(LAST_NAMES);
        let name = match role {
            DeviceRole::Student => format!("{}-{}-{}", ctx.rne, enrolled_at.year(), serial),
            DeviceRole::SharedTeacher => format!("{}-Prof {}", ctx.rne, prof_no.unwrap_or(1)),
            DeviceRole::PersonalTeacher => format!("{teacher_first} {teacher_last}"),
        };
        // About one device in twelve sits forgotten in a cupboard and never checks in.
        let stale = r.chance(0.08);
        let last_inventory = if stale {
            self.now - Duration::days(r.range(14, 180)) - Duration::seconds(r.range(0, 86_399))
        } else {
            self.now - Duration::seconds(r.range(60, 6 * 3600))
        };
        let checkin_every_s = r.range(300, 900);
        let next_checkin =
            (!stale).then(|| self.now + Duration::seconds(r.range(5, checkin_every_s)));
        let supervised = role != DeviceRole::PersonalTeacher || r.chance(0.6);
        let shared_ipad = role == DeviceRole::Student;
        let mut shared_users = vec![];
        if shared_ipad {
            for k in 0..r.range(3, 10) {
                let f = r.pick(FIRST_NAMES).to_lowercase();
                let l = r.pick(LAST_NAMES).to_lowercase();
                shared_users.push(SharedUser {
                    managed_apple_id: format!("{f}.{l}{}@appleid.ecollege31.fr", r.range(1, 99)),
                    logged_in: k == 0 && r.chance(0.4),
                    data_to_sync: r.chance(0.15),
                });
            }
        }
        let used_base = match role {
            DeviceRole::Student => 0.45,
            _ => 0.3,
        };
        let available_mb = (model.capacity_mb as f64 * (1.0 - used_base - r.unit() * 0.45)) as i64;
        let mac = |r: &mut Rng| {
            (0..6)
                .map(|_| format!("{:02X}", r.next_u64() & 0xFF))
                .collect::<Vec<_>>()
                .join(":")
        };
        let wifi_mac = mac(r);
        let bluetooth_mac = mac(r);
        let (username, real_name, email, position) = match role {
            DeviceRole::PersonalTeacher => {
                let u = format!(
                    "{}.{}",
                    teacher_first.to_lowercase(),
                    teacher_last.to_lowercase()
                );
                (
                    u.clone(),
                    format!("{teacher_first} {teacher_last}"),
                    format!("{u}@ac-toulouse.fr"),
                    "Professeur".to_string(),
                )
            }
            _ => (String::new(), String::new(), String::new(), String::new()),
        };
        let department_id = Some(if role == DeviceRole::Student { 1 } else { 2 });
        let room = if cart > 0 {
            format!("Chariot {cart}")
        } else {
            "Salle des professeurs".into()
        };
        let cellular = model.cellular;
        let po_date = enrolled_at - Duration::days(r.range(5, 40));
        let mut d = Device {
            id,
            management_id: r.uuid(),
            udid: r.uuid().to_uppercase(),
            device_id: r.uuid(),
            serial,
            name,
            role,
            site_id: Some(ctx.site_id),
            building_id: Some(ctx.building_id),
            department_id,
            room,
            model,
            os_version: os_version.into(),
            os_build: os_build.into(),
            supervised,
            managed: true,
            shared_ipad,
            wifi_mac,
            bluetooth_mac,
            ip_address: format!("10.31.{}.{}", r.range(0, 40), r.range(2, 250)),
            asset_tag: format!("INV-{}", r.range(10_000, 99_999)),
            username,
            real_name,
            email,
            position,
            phone: String::new(),
            drain_per_hour: 4.0 + r.unit() * 6.0,
            charges_at_night: !r.chance(0.12),
            battery: 100,
            available_mb,
            initial_entry: enrolled_at,
            enrolled_at,
            last_inventory,
            last_contact: if stale {
                last_inventory + Duration::seconds(r.range(0, 600))
            } else {
                self.now - Duration::seconds(r.range(0, checkin_every_s))
            },
            next_checkin,
            checkin_every_s,
            inventory_every_s: r.range(2 * 3600, 6 * 3600),
            push_latency_s: r.range(2, 20),
            busy_until: None,
            powered_off_until: None,
            quota_mb: if shared_ipad { 4096 } else { 0 },
            max_users: if shared_ipad { 10 } else { 0 },
            shared_users,
            lost: None,
            passcode_present: !shared_ipad && r.chance(0.7),
            activation_lock: role == DeviceRole::PersonalTeacher && r.chance(0.5),
            apps: vec![],
            profile_ids: vec![],
            po_number: format!("BC-{}-{:04}", po_date.year(), r.range(1, 9999)),
            po_date,
            warranty_until: po_date + Duration::days(3 * 365),
            imei: if cellular {
                format!(
                    "35 {:06} {:06} {}",
                    r.range(0, 999_999),
                    r.range(0, 999_999),
                    r.range(0, 9)
                )
            } else {
                String::new()
            },
            iccid: if cellular {
                format!(
                    "8933 01{:02} {:04} {:04} {:04}",
                    r.range(0, 99),
                    r.range(0, 9999),
                    r.range(0, 9999),
                    r.range(0, 9999)
                )
            } else {
                String::new()
            },
            eid: if cellular {
                format!(
                    "89049032{:024}",
                    r.next_u64() as u128 * 1_000_000 % 10u128.pow(24)
                )
            } else {
                String::new()
            },
            time_zone: "Europe/Paris".into(),
            inventory_count: 0,
        };
        d.battery = super::engine::battery_at(&d, d.last_inventory);
        // A few devices are in Lost Mode, reported near the school (guide §2.4).
        if d.supervised && self.rng.chance(0.04) {
            let enabled = self.now - Duration::hours(self.rng.range(2, 24 * 20));
            let at = enabled + Duration::minutes(self.rng.range(1, 60));
            d.lost = Some(LostMode {
                message: format!(
                    "iPad du collège ({}) - merci de le rapporter à l'accueil",
                    ctx.rne
                ),
                phone: "05 61 00 00 00".into(),
                footnote: String::new(),
                enforced: true,
                issued_at: enabled,
                enabled_at: enabled,
                location: Some(super::engine::location_near(
                    ctx.lat,
                    ctx.lon,
                    self.rng.next_u64(),
                    at,
                )),
            });
        }
        self.w.devices.push(d);
        id
    }
}
