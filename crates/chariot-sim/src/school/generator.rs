//! Deterministic demo-school generator.
//!
//! Follows the French school guide: each school (a Site named after its RNE) has carts of
//! 15 student iPads named `RNE-YEAR-SERIAL` (Shared iPad, supervised, up to 10 cached
//! students) and 4 shared teacher iPads `RNE-Prof N`, plus personal teacher iPads named
//! after their teacher. Everything derives from the seed and the start instant, so two runs
//! with the same inputs serve byte-identical data.

use super::model::*;
use super::names::*;
use super::world::World;
use crate::rng::Rng;
use chrono::{DateTime, Duration, Utc};

pub const STUDENTS_PER_CART: usize = 15;
pub const TEACHERS_PER_CART: usize = 4;
/// The default demo: one school with two carts (38 iPads).
pub const DEFAULT_DEVICES: usize = 2 * (STUDENTS_PER_CART + TEACHERS_PER_CART);
pub const MAX_DEVICES: usize = 200_000;

/// Generates the tenant. `devices == 0` means the default school.
pub fn generate(seed: u64, devices: usize, now: DateTime<Utc>) -> World {
    let target = if devices == 0 {
        DEFAULT_DEVICES
    } else {
        devices.min(MAX_DEVICES)
    };
    let mut g = Gen {
        rng: Rng::new(seed),
        w: World::empty(seed, now),
        now,
    };
    g.reference_objects();
    g.global_group();
    let mut school_no = 0usize;
    while g.w.devices.len() < target {
        let left = target - g.w.devices.len();
        g.school(school_no, left, devices == 0);
        school_no += 1;
    }
    g.catalog_apps();
    g.install_apps_and_profiles();
    g.past_commands();
    g.w.touch();
    g.w
}

pub(super) struct Gen {
    pub(super) rng: Rng,
    pub(super) w: World,
    pub(super) now: DateTime<Utc>,
}

/// UAI/RNE check letter: the 7-digit number modulo 23 over the alphabet without I, O, Q.
pub fn rne_letter(number: u32) -> char {
    const A: &[u8] = b"ABCDEFGHJKLMNPRSTUVWXYZ";
    A[(number % 23) as usize] as char
}

pub(super) const SERIAL_CHARS: &[u8] = b"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

impl Gen {
    pub(super) fn id<F: FnOnce(&mut super::world::NextIds) -> &mut u32>(&mut self, f: F) -> u32 {
        let slot = f(&mut self.w.next);
        *slot += 1;
        *slot
    }

    fn reference_objects(&mut self) {
        for (i, name) in CATEGORIES.iter().enumerate() {
            let id = self.id(|n| &mut n.category);
            self.w.categories.push(Category {
                id,
                name: name.to_string(),
                priority: 9 - i as i64,
            });
        }
        for name in ["Élèves", "Professeurs", "Administration"] {
            let id = self.id(|n| &mut n.department);
            self.w.departments.push(Department {
                id,
                name: name.to_string(),
            });
        }
    }

    fn global_group(&mut self) {
        let id = self.id(|n| &mut n.group);
        self.w.groups.push(Group {
            id,
            name: "All Managed iPads".into(),
            description: String::new(),
            site_id: None,
            smart: true,
            criteria: vec![crit(0, "and", "Model", "like", "iPad")],
            members: vec![],
        });
    }

