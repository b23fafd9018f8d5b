// The device screen ("Inventaire particulier") against a mocked back end.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync } from "svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { AppError, DeviceDetail, DeviceHistory, PositionStatus } from "../../lib/bindings";
import { closeAction, launcher } from "../../lib/actions/launcher.svelte";
import { rowFixture } from "../../lib/testing/fixtures";
import DeviceDetailScreen from "./DeviceDetail.svelte";
import { cleanup, render } from "../../lib/testing/mount";
import { setHash, setStatus } from "../inventory/testHelpers";

function detailFixture(overrides: Partial<DeviceDetail> = {}): DeviceDetail {
  return {
    summary: rowFixture(42, { name: "0312345A-2024-DMPX0042", sharedIpad: true, lostMode: true }),
    udid: "00008101-000A1B2C3D4E5F60",
    modelIdentifier: "iPad12,1",
    osBuild: "21F90",
    managed: true,
    residentUsers: 10,
    quotaMb: 4096,
    realName: null,
    email: null,
    building: "Bâtiment A",
    department: null,
    room: "Salle 12",
    siteId: null,
    ipAddress: "10.0.4.17",
    wifiMac: "a4:83:e7:00:11:22",
    lastContact: "2026-11-21T10:00:00Z",
    lostMode: {
      message: "iPad du collège, merci de le rapporter",
      phone: "05 61 00 00 00",
      footnote: null,
      position: { latitude: 43.6045, longitude: 1.444, accuracyM: 65, reportedAt: "2026-11-21T09:00:00Z" },
    },
    sharedUsers: [
      { managedAppleId: "eleve1@ecollege31.appleid.com", loggedIn: true, dataToSync: false },
      { managedAppleId: "eleve2@ecollege31.appleid.com", loggedIn: false, dataToSync: true },
    ],
    catalogApps: [{ name: "Pronote", identifier: "com.index-education.pronote", version: "2024.3", managementStatus: "Managed" }],
    otherApps: [{ name: "<script>alert(1)</script>", identifier: "com.example.other", version: null, managementStatus: null }],
    profiles: [{ name: "Restrictions élèves", identifier: "fr.ac-toulouse.restrictions", version: "3" }],
    groups: [
      { id: "1", name: "Chariot 1", smart: false },
      { id: "7", name: "iOS < 17", smart: true },
    ],
    ...overrides,
  };
}

let calls: [string, unknown][] = [];

function backEnd(
  opts: { detail?: DeviceDetail | AppError; history?: DeviceHistory; refreshed?: DeviceHistory; position?: PositionStatus } = {},
) {
  mockIPC((cmd, args) => {
    calls.push([cmd, args]);
    switch (cmd) {
      case "device_detail": {
        const d = opts.detail ?? detailFixture();
        if ("code" in d) throw d;
        return d;
      }
      case "device_history":
        return opts.history ?? { entries: [], fetchedAt: null };
      case "refresh_device_history":
        return opts.refreshed ?? { entries: [], fetchedAt: "2026-11-22T09:00:00Z" };
      case "position_status":
        return opts.position ?? { position: detailFixture().lostMode!.position, note: null, error: null, requestedAt: null };
      default:
        return null;
    }
  });
}

const $ = <T extends Element = HTMLElement>(testid: string) =>
  document.querySelector<T>(`[data-testid="${testid}"]`);

