// The inventory's filters: read from and written to the route's query (the dashboard links to
// `#/inventory?stale=true` or `#/inventory?cart=Chariot%201`), and shown as removable chips.
import type { InventoryFilter, Lang } from "../../lib/bindings";
import { isRole } from "../../lib/roles";
import { formatBattery, formatSize, type Translate } from "./units";

export function emptyFilter(): InventoryFilter {
  return {
    search: null,
    role: null,
    cart: null,
    group: null,
    siteId: null,
    osVersion: null,
    model: null,
    supervised: null,
    sharedIpad: null,
    lostMode: null,
    stale: null,
    batteryMin: null,
    batteryMax: null,
    freeMbMin: null,
    freeMbMax: null,
  };
}

function text(value: string | null): string | null {
  const v = value?.trim() ?? "";
  return v === "" ? null : v;
}

function bool(value: string | null): boolean | null {
  switch (value?.trim().toLowerCase()) {
    case "true":
    case "1":
    case "yes":
      return true;
    case "false":
    case "0":
    case "no":
      return false;
    default:
      return null;
  }
}

/** A non-negative whole number (the back end takes u32), optionally capped; else `null`. */
export function wholeNumber(value: string | null, max?: number): number | null {
  if (value === null || value.trim() === "") return null;
  const n = Number(value.trim().replace(",", "."));
  if (!Number.isFinite(n) || n < 0) return null;
  const whole = Math.round(n);
  return max === undefined ? whole : Math.min(whole, max);
}

/** The filter the route's query asks for; unknown or malformed values are ignored. */
export function filterFromQuery(query: URLSearchParams): InventoryFilter {
  const role = text(query.get("role"));
  return {
    ...emptyFilter(),
    search: text(query.get("q") ?? query.get("search")),
    role: isRole(role) ? role : null,
    cart: text(query.get("cart")),
    group: text(query.get("group")),
    osVersion: text(query.get("os")),
    model: text(query.get("model")),
    supervised: bool(query.get("supervised")),
    sharedIpad: bool(query.get("shared")),
    lostMode: bool(query.get("lost")),
    stale: bool(query.get("stale")),
    batteryMin: wholeNumber(query.get("batteryMin"), 100),
    batteryMax: wholeNumber(query.get("batteryMax"), 100),
    freeMbMin: wholeNumber(query.get("freeMin")),
    freeMbMax: wholeNumber(query.get("freeMax")),
  };
}

/** The query that reproduces `filter` (for hrefFor, which leaves null values out). */
export function queryFromFilter(filter: InventoryFilter): Record<string, string | null> {
  const b = (v: boolean | null) => (v === null ? null : String(v));
  const n = (v: number | null) => (v === null ? null : String(v));
  return {
    q: filter.search,
    role: filter.role,
    cart: filter.cart,
    group: filter.group,
    os: filter.osVersion,
    model: filter.model,
    supervised: b(filter.supervised),
    shared: b(filter.sharedIpad),
    lost: b(filter.lostMode),
    stale: b(filter.stale),
    batteryMin: n(filter.batteryMin),
    batteryMax: n(filter.batteryMax),
    freeMin: n(filter.freeMbMin),
    freeMax: n(filter.freeMbMax),
  };
}

export function sameFilter(a: InventoryFilter, b: InventoryFilter): boolean {
  const keys = Object.keys(emptyFilter()) as (keyof InventoryFilter)[];
  return keys.every((k) => a[k] === b[k]);
}

export type ChipId =
  | "role"
  | "cart"
  | "group"
  | "os"
  | "model"
  | "supervised"
  | "shared"
  | "lost"
  | "stale"
  | "battery"
  | "free";

export interface Chip {
  id: ChipId;
  label: string;
}

function range(min: string | null, max: string | null, t: Translate): string {
  if (min !== null && max !== null) return t("inventory.range.between", { min, max });
  if (min !== null) return t("inventory.range.min", { min });
  return t("inventory.range.max", { max: max ?? "" });
}