    fn school(&mut self, no: usize, budget: usize, default_school: bool) {
        let rng = &mut self.rng;
        let number = 310_000 + ((no as u32 * 7919 + rng.range(0, 7000) as u32) % 9999);
        let rne = format!("{:07}{}", number, rne_letter(number));
        let (town, lat, lon) = *rng.pick(TOWNS);
        let patron = *rng.pick(SCHOOL_PATRONS);
        let carts = if default_school {
            2
        } else {
            rng.range(2, 4) as usize
        };
        let personal = if default_school {
            0
        } else {
            rng.range(4, 8) as usize
        };
        let lat = lat + rng.range(-200, 200) as f64 / 10_000.0;
        let lon = lon + rng.range(-200, 200) as f64 / 10_000.0;

        let site_id = self.id(|n| &mut n.site);
        self.w.sites.push(Site {
            id: site_id,
            name: format!("{rne} - Collège {patron}"),
            rne: rne.clone(),
            city: town.into(),
            latitude: lat,
            longitude: lon,
        });
        let building_id = self.id(|n| &mut n.building);
        let street_no = self.rng.range(1, 120);
        let street = *self.rng.pick(STREETS);
        self.w.buildings.push(Building {
            id: building_id,
            name: format!("Collège {patron} ({town})"),
            street: format!("{street_no} {street}"),
            city: town.into(),
            zip: format!("31{:03}", self.rng.range(0, 999)),
            country: "France".into(),
        });
        let vpp_id = self.id(|n| &mut n.vpp);
        let expiration = self.now + Duration::days(self.rng.range(20, 330));
        self.w.vpp_accounts.push(VppAccount {
            id: vpp_id,
            name: format!("ASM {rne}"),
            contact: format!("Référent numérique {rne}"),
            account_name: format!("Collège {patron}"),
            expiration,
            location_name: format!("Collège {patron}"),
            country: "FR".into(),
            apple_id: format!("vpp+{}@ecollege31.fr", rne.to_lowercase()),
            site_id: Some(site_id),
        });

        let ctx = SchoolCtx {
            site_id,
            building_id,
            rne: rne.clone(),
            lat,
            lon,
        };
        let mut teacher_ids = vec![];
        let mut budget = budget;
        let mut cart_groups = vec![];
        for cart in 1..=carts {
            if budget == 0 {
                break;
            }
            let mut members = vec![];
            for _ in 0..STUDENTS_PER_CART.min(budget) {
                members.push(self.device(&ctx, DeviceRole::Student, cart, None));
                budget -= 1;
            }
            for k in 0..TEACHERS_PER_CART.min(budget) {
                let n = (cart - 1) * TEACHERS_PER_CART + k + 1;
                let id = self.device(&ctx, DeviceRole::SharedTeacher, cart, Some(n));
                members.push(id);
                teacher_ids.push(id);
                budget -= 1;
            }
            cart_groups.push((format!("{rne} - Chariot {cart}"), members));
        }
        for _ in 0..personal.min(budget) {
            teacher_ids.push(self.device(&ctx, DeviceRole::PersonalTeacher, 0, None));
        }
        self.school_groups(&ctx, cart_groups, teacher_ids);
        self.school_profiles(&ctx);
    }

    fn school_groups(
        &mut self,
        ctx: &SchoolCtx,
        carts: Vec<(String, Vec<u32>)>,
        teachers: Vec<u32>,
    ) {
        let rne = &ctx.rne;
        let site = Some(ctx.site_id);
        for (name, members) in carts {
            let id = self.id(|n| &mut n.group);
            self.w.groups.push(Group {
                id,
                name,
                description: "Chariot d'iPad".into(),
                site_id: site,
                smart: false,
                criteria: vec![],
                members,
            });
        }
        let prof = format!("{rne} - Professeurs");
        let id = self.id(|n| &mut n.group);
        self.w.groups.push(Group {
            id,
            name: prof.clone(),
            description: "iPad des enseignants".into(),
            site_id: site,
            smart: false,
            criteria: vec![],
            members: teachers,
        });
        let latest_major = OS_VERSIONS.last().map(|v| v.0).unwrap_or("26.0");
        let smart: Vec<(String, Vec<Criterion>)> = vec![
            (
                format!("{rne} - iPad élèves"),
                vec![crit(0, "and", "Shared iPad", "is", "Yes")],
            ),
            (
                format!("{rne} - Prêts pour la mise à jour"),
                vec![
                    crit(0, "and", "Battery Level", "more than", "60"),
                    crit(1, "and", "Available Space MB", "more than", "2048"),
                    crit(2, "and", "OS Version", "less than", latest_major),
                    crit(3, "and", "Mobile Device Group", "not member of", &prof),
                ],
            ),
            (
                format!("{rne} - Mode perdu"),
                vec![crit(0, "and", "Lost Mode Enabled", "is", "Yes")],
            ),
            (
                format!("{rne} - Inventaire de plus de 7 jours"),
                vec![crit(
                    0,
                    "and",
                    "Last Inventory Update",
                    "more than x days ago",
                    "7",
                )],
            ),
        ];
        for (name, criteria) in smart {
            let id = self.id(|n| &mut n.group);
            self.w.groups.push(Group {
                id,
                name,
                description: String::new(),
                site_id: site,
                smart: true,
                criteria,
                members: vec![],
            });
        }
    }

