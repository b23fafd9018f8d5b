//! `chariot devices` and `chariot export`: the inventory of the local snapshot, offline.

use std::path::PathBuf;

use chariot_core::AppError;
use chariot_core::export::{self, ExportFormat, ExportOptions};
use chariot_core::locale::{Lang, LanguagePref};
use chariot_store::{DeviceQuery, SortKey, Store};
use clap::Args;

#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Database file (default: --server's database, else the local one)
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Server whose database to read (same value as for `chariot sync`)
    #[arg(long)]
    pub server: Option<String>,
    /// Part of a name, serial, asset tag, user, model or installed app
    #[arg(long)]
    pub search: Option<String>,
    /// student | shared_teacher | teacher | other
    #[arg(long)]
    pub role: Option<String>,
    /// e.g. "Chariot 2"
    #[arg(long)]
    pub cart: Option<String>,
    /// Only devices in lost mode
    #[arg(long)]
    pub lost: bool,
    /// Members of this group (static or smart), e.g. "Professeurs"
    #[arg(long)]
    pub group: Option<String>,
    /// Jamf site id (districts: one site per school)
    #[arg(long)]
    pub site: Option<String>,
    /// iOS version or its start: 17 matches 17.x
    #[arg(long)]
    pub os: Option<String>,
    /// Battery at least N %
    #[arg(long, value_name = "N")]
    pub battery_min: Option<i64>,
    /// Battery at most N %
    #[arg(long, value_name = "N")]
    pub battery_max: Option<i64>,
    /// Free space at least N MB
    #[arg(long, value_name = "N")]
    pub free_min: Option<i64>,
    /// Free space at most N MB
    #[arg(long, value_name = "N")]
    pub free_max: Option<i64>,
    /// Only devices whose last inventory is older than N days
    #[arg(long, value_name = "N")]
    pub stale_days: Option<u32>,
    /// name | serial | model | os | battery | free-space | last-inventory | user
    #[arg(long, default_value = "name")]
    pub sort: String,
    #[arg(long)]
    pub desc: bool,
    /// Comma-separated columns (see `chariot export --help`)
    #[arg(long, value_delimiter = ',')]
    pub columns: Option<Vec<String>>,
    /// Header language: fr | en (default: the system's)
    #[arg(long)]
    pub lang: Option<String>,
}

#[derive(Debug, Args)]
pub struct DevicesArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// table | json | csv
    #[arg(long, default_value = "table")]
    pub format: String,
}

#[derive(Debug, Args)]
#[command(after_help = columns_help())]
pub struct ExportArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// csv | txt (tab-separated) | xml
    #[arg(long)]
    pub format: String,
    /// For Excel: UTF-8 BOM, `;` separators (French Excel), number-like ids kept as text
    #[arg(long)]
    pub excel: bool,
    /// CSV only: `,` `;` or `tab` (default: `;` with --excel, else `,`). An English-locale
    /// Excel wants `--excel --separator ,`
    #[arg(long, value_name = "SEP")]
    pub separator: Option<String>,
    /// Write here instead of standard output
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

fn columns_help() -> String {
    let keys: Vec<&str> = export::COLUMNS.iter().map(|c| c.key).collect();
    format!(
        "Columns: {}\nDefault: {}",
        keys.join(", "),
        export::DEFAULT_COLUMNS.join(",")
    )
}

fn query(f: &FilterArgs) -> Result<DeviceQuery, AppError> {
    let sort = SortKey::parse(&f.sort).ok_or_else(|| {
        crate::exit::usage(
            format!("unknown sort `{}`", f.sort),
            "Use name, serial, model, os, battery, free-space, last-inventory or user.",
        )
    })?;
    let role = f
        .role
        .as_deref()
        .map(|role| {
            chariot_core::fleet::DeviceRole::parse(role).ok_or_else(|| {
                crate::exit::usage(
                    format!("unknown role `{role}`"),
                    "Use student, shared_teacher, teacher or other.",
                )
            })
        })
        .transpose()?;
    Ok(DeviceQuery {
        search: f.search.clone(),
        role,
        cart: f.cart.clone(),
        lost_mode: f.lost.then_some(true),
        inventory_before: f
            .stale_days
            .map(|d| chrono::Utc::now() - chrono::Duration::days(d.into())),
        group: f.group.clone(),
        site_id: f.site.clone(),
        os_version: f.os.clone(),
        battery_min: f.battery_min,
        battery_max: f.battery_max,
        free_mb_min: f.free_min,
        free_mb_max: f.free_max,
        sort,
        descending: f.desc,
        ..DeviceQuery::default()
    })
}

fn open(f: &FilterArgs) -> Result<Store, AppError> {
    let server = f
        .server
        .as_deref()
        .map(crate::credentials::server_url)
        .transpose()?;
    let path = crate::paths::database(f.db.clone(), server.as_ref())?;
    if !path.exists() {
        return Err(crate::exit::usage(
            format!("no local database at {}", path.display()),
            "Run `chariot sync --server URL ...` first, or pass --db PATH.",
        ));
    }
    Ok(Store::attach(&path)?)
}

