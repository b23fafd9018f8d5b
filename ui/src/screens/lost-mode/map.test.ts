import { describe, expect, it } from "vitest";
import type { LostDevice } from "../../lib/bindings";
import { rowFixture } from "../../lib/testing/fixtures";
import { DEVICE_ZOOM, focusZoom, frameKey, frameOf, layersFor, mapPoints } from "./map";
import { blockedReason, reasonLabel } from "./reasons";

function device(n: number, position: LostDevice["status"]["position"]): LostDevice {
  return {
    device: rowFixture(n),
    message: null,
    phone: null,
    status: { position, note: position ? null : "never_reported", error: null, requestedAt: null },
  };
}

const toulouse = { latitude: 43.6045, longitude: 1.444, accuracyM: 65, reportedAt: "2026-11-22T07:00:00Z" };
const paris = { latitude: 48.8566, longitude: 2.3522, accuracyM: null, reportedAt: null };

describe("lost-mode map", () => {
  it("puts only the devices with a usable position on the map", () => {
    const points = mapPoints([
      device(1, toulouse),
      device(2, null),
      device(3, { ...paris, latitude: Number.NaN }),
      device(4, { ...paris, accuracyM: 0 }),
    ]);
    expect(points.map((p) => p.id)).toEqual(["1", "4"]);
    expect(points[0]).toMatchObject({ name: "0312345A-2024-DMPX0001", lat: 43.6045, lon: 1.444, accuracyM: 65 });
    // A zero accuracy draws no circle.
    expect(points[1]!.accuracyM).toBeNull();
  });

  it("frames one device closely, with its accuracy circle whole", () => {
    expect(frameOf([])).toBeNull();
    const [point] = mapPoints([device(1, toulouse)]);
    const [[s, w], [n, e]] = frameOf([point!])!;
    expect(s).toBeLessThan(43.6045);
    expect(n).toBeGreaterThan(43.6045);
    expect(w).toBeLessThan(1.444);
    expect(e).toBeGreaterThan(1.444);
    // About 150 m each way (the smallest frame): a street, zoom ≈ DEVICE_ZOOM.
    expect((n - s) * 111_320).toBeCloseTo(300, 0);
    const [wide] = mapPoints([device(2, { ...toulouse, accuracyM: 2000 })]);
    const [[s2], [n2]] = frameOf([wide!])!;
    expect((n2 - s2) * 111_320).toBeCloseTo(4000, 0);
  });

  it("frames several devices together", () => {
    const points = mapPoints([device(1, toulouse), device(2, paris)]);
    const [[s, w], [n, e]] = frameOf(points)!;
    expect(s).toBeLessThan(43.6045);
    expect(n).toBeGreaterThan(48.8566);
    expect(w).toBeLessThan(1.444);
    expect(e).toBeGreaterThan(2.3522);
  });

  it("refits only when a device appears, leaves or moves", () => {
    const a = mapPoints([device(1, toulouse), device(2, paris)]);
    expect(frameKey(a)).toBe(frameKey(mapPoints([device(1, { ...toulouse, reportedAt: null }), device(2, paris)])));
    expect(frameKey(a)).not.toBe(frameKey(mapPoints([device(1, toulouse)])));
    expect(frameKey(a)).not.toBe(frameKey(mapPoints([device(1, { ...toulouse, latitude: 43.7 }), device(2, paris)])));
  });

  it("draws the bundled outlines always and the tiles only online", () => {
    expect(layersFor("online")).toEqual({ outlines: true, tiles: true });
    for (const c of ["offline", "demo", "not_configured", null] as const) expect(layersFor(c).tiles).toBe(false);
  });

  it("zooms in on a device from afar, keeps a closer zoom", () => {
    expect(focusZoom(5)).toBe(DEVICE_ZOOM);
    expect(focusZoom(18)).toBe(18);
  });

  it("names the reasons and when commands are blocked", () => {
    expect(reasonLabel("request_failed")).toBe("lostMode.reason.request_failed");
    expect(blockedReason("online")).toBeNull();
    expect(blockedReason("demo")).toBeNull();
    expect(blockedReason("offline")).toBe("lostMode.offline");
    expect(blockedReason("not_configured")).toBe("lostMode.notConfigured");
  });
});
