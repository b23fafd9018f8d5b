//! The enums and times the store keeps as TEXT: written under the names and in the format
//! stored so far, read back typed, and a stored value this version does not know (written by
//! raw SQL here, as a newer Chariot or a hand edit would) is a typed error naming the column
//! and the value, never a panic nor a guess.

use chariot_store::{
    ActionKind, DeviceRole, DeviceRow, JournalEvent, NewJournalEntry, NewTarget, RunProblems,
    StatsThresholds, Store, StoreError, SyncKind, SyncRunStatus, TargetState, UnknownValue,
};
use chrono::{DateTime, Utc};
use rstest::{fixture, rstest};
use tempfile::TempDir;

struct Db {
    _dir: TempDir,
    path: std::path::PathBuf,
    store: Store,
    job: i64,
}

impl Db {
    /// A second connection, writing what the store's API would refuse to. The CHECK
    /// constraints are lifted as a newer schema (wider lists) would have them.
    fn raw(&self, sql: &str) {
        let conn = rusqlite::Connection::open(&self.path).unwrap();
        conn.execute_batch(&format!("PRAGMA ignore_check_constraints = ON; {sql}"))
            .unwrap();
    }

    fn text(&self, sql: &str) -> String {
        let conn = rusqlite::Connection::open(&self.path).unwrap();
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// A store with a published device (`1`), a job on it (one device sent, one refused), its
/// journal and a finished sync run.
#[fixture]
fn db() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("values.db");
    let mut store = Store::open(&path).unwrap();
    let t = at("2026-11-23T08:00:00.250Z");
    let g = store.begin_generation("demo", SyncKind::Full, t).unwrap();
    let device = DeviceRow {
        jamf_id: "1".into(),
        name: "0311234A-Prof 1".into(),
        role: DeviceRole::SharedTeacher,
        role_reason: "shared_teacher_pattern".into(),
        ..Default::default()
    };
    store.stage_devices(g, &[device]).unwrap();
    let summary = store.publish_full(g, None, t).unwrap();
    let run = store.start_sync_run(SyncKind::Full, t).unwrap();
    store
        .finish_sync_run(run, t, Ok((&summary, RunProblems::default())))
        .unwrap();
    let target = |id: &str, refusal: Option<&str>| NewTarget {
        jamf_id: id.into(),
        device_name: format!("iPad {id}"),
        management_id: None,
        refusal: refusal.map(Into::into),
    };
    let job = store
        .create_job_with(
            ActionKind::Restart,
            "{}",
            "admin",
            t,
            &[target("1", None), target("2", Some("not supervised"))],
        )
        .unwrap();
    store
        .append_journal(&[NewJournalEntry {
            at: t,
            account: "admin",
            job_id: Some(job),
            action: ActionKind::Restart,
            event: JournalEvent::Refused,
            device_id: Some("2"),
            device_name: Some("iPad 2"),
            state: Some(TargetState::Refused),
            detail: "not supervised",
        }])
        .unwrap();
    Db {
        _dir: dir,
        path,
        store,
        job,
    }
}

#[rstest]
fn values_are_stored_under_the_names_and_in_the_format_stored_so_far(db: Db) {
    // chrono's RFC 3339, as `Utc::now().to_rfc3339()` wrote it before the store took instants.
    let written = "2026-11-23T08:00:00.250+00:00";
    for (sql, expected) in [
        ("SELECT action FROM jobs", "restart_device"),
        ("SELECT created_at FROM jobs", written),
        (
            "SELECT group_concat(state, ',') FROM (SELECT state FROM job_targets ORDER BY jamf_id)",
            "not_sent,refused",
        ),
        ("SELECT updated_at FROM job_targets LIMIT 1", written),
        (
            "SELECT event || ' ' || state || ' ' || at FROM journal",
            &format!("refused refused {written}"),
        ),
        (
            "SELECT kind || ' ' || status || ' ' || started_at || ' ' || finished_at FROM sync_runs",
            &format!("full succeeded {written} {written}"),
        ),
        ("SELECT role FROM devices", "shared_teacher"),
    ] {
        assert_eq!(db.text(sql), expected, "{sql}");
    }
}

#[rstest]
fn values_read_back_typed(mut db: Db) {
    let t = at("2026-11-23T08:00:00.250Z");
    let job = db.store.job(db.job).unwrap().unwrap();
    assert_eq!((job.action, job.created_at), (ActionKind::Restart, t));
    let counts = db.store.job_counts(db.job).unwrap();
    assert_eq!(
        (
            counts.get(TargetState::NotSent),
            counts.get(TargetState::Refused)
        ),
        (1, 1)
    );
    let later = at("2026-11-23T09:00:00Z");
    db.store
        .set_job_target(db.job, "1", TargetState::Done, Some("uuid"), None, later)
        .unwrap();
    let targets = db.store.job_targets(db.job).unwrap();
    assert_eq!(
        targets
            .iter()
            .map(|t| (t.state, t.updated_at))
            .collect::<Vec<_>>(),
        [(TargetState::Done, later), (TargetState::Refused, t)]
    );
    let (lines, _) = db.store.journal(None, 10, 0).unwrap();
    assert_eq!(
        (lines[0].action.clone(), lines[0].event, lines[0].state),
        (
            Ok(ActionKind::Restart),
            JournalEvent::Refused,
            Some(TargetState::Refused)
        )
    );
    let run = db.store.last_sync_run().unwrap().unwrap();
    assert_eq!(
        (run.kind, run.status, run.finished_at),
        (SyncKind::Full, SyncRunStatus::Succeeded, Some(t))
    );
    assert_eq!(
        db.store.device("1").unwrap().unwrap().role,
        DeviceRole::SharedTeacher
    );
}

type Read = fn(&Store, i64) -> Result<(), StoreError>;

fn unit<T>(r: Result<T, StoreError>) -> Result<(), StoreError> {
    r.map(drop)
}

#[rstest]
#[case::target_state(
    "UPDATE job_targets SET state = 'cancelled' WHERE jamf_id = '1'",
    |s: &Store, job: i64| unit(s.job_targets(job)),
    "state",
    "cancelled"
)]
#[case::counted_target_state(
    "UPDATE job_targets SET state = 'cancelled' WHERE jamf_id = '1'",
    |s: &Store, job: i64| unit(s.job_counts(job)),
    "state",
    "cancelled"
)]
#[case::job_action("UPDATE jobs SET action = 'lock_device'", |s: &Store, job: i64| unit(s.job(job)), "action", "lock_device")]
#[case::listed_job_action("UPDATE jobs SET action = 'lock_device'", |s: &Store, _: i64| unit(s.recent_jobs(10)), "action", "lock_device")]
#[case::job_date("UPDATE jobs SET created_at = 'yesterday'", |s: &Store, job: i64| unit(s.job(job)), "created_at", "yesterday")]
#[case::target_date(
    "UPDATE job_targets SET updated_at = '23/11/2026'",
    |s: &Store, job: i64| unit(s.job_targets(job)),
    "updated_at",
    "23/11/2026"
)]
#[case::journal_event(
    "INSERT INTO journal (at, account, action, event) VALUES ('2026-11-23T09:00:00Z', 'admin', 'erase', 'undone')",
    |s: &Store, _: i64| unit(s.journal(None, 10, 0)),
    "event",
    "undone"
)]
#[case::journal_state(
    "INSERT INTO journal (at, account, action, event, state) VALUES ('2026-11-23T09:00:00Z', 'admin', 'erase', 'result', 'half_done')",
    |s: &Store, _: i64| unit(s.journal(None, 10, 0)),
    "state",
    "half_done"
)]
#[case::sync_status("UPDATE sync_runs SET status = 'paused'", |s: &Store, _: i64| unit(s.last_sync_run()), "status", "paused")]
#[case::sync_kind("UPDATE sync_runs SET kind = 'partial'", |s: &Store, _: i64| unit(s.last_sync_run()), "kind", "partial")]
#[case::device_role("UPDATE devices SET role = 'principal'", |s: &Store, _: i64| unit(s.device("1")), "role", "principal")]
#[case::counted_role(
    "UPDATE devices SET role = 'principal'",
    |s: &Store, _: i64| unit(s.fleet_stats(&StatsThresholds {
        stale_before: at("2026-11-01T00:00:00Z"),
        low_battery_percent: 20,
        low_space_mb: 2048,
        oldest: 5,
    })),
    "role",
    "principal"
)]
fn a_stored_value_this_version_does_not_know_is_a_typed_error(
    db: Db,
    #[case] sql: &str,
    #[case] read: Read,
    #[case] column: &str,
    #[case] value: &str,
) {
    db.raw(sql);
    match read(&db.store, db.job) {
        Err(StoreError::UnknownValue {
            column: c,
            value: v,
            ..
        }) => assert_eq!((c.as_str(), v.as_str()), (column, value)),
        other => panic!("expected an unknown {column} {value:?}, got {other:?}"),
    }
}

/// The journal's action column has no list to check against: a newer Chariot may add an
/// action without a migration. Its lines stay readable (the audit must show every line), the
/// action typed as unknown.
#[rstest]
fn a_journal_line_naming_an_unknown_action_stays_readable(db: Db) {
    db.raw(
        "INSERT INTO journal (at, account, action, event) VALUES ('2026-11-23T09:00:00Z', 'admin', 'lock_device', 'requested')",
    );
    let (lines, total) = db.store.journal(None, 10, 0).unwrap();
    assert_eq!(total, 2);
    assert_eq!(lines[0].event, JournalEvent::Requested);
    assert_eq!(
        lines[0].action,
        Err(UnknownValue {
            what: "action",
            value: "lock_device".into(),
            column: Some("action".into()),
        })
    );
    assert_eq!(lines[1].action, Ok(ActionKind::Restart));
}

#[rstest]
fn the_error_says_what_the_value_should_be(db: Db) {
    db.raw("UPDATE sync_runs SET status = 'paused'");
    let err = db.store.last_sync_run().unwrap_err();
    assert_eq!(
        err.to_string(),
        "the local database holds a sync status this version of Chariot does not know, in column status: \"paused\""
    );
}