beforeEach(async () => {
  calls = [];
  setHash("#/device/42");
  await setStatus({ connection: "online" });
});

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("device detail", () => {
  it("loads the device of the route and shows its header and inventory", async () => {
    backEnd();
    render(DeviceDetailScreen);
    await vi.waitFor(() => expect($("device-name")?.textContent).toBe("0312345A-2024-DMPX0042"));
    expect(calls[0]).toEqual(["device_detail", { request: { id: "42" } }]);
    expect($("device-age")?.textContent).toContain("Dernière mise à jour de l'inventaire");
    expect($("device-age")?.textContent).toMatch(/20\/11\/2026 \d\d:\d\d \(il y a/);
    const general = $("device-section-general")!.textContent!;
    expect(general).toContain("iPad12,1");
    expect(general).toContain("17.5.1 (build 21F90)");
    expect(general).toContain("00008101-000A1B2C3D4E5F60");
    expect($("device-battery")?.textContent).toContain("80\u00a0%");
    expect($("device-storage")?.textContent).toContain("20,0\u00a0Go libres sur 64,0\u00a0Go");
    expect($("device-section-shared")?.textContent).toContain("eleve2@ecollege31.appleid.com");
    expect($("device-apps-catalog")?.textContent).toContain("com.index-education.pronote");
    // Server strings stay text.
    expect($("device-apps-other")?.textContent).toContain("<script>alert(1)</script>");
    expect($("device-apps-other")?.querySelector("script")).toBeNull();
    expect($("device-section-lost")?.textContent).toContain("iPad du collège, merci de le rapporter");
  });

  it("switches tabs by click and with the arrow keys", async () => {
    backEnd({
      history: {
        fetchedAt: "2026-11-20T08:00:00Z",
        entries: [
          { command: "UpdateInventory", status: "completed", date: "2026-11-20T07:00:00Z", error: null },
          { command: "DeviceLock", status: "pending", date: "2026-11-20T07:30:00Z", error: null },
          { command: "ScheduleOSUpdate", status: "failed", date: "2026-11-19T07:30:00Z", error: "Device is not supervised" },
        ],
      },
    });
    render(DeviceDetailScreen);
    await vi.waitFor(() => expect($("tab-inventory")).not.toBeNull());
    const selected = () => document.querySelector('[role="tab"][aria-selected="true"]')?.getAttribute("data-testid");
    expect(selected()).toBe("tab-inventory");
    expect($("panel-inventory")).not.toBeNull();

    $<HTMLButtonElement>("tab-management")!.click();
    flushSync();
    expect(selected()).toBe("tab-management");
    expect($("panel-inventory")).toBeNull();
    expect($("device-commands")?.textContent).toContain("Mettre à jour l'inventaire");

    $("tab-management")!.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    flushSync();
    expect(selected()).toBe("tab-history");
    expect(document.activeElement).toBe($("tab-history"));
    await vi.waitFor(() => expect($("history-failed")?.textContent).toContain("Device is not supervised"));
    // Jamf's command names get a label, the name stays beside it (small) and in the tooltip.
    const completed = $("history-completed")?.querySelector("td[data-command]");
    expect(completed?.textContent?.replace(/\s+/g, " ").trim()).toBe("Mise à jour de l'inventaire UpdateInventory");
    expect(completed?.getAttribute("title")).toBe("UpdateInventory");
    expect(completed?.querySelector("code")?.textContent).toBe("UpdateInventory");
    expect($("history-pending")?.textContent).toContain("Verrouillage");
    expect($("history-pending")?.textContent).toContain("DeviceLock");
    expect($("history-fetched")?.textContent).toContain("Historique lu sur le serveur le 20/11/2026");

    $("tab-history")!.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    flushSync();
    expect(selected()).toBe("tab-inventory");
    $("tab-inventory")!.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowLeft", bubbles: true }));
    flushSync();
    expect(selected()).toBe("tab-history");
  });

  it("asks for a command's confirmation, and disables the commands when offline", async () => {
    backEnd();
    render(DeviceDetailScreen);
    await vi.waitFor(() => expect($("tab-management")).not.toBeNull());
    $<HTMLButtonElement>("tab-management")!.click();
    flushSync();
    const buttons = [...$("device-commands")!.querySelectorAll<HTMLButtonElement>("button")];
    const labels = buttons.map((b) => b.textContent);
    for (const label of [
      "Mettre à jour l'inventaire",
      "Effacer tous les contenus et réglages",
      "Effacer le code",
      "Désactiver le mode perdu",
      "Redémarrer",
      "Éteindre",
      "Mettre à jour iOS",
      "Actualiser les forfaits cellulaires",
      "Déconnecter l'utilisateur",
      "Supprimer un utilisateur",
    ])
      expect(labels).toContain(label);
    expect(labels).not.toContain("Verrouiller l'appareil");
    const byCommand = (id: string) => $("device-commands")!.querySelector<HTMLButtonElement>(`button[data-command="${id}"]`)!;
    // Every command can be sent, the iOS update too (no "coming soon" left).
    expect(buttons.every((b) => !b.disabled && b.title === "")).toBe(true);
    expect($("device-commands")?.textContent).not.toContain("Bientôt");
    expect(byCommand("erase").classList.contains("destructive")).toBe(true);
    expect($("device-groups")?.textContent).toContain("iOS < 17");

    byCommand("update_os").click();
    expect(launcher.pending).toMatchObject({ kind: "update_os", deviceIds: ["42"] });
    closeAction();

    // A click asks for the action on this device, with its Shared iPad accounts.
    byCommand("delete_user").click();
    expect(launcher.pending).toEqual({
      kind: "delete_user",
      deviceIds: ["42"],
      users: ["eleve1@ecollege31.appleid.com", "eleve2@ecollege31.appleid.com"],
    });
    closeAction();

    await setStatus({ connection: "offline" });
    flushSync();
    expect(byCommand("restart").disabled).toBe(true);
    expect(byCommand("restart").title).toContain("Serveur injoignable");
    byCommand("restart").click();
    expect(launcher.pending).toBeNull();
  });

  it("refreshes the history from the server, but not when offline", async () => {
    backEnd({ refreshed: { entries: [{ command: "RestartDevice", status: "completed", date: null, error: null }], fetchedAt: "2026-11-22T09:00:00Z" } });
    setHash("#/device/42?tab=history");
    render(DeviceDetailScreen);
    await vi.waitFor(() => expect($("history-fetched")?.textContent).toContain("Historique jamais lu"));
    $<HTMLButtonElement>("history-refresh")!.click();
    await vi.waitFor(() => expect($("history-completed")?.textContent).toContain("RestartDevice"));
    expect(calls.some(([cmd, args]) => cmd === "refresh_device_history" && JSON.stringify(args) === '{"request":{"id":"42"}}')).toBe(true);

    await setStatus({ connection: "offline" });
    flushSync();
    const button = $<HTMLButtonElement>("history-refresh")!;
    expect(button.disabled).toBe(true);
    expect(button.title).toContain("Serveur injoignable");
    await setStatus({ connection: "not_configured" });
    flushSync();
    expect($<HTMLButtonElement>("history-refresh")!.disabled).toBe(true);
  });

  it("says when the device is not in the snapshot, with a way back", async () => {
    backEnd({ detail: { code: "not_found", detail: { kind: "device_not_in_snapshot", id: "42" }, message: "no device 42", hint: null, retryable: false } });
    render(DeviceDetailScreen);
    await vi.waitFor(() => expect($("device-not-found")?.textContent).toContain("Appareil introuvable"));
    expect($("device-not-found")?.querySelector("a")?.getAttribute("href")).toMatch(/^#\/inventory/);
  });

  it("draws the lost-mode position on an offline map", async () => {
    backEnd();
    render(DeviceDetailScreen);
    await vi.waitFor(() => expect($("lost-mode-map")).not.toBeNull());
    const marker = $("map-marker")!;
    // Centred on the point.
    expect(marker.getAttribute("cx")).toBe("260");
    expect(marker.getAttribute("cy")).toBe("150");
    expect($("lost-mode-map")?.textContent).toContain("43,6045° N, 1,4440° E");
    expect($("lost-mode-map")?.textContent).toContain("précision ±\u00a065\u00a0m");
    // The coastline data decodes and reaches the view (Toulouse is on land).
    await vi.waitFor(() => expect($("map-land")?.getAttribute("d")?.length ?? 0).toBeGreaterThan(100), { timeout: 10_000 });
  });

  it("says why there is no position and asks for one", async () => {
    backEnd({
      detail: detailFixture({ lostMode: { message: null, phone: null, footnote: null, position: null } }),
      position: { position: null, note: "request_failed", error: "Location services are off (12068)", requestedAt: "2026-11-22T08:00:00Z" },
    });
    closeAction();
    render(DeviceDetailScreen);
    await vi.waitFor(() => expect($("position-reason")?.textContent).toContain("L'appareil n'a pas pu donner sa position."));
    expect(calls).toContainEqual(["position_status", { request: { id: "42" } }]);
    expect($("position-reason")?.textContent).toContain("Location services are off (12068)");
    expect($("lost-mode-map")).toBeNull();
    const ask = $("device-position")!.querySelector<HTMLButtonElement>('button[data-action="update_location"]')!;
    expect(ask.textContent).toBe("Demander la position");
    ask.click();
    expect(launcher.pending).toEqual({ kind: "update_location", deviceIds: ["42"] });
    closeAction();

    await setStatus({ connection: "offline" });
    flushSync();
    expect(ask.disabled).toBe(true);
    expect(ask.title).toContain("Serveur injoignable");
  });

  it("goes back to the inventory on Esc", async () => {
    backEnd();
    render(DeviceDetailScreen);
    await vi.waitFor(() => expect($("device-name")).not.toBeNull());
    const back = vi.spyOn(window.history, "back").mockImplementation(() => {});
    const length = vi.spyOn(window.history, "length", "get");
    // Opened directly (no history): to the inventory.
    length.mockReturnValue(1);
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true }));
    expect(window.location.hash).toMatch(/^#\/inventory/);
    expect(back).not.toHaveBeenCalled();
    // Opened from a screen: back to it.
    length.mockReturnValue(3);
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true }));
    expect(back).toHaveBeenCalledTimes(1);
    back.mockRestore();
    length.mockRestore();
  });
});
