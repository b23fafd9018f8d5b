// The inventory's columns ("Affichage de l'inventaire"): widths, alignment, sort keys, the
// chooser's rules and what each cell shows.
import type { InventoryColumn, InventoryRow, InventorySort, Lang } from "../../lib/bindings";
import { knownRole } from "../../lib/roles";
import { dateAge, formatBattery, formatSize, isLowBattery, type Translate } from "./units";

export interface ColumnDef {
  id: InventoryColumn;
  /**
   * CSS grid track. Fixed widths fit the header (bold 12 px, two lines at most, plus the sort
   * arrow) and the usual values; the name and the model share what is left, so the default
   * columns fit a 1280 px window without scrolling sideways. The first pixel value is the
   * track's minimum, summed to give the table its minimum width.
   */
  width: string;
  align: "start" | "end" | "center";
  /** The back end's sort key; `null` when the back end cannot sort on it. */
  sort: InventorySort | null;
  /** Identifiers written in the monospace font, like on the device screen. */
  mono?: boolean;
}

/** Every column, in the chooser's catalogue order. */
export const COLUMNS: readonly ColumnDef[] = [
  // Wide enough for a whole "RNE-year-serial" name (26 characters) and the stale icon.
  { id: "name", width: "minmax(252px, 3fr)", align: "start", sort: "name" },
  { id: "role", width: "104px", align: "start", sort: "role" },
  { id: "cart", width: "82px", align: "start", sort: "cart" },
  { id: "serial", width: "104px", align: "start", sort: "serial", mono: true },
  { id: "asset_tag", width: "112px", align: "start", sort: "asset_tag" },
  { id: "model", width: "minmax(96px, 2fr)", align: "start", sort: "model" },
  { id: "os_version", width: "64px", align: "end", sort: "os_version" },
  { id: "user", width: "96px", align: "start", sort: "user" },
  { id: "battery", width: "78px", align: "end", sort: "battery" },
  { id: "free_space", width: "88px", align: "end", sort: "free_space" },
  { id: "capacity", width: "84px", align: "end", sort: null },
  { id: "supervised", width: "84px", align: "center", sort: null },
  { id: "shared_ipad", width: "96px", align: "center", sort: null },
  { id: "lost_mode", width: "88px", align: "center", sort: null },
  // "22/11/2026 · il y a 37 min" with the age in a smaller type; the French header on two lines.
  { id: "last_inventory", width: "168px", align: "start", sort: "last_inventory" },
];

const BY_ID = new Map(COLUMNS.map((c) => [c.id, c]));

export function columnDef(id: InventoryColumn): ColumnDef {
  return BY_ID.get(id) ?? { id, width: "120px", align: "start", sort: null };
}

/** What a fresh install shows (the back end's default): last inventory date always last. */
export const DEFAULT_COLUMNS: readonly InventoryColumn[] = [
  "name",
  "cart",
  "serial",
  "model",
  "os_version",
  "user",
  "battery",
  "last_inventory",
];

/** Always shown: the name, and the date the guide says to check before acting on a device. */
export const REQUIRED_COLUMNS: readonly InventoryColumn[] = ["name", "last_inventory"];

/** Known, unique columns with the name first and the last inventory date present. */
export function normalizeColumns(columns: readonly string[] | null | undefined): InventoryColumn[] {
  const seen = new Set<InventoryColumn>();
  for (const c of columns ?? []) {
    if (BY_ID.has(c as InventoryColumn)) seen.add(c as InventoryColumn);
  }
  seen.delete("name");
  const out: InventoryColumn[] = ["name", ...seen];
  if (!out.includes("last_inventory")) out.push("last_inventory");
  return out;
}

/** Shows or hides a column; a new one goes before a trailing last-inventory date. */
export function toggleColumn(columns: readonly InventoryColumn[], id: InventoryColumn): InventoryColumn[] {
  if (REQUIRED_COLUMNS.includes(id)) return [...columns];
  if (columns.includes(id)) return columns.filter((c) => c !== id);
  const out = [...columns];
  const last = out[out.length - 1];
  if (last === "last_inventory") out.splice(out.length - 1, 0, id);
  else out.push(id);
  return out;
}

