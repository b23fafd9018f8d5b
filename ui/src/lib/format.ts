// Dates and ages as the status bar shows them ("Données du 12/11 à 08:30 · il y a 2 h").
import type { MessageKey } from "./i18n/fr";

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const pad = (n: number) => String(n).padStart(2, "0");

/** Day/month and hour:minute in local time; French and English school users both read dd/mm. */
export function dayMonth(d: Date): string {
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}`;
}

export function hourMinute(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function relativeAge(then: Date, now: Date, t: Translate): string {
  const minutes = Math.floor((now.getTime() - then.getTime()) / 60_000);
  if (minutes < 1) return t("age.justNow");
  if (minutes < 60) return t("age.minutes", { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t("age.hours", { n: hours });
  return t("age.days", { n: Math.floor(hours / 24) });
}

export interface SnapshotLabel {
  text: string;
  age: string | null;
  stale: boolean;
}

/** The status bar's snapshot label from the back end's `syncedAt` (RFC 3339 or null). */
export function snapshotLabel(
  syncedAt: string | null,
  now: Date,
  staleAfterDays: number,
  t: Translate,
): SnapshotLabel {
  if (syncedAt === null) return { text: t("status.snapshot.none"), age: null, stale: false };
  const then = new Date(syncedAt);
  if (Number.isNaN(then.getTime()))
    return { text: t("status.snapshot.unknownDate"), age: null, stale: true };
  const stale = now.getTime() - then.getTime() > staleAfterDays * 86_400_000;
  return {
    text: t("status.snapshot.from", { date: dayMonth(then), time: hourMinute(then) }),
    age: relativeAge(then, now, t),
    stale,
  };
}
