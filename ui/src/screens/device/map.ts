// The lost-mode map, drawn offline: Natural Earth's coastlines and borders (world-atlas, decoded
// with topojson-client) around the reported position, in an equirectangular projection zoomed
// to about ±2° of latitude, with the marker and the accuracy circle. No tile server, no network.
import type { Feature, GeoJsonProperties, Geometry, MultiLineString, Position as GeoPosition } from "geojson";

export interface MapView {
  width: number;
  height: number;
  lat: number;
  lon: number;
  /** Pixels per degree of latitude (and of longitude at the equator). */
  k: number;
  /** Pixels per degree of longitude at this latitude. */
  kx: number;
  /** The degrees the view covers on each side of the centre. */
  halfLat: number;
  halfLon: number;
}

/** A view of `width`×`height` pixels centred on the point, `halfSpan` degrees above and below. */
export function makeView(lat: number, lon: number, width: number, height: number, halfSpan = 2): MapView {
  const k = height / 2 / halfSpan;
  // Equirectangular with the standard parallel at the point: distances look right around it.
  const kx = k * Math.max(0.05, Math.cos((lat * Math.PI) / 180));
  return { width, height, lat, lon, k, kx, halfLat: halfSpan, halfLon: width / 2 / kx };
}

export function project(view: MapView, lon: number, lat: number): [number, number] {
  return [view.width / 2 + (lon - view.lon) * view.kx, view.height / 2 - (lat - view.lat) * view.k];
}

/** The accuracy circle's radius in pixels (1° of latitude ≈ 111.32 km). */
export function accuracyRadius(view: MapView, meters: number): number {
  return (meters / 111_320) * view.k;
}

interface Box {
  minLon: number;
  maxLon: number;
  minLat: number;
  maxLat: number;
}

function boxOf(points: GeoPosition[]): Box {
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const p of points) {
    const [lon = 0, lat = 0] = p;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  return { minLon, maxLon, minLat, maxLat };
}

/** Whether a box touches the view (with a margin, so strokes at the edge are not cut short). */
export function touchesView(view: MapView, box: Box, margin = 0.5): boolean {
  return !(
    box.maxLon < view.lon - view.halfLon - margin ||
    box.minLon > view.lon + view.halfLon + margin ||
    box.maxLat < view.lat - view.halfLat - margin ||
    box.minLat > view.lat + view.halfLat + margin
  );
}

function linePath(view: MapView, points: GeoPosition[], close: boolean): string {
  let d = "";
  points.forEach((p, i) => {
    const [x, y] = project(view, p[0] ?? 0, p[1] ?? 0);
    d += `${i === 0 ? "M" : "L"}${x.toFixed(1)} ${y.toFixed(1)}`;
  });
  return close && d ? `${d}Z` : d;
}

/** SVG path data of the rings (polygons) or lines of `geometry` that reach the view. */
export function pathFor(view: MapView, geometry: Geometry | null): string {
  if (geometry === null) return "";
  const parts: string[] = [];
  const rings = (list: GeoPosition[][], close: boolean) => {
    for (const ring of list) if (ring.length > 1 && touchesView(view, boxOf(ring))) parts.push(linePath(view, ring, close));
  };
  switch (geometry.type) {
    case "Polygon":
      rings(geometry.coordinates, true);
      break;
    case "MultiPolygon":
      for (const polygon of geometry.coordinates) rings(polygon, true);
      break;
    case "LineString":
      rings([geometry.coordinates], false);
      break;
    case "MultiLineString":
      rings(geometry.coordinates, false);
      break;
    case "GeometryCollection":
      for (const g of geometry.geometries) parts.push(pathFor(view, g));
      break;
    default:
      break;
  }
  return parts.filter((p) => p !== "").join("");
}

/** Lines of the graticule every `step` degrees inside the view. */
export function graticule(view: MapView, step = 1): { lons: number[]; lats: number[] } {
  const lons: number[] = [];
  const lats: number[] = [];
  for (let lon = Math.ceil((view.lon - view.halfLon) / step) * step; lon <= view.lon + view.halfLon; lon += step) lons.push(lon);
  for (let lat = Math.ceil((view.lat - view.halfLat) / step) * step; lat <= view.lat + view.halfLat; lat += step) lats.push(lat);
  return { lons, lats };
}

export interface Outlines {
  land: Feature<Geometry, GeoJsonProperties>[];
  borders: MultiLineString;
}

let outlines: Promise<Outlines> | null = null;

/**
 * Natural Earth 1:50m land and country borders, decoded once. The data (≈ 750 kB) is a separate
 * chunk loaded only when a map is shown.
 */
export function loadOutlines(): Promise<Outlines> {
  outlines ??= (async () => {
    const [{ feature, mesh }, atlas] = await Promise.all([
      import("topojson-client"),
      import("world-atlas/countries-50m.json"),
    ]);
    // The JSON's own type is too precise to be useful; it is a TopoJSON topology.
    const topology = (atlas as unknown as { default: unknown }).default as Parameters<typeof mesh>[0];
    const objects = topology.objects as Record<string, Parameters<typeof mesh>[1]>;
    const countries = objects.countries;
    const land = objects.land;
    if (!countries || !land) throw new Error("world-atlas: missing objects");
    const landFeature = feature(topology, land);
    return {
      land: "features" in landFeature ? landFeature.features : [landFeature],
      borders: mesh(topology, countries, (a, b) => a !== b),
    };
  })();
  outlines.catch(() => (outlines = null));
  return outlines;
}