export function canMove(columns: readonly InventoryColumn[], id: InventoryColumn, delta: -1 | 1): boolean {
  const i = columns.indexOf(id);
  const j = i + delta;
  // The name stays first.
  return i > 0 && j > 0 && j < columns.length;
}

/** Moves a shown column one place left (-1) or right (+1). */
export function moveColumn(
  columns: readonly InventoryColumn[],
  id: InventoryColumn,
  delta: -1 | 1,
): InventoryColumn[] {
  const out = [...columns];
  if (!canMove(columns, id, delta)) return out;
  const i = out.indexOf(id);
  const other = out[i + delta];
  if (other === undefined) return out;
  out[i + delta] = id;
  out[i] = other;
  return out;
}

/** The table's minimum width: each track's minimum (its first pixel value), plus the checkbox. */
export function minTableWidth(columns: readonly InventoryColumn[], checkboxWidth: number): number {
  return columns.reduce((sum, c) => {
    const m = /(\d+)px/.exec(columnDef(c).width);
    return sum + (m ? Number(m[1]) : 120);
  }, checkboxWidth);
}

export function gridTemplate(columns: readonly InventoryColumn[], checkboxWidth: number): string {
  return [`${checkboxWidth}px`, ...columns.map((c) => columnDef(c).width)].join(" ");
}

export interface CellContext {
  lang: Lang;
  t: Translate;
  now: Date;
  staleAfterDays: number;
}

export interface Cell {
  text: string;
  /** Secondary text after the main one, smaller (the last inventory's age). */
  sub?: string;
  /** Tooltip (the full value, or why it is flagged). */
  title?: string;
  tone?: "warn" | "danger" | "muted";
}

const DASH = "—";

function plain(value: string | null | undefined): Cell {
  return value === null || value === undefined || value === ""
    ? { text: DASH, tone: "muted" }
    : { text: value, title: value };
}

function yesNo(value: boolean | null, t: Translate, yesTone?: Cell["tone"]): Cell {
  if (value === null) return { text: DASH, tone: "muted" };
  return value
    ? { text: t("inventory.bool.yes"), ...(yesTone ? { tone: yesTone } : {}) }
    : { text: t("inventory.bool.no"), tone: "muted" };
}

/** Why a row is flagged stale, in the guide's terms. */
export function staleTitle(row: InventoryRow, ctx: CellContext): string {
  return row.lastInventory === null
    ? ctx.t("inventory.stale.never")
    : ctx.t("inventory.stale.title", { days: ctx.staleAfterDays });
}

export function cellContent(row: InventoryRow, column: InventoryColumn, ctx: CellContext): Cell {
  const { t, lang } = ctx;
  switch (column) {
    case "name":
      return plain(row.name);
    case "role":
      return { text: t(`inventory.roleOne.${knownRole(row.role)}`) };
    case "cart":
      return plain(row.cart);
    case "serial":
      return plain(row.serialNumber);
    case "asset_tag":
      return plain(row.assetTag);
    case "model":
      return plain(row.model);
    case "os_version":
      return plain(row.osVersion);
    case "user":
      return plain(row.username);
    case "battery":
      return row.batteryLevel === null
        ? { text: DASH, tone: "muted" }
        : {
            text: formatBattery(row.batteryLevel, t),
            ...(isLowBattery(row.batteryLevel)
              ? { tone: "danger" as const, title: t("inventory.battery.low") }
              : {}),
          };
    case "free_space":
      return row.availableMb === null ? { text: DASH, tone: "muted" } : { text: formatSize(row.availableMb, lang, t) };
    case "capacity":
      return row.capacityMb === null ? { text: DASH, tone: "muted" } : { text: formatSize(row.capacityMb, lang, t) };
    case "supervised":
      return yesNo(row.supervised, t);
    case "shared_ipad":
      return yesNo(row.sharedIpad, t);
    case "lost_mode":
      return yesNo(row.lostMode, t, "danger");
    case "last_inventory": {
      const at = dateAge(row.lastInventory, ctx.now, t);
      if (at === null)
        return { text: t("inventory.lastInventory.never"), tone: "warn", title: staleTitle(row, ctx) };
      const cell = { text: at.date, sub: at.age };
      return row.stale
        ? { ...cell, tone: "warn", title: `${at.dateTime} — ${staleTitle(row, ctx)}` }
        : { ...cell, title: at.dateTime };
    }
  }
}
