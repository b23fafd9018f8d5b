// Hash routing (#/inventory): works from the bundled files with no server, and deep links
// survive a reload.
import type { MessageKey } from "./i18n/fr";

export type RouteId =
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

export function routeFromHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, "").split(/[/?]/)[0] ?? "";
  return ROUTES.some((r) => r.id === id) ? (id as RouteId) : "dashboard";
}

export function hrefFor(id: RouteId): string {
  return `#/${id}`;
}

const state = $state<{ current: RouteId }>({ current: routeFromHash(window.location.hash) });

window.addEventListener("hashchange", () => {
  state.current = routeFromHash(window.location.hash);
});

export const router = {
  get current(): RouteId {
    return state.current;
  },
};
