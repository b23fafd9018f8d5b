// The sync controls against Tauri's IPC mock: the real api → app state → component path, with
// progress and the end of the sync arriving as back-end events.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import type { AppStatus, SyncOutcome, SyncProgress } from "../../bindings";
import { EVENTS } from "../../bindings";
import { start, updateStatus } from "../../app.svelte";
import { api } from "../../api";
import { statusFixture } from "../../testing/fixtures";
import { cleanup, render, settle, type Mounted } from "../../testing/mount";
import { byTestId } from "../../testing/dom";
import SyncControl from "./SyncControl.svelte";
import SyncResult from "./SyncResult.svelte";
import OfflineBanner from "./OfflineBanner.svelte";

const profile = {
  id: "ecollege31",
  label: "Collège Jean Moulin",
  serverUrl: "https://ecollege31.jamfcloud.com",
  auth: "api_client" as const,
  account: "chariot",
  demo: false,
};
const idle = statusFixture({
  connection: "online",
  profile,
  snapshot: { syncedAt: "2026-11-22T08:30:00Z", deviceCount: 38 },
});
const running: AppStatus = { ...idle, sync: { running: true, last: null } };

/** The status once a sync ended as `outcome` says (the rest: a quiet incremental sync). */
function ended(outcome: Partial<SyncOutcome>): AppStatus {
  const last: SyncOutcome = {
    finishedAt: new Date().toISOString(),
    kind: "incremental",
    deviceCount: 38,
    added: 0,
    changed: 0,
    removed: 0,
    incomplete: 0,
    positionsUnread: 0,
    durationMs: 1200,
    error: null,
    ...outcome,
  };
  return { ...idle, sync: { running: false, last } };
}

/** SyncResult, mounted once a sync started. */
async function resultOfARunningSync() {
  await start();
  await updateStatus(() => api.startSync(false));
  return render(SyncResult);
}

/** Ends the running sync as `outcome` says; returns the summary `view` then shows. */
async function endSync(view: Mounted, outcome: Partial<SyncOutcome>) {
  await emit(EVENTS.statusChanged, ended(outcome));
  await settle(view);
  return byTestId(view.target, "sync-result");
}

let calls: [string, unknown][] = [];
let current: AppStatus = idle;

function backend(extra: Record<string, () => unknown> = {}) {
  calls = [];
  mockIPC(
    (cmd, args) => {
      calls.push([cmd, args]);
      if (extra[cmd]) return extra[cmd]();
      if (cmd === "start_sync") {
        current = running;
        return running;
      }
      if (cmd === "cancel_sync") return null;
      return current;
    },
    { shouldMockEvents: true },
  );
}

beforeEach(async () => {
  current = idle;
  backend();
  await updateStatus(() => api.appStatus());
});

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("sync control", () => {
  it("starts a sync, shows the progress it receives and cancels it", async () => {
    await start(); // subscribes to the back end's events
    const view = render(SyncControl);
    byTestId(view.target, "sync-button").click();
    await settle(view);
    expect(calls).toContainEqual(["start_sync", { request: { full: false } }]);
    expect(byTestId(view.target, "sync-progress").textContent).not.toContain("420");

    const progress: SyncProgress = {
      phase: "fetching",
      done: 420,
      total: 1000,
      devicesPerSecond: 48,
      etaSeconds: 12,
    };
    await emit(EVENTS.syncProgress, progress);
    await settle(view);
    const text = byTestId(view.target, "sync-progress").textContent?.replace(/[\u202f\u00a0]/g, " ");
    expect(text).toContain("Lecture de l'inventaire");
    expect(text).toContain("420 / 1 000 appareils");
    expect(text).toContain("encore 12 s");
    expect(view.target.querySelector("[data-testid=sync-button]")).toBeNull();

    byTestId(view.target, "sync-cancel").click();
    await settle(view);
    expect(calls.map(([cmd]) => cmd)).toContain("cancel_sync");
  });

  it("offers the full sync in its menu", async () => {
    const view = render(SyncControl);
    byTestId(view.target, "sync-menu").click();
    view.flush();
    byTestId(view.target, "sync-full").click();
    await settle(view);
    expect(calls).toContainEqual(["start_sync", { request: { full: true } }]);
  });

  it("is disabled, saying why, when no server is configured", async () => {
    current = statusFixture();
    await updateStatus(() => api.appStatus());
    const view = render(SyncControl);
    const button = byTestId(view.target, "sync-button") as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.parentElement?.title).toMatch(/Aucun serveur configuré/);
  });
});

describe("sync result", () => {
  it("summarises the sync that just ended until it is closed", async () => {
    const view = await resultOfARunningSync();
    expect(view.target.querySelector("[data-testid=sync-result]")).toBeNull();

    expect((await endSync(view, { changed: 2 })).textContent).toContain(
      "Synchronisé : 38 appareils, 2 modifiés, en 1,2 s",
    );
    byTestId(view.target, "sync-result-dismiss").click();
    view.flush();
    expect(view.target.querySelector("[data-testid=sync-result]")).toBeNull();
  });

  it("says what a successful sync could not read, under its summary", async () => {
    const view = await resultOfARunningSync();
    const result = await endSync(view, {
      finishedAt: new Date(Date.now() + 2000).toISOString(),
      kind: "full",
      added: 38,
      incomplete: 2,
      durationMs: 900,
    });
    expect(result.classList.contains("partial")).toBe(true);
    const problems = [...result.querySelectorAll("[data-testid=sync-problem]")];
    expect(problems.map((p) => p.textContent)).toEqual([
      "Jamf Pro n'a pu lire qu'une partie de l'inventaire de 2 appareils : ils sont gardés avec ce qu'il a envoyé (le journal de Jamf Pro dit pourquoi).",
    ]);
  });

  it("gives the error and its hint, and says the previous snapshot is kept", async () => {
    const view = await resultOfARunningSync();
    const result = await endSync(view, {
      finishedAt: new Date(Date.now() + 1000).toISOString(),
      kind: null,
      deviceCount: 0,
      durationMs: 800,
      error: {
        code: "auth",
        detail: null,
        message: "Jamf Pro a refusé le secret du client API.",
        hint: "Vérifiez le secret dans Réglages › Serveurs.",
        retryable: false,
      },
    });
    const text = result.textContent ?? "";
    expect(text).toContain("La synchronisation a échoué");
    expect(text).toContain("Vérifiez le secret dans Réglages › Serveurs.");
    expect(text).toContain("L'instantané précédent est conservé.");
  });
});

describe("offline banner", () => {
  it("appears only when the last contact with the server failed, and retries", async () => {
    const view = render(OfflineBanner);
    expect(view.target.querySelector("[data-testid=offline-banner]")).toBeNull();

    current = { ...idle, connection: "offline" };
    await updateStatus(() => api.appStatus());
    view.flush();
    const banner = byTestId(view.target, "offline-banner");
    expect(banner.textContent).toMatch(/Hors ligne — données du \d\d\/\d\d à \d\d:\d\d \(/);
    expect(banner.textContent).toContain("Les actions qui demandent le serveur sont désactivées.");

    byTestId(view.target, "offline-retry").click();
    await settle(view);
    expect(calls.map(([cmd]) => cmd)).toContain("start_sync");

    current = { ...idle, connection: "online" };
    await updateStatus(() => api.appStatus());
    view.flush();
    expect(view.target.querySelector("[data-testid=offline-banner]")).toBeNull();
  });
});
