//! Exports of the inventory list: CSV, tab-separated TXT and XML, as the guide's "Exporter"
//! offers, with the columns the user chose, headers in the UI language.
//!
//! Spreadsheets are the main reader: `excel` mode adds a UTF-8 BOM (so accents survive),
//! uses `;` (what French Excel expects from a CSV; an English-locale Excel wants `,`, which
//! `separator` gives) and keeps number-like identifiers such as asset tags `00123` as text
//! instead of letting Excel turn them into numbers.

use chariot_store::DeviceListRow;

use crate::locale::Lang;

mod columns;
pub(crate) mod sheet;
mod xml;

use sheet::{Cell, Sheet};

pub use columns::{COLUMNS, Column, DEFAULT_COLUMNS, columns};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Csv,
    Txt,
    Xml,
}

impl ExportFormat {
    pub fn parse(s: &str) -> Option<ExportFormat> {
        match s.to_ascii_lowercase().as_str() {
            "csv" => Some(ExportFormat::Csv),
            "txt" | "tsv" => Some(ExportFormat::Txt),
            "xml" => Some(ExportFormat::Xml),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct ExportOptions {
    pub format: ExportFormat,
    pub lang: Lang,
    /// BOM, `;` separators, identifiers protected as text.
    pub excel: bool,
    /// CSV only: the separator, instead of `;` with `excel` and `,` without. TXT is always
    /// tab-separated; XML has none.
    pub separator: Option<char>,
}

pub fn export(rows: &[DeviceListRow], columns: &[&Column], options: ExportOptions) -> String {
    match options.format {
        ExportFormat::Csv | ExportFormat::Txt => {
            let mut sheet = Sheet::new(separator(options), options.excel);
            sheet.row(columns.iter().map(|c| c.header(options.lang)));
            for row in rows {
                let values: Vec<String> = columns.iter().map(|c| (c.value)(row)).collect();
                sheet.cells(columns.iter().zip(&values).map(|(c, v)| {
                    if options.excel && c.text_id {
                        Cell::Id(v)
                    } else {
                        Cell::Value(v)
                    }
                }));
            }
            sheet.finish()
        }
        ExportFormat::Xml => xml::devices(rows, columns),
    }
}

/// TXT is tab-separated; CSV takes the separator asked for, else `;` for Excel and `,`. A
/// separator the `csv` crate cannot write (not one ASCII byte; the command line only offers
/// `,` `;` and tab) falls back to that default.
fn separator(options: ExportOptions) -> u8 {
    let default = if options.excel { b';' } else { b',' };
    match (options.format, options.separator) {
        (ExportFormat::Txt, _) => b'\t',
        (_, Some(sep)) => u8::try_from(sep)
            .ok()
            .filter(u8::is_ascii)
            .unwrap_or(default),
        (_, None) => default,
    }
}

/// `export_inventory`: writes the rows and columns shown on screen to the file the user chose.
/// Written atomically (see [`write_atomically`]).
pub fn export_to_file(
    store: &chariot_store::Store,
    request: &crate::ipc::ExportRequest,
    lang: Lang,
) -> Result<crate::ipc::ExportResult, crate::AppError> {
    use crate::{AppError, ErrorCode};
    if request.columns.is_empty() {
        return Err(
            AppError::new(ErrorCode::InvalidInput, "no column to export")
                .with_hint("Show at least one column in the inventory, then export again."),
        );
    }
    check_file_name(&request.path)?;
    let rows = store.devices_by_ids(&request.ids)?;
    let keys: Vec<&str> = request.columns.iter().map(|c| c.export_key()).collect();
    let cols = columns(&keys).map_err(AppError::internal)?;
    let text = export(
        &rows,
        &cols,
        ExportOptions {
            format: request.format,
            lang,
            excel: request.excel,
            separator: None,
        },
    );
    let path = write_atomically(&request.path, &text)?;
    Ok(crate::ipc::ExportResult {
        path: path.display().to_string(),
        rows: rows.len() as u32,
    })
}

fn check_file_name(path: &str) -> Result<std::path::PathBuf, crate::AppError> {
    let p = std::path::PathBuf::from(path);
    if p.file_name().is_none() || p.is_dir() {
        return Err(crate::AppError::new(
            crate::ErrorCode::InvalidInput,
            format!("{path} is not a file name"),
        )
        .with_hint("Choose a file name in the save dialog.")
        .with_detail(crate::ErrorDetail::BadFileName {
            path: path.to_owned(),
        }));
    }
    Ok(p)
}

/// Writes `text` beside `path` under a temporary name, then renames it: a failed export never
/// leaves half a file where an older, complete one was.
pub(crate) fn write_atomically(
    path: &str,
    text: &str,
) -> Result<std::path::PathBuf, crate::AppError> {
    let path = check_file_name(path)?;
    let io_error = |e: std::io::Error| {
        crate::AppError::new(
            crate::ErrorCode::Io,
            format!("could not write {}: {e}", path.display()),
        )
        .with_hint("Choose a folder you can write to (Documents, Bureau) and try again.")
        .with_detail(crate::ErrorDetail::ExportFileUnwritable {
            path: path.display().to_string(),
        })
    };
    let mut tmp = path.clone().into_os_string();
    tmp.push(".part");
    std::fs::write(&tmp, text.as_bytes()).map_err(io_error)?;
    std::fs::rename(&tmp, &path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io_error(e)
    })?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, serial: &str) -> DeviceListRow {
        DeviceListRow {
            jamf_id: "7".into(),
            name: name.into(),
            role: "student".into(),
            cart: Some("Chariot 1".into()),
            serial_number: Some(serial.into()),
            asset_tag: Some("00123".into()),
            model: Some("iPad (9e génération)".into()),
            os_version: Some("17.5".into()),
            battery_level: Some(87),
            capacity_mb: None,
            available_mb: Some(2048),
            username: None,
            supervised: Some(true),
            shared_ipad: Some(true),
            lost_mode_enabled: None,
            last_inventory_update: Some("2026-11-12T08:30:00Z".into()),
            management_id: None,
        }
    }

    fn opts(format: ExportFormat, excel: bool) -> ExportOptions {
        ExportOptions {
            format,
            lang: Lang::Fr,
            excel,
            separator: None,
        }
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let cols = columns(&["name", "serial", "model"]).unwrap();
        let out = export(
            &[row("=HYPERLINK(\"x\"), ok", "DMPX1")],
            &cols,
            opts(ExportFormat::Csv, false),
        );
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines[0], "Nom de l'appareil,Numéro de série,Modèle");
        assert_eq!(
            lines[1],
            "\"'=HYPERLINK(\"\"x\"\"), ok\",DMPX1,iPad (9e génération)"
        );
    }

