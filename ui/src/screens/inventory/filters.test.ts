import { describe, expect, it } from "vitest";
import { hrefFor, routeQuery } from "../../lib/router.svelte";
import { format } from "../../lib/i18n/index.svelte";
import { fr } from "../../lib/i18n/fr";
import { en } from "../../lib/i18n/en";
import {
  activeFilterCount,
  emptyFilter,
  filterChips,
  filterFromQuery,
  gbToMb,
  isFiltered,
  mbToGbInput,
  queryFromFilter,
  removeChip,
  sameFilter,
} from "./filters";

const tFr = (key: keyof typeof fr, params: Record<string, string | number> = {}) => format(fr[key], params);
const tEn = (key: keyof typeof fr, params: Record<string, string | number> = {}) => format(en[key], params);
const q = (s: string) => new URLSearchParams(s);

describe("filters from the link", () => {
  it("reads the dashboard's links", () => {
    expect(filterFromQuery(q("stale=true"))).toEqual({ ...emptyFilter(), stale: true });
    expect(filterFromQuery(q("cart=Chariot%201"))).toEqual({ ...emptyFilter(), cart: "Chariot 1" });
    expect(filterFromQuery(q("batteryMax=20&freeMax=2048&lost=true&role=student"))).toEqual({
      ...emptyFilter(),
      batteryMax: 20,
      freeMbMax: 2048,
      lostMode: true,
      role: "student",
    });
  });

  it("accepts search and q, booleans as true/false (or 1/0), and every key", () => {
    const f = filterFromQuery(
      q("search=DMPX&group=iOS%2016&os=17.5&model=iPad%20Air&supervised=false&shared=1&lost=0&stale=false&batteryMin=10&batteryMax=50&freeMin=1024&freeMax=4096"),
    );
    expect(f).toEqual({
      ...emptyFilter(),
      search: "DMPX",
      group: "iOS 16",
      osVersion: "17.5",
      model: "iPad Air",
      supervised: false,
      sharedIpad: true,
      lostMode: false,
      stale: false,
      batteryMin: 10,
      batteryMax: 50,
      freeMbMin: 1024,
      freeMbMax: 4096,
    });
    expect(filterFromQuery(q("q=a&search=b")).search).toBe("a");
  });

  it("ignores unknown roles, malformed numbers and booleans, and blank values", () => {
    expect(filterFromQuery(q("role=admin&batteryMax=lots&stale=maybe&cart=%20%20&freeMin=-5"))).toEqual(emptyFilter());
    expect(filterFromQuery(q("batteryMax=150")).batteryMax).toBe(100);
    expect(filterFromQuery(q("batteryMin=12.6")).batteryMin).toBe(13);
  });

  it("round-trips through the link the screen writes", () => {
    const filter = {
      ...emptyFilter(),
      search: "Prof 1",
      cart: "Chariot 2",
      stale: true,
      supervised: false,
      batteryMin: 0,
      freeMbMax: 2048,
    };
    const href = hrefFor("inventory", null, queryFromFilter(filter));
    expect(href).toBe("#/inventory?q=Prof+1&cart=Chariot+2&supervised=false&stale=true&batteryMin=0&freeMax=2048");
    expect(sameFilter(filterFromQuery(routeQuery(href)), filter)).toBe(true);
    expect(hrefFor("inventory", null, queryFromFilter(emptyFilter()))).toBe("#/inventory");
  });
});

describe("filter chips", () => {
  it("label each active filter, the search aside", () => {
    const filter = {
      ...emptyFilter(),
      search: "ignored",
      role: "shared_teacher" as const,
      cart: "Chariot 1",
      osVersion: "17",
      stale: true,
      batteryMax: 20,
      freeMbMin: 1024,
      freeMbMax: 5120,
      lostMode: false,
    };
    expect(filterChips(filter, "fr", tFr, 7).map((c) => c.label)).toEqual([
      "Rôle\u00a0: Profs partagés",
      "Chariot\u00a0: Chariot 1",
      "iOS 17",
      "Hors mode perdu",
      "Inventaire de plus de 7\u00a0jours",
      "Batterie ≤\u00a020\u00a0%",
      "Espace libre de 1,0\u00a0Go à 5,0\u00a0Go",
    ]);
    expect(filterChips(filter, "en", tEn, 30).map((c) => c.label)).toContain("Inventory older than 30 days");
    expect(activeFilterCount(filter)).toBe(7);
  });

  it("remove exactly their own condition", () => {
    const filter = { ...emptyFilter(), cart: "Chariot 1", batteryMin: 5, batteryMax: 20, stale: true };
    expect(removeChip(filter, "battery")).toEqual({ ...emptyFilter(), cart: "Chariot 1", stale: true });
    expect(removeChip(filter, "cart")).toEqual({ ...emptyFilter(), batteryMin: 5, batteryMax: 20, stale: true });
    expect(filter.cart).toBe("Chariot 1");
  });

  it("tell whether anything narrows the list", () => {
    expect(isFiltered(emptyFilter())).toBe(false);
    expect(isFiltered({ ...emptyFilter(), search: "x" })).toBe(true);
    expect(isFiltered({ ...emptyFilter(), supervised: false })).toBe(true);
  });
});

describe("free space in the filter bar", () => {
  it("converts gigabytes typed (comma or point) to whole megabytes and back", () => {
    expect(gbToMb("2")).toBe(2048);
    expect(gbToMb("0,5")).toBe(512);
    expect(gbToMb("")).toBeNull();
    expect(gbToMb("-1")).toBeNull();
    expect(mbToGbInput(2048)).toBe("2");
    expect(mbToGbInput(1536)).toBe("1.5");
    expect(mbToGbInput(null)).toBe("");
  });
});
