//! CSV exports of a job's results and of the journal, for spreadsheets (same conventions as the
//! inventory's Excel export: UTF-8 BOM, `;`, formulas defused), headers in the UI language.

use chrono::{DateTime, Local, Utc};

use super::view::{JobView, JournalEntry};
use crate::export::sheet::Sheet;
use crate::labels::{self, JOB_HEADERS, JOURNAL_HEADERS};
use crate::locale::Lang;

fn when(d: DateTime<Utc>) -> String {
    d.with_timezone(&Local)
        .format("%d/%m/%Y %H:%M:%S")
        .to_string()
}

/// One line per device of the job.
pub fn job_csv(view: &JobView, lang: Lang) -> String {
    let mut sheet = Sheet::new(b';', true);
    sheet.row(JOB_HEADERS.map(|h| h.get(lang)));
    let s = &view.summary;
    for t in &view.targets {
        sheet.row([
            s.id.to_string(),
            labels::action(s.kind).get(lang).to_owned(),
            s.account.clone(),
            when(s.created_at),
            t.device_name.clone(),
            t.device_id.clone(),
            labels::state(t.state).get(lang).to_owned(),
            t.error.clone().unwrap_or_default(),
            when(t.updated_at),
        ]);
    }
    sheet.finish()
}

/// The journal lines given, in their order.
pub fn journal_csv(entries: &[JournalEntry], lang: Lang) -> String {
    let mut sheet = Sheet::new(b';', true);
    sheet.row(JOURNAL_HEADERS.map(|h| h.get(lang)));
    for e in entries {
        sheet.row([
            when(e.at),
            e.account.clone(),
            e.job_id.map(|j| j.to_string()).unwrap_or_default(),
            e.kind
                .map(|k| labels::action(k).get(lang))
                .unwrap_or("?")
                .to_owned(),
            labels::event(e.event).get(lang).to_owned(),
            e.device_name.clone().unwrap_or_default(),
            e.device_id.clone().unwrap_or_default(),
            e.state
                .map(|s| labels::state(s).get(lang))
                .unwrap_or("")
                .to_owned(),
            e.detail.clone(),
        ]);
    }
    sheet.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actions::{Action, ActionKind, JobSummary, JobTarget, JournalEvent, TargetState};

    #[test]
    fn a_journal_line_reads_in_french_and_defuses_formulas() {
        let entry = JournalEntry {
            id: 1,
            at: Utc::now(),
            account: "admin".into(),
            job_id: Some(4),
            kind: Some(ActionKind::EnableLostMode),
            event: JournalEvent::Requested,
            device_id: None,
            device_name: Some("=HYPERLINK(\"x\")".into()),
            state: None,
            detail: "message: Rapportez-moi; phone: 05 61".into(),
        };
        let csv = journal_csv(&[entry], Lang::Fr);
        assert!(csv.starts_with('\u{feff}'));
        let row = csv.lines().nth(1).unwrap();
        assert!(row.contains("Activer le mode perdu;Demandé"), "{row}");
        assert!(row.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{row}");
    }

    /// An English job as a CSV reader reads it back: the headers and labels in English, an
    /// error holding `;`, quotes and a line break kept whole.
    #[test]
    fn a_job_reads_back_in_english() {
        let at = Utc::now();
        let view = JobView {
            summary: JobSummary {
                id: 12,
                action: Action::Restart,
                kind: ActionKind::Restart,
                details: String::new(),
                account: "admin".into(),
                created_at: at,
                counts: Default::default(),
                total: 1,
                finished: true,
            },
            targets: vec![JobTarget {
                device_id: "00123".into(),
                device_name: "iPad; \"CDI\"".into(),
                state: TargetState::Failed,
                error: Some("refused\r\n(12067)".into()),
                updated_at: at,
            }],
        };
        let csv = job_csv(&view, Lang::En);
        let body = csv.strip_prefix('\u{feff}').expect("BOM");
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(body.as_bytes());
        assert_eq!(
            reader.headers().unwrap(),
            vec![
                "Job",
                "Action",
                "Account",
                "Requested",
                "Device",
                "Jamf id",
                "State",
                "Detail",
                "Updated"
            ]
        );
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(
            [&row[0], &row[1], &row[4], &row[5], &row[6], &row[7]],
            [
                "12",
                "Restart",
                "iPad; \"CDI\"",
                "00123",
                "Failed",
                "refused\r\n(12067)"
            ]
        );
    }
}