    #[test]
    fn xml_drops_the_characters_xml_cannot_hold() {
        let cols = columns(&["name"]).unwrap();
        let out = export(
            &[row("a\u{fffe}b\u{ffff}c\u{1}d&", "x")],
            &cols,
            opts(ExportFormat::Xml, false),
        );
        assert!(out.contains("<name>abcd&amp;</name>"), "{out}");
    }

    #[test]
    fn excel_mode_has_bom_semicolons_and_text_ids() {
        let cols = columns(&["asset-tag", "os", "battery"]).unwrap();
        let out = export(&[row("a", "b")], &cols, opts(ExportFormat::Csv, true));
        assert!(out.starts_with('\u{feff}'));
        assert!(
            out.contains("\"=\"\"00123\"\"\";\"=\"\"17.5\"\"\";87\r\n"),
            "{out}"
        );
    }

    /// An English-locale Excel: commas, with the BOM and the ids kept as text all the same.
    #[test]
    fn excel_mode_takes_the_separator_asked_for() {
        let cols = columns(&["asset-tag", "name", "battery"]).unwrap();
        let options = ExportOptions {
            separator: Some(','),
            ..opts(ExportFormat::Csv, true)
        };
        let out = export(&[row("iPad, CDI", "b")], &cols, options);
        assert!(out.starts_with('\u{feff}'));
        assert!(
            out.ends_with("\"=\"\"00123\"\"\",\"iPad, CDI\",87\r\n"),
            "{out}"
        );
    }

