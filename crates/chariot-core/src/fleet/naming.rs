//! Roles and carts from the school guide's naming conventions (seed 004, "Liste des appareils"):
//! student iPads `RNE-YEAR-SERIAL`, shared teacher iPads `RNE-Prof N`, personal teacher iPads
//! named after their teacher. Anything else is `Other`, with the reason kept: a role is never
//! guessed silently.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The role is stored with the device: the store defines it (see `chariot_store::DeviceRole`).
pub use chariot_store::DeviceRole;

/// Why a device got its role, shown in the device detail so a wrong name can be fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RoleReason {
    StudentPattern,
    SharedTeacherPattern,
    PersonName,
    UnrecognisedName,
}

/// A French school's RNE/UAI: 7 digits and a letter (`0311234A`).
fn is_rne(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 8 && b[..7].iter().all(u8::is_ascii_digit) && b[7].is_ascii_alphabetic()
}

/// Classifies a device name. Separators may be `-`, `–` or `—` with optional spaces around
/// (names are typed by hand in Jamf).
pub fn classify_name(name: &str) -> (DeviceRole, RoleReason, Option<String>) {
    let normalised = name.trim().replace(['–', '—'], "-");
    let parts: Vec<&str> = normalised.split('-').map(str::trim).collect();
    if let [rne, rest @ ..] = parts.as_slice()
        && is_rne(rne)
    {
        let rne = Some(rne.to_ascii_uppercase());
        match rest {
            [year, serial]
                if year.len() == 4
                    && year.bytes().all(|b| b.is_ascii_digit())
                    && serial.len() >= 8
                    && serial.bytes().all(|b| b.is_ascii_alphanumeric()) =>
            {
                return (DeviceRole::Student, RoleReason::StudentPattern, rne);
            }
            [prof] => {
                let lower = prof.to_lowercase();
                if let Some(n) = lower.strip_prefix("prof")
                    && let n = n.trim()
                    && !n.is_empty()
                    && n.bytes().all(|b| b.is_ascii_digit())
                {
                    return (
                        DeviceRole::SharedTeacher,
                        RoleReason::SharedTeacherPattern,
                        rne,
                    );
                }
            }
            _ => {}
        }
        return (DeviceRole::Other, RoleReason::UnrecognisedName, rne);
    }
    if looks_like_person_name(&normalised) {
        return (DeviceRole::Teacher, RoleReason::PersonName, None);
    }
    (DeviceRole::Other, RoleReason::UnrecognisedName, None)
}

/// Two to four words of letters (accents, hyphens and apostrophes allowed), no digits, and not
/// a generic device word: "Marie Dupont", "Jean-Luc d'Arc". "iPad 12" or "iPad de test" is not.
fn looks_like_person_name(name: &str) -> bool {
    const GENERIC: &[&str] = &[
        "ipad", "iphone", "test", "demo", "démo", "spare", "prêt", "pret",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
                && w.chars().any(char::is_alphabetic)
                && !GENERIC.contains(&w.to_lowercase().as_str())
        })
}

/// The cart a device belongs to, from its static groups named like `0311234A - Chariot 2`
/// (the guide makes one static group per cart). `None` when it is in no cart group.
pub fn cart_from_groups<'a>(group_names: impl IntoIterator<Item = &'a str>) -> Option<String> {
    group_names
        .into_iter()
        .filter_map(|g| {
            let lower = g.to_lowercase();
            let at = lower.find("chariot")?;
            let digits: String = lower[at + "chariot".len()..]
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            let n: u32 = digits.parse().ok()?;
            Some((n, format!("Chariot {n}")))
        })
        .min()
        .map(|(_, label)| label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("0311234A-2024-DMPXK1ABCD12", DeviceRole::Student, Some("0311234A"))]
    #[case("0311234a - 2019 - F9FXK1ABCD", DeviceRole::Student, Some("0311234A"))]
    #[case("0311234A–2021–DMPXK1ABCD", DeviceRole::Student, Some("0311234A"))]
    #[case("0311234A-Prof 3", DeviceRole::SharedTeacher, Some("0311234A"))]
    #[case("0311234A - Prof8", DeviceRole::SharedTeacher, Some("0311234A"))]
    #[case("0311234A-PROF 12", DeviceRole::SharedTeacher, Some("0311234A"))]
    #[case("0311234A-Prof", DeviceRole::Other, Some("0311234A"))]
    #[case("0311234A-2024", DeviceRole::Other, Some("0311234A"))]
    #[case("0311234A-24-DMPXK1ABCD", DeviceRole::Other, Some("0311234A"))]
    #[case("Marie Dupont", DeviceRole::Teacher, None)]
    #[case("Jean-Luc d'Arc", DeviceRole::Teacher, None)]
    #[case("Éloïse Lefèvre", DeviceRole::Teacher, None)]
    #[case("iPad de test", DeviceRole::Other, None)]
    #[case("iPad 12", DeviceRole::Other, None)]
    #[case("Madonna", DeviceRole::Other, None)]
    #[case("", DeviceRole::Other, None)]
    #[case("031123A-2024-DMPXK1ABCD", DeviceRole::Other, None)]
    fn classifies(#[case] name: &str, #[case] role: DeviceRole, #[case] rne: Option<&str>) {
        let (got, _, got_rne) = classify_name(name);
        assert_eq!(got, role, "{name}");
        assert_eq!(got_rne.as_deref(), rne, "{name}");
    }

    #[test]
    fn other_always_says_why() {
        assert_eq!(classify_name("Kiosque CDI").1, RoleReason::PersonName);
        assert_eq!(classify_name("CDI-01").1, RoleReason::UnrecognisedName);
    }

    #[rstest]
    #[case(&["0311234A - Chariot 2", "Tous les iPad"], Some("Chariot 2"))]
    #[case(&["chariot3", "0311234A - Chariot 1"], Some("Chariot 1"))]
    #[case(&["Professeurs"], None)]
    #[case(&["Chariot de prêt"], None)]
    fn finds_the_cart(#[case] groups: &[&str], #[case] expected: Option<&str>) {
        assert_eq!(
            cart_from_groups(groups.iter().copied()).as_deref(),
            expected
        );
    }
}
