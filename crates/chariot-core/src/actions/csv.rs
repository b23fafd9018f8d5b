//! CSV exports of a job's results and of the journal, for spreadsheets (same conventions as the
//! inventory's Excel export: UTF-8 BOM, `;`, formulas defused), headers in the UI language.

use chrono::{DateTime, Local, Utc};

use super::view::{JobView, JournalEntry};
use crate::export::quote;
use crate::labels::{self, JOB_HEADERS, JOURNAL_HEADERS};
use crate::locale::Lang;

const SEP: char = ';';

fn line(out: &mut String, cells: &[String]) {
    let quoted: Vec<String> = cells.iter().map(|c| quote(c, SEP)).collect();
    out.push_str(&quoted.join(&SEP.to_string()));
    out.push_str("\r\n");
}

fn when(d: DateTime<Utc>) -> String {
    d.with_timezone(&Local)
        .format("%d/%m/%Y %H:%M:%S")
        .to_string()
}

/// One line per device of the job.
pub fn job_csv(view: &JobView, lang: Lang) -> String {
    let mut out = String::from('\u{feff}');
    line(&mut out, &JOB_HEADERS.map(|h| h.get(lang).to_owned()));
    let s = &view.summary;
    for t in &view.targets {
        line(
            &mut out,
            &[
                s.id.to_string(),
                labels::action(s.kind).get(lang).to_owned(),
                s.account.clone(),
                when(s.created_at),
                t.device_name.clone(),
                t.device_id.clone(),
                labels::state(t.state).get(lang).to_owned(),
                t.error.clone().unwrap_or_default(),
                when(t.updated_at),
            ],
        );
    }
    out
}

/// The journal lines given, in their order.
pub fn journal_csv(entries: &[JournalEntry], lang: Lang) -> String {
    let mut out = String::from('\u{feff}');
    line(&mut out, &JOURNAL_HEADERS.map(|h| h.get(lang).to_owned()));
    for e in entries {
        line(
            &mut out,
            &[
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
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actions::{ActionKind, JournalEvent};

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
}
