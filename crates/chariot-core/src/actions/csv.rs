//! CSV exports of a job's results and of the journal, for spreadsheets (same conventions as the
//! inventory's Excel export: UTF-8 BOM, `;`, formulas defused), headers in the UI language.

use chrono::{DateTime, Local, Utc};

use super::action::ActionKind;
use super::view::{JobView, JournalEntry, JournalEvent, TargetState};
use crate::export::quote;
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

pub fn action_label(kind: ActionKind, lang: Lang) -> &'static str {
    if lang == Lang::En {
        return kind.label();
    }
    match kind {
        ActionKind::UpdateInventory => "Mettre à jour l'inventaire",
        ActionKind::Restart => "Redémarrer",
        ActionKind::ShutDown => "Éteindre",
        ActionKind::EnableLostMode => "Activer le mode perdu",
        ActionKind::DisableLostMode => "Désactiver le mode perdu",
        ActionKind::PlayLostModeSound => "Faire sonner",
        ActionKind::UpdateLocation => "Demander la position",
        ActionKind::ClearPasscode => "Effacer le code",
        ActionKind::DeleteUser => "Supprimer un utilisateur",
        ActionKind::LogOutUser => "Déconnecter l'utilisateur",
        ActionKind::Erase => "Effacer l'appareil",
        ActionKind::RefreshCellularPlans => "Actualiser les forfaits cellulaires",
        ActionKind::UpdateOs => "Mettre à jour iOS",
    }
}

pub fn state_label(state: TargetState, lang: Lang) -> &'static str {
    match (state, lang) {
        (TargetState::NotSent, Lang::Fr) => "Non envoyé",
        (TargetState::Submitted, Lang::Fr) => "Envoyé",
        (TargetState::Pending, Lang::Fr) => "En attente",
        (TargetState::NotNow, Lang::Fr) => "Reporté par l'appareil",
        (TargetState::Done, Lang::Fr) => "Fait",
        (TargetState::Failed, Lang::Fr) => "Échec",
        (TargetState::Unknown, Lang::Fr) => "Inconnu",
        (TargetState::Refused, Lang::Fr) => "Non envoyé (condition)",
        (TargetState::NotSent, Lang::En) => "Not sent",
        (TargetState::Submitted, Lang::En) => "Sent",
        (TargetState::Pending, Lang::En) => "Pending",
        (TargetState::NotNow, Lang::En) => "Not now",
        (TargetState::Done, Lang::En) => "Done",
        (TargetState::Failed, Lang::En) => "Failed",
        (TargetState::Unknown, Lang::En) => "Unknown",
        (TargetState::Refused, Lang::En) => "Not sent (condition)",
    }
}

fn event_label(event: JournalEvent, lang: Lang) -> &'static str {
    match (event, lang) {
        (JournalEvent::Requested, Lang::Fr) => "Demandé",
        (JournalEvent::Refused, Lang::Fr) => "Écarté",
        (JournalEvent::Result, Lang::Fr) => "Résultat",
        (JournalEvent::Retried, Lang::Fr) => "Renvoyé",
        (JournalEvent::Requested, Lang::En) => "Requested",
        (JournalEvent::Refused, Lang::En) => "Left out",
        (JournalEvent::Result, Lang::En) => "Result",
        (JournalEvent::Retried, Lang::En) => "Sent again",
    }
}

/// One line per device of the job.
pub fn job_csv(view: &JobView, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let mut out = String::from('\u{feff}');
    let headers = if fr {
        [
            "Tâche",
            "Action",
            "Compte",
            "Demandé le",
            "Appareil",
            "Identifiant Jamf",
            "État",
            "Détail",
            "Mis à jour le",
        ]
    } else {
        [
            "Job",
            "Action",
            "Account",
            "Requested",
            "Device",
            "Jamf id",
            "State",
            "Detail",
            "Updated",
        ]
    };
    line(&mut out, &headers.map(String::from));
    let s = &view.summary;
    for t in &view.targets {
        line(
            &mut out,
            &[
                s.id.to_string(),
                action_label(s.kind, lang).to_owned(),
                s.account.clone(),
                when(s.created_at),
                t.device_name.clone(),
                t.device_id.clone(),
                state_label(t.state, lang).to_owned(),
                t.error.clone().unwrap_or_default(),
                when(t.updated_at),
            ],
        );
    }
    out
}

/// The journal lines given, in their order.
pub fn journal_csv(entries: &[JournalEntry], lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let mut out = String::from('\u{feff}');
    let headers = if fr {
        [
            "Date",
            "Compte",
            "Tâche",
            "Action",
            "Événement",
            "Appareil",
            "Identifiant Jamf",
            "État",
            "Détail",
        ]
    } else {
        [
            "Date", "Account", "Job", "Action", "Event", "Device", "Jamf id", "State", "Detail",
        ]
    };
    line(&mut out, &headers.map(String::from));
    for e in entries {
        line(
            &mut out,
            &[
                when(e.at),
                e.account.clone(),
                e.job_id.map(|j| j.to_string()).unwrap_or_default(),
                e.kind
                    .map(|k| action_label(k, lang))
                    .unwrap_or("?")
                    .to_owned(),
                event_label(e.event, lang).to_owned(),
                e.device_name.clone().unwrap_or_default(),
                e.device_id.clone().unwrap_or_default(),
                e.state
                    .map(|s| state_label(s, lang))
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
