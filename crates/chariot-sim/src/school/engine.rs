//! Device behaviour on the simulated clock: periodic check-ins and inventory updates,
//! battery curves, and the execution of queued MDM commands following Apple's rules.
//!
//! Everything is computed lazily up to "now" when a request arrives, in closed form for the
//! periodic parts, so jumping the clock by months costs the same as by seconds.

use super::model::*;
use super::world::World;
use crate::commands::{Command, CommandError, CommandState, codes};
use crate::rng::{mix, mix2};
use chrono::{DateTime, Datelike, Duration, Timelike, Utc, Weekday};
use serde_json::Value;

/// Battery level a device reports at `t`: full in the cart in the morning, draining during
/// class hours (Paris time, approximated as UTC+1), charging again in the evening unless the
/// iPad was left outside its cart.
pub fn battery_at(d: &Device, t: DateTime<Utc>) -> i64 {
    let local = t + Duration::hours(1);
    let h = local.hour() as f64 + local.minute() as f64 / 60.0;
    let low_start = 25.0 + (mix2(d.id as u64, 7) % 30) as f64;
    let start = if d.charges_at_night { 100.0 } else { low_start };
    let weekend = matches!(local.weekday(), Weekday::Sat | Weekday::Sun)
        || local.weekday() == Weekday::Wed && h >= 12.0;
    let drain = if d.role == DeviceRole::Student {
        d.drain_per_hour
    } else {
        d.drain_per_hour / 2.0
    };
    let level = if weekend || h < 8.0 {
        start
    } else if h < 17.0 {
        start - drain * (h - 8.0)
    } else {
        let end = start - drain * 9.0;
        if d.charges_at_night {
            end + 30.0 * (h - 17.0)
        } else {
            end
        }
    };
    level.clamp(3.0, 100.0).round() as i64
}

/// A plausible position within about a kilometre and a half of the school.
pub fn location_near(lat: f64, lon: f64, hash: u64, at: DateTime<Utc>) -> Location {
    let h = mix(hash);
    let dlat = ((h % 2001) as f64 - 1000.0) / 1000.0 * 0.013;
    let dlon = (((h >> 16) % 2001) as f64 - 1000.0) / 1000.0 * 0.018;
    Location {
        latitude: ((lat + dlat) * 1e8).round() / 1e8,
        longitude: ((lon + dlon) * 1e8).round() / 1e8,
        altitude: 140.0 + ((h >> 32) % 60) as f64,
        horizontal_accuracy: [10.0, 16.0, 35.0, 65.0][((h >> 40) % 4) as usize],
        vertical_accuracy: [-1.0, 10.0, 12.0][((h >> 44) % 3) as usize],
        at,
    }
}

/// Queues a command for a device and returns its UUID.
pub fn queue_command(
    w: &mut World,
    device_id: u32,
    command_type: &str,
    params: Value,
    now: DateTime<Utc>,
) -> Option<String> {
    let uuid = w.new_uuid();
    let d = w.device(device_id)?;
    let deliver_at = delivery_time(d, now);
    let cmd = Command {
        uuid: uuid.clone(),
        device_id,
        management_id: d.management_id.clone(),
        command_type: command_type.to_string(),
        params,
        date_sent: now,
        state: CommandState::Pending,
        date_completed: None,
        error: None,
        deliver_at,
        profile_id: None,
    };
    w.commands.push(cmd);
    Some(uuid)
}

/// When the device will answer the push for a command sent at `now` (`None`: never).
fn delivery_time(d: &Device, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    d.next_checkin?;
    let after_push = now + Duration::seconds(d.push_latency_s);
    Some(match d.powered_off_until {
        Some(on) if on > after_push => on + Duration::seconds(d.push_latency_s),
        _ => after_push,
    })
}

/// Brings the world up to `now`.
pub fn advance_to(w: &mut World, now: DateTime<Utc>) {
    if now <= w.computed_until {
        return;
    }
    // Commands first, in the order devices would receive them.
    let mut due: Vec<(DateTime<Utc>, usize)> = w
        .commands
        .iter()
        .enumerate()
        .filter(|(_, c)| c.state.is_active())
        .filter_map(|(i, c)| c.deliver_at.filter(|t| *t <= now).map(|t| (t, i)))
        .collect();
    due.sort();
    for (t, i) in due {
        execute(w, i, t);
    }
    for d in w.devices.iter_mut() {
        periodic(d, now);
    }
    w.computed_until = now;
    w.touch();
}

