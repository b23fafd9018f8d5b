// Generated from the IPC contract (crates/chariot-runtime/src/contract.rs) by
// `cargo xtask bindings`. Do not edit: change the Rust type or the table and regenerate.

export type Action = { "kind": "updateInventory" } | { "kind": "restart" } | { "kind": "shutDown" } | { "kind": "enableLostMode", message: string, phone: string, footnote: string, 
/**
 * Keep lost mode on even if the device is restored from a backup (Jamf's "always
 * enforce", its default).
 */
alwaysEnforce: boolean, } | { "kind": "disableLostMode" } | { "kind": "playLostModeSound" } | { "kind": "updateLocation" } | { "kind": "clearPasscode" } | { "kind": "deleteUser", userName: string, 
/**
 * Delete even when the user still has data to sync to iCloud.
 */
force: boolean, } | { "kind": "logOutUser" } | { "kind": "erase", 
/**
 * Keep the eSIM's data plan (seed 000/001).
 */
preserveDataPlan: boolean, disallowProximitySetup: boolean, } | { "kind": "refreshCellularPlans", esimServerUrl: string, } | { "kind": "updateOs", install: OsUpdateInstall, version: OsVersionChoice, 
/**
 * With `version: specific`: e.g. "18.6.2".
 */
specificVersion: string, };

export type ActionKind = "update_inventory" | "restart" | "shut_down" | "enable_lost_mode" | "disable_lost_mode" | "play_lost_mode_sound" | "update_location" | "clear_passcode" | "delete_user" | "log_out_user" | "erase" | "refresh_cellular_plans" | "update_os";

export type ActionPlan = { kind: ActionKind, 
/**
 * Devices asked for that are in the snapshot.
 */
total: number, 
/**
 * Devices the action will be sent to.
 */
toSend: number, refused: Array<RefusedDevice>, 
/**
 * Among those to send to, the ones whose inventory is older than the threshold (or
 * unknown), oldest first.
 */
stale: Array<PlannedDevice>, 
/**
 * Set when the server cannot do this action (its version): nothing can be sent.
 */
unavailable: Unavailable | null, 
/**
 * For an erase: what must be typed to confirm.
 */
typedConfirmation: string | null, 
/**
 * For a single device: its name, for the dialog's title.
 */
singleDevice: string | null, };

export type ActionRequest = { action: Action, deviceIds: Array<string>, 
/**
 * For an erase: what the user typed (the count, or the device's name for one device).
 */
confirmation: string | null, };

export type AppError = { code: ErrorCode, 
/**
 * The situation as data, for the UI's sentence in the user's language; `None` for what
 * only the code explains (a bug, a malformed request).
 */
detail: ErrorDetail | null, 
/**
 * What happened, in an English sentence the IT manager can read: for the logs, the
 * command line and support (the UI words `detail` in the user's language).
 */
message: string, 
/**
 * How to fix it, when there is something to do (English, like `message`).
 */
hint: string | null, 
/**
 * Whether trying the same thing again may succeed (network blips, busy server).
 */
retryable: boolean, };

