//! What the screens and the command line read of jobs and the journal, and their CSV exports.

use chariot_store::{JobRow, Store};

use super::{job_action, job_row};
use crate::actions::{
    JobCounts, JobSummary, JobTarget, JobView, JournalEntry, JournalPage, JournalRequest,
};
use crate::error::AppError;

fn summary(store: &Store, row: &JobRow) -> Result<JobSummary, AppError> {
    let action = job_action(row)?;
    let mut counts = JobCounts::default();
    for (state, n) in store.job_counts(row.id)?.by_state {
        counts.add(state, n);
    }
    Ok(JobSummary {
        id: row.id,
        kind: action.kind(),
        details: action.details(),
        action,
        account: row.account.clone(),
        created_at: row.created_at,
        total: counts.total(),
        finished: counts.finished(),
        counts,
    })
}

/// A job with every device's row.
pub fn view(store: &Store, job: i64) -> Result<JobView, AppError> {
    let row = job_row(store, job)?;
    Ok(JobView {
        summary: summary(store, &row)?,
        targets: store
            .job_targets(job)?
            .into_iter()
            .map(|t| JobTarget {
                state: t.state,
                device_id: t.jamf_id,
                device_name: t.device_name,
                error: t.error,
                updated_at: t.updated_at,
            })
            .collect(),
    })
}

/// The most recent jobs, newest first.
pub fn list(store: &Store, limit: u32) -> Result<Vec<JobSummary>, AppError> {
    store
        .recent_jobs(limit)?
        .iter()
        .map(|row| summary(store, row))
        .collect()
}

/// A page of the journal, newest first.
pub fn journal(store: &Store, request: &JournalRequest) -> Result<JournalPage, AppError> {
    let limit = request.limit.unwrap_or(200).clamp(1, 5000);
    let (rows, total) = store.journal(
        request.search.as_deref(),
        limit,
        request.offset.unwrap_or(0),
    )?;
    Ok(JournalPage {
        total,
        entries: rows
            .into_iter()
            .map(|r| JournalEntry {
                id: r.id,
                at: r.at,
                account: r.account,
                job_id: r.job_id,
                // A line naming an action a newer Chariot added still shows, without its name.
                kind: r.action.ok(),
                event: r.event,
                device_id: r.device_id,
                device_name: r.device_name,
                state: r.state,
                detail: r.detail,
            })
            .collect(),
    })
}

/// `export_job`: every device's result to a CSV file.
pub fn export_job(
    store: &Store,
    job: i64,
    path: &str,
    lang: crate::locale::Lang,
) -> Result<crate::ipc::ExportResult, AppError> {
    let view = view(store, job)?;
    let written =
        crate::export::write_atomically(path, &crate::actions::csv::job_csv(&view, lang))?;
    Ok(crate::ipc::ExportResult {
        path: written.display().to_string(),
        rows: view.targets.len() as u32,
    })
}

/// `export_journal`: every line matching `search` (all when empty), newest first, to CSV.
pub fn export_journal(
    store: &Store,
    search: Option<&str>,
    path: &str,
    lang: crate::locale::Lang,
) -> Result<crate::ipc::ExportResult, AppError> {
    let mut entries = Vec::new();
    loop {
        let page = journal(
            store,
            &JournalRequest {
                search: search.map(str::to_owned),
                limit: Some(5000),
                offset: Some(entries.len() as u32),
            },
        )?;
        let done =
            page.entries.is_empty() || entries.len() + page.entries.len() >= page.total as usize;
        entries.extend(page.entries);
        if done {
            break;
        }
    }
    let written =
        crate::export::write_atomically(path, &crate::actions::csv::journal_csv(&entries, lang))?;
    Ok(crate::ipc::ExportResult {
        path: written.display().to_string(),
        rows: entries.len() as u32,
    })
}
