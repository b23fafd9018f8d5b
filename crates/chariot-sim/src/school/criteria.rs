//! Smart-group criteria, evaluated by the simulator the way Jamf Pro does: each criterion
//! is `name search_type value`, joined with and/or (and binds tighter, as in SQL) and
//! optional parentheses. Values for boolean criteria ("Yes"/"No") are a [guess] (reference §12).

use super::model::*;
use super::world::World;
use chrono::{DateTime, NaiveDate, Utc};
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

/// Members of every group (sorted device ids).
pub fn compute_all(w: &World, now: DateTime<Utc>) -> HashMap<u32, Vec<u32>> {
    let mut done: HashMap<u32, Vec<u32>> = HashMap::new();
    let by_site = {
        let mut m: HashMap<Option<u32>, Vec<usize>> = HashMap::new();
        for (i, d) in w.devices.iter().enumerate() {
            m.entry(d.site_id).or_default().push(i);
        }
        m
    };
    for g in &w.groups {
        let mut visiting = HashSet::new();
        resolve(w, g.id, now, &by_site, &mut done, &mut visiting);
    }
    done
}

fn resolve(
    w: &World,
    gid: u32,
    now: DateTime<Utc>,
    by_site: &HashMap<Option<u32>, Vec<usize>>,
    done: &mut HashMap<u32, Vec<u32>>,
    visiting: &mut HashSet<u32>,
) -> Vec<u32> {
    if let Some(m) = done.get(&gid) {
        return m.clone();
    }
    let Some(g) = w.group(gid) else { return vec![] };
    // A group that (indirectly) refers to itself is empty rather than an infinite loop.
    if !visiting.insert(gid) {
        return vec![];
    }
    let mut members: Vec<u32> = if g.smart {
        // Smart groups of a site only ever contain that site's devices.
        let candidates: Vec<usize> = match g.site_id {
            Some(_) => by_site.get(&g.site_id).cloned().unwrap_or_default(),
            None => (0..w.devices.len()).collect(),
        };
        let mut refs: HashMap<String, Vec<u32>> = HashMap::new();
        for c in &g.criteria {
            if c.name == "Mobile Device Group" {
                let target = w
                    .groups
                    .iter()
                    .find(|x| x.name.eq_ignore_ascii_case(&c.value))
                    .map(|x| x.id);
                let m = target
                    .map(|t| resolve(w, t, now, by_site, done, visiting))
                    .unwrap_or_default();
                refs.insert(c.value.to_lowercase(), m);
            }
        }
        candidates
            .into_iter()
            .map(|i| &w.devices[i])
            .filter(|d| matches_all(w, &g.criteria, d, now, &refs))
            .map(|d| d.id)
            .collect()
    } else {
        g.members
            .iter()
            .copied()
            .filter(|id| w.device_index(*id).is_some())
            .collect()
    };
    members.sort_unstable();
    members.dedup();
    visiting.remove(&gid);
    done.insert(gid, members.clone());
    members
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Val(bool),
    And,
    Or,
    Open,
    Close,
}

fn matches_all(
    w: &World,
    criteria: &[Criterion],
    d: &Device,
    now: DateTime<Utc>,
    refs: &HashMap<String, Vec<u32>>,
) -> bool {
    let mut sorted: Vec<&Criterion> = criteria.iter().collect();
    sorted.sort_by_key(|c| c.priority);
    let mut toks = vec![];
    for (i, c) in sorted.iter().enumerate() {
        if i > 0 {
            // Jamf stores anything but "or" as "and" (reference §6.1).
            toks.push(if c.and_or.eq_ignore_ascii_case("or") {
                Tok::Or
            } else {
                Tok::And
            });
        }
        if c.opening_paren {
            toks.push(Tok::Open);
        }
        toks.push(Tok::Val(matches(w, c, d, now, refs)));
        if c.closing_paren {
            toks.push(Tok::Close);
        }
    }
    if toks.is_empty() {
        return true;
    }
    let mut pos = 0;
    eval_or(&toks, &mut pos)
}

