// How the inventory and the device screen write numbers, sizes, battery levels and dates.
// Pure functions: the language and the translation function are passed in, so tests can pin them.
import type { Lang } from "../../lib/bindings";
import type { MessageKey } from "../../lib/i18n/fr";
import { relativeAge } from "../../lib/format";
import { plural } from "../../lib/i18n/plural";

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Battery at or below this level is shown in the warning colour (the dashboard's threshold). */
export const LOW_BATTERY_PERCENT = 20;

/** 50000 → "50 000" in French, "50,000" in English. */
export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang).format(n);
}

/** "252 appareils", "1 appareil", "0 appareil" (French says « 0 appareil », English "0 devices");
 * the message pair is `<key>.one` / `<key>.other`. */
export function countLabel(
  base: "inventory.count" | "inventory.selected" | "inventory.export.done" | "inventory.export.scopeAll" | "inventory.export.scopeSelection",
  n: number,
  lang: Lang,
  t: Translate,
  params: Record<string, string | number> = {},
): string {
  return plural(base, n, lang, t, params);
}

/** Megabytes as gigabytes with one decimal: 20480 → "20,0 Go" / "20.0 GB" (MB / 1024). */
export function formatSize(mb: number | null, lang: Lang, t: Translate): string {
  if (mb === null) return "—";
  const gb = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    mb / 1024,
  );
  return t("inventory.unit.gb", { n: gb });
}

/** "80 %" (French puts a non-breaking space before the sign), "80%" in English. */
export function formatBattery(level: number | null, t: Translate): string {
  if (level === null) return "—";
  return t("inventory.unit.percent", { n: Math.round(level) });
}

export function isLowBattery(level: number | null): boolean {
  return level !== null && level <= LOW_BATTERY_PERCENT;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** 22/11/2026 in local time (French and English school users both read dd/mm/yyyy). */
export function formatDate(d: Date): string {
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** 22/11/2026 08:30 in local time. */
export function formatDateTime(d: Date): string {
  return `${formatDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** YYYY-MM-DD in local time, for file names. */
export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export interface DateAge {
  /** "20/11/2026" */
  date: string;
  /** "20/11/2026 08:30" */
  dateTime: string;
  /** "il y a 2 j" */
  age: string;
}

/** A back-end RFC 3339 instant as a date and an age; `null` when absent or unreadable. */
export function dateAge(value: string | null, now: Date, t: Translate): DateAge | null {
  if (value === null) return null;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  return { date: formatDate(d), dateTime: formatDateTime(d), age: relativeAge(d, now, t) };
}

/** A fraction 0..1 of used capacity, clamped; `null` when either number is missing. */
export function usedFraction(capacityMb: number | null, availableMb: number | null): number | null {
  if (capacityMb === null || availableMb === null || capacityMb <= 0) return null;
  return Math.min(1, Math.max(0, (capacityMb - availableMb) / capacityMb));
}
