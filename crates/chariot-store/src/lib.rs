//! Chariot's local SQLite snapshot: one database file per server profile.
//!
//! Owns the schema (embedded, timestamped migrations), the connection settings (WAL, foreign
//! keys, busy timeout, 0600 file mode) and the reads and writes of the snapshot. The bottom layer:
//! it depends on no other Chariot crate, never on tauri or on any network client.

mod error;
mod migrate;
mod open;
mod snapshot;

pub use error::StoreError;
pub use open::Store;
pub use snapshot::CurrentSnapshot;
