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
  DeviceDetail,
  DeviceHistory,
  ExportRequest,
  ExportResult,
  InventoryRequest,
  InventoryResult,
  InventoryRow,
  JobSummary,
  JobView,
  JournalPage,
  JournalRequest,
  LanguagePref,
  LostDevice,
  PositionStatus,
  ProfileDraft,
  SyncProgress,
  SyncRunView,
  TargetState,
  UpdateSettingsRequest,
} from "../bindings";
import { EVENTS, type Commands, type Events } from "../bindings";
import { toAppError } from "./errors";

type Request<K extends keyof Commands> = Commands[K]["request"];
type Response<K extends keyof Commands> = Commands[K]["response"];

/** Calls a command of the contract (`Commands`, generated): its one argument is `request`. */
async function call<K extends keyof Commands>(
  command: K,
  ...request: Request<K> extends null ? [] : [Request<K>]
): Promise<Response<K>> {
  try {
    return await invoke<Response<K>>(command, request.length > 0 ? { request: request[0] } : {});
  } catch (raw) {
    throw toAppError(raw);
  }
}

/** Listens to an event of the contract (`Events`, generated). */
function on<E extends keyof Events>(event: E, handler: (payload: Events[E]) => void): Promise<UnlistenFn> {
  return listen<Events[E]>(event, (e) => handler(e.payload));
}

export const api = {
  appStatus: (): Promise<AppStatus> => call("app_status"),
  setLanguage: (language: LanguagePref): Promise<AppStatus> =>
    call("set_language", { language }),
  onStatusChanged: (handler: (status: AppStatus) => void): Promise<UnlistenFn> =>
    on(EVENTS.statusChanged, handler),
  updateSettings: (request: UpdateSettingsRequest): Promise<AppStatus> =>
    call("update_settings", request),

  // Connection: the demo school, saved servers, the "Tester" button.
  startDemo: (): Promise<AppStatus> => call("start_demo"),
  testConnection: (draft: ProfileDraft): Promise<ConnectionCheck> =>
    call("test_connection", draft),
  saveProfile: (draft: ProfileDraft): Promise<AppStatus> => call("save_profile", draft),
  /** Demo only: `false` stops the simulated school (a network cut, to try the offline mode). */
  setDemoNetwork: (online: boolean): Promise<AppStatus> =>
    call("set_demo_network", { online }),
  switchProfile: (id: string): Promise<AppStatus> =>
    call("switch_profile", { id }),
  deleteProfile: (id: string): Promise<AppStatus> =>
    call("delete_profile", { id }),

  // Sync: runs in the background; progress arrives as events, the end as a status change.
  startSync: (full = false): Promise<AppStatus> =>
    call("start_sync", { full }),
  /** The latest syncs of this server, newest first (Réglages). */
  syncHistory: (): Promise<SyncRunView[]> => call("sync_history"),
  exportSyncHistory: (path: string): Promise<ExportResult> => call("export_sync_history", { path }),
  cancelSync: (): Promise<void> => call("cancel_sync").then(() => undefined),
  onSyncProgress: (handler: (progress: SyncProgress) => void): Promise<UnlistenFn> =>
    on(EVENTS.syncProgress, handler),

  // Screens: read from the local snapshot only.
  dashboard: (): Promise<Dashboard> => call("dashboard"),
  inventoryQuery: (request: InventoryRequest): Promise<InventoryResult> =>
    call("inventory_query", request),
  inventoryRows: (ids: string[]): Promise<InventoryRow[]> =>
    call("inventory_rows", { ids }),
  deviceDetail: (id: string): Promise<DeviceDetail> =>
    call("device_detail", { id }),
  deviceHistory: (id: string): Promise<DeviceHistory> =>
    call("device_history", { id }),
  /** Reads the device's history from the server and caches it (needs a connection). */
  refreshDeviceHistory: (id: string): Promise<DeviceHistory> =>
    call("refresh_device_history", { id }),
  /** Asks where to save (native dialog); `null` when the user cancelled. */
  chooseExportPath: (defaultName: string): Promise<string | null> =>
    call("choose_export_path", { defaultName }),
  exportInventory: (request: ExportRequest): Promise<ExportResult> =>
    call("export_inventory", request),

  // Actions on devices (jobs): plan → confirm → start; each device's state arrives as events.
  /** What the confirmation shows: count, refused devices and why, stale inventories, erase text. */
  planAction: (request: ActionRequest): Promise<ActionPlan> => call("plan_action", request),
  /** Records the job and starts sending in the background (needs a connection). */
  startJob: (request: ActionRequest): Promise<JobSummary> => call("start_job", request),
  jobs: (): Promise<JobSummary[]> => call("jobs"),
  job: (id: number): Promise<JobView> => call("job", { id }),
  /** Sends again to the devices in these states (failed, unknown): the user decided. */
  retryJob: (id: number, states: TargetState[]): Promise<JobSummary> =>
    call("retry_job", { id, states }),
  exportJob: (id: number, path: string): Promise<ExportResult> =>
    call("export_job", { id, path }),
  onJobChanged: (handler: (job: JobSummary) => void): Promise<UnlistenFn> =>
    on(EVENTS.jobChanged, handler),

  // The audit journal (append-only).
  journal: (request: JournalRequest): Promise<JournalPage> => call("journal", request),
  exportJournal: (search: string | null, path: string): Promise<ExportResult> =>
    call("export_journal", { search, path }),

  // Lost mode: the devices on the map, and why a device has no position.
  lostDevices: (): Promise<LostDevice[]> => call("lost_devices"),
  /** The Mode perdu list (positions or why there is none) to CSV. */
  exportLostDevices: (path: string): Promise<ExportResult> =>
    call("export_lost_devices", { path }),
  positionStatus: (id: string): Promise<PositionStatus> =>
    call("position_status", { id }),
  /** The iOS versions the server offers for updates (needs the server). */
  availableOsUpdates: (): Promise<string[]> => call("available_os_updates"),
};

export { toAppError, isAppError } from "./errors";
