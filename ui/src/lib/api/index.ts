// The typed API over Tauri's IPC: the only module that imports @tauri-apps/api. Screens call
// these functions and never invoke() directly, so the UI can run in a browser with mocked IPC.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type {
  ActionPlan,
  ActionRequest,
  AppStatus,
  ConnectionCheck,
  Dashboard,
  DemoNetworkRequest,
  DeviceDetail,
  DeviceHistory,
  ExportRequest,
  ExportResult,
  ExportJobRequest,
  ExportJournalRequest,
  ExportPathRequest,
  IdRequest,
  InventoryRequest,
  InventoryResult,
  InventoryRow,
  JobRequest,
  JobSummary,
  JobView,
  JournalPage,
  JournalRequest,
  LanguagePref,
  LostDevice,
  PositionStatus,
  ProfileDraft,
  SetLanguageRequest,
  RetryRequest,
  StartSyncRequest,
  SyncProgress,
  TargetState,
  UpdateSettingsRequest,
} from "../bindings";
import { EVENTS } from "../bindings";
import { toAppError } from "./errors";

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toAppError(raw);
  }
}

export const api = {
  appStatus: (): Promise<AppStatus> => call("app_status"),
  setLanguage: (language: LanguagePref): Promise<AppStatus> =>
    call("set_language", { request: { language } satisfies SetLanguageRequest }),
  onStatusChanged: (handler: (status: AppStatus) => void): Promise<UnlistenFn> =>
    listen<AppStatus>(EVENTS.statusChanged, (event) => handler(event.payload)),
  updateSettings: (request: UpdateSettingsRequest): Promise<AppStatus> =>
    call("update_settings", { request }),

  // Connection: the demo school, saved servers, the "Tester" button.
  startDemo: (): Promise<AppStatus> => call("start_demo"),
  testConnection: (draft: ProfileDraft): Promise<ConnectionCheck> =>
    call("test_connection", { draft }),
  saveProfile: (draft: ProfileDraft): Promise<AppStatus> => call("save_profile", { draft }),
  /** Demo only: `false` stops the simulated school (a network cut, to try the offline mode). */
  setDemoNetwork: (online: boolean): Promise<AppStatus> =>
    call("set_demo_network", { request: { online } satisfies DemoNetworkRequest }),
  switchProfile: (id: string): Promise<AppStatus> =>
    call("switch_profile", { request: { id } satisfies IdRequest }),
  deleteProfile: (id: string): Promise<AppStatus> =>
    call("delete_profile", { request: { id } satisfies IdRequest }),

  // Sync: runs in the background; progress arrives as events, the end as a status change.
  startSync: (full = false): Promise<AppStatus> =>
    call("start_sync", { request: { full } satisfies StartSyncRequest }),
  cancelSync: (): Promise<void> => call("cancel_sync"),
  onSyncProgress: (handler: (progress: SyncProgress) => void): Promise<UnlistenFn> =>
    listen<SyncProgress>(EVENTS.syncProgress, (event) => handler(event.payload)),

  // Screens: read from the local snapshot only.
  dashboard: (): Promise<Dashboard> => call("dashboard"),
  inventoryQuery: (request: InventoryRequest): Promise<InventoryResult> =>
    call("inventory_query", { request }),
  inventoryRows: (ids: string[]): Promise<InventoryRow[]> =>
    call("inventory_rows", { request: { ids } }),
  deviceDetail: (id: string): Promise<DeviceDetail> =>
    call("device_detail", { request: { id } satisfies IdRequest }),
  deviceHistory: (id: string): Promise<DeviceHistory> =>
    call("device_history", { request: { id } satisfies IdRequest }),
  /** Reads the device's history from the server and caches it (needs a connection). */
  refreshDeviceHistory: (id: string): Promise<DeviceHistory> =>
    call("refresh_device_history", { request: { id } satisfies IdRequest }),
  /** Asks where to save (native dialog); `null` when the user cancelled. */
  chooseExportPath: (defaultName: string): Promise<string | null> =>
    call("choose_export_path", { defaultName }),
  exportInventory: (request: ExportRequest): Promise<ExportResult> =>
    call("export_inventory", { request }),

  // Actions on devices (jobs): plan → confirm → start; each device's state arrives as events.
  /** What the confirmation shows: count, refused devices and why, stale inventories, erase text. */
  planAction: (request: ActionRequest): Promise<ActionPlan> => call("plan_action", { request }),
  /** Records the job and starts sending in the background (needs a connection). */
  startJob: (request: ActionRequest): Promise<JobSummary> => call("start_job", { request }),
  jobs: (): Promise<JobSummary[]> => call("jobs"),
  job: (id: number): Promise<JobView> => call("job", { request: { id } satisfies JobRequest }),
  /** Sends again to the devices in these states (failed, unknown): the user decided. */
  retryJob: (id: number, states: TargetState[]): Promise<JobSummary> =>
    call("retry_job", { request: { id, states } satisfies RetryRequest }),
  exportJob: (id: number, path: string): Promise<ExportResult> =>
    call("export_job", { request: { id, path } satisfies ExportJobRequest }),
  onJobChanged: (handler: (job: JobSummary) => void): Promise<UnlistenFn> =>
    listen<JobSummary>(EVENTS.jobChanged, (event) => handler(event.payload)),

  // The audit journal (append-only).
  journal: (request: JournalRequest): Promise<JournalPage> => call("journal", { request }),
  exportJournal: (search: string | null, path: string): Promise<ExportResult> =>
    call("export_journal", { request: { search, path } satisfies ExportJournalRequest }),

  // Lost mode: the devices on the map, and why a device has no position.
  lostDevices: (): Promise<LostDevice[]> => call("lost_devices"),
  /** The Mode perdu list (positions or why there is none) to CSV. */
  exportLostDevices: (path: string): Promise<ExportResult> =>
    call("export_lost_devices", { request: { path } satisfies ExportPathRequest }),
  positionStatus: (id: string): Promise<PositionStatus> =>
    call("position_status", { request: { id } satisfies IdRequest }),
  /** The iOS versions the server offers for updates (needs the server). */
  availableOsUpdates: (): Promise<string[]> => call("available_os_updates"),
};

export { toAppError, isAppError } from "./errors";
