import { describe, expect, it } from "vitest";
import { dayMonth, hourMinute, relativeAge, snapshotLabel } from "./format";
import { format } from "./i18n/index.svelte";
import { fr } from "./i18n/fr";
import { en } from "./i18n/en";

const tFr = (key: keyof typeof fr, params: Record<string, string | number> = {}) =>
  format(fr[key], params);
const tEn = (key: keyof typeof fr, params: Record<string, string | number> = {}) =>
  format(en[key], params);

describe("dates", () => {
  it("pads day, month, hour and minute", () => {
    const d = new Date(2026, 10, 2, 8, 5);
    expect(dayMonth(d)).toBe("02/11");
    expect(hourMinute(d)).toBe("08:05");
  });

  it.each([
    [0, "à l'instant"],
    [5, "il y a 5 min"],
    [59, "il y a 59 min"],
    [60, "il y a 1 h"],
    [47 * 60, "il y a 47 h"],
    [48 * 60, "il y a 2 j"],
    [30 * 24 * 60, "il y a 30 j"],
  ])("%i minutes reads %s", (minutes, expected) => {
    const now = new Date(2026, 10, 22, 12, 0);
    const then = new Date(now.getTime() - minutes * 60_000);
    expect(relativeAge(then, now, tFr)).toBe(expected);
  });
});

describe("snapshot label", () => {
  const now = new Date(2026, 10, 22, 12, 0);

  it("says there is no local data", () => {
    expect(snapshotLabel(null, now, 7, tFr)).toEqual({
      text: "Aucune donnée locale",
      age: null,
      stale: false,
    });
  });

  it("shows the guide's wording with date and time", () => {
    const synced = new Date(2026, 10, 22, 8, 30);
    const label = snapshotLabel(synced.toISOString(), now, 7, tFr);
    expect(label.text).toBe("Données du 22/11 à 08:30");
    expect(label.age).toBe("il y a 3 h");
    expect(label.stale).toBe(false);
  });

  it("flags data older than the threshold as stale", () => {
    const synced = new Date(2026, 10, 12, 8, 30);
    const label = snapshotLabel(synced.toISOString(), now, 7, tEn);
    expect(label.text).toBe("Data from 12/11 at 08:30");
    expect(label.stale).toBe(true);
    expect(snapshotLabel(synced.toISOString(), now, 30, tEn).stale).toBe(false);
  });

  it("treats an unreadable date as stale rather than fresh", () => {
    const label = snapshotLabel("not a date", now, 7, tFr);
    expect(label.stale).toBe(true);
    expect(label.text).toBe("Données de date inconnue");
  });
});
