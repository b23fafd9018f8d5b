import { describe, expect, it } from "vitest";
import { en } from "./en";
import { fr } from "./fr";
import { format } from "./index.svelte";
import { ERROR_CODES } from "../bindings";

describe("message catalogs", () => {
  it("have the same keys in French and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it("use the same placeholders in both languages", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]));
    }
  });

  it("have no empty message", () => {
    for (const [key, value] of [...Object.entries(fr), ...Object.entries(en)]) {
      expect(value.trim(), key).not.toBe("");
    }
  });

  it("title and explain every error code the back end can send, in both languages", () => {
    for (const code of ERROR_CODES) {
      for (const key of [`error.${code}`, `error.explain.${code}`]) {
        expect(fr, key).toHaveProperty([key]);
        expect(en, key).toHaveProperty([key]);
      }
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("{count} appareils", { count: 252 })).toBe("252 appareils");
    expect(format("{a} et {b}", { a: 1 })).toBe("1 et {b}");
  });
});
