// The inventory screen against a mocked back end (Tauri's IPC mock: the real api layer runs).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync } from "svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { ExportRequest, InventoryRequest, InventoryResult, InventoryRow } from "../../lib/bindings";
import { rowFixture } from "../../lib/testing/fixtures";
import Inventory from "./Inventory.svelte";
import { inventoryMemory } from "./memory";
import { cleanup, render, type Mounted } from "../../lib/testing/mount";
import { type } from "../../lib/testing/dom";
import { deferred, resultOf, setHash, setStatus } from "./testHelpers";
import { closeAction, launcher } from "../../lib/actions/launcher.svelte";

type Handler = (request: InventoryRequest) => InventoryResult | Promise<InventoryResult>;

let queries: InventoryRequest[] = [];
let rowRequests: string[][] = [];
let otherCalls: [string, unknown][] = [];

function backEnd(onQuery: Handler, rowsById: (id: string) => InventoryRow = (id) => rowFixture(Number(id))) {
  mockIPC((cmd, args) => {
    const a = args as Record<string, unknown>;
    switch (cmd) {
      case "inventory_query": {
        const request = (a.request as InventoryRequest);
        queries.push(request);
        return onQuery(request);
      }
      case "inventory_rows": {
        const ids = (a.request as { ids: string[] }).ids;
        rowRequests.push(ids);
        return ids.map(rowsById);
      }
      default:
        otherCalls.push([cmd, args]);
        if (cmd === "dashboard") throw "no dashboard in this test";
        return null;
    }
  });
}

function rows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="inventory-row"]')];
}

const $ = <T extends Element = HTMLElement>(testid: string) =>
  document.querySelector<T>(`[data-testid="${testid}"]`);

function mountInventory(): Mounted {
  return render(Inventory);
}

beforeEach(async () => {
  queries = [];
  rowRequests = [];
  otherCalls = [];
  Object.assign(inventoryMemory, { href: "#/inventory", sort: "name", descending: false, scrollTop: 0, focusedId: null });
  setHash("#/inventory");
  await setStatus();
});

afterEach(() => {
  cleanup();
  clearMocks();
  vi.useRealTimers();
});

