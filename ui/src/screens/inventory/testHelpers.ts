// Shared by the tests of the inventory and device screens (not shipped: only tests import it).
// Mounting is lib/testing/mount.ts.
import type { AppStatus, InventoryResult, InventoryRow } from "../../lib/bindings";
import { updateStatus } from "../../lib/app.svelte";
import { statusFixture } from "../../lib/testing/fixtures";

/** Makes `status` the app's status, as the back end would at start-up. */
export async function setStatus(overrides: Partial<AppStatus> = {}): Promise<AppStatus> {
  const status = statusFixture({
    snapshot: { syncedAt: "2026-11-22T08:00:00Z", deviceCount: 3 },
    connection: "online",
    ...overrides,
  });
  await updateStatus(async () => status);
  return status;
}

/** Moves to `hash` the way a click on a link does, synchronously. */
export function setHash(hash: string): void {
  history.replaceState(null, "", hash);
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}

export function resultOf(rows: InventoryRow[], ids?: string[]): InventoryResult {
  const all = ids ?? rows.map((r) => r.id);
  return { total: all.length, ids: all, rows, staleBefore: "2026-11-15T08:00:00Z" };
}

/** A promise and the functions that settle it, to answer a mocked command when the test says. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