fn eval_or(t: &[Tok], pos: &mut usize) -> bool {
    let mut v = eval_and(t, pos);
    while *pos < t.len() && t[*pos] == Tok::Or {
        *pos += 1;
        let r = eval_and(t, pos);
        v = v || r;
    }
    v
}

fn eval_and(t: &[Tok], pos: &mut usize) -> bool {
    let mut v = eval_atom(t, pos);
    while *pos < t.len() && t[*pos] == Tok::And {
        *pos += 1;
        let r = eval_atom(t, pos);
        v = v && r;
    }
    v
}

fn eval_atom(t: &[Tok], pos: &mut usize) -> bool {
    match t.get(*pos) {
        Some(Tok::Open) => {
            *pos += 1;
            let v = eval_or(t, pos);
            if t.get(*pos) == Some(&Tok::Close) {
                *pos += 1;
            }
            v
        }
        Some(Tok::Val(v)) => {
            *pos += 1;
            *v
        }
        _ => {
            *pos += 1;
            false
        }
    }
}

enum Field {
    Text(String),
    Num(f64),
    Version(String),
    Date(DateTime<Utc>),
    Many(Vec<String>),
    Group,
    Unknown,
}

fn field(w: &World, name: &str, d: &Device) -> Field {
    let yes = |b: bool| Field::Text(if b { "Yes" } else { "No" }.into());
    match name {
        "Battery Level" => Field::Num(d.battery_level() as f64),
        "Available Space MB" => Field::Num(d.available_mb as f64),
        "Capacity MB" => Field::Num(d.model.capacity_mb as f64),
        "Used Space Percentage" => Field::Num(d.used_percent() as f64),
        "Number of Users" | "Resident Users" => Field::Num(d.shared_users.len() as f64),
        "OS Version" | "iOS Version" => Field::Version(d.os_version.clone()),
        "OS Build" | "iOS Build" => Field::Text(d.os_build.clone()),
        "Model" => Field::Text(d.model.name.into()),
        "Model Identifier" => Field::Text(d.model.identifier.into()),
        "Model Number" => Field::Text(d.model.number.into()),
        "Serial Number" => Field::Text(d.serial.clone()),
        "Display Name" | "Device Name" => Field::Text(d.name.clone()),
        "Shared iPad" => yes(d.shared_ipad),
        "Lost Mode Enabled" => yes(d.lost.is_some()),
        "Supervised" => yes(d.supervised),
        "Managed" => yes(d.managed),
        "Building" => Field::Text(
            w.building(d.building_id)
                .map(|b| b.name.clone())
                .unwrap_or_default(),
        ),
        "Department" => Field::Text(
            w.department(d.department_id)
                .map(|b| b.name.clone())
                .unwrap_or_default(),
        ),
        "Room" => Field::Text(d.room.clone()),
        "Username" => Field::Text(d.username.clone()),
        "Asset Tag" => Field::Text(d.asset_tag.clone()),
        "Last Inventory Update" => Field::Date(d.last_inventory),
        "Last Enrollment" => Field::Date(d.enrolled_at),
        "App Name" => Field::Many(d.apps.iter().map(|a| a.name.clone()).collect()),
        "App Identifier" => Field::Many(d.apps.iter().map(|a| a.bundle_id.clone()).collect()),
        "Profile Name" => Field::Many(
            d.profile_ids
                .iter()
                .filter_map(|p| w.profiles.iter().find(|x| x.id == *p))
                .map(|p| p.name.clone())
                .collect(),
        ),
        "Mobile Device Group" => Field::Group,
        _ => Field::Unknown,
    }
}

/// Compares dotted version strings numerically ("9.3" < "17.0.1").
pub fn cmp_version(a: &str, b: &str) -> Ordering {
    let parse = |s: &str| {
        s.split('.')
            .map(|p| p.trim().parse::<u64>().unwrap_or(0))
            .collect::<Vec<_>>()
    };
    let (mut x, mut y) = (parse(a), parse(b));
    let n = x.len().max(y.len());
    x.resize(n, 0);
    y.resize(n, 0);
    x.cmp(&y)
}