    fn catalog_apps(&mut self) {
        let vpp = self
            .w
            .vpp_accounts
            .first()
            .map(|v| v.id as i64)
            .unwrap_or(-1);
        let n_devices = self.w.devices.len() as i64;
        for (name, bundle, version, adam, cat, size, teachers) in CATALOG_APPS.iter().copied() {
            let id = self.id(|n| &mut n.app);
            let category_id = self
                .w
                .categories
                .iter()
                .find(|c| c.name == cat)
                .map(|c| c.id);
            let group_ids: Vec<u32> = if teachers {
                self.w
                    .groups
                    .iter()
                    .filter(|g| g.name.ends_with("Professeurs"))
                    .map(|g| g.id)
                    .collect()
            } else {
                vec![]
            };
            let self_service = self.rng.chance(0.25);
            let device_based = vpp > 0 && !name.starts_with("Jamf");
            self.w.apps.push(App {
                id,
                name: name.into(),
                bundle_id: bundle.into(),
                version: version.into(),
                adam_id: adam,
                site_id: None,
                category_id,
                deployment_type: if self_service {
                    "Make Available in Self Service".into()
                } else {
                    "Install Automatically/Prompt Users to Install".into()
                },
                self_service,
                keep_updated: self.rng.chance(0.8),
                free: true,
                description: format!("{name} pour les iPad du collège"),
                scope: Scope {
                    all_mobile_devices: !teachers,
                    targets: ScopeTargets {
                        group_ids,
                        ..Default::default()
                    },
                    ..Default::default()
                },
                vpp: VppSettings {
                    device_based,
                    account_id: if device_based { vpp } else { -1 },
                    total_licenses: n_devices + self.rng.range(0, 20),
                },
                size_kb: size,
                opts: AppOptions {
                    keep_description_up_to_date: true,
                    remove_with_mdm_profile: true,
                    self_service_description: if self_service {
                        format!("{name} pour les iPad du collège")
                    } else {
                        String::new()
                    },
                    ..AppOptions::default()
                },
            });
        }
    }

    fn install_apps_and_profiles(&mut self) {
        let apps = self.w.apps.clone();
        let profiles = self.w.profiles.clone();
        let mut installs: Vec<(u32, Vec<InstalledApp>)> = vec![];
        for app in &apps {
            let scoped = self.w.scoped_devices(&app.scope);
            for d in scoped {
                if app.self_service && !self.rng.chance(0.5) {
                    continue;
                }
                installs.push((
                    d,
                    vec![InstalledApp {
                        app_id: Some(app.id),
                        name: app.name.clone(),
                        bundle_id: app.bundle_id.clone(),
                        version: app.version.clone(),
                        size_kb: app.size_kb,
                    }],
                ));
            }
        }
        for (d, apps) in installs {
            if let Some(dev) = self.w.device_mut(d) {
                dev.apps.extend(apps);
            }
        }
        for p in &profiles {
            for d in self.w.scoped_devices(&p.scope) {
                // Stale devices never received the newest profiles: the guide's "en attente".
                let r = self.rng.chance(0.9);
                if let Some(dev) = self
                    .w
                    .device_mut(d)
                    .filter(|dev| r && dev.next_checkin.is_some())
                {
                    dev.profile_ids.push(p.id);
                }
            }
        }
        let others = OTHER_APPS;
        for i in 0..self.w.devices.len() {
            if self.w.devices[i].role == DeviceRole::PersonalTeacher {
                let k = self.rng.range(1, others.len() as i64) as usize;
                for (name, bundle, version, size) in others.iter().take(k) {
                    self.w.devices[i].apps.push(InstalledApp {
                        app_id: None,
                        name: name.to_string(),
                        bundle_id: bundle.to_string(),
                        version: version.to_string(),
                        size_kb: *size,
                    });
                }
            }
        }
    }
}

pub(super) struct SchoolCtx {
    pub(super) site_id: u32,
    pub(super) building_id: u32,
    pub(super) rne: String,
    pub(super) lat: f64,
    pub(super) lon: f64,
}

pub fn crit(priority: u32, and_or: &str, name: &str, search_type: &str, value: &str) -> Criterion {
    Criterion {
        name: name.into(),
        priority,
        and_or: and_or.into(),
        search_type: search_type.into(),
        value: value.into(),
        opening_paren: false,
        closing_paren: false,
    }
}
