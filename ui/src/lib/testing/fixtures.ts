// Typed sample payloads for unit tests of the UI (the shapes come from bindings.ts, so a change
// on the Rust side breaks these at typecheck time instead of silently).
import type { AppStatus, InventoryRow, JobSummary, Settings } from "../bindings";

export function settingsFixture(overrides: Partial<Settings> = {}): Settings {
  return {
    language: "system",
    staleAfterDays: 7,
    syncAtStart: true,
    autoSyncMinutes: 60,
    inventoryColumns: ["name", "cart", "serial", "model", "os_version", "user", "battery", "last_inventory"],
    profiles: [],
    activeProfile: null,
    ...overrides,
  };
}

export function statusFixture(overrides: Partial<AppStatus> = {}): AppStatus {
  return {
    appVersion: "0.1.0",
    language: "fr",
    languagePref: "system",
    systemLocale: "fr-FR",
    connection: "not_configured",
    profile: null,
    snapshot: { syncedAt: null, deviceCount: 0 },
    sync: { running: false, last: null },
    settings: settingsFixture(),
    databasePath: "/tmp/local.db",
    logDir: "/tmp/logs",
    problems: [],
    ...overrides,
  };
}

/** Job `id`: a restart of 15 devices by "chariot" at 9:00 on 22/11/2026, none sent yet. */
export function jobFixture(id: number, overrides: Partial<JobSummary> = {}): JobSummary {
  return {
    id,
    action: { kind: "restart" },
    kind: "restart",
    details: "",
    account: "chariot",
    createdAt: "2026-11-22T09:00:00Z",
    counts: { notSent: 15, waiting: 0, notNow: 0, done: 0, failed: 0, unknown: 0, refused: 0 },
    total: 15,
    finished: false,
    ...overrides,
  };
}

export function rowFixture(n: number, overrides: Partial<InventoryRow> = {}): InventoryRow {
  return {
    id: String(n),
    name: `0312345A-2024-DMPX${String(n).padStart(4, "0")}`,
    role: "student",
    cart: "Chariot 1",
    serialNumber: `DMPX${String(n).padStart(4, "0")}`,
    assetTag: null,
    model: "iPad (9th generation)",
    osVersion: "17.5.1",
    username: null,
    batteryLevel: 80,
    capacityMb: 65536,
    availableMb: 20480,
    supervised: true,
    sharedIpad: false,
    lostMode: false,
    lastInventory: "2026-11-20T08:30:00Z",
    stale: false,
    ...overrides,
  };
}