fn like(hay: &str, needle: &str) -> bool {
    hay.to_lowercase().contains(&needle.to_lowercase())
}

fn matches(
    w: &World,
    c: &Criterion,
    d: &Device,
    now: DateTime<Utc>,
    refs: &HashMap<String, Vec<u32>>,
) -> bool {
    let op = c.search_type.to_lowercase();
    let v = c.value.as_str();
    let num = v.trim().parse::<f64>().ok();
    match field(w, &c.name, d) {
        Field::Group => {
            let member = refs
                .get(&v.to_lowercase())
                .is_some_and(|m| m.binary_search(&d.id).is_ok());
            match op.as_str() {
                "member of" => member,
                "not member of" => !member,
                _ => false,
            }
        }
        Field::Num(x) => match (op.as_str(), num) {
            ("is", Some(n)) => x == n,
            ("is not", Some(n)) => x != n,
            ("more than" | "greater than", Some(n)) => x > n,
            ("less than", Some(n)) => x < n,
            ("greater than or equal", Some(n)) => x >= n,
            ("less than or equal", Some(n)) => x <= n,
            _ => false,
        },
        Field::Version(x) => {
            let o = cmp_version(&x, v);
            match op.as_str() {
                "is" => o == Ordering::Equal,
                "is not" => o != Ordering::Equal,
                "like" => like(&x, v),
                "not like" => !like(&x, v),
                "greater than" | "more than" => o == Ordering::Greater,
                "less than" => o == Ordering::Less,
                "greater than or equal" => o != Ordering::Less,
                "less than or equal" => o != Ordering::Greater,
                _ => false,
            }
        }
        Field::Text(x) => text_match(&op, &x, v),
        Field::Many(xs) => match op.as_str() {
            "has" | "is" | "like" => xs
                .iter()
                .any(|x| text_match(if op == "has" { "is" } else { &op }, x, v)),
            "does not have" | "is not" | "not like" => !xs
                .iter()
                .any(|x| text_match(if op == "not like" { "like" } else { "is" }, x, v)),
            _ => false,
        },
        Field::Date(t) => {
            let days = (now - t).num_days() as f64;
            let date = NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").ok();
            match (op.as_str(), num, date) {
                ("more than x days ago", Some(n), _) => days > n,
                ("less than x days ago", Some(n), _) => days < n,
                ("before (yyyy-mm-dd)", _, Some(dt)) => t.date_naive() < dt,
                ("after (yyyy-mm-dd)", _, Some(dt)) => t.date_naive() > dt,
                _ => false,
            }
        }
        Field::Unknown => false,
    }
}

fn text_match(op: &str, x: &str, v: &str) -> bool {
    match op {
        "is" => x.eq_ignore_ascii_case(v) || x.to_lowercase() == v.to_lowercase(),
        "is not" => x.to_lowercase() != v.to_lowercase(),
        "like" => like(x, v),
        "not like" => !like(x, v),
        "matches regex" => regex::Regex::new(v).is_ok_and(|r| r.is_match(x)),
        "does not match regex" => regex::Regex::new(v).is_ok_and(|r| !r.is_match(x)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("17.7.10", "26.0", Ordering::Less)]
    #[case("26.1", "26.0.1", Ordering::Greater)]
    #[case("18.0", "18", Ordering::Equal)]
    fn versions_compare_numerically(#[case] a: &str, #[case] b: &str, #[case] o: Ordering) {
        assert_eq!(cmp_version(a, b), o);
    }

    #[test]
    fn and_binds_tighter_than_or() {
        // true or false and false  ==  true or (false and false)  ==  true
        let t = [
            Tok::Val(true),
            Tok::Or,
            Tok::Val(false),
            Tok::And,
            Tok::Val(false),
        ];
        assert!(eval_or(&t, &mut 0));
        // (true or false) and false == false
        let t = [
            Tok::Open,
            Tok::Val(true),
            Tok::Or,
            Tok::Val(false),
            Tok::Close,
            Tok::And,
            Tok::Val(false),
        ];
        assert!(!eval_or(&t, &mut 0));
    }
}
