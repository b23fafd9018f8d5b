//! The closed sets of values the store keeps as TEXT: device roles, actions, job target states,
//! journal events, sync kinds and sync statuses. Each is an enum written and read through
//! rusqlite's `ToSql`/`FromSql` under the exact names stored so far, so no row needs migrating.
//! A name this version does not know (a newer Chariot wrote it, or the file was edited) reads
//! as an [`UnknownValue`] error, never as a guess and never as a panic.
//!
//! The enums that cross to the UI keep the serde names they had there (and derive `TS`): the
//! store is the bottom layer, so they live here and `chariot-core` re-exports them.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use rusqlite::Row;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A stored value this version of Chariot cannot read: `what` it should be, the text found,
/// and (once known) the column it was read from.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} {value:?} is unknown to this version of Chariot")]
pub struct UnknownValue {
    /// E.g. "job target state", "date".
    pub what: &'static str,
    pub value: String,
    /// The result column, named by [`known`] (rusqlite itself only knows its index).
    pub column: Option<String>,
}

impl UnknownValue {
    pub fn new(what: &'static str, value: impl Into<String>) -> Self {
        Self {
            what,
            value: value.into(),
            column: None,
        }
    }
}

/// Defines an enum stored as TEXT: its variants with their stored names, `ALL`, `as_str`,
/// `FromStr` (strict), `Display`, `ToSql` and `FromSql` (an unknown name is an
/// [`UnknownValue`]).
macro_rules! stored_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($what:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $stored:literal, )+
        }
    ) => {
        $(#[$meta])*
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [$name; [$($stored),+].len()] = [$($name::$variant),+];

            /// The name stored in the database.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $stored, )+
                }
            }
        }

        impl FromStr for $name {
            type Err = UnknownValue;

            fn from_str(s: &str) -> Result<Self, UnknownValue> {
                match s {
                    $( $stored => Ok($name::$variant), )+
                    _ => Err(UnknownValue::new($what, s)),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::Borrowed(ValueRef::Text(self.as_str().as_bytes())))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                value
                    .as_str()?
                    .parse()
                    .map_err(|e: UnknownValue| FromSqlError::Other(Box::new(e)))
            }
        }
    };
}

stored_enum! {
    /// What a device is for, from its name (the school guide's conventions).
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    pub enum DeviceRole ("device role") {
        /// `0311234A-2024-DMPXK1ABCD`: a Shared iPad of a cart, for students.
        Student = "student",
        /// `0311234A-Prof 3`: a shared teacher iPad of a cart.
        SharedTeacher = "shared_teacher",
        /// `Marie Dupont`: a teacher's personal iPad.
        Teacher = "teacher",
        /// Any other name ("autre").
        #[default]
        Other = "other",
    }
}

impl DeviceRole {
    pub fn parse(s: &str) -> Option<DeviceRole> {
        s.parse().ok()
    }
}

/// Lenient, for names written in code and text read outside the store: a name this version
/// does not know is `Other`, as the screens show it. The store reads strictly (`FromSql`).
impl From<&str> for DeviceRole {
    fn from(s: &str) -> Self {
        DeviceRole::parse(s).unwrap_or(DeviceRole::Other)
    }
}

/// Hashed as its stored name, as the `String` it replaced was: the device fingerprint
/// (`DeviceRow::content_hash`, stored) stays the same, so no device reads as changed.
impl std::hash::Hash for DeviceRole {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

stored_enum! {
    /// The action without its parameters: what the journal and the job list name. Its stored
    /// name is also the command line's (with `-`); its serde name is the UI's.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    pub enum ActionKind ("action") {
        UpdateInventory = "update_inventory",
        // The first jobs stored these two names: kept so they still read back.
        Restart = "restart_device",
        ShutDown = "shut_down_device",
        EnableLostMode = "enable_lost_mode",
        DisableLostMode = "disable_lost_mode",
        PlayLostModeSound = "play_lost_mode_sound",
        UpdateLocation = "update_location",
        ClearPasscode = "clear_passcode",
        DeleteUser = "delete_user",
        LogOutUser = "log_out_user",
        Erase = "erase",
        RefreshCellularPlans = "refresh_cellular_plans",
        UpdateOs = "update_os",
    }
}

impl ActionKind {
    pub fn parse(s: &str) -> Option<ActionKind> {
        s.parse().ok()
    }

