//! Logs go to a daily rolling file in the app's log folder (kept 14 days) and, in debug builds,
//! to stderr. Every line passes through the secret redactor first.

use std::io::Write;
use std::path::Path;

use chariot_core::redact::redact_secrets;
use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::{EnvFilter, layer::SubscriberExt, util::SubscriberInitExt};

/// Installs the global subscriber. Returns the guard that flushes the file on exit, or `None`
/// when a subscriber already exists (the MockRuntime tests set up several apps in one process).
pub fn init(log_dir: &Path) -> Option<WorkerGuard> {
    let filter = EnvFilter::try_from_env("CHARIOT_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,chariot=debug"));
    // The appender lists the folder to prune old files: it must exist first.
    let _ = std::fs::create_dir_all(log_dir);
    let appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("chariot")
        .filename_suffix("log")
        .max_log_files(14)
        .build(log_dir);
    let (file_layer, guard) = match appender {
        Ok(appender) => {
            let (writer, guard) = tracing_appender::non_blocking(appender);
            let layer = tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_writer(Redacting(writer));
            (Some(layer), Some(guard))
        }
        Err(e) => {
            eprintln!("Chariot: cannot write logs to {}: {e}", log_dir.display());
            (None, None)
        }
    };
    let stderr_layer = cfg!(debug_assertions)
        .then(|| tracing_subscriber::fmt::layer().with_writer(Redacting(std::io::stderr)));
    tracing_subscriber::registry()
        .with(filter)
        .with(file_layer)
        .with(stderr_layer)
        .try_init()
        .ok()
        .and(guard)
}

/// Wraps a writer so each formatted event is redacted before it is written.
#[derive(Clone)]
struct Redacting<M>(M);

impl<'a, M: MakeWriter<'a>> MakeWriter<'a> for Redacting<M> {
    type Writer = RedactingWriter<M::Writer>;
    fn make_writer(&'a self) -> Self::Writer {
        RedactingWriter(self.0.make_writer())
    }
}

struct RedactingWriter<W>(W);

impl<W: Write> Write for RedactingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0.write_all(redact_secrets(&text).as_bytes())?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}
