// Hash routing (#/inventory): works from the bundled files with no server, and deep links
// survive a reload.
import type { MessageKey } from "./i18n/fr";

export type RouteId =
  | "welcome"
  | "device"
  | "job"
  | "dashboard"
  | "inventory"
  | "groups"
  | "profiles"
  | "apps"
  | "lost-mode"
  | "asm"
  | "zero-touch"
  | "journal"
  | "settings";

export interface Route {
  id: RouteId;
  label: MessageKey;
  icon: string;
}

/** The sidebar, in the order of the school guide's menu. */
export const ROUTES: readonly Route[] = [
  { id: "dashboard", label: "nav.dashboard", icon: "dashboard" },
  { id: "inventory", label: "nav.inventory", icon: "inventory" },
  { id: "groups", label: "nav.groups", icon: "groups" },
  { id: "profiles", label: "nav.profiles", icon: "profiles" },
  { id: "apps", label: "nav.apps", icon: "apps" },
  { id: "lost-mode", label: "nav.lostMode", icon: "lostMode" },
  { id: "asm", label: "nav.asm", icon: "asm" },
  { id: "zero-touch", label: "nav.zeroTouch", icon: "zeroTouch" },
  { id: "journal", label: "nav.journal", icon: "journal" },
  { id: "settings", label: "nav.settings", icon: "settings" },
];

/** Screens reached from inside the app, not from the sidebar. */
const HIDDEN: readonly RouteId[] = ["welcome", "device", "job"];

export function routeFromHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, "").split(/[/?]/)[0] ?? "";
  return ROUTES.some((r) => r.id === id) || HIDDEN.includes(id as RouteId)
    ? (id as RouteId)
    : "dashboard";
}

/** The path segment after the route (`#/device/42` → "42"), decoded; `null` when absent. */
export function routeArg(hash: string): string | null {
  const path = hash.replace(/^#\/?/, "").split("?")[0] ?? "";
  const arg = path.split("/")[1];
  return arg ? decodeURIComponent(arg) : null;
}

/** The query of the hash (`#/inventory?cart=Chariot%201&stale=1`). */
export function routeQuery(hash: string): URLSearchParams {
  const i = hash.indexOf("?");
  return new URLSearchParams(i >= 0 ? hash.slice(i + 1) : "");
}

/** A link to a screen, with an optional argument and query (values left out when empty). */
export function hrefFor(
  id: RouteId,
  arg?: string | null,
  query?: Record<string, string | number | boolean | null | undefined>,
): string {
  let href = `#/${id}`;
  if (arg) href += `/${encodeURIComponent(arg)}`;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== null && v !== undefined && v !== "") params.set(k, String(v));
  }
  const q = params.toString();
  return q ? `${href}?${q}` : href;
}

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, "");
}

const state = $state<{ current: RouteId; hash: string }>({
  current: routeFromHash(window.location.hash),
  hash: window.location.hash,
});

window.addEventListener("hashchange", () => {
  state.current = routeFromHash(window.location.hash);
  state.hash = window.location.hash;
});

export const router = {
  get current(): RouteId {
    return state.current;
  },
  /** The argument of the current route (a device id, a job id). */
  get arg(): string | null {
    return routeArg(state.hash);
  },
  get query(): URLSearchParams {
    return routeQuery(state.hash);
  },
};
