// The typed API over Tauri's IPC: the only module that imports @tauri-apps/api. Screens call
// these functions and never invoke() directly, so the UI can run in a browser with mocked IPC.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type {
  AppStatus,
  ConnectionCheck,
  Dashboard,
  DemoNetworkRequest,
  DeviceDetail,
  DeviceHistory,
  ExportRequest,
  ExportResult,
  IdRequest,
  InventoryRequest,
  InventoryResult,
  InventoryRow,
  LanguagePref,
  ProfileDraft,
  SetLanguageRequest,
  StartSyncRequest,
  SyncProgress,
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
};

export { toAppError, isAppError } from "./errors";
