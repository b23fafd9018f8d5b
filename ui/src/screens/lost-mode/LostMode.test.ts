// The lost-mode screen against a mocked back end: each device's reason in plain words, the
// commands asking for the right action, disabled offline, and the map's markers and layers.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import type { JobSummary, LostDevice, PositionStatus } from "../../lib/bindings";
import { EVENTS } from "../../lib/bindings";
import { closeAction, launcher } from "../../lib/actions/launcher.svelte";
import { rowFixture } from "../../lib/testing/fixtures";
import { cleanup, render, type Mounted } from "../../lib/testing/mount";
import { byTestId } from "../../lib/testing/dom";
import { setStatus } from "../inventory/testHelpers";
import LostMode from "./LostMode.svelte";

// Ages ("il y a 5 h") are read from the clock, which the app reads when its module loads: it is
// frozen here, before the imports run, five hours after the fixtures' reports (a real clock
// made these tests fail once the fixtures were a few days old).
vi.hoisted(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-22T12:00:00Z"));
});

const none: PositionStatus = { position: null, note: null, error: null, requestedAt: null };

function lost(n: number, status: Partial<PositionStatus>, overrides: Partial<LostDevice> = {}): LostDevice {
  return {
    device: rowFixture(n, { lostMode: true, cart: `Chariot ${n % 2 === 0 ? 2 : 1}` }),
    message: null,
    phone: null,
    status: { ...none, ...status },
    ...overrides,
  };
}

const located = lost(
  1,
  { position: { latitude: 43.6045, longitude: 1.444, accuracyM: 65, reportedAt: "2026-11-22T07:00:00Z" } },
  { message: "iPad du collège, merci de le rapporter", phone: "05 61 00 00 00" },
);
const fleet: LostDevice[] = [
  located,
  lost(2, { note: "never_reported" }),
  lost(3, { note: "request_pending", requestedAt: "2026-11-22T08:00:00Z" }),
  lost(4, { note: "request_failed", error: "Location services are off (12068)", requestedAt: "2026-11-22T08:00:00Z" }),
  lost(5, { note: "not_supervised" }),
  lost(6, { note: "not_in_lost_mode" }),
];

let calls: string[] = [];
let answer: LostDevice[] = fleet;

let exportedTo: unknown = null;

function backEnd() {
  mockIPC(
    (cmd, args) => {
      calls.push(cmd);
      if (cmd === "choose_export_path") return "/tmp/mode-perdu-chariot.csv";
      if (cmd === "export_lost_devices") {
        exportedTo = (args as { request: { path: string } }).request.path;
        return { path: "/tmp/mode-perdu-chariot.csv", rows: answer.length };
      }
      return cmd === "lost_devices" ? answer : null;
    },
    { shouldMockEvents: true },
  );
}

const rows = (m: Mounted) => [...m.target.querySelectorAll<HTMLElement>('[data-testid="lost-row"]')];
const row = (m: Mounted, id: string) => m.target.querySelector<HTMLElement>(`[data-testid="lost-row"][data-id="${id}"]`)!;
const button = (root: ParentNode, kind: string) => root.querySelector<HTMLButtonElement>(`button[data-action="${kind}"]`)!;
const text = (el: Element | null | undefined) => el?.textContent?.replace(/[ \t\n\r]+/g, " ").trim() ?? "";

async function open(): Promise<Mounted> {
  const m = render(LostMode);
  await vi.waitFor(() => expect(rows(m).length).toBe(answer.length));
  return m;
}

beforeEach(async () => {
  calls = [];
  answer = fleet;
  closeAction();
  backEnd();
  await setStatus({ connection: "online", language: "fr" });
});

afterEach(() => {
  cleanup();
  clearMocks();
  closeAction();
});