    /// English name, for the command line and the journal's CSV.
    pub fn label(self) -> &'static str {
        match self {
            ActionKind::UpdateInventory => "Update inventory",
            ActionKind::Restart => "Restart",
            ActionKind::ShutDown => "Shut down",
            ActionKind::EnableLostMode => "Enable lost mode",
            ActionKind::DisableLostMode => "Disable lost mode",
            ActionKind::PlayLostModeSound => "Play lost mode sound",
            ActionKind::UpdateLocation => "Update location",
            ActionKind::ClearPasscode => "Clear passcode",
            ActionKind::DeleteUser => "Delete user",
            ActionKind::LogOutUser => "Log out user",
            ActionKind::Erase => "Erase",
            ActionKind::RefreshCellularPlans => "Refresh cellular plans",
            ActionKind::UpdateOs => "Update OS",
        }
    }
}

stored_enum! {
    /// A device's state in a job: not_sent → submitted → pending / not_now → done | failed.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    pub enum TargetState ("job target state") {
        NotSent = "not_sent",
        Submitted = "submitted",
        Pending = "pending",
        NotNow = "not_now",
        Done = "done",
        Failed = "failed",
        /// The send timed out: whether the server acted is not known. Never re-sent by Chariot.
        Unknown = "unknown",
        /// A precondition was not met: nothing was sent.
        Refused = "refused",
    }
}

impl TargetState {
    /// Lenient (a name this version does not know is `NotSent`): only for text read outside
    /// the store, as `views/lost.rs` still does. The store reads strictly (`FromSql`).
    pub fn parse(s: &str) -> TargetState {
        s.parse().unwrap_or(TargetState::NotSent)
    }

    /// Waiting for the device: worth polling.
    pub fn is_in_flight(self) -> bool {
        matches!(
            self,
            TargetState::Submitted | TargetState::Pending | TargetState::NotNow
        )
    }

    /// Nothing more will happen unless the user acts.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            TargetState::Done | TargetState::Failed | TargetState::Unknown | TargetState::Refused
        )
    }
}

stored_enum! {
    /// What a journal line records.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    pub enum JournalEvent ("journal event") {
        /// The action was asked for N devices.
        Requested = "requested",
        /// A device was left out: a precondition was not met.
        Refused = "refused",
        /// A device's final answer (done, failed, unknown).
        Result = "result",
        /// The user sent it again to some devices.
        Retried = "retried",
    }
}

stored_enum! {
    /// Whether a sync read everything again or only what changed since the last one.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    pub enum SyncKind ("sync kind") {
        Full = "full",
        Incremental = "incremental",
    }
}

stored_enum! {
    /// Where a recorded sync attempt stands.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
    #[serde(rename_all = "snake_case")]
    pub enum SyncRunStatus ("sync status") {
        Running = "running",
        Succeeded = "succeeded",
        Failed = "failed",
        Cancelled = "cancelled",
    }
}

/// The one text form of the instants Chariot records itself (job and journal times, sync runs,
/// server facts, history reads): RFC 3339 as chrono writes it, as stored since the first
/// version. Some queries compare these as text, so every writer must use this.
pub(crate) fn stored_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339()
}

/// Reads an instant written by [`stored_time`] (any RFC 3339 form is accepted).
fn parse_time(text: &str) -> Result<DateTime<Utc>, UnknownValue> {
    DateTime::parse_from_rfc3339(text)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|_| UnknownValue::new("date", text))
}

/// Reads column `idx` as a `T` whose unknown values are [`UnknownValue`]s, naming the column
/// in the error.
pub(crate) fn known<T: FromSql>(r: &Row<'_>, idx: usize) -> rusqlite::Result<T> {
    r.get(idx).map_err(|e| name_column(r, e))
}

/// Reads column `idx` as an instant (see [`stored_time`]).
pub(crate) fn time(r: &Row<'_>, idx: usize) -> rusqlite::Result<DateTime<Utc>> {
    let text: String = r.get(idx)?;
    parse_time(&text).map_err(|e| unknown(r, idx, e))
}

/// The same for a column that may be NULL.
pub(crate) fn time_opt(r: &Row<'_>, idx: usize) -> rusqlite::Result<Option<DateTime<Utc>>> {
    let text: Option<String> = r.get(idx)?;
    text.map(|t| parse_time(&t).map_err(|e| unknown(r, idx, e)))
        .transpose()
}

/// Column `idx` read as a `T`, or the [`UnknownValue`] it holds: for the lines that must stay
/// readable whatever they name (the audit journal).
pub(crate) fn known_or_not<T: FromStr<Err = UnknownValue>>(
    r: &Row<'_>,
    idx: usize,
) -> rusqlite::Result<Result<T, UnknownValue>> {
    let text: String = r.get(idx)?;
    Ok(text.parse::<T>().map_err(|mut e| {
        e.column = column_name(r, idx);
        e
    }))
}

