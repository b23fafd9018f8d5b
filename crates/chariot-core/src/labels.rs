//! The French and English words of the CSV exports (headers, actions, states, journal events,
//! why a lost device has no position), in one table: the language is chosen in one place,
//! [`Text::get`], and a missing translation shows up here rather than in a producer.

use crate::actions::{ActionKind, JournalEvent, TargetState};
use crate::locale::Lang;
use crate::views::NoPosition;

/// One text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub fr: &'static str,
    pub en: &'static str,
}

impl Text {
    pub const fn new(fr: &'static str, en: &'static str) -> Text {
        Text { fr, en }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }
}

/// The headers of a job's CSV, one line per device.
pub const JOB_HEADERS: [Text; 9] = [
    Text::new("Tâche", "Job"),
    Text::new("Action", "Action"),
    Text::new("Compte", "Account"),
    Text::new("Demandé le", "Requested"),
    Text::new("Appareil", "Device"),
    Text::new("Identifiant Jamf", "Jamf id"),
    Text::new("État", "State"),
    Text::new("Détail", "Detail"),
    Text::new("Mis à jour le", "Updated"),
];

/// The headers of the journal's CSV.
pub const JOURNAL_HEADERS: [Text; 9] = [
    Text::new("Date", "Date"),
    Text::new("Compte", "Account"),
    Text::new("Tâche", "Job"),
    Text::new("Action", "Action"),
    Text::new("Événement", "Event"),
    Text::new("Appareil", "Device"),
    Text::new("Identifiant Jamf", "Jamf id"),
    Text::new("État", "State"),
    Text::new("Détail", "Detail"),
];

/// The headers of the "Mode perdu" CSV.
pub const LOST_HEADERS: [Text; 11] = [
    Text::new("Nom de l'appareil", "Device name"),
    Text::new("Chariot", "Cart"),
    Text::new("Numéro de série", "Serial number"),
    Text::new("Batterie (%)", "Battery (%)"),
    Text::new("Message", "Message"),
    Text::new("Téléphone", "Phone"),
    Text::new("Latitude", "Latitude"),
    Text::new("Longitude", "Longitude"),
    Text::new("Précision (m)", "Accuracy (m)"),
    Text::new("Position relevée le", "Reported at"),
    Text::new("Remarque", "Note"),
];

/// An action's name; the English one is [`ActionKind::label`], which the command line shows.
pub fn action(kind: ActionKind) -> Text {
    let fr = match kind {
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
    };
    Text::new(fr, kind.label())
}

/// A device's state in a job.
pub fn state(state: TargetState) -> Text {
    match state {
        TargetState::NotSent => Text::new("Non envoyé", "Not sent"),
        TargetState::Submitted => Text::new("Envoyé", "Sent"),
        TargetState::Pending => Text::new("En attente", "Pending"),
        TargetState::NotNow => Text::new("Reporté par l'appareil", "Not now"),
        TargetState::Done => Text::new("Fait", "Done"),
        TargetState::Failed => Text::new("Échec", "Failed"),
        TargetState::Unknown => Text::new("Inconnu", "Unknown"),
        TargetState::Refused => Text::new("Non envoyé (condition)", "Not sent (condition)"),
    }
}

/// What a journal line records.
pub fn event(event: JournalEvent) -> Text {
    match event {
        JournalEvent::Requested => Text::new("Demandé", "Requested"),
        JournalEvent::Refused => Text::new("Écarté", "Left out"),
        JournalEvent::Result => Text::new("Résultat", "Result"),
        JournalEvent::Retried => Text::new("Renvoyé", "Sent again"),
    }
}

/// The columns of Réglages' sync history export.
pub const SYNC_HISTORY_HEADERS: [Text; 9] = [
    Text::new("Début", "Started"),
    Text::new("Fin", "Finished"),
    Text::new("Type", "Kind"),
    Text::new("Résultat", "Result"),
    Text::new("Appareils", "Devices"),
    Text::new("Ajoutés", "Added"),
    Text::new("Modifiés", "Changed"),
    Text::new("Retirés", "Removed"),
    Text::new("Erreur (en anglais)", "Error"),
];

pub fn sync_kind(kind: crate::sync::SyncKind) -> Text {
    match kind {
        crate::sync::SyncKind::Full => Text::new("Complète", "Full"),
        crate::sync::SyncKind::Incremental => Text::new("Incrémentale", "Incremental"),
    }
}

pub fn sync_status(status: chariot_store::SyncRunStatus) -> Text {
    use chariot_store::SyncRunStatus as S;
    match status {
        S::Running => Text::new("En cours", "Running"),
        S::Succeeded => Text::new("Réussie", "Succeeded"),
        S::Failed => Text::new("Échouée", "Failed"),
        S::Cancelled => Text::new("Annulée", "Cancelled"),
    }
}

/// Why a lost device shows no position.
pub fn no_position(note: NoPosition) -> Text {
    match note {
        NoPosition::NotInLostMode => Text::new("pas en mode perdu", "not in lost mode"),
        NoPosition::NotSupervised => Text::new("non supervisé", "not supervised"),
        NoPosition::NeverReported => Text::new("aucune position reçue", "no position reported"),
        NoPosition::RequestPending => {
            Text::new("demande de position en attente", "location request pending")
        }
        NoPosition::RequestFailed => Text::new(
            "la demande de position a échoué",
            "the location request failed",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(action(ActionKind::EnableLostMode), Lang::Fr, "Activer le mode perdu")]
    #[case(action(ActionKind::EnableLostMode), Lang::En, "Enable lost mode")]
    #[case(state(TargetState::Refused), Lang::Fr, "Non envoyé (condition)")]
    #[case(state(TargetState::NotNow), Lang::En, "Not now")]
    #[case(event(JournalEvent::Refused), Lang::En, "Left out")]
    #[case(
        no_position(NoPosition::NeverReported),
        Lang::Fr,
        "aucune position reçue"
    )]
    #[case(JOB_HEADERS[3], Lang::Fr, "Demandé le")]
    #[case(LOST_HEADERS[10], Lang::En, "Note")]
    fn a_text_is_looked_up_by_language(
        #[case] text: Text,
        #[case] lang: Lang,
        #[case] expected: &str,
    ) {
        assert_eq!(text.get(lang), expected);
    }

    /// Two actions or two states sharing a name would read the same in a spreadsheet.
    #[rstest]
    fn names_are_distinct_in_each_language(#[values(Lang::Fr, Lang::En)] lang: Lang) {
        let distinct = |names: Vec<&str>| {
            let mut sorted = names.clone();
            sorted.sort_unstable();
            sorted.dedup();
            sorted.len() == names.len() && names.iter().all(|n| !n.is_empty())
        };
        assert!(distinct(
            ActionKind::ALL.map(|k| action(k).get(lang)).to_vec()
        ));
        assert!(distinct(
            TargetState::ALL.map(|s| state(s).get(lang)).to_vec()
        ));
    }
}