/** The active filters (the search box aside) as chips, in the filter bar's order. */
export function filterChips(
  filter: InventoryFilter,
  lang: Lang,
  t: Translate,
  staleAfterDays: number,
): Chip[] {
  const chips: Chip[] = [];
  if (filter.role !== null)
    chips.push({ id: "role", label: t("inventory.chip.role", { value: t(`inventory.role.${filter.role}`) }) });
  if (filter.cart !== null) chips.push({ id: "cart", label: t("inventory.chip.cart", { value: filter.cart }) });
  if (filter.group !== null) chips.push({ id: "group", label: t("inventory.chip.group", { value: filter.group }) });
  if (filter.osVersion !== null) chips.push({ id: "os", label: t("inventory.chip.os", { value: filter.osVersion }) });
  if (filter.model !== null) chips.push({ id: "model", label: t("inventory.chip.model", { value: filter.model }) });
  if (filter.supervised !== null)
    chips.push({ id: "supervised", label: t(filter.supervised ? "inventory.chip.supervised.yes" : "inventory.chip.supervised.no") });
  if (filter.sharedIpad !== null)
    chips.push({ id: "shared", label: t(filter.sharedIpad ? "inventory.chip.shared.yes" : "inventory.chip.shared.no") });
  if (filter.lostMode !== null)
    chips.push({ id: "lost", label: t(filter.lostMode ? "inventory.chip.lost.yes" : "inventory.chip.lost.no") });
  if (filter.stale !== null)
    chips.push({
      id: "stale",
      label: t(filter.stale ? "inventory.chip.stale.yes" : "inventory.chip.stale.no", { days: staleAfterDays }),
    });
  if (filter.batteryMin !== null || filter.batteryMax !== null) {
    const f = (v: number | null) => (v === null ? null : formatBattery(v, t));
    chips.push({
      id: "battery",
      label: t("inventory.chip.battery", { value: range(f(filter.batteryMin), f(filter.batteryMax), t) }),
    });
  }
  if (filter.freeMbMin !== null || filter.freeMbMax !== null) {
    const f = (v: number | null) => (v === null ? null : formatSize(v, lang, t));
    chips.push({
      id: "free",
      label: t("inventory.chip.free", { value: range(f(filter.freeMbMin), f(filter.freeMbMax), t) }),
    });
  }
  return chips;
}

/** `filter` without the chip's condition. */
export function removeChip(filter: InventoryFilter, id: ChipId): InventoryFilter {
  const f = { ...filter };
  switch (id) {
    case "role":
      f.role = null;
      break;
    case "cart":
      f.cart = null;
      break;
    case "group":
      f.group = null;
      break;
    case "os":
      f.osVersion = null;
      break;
    case "model":
      f.model = null;
      break;
    case "supervised":
      f.supervised = null;
      break;
    case "shared":
      f.sharedIpad = null;
      break;
    case "lost":
      f.lostMode = null;
      break;
    case "stale":
      f.stale = null;
      break;
    case "battery":
      f.batteryMin = null;
      f.batteryMax = null;
      break;
    case "free":
      f.freeMbMin = null;
      f.freeMbMax = null;
      break;
  }
  return f;
}

/** How many filter conditions are set, the search box aside (the "Filtres (3)" badge). */
export function activeFilterCount(filter: InventoryFilter): number {
  return filterChips(filter, "fr", (k) => k, 0).length;
}

/** Whether anything narrows the inventory, search included. */
export function isFiltered(filter: InventoryFilter): boolean {
  return filter.search !== null || activeFilterCount(filter) > 0 || filter.siteId !== null;
}

/** Gigabytes typed in the filter bar → whole megabytes for the back end. */
export function gbToMb(value: string): number | null {
  const gb = wholeNumberOrDecimal(value);
  return gb === null ? null : Math.round(gb * 1024);
}

/** Megabytes → the gigabytes shown in the filter bar's input ("2", "0.5"). */
export function mbToGbInput(mb: number | null): string {
  if (mb === null) return "";
  return String(Math.round((mb / 1024) * 10) / 10);
}

function wholeNumberOrDecimal(value: string): number | null {
  if (value.trim() === "") return null;
  const n = Number(value.trim().replace(",", "."));
  return Number.isFinite(n) && n >= 0 ? n : null;
}