fn column_name(r: &Row<'_>, idx: usize) -> Option<String> {
    r.as_ref().column_name(idx).ok().map(str::to_owned)
}

fn unknown(r: &Row<'_>, idx: usize, mut e: UnknownValue) -> rusqlite::Error {
    e.column = column_name(r, idx);
    rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
}

fn name_column(r: &Row<'_>, e: rusqlite::Error) -> rusqlite::Error {
    match e {
        rusqlite::Error::FromSqlConversionFailure(idx, ty, err) => {
            match err.downcast::<UnknownValue>() {
                Ok(mut u) => {
                    u.column = column_name(r, idx);
                    rusqlite::Error::FromSqlConversionFailure(idx, ty, u)
                }
                Err(err) => rusqlite::Error::FromSqlConversionFailure(idx, ty, err),
            }
        }
        e => e,
    }
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    /// The stored names are the database's content: changing one would strand every row
    /// written before (and a migration is needed instead).
    #[rstest]
    #[case::roles(DeviceRole::ALL.map(DeviceRole::as_str).to_vec(), &["student", "shared_teacher", "teacher", "other"])]
    #[case::actions(ActionKind::ALL.map(ActionKind::as_str).to_vec(), &[
        "update_inventory", "restart_device", "shut_down_device", "enable_lost_mode",
        "disable_lost_mode", "play_lost_mode_sound", "update_location", "clear_passcode",
        "delete_user", "log_out_user", "erase", "refresh_cellular_plans", "update_os",
    ])]
    #[case::target_states(TargetState::ALL.map(TargetState::as_str).to_vec(), &[
        "not_sent", "submitted", "pending", "not_now", "done", "failed", "unknown", "refused",
    ])]
    #[case::journal_events(JournalEvent::ALL.map(JournalEvent::as_str).to_vec(), &["requested", "refused", "result", "retried"])]
    #[case::sync_kinds(SyncKind::ALL.map(SyncKind::as_str).to_vec(), &["full", "incremental"])]
    #[case::sync_statuses(SyncRunStatus::ALL.map(SyncRunStatus::as_str).to_vec(), &["running", "succeeded", "failed", "cancelled"])]
    fn the_stored_names_are_those_of_the_existing_rows(
        #[case] names: Vec<&'static str>,
        #[case] expected: &[&str],
    ) {
        assert_eq!(names, expected);
    }

    /// The UI reads the serde names: those of the enums `chariot-core` had before.
    #[rstest]
    #[case::role(serde_json::to_value(DeviceRole::SharedTeacher), "shared_teacher")]
    #[case::action_restart(serde_json::to_value(ActionKind::Restart), "restart")]
    #[case::action_shut_down(serde_json::to_value(ActionKind::ShutDown), "shut_down")]
    #[case::action(
        serde_json::to_value(ActionKind::RefreshCellularPlans),
        "refresh_cellular_plans"
    )]
    #[case::state(serde_json::to_value(TargetState::NotNow), "not_now")]
    #[case::event(serde_json::to_value(JournalEvent::Retried), "retried")]
    #[case::sync_kind(serde_json::to_value(SyncKind::Incremental), "incremental")]
    fn the_wire_names_are_the_uis(
        #[case] wire: serde_json::Result<serde_json::Value>,
        #[case] expected: &str,
    ) {
        assert_eq!(wire.unwrap(), expected);
    }

    #[test]
    fn every_value_reads_back_from_its_stored_name() {
        for k in ActionKind::ALL {
            assert_eq!(ActionKind::parse(k.as_str()), Some(k));
        }
        for r in DeviceRole::ALL {
            assert_eq!(r.as_str().parse(), Ok(r));
        }
        for s in TargetState::ALL {
            assert_eq!(s.as_str().parse(), Ok(s));
        }
        assert_eq!(
            "restart".parse::<ActionKind>(),
            Err(UnknownValue::new("action", "restart"))
        );
    }

    #[test]
    fn the_role_hashes_as_the_text_it_replaced() {
        use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
        let hash = |v: &dyn Fn(&mut DefaultHasher)| {
            let mut h = BuildHasherDefault::<DefaultHasher>::default().build_hasher();
            v(&mut h);
            std::hash::Hasher::finish(&h)
        };
        for role in DeviceRole::ALL {
            assert_eq!(
                hash(&|h| std::hash::Hash::hash(&role, h)),
                hash(&|h| std::hash::Hash::hash(&role.as_str().to_owned(), h))
            );
        }
    }
}
