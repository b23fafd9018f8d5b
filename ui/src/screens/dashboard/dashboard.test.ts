import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { AppStatus, Dashboard as DashboardData } from "../../lib/bindings";
import { updateStatus } from "../../lib/app.svelte";
import { api } from "../../lib/api";
import { routeFromHash, routeQuery } from "../../lib/router.svelte";
import { statusFixture } from "../../lib/testing/fixtures";
import { cleanup, render, settle } from "../../lib/testing/mount";
import { byTestId } from "../../lib/testing/dom";
import Dashboard from "./Dashboard.svelte";

const synced: AppStatus = statusFixture({
  connection: "demo",
  snapshot: { syncedAt: "2026-11-22T08:30:00Z", deviceCount: 38 },
  profile: { id: "demo", label: "École de démonstration", serverUrl: "", auth: "api_client", account: "demo", demo: true },
});

const data: DashboardData = {
  total: 1038,
  byRole: [
    { key: "student", count: 30 },
    { key: "shared_teacher", count: 8 },
    { key: "teacher", count: 0 },
    { key: "other", count: 0 },
  ],
  byCart: [
    { key: "Chariot 1", count: 19 },
    { key: "Chariot 2", count: 19 },
  ],
  byOs: [
    { key: "17.5", count: 30 },
    { key: "16.7", count: 8 },
  ],
  byModel: [
    { key: "iPad (9th generation)", count: 34 },
    { key: "", count: 4 },
  ],
  stale: 7,
  staleAfterDays: 7,
  oldest: [
    { id: "12", name: "0312345A-2023-DMPX0012", lastInventory: "2026-09-02T10:00:00Z" },
    { id: "31", name: "0312345A-Prof 3", lastInventory: null },
  ],
  lostMode: 1,
  lowBattery: 3,
  lowBatteryPercent: 20,
  lowSpace: 2,
  lowSpaceMb: 2048,
  smartGroups: [{ key: "iOS < 17", count: 8 }],
  syncedAt: "2026-11-22T08:30:00Z",
};

let calls = 0;
let current: AppStatus = synced;

beforeEach(async () => {
  calls = 0;
  current = synced;
  mockIPC((cmd) => {
    if (cmd === "dashboard") {
      calls++;
      return data;
    }
    return current;
  });
  await updateStatus(() => api.appStatus());
});

afterEach(() => {
  cleanup();
  clearMocks();
});

const href = (el: Element | null | undefined) => el?.getAttribute("href") ?? null;

describe("dashboard", () => {
  it("shows the counts, each a link to the filtered inventory", async () => {
    const view = render(Dashboard);
    await settle(view);
    const total = byTestId(view.target, "dash-total");
    expect(total.textContent?.replace(/[\u202f\u00a0]/g, " ")).toBe("1 038");
    expect(href(total)).toBe("#/inventory");
    expect(byTestId(view.target, "dash-stale").textContent).toBe("7");
    expect(href(byTestId(view.target, "dash-stale"))).toBe("#/inventory?stale=true");
    expect(href(byTestId(view.target, "dash-lost"))).toBe("#/inventory?lost=true");
    expect(href(byTestId(view.target, "dash-battery"))).toBe("#/inventory?batteryMax=20");
    expect(href(byTestId(view.target, "dash-space"))).toBe("#/inventory?freeMax=2048");
    expect(view.target.textContent).toContain("2 Go ou moins");
  });

  it("draws the breakdowns as bars linking to the inventory", async () => {
    const view = render(Dashboard);
    await settle(view);
    const roles = byTestId(view.target, "dash-by-role");
    const student = roles.querySelector("[data-key=student]");
    expect(student?.textContent).toContain("Élèves");
    expect(student?.textContent).toContain("30");
    expect(href(student)).toBe("#/inventory?role=student");
    expect(roles.querySelector("[data-key=shared_teacher]")?.textContent).toContain(
      "Profs (iPad partagés)",
    );
    expect(roles.querySelectorAll("svg rect.fill")).toHaveLength(4);

    const cart = byTestId(view.target, "dash-by-cart").querySelector("[data-key='Chariot 1']");
    expect(routeQuery(href(cart) ?? "").get("cart")).toBe("Chariot 1");
    expect(routeFromHash(href(cart) ?? "")).toBe("inventory");
    expect(href(byTestId(view.target, "dash-by-os").querySelector("[data-key='17.5']"))).toBe(
      "#/inventory?os=17.5",
    );
    const model = byTestId(view.target, "dash-by-model").querySelector(
      "[data-key='iPad (9th generation)']",
    );
    expect(routeQuery(href(model) ?? "").get("model")).toBe("iPad (9th generation)");
    // A model the server did not report cannot be filtered on: no link.
    expect(href(byTestId(view.target, "dash-by-model").querySelector("[data-key='']"))).toBeNull();
    const group = byTestId(view.target, "dash-groups").querySelector("a");
    expect(routeQuery(href(group) ?? "").get("group")).toBe("iOS < 17");
  });

  it("lists the oldest inventories, each opening its device", async () => {
    const view = render(Dashboard);
    await settle(view);
    const links = [...byTestId(view.target, "dash-oldest").querySelectorAll("li a")];
    expect(links.map((a) => [a.textContent, href(a)])).toEqual([
      ["0312345A-2023-DMPX0012", "#/device/12"],
      ["0312345A-Prof 3", "#/device/31"],
    ]);
    expect(byTestId(view.target, "dash-oldest").textContent).toContain("02/09/2026");
    expect(byTestId(view.target, "dash-oldest").textContent).toContain("jamais mis à jour");
  });

  it("reloads when a sync changed the snapshot", async () => {
    const view = render(Dashboard);
    await settle(view);
    expect(calls).toBe(1);
    current = { ...synced, snapshot: { syncedAt: "2026-11-22T09:00:00Z", deviceCount: 38 } };
    await updateStatus(() => api.appStatus());
    await settle(view);
    expect(calls).toBe(2);
  });

  it("says the snapshot is empty instead of asking for figures", async () => {
    current = statusFixture({ connection: "demo" });
    await updateStatus(() => api.appStatus());
    const view = render(Dashboard);
    await settle(view);
    expect(byTestId(view.target, "empty-snapshot")).toBeTruthy();
    expect(calls).toBe(0);
  });
});
