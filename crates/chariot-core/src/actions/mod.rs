//! Acting on devices (issue #6): the actions and their parameters, the per-device
//! preconditions, what the server version allows, the confirmation's plan, and the job and
//! journal views. The engine that sends and polls is [`crate::jobs`].

mod action;
mod availability;
pub mod csv;
pub(crate) mod plan;
mod rules;
mod view;

pub use action::{Action, ActionKind, OsUpdateInstall, OsVersionChoice};
pub use availability::{
    PRO_API_COMMANDS_SINCE, Route, Unavailable, has_pro_api_commands, route, unavailable,
};
pub use plan::{ActionPlan, ActionRequest, PlannedDevice, RefusedDevice};
pub use rules::{DeviceFacts, Refusal, refusal};
pub use view::{
    JobCounts, JobSummary, JobTarget, JobView, JournalEntry, JournalEvent, JournalPage,
    JournalRequest, TargetState,
};