fn periodic(d: &mut Device, now: DateTime<Utc>) {
    let Some(next) = d.next_checkin else { return };
    if next > now {
        return;
    }
    if d.powered_off_until.is_some_and(|on| on > now) {
        return;
    }
    let period = Duration::seconds(d.checkin_every_s.max(60));
    let k = ((now - next).num_seconds() / period.num_seconds()).max(0);
    let last = next + period * (k as i32);
    if last > d.last_contact {
        d.last_contact = last;
    }
    let inv = Duration::seconds(d.inventory_every_s.max(300));
    if last - d.last_inventory >= inv {
        // The last inventory collection that fell on a check-in before `now`.
        let steps = ((last - d.last_inventory).num_seconds() / inv.num_seconds()).max(1);
        let at = d.last_inventory + inv * (steps as i32);
        d.last_inventory = if at > last { last } else { at };
        d.battery = battery_at(d, d.last_inventory);
        d.inventory_count += steps as u64;
        // Students leave at the end of the day: their sessions end.
        let local_h = (d.last_inventory + Duration::hours(1)).hour();
        if !(8..17).contains(&local_h) {
            for u in d.shared_users.iter_mut() {
                u.logged_in = false;
            }
        }
    }
    d.next_checkin = Some(last + period);
}

enum Outcome {
    Ack,
    NotNow(DateTime<Utc>),
    Err(CommandError),
}

fn str_param<'a>(p: &'a Value, k: &str) -> &'a str {
    p.get(k).and_then(|v| v.as_str()).unwrap_or("")
}

fn bool_param(p: &Value, k: &str) -> bool {
    match p.get(k) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s.eq_ignore_ascii_case("true"),
        _ => false,
    }
}

/// Commands a device in Lost Mode still answers; others fail with 12078 ([guess] list).
const LOST_MODE_ALLOWED: &[&str] = &[
    "ENABLE_LOST_MODE",
    "DISABLE_LOST_MODE",
    "DEVICE_LOCATION",
    "PLAY_LOST_MODE_SOUND",
    "ERASE_DEVICE",
    "DEVICE_INFORMATION",
    "SECURITY_INFO",
    "RESTART_DEVICE",
    "SHUT_DOWN_DEVICE",
    "UPDATE_INVENTORY",
];

fn execute(w: &mut World, i: usize, t: DateTime<Utc>) {
    let (device_id, ty, params) = {
        let c = &w.commands[i];
        (c.device_id, c.command_type.clone(), c.params.clone())
    };
    let Some(di) = w.device_index(device_id) else {
        // The device was deleted: the command can never be delivered.
        w.commands[i].deliver_at = None;
        return;
    };
    let (lat, lon) = w
        .site(w.devices[di].site_id)
        .map(|s| (s.latitude, s.longitude))
        .unwrap_or((43.6045, 1.444));
    let d = &mut w.devices[di];
    d.last_contact = d.last_contact.max(t);
    let outcome = if let Some(busy) = d.busy_until.filter(|b| *b > t) {
        Outcome::NotNow(busy + Duration::seconds(d.push_latency_s))
    } else if d.lost.is_some() && !LOST_MODE_ALLOWED.contains(&ty.as_str()) {
        Outcome::Err(CommandError::mdm(
            codes::INVALID_IN_LOST_MODE,
            "The command is not allowed while the device is in Lost Mode.",
        ))
    } else {
        run(d, &ty, &params, t, lat, lon)
    };
    let c = &mut w.commands[i];
    match outcome {
        Outcome::Ack => {
            c.state = CommandState::Acknowledged;
            c.date_completed = Some(t);
            c.deliver_at = None;
        }
        Outcome::NotNow(retry) => {
            c.state = CommandState::NotNow;
            c.deliver_at = Some(retry);
        }
        Outcome::Err(e) => {
            c.state = CommandState::Error;
            c.date_completed = Some(t);
            c.error = Some(e);
            c.deliver_at = None;
        }
    }
}

fn not_supported(what: &str) -> Outcome {
    Outcome::Err(CommandError::mdm(codes::NOT_SUPPORTED, what))
}

