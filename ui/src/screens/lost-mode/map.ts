// The lost-mode map's pure parts, kept apart from Leaflet so they are unit-tested: which devices
// go on the map, the area to show, which layers to draw, and the text of a marker's tooltip.
import type { ConnectionState, LostDevice } from "../../lib/bindings";

/** OpenStreetMap's standard tiles (the CSP's img-src must allow this host). */
export const TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
export const TILE_HOST = "https://tile.openstreetmap.org";
export const TILE_ATTRIBUTION = "© OpenStreetMap contributors";
export const TILE_MAX_ZOOM = 19;

/** Close enough to see the street of one device. */
export const DEVICE_ZOOM = 15;

/** Metropolitan France, when no device has a position yet. */
export const DEFAULT_VIEW = { center: [46.6, 2.5] as [number, number], zoom: 5 };

/** Every accuracy circle is shown whole; a tiny or unknown one still frames a street. */
const MIN_FRAME_METERS = 150;
const METERS_PER_DEGREE = 111_320;

export interface MapPoint {
  id: string;
  name: string;
  lat: number;
  lon: number;
  accuracyM: number | null;
  reportedAt: string | null;
}

/** The devices that have a usable position, in the list's order. */
export function mapPoints(devices: readonly LostDevice[]): MapPoint[] {
  const points: MapPoint[] = [];
  for (const d of devices) {
    const p = d.status.position;
    if (!p || !Number.isFinite(p.latitude) || !Number.isFinite(p.longitude)) continue;
    if (Math.abs(p.latitude) > 90 || Math.abs(p.longitude) > 180) continue;
    points.push({
      id: d.device.id,
      name: d.device.name,
      lat: p.latitude,
      lon: p.longitude,
      accuracyM: p.accuracyM !== null && p.accuracyM > 0 ? p.accuracyM : null,
      reportedAt: p.reportedAt,
    });
  }
  return points;
}

/** South-west and north-east corners, as Leaflet's LatLngBoundsLiteral. */
export type Bounds = [[number, number], [number, number]];

/**
 * The area that shows every point with its accuracy circle, or `null` when there is no point.
 * Shown with at most DEVICE_ZOOM, one device lands at about that zoom.
 */
export function frameOf(points: readonly MapPoint[]): Bounds | null {
  if (points.length === 0) return null;
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  for (const p of points) {
    const meters = Math.max(p.accuracyM ?? 0, MIN_FRAME_METERS);
    const dLat = meters / METERS_PER_DEGREE;
    const dLon = dLat / Math.max(0.05, Math.cos((p.lat * Math.PI) / 180));
    south = Math.min(south, p.lat - dLat);
    north = Math.max(north, p.lat + dLat);
    west = Math.min(west, p.lon - dLon);
    east = Math.max(east, p.lon + dLon);
  }
  return [
    [Math.max(-85, south), Math.max(-180, west)],
    [Math.min(85, north), Math.min(180, east)],
  ];
}

/** A text that changes when a point is added, removed or moves: the map refits only then. */
export function frameKey(points: readonly MapPoint[]): string {
  return points.map((p) => `${p.id}@${p.lat},${p.lon},${p.accuracyM ?? ""}`).join(";");
}

/** Country outlines always (bundled, offline); OpenStreetMap's tiles over them when online. */
export function layersFor(connection: ConnectionState | null | undefined): { outlines: true; tiles: boolean } {
  return { outlines: true, tiles: connection === "online" };
}

/** Going to a device from the list: closer if the map is far out, as close if already near. */
export function focusZoom(current: number): number {
  return Math.max(current, DEVICE_ZOOM);
}
