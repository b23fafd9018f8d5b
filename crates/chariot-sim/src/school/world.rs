//! The whole tenant state behind one lock, plus lookups and cached group membership.

use super::criteria;
use super::model::*;
use crate::commands::Command;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::sync::Arc;

/// device id → the ids of the groups it belongs to, sorted; shared, read-only.
pub type GroupsByDevice = Arc<HashMap<u32, Vec<u32>>>;

/// Managed Software Update state (reference §5.6).
#[derive(Debug, Clone, Default)]
pub struct MsuState {
    pub toggle: bool,
    pub plans: Vec<MsuPlan>,
    /// Plan-creation timestamps, for the 429 "Rate limit exceeded" behaviour.
    pub recent_plan_posts: Vec<DateTime<Utc>>,
}

#[derive(Debug, Clone)]
pub struct MsuPlan {
    pub plan_id: String,
    pub device_id: u32,
    pub update_action: String,
    pub version_type: String,
    pub specific_version: String,
    pub max_deferrals: i64,
    pub force_install_local_date_time: Option<String>,
    pub created: DateTime<Utc>,
    /// Set at creation when the device cannot take the plan (e.g. `NOT_SUPERVISED`).
    pub error_reasons: Vec<String>,
    /// The device's OS version was moved to the plan's target (done once, when completed).
    pub applied: bool,
}

#[derive(Debug, Clone, Default)]
pub struct NextIds {
    pub device: u32,
    pub group: u32,
    pub profile: u32,
    pub app: u32,
    pub category: u32,
    pub building: u32,
    pub department: u32,
    pub site: u32,
    pub vpp: u32,
}

#[derive(Debug, Clone)]
pub struct World {
    pub seed: u64,
    pub devices: Vec<Device>,
    pub groups: Vec<Group>,
    pub profiles: Vec<Profile>,
    pub apps: Vec<App>,
    pub sites: Vec<Site>,
    pub categories: Vec<Category>,
    pub buildings: Vec<Building>,
    pub departments: Vec<Department>,
    pub vpp_accounts: Vec<VppAccount>,
    pub commands: Vec<Command>,
    pub next: NextIds,
    pub msu: MsuState,
    /// Simulated instant up to which device behaviour has been computed.
    pub computed_until: DateTime<Utc>,
    /// Bumped on every change that can alter group membership.
    pub version: u64,
    membership: Option<(u64, HashMap<u32, Vec<u32>>)>,
    /// The same membership inverted (device → its groups), for the same version: every
    /// inventory page and Classic read needs it, and rebuilding it per request made the
    /// simulator, not the client, the bottleneck of a district-sized sync.
    by_device: Option<(u64, GroupsByDevice)>,
    /// Serial counter for runtime-created objects (commands, churned devices).
    pub runtime_counter: u64,
}

impl World {
    pub fn empty(seed: u64, now: DateTime<Utc>) -> Self {
        World {
            seed,
            devices: vec![],
            groups: vec![],
            profiles: vec![],
            apps: vec![],
            sites: vec![],
            categories: vec![],
            buildings: vec![],
            departments: vec![],
            vpp_accounts: vec![],
            commands: vec![],
            next: NextIds::default(),
            // The demo school updates its iPads through Jamf: the feature is on (a test turns it
            // off to see the 503).
            msu: MsuState {
                toggle: true,
                ..MsuState::default()
            },
            computed_until: now,
            version: 0,
            membership: None,
            by_device: None,
            runtime_counter: 0,
        }
    }

    pub fn touch(&mut self) {
        self.version += 1;
    }

    /// Devices are kept sorted by id, so lookups are binary searches.
    pub fn device_index(&self, id: u32) -> Option<usize> {
        self.devices.binary_search_by_key(&id, |d| d.id).ok()
    }

    pub fn device(&self, id: u32) -> Option<&Device> {
        self.device_index(id).map(|i| &self.devices[i])
    }