fn run(d: &mut Device, ty: &str, p: &Value, t: DateTime<Utc>, lat: f64, lon: f64) -> Outcome {
    match ty {
        "ENABLE_LOST_MODE" => {
            if !d.supervised {
                return not_supported("Lost Mode requires a supervised device.");
            }
            let enabled_at = d.lost.as_ref().map(|l| l.enabled_at).unwrap_or(t);
            d.lost = Some(LostMode {
                message: str_param(p, "lostModeMessage").to_string(),
                phone: str_param(p, "lostModePhone").to_string(),
                footnote: str_param(p, "lostModeFootnote").to_string(),
                enforced: p
                    .get("alwaysEnforce")
                    .map(|_| bool_param(p, "alwaysEnforce"))
                    .unwrap_or(true),
                issued_at: t,
                enabled_at,
                location: d.lost.as_ref().and_then(|l| l.location.clone()),
            });
            Outcome::Ack
        }
        "DISABLE_LOST_MODE" => {
            if !d.supervised {
                return not_supported("Lost Mode requires a supervised device.");
            }
            d.lost = None;
            Outcome::Ack
        }
        "PLAY_LOST_MODE_SOUND" => match d.lost {
            Some(_) => Outcome::Ack,
            None => Outcome::Err(CommandError::mdm(
                codes::NOT_IN_LOST_MODE,
                "The device is not in Lost Mode.",
            )),
        },
        "DEVICE_LOCATION" => {
            let Some(lost) = d.lost.as_mut() else {
                return Outcome::Err(CommandError::mdm(
                    codes::NOT_IN_LOST_MODE,
                    "The device is not in Lost Mode.",
                ));
            };
            // One device in ten is indoors with no fix: Apple's "location unknown".
            if mix2(d.id as u64, t.timestamp() as u64 / 3600).is_multiple_of(10) {
                return Outcome::Err(CommandError::mdm(
                    codes::LOCATION_UNKNOWN,
                    "The location of the device could not be determined.",
                ));
            }
            lost.location = Some(location_near(
                lat,
                lon,
                mix2(d.id as u64, t.timestamp() as u64),
                t,
            ));
            Outcome::Ack
        }
        "CLEAR_PASSCODE" => {
            if d.shared_ipad {
                return not_supported("ClearPasscode is not supported on Shared iPad.");
            }
            d.passcode_present = false;
            Outcome::Ack
        }
        "DELETE_USER" => delete_user(d, p),
        "LOG_OUT_USER" => {
            if !d.shared_ipad {
                return not_supported("LogOutUser is only supported on Shared iPad.");
            }
            for u in d.shared_users.iter_mut() {
                u.logged_in = false;
            }
            // Apple: MDM commands are unavailable for up to 2 minutes after a logout.
            d.busy_until = Some(t + Duration::seconds(120));
            Outcome::Ack
        }
        "RESTART_DEVICE" => {
            d.powered_off_until = Some(t + Duration::seconds(60));
            Outcome::Ack
        }
        "SHUT_DOWN_DEVICE" => {
            // Someone switches it on again the next hour.
            let on = t + Duration::hours(1);
            d.powered_off_until = Some(on);
            d.next_checkin = Some(on);
            Outcome::Ack
        }
        "ERASE_DEVICE" => {
            if d.shared_ipad && bool_param(p, "disallowProximitySetup") {
                return not_supported("DisallowProximitySetup is not allowed on Shared iPad.");
            }
            d.shared_users.clear();
            d.lost = None;
            d.passcode_present = false;
            d.apps.retain(|a| a.app_id.is_some());
            d.enrolled_at = t + Duration::minutes(10);
            d.last_inventory = t + Duration::minutes(10);
            d.powered_off_until = Some(t + Duration::minutes(10));
            d.next_checkin = Some(t + Duration::minutes(10));
            Outcome::Ack
        }
        "REFRESH_CELLULAR_PLANS" => {
            if d.model.cellular {
                Outcome::Ack
            } else {
                Outcome::Err(CommandError {
                    code: codes::CELLULAR_UNSUPPORTED,
                    domain: "MCCellularErrorDomain".into(),
                    description: "The device does not support eSIM.".into(),
                })
            }
        }
        "SETTINGS" => settings(d, p, t),
        "UPDATE_INVENTORY" | "DEVICE_INFORMATION" => {
            d.last_inventory = t;
            d.battery = battery_at(d, t);
            d.inventory_count += 1;
            Outcome::Ack
        }
        _ => Outcome::Ack,
    }
}

