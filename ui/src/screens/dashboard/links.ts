// Every figure of the dashboard opens the inventory filtered on it. The query keys are the ones
// the inventory screen reads.
import type { Dashboard } from "../../lib/bindings";
import { hrefFor } from "../../lib/router.svelte";

export type Breakdown = "role" | "cart" | "os" | "model" | "group";

export const links = {
  total: (): string => hrefFor("inventory"),
  stale: (): string => hrefFor("inventory", null, { stale: true }),
  lost: (): string => hrefFor("inventory", null, { lost: true }),
  battery: (d: Dashboard): string =>
    hrefFor("inventory", null, { batteryMax: d.lowBatteryPercent }),
  space: (d: Dashboard): string => hrefFor("inventory", null, { freeMax: d.lowSpaceMb }),
  breakdown: (by: Breakdown, key: string): string => hrefFor("inventory", null, { [by]: key }),
  device: (id: string): string => hrefFor("device", id),
};

export interface Bar {
  key: string;
  label: string;
  count: number;
  /** The filtered inventory; null when the value cannot be filtered on (unknown). */
  href: string | null;
}
