import { describe, expect, it } from "vitest";
import { ROUTES, hrefFor, routeArg, routeFromHash, routeQuery } from "./router.svelte";
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
    ["#/device/42", "device"],
    ["#/job/7", "job"],
    ["#/welcome", "welcome"],
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

  it("carries a device id and filters in the link", () => {
    const href = hrefFor("inventory", null, { cart: "Chariot 1", stale: true, q: "" });
    expect(href).toBe("#/inventory?cart=Chariot+1&stale=true");
    expect(routeQuery(href).get("cart")).toBe("Chariot 1");
    expect(routeArg(hrefFor("device", "a/b 1"))).toBe("a/b 1");
    expect(routeArg("#/inventory")).toBeNull();
    expect(routeArg(hrefFor("job", "7"))).toBe("7");
  });
});