export type AppStatus = { appVersion: string, 
/**
 * The language the UI must speak now (preference resolved against the system locale).
 */
language: Lang, languagePref: LanguagePref, systemLocale: string | null, connection: ConnectionState, 
/**
 * The server profile whose snapshot the screens show; `None` before the first connection.
 */
profile: ServerProfile | null, snapshot: SnapshotStatus, sync: SyncStatus, 
/**
 * The preferences of Réglages (saved servers included, never a secret).
 */
settings: Settings, 
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

export type AuthKind = "user" | "api_client";

export type ConnectionCheck = { 
/**
 * The server answered at all (DNS, TLS, HTTP).
 */
reachable: boolean, 
/**
 * The credentials were accepted.
 */
signedIn: boolean, 
/**
 * Jamf Pro version, e.g. `11.30.1`.
 */
version: string | null, privileges: Array<PrivilegeCheck>, 
/**
 * The blocking problem, when a step failed.
 */
problem: AppError | null, };

export type ConnectionState = "not_configured" | "demo" | "online" | "offline";

export type CountBy<K = string> = { key: K, count: number, };

export type Dashboard = { total: number, 
/**
 * By role: always the four, in the order of `DEVICE_ROLES`.
 */
byRole: Array<CountBy<DeviceRole>>, 
/**
 * By cart name; devices in no cart are not counted here.
 */
byCart: Array<CountBy<string>>, 
/**
 * By major.minor iOS version, newest first.
 */
byOs: Array<CountBy<string>>, 
/**
 * By model name, most numerous first.
 */
byModel: Array<CountBy<string>>, 
/**
 * Devices whose inventory is older than `stale_after_days`.
 */
stale: number, staleAfterDays: number, 
/**
 * The oldest inventories (at most 5), oldest first.
 */
oldest: Array<DeviceRef>, lostMode: number, 
/**
 * Battery at or below `low_battery_percent`.
 */
lowBattery: number, lowBatteryPercent: number, 
/**
 * Free space at or below `low_space_mb`.
 */
lowSpace: number, lowSpaceMb: number, 
/**
 * Smart groups with their member counts, largest first.
 */
smartGroups: Array<CountBy<string>>, syncedAt: string | null, };

export type DemoNetworkRequest = { 
/**
 * `false` stops the demonstration school (a simulated network cut).
 */
online: boolean, };

export type DeviceApp = { name: string, identifier: string | null, version: string | null, managementStatus: string | null, };

export type DeviceDetail = { 
/**
 * The same fields as the inventory row (name, serial, iOS, battery, dates...).
 */
summary: InventoryRow, udid: string | null, modelIdentifier: string | null, osBuild: string | null, managed: boolean | null, 
/**
 * Shared iPad: how many local accounts it keeps, and each one's data quota.
 */
residentUsers: number | null, quotaMb: number | null, realName: string | null, email: string | null, building: string | null, department: string | null, room: string | null, siteId: string | null, ipAddress: string | null, wifiMac: string | null, lastContact: string | null, lostMode: LostModeInfo | null, sharedUsers: Array<SharedUser>, 
/**
 * "App Store Apps from Mobile Device App Catalog": apps Jamf Pro manages.
 */
catalogApps: Array<DeviceApp>, 
/**
 * "Other": apps installed on the device some other way.
 */
otherApps: Array<DeviceApp>, profiles: Array<DeviceProfile>, groups: Array<DeviceGroup>, };

export type DeviceGroup = { id: string | null, name: string, smart: boolean, };

export type DeviceHistory = { entries: Array<HistoryEntry>, 
/**
 * When this history was read from the server; `None` when it never was.
 */
fetchedAt: string | null, };

export type DeviceProfile = { name: string, identifier: string | null, version: string | null, };

export type DeviceRef = { id: string, name: string, lastInventory: string | null, };

export type DeviceRole = "student" | "shared_teacher" | "teacher" | "other";

export type DeviceRowsRequest = { ids: Array<string>, };

export type ErrorCode = "internal" | "invalid_input" | "not_found" | "database" | "database_too_new" | "io" | "network" | "auth" | "server" | "cancelled" | "not_configured" | "busy";

export type ErrorDetail = { "kind": "invalid_server_url", url: string, } | { "kind": "insecure_server_url", url: string, } | { "kind": "unreachable", host: string, } | { "kind": "timeout", host: string, seconds: number, } | { "kind": "wrong_credentials", host: string, } | { "kind": "no_api_clients", host: string, } | { "kind": "missing_privilege", privilege: string, account: string, } | { "kind": "forbidden", request: string, } | { "kind": "not_found_on_server", request: string, } | { "kind": "server_busy" } | { "kind": "server_answered", status: number, } | { "kind": "unreadable_answer" } | { "kind": "write_outcome_unknown" } | { "kind": "server_too_old", version: string, needed: string, } | { "kind": "sync_cancelled" } | { "kind": "demo_stopped" } | { "kind": "demo_could_not_start" } | { "kind": "no_saved_secret", account: string, server: string, } | { "kind": "keychain_unavailable" } | { "kind": "settings_invalid", path: string, } | { "kind": "settings_unreadable", path: string, } | { "kind": "settings_unwritable", path: string, } | { "kind": "database_too_new", path: string, } | { "kind": "data_folder_unwritable", path: string, } | { "kind": "database_unavailable" } | { "kind": "database_not_open" } | { "kind": "sync_already_running" } | { "kind": "bad_file_name", path: string, } | { "kind": "export_file_unwritable", path: string, } | { "kind": "not_configured" } | { "kind": "sync_running_before_switch" } | { "kind": "sync_running_before_delete" } | { "kind": "empty_account" } | { "kind": "empty_secret" } | { "kind": "moved_without_secret" } | { "kind": "unknown_server_profile", id: string, } | { "kind": "stale_days_out_of_range", days: number, } | { "kind": "device_not_in_snapshot", id: string, } | { "kind": "devices_not_in_snapshot" } | { "kind": "no_device_qualifies", total: number, reason: Refusal | null, } | { "kind": "action_needs_newer_server", version: string, needed: string, } | { "kind": "erase_confirmation_mismatch", expected: string, } | { "kind": "lost_mode_needs_message" } | { "kind": "no_user_chosen" } | { "kind": "bad_esim_server_url" } | { "kind": "bad_os_version" } | { "kind": "job_not_found", job: number, };

export type ExportFormat = "csv" | "txt" | "xml";

export type ExportJobRequest = { id: number, path: string, };

export type ExportJournalRequest = { search: string | null, path: string, };

export type ExportPathRequest = { path: string, };

export type ExportRequest = { 
/**
 * Device ids, in display order.
 */
ids: Array<string>, columns: Array<InventoryColumn>, format: ExportFormat, 
/**
 * For Excel: BOM, `;` separators, identifiers kept as text.
 */
excel: boolean, 
/**
 * The file chosen in the save dialog.
 */
path: string, };

export type ExportResult = { path: string, rows: number, };

export type HistoryEntry = { command: string, status: HistoryStatus, 
/**
 * When it was issued (pending, failed) or completed.
 */
date: string | null, 
/**
 * The device's error text for a failed command.
 */
error: string | null, };

export type HistoryStatus = "completed" | "pending" | "failed";

export type IdRequest = { id: string, };

export type InventoryColumn = "name" | "role" | "cart" | "serial" | "asset_tag" | "model" | "os_version" | "user" | "battery" | "free_space" | "capacity" | "supervised" | "shared_ipad" | "lost_mode" | "last_inventory";

export type InventoryFilter = { 
/**
 * Part of a name, serial number, user, asset tag, model or installed app.
 */
search: string | null, 
/**
 * Devices of this role only.
 */
role: DeviceRole | null, 
/**
 * Cart name, e.g. `Chariot 1`.
 */
cart: string | null, 
/**
 * Member of this group (static or smart), by name.
 */
group: string | null, siteId: string | null, 
/**
 * `17` matches every 17.x, `17.5` matches 17.5 and 17.5.1.
 */
osVersion: string | null, model: string | null, supervised: boolean | null, sharedIpad: boolean | null, lostMode: boolean | null, 
/**
 * Only devices whose last inventory is older than the stale threshold of Réglages.
 */
stale: boolean | null, batteryMin: number | null, batteryMax: number | null, 
/**
 * Free space bounds in megabytes.
 */
freeMbMin: number | null, freeMbMax: number | null, };

export type InventoryRequest = { filter: InventoryFilter, sort: InventorySort, descending: boolean, 
/**
 * How many rows to return with the ids (the first screenful).
 */
firstRows: number, };

export type InventoryResult = { 
/**
 * Number of matching devices ("252 appareils").
 */
total: number, 
/**
 * The Jamf ids of every matching device, in display order.
 */
ids: Array<string>, 
/**
 * The first `first_rows` rows, in the same order.
 */
rows: Array<InventoryRow>, 
/**
 * Devices whose last inventory is before this instant are stale.
 */
staleBefore: string, };

export type InventoryRow = { id: string, name: string, role: DeviceRole, cart: string | null, serialNumber: string | null, assetTag: string | null, model: string | null, osVersion: string | null, username: string | null, batteryLevel: number | null, capacityMb: number | null, availableMb: number | null, supervised: boolean | null, sharedIpad: boolean | null, lostMode: boolean | null, 
/**
 * "Dernière mise à jour de l'inventaire".
 */
lastInventory: string | null, 
/**
 * Last inventory older than the threshold of Réglages (or never reported).
 */
stale: boolean, };

export type InventorySort = "name" | "serial" | "model" | "os_version" | "battery" | "free_space" | "last_inventory" | "user" | "cart" | "role" | "asset_tag";

export type JobCounts = { notSent: number, 
/**
 * Submitted or pending: waiting for the device.
 */
waiting: number, notNow: number, done: number, failed: number, unknown: number, refused: number, };

export type JobRequest = { id: number, };

export type JobSummary = { id: number, action: Action, kind: ActionKind, 
/**
 * The parameters in words (English; the UI shows the action's own fields).
 */
details: string, 
/**
 * The Jamf Pro account that sent it.
 */
account: string, createdAt: string, counts: JobCounts, total: number, finished: boolean, };

export type JobTarget = { deviceId: string, deviceName: string, state: TargetState, 
/**
 * Apple's or Jamf's error, the reason of a refusal, or why the state is unknown.
 */
error: string | null, updatedAt: string, };

export type JobView = { summary: JobSummary, targets: Array<JobTarget>, };

export type JournalEntry = { id: number, at: string, account: string, jobId: number | null, 
/**
 * `None` for an action this version does not know (written by a newer Chariot).
 */
kind: ActionKind | null, event: JournalEvent, deviceId: string | null, deviceName: string | null, state: TargetState | null, detail: string, };

export type JournalEvent = "requested" | "refused" | "result" | "retried";

export type JournalPage = { entries: Array<JournalEntry>, total: number, };

export type JournalRequest = { search: string | null, limit: number | null, offset: number | null, };

export type Lang = "fr" | "en";

export type LanguagePref = "system" | "fr" | "en";

export type LostDevice = { device: InventoryRow, message: string | null, phone: string | null, status: PositionStatus, };

export type LostModeInfo = { message: string | null, phone: string | null, footnote: string | null, 
/**
 * Last reported position; `None` until the device answered a location request.
 */
position: Position | null, };

export type NoPosition = "not_in_lost_mode" | "not_supervised" | "never_reported" | "request_pending" | "request_failed";

export type OsUpdateInstall = "download_only" | "download_install_restart";

export type OsVersionChoice = "latest_minor" | "latest_any" | "specific";

export type PlannedDevice = { id: string, name: string, lastInventory: string | null, };

export type Position = { latitude: number, longitude: number, accuracyM: number | null, reportedAt: string | null, };

export type PositionStatus = { position: Position | null, 
/**
 * Set when there is no position (or when a newer request is pending or failed).
 */
note: NoPosition | null, 
/**
 * The error of the last location request, when it failed.
 */
error: string | null, 
/**
 * When the last location request was answered or sent.
 */
requestedAt: string | null, };

export type PrivilegeCheck = { 
/**
 * The Jamf Pro privilege name, as in Settings › User accounts / API roles.
 */
privilege: string, 
/**
 * What Chariot reads with it, e.g. "inventory".
 */
neededFor: string, granted: boolean, };

export type ProfileDraft = { 
/**
 * The profile being edited; `None` for a new one.
 */
id: string | null, label: string, serverUrl: string, auth: AuthKind, account: string, 
/**
 * The password or client secret; `None` keeps the one already in the keychain.
 */
secret: string | null, };

export type Refusal = "not_supervised" | "shared_ipad" | "student_ipad" | "not_shared_ipad" | "not_in_lost_mode" | "user_not_on_device" | "no_management_id";

export type RefusedDevice = { id: string, name: string, reason: Refusal, };

export type RetryRequest = { id: number, states: Array<TargetState>, };

export type SavePathRequest = { defaultName: string, };

export type ServerProfile = { 
/**
 * Stable id, also the name of the profile's database file.
 */
id: string, 
/**
 * What the user calls it ("Collège Jean Moulin").
 */
label: string, 
/**
 * e.g. `https://ecollege31.jamfcloud.com`; empty for the demo school (its port changes at
 * every start).
 */
serverUrl: string, auth: AuthKind, 
/**
 * User name or client id.
 */
account: string, 
/**
 * The built-in demonstration school (simulator on loopback).
 */
demo: boolean, };

export type SetLanguageRequest = { language: LanguagePref, };

export type Settings = { language: LanguagePref, 
/**
 * Inventory older than this many days is flagged as stale (the guide's warning).
 */
staleAfterDays: number, 
/**
 * Sync when the app starts (when a server profile is active).
 */
syncAtStart: boolean, 
/**
 * Sync again every this many minutes while the app is open; 0 turns it off.
 */
autoSyncMinutes: number, 
/**
 * The inventory's columns, in display order ("Affichage de l'inventaire").
 */
inventoryColumns: Array<InventoryColumn>, 
/**
 * Saved servers (no secrets: those are in the OS keychain).
 */
profiles: Array<ServerProfile>, 
/**
 * The profile whose snapshot the screens show.
 */
activeProfile: string | null, };

export type SharedUser = { managedAppleId: string, loggedIn: boolean, dataToSync: boolean, };

export type SnapshotStatus = { 
/**
 * When the current snapshot finished syncing; `None` when nothing was ever synced.
 */
syncedAt: string | null, 
/**
 * Devices in the current snapshot.
 */
deviceCount: number, };

export type StartSyncRequest = { 
/**
 * Fetch everything again instead of only what changed.
 */
full: boolean, };

export type SyncKind = "full" | "incremental";

export type SyncOutcome = { finishedAt: string, 
/**
 * `None` when it failed before choosing.
 */
kind: SyncKind | null, deviceCount: number, added: number, changed: number, removed: number, 
/**
 * Devices Jamf Pro could only partly read (kept with what it sent).
 */
incomplete: number, 
/**
 * Lost devices whose position could not be read (they keep the last known one).
 */
positionsUnread: number, durationMs: number, 
/**
 * Why it failed or was cancelled; the previous snapshot is then unchanged.
 */
error: AppError | null, };

export type SyncPhase = "signing_in" | "fetching" | "reconciling" | "saving" | "positions";

export type SyncProgress = { phase: SyncPhase, done: number, total: number, devicesPerSecond: number, 
/**
 * Seconds left at the current pace; `None` until it can be estimated.
 */
etaSeconds: number | null, };

export type SyncRunStatus = "running" | "succeeded" | "failed" | "cancelled";

export type SyncRunView = { startedAt: string, 
/**
 * `None` while it runs (or when Chariot was stopped during it).
 */
finishedAt: string | null, kind: SyncKind, status: SyncRunStatus, 
/**
 * The snapshot's devices after a successful sync.
 */
deviceCount: number | null, added: number | null, changed: number | null, removed: number | null, 
/**
 * Devices Jamf Pro could only partly read, and lost devices whose position was not read.
 */
incomplete: number, positionsUnread: number, 
/**
 * Why it failed (English, as recorded for support).
 */
error: string | null, };

export type SyncStatus = { running: boolean, last: SyncOutcome | null, };

export type TargetState = "not_sent" | "submitted" | "pending" | "not_now" | "done" | "failed" | "unknown" | "refused";

export type Unavailable = { 
/**
 * The server's version, when a sync has read it.
 */
version: string | null, 
/**
 * The oldest Jamf Pro that can send it.
 */
needed: string, };

export type UpdateSettingsRequest = { staleAfterDays: number | null, syncAtStart: boolean | null, autoSyncMinutes: number | null, inventoryColumns: Array<InventoryColumn> | null, };

/** Every error code, for the catalogs and to recognise an error. */
export const ERROR_CODES: readonly ErrorCode[] = ["internal", "invalid_input", "not_found", "database", "database_too_new", "io", "network", "auth", "server", "cancelled", "not_configured", "busy"];

/** Every reason a device is left out of an action, for the catalogs' test. */
export const REFUSALS: readonly Refusal[] = ["not_supervised", "shared_ipad", "student_ipad", "not_shared_ipad", "not_in_lost_mode", "user_not_on_device", "no_management_id"];

export const DEVICE_ROLES = ["student", "shared_teacher", "teacher", "other"] as const satisfies ReadonlyArray<DeviceRole>;

/** The fields of each kind of error detail (the placeholders of its sentences). */
export const ERROR_DETAIL_FIELDS: { readonly [K in ErrorDetail["kind"]]: readonly string[] } = {
  invalid_server_url: ["url"],
  insecure_server_url: ["url"],
  unreachable: ["host"],
  timeout: ["host", "seconds"],
  wrong_credentials: ["host"],
  no_api_clients: ["host"],
  missing_privilege: ["account", "privilege"],
  forbidden: ["request"],
  not_found_on_server: ["request"],
  server_busy: [],
  server_answered: ["status"],
  unreadable_answer: [],
  write_outcome_unknown: [],
  server_too_old: ["needed", "version"],
  sync_cancelled: [],
  demo_stopped: [],
  demo_could_not_start: [],
  no_saved_secret: ["account", "server"],
  keychain_unavailable: [],
  settings_invalid: ["path"],
  settings_unreadable: ["path"],
  settings_unwritable: ["path"],
  database_too_new: ["path"],
  data_folder_unwritable: ["path"],
  database_unavailable: [],
  database_not_open: [],
  sync_already_running: [],
  bad_file_name: ["path"],
  export_file_unwritable: ["path"],
  not_configured: [],
  sync_running_before_switch: [],
  sync_running_before_delete: [],
  empty_account: [],
  empty_secret: [],
  moved_without_secret: [],
  unknown_server_profile: ["id"],
  stale_days_out_of_range: ["days"],
  device_not_in_snapshot: ["id"],
  devices_not_in_snapshot: [],
  no_device_qualifies: ["reason", "total"],
  action_needs_newer_server: ["needed", "version"],
  erase_confirmation_mismatch: ["expected"],
  lost_mode_needs_message: [],
  no_user_chosen: [],
  bad_esim_server_url: [],
  bad_os_version: [],
  job_not_found: ["job"],
};

/** Every kind of error detail, for the catalogs' sentences and their tests. */
export const ERROR_DETAIL_KINDS: readonly ErrorDetail["kind"][] = ["invalid_server_url", "insecure_server_url", "unreachable", "timeout", "wrong_credentials", "no_api_clients", "missing_privilege", "forbidden", "not_found_on_server", "server_busy", "server_answered", "unreadable_answer", "write_outcome_unknown", "server_too_old", "sync_cancelled", "demo_stopped", "demo_could_not_start", "no_saved_secret", "keychain_unavailable", "settings_invalid", "settings_unreadable", "settings_unwritable", "database_too_new", "data_folder_unwritable", "database_unavailable", "database_not_open", "sync_already_running", "bad_file_name", "export_file_unwritable", "not_configured", "sync_running_before_switch", "sync_running_before_delete", "empty_account", "empty_secret", "moved_without_secret", "unknown_server_profile", "stale_days_out_of_range", "device_not_in_snapshot", "devices_not_in_snapshot", "no_device_qualifies", "action_needs_newer_server", "erase_confirmation_mismatch", "lost_mode_needs_message", "no_user_chosen", "bad_esim_server_url", "bad_os_version", "job_not_found"];

export const EVENTS = {
  statusChanged: "status-changed",
  syncProgress: "sync-progress",
  jobChanged: "job-changed",
} as const;

/** The payload of each event, by name. */
export type Events = {
  "status-changed": AppStatus;
  "sync-progress": SyncProgress;
  "job-changed": JobSummary;
};

/** Every command: its request (`null`: called without one) and its response. */
export type Commands = {
  app_status: { request: null; response: AppStatus };
  set_language: { request: SetLanguageRequest; response: AppStatus };
  update_settings: { request: UpdateSettingsRequest; response: AppStatus };
  start_demo: { request: null; response: AppStatus };
  set_demo_network: { request: DemoNetworkRequest; response: AppStatus };
  test_connection: { request: ProfileDraft; response: ConnectionCheck };
  save_profile: { request: ProfileDraft; response: AppStatus };
  switch_profile: { request: IdRequest; response: AppStatus };
  delete_profile: { request: IdRequest; response: AppStatus };
  start_sync: { request: StartSyncRequest; response: AppStatus };
  cancel_sync: { request: null; response: null };
  sync_history: { request: null; response: Array<SyncRunView> };
  export_sync_history: { request: ExportPathRequest; response: ExportResult };
  dashboard: { request: null; response: Dashboard };
  inventory_query: { request: InventoryRequest; response: InventoryResult };
  inventory_rows: { request: DeviceRowsRequest; response: Array<InventoryRow> };
  device_detail: { request: IdRequest; response: DeviceDetail };
  device_history: { request: IdRequest; response: DeviceHistory };
  refresh_device_history: { request: IdRequest; response: DeviceHistory };
  choose_export_path: { request: SavePathRequest; response: string | null };
  export_inventory: { request: ExportRequest; response: ExportResult };
  plan_action: { request: ActionRequest; response: ActionPlan };
  start_job: { request: ActionRequest; response: JobSummary };
  jobs: { request: null; response: Array<JobSummary> };
  job: { request: JobRequest; response: JobView };
  retry_job: { request: RetryRequest; response: JobSummary };
  export_job: { request: ExportJobRequest; response: ExportResult };
  journal: { request: JournalRequest; response: JournalPage };
  export_journal: { request: ExportJournalRequest; response: ExportResult };
  lost_devices: { request: null; response: Array<LostDevice> };
  position_status: { request: IdRequest; response: PositionStatus };
  export_lost_devices: { request: ExportPathRequest; response: ExportResult };
  available_os_updates: { request: null; response: Array<string> };
};
