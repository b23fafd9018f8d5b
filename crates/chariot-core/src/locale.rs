//! Which language the UI speaks: French or English, from the user's choice or the system.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A language the UI has a message catalog for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
}

/// What the user picked in Réglages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum LanguagePref {
    /// Follow the system locale: French when it is French, English otherwise.
    #[default]
    System,
    Fr,
    En,
}

impl LanguagePref {
    /// Resolves the preference against a BCP 47 system locale such as `fr-FR`, `fr_CA.UTF-8`
    /// or `en-GB`. Any French locale gives French; everything else, including none, English.
    pub fn resolve(self, system_locale: Option<&str>) -> Lang {
        match self {
            LanguagePref::Fr => Lang::Fr,
            LanguagePref::En => Lang::En,
            LanguagePref::System => match system_locale {
                Some(tag) if is_french(tag) => Lang::Fr,
                _ => Lang::En,
            },
        }
    }
}

fn is_french(tag: &str) -> bool {
    let primary = tag.split(['-', '_', '.']).next().unwrap_or_default();
    primary.eq_ignore_ascii_case("fr")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(LanguagePref::System, Some("fr-FR"), Lang::Fr)]
    #[case(LanguagePref::System, Some("fr_CA.UTF-8"), Lang::Fr)]
    #[case(LanguagePref::System, Some("FR"), Lang::Fr)]
    #[case(LanguagePref::System, Some("en-GB"), Lang::En)]
    #[case(LanguagePref::System, Some("fy-NL"), Lang::En)]
    #[case(LanguagePref::System, None, Lang::En)]
    #[case(LanguagePref::En, Some("fr-FR"), Lang::En)]
    #[case(LanguagePref::Fr, Some("de-DE"), Lang::Fr)]
    fn resolves_language(
        #[case] pref: LanguagePref,
        #[case] system: Option<&str>,
        #[case] expected: Lang,
    ) {
        assert_eq!(pref.resolve(system), expected);
    }
}