describe("lost mode", () => {
  it("lists every lost device with its cart, battery, message and report", async () => {
    const m = await open();
    expect(text(byTestId(m.target, "lost-summary"))).toBe("6\u00a0appareils en mode perdu · 1\u00a0localisé");
    const first = row(m, "1");
    expect(first.querySelector('a[href="#/device/1"]')?.textContent).toBe("0312345A-2024-DMPX0001");
    expect(text(first)).toContain("Chariot 1");
    expect(text(first)).toContain("80\u00a0%");
    expect(text(first)).toContain("Message\u00a0: «\u00a0iPad du collège, merci de le rapporter\u00a0»");
    expect(text(first)).toContain("Tél.\u00a005 61 00 00 00");
    expect(text(first.querySelector('[data-testid="lost-reported"]'))).toMatch(
      /^Position relevée il y a 5 h \(22\/11\/2026 \d\d:00\) · précision ±\u00a065\u00a0m$/,
    );
    expect(first.querySelector('[data-testid="position-reason"]')).toBeNull();
  });

  it("says in plain words why a device has no position", async () => {
    const m = await open();
    const reason = (id: string) => text(row(m, id).querySelector('[data-testid="position-reason"]'));
    expect(reason("2")).toContain("Aucune position reçue\u00a0: demandez-la.");
    expect(reason("3")).toContain("Demande de position envoyée, en attente de l'appareil.");
    expect(reason("3")).toMatch(/Dernière demande\u00a0: 22\/11\/2026/);
    expect(reason("4")).toContain("L'appareil n'a pas pu donner sa position.");
    expect(reason("4")).toContain("Erreur\u00a0: Location services are off (12068)");
    expect(reason("5")).toContain("Appareil non supervisé");
    expect(reason("6")).toContain("Le mode perdu n'est pas activé");
    // Without a position, nothing to show on the map.
    expect(row(m, "2").querySelector<HTMLButtonElement>('[data-testid="lost-locate"]')!.disabled).toBe(true);
  });

  it("keeps an older position on the map while a newer request waits or failed", async () => {
    answer = [
      { ...located, status: { ...located.status, note: "request_pending", requestedAt: "2026-11-22T08:00:00Z" } },
    ];
    const m = await open();
    expect(text(row(m, "1").querySelector('[data-testid="lost-reported"]'))).toContain("Position relevée");
    const reason = text(row(m, "1").querySelector('[data-testid="position-reason"]'));
    expect(reason).toContain("Demande de position envoyée, en attente de l'appareil.");
    expect(reason).toContain("La position affichée date d'avant cette demande.");
    expect(byTestId(m.target, "lost-map").dataset.markers).toBe("1");
  });

  it("exports the list to the CSV file chosen", async () => {
    const m = await open();
    byTestId(m.target, "lost-export").click();
    await vi.waitFor(() => expect(m.target.querySelector('[data-testid="lost-export-done"]')).not.toBeNull());
    expect(exportedTo).toBe("/tmp/mode-perdu-chariot.csv");
    expect(text(byTestId(m.target, "lost-export-done"))).toContain("6\u00a0appareils exportés");
  });

  it("asks for each command on one device", async () => {
    const m = await open();
    const second = row(m, "2");
    for (const kind of ["update_location", "play_lost_mode_sound", "disable_lost_mode"] as const) {
      closeAction();
      button(second, kind).click();
      expect(launcher.pending).toEqual({ kind, deviceIds: ["2"] });
    }
    expect(button(second, "update_location").textContent).toBe("Demander la position");
    expect(button(second, "play_lost_mode_sound").textContent).toBe("Faire sonner");
    expect(button(second, "disable_lost_mode").textContent).toBe("Désactiver le mode perdu");
  });

  it("asks for each command on the whole list", async () => {
    const m = await open();
    const all = byTestId(m.target, "lost-all");
    button(all, "update_location").click();
    expect(launcher.pending).toEqual({ kind: "update_location", deviceIds: ["1", "2", "3", "4", "5", "6"] });
    button(all, "play_lost_mode_sound").click();
    expect(launcher.pending?.kind).toBe("play_lost_mode_sound");
    button(all, "disable_lost_mode").click();
    expect(launcher.pending).toEqual({ kind: "disable_lost_mode", deviceIds: ["1", "2", "3", "4", "5", "6"] });
  });

  it("disables the commands offline, saying why", async () => {
    const m = await open();
    await setStatus({ connection: "offline", language: "fr" });
    m.flush();
    const buttons = [...m.target.querySelectorAll<HTMLButtonElement>("button[data-action]")];
    expect(buttons).toHaveLength(3 * 6 + 3);
    for (const b of buttons) {
      expect(b.disabled).toBe(true);
      expect(b.title).toContain("Serveur injoignable");
    }
    buttons[0]!.click();
    expect(launcher.pending).toBeNull();
    // The list and the reasons stay: they come from the local snapshot.
    expect(text(row(m, "2"))).toContain("Aucune position reçue");
  });

  it("says how to enable lost mode when no device is lost", async () => {
    answer = [];
    const m = render(LostMode);
    await vi.waitFor(() => expect(m.target.querySelector('[data-testid="lost-empty"]')).not.toBeNull());
    const empty = byTestId(m.target, "lost-empty");
    expect(text(empty)).toContain("Aucun appareil en mode perdu");
    expect(text(empty)).toContain("«\u00a0Gestion\u00a0»");
    expect(empty.querySelector("a")?.getAttribute("href")).toBe("#/inventory");
  });

  it("hides the whole-list commands for a single device", async () => {
    answer = [located];
    const m = await open();
    expect(m.target.querySelector('[data-testid="lost-all"]')).toBeNull();
  });

  it("puts the located devices on the map, with tiles only online", async () => {
    const m = await open();
    const map = byTestId(m.target, "lost-map");
    expect(map.dataset.markers).toBe("1");
    expect(map.dataset.tiles).toBe("true");
    // The marker and its accuracy circle are vector paths (no marker image).
    await vi.waitFor(() => expect(map.querySelectorAll(".leaflet-overlay-pane path.leaflet-interactive")).toHaveLength(1));
    expect(map.querySelectorAll(".leaflet-tile-pane .leaflet-layer")).toHaveLength(1);
    expect(map.querySelector("img.leaflet-marker-icon")).toBeNull();
    expect(m.target.querySelector('[data-testid="lost-map-offline"]')).toBeNull();

    await setStatus({ connection: "offline", language: "fr" });
    m.flush();
    expect(map.dataset.tiles).toBe("false");
    expect(map.querySelectorAll(".leaflet-tile-pane .leaflet-layer")).toHaveLength(0);
    expect(text(byTestId(m.target, "lost-map-offline"))).toContain("fond de carte simplifié");
  });

  it("selects a device from the list", async () => {
    const m = await open();
    byTestId(row(m, "1"), "lost-locate").click();
    m.flush();
    expect(row(m, "1").classList.contains("selected")).toBe(true);
    expect(byTestId(row(m, "1"), "lost-locate").getAttribute("aria-pressed")).toBe("true");
    // A click elsewhere on the row does the same; a device without position cannot be selected.
    row(m, "2").click();
    m.flush();
    expect(row(m, "2").classList.contains("selected")).toBe(false);
    expect(row(m, "1").classList.contains("selected")).toBe(true);
  });

  it("selects the device of a clicked marker in the list", async () => {
    const m = await open();
    const marker = await vi.waitFor(() => {
      const path = byTestId(m.target, "lost-map").querySelector(".leaflet-overlay-pane path.leaflet-interactive");
      expect(path).not.toBeNull();
      return path!;
    });
    marker.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    m.flush();
    expect(row(m, "1").classList.contains("selected")).toBe(true);
  });

  it("reloads when a job changes", async () => {
    await open();
    const before = calls.filter((c) => c === "lost_devices").length;
    await emit(EVENTS.jobChanged, { id: 1 } as JobSummary);
    await vi.waitFor(() => expect(calls.filter((c) => c === "lost_devices").length).toBe(before + 1), { timeout: 3000 });
  });
});