describe("inventory screen", () => {
  it("shows the total and the rows of inventory_query", async () => {
    backEnd(() => resultOf([rowFixture(1), rowFixture(2), rowFixture(3, { name: "Prof 1", role: "shared_teacher" })]));
    mountInventory();
    await vi.waitFor(() => expect($("inventory-total")?.textContent).toBe("3 appareils"));
    expect(rows().map((r) => r.dataset.id)).toEqual(["1", "2", "3"]);
    expect(rows()[2]?.textContent).toContain("Prof 1");
    expect(queries[0]).toMatchObject({ sort: "name", descending: false, filter: { search: null } });
    expect(queries[0]?.firstRows).toBeGreaterThan(0);
  });

  it("says « 1 appareil » in the singular", async () => {
    backEnd(() => resultOf([rowFixture(1)]));
    mountInventory();
    await vi.waitFor(() => expect($("inventory-total")?.textContent).toBe("1 appareil"));
  });

  it("sends the search as filter.search after a short pause", async () => {
    backEnd((req) => resultOf(req.filter.search ? [rowFixture(2)] : [rowFixture(1), rowFixture(2)]));
    mountInventory();
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    type($<HTMLInputElement>("inventory-search")!, "  DMPX0002 ");
    // Not on the keystroke itself: debounced.
    expect(queries).toHaveLength(1);
    await vi.waitFor(() => expect(queries).toHaveLength(2));
    expect(queries[1]?.filter.search).toBe("DMPX0002");
    await vi.waitFor(() => expect(rows().map((r) => r.dataset.id)).toEqual(["2"]));
    expect(window.location.hash).toBe("#/inventory?q=DMPX0002");
  });

  it("ignores the answer of a query that a newer one replaced", async () => {
    const slow = deferred<InventoryResult>();
    backEnd((req) => (req.filter.search === "a" ? slow.promise : resultOf([rowFixture(req.filter.search === "ab" ? 7 : 1)])));
    mountInventory();
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
    const input = $<HTMLInputElement>("inventory-search")!;
    type(input, "a");
    await vi.waitFor(() => expect(queries.at(-1)?.filter.search).toBe("a"));
    type(input, "ab");
    await vi.waitFor(() => expect(rows().map((r) => r.dataset.id)).toEqual(["7"]));
    slow.resolve(resultOf([rowFixture(99)]));
    await new Promise((r) => setTimeout(r, 20));
    flushSync();
    expect(rows().map((r) => r.dataset.id)).toEqual(["7"]);
  });

  it("renders server strings as text, never as HTML", async () => {
    const evil = '<img src=x onerror="window.__xss=1">';
    backEnd(() => resultOf([rowFixture(1, { name: evil, cart: "<b>Chariot</b>" })]));
    mountInventory();
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
    const row = rows()[0]!;
    expect(row.querySelector("img")).toBeNull();
    expect(row.querySelector("b")).toBeNull();
    expect(document.querySelector("img")).toBeNull();
    expect(row.querySelector('[data-column="name"]')?.textContent).toBe(evil);
    expect(row.textContent).toContain("<b>Chariot</b>");
    expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
  });

  it("takes its first filters from the link (dashboard: stale, cart) and shows them as chips", async () => {
    setHash("#/inventory?stale=true&cart=Chariot%201&freeMax=2048&role=teacher");
    backEnd(() => resultOf([rowFixture(1, { stale: true, lastInventory: "2026-10-01T08:00:00Z" })]));
    mountInventory();
    await vi.waitFor(() => expect(queries).toHaveLength(1));
    expect(queries[0]?.filter).toMatchObject({ stale: true, cart: "Chariot 1", freeMbMax: 2048, role: "teacher" });
    const chips = [...document.querySelectorAll('[data-testid="filter-chip"]')].map((c) => c.textContent);
    expect(chips.join(" | ")).toContain("Chariot\u00a0: Chariot 1");
    expect(chips.join(" | ")).toContain("Rôle\u00a0: Profs");
    expect(chips.join(" | ")).toContain("≤\u00a02,0\u00a0Go");
    // Removing a chip asks again without it and updates the link.
    const cartChip = document.querySelector('[data-filter="cart"] button') as HTMLButtonElement;
    cartChip.click();
    await vi.waitFor(() => expect(queries).toHaveLength(2));
    expect(queries[1]?.filter.cart).toBeNull();
    expect(queries[1]?.filter.stale).toBe(true);
    expect(window.location.hash).not.toContain("cart");
    expect(window.location.hash).toContain("stale=true");
  });

  it("marks stale rows and explains why in a tooltip", async () => {
    backEnd(() =>
      resultOf([rowFixture(1), rowFixture(2, { stale: true, lastInventory: "2026-10-01T08:00:00Z" })]),
    );
    mountInventory();
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    const [fresh, stale] = rows();
    expect(fresh?.classList.contains("stale")).toBe(false);
    expect(stale?.classList.contains("stale")).toBe(true);
    expect(stale?.getAttribute("title")).toContain("plus de 7\u00a0jours");
    expect(stale?.querySelector('[data-column="last_inventory"]')?.textContent).toMatch(/01\/10\/2026 · il y a \d+ j/);
  });

  it("sorts by a clicked header, then reverses on a second click", async () => {
    backEnd(() => resultOf([rowFixture(1)]));
    mountInventory();
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
    const header = () => document.querySelector<HTMLElement>('[role="columnheader"][data-column="battery"]')!;
    expect(header().getAttribute("aria-sort")).toBe("none");
    header().querySelector("button")!.click();
    await vi.waitFor(() => expect(queries.at(-1)).toMatchObject({ sort: "battery", descending: false }));
    flushSync();
    expect(header().getAttribute("aria-sort")).toBe("ascending");
    header().querySelector("button")!.click();
    await vi.waitFor(() => expect(queries.at(-1)).toMatchObject({ sort: "battery", descending: true }));
    flushSync();
    expect(header().getAttribute("aria-sort")).toBe("descending");
  });

  it("renders only a window of 50 000 rows and fetches rows by chunk as it scrolls", async () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => String(i + 1));
    backEnd((req) => resultOf(ids.slice(0, req.firstRows).map((id) => rowFixture(Number(id))), ids));
    mountInventory();
    await vi.waitFor(() => expect($("inventory-total")?.textContent).toBe("50\u202f000 appareils"));
    expect(rows().length).toBeGreaterThan(0);
    expect(rows().length).toBeLessThan(80);
    expect(rowRequests).toHaveLength(0);
    const table = $("inventory-table")!;
    table.scrollTop = 32 * 25_000;
    table.dispatchEvent(new Event("scroll"));
    await vi.waitFor(() => expect(rowRequests.length).toBeGreaterThan(0));
    await vi.waitFor(() => expect(rowRequests.flat()).toContain("25001"));
    expect(rowRequests.every((chunk) => chunk.length <= 100)).toBe(true);
    await vi.waitFor(() => expect(rows().some((r) => r.dataset.id === "25001" && r.textContent?.includes("DMPX"))).toBe(true));
    expect(rows().length).toBeLessThan(80);
  });

  it("selects every displayed device, not only the visible ones, and clears", async () => {
    const ids = Array.from({ length: 500 }, (_, i) => String(i + 1));
    backEnd(() => resultOf(ids.slice(0, 100).map((id) => rowFixture(Number(id))), ids));
    mountInventory();
    await vi.waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect($("selection-bar")).toBeNull();
    $<HTMLInputElement>("select-all")!.click();
    flushSync();
    expect($("selection-bar")?.textContent).toContain("500 appareils sélectionnés");
    // The group actions apply to every selected device, in display order.
    $<HTMLButtonElement>("selection-actions")!.click();
    flushSync();
    $("selection-menu")!.querySelector<HTMLButtonElement>('[data-action="restart"]')!.click();
    expect(launcher.pending).toEqual({ kind: "restart", deviceIds: ids });
    closeAction();
    [...$("selection-bar")!.querySelectorAll("button")].find((b) => b.textContent === "Tout désélectionner")!.click();
    flushSync();
    expect($("selection-bar")).toBeNull();
  });

  it("selects a range with shift-click", async () => {
    backEnd(() => resultOf([1, 2, 3, 4, 5].map((n) => rowFixture(n))));
    mountInventory();
    await vi.waitFor(() => expect(rows()).toHaveLength(5));
    const box = (i: number) => rows()[i]!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    box(1).click();
    box(3).dispatchEvent(new MouseEvent("click", { bubbles: true, shiftKey: true }));
    flushSync();
    expect(rows().map((r) => r.getAttribute("aria-selected"))).toEqual(["false", "true", "true", "true", "false"]);
    expect($("selection-bar")?.textContent).toContain("3 appareils sélectionnés");
  });

  it("exports the displayed ids with the visible columns, or only the selection", async () => {
    backEnd(() => resultOf([rowFixture(1), rowFixture(2), rowFixture(3)]));
    const exports: ExportRequest[] = [];
    const names: string[] = [];
    mockIPC((cmd, args) => {
      const a = args as Record<string, unknown>;
      if (cmd === "inventory_query") return resultOf([rowFixture(3), rowFixture(1), rowFixture(2)]);
      if (cmd === "choose_export_path") {
        names.push((a.request as { defaultName: string }).defaultName);
        return "/home/prof/inventaire.csv";
      }
      if (cmd === "export_inventory") {
        const request = a.request as ExportRequest;
        exports.push(request);
        return { path: request.path, rows: request.ids.length };
      }
      return null;
    });
    mountInventory();
    await vi.waitFor(() => expect(rows()).toHaveLength(3));
    $<HTMLButtonElement>("export-button")!.click();
    flushSync();
    expect($("export-scope")?.textContent).toContain("3 appareils affichés");
    $<HTMLButtonElement>("export-csv")!.click();
    await vi.waitFor(() => expect(exports).toHaveLength(1));
    expect(names[0]).toMatch(/^inventaire-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(exports[0]).toMatchObject({
      ids: ["3", "1", "2"],
      columns: ["name", "cart", "serial", "model", "os_version", "user", "battery", "last_inventory"],
      format: "csv",
      excel: true,
      path: "/home/prof/inventaire.csv",
    });
    await vi.waitFor(() => expect($("export-done")?.textContent).toContain("3 appareils exportés vers /home/prof/inventaire.csv"));

    // Select two rows (out of display order) → only those, in display order.
    const box = (i: number) => rows()[i]!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    box(2).click();
    box(0).click();
    flushSync();
    $<HTMLButtonElement>("export-button")!.click();
    flushSync();
    expect($("export-scope")?.textContent).toContain("2 appareils sélectionnés");
    $<HTMLButtonElement>("export-xml")!.click();
    await vi.waitFor(() => expect(exports).toHaveLength(2));
    expect(exports[1]).toMatchObject({ ids: ["3", "2"], format: "xml", excel: false });
  });

  it("does nothing when the save dialog is cancelled", async () => {
    let exported = 0;
    mockIPC((cmd) => {
      if (cmd === "inventory_query") return resultOf([rowFixture(1)]);
      if (cmd === "choose_export_path") return null;
      if (cmd === "export_inventory") exported++;
      return null;
    });
    mountInventory();
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
    $<HTMLButtonElement>("export-button")!.click();
    flushSync();
    $<HTMLButtonElement>("export-txt")!.click();
    await new Promise((r) => setTimeout(r, 20));
    flushSync();
    expect(exported).toBe(0);
    expect($("export-done")).toBeNull();
  });

  it("saves the column choice in the settings and shows the new columns", async () => {
    backEnd(() => resultOf([rowFixture(1)]));
    const saved: unknown[] = [];
    const base = await setStatus();
    mockIPC((cmd, args) => {
      const a = args as Record<string, unknown>;
      if (cmd === "inventory_query") return resultOf([rowFixture(1)]);
      if (cmd === "update_settings") {
        const request = a.request as { inventoryColumns: string[] };
        saved.push(request);
        return { ...base, settings: { ...base.settings, inventoryColumns: request.inventoryColumns } };
      }
      return null;
    });
    mountInventory();
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
    $<HTMLButtonElement>("column-chooser")!.click();
    flushSync();
    const capacity = document.querySelector<HTMLInputElement>('[data-testid="column-chooser-panel"] li[data-column="capacity"] input')!;
    capacity.click();
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({
      inventoryColumns: ["name", "cart", "serial", "model", "os_version", "user", "battery", "capacity", "last_inventory"],
      staleAfterDays: null,
    });
    await vi.waitFor(() =>
      expect(rows()[0]?.querySelector('[data-column="capacity"]')?.textContent).toBe("64,0\u00a0Go"),
    );
    // The name can't be hidden.
    expect(document.querySelector<HTMLInputElement>('li[data-column="name"] input')?.disabled).toBe(true);
  });

  it("says nothing matches and offers to clear the filters", async () => {
    setHash("#/inventory?lost=true&q=zzz");
    backEnd((req) => (req.filter.lostMode ? resultOf([]) : resultOf([rowFixture(1)])));
    mountInventory();
    await vi.waitFor(() => expect($("inventory-empty")?.textContent).toContain("Aucun appareil ne correspond"));
    expect($<HTMLInputElement>("inventory-search")?.value).toBe("zzz");
    [...$("inventory-empty")!.querySelectorAll("button")].find((b) => b.textContent === "Effacer les filtres")!.click();
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
    expect(queries.at(-1)?.filter).toMatchObject({ lostMode: null, search: null });
    expect($<HTMLInputElement>("inventory-search")?.value).toBe("");
  });

  it("shows the empty-snapshot notice before the first sync, without querying", async () => {
    await setStatus({ snapshot: { syncedAt: null, deviceCount: 0 } });
    backEnd(() => resultOf([rowFixture(1)]));
    mountInventory();
    await new Promise((r) => setTimeout(r, 10));
    expect($("empty-snapshot")).not.toBeNull();
    expect(queries).toHaveLength(0);
  });

  it("opens the device on Enter and moves with the arrow keys", async () => {
    backEnd(() => resultOf([rowFixture(1), rowFixture(2), rowFixture(3)]));
    mountInventory();
    await vi.waitFor(() => expect(rows()).toHaveLength(3));
    const table = $("inventory-table")!;
    table.focus();
    flushSync();
    expect(table.getAttribute("aria-activedescendant")).toBe("inventory-row-0");
    const key = (k: string) => table.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
    key("ArrowDown");
    key("ArrowDown");
    key("ArrowUp");
    flushSync();
    expect(table.getAttribute("aria-activedescendant")).toBe("inventory-row-1");
    key(" ");
    flushSync();
    expect(rows()[1]?.getAttribute("aria-selected")).toBe("true");
    key("Enter");
    expect(window.location.hash).toBe("#/device/2");
  });

  it("focuses the search on Ctrl+F and clears it on Esc", async () => {
    backEnd(() => resultOf([rowFixture(1)]));
    mountInventory();
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
    const event = new KeyboardEvent("keydown", { key: "f", ctrlKey: true, bubbles: true, cancelable: true });
    window.dispatchEvent(event);
    const input = $<HTMLInputElement>("inventory-search")!;
    expect(event.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(input);
    type(input, "ipad");
    await vi.waitFor(() => expect(queries.at(-1)?.filter.search).toBe("ipad"));
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    await vi.waitFor(() => expect(queries.at(-1)?.filter.search).toBeNull());
    expect(input.value).toBe("");
  });

  it("comes back from a device to the same filters, scroll position and row", async () => {
    const ids = Array.from({ length: 2000 }, (_, i) => String(i + 1));
    backEnd((req) => resultOf(ids.slice(0, req.firstRows).map((id) => rowFixture(Number(id))), ids));
    setHash("#/inventory?cart=Chariot%201");
    const list = mountInventory();
    await vi.waitFor(() => expect(rows().length).toBeGreaterThan(0));
    const table = $("inventory-table")!;
    table.scrollTop = 32 * 600;
    table.dispatchEvent(new Event("scroll"));
    await vi.waitFor(() => expect(rows().some((r) => r.dataset.id === "601")).toBe(true));
    rows().find((r) => r.dataset.id === "601")!.click();
    expect(window.location.hash).toBe("#/device/601");
    list.unmount();

    // "← Inventaire" leads to the remembered link.
    expect(inventoryMemory.href).toBe("#/inventory?cart=Chariot+1");
    setHash(inventoryMemory.href);
    mountInventory();
    await vi.waitFor(() => expect($("inventory-table")?.scrollTop).toBe(32 * 600));
    expect(queries.at(-1)?.filter.cart).toBe("Chariot 1");
    flushSync();
    expect($("inventory-table")?.getAttribute("aria-activedescendant")).toBe("inventory-row-600");
  });
});
