import { describe, expect, it } from "vitest";
import type { InventoryRow } from "../../lib/bindings";
import { rowFixture } from "../../lib/testing/fixtures";
import { RowStore } from "./rowStore.svelte";
import { deferred } from "./testHelpers";

const ids = Array.from({ length: 1000 }, (_, i) => String(i));

describe("row store", () => {
  it("fetches missing chunks once, by id, and caches them", async () => {
    const asked: string[][] = [];
    const store = new RowStore(async (wanted) => {
      asked.push(wanted);
      return wanted.map((id) => rowFixture(Number(id)));
    }, () => {});
    store.reset(ids, ids.slice(0, 100).map((id) => rowFixture(Number(id))));
    store.ensure(0, 40);
    expect(asked).toHaveLength(0);
    store.ensure(480, 520);
    store.ensure(490, 510);
    await Promise.resolve();
    await Promise.resolve();
    expect(asked.map((a) => [a[0], a.length])).toEqual([
      ["400", 100],
      ["500", 100],
    ]);
    expect(store.get("450")?.name).toContain("DMPX0450");
    store.ensure(400, 600);
    expect(asked).toHaveLength(2);
  });

  it("drops the cache on a new query and ignores late answers of the old one", async () => {
    const pending = deferred<InventoryRow[]>();
    const store = new RowStore(() => pending.promise, () => {});
    store.reset(ids, []);
    store.ensure(0, 10);
    store.reset(["x"], [rowFixture(9, { id: "x" })]);
    pending.resolve([rowFixture(1, { id: "0" })]);
    await pending.promise;
    await Promise.resolve();
    expect(store.get("0")).toBeUndefined();
    expect(store.get("x")?.id).toBe("x");
    expect(store.size).toBe(1);
  });

  it("reports a failure and retries the chunk later", async () => {
    const errors: unknown[] = [];
    let fail = true;
    const store = new RowStore(async (wanted) => {
      if (fail) throw new Error("db busy");
      return wanted.map((id) => rowFixture(Number(id)));
    }, (e) => errors.push(e));
    store.reset(ids, []);
    store.ensure(0, 10);
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toHaveLength(1);
    fail = false;
    store.ensure(0, 10);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.get("3")).toBeDefined();
  });
});