    pub fn device_mut(&mut self, id: u32) -> Option<&mut Device> {
        self.device_index(id).map(move |i| &mut self.devices[i])
    }

    pub fn device_by_management_id(&self, mid: &str) -> Option<&Device> {
        self.devices
            .iter()
            .find(|d| d.management_id.eq_ignore_ascii_case(mid))
    }

    pub fn site(&self, id: Option<u32>) -> Option<&Site> {
        id.and_then(|id| self.sites.iter().find(|s| s.id == id))
    }

    pub fn building(&self, id: Option<u32>) -> Option<&Building> {
        id.and_then(|id| self.buildings.iter().find(|s| s.id == id))
    }

    pub fn department(&self, id: Option<u32>) -> Option<&Department> {
        id.and_then(|id| self.departments.iter().find(|s| s.id == id))
    }

    pub fn category(&self, id: Option<u32>) -> Option<&Category> {
        id.and_then(|id| self.categories.iter().find(|s| s.id == id))
    }

    pub fn group(&self, id: u32) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// Members of every group, recomputed only when the world changed.
    pub fn memberships(&mut self) -> &HashMap<u32, Vec<u32>> {
        let stale = !matches!(&self.membership, Some((v, _)) if *v == self.version);
        if stale {
            let m = criteria::compute_all(self, self.computed_until);
            self.membership = Some((self.version, m));
        }
        &self.membership.as_ref().expect("just computed").1
    }

    pub fn members(&mut self, group_id: u32) -> Vec<u32> {
        self.memberships()
            .get(&group_id)
            .cloned()
            .unwrap_or_default()
    }

    /// device id → the groups it belongs to (sorted), computed once per version.
    pub fn groups_by_device(&mut self) -> GroupsByDevice {
        if let Some((v, m)) = &self.by_device
            && *v == self.version
        {
            return m.clone();
        }
        let mut out: HashMap<u32, Vec<u32>> = HashMap::new();
        for (gid, members) in self.memberships() {
            for d in members {
                out.entry(*d).or_default().push(*gid);
            }
        }
        for v in out.values_mut() {
            v.sort_unstable();
        }
        let out = Arc::new(out);
        self.by_device = Some((self.version, out.clone()));
        out
    }

    /// Devices in a profile or app scope (targets minus exclusions). Works from group
    /// membership rather than scanning every device per group, so a district stays fast.
    pub fn scoped_devices(&mut self, scope: &Scope) -> Vec<u32> {
        self.memberships();
        let members = &self.membership.as_ref().expect("computed above").1;
        let devices = &self.devices;
        let collect = |t: &ScopeTargets| -> std::collections::BTreeSet<u32> {
            let mut out: std::collections::BTreeSet<u32> = t.device_ids.iter().copied().collect();
            for g in &t.group_ids {
                out.extend(members.get(g).into_iter().flatten().copied());
            }
            if !t.building_ids.is_empty() || !t.department_ids.is_empty() {
                out.extend(
                    devices
                        .iter()
                        .filter(|d| {
                            t.building_ids.iter().any(|b| Some(*b) == d.building_id)
                                || t.department_ids.iter().any(|b| Some(*b) == d.department_id)
                        })
                        .map(|d| d.id),
                );
            }
            out
        };
        let excluded = collect(&scope.exclusions);
        let base: Vec<u32> = if scope.all_mobile_devices {
            devices.iter().map(|d| d.id).collect()
        } else {
            collect(&scope.targets)
                .into_iter()
                .filter(|id| self.device_index(*id).is_some())
                .collect()
        };
        base.into_iter()
            .filter(|id| !excluded.contains(id))
            .collect()
    }

    pub fn new_uuid(&mut self) -> String {
        self.runtime_counter += 1;
        let mut r = crate::rng::Rng::new(crate::rng::mix2(self.seed, self.runtime_counter));
        r.uuid()
    }
}