fn lang(f: &FilterArgs) -> Lang {
    match f.lang.as_deref() {
        Some("fr") => Lang::Fr,
        Some("en") => Lang::En,
        _ => LanguagePref::System.resolve(sys_locale::get_locale().as_deref()),
    }
}

fn columns(f: &FilterArgs) -> Result<Vec<&'static export::Column>, AppError> {
    let keys: Vec<&str> = match &f.columns {
        Some(c) => c.iter().map(String::as_str).collect(),
        None => export::DEFAULT_COLUMNS.to_vec(),
    };
    export::columns(&keys)
        .map_err(|e| crate::exit::usage(e, "See `chariot export --help` for the column names."))
}

pub fn devices(args: DevicesArgs) -> Result<(), AppError> {
    let store = open(&args.filter)?;
    let rows = store.list_devices(&query(&args.filter)?)?;
    let cols = columns(&args.filter)?;
    let lang = lang(&args.filter);
    match args.format.as_str() {
        "json" => {
            let list: Vec<serde_json::Value> = rows
                .iter()
                .map(|r| {
                    serde_json::Value::Object(
                        cols.iter()
                            .map(|c| (c.key.to_owned(), (c.value)(r).into()))
                            .collect(),
                    )
                })
                .collect();
            emit(&(serde_json::to_string_pretty(&list).expect("json") + "\n"));
        }
        "csv" => emit(&export::export(
            &rows,
            &cols,
            ExportOptions {
                format: ExportFormat::Csv,
                lang,
                excel: false,
                separator: None,
            },
        )),
        "table" => {
            let label = if lang == Lang::Fr {
                "appareils"
            } else {
                "devices"
            };
            emit(&format!(
                "{}{} {label}\n",
                table(&rows, &cols, lang),
                rows.len()
            ));
        }
        other => {
            return Err(crate::exit::usage(
                format!("unknown format `{other}`"),
                "Use table, json or csv.",
            ));
        }
    }
    Ok(())
}

pub fn export(args: ExportArgs) -> Result<(), AppError> {
    let format = ExportFormat::parse(&args.format).ok_or_else(|| {
        crate::exit::usage(
            format!("unknown format `{}`", args.format),
            "Use csv, txt or xml.",
        )
    })?;
    let separator = args
        .separator
        .as_deref()
        .map(|s| separator(s, format))
        .transpose()?;
    let store = open(&args.filter)?;
    let rows = store.list_devices(&query(&args.filter)?)?;
    let text = export::export(
        &rows,
        &columns(&args.filter)?,
        ExportOptions {
            format,
            lang: lang(&args.filter),
            excel: args.excel,
            separator,
        },
    );
    match &args.output {
        Some(path) => {
            std::fs::write(path, text).map_err(|e| {
                AppError::new(
                    chariot_core::ErrorCode::Io,
                    format!("cannot write {}: {e}", path.display()),
                )
                .with_hint("Check the folder exists and you may write to it.")
            })?;
            eprintln!("exported {} devices to {}", rows.len(), path.display());
        }
        None => emit(&text),
    }
    Ok(())
}

/// `--separator`: `,` `;` or `tab`, for CSV only (TXT is tab-separated by definition, XML
/// has no separator): a value that cannot apply is refused rather than ignored.
fn separator(value: &str, format: ExportFormat) -> Result<char, AppError> {
    if format != ExportFormat::Csv {
        return Err(crate::exit::usage(
            "--separator applies to --format csv only",
            "TXT is always tab-separated and XML has no separator: drop --separator, or use --format csv.",
        ));
    }
    match value {
        "," => Ok(','),
        ";" => Ok(';'),
        // A literal tab, or `\t` as typed in a shell.
        "tab" | "\t" | "\\t" => Ok('\t'),
        other => Err(crate::exit::usage(
            format!("unknown --separator `{other}`"),
            "Use `,` (English-locale Excel), `;` (French Excel) or tab.",
        )),
    }
}

/// Writes to standard output; a reader that went away (`| head`) just ends the output.
fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("error: cannot write the output: {e}");
    }
}

fn table(rows: &[chariot_store::DeviceListRow], cols: &[&export::Column], lang: Lang) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| cols.iter().map(|c| (c.value)(r)).collect())
        .collect();
    let headers: Vec<&str> = cols
        .iter()
        .map(|c| if lang == Lang::Fr { c.fr } else { c.en })
        .collect();
    let widths: Vec<usize> = (0..cols.len())
        .map(|i| {
            cells
                .iter()
                .map(|r| r[i].chars().count())
                .chain([headers[i].chars().count()])
                .max()
                .unwrap_or(0)
                .min(40)
        })
        .collect();
    let line = |values: Vec<&str>| {
        values
            .iter()
            .zip(&widths)
            .map(|(v, w)| {
                let v: String = v.chars().take(*w).collect();
                format!("{v:<w$}")
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_owned()
    };
    let mut out = line(headers) + "\n";
    for row in &cells {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
        out.push('\n');
    }
    out
}
