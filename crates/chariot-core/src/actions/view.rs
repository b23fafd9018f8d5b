//! What the job view, the job list and the journal show (IPC types).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::action::{Action, ActionKind};

/// A device's state in a job (stored with it: the store defines it).
pub use chariot_store::TargetState;

/// What a journal line records (stored with it: the store defines it).
pub use chariot_store::JournalEvent;

/// How many targets are in each state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JobCounts {
    pub not_sent: u32,
    /// Submitted or pending: waiting for the device.
    pub waiting: u32,
    pub not_now: u32,
    pub done: u32,
    pub failed: u32,
    pub unknown: u32,
    pub refused: u32,
}

impl JobCounts {
    pub fn add(&mut self, state: TargetState, n: u32) {
        match state {
            TargetState::NotSent => self.not_sent += n,
            TargetState::Submitted | TargetState::Pending => self.waiting += n,
            TargetState::NotNow => self.not_now += n,
            TargetState::Done => self.done += n,
            TargetState::Failed => self.failed += n,
            TargetState::Unknown => self.unknown += n,
            TargetState::Refused => self.refused += n,
        }
    }

    pub fn total(&self) -> u32 {
        self.not_sent
            + self.waiting
            + self.not_now
            + self.done
            + self.failed
            + self.unknown
            + self.refused
    }

    /// Every device has its final answer.
    pub fn finished(&self) -> bool {
        self.not_sent + self.waiting + self.not_now == 0
    }
}

/// A job in the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JobSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub action: Action,
    pub kind: ActionKind,
    /// The parameters in words (English; the UI shows the action's own fields).
    pub details: String,
    /// The Jamf Pro account that sent it.
    pub account: String,
    pub created_at: DateTime<Utc>,
    pub counts: JobCounts,
    pub total: u32,
    pub finished: bool,
}

/// One device of a job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JobTarget {
    pub device_id: String,
    pub device_name: String,
    pub state: TargetState,
    /// Apple's or Jamf's error, the reason of a refusal, or why the state is unknown.
    pub error: Option<String>,
    pub updated_at: DateTime<Utc>,
}

/// The job view: the summary and every device's row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JobView {
    pub summary: JobSummary,
    pub targets: Vec<JobTarget>,
}

/// A line of the audit journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JournalEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub at: DateTime<Utc>,
    pub account: String,
    #[ts(type = "number | null")]
    pub job_id: Option<i64>,
    /// `None` for an action this version does not know (written by a newer Chariot).
    pub kind: Option<ActionKind>,
    pub event: JournalEvent,
    pub device_id: Option<String>,
    pub device_name: Option<String>,
    pub state: Option<TargetState>,
    pub detail: String,
}

/// Request of `journal`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
pub struct JournalRequest {
    pub search: Option<String>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

/// Answer of `journal`: a page, newest first, and how many lines match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JournalPage {
    pub entries: Vec<JournalEntry>,
    pub total: u32,
}