    #[test]
    fn txt_is_tab_separated() {
        let cols = columns(&["name", "battery"]).unwrap();
        let out = export(&[row("iPad 1", "x")], &cols, opts(ExportFormat::Txt, false));
        assert_eq!(out, "Nom de l'appareil\tBatterie (%)\r\niPad 1\t87\r\n");
    }

    #[test]
    fn xml_is_escaped_and_counted() {
        let cols = columns(&["name", "last-inventory"]).unwrap();
        let out = export(
            &[row("<img src=x onerror=alert(1)> & co", "x")],
            &cols,
            opts(ExportFormat::Xml, false),
        );
        assert!(out.contains("<size>1</size>"));
        assert!(
            out.contains("<name>&lt;img src=x onerror=alert(1)&gt; &amp; co</name>"),
            "{out}"
        );
        assert!(out.contains("<last_inventory>2026-11-12T08:30:00Z</last_inventory>"));
    }

    /// The export as Excel or any CSV reader gets it back: ids as the formula that keeps
    /// them text, a name with quotes, `;` and a line break whole, a formula defused.
    #[test]
    fn an_excel_csv_reads_back_through_a_csv_reader() {
        let cols = columns(&["name", "asset-tag", "battery", "model"]).unwrap();
        let rows = [row("iPad \"CDI\"; salle 2\nfond", "a"), row("-iPad", "b")];
        let out = export(&rows, &cols, opts(ExportFormat::Csv, true));
        let body = out.strip_prefix('\u{feff}').expect("BOM");
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(body.as_bytes());
        assert_eq!(
            reader.headers().unwrap(),
            vec![
                "Nom de l'appareil",
                "Numéro d'inventaire",
                "Batterie (%)",
                "Modèle"
            ]
        );
        let read: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(
            read,
            [
                vec![
                    "iPad \"CDI\"; salle 2\nfond",
                    "=\"00123\"",
                    "87",
                    "iPad (9e génération)"
                ],
                vec!["'-iPad", "=\"00123\"", "87", "iPad (9e génération)"],
            ]
        );
    }

    #[test]
    fn a_txt_reads_back_through_a_tsv_reader() {
        let cols = columns(&["name", "user"]).unwrap();
        let out = export(
            &[row("iPad\t1", "x")],
            &cols,
            opts(ExportFormat::Txt, false),
        );
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(b'\t')
            .from_reader(out.as_bytes());
        let read = reader.records().next().unwrap().unwrap();
        assert_eq!(read, vec!["iPad\t1", ""]);
    }

    /// TXT is always tabs; CSV takes the separator asked for, or the default of its mode when
    /// none is asked or the one asked is not a single ASCII byte.
    #[rstest::rstest]
    #[case(ExportFormat::Txt, true, Some(','), b'\t')]
    #[case(ExportFormat::Csv, true, None, b';')]
    #[case(ExportFormat::Csv, false, None, b',')]
    #[case(ExportFormat::Csv, true, Some(','), b',')]
    #[case(ExportFormat::Csv, false, Some('\t'), b'\t')]
    #[case(ExportFormat::Csv, true, Some('§'), b';')]
    fn the_separator_of_each_format(
        #[case] format: ExportFormat,
        #[case] excel: bool,
        #[case] asked: Option<char>,
        #[case] expected: u8,
    ) {
        let options = ExportOptions {
            separator: asked,
            ..opts(format, excel)
        };
        assert_eq!(separator(options) as char, expected as char);
    }

    #[test]
    fn unknown_columns_list_the_known_ones() {
        let err = columns(&["name", "colour"]).err().unwrap();
        assert!(err.contains("colour") && err.contains("serial"));
    }
}
