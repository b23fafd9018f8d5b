import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { AppStatus, ServerProfile, SyncRunView } from "../../lib/bindings";
import { updateStatus } from "../../lib/app.svelte";
import { api } from "../../lib/api";
import { settingsFixture, statusFixture } from "../../lib/testing/fixtures";
import { cleanup, render, settle } from "../../lib/testing/mount";
import { byTestId, type } from "../../lib/testing/dom";
import Settings from "./Settings.svelte";

const college: ServerProfile = {
  id: "ecollege31",
  label: "Collège Jean Moulin",
  serverUrl: "https://ecollege31.jamfcloud.com",
  auth: "user",
  account: "0312345A",
  demo: false,
};
const lycee: ServerProfile = { ...college, id: "lycee", label: "Lycée Victor Hugo", serverUrl: "https://lycee.jamfcloud.com" };
const status: AppStatus = statusFixture({
  connection: "online",
  profile: college,
  snapshot: { syncedAt: "2026-11-22T08:30:00Z", deviceCount: 38 },
  settings: settingsFixture({ profiles: [college, lycee], activeProfile: college.id }),
});

const history: SyncRunView[] = [
  {
    startedAt: "2026-11-22T08:30:00Z",
    finishedAt: null,
    kind: "incremental",
    status: "failed",
    deviceCount: null,
    added: null,
    changed: null,
    removed: null,
    incomplete: 0,
    positionsUnread: 0,
    error: "Sync failed: cannot reach ecollege31.jamfcloud.com",
  },
  {
    startedAt: "2026-11-22T07:00:00Z",
    finishedAt: "2026-11-22T07:00:09Z",
    kind: "full",
    status: "succeeded",
    deviceCount: 38,
    added: 38,
    changed: 0,
    removed: 0,
    incomplete: 0,
    positionsUnread: 0,
    error: null,
  },
];

let calls: [string, unknown][] = [];
beforeEach(async () => {
  calls = [];
  mockIPC((cmd, args) => {
    if (cmd === "sync_history") return history;
    calls.push([cmd, args]);
    return status;
  });
  await updateStatus(() => api.appStatus());
  calls = [];
});

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("settings", () => {
  it("lists the latest syncs in French, a failure without the English error", async () => {
    const view = render(Settings);
    await settle(view);
    const rows = [...byTestId(view.target, "sync-history").querySelectorAll("tr")];
    expect(rows.map((r) => r.dataset.status)).toEqual(["failed", "succeeded"]);
    expect(rows[0]?.textContent).toContain("Incrémentale");
    expect(rows[0]?.textContent).toContain("Échouée");
    expect(rows[0]?.textContent).not.toContain("cannot reach");
    expect(rows[1]?.textContent).toContain("Complète");
    expect(rows[1]?.textContent).toContain("Appareils\u00a0: 38 — ajoutés 38, modifiés 0, retirés 0");
  });

  it("exports the latest syncs where the user chose", async () => {
    const view = render(Settings);
    await settle(view);
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === "choose_export_path") return "/home/prof/synchronisations.csv";
      if (cmd === "export_sync_history") return { path: "/home/prof/synchronisations.csv", rows: 2 };
      if (cmd === "sync_history") return history;
      return status;
    });
    byTestId(view.target, "sync-history-export").click();
    await settle(view);
    expect(calls).toContainEqual([
      "export_sync_history",
      { request: { path: "/home/prof/synchronisations.csv" } },
    ]);
    expect(byTestId(view.target, "sync-history-exported").textContent).toBe(
      "Exporté dans /home/prof/synchronisations.csv",
    );
  });

  it("lists the saved servers with the active one marked", async () => {
    const view = render(Settings);
    const active = byTestId(view.target, "server-ecollege31");
    expect(active.textContent).toContain("Actif");
    expect(active.querySelector("[data-testid=server-activate]")).toBeNull();
    const other = byTestId(view.target, "server-lycee");
    expect(other.textContent).not.toContain("Actif");
    byTestId(other, "server-activate").click();
    await settle(view);
    expect(calls[0]).toEqual(["switch_profile", { request: { id: "lycee" } }]);
  });

  it("asks before deleting, naming the server", async () => {
    const view = render(Settings);
    const row = byTestId(view.target, "server-lycee");
    byTestId(row, "server-delete").click();
    view.flush();
    expect(calls).toEqual([]);
    expect(row.textContent).toContain("Supprimer « Lycée Victor Hugo » ?");
    byTestId(row, "server-delete-confirm").click();
    await settle(view);
    expect(calls).toEqual([["delete_profile", { request: { id: "lycee" } }]]);
  });

  it("opens the form to edit a server, its secret left empty", async () => {
    const view = render(Settings);
    byTestId(byTestId(view.target, "server-lycee"), "server-edit").click();
    view.flush();
    expect((byTestId(view.target, "connection-url") as HTMLInputElement).value).toBe(
      "https://lycee.jamfcloud.com",
    );
    expect((byTestId(view.target, "connection-secret") as HTMLInputElement).value).toBe("");
  });

  it("saves the sync and inventory preferences one at a time", async () => {
    const view = render(Settings);
    type(byTestId(view.target, "settings-auto-sync"), "240");
    await settle(view);
    (byTestId(view.target, "settings-sync-at-start") as HTMLInputElement).click();
    await settle(view);
    type(byTestId(view.target, "settings-stale-days"), "14");
    await settle(view);
    type(byTestId(view.target, "settings-stale-days"), "120");
    await settle(view);
    const empty = { staleAfterDays: null, syncAtStart: null, autoSyncMinutes: null, inventoryColumns: null };
    expect(calls).toEqual([
      ["update_settings", { request: { ...empty, autoSyncMinutes: 240 } }],
      ["update_settings", { request: { ...empty, syncAtStart: false } }],
      ["update_settings", { request: { ...empty, staleAfterDays: 14 } }],
    ]);
    expect(view.target.textContent).toContain("entre 1 et 90");
  });
});