fn delete_user(d: &mut Device, p: &Value) -> Outcome {
    if !d.shared_ipad {
        return not_supported("DeleteUser is only supported on Shared iPad.");
    }
    let force = bool_param(p, "forceDeletion");
    if bool_param(p, "deleteAllUsers") {
        let before = d.shared_users.len();
        d.shared_users
            .retain(|u| u.logged_in || (u.data_to_sync && !force));
        if !d.shared_users.is_empty() && before > 0 {
            return Outcome::Err(CommandError::mdm(
                codes::USER_HAS_DATA_TO_SYNC,
                "Some users could not be deleted.",
            ));
        }
        return Outcome::Ack;
    }
    let name = str_param(p, "userName");
    let Some(pos) = d
        .shared_users
        .iter()
        .position(|u| u.managed_apple_id.eq_ignore_ascii_case(name))
    else {
        return Outcome::Err(CommandError::mdm(
            codes::USER_DOES_NOT_EXIST,
            "The user does not exist.",
        ));
    };
    let u = &d.shared_users[pos];
    if u.logged_in {
        return Outcome::Err(CommandError::mdm(
            codes::USER_LOGGED_IN,
            "The user is logged in.",
        ));
    }
    if u.data_to_sync && !force {
        return Outcome::Err(CommandError::mdm(
            codes::USER_HAS_DATA_TO_SYNC,
            "The user has data to sync.",
        ));
    }
    d.shared_users.remove(pos);
    Outcome::Ack
}

fn settings(d: &mut Device, p: &Value, t: DateTime<Utc>) -> Outcome {
    let shared_cfg =
        p.get("sharedDeviceConfiguration").is_some() || p.get("maximumResidentUsers").is_some();
    // [guess] Apple says a Shared iPad answers NotNow while a user session is active and the
    // command must wait; changing the Shared iPad configuration is such a command. The
    // student session ends at the latest at the next check-in after class.
    if shared_cfg && d.shared_ipad && d.logged_in_user().is_some() {
        for u in d.shared_users.iter_mut() {
            u.logged_in = false;
        }
        return Outcome::NotNow(t + Duration::seconds(d.checkin_every_s));
    }
    if let Some(name) = p
        .get("deviceName")
        .and_then(|v| v.as_str())
        .filter(|s| !s.is_empty())
    {
        d.name = name.to_string();
    }
    if let Some(tz) = p
        .get("timeZone")
        .and_then(|v| v.as_str())
        .filter(|s| !s.is_empty())
    {
        d.time_zone = tz.to_string();
    }
    if let Some(n) = p.get("maximumResidentUsers").and_then(|v| v.as_i64()) {
        d.max_users = n;
    }
    if let Some(cfg) = p.get("sharedDeviceConfiguration") {
        if let Some(q) = cfg.get("quotaSize").and_then(|v| v.as_i64()) {
            d.quota_mb = q;
        }
        if let Some(n) = cfg.get("residentUsers").and_then(|v| v.as_i64()) {
            d.max_users = n;
        }
    }
    Outcome::Ack
}

/// Enrols a copy of a device (new identity) or deletes one, as a live tenant does while a
/// client walks the inventory pages.
pub fn churn(w: &mut World, add: bool, now: DateTime<Utc>) {
    if w.devices.is_empty() {
        return;
    }
    w.runtime_counter += 1;
    let pick = (mix2(w.seed, w.runtime_counter) % w.devices.len() as u64) as usize;
    if add {
        let mut d = w.devices[pick].clone();
        w.next.device += 1;
        d.id = w.next.device;
        let mut r = crate::rng::Rng::new(mix2(w.seed ^ 0xC4A2, w.runtime_counter));
        d.management_id = r.uuid();
        d.udid = r.uuid().to_uppercase();
        d.serial = format!("DMQ{}", r.hex(9));
        d.enrolled_at = now;
        d.initial_entry = now;
        d.last_inventory = now;
        d.last_contact = now;
        d.lost = None;
        w.devices.push(d);
    } else {
        w.devices.remove(pick);
    }
    w.touch();
}
