import { describe, expect, it } from "vitest";
import { format } from "../../lib/i18n/index.svelte";
import { fr } from "../../lib/i18n/fr";
import { en } from "../../lib/i18n/en";
import type { DeviceRole } from "../../lib/bindings";
import { rowFixture } from "../../lib/testing/fixtures";
import {
  COLUMNS,
  DEFAULT_COLUMNS,
  canMove,
  cellContent,
  gridTemplate,
  minTableWidth,
  moveColumn,
  normalizeColumns,
  toggleColumn,
  type CellContext,
} from "./columns";

const tFr = (key: keyof typeof fr, params: Record<string, string | number> = {}) => format(fr[key], params);
const tEn = (key: keyof typeof fr, params: Record<string, string | number> = {}) => format(en[key], params);
const now = new Date("2026-11-22T12:00:00Z");
const ctxFr: CellContext = { lang: "fr", t: tFr, now, staleAfterDays: 7 };
const ctxEn: CellContext = { lang: "en", t: tEn, now, staleAfterDays: 7 };

describe("column choice", () => {
  it("covers every column of the back end and matches its default", () => {
    expect(COLUMNS.map((c) => c.id).sort()).toEqual(
      ["name", "role", "cart", "serial", "asset_tag", "model", "os_version", "user", "battery", "free_space", "capacity", "supervised", "shared_ipad", "lost_mode", "last_inventory"].sort(),
    );
    expect(normalizeColumns(DEFAULT_COLUMNS)).toEqual([...DEFAULT_COLUMNS]);
  });

  it("keeps the name first and the last inventory date, drops unknown and repeated columns", () => {
    expect(normalizeColumns(["cart", "name", "cart", "bogus", "battery"])).toEqual(["name", "cart", "battery", "last_inventory"]);
    expect(normalizeColumns([])).toEqual(["name", "last_inventory"]);
    expect(normalizeColumns(null)).toEqual(["name", "last_inventory"]);
  });

  it("adds a column before a trailing last inventory date, and never hides the required ones", () => {
    expect(toggleColumn(["name", "cart", "last_inventory"], "battery")).toEqual(["name", "cart", "battery", "last_inventory"]);
    expect(toggleColumn(["name", "last_inventory", "cart"], "battery")).toEqual(["name", "last_inventory", "cart", "battery"]);
    expect(toggleColumn(["name", "cart", "last_inventory"], "cart")).toEqual(["name", "last_inventory"]);
    expect(toggleColumn(["name", "last_inventory"], "name")).toEqual(["name", "last_inventory"]);
    expect(toggleColumn(["name", "last_inventory"], "last_inventory")).toEqual(["name", "last_inventory"]);
  });

  it("moves columns but never before the name", () => {
    const cols = ["name", "cart", "serial", "last_inventory"] as const;
    expect(moveColumn(cols, "serial", -1)).toEqual(["name", "serial", "cart", "last_inventory"]);
    expect(moveColumn(cols, "serial", 1)).toEqual(["name", "cart", "last_inventory", "serial"]);
    expect(moveColumn(cols, "cart", -1)).toEqual([...cols]);
    expect(canMove(cols, "cart", -1)).toBe(false);
    expect(canMove(cols, "name", 1)).toBe(false);
    expect(canMove(cols, "last_inventory", 1)).toBe(false);
  });

  it("builds the grid with the checkbox column first", () => {
    expect(gridTemplate(["name", "battery"], 32)).toBe("32px minmax(252px, 3fr) 78px");
  });

  it("fits the default columns in the main area of a 1280 px window, not every column", () => {
    // 1280 − 232 (sidebar) − 2 × 28 (padding) − 2 (border), less a classic 15 px scrollbar.
    const available = 990 - 15;
    expect(minTableWidth(DEFAULT_COLUMNS, 32)).toBeLessThanOrEqual(available);
    expect(minTableWidth(COLUMNS.map((c) => c.id), 32)).toBeGreaterThan(available);
  });
});

describe("cells", () => {
  it("write battery with a low-battery tone at 20 % and below", () => {
    expect(cellContent(rowFixture(1, { batteryLevel: 80 }), "battery", ctxFr)).toEqual({ text: "80\u00a0%" });
    expect(cellContent(rowFixture(1, { batteryLevel: 20 }), "battery", ctxFr)).toMatchObject({ text: "20\u00a0%", tone: "danger" });
    expect(cellContent(rowFixture(1, { batteryLevel: 21 }), "battery", ctxEn)).toEqual({ text: "21%" });
    expect(cellContent(rowFixture(1, { batteryLevel: null }), "battery", ctxFr).text).toBe("—");
  });

  it("write sizes in Go with one decimal (MB / 1024)", () => {
    expect(cellContent(rowFixture(1, { availableMb: 20480 }), "free_space", ctxFr).text).toBe("20,0\u00a0Go");
    expect(cellContent(rowFixture(1, { availableMb: 1536 }), "free_space", ctxEn).text).toBe("1.5 GB");
    expect(cellContent(rowFixture(1, { capacityMb: 65536 }), "capacity", ctxFr).text).toBe("64,0\u00a0Go");
  });

  it("write the last inventory as date and age, flagged when stale", () => {
    const fresh = cellContent(rowFixture(1, { lastInventory: "2026-11-20T12:00:00Z" }), "last_inventory", ctxFr);
    expect(fresh).toMatchObject({ text: "20/11/2026", sub: "il y a 2 j" });
    expect(fresh.tone).toBeUndefined();
    const stale = cellContent(rowFixture(1, { lastInventory: "2026-11-01T12:00:00Z", stale: true }), "last_inventory", ctxFr);
    expect(stale.tone).toBe("warn");
    expect(stale.title).toContain("plus de 7\u00a0jours");
    const never = cellContent(rowFixture(1, { lastInventory: null, stale: true }), "last_inventory", ctxEn);
    expect(never).toMatchObject({ text: "Never", tone: "warn" });
    expect(never.title).toContain("never sent an inventory");
  });

  it("write roles and yes/no flags", () => {
    expect(cellContent(rowFixture(1, { role: "shared_teacher" }), "role", ctxFr).text).toBe("Prof partagé");
    // A role from a newer back end, which the union does not name yet.
    expect(cellContent(rowFixture(1, { role: "mystery" as DeviceRole }), "role", ctxFr).text).toBe("Autre");
    expect(cellContent(rowFixture(1, { lostMode: true }), "lost_mode", ctxFr)).toEqual({ text: "Oui", tone: "danger" });
    expect(cellContent(rowFixture(1, { supervised: false }), "supervised", ctxEn)).toMatchObject({ text: "No" });
    expect(cellContent(rowFixture(1, { sharedIpad: null }), "shared_ipad", ctxEn).text).toBe("—");
  });
});
