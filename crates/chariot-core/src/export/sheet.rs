//! The one writer of the CSV and TSV files (inventory export, job and journal, lost devices),
//! through the `csv` crate: quoting, separators and line endings are the library's, the rules
//! for spreadsheets (BOM, formulas defused, identifiers kept as text) are Chariot's, here.

use std::borrow::Cow;

/// A cell of a line.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Cell<'a> {
    /// A value as read from the server or typed by a user: a formula in it is defused.
    Value(&'a str),
    /// An identifier (asset tag `00123`, iOS `17.5`) that Excel would turn into a number: when
    /// it looks like one, written as the formula `="00123"`, which Excel shows as typed.
    Id(&'a str),
}

/// CSV or TSV lines in memory, for spreadsheets.
pub(crate) struct Sheet {
    writer: csv::Writer<Vec<u8>>,
}

impl Sheet {
    /// `bom`: a UTF-8 byte order mark first, so that Excel reads accents as UTF-8.
    pub(crate) fn new(separator: u8, bom: bool) -> Sheet {
        let start = if bom {
            "\u{feff}".as_bytes().to_vec()
        } else {
            Vec::new()
        };
        let writer = csv::WriterBuilder::new()
            .delimiter(separator)
            // Quotes only where a field holds the separator, a quote, CR or LF (RFC 4180).
            .quote_style(csv::QuoteStyle::Necessary)
            // CRLF, as RFC 4180 and Excel expect.
            .terminator(csv::Terminator::CRLF)
            .from_writer(start);
        Sheet { writer }
    }

    /// A line of values, each one defused.
    pub(crate) fn row<S: AsRef<str>>(&mut self, values: impl IntoIterator<Item = S>) {
        let values: Vec<S> = values.into_iter().collect();
        self.cells(values.iter().map(|v| Cell::Value(v.as_ref())));
    }

    /// A line of cells, some of them identifiers.
    pub(crate) fn cells<'a>(&mut self, cells: impl IntoIterator<Item = Cell<'a>>) {
        let fields: Vec<Cow<str>> = cells.into_iter().map(field).collect();
        self.writer
            .write_record(fields.iter().map(|f| f.as_bytes()))
            // Into memory: there is no I/O to fail, and lines may differ in length.
            .expect("a CSV line is written into memory");
    }

    pub(crate) fn finish(self) -> String {
        let bytes = self
            .writer
            .into_inner()
            .expect("a CSV in memory is flushed without I/O");
        String::from_utf8(bytes).expect("every field written was a str")
    }
}

fn field(cell: Cell<'_>) -> Cow<'_, str> {
    match cell {
        Cell::Id(v) if looks_numeric(v) => Cow::Owned(format!("=\"{v}\"")),
        Cell::Id(v) | Cell::Value(v) => defuse(v),
    }
}

/// Defuses spreadsheet formulas (`=`, `+`, `-`, `@`, tab or carriage return at the start of a
/// server-supplied value) by prefixing a quote, so a device name cannot run code in Excel. A
/// plain negative number (a longitude) is left as it is.
fn defuse(value: &str) -> Cow<'_, str> {
    match value.chars().next() {
        Some('=' | '+' | '@' | '\t' | '\r') => Cow::Owned(format!("'{value}")),
        Some('-') if value.len() > 1 && !looks_numeric(value) => Cow::Owned(format!("'{value}")),
        _ => Cow::Borrowed(value),
    }
}

/// `-12`, `-1.55`, `-1,55`: a sign, digits, at most one decimal separator between digits.
/// (`-1+2` is not: a spreadsheet would compute it.)
fn looks_numeric(v: &str) -> bool {
    let unsigned = v.strip_prefix('-').unwrap_or(v);
    let mut parts = unsigned.splitn(2, ['.', ',']);
    let whole = parts.next().unwrap_or_default();
    let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    digits(whole) && parts.next().is_none_or(digits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    /// One cell as it is written, without the line's CRLF.
    fn written(cell: Cell, separator: u8) -> String {
        let mut sheet = Sheet::new(separator, false);
        // A second, plain cell: a line of one empty cell is written `""` (so that it is not
        // an empty line), which is not what a cell among others looks like.
        sheet.cells([cell, Cell::Value("x")]);
        let line = sheet.finish();
        let end = format!("{}x\r\n", separator as char);
        line.strip_suffix(&end).unwrap().to_owned()
    }

    /// Every start a spreadsheet reads as a formula is defused; numbers (a longitude, a
    /// French decimal) are kept as numbers.
    #[rstest]
    #[case("-1+2", "'-1+2")]
    #[case("\t=1+1", "'\t=1+1")]
    #[case("\r=1", "\"'\r=1\"")]
    #[case("@SUM(A1)", "'@SUM(A1)")]
    #[case("-1.55", "-1.55")]
    #[case("-1,55", "\"-1,55\"")]
    #[case("-12", "-12")]
    #[case("-", "-")]
    #[case("-Prof", "'-Prof")]
    fn formulas_are_defused_and_numbers_kept(#[case] value: &str, #[case] expected: &str) {
        assert_eq!(written(Cell::Value(value), b','), expected);
    }

    /// The separator, a quote, CR or LF quote the field; nothing else does.
    #[rstest]
    #[case(b',', "a,b", "\"a,b\"")]
    #[case(b',', "a;b", "a;b")]
    #[case(b';', "a;b", "\"a;b\"")]
    #[case(b';', "say \"hi\"", "\"say \"\"hi\"\"\"")]
    #[case(b';', "two\nlines", "\"two\nlines\"")]
    #[case(b'\t', "a\tb", "\"a\tb\"")]
    #[case(b'\t', "a b", "a b")]
    #[case(b';', "", "")]
    fn fields_are_quoted_when_they_must_be(
        #[case] separator: u8,
        #[case] value: &str,
        #[case] expected: &str,
    ) {
        assert_eq!(written(Cell::Value(value), separator), expected);
    }

    /// Only a number-like identifier becomes a formula; any other is an ordinary value.
    #[rstest]
    #[case("00123", "\"=\"\"00123\"\"\"")]
    #[case("17.5", "\"=\"\"17.5\"\"\"")]
    #[case("DMPX1", "DMPX1")]
    #[case("=1+1", "'=1+1")]
    fn identifiers_are_kept_as_text(#[case] value: &str, #[case] expected: &str) {
        assert_eq!(written(Cell::Id(value), b';'), expected);
    }

    /// What a spreadsheet or any CSV reader gets back: the values as written, a formula
    /// defused, a negative longitude still a number, the BOM first.
    #[test]
    fn a_sheet_reads_back_through_a_csv_reader() {
        let tricky = [
            "say \"hi\"",
            "Salle 1; CDI",
            "two\r\nlines",
            "=HYPERLINK(\"x\")",
            "-1.440000",
            "",
        ];
        let mut sheet = Sheet::new(b';', true);
        sheet.row(["a", "b", "c", "d", "e", "f"]);
        sheet.row(tricky);
        let text = sheet.finish();
        let body = text.strip_prefix('\u{feff}').expect("the BOM comes first");
        assert!(body.ends_with("\r\n") && !body.starts_with('\u{feff}'));

        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(body.as_bytes());
        assert_eq!(
            reader.headers().unwrap(),
            vec!["a", "b", "c", "d", "e", "f"]
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(
            rows[0],
            vec![
                "say \"hi\"",
                "Salle 1; CDI",
                "two\r\nlines",
                "'=HYPERLINK(\"x\")",
                "-1.440000",
                "",
            ]
        );
    }
}
