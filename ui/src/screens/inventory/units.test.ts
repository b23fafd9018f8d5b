import { describe, expect, it } from "vitest";
import { format } from "../../lib/i18n/index.svelte";
import { fr } from "../../lib/i18n/fr";
import { en } from "../../lib/i18n/en";
import { countLabel, dateAge, formatBattery, formatCount, formatSize, isLowBattery, isoDay, usedFraction } from "./units";

const tFr = (key: keyof typeof fr, params: Record<string, string | number> = {}) => format(fr[key], params);
const tEn = (key: keyof typeof fr, params: Record<string, string | number> = {}) => format(en[key], params);

describe("units", () => {
  it("counts devices with each language's plural", () => {
    expect(countLabel("inventory.count", 252, "fr", tFr)).toBe("252 appareils");
    expect(countLabel("inventory.count", 1, "fr", tFr)).toBe("1 appareil");
    expect(countLabel("inventory.count", 0, "fr", tFr)).toBe("0 appareil");
    expect(countLabel("inventory.count", 0, "en", tEn)).toBe("0 devices");
    expect(countLabel("inventory.count", 1, "en", tEn)).toBe("1 device");
    expect(countLabel("inventory.count", 50_000, "en", tEn)).toBe("50,000 devices");
    expect(formatCount(50_000, "fr")).toBe("50\u202f000");
    expect(countLabel("inventory.selected", 3, "fr", tFr)).toBe("3 appareils sélectionnés");
  });

  it("writes sizes and battery", () => {
    expect(formatSize(20480, "fr", tFr)).toBe("20,0\u00a0Go");
    expect(formatSize(500, "en", tEn)).toBe("0.5 GB");
    expect(formatSize(null, "fr", tFr)).toBe("—");
    expect(formatBattery(79.6, tFr)).toBe("80\u00a0%");
    expect(isLowBattery(20)).toBe(true);
    expect(isLowBattery(21)).toBe(false);
    expect(isLowBattery(null)).toBe(false);
    expect(usedFraction(1000, 250)).toBe(0.75);
    expect(usedFraction(null, 250)).toBeNull();
  });

  it("writes dates in local time and days for file names", () => {
    const d = new Date(2026, 10, 2, 8, 5);
    expect(isoDay(d)).toBe("2026-11-02");
    const now = new Date(2026, 10, 5, 8, 5);
    expect(dateAge(d.toISOString(), now, tFr)).toEqual({ date: "02/11/2026", dateTime: "02/11/2026 08:05", age: "il y a 3 j" });
    expect(dateAge(null, now, tFr)).toBeNull();
    expect(dateAge("garbage", now, tFr)).toBeNull();
  });
});
