import { describe, expect, it } from "vitest";
import { ROUTES, hrefFor, routeFromHash } from "./router.svelte";
import { fr } from "./i18n/fr";

describe("router", () => {
  it.each([
    ["", "dashboard"],
    ["#/", "dashboard"],
    ["#/inventory", "inventory"],
    ["#/lost-mode", "lost-mode"],
    ["#/inventory/42", "inventory"],
    ["#/inventory?q=RNE", "inventory"],
    ["#/nowhere", "dashboard"],
    ["#inventory", "inventory"],
  ])("%s opens %s", (hash, expected) => {
    expect(routeFromHash(hash)).toBe(expected);
  });

  it("lists the guide's menu in order, each with a label in the catalog", () => {
    expect(ROUTES.map((r) => fr[r.label])).toEqual([
      "Tableau de bord",
      "Inventaire",
      "Groupes",
      "Profils de configuration",
      "Apps",
      "Mode perdu",
      "Apple School Manager",
      "Zero-touch Android",
      "Journal",
      "Réglages",
    ]);
  });

  it("round-trips every route through its link", () => {
    for (const route of ROUTES) expect(routeFromHash(hrefFor(route.id))).toBe(route.id);
  });
});
