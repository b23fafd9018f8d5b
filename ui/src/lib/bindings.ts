// Generated from the Rust types in crates/chariot-core by `cargo xtask bindings`.
// Do not edit: change the Rust type and regenerate.

export type ErrorCode = "internal" | "invalid_input" | "not_found" | "database" | "database_too_new" | "io" | "network" | "auth" | "server" | "cancelled";

export type AppError = { code: ErrorCode, 
/**
 * What happened, in a sentence the IT manager can read.
 */
message: string, 
/**
 * How to fix it, when there is something to do.
 */
hint: string | null, 
/**
 * Whether trying the same thing again may succeed (network blips, busy server).
 */
retryable: boolean, };

export type Lang = "fr" | "en";

export type LanguagePref = "system" | "fr" | "en";

export type Settings = { language: LanguagePref, 
/**
 * Inventory older than this many days is flagged as stale (the guide's warning).
 */
staleAfterDays: number, };

export type ConnectionState = "not_configured" | "demo" | "online" | "offline";

export type SnapshotStatus = { 
/**
 * When the current snapshot finished syncing; `None` when nothing was ever synced.
 */
syncedAt: string | null, 
/**
 * Devices in the current snapshot.
 */
deviceCount: number, };

export type AppStatus = { appVersion: string, 
/**
 * The language the UI must speak now (preference resolved against the system locale).
 */
language: Lang, languagePref: LanguagePref, systemLocale: string | null, connection: ConnectionState, snapshot: SnapshotStatus, 
/**
 * Where the local database lives, for the Réglages screen and support.
 */
databasePath: string, 
/**
 * Where the log files are written.
 */
logDir: string, 
/**
 * Problems found at start-up that the user should see (unreadable settings, a database
 * from a newer Chariot...). The app still opens; each is shown as a notice.
 */
problems: Array<AppError>, };

export type SetLanguageRequest = { language: LanguagePref, };

export const EVENTS = { statusChanged: "status-changed" } as const;
