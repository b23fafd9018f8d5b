import { describe, expect, it } from "vitest";
import { accuracyRadius, graticule, loadOutlines, makeView, pathFor, project, touchesView } from "./map";

describe("offline map", () => {
  const view = makeView(48.85, 2.35, 400, 300, 2);

  it("centres the point and puts north up and east right", () => {
    expect(project(view, 2.35, 48.85)).toEqual([200, 150]);
    const [, yNorth] = project(view, 2.35, 49.85);
    const [xEast] = project(view, 3.35, 48.85);
    expect(yNorth).toBeCloseTo(75);
    expect(xEast).toBeGreaterThan(200);
    // ±2° of latitude fill the height; longitude is stretched by 1/cos(lat).
    expect(view.halfLat).toBe(2);
    expect(view.halfLon).toBeCloseTo(200 / (75 * Math.cos((48.85 * Math.PI) / 180)));
  });

  it("sizes the accuracy circle in metres", () => {
    expect(accuracyRadius(view, 111_320)).toBeCloseTo(75);
    expect(accuracyRadius(view, 65)).toBeLessThan(1);
  });

  it("keeps only the rings near the view", () => {
    expect(touchesView(view, { minLon: 2, maxLon: 3, minLat: 48, maxLat: 49 })).toBe(true);
    expect(touchesView(view, { minLon: 100, maxLon: 110, minLat: 10, maxLat: 20 })).toBe(false);
    const far = { type: "Polygon" as const, coordinates: [[[100, 10], [101, 10], [101, 11], [100, 10]]] };
    const near = { type: "Polygon" as const, coordinates: [[[2, 48], [3, 48], [3, 49], [2, 48]]] };
    expect(pathFor(view, far)).toBe("");
    expect(pathFor(view, near)).toMatch(/^M[\d.-]+ [\d.-]+L.*Z$/);
  });

  it("draws a grid line every degree", () => {
    const g = graticule(view, 1);
    expect(g.lats).toEqual([47, 48, 49, 50]);
    expect(g.lons).toContain(2);
  });

  it("decodes the Natural Earth outlines around France", async () => {
    const outlines = await loadOutlines();
    const land = outlines.land.map((f) => pathFor(view, f.geometry)).join("");
    expect(land.length).toBeGreaterThan(100);
    expect(pathFor(view, outlines.borders).length).toBeGreaterThan(0);
    // Some coastline or border points fall inside the 400×300 view around Paris.
    const inside = [...land.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].filter(([, x, y]) => {
      const px = Number(x);
      const py = Number(y);
      return px >= 0 && px <= 400 && py >= 0 && py <= 300;
    });
    expect(inside.length).toBeGreaterThan(0);
  });
});
