//! Writing XML in the Classic API's shape with quick-xml: the command bodies sent here, and
//! Chariot's XML export of the inventory (a `<mobile_devices>` list like the Classic API's).
//!
//! Characters XML 1.0 cannot hold even escaped (control characters other than tab, LF and CR,
//! U+FFFE, U+FFFF) are **dropped**, in both: they are invisible, so dropping them keeps the
//! text as the user saw it, whereas refusing would fail a whole export over one device name
//! from the server, or a lost-mode message over a character nobody can see. Escaping is
//! quick-xml's (`&`, `<`, `>`, `"`, `'`, and CR as `&#13;` so that it survives parsing).

use std::borrow::Cow;
use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::BytesText;

/// Whether XML 1.0 can hold `c` (its `Char` production; Rust's `char` has no surrogates).
pub fn holds(c: char) -> bool {
    !matches!(
        c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}'
    )
}

/// `text` without the characters XML 1.0 cannot hold.
pub fn holdable(text: &str) -> Cow<'_, str> {
    if text.chars().all(holds) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|c| holds(*c)).collect())
    }
}

/// Writes `<name>text</name>`, the text escaped and cleared of what XML cannot hold. Always a
/// start and an end tag, even for an empty text (`<name></name>`), as the Classic API writes.
pub fn text_element<W: Write>(
    writer: &mut Writer<W>,
    name: &str,
    text: &str,
) -> std::io::Result<()> {
    writer
        .create_element(name)
        .write_text_content(BytesText::new(&holdable(text)))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("plain", "plain")]
    #[case("a\u{fffe}b\u{ffff}c\u{1}d\u{1f}e\u{b}f", "abcdef")]
    #[case("tab\tLF\nCR\r", "tab\tLF\nCR\r")]
    #[case("é \u{fffd} 😀", "é \u{fffd} 😀")]
    fn keeps_only_what_xml_holds(#[case] text: &str, #[case] expected: &str) {
        assert_eq!(holdable(text), expected);
    }

    #[test]
    fn an_element_is_escaped_and_cleared() {
        let mut writer = Writer::new(Vec::new());
        text_element(&mut writer, "m", "a\u{7}<b> & \"c\" 'd'\r").unwrap();
        text_element(&mut writer, "e", "").unwrap();
        assert_eq!(
            String::from_utf8(writer.into_inner()).unwrap(),
            "<m>a&lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;&#13;</m><e></e>"
        );
    }
}
