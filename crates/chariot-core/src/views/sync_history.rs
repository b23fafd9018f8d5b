//! Réglages' list of the latest syncs: when, what kind, how each ended and what it changed,
//! so an IT manager can see that the scheduled syncs run and why one failed.

use chariot_store::{Store, SyncRunStatus};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::AppError;
use crate::export::sheet::Sheet;
use crate::ipc::ExportResult;
use crate::labels::{self, SYNC_HISTORY_HEADERS};
use crate::locale::Lang;
use crate::sync::SyncKind;

/// How many runs Réglages lists.
pub const SHOWN: u32 = 10;

/// One recorded sync attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncRunView {
    pub started_at: DateTime<Utc>,
    /// `None` while it runs (or when Chariot was stopped during it).
    pub finished_at: Option<DateTime<Utc>>,
    pub kind: SyncKind,
    pub status: SyncRunStatus,
    /// The snapshot's devices after a successful sync.
    pub device_count: Option<u32>,
    pub added: Option<u32>,
    pub changed: Option<u32>,
    pub removed: Option<u32>,
    /// Devices Jamf Pro could only partly read, and lost devices whose position was not read.
    pub incomplete: u32,
    pub positions_unread: u32,
    /// Why it failed (English, as recorded for support).
    pub error: Option<String>,
}

/// The latest syncs of this database, newest first.
pub fn history(store: &Store) -> Result<Vec<SyncRunView>, AppError> {
    Ok(store
        .recent_sync_runs(SHOWN)?
        .into_iter()
        .map(|r| {
            let problems = r.problems.unwrap_or_default();
            SyncRunView {
                started_at: r.started_at,
                finished_at: r.finished_at,
                kind: r.kind,
                status: r.status,
                device_count: r.device_count,
                added: r.added,
                changed: r.changed,
                removed: r.removed,
                incomplete: problems.incomplete,
                positions_unread: problems.positions_unread,
                error: r.error,
            }
        })
        .collect())
}

/// The history as the Excel-friendly CSV of the other exports (BOM, `;`), headers and words
/// in `lang`; the error stays as recorded (English, for support).
pub fn sync_history_csv(runs: &[SyncRunView], lang: Lang) -> String {
    let local = |d: DateTime<Utc>| {
        d.with_timezone(&chrono::Local)
            .format("%d/%m/%Y %H:%M:%S")
            .to_string()
    };
    let count = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    let mut sheet = Sheet::new(b';', true);
    sheet.row(SYNC_HISTORY_HEADERS.map(|h| h.get(lang)));
    for r in runs {
        sheet.row([
            local(r.started_at),
            r.finished_at.map(local).unwrap_or_default(),
            labels::sync_kind(r.kind).get(lang).to_owned(),
            labels::sync_status(r.status).get(lang).to_owned(),
            count(r.device_count),
            count(r.added),
            count(r.changed),
            count(r.removed),
            r.error.clone().unwrap_or_default(),
        ]);
    }
    sheet.finish()
}

/// Réglages' "Exporter": the listed syncs to a CSV file.
pub fn export_sync_history(
    store: &Store,
    path: &str,
    lang: Lang,
) -> Result<ExportResult, AppError> {
    let runs = history(store)?;
    let written = crate::export::write_atomically(path, &sync_history_csv(&runs, lang))?;
    Ok(ExportResult {
        path: written.display().to_string(),
        rows: runs.len() as u32,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chariot_store::SyncRunStatus;

    fn run(status: SyncRunStatus, error: Option<&str>) -> SyncRunView {
        let at = "2026-11-22T08:30:00Z".parse().unwrap();
        SyncRunView {
            started_at: at,
            finished_at: Some(at),
            kind: SyncKind::Incremental,
            status,
            device_count: error.is_none().then_some(38),
            added: error.is_none().then_some(1),
            changed: error.is_none().then_some(2),
            removed: error.is_none().then_some(0),
            incomplete: 0,
            positions_unread: 0,
            error: error.map(str::to_owned),
        }
    }

    #[test]
    fn the_csv_reads_back_with_its_words_in_the_language_asked() {
        let runs = [
            run(SyncRunStatus::Failed, Some("cannot reach x; try \"again\"")),
            run(SyncRunStatus::Succeeded, None),
        ];
        let csv = sync_history_csv(&runs, Lang::Fr);
        let body = csv.strip_prefix('\u{feff}').expect("BOM");
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(body.as_bytes());
        assert_eq!(reader.headers().unwrap().get(3), Some("Résultat"));
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][2], "Incrémentale");
        assert_eq!(&rows[0][3], "Échouée");
        assert_eq!(&rows[0][8], "cannot reach x; try \"again\"");
        assert_eq!(
            [
                &rows[1][3],
                &rows[1][4],
                &rows[1][5],
                &rows[1][6],
                &rows[1][7]
            ],
            ["Réussie", "38", "1", "2", "0"]
        );
        let en = sync_history_csv(&runs, Lang::En);
        assert!(en.contains("Started;Finished;Kind;Result"), "{en}");
        assert!(en.contains(";Incremental;Failed;"), "{en}");
    }
}
