import { describe, expect, it } from "vitest";
import { en } from "./en";
import { fr } from "./fr";
import { format } from "./index.svelte";
import { ERROR_CODES, ERROR_DETAIL_FIELDS, ERROR_DETAIL_KINDS, REFUSALS } from "../bindings";

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

  it("word every error detail the back end can send, with exactly its fields", () => {
    const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    expect(ERROR_DETAIL_KINDS.length).toBeGreaterThan(0);
    for (const kind of ERROR_DETAIL_KINDS) {
      const fields = [...ERROR_DETAIL_FIELDS[kind]].sort();
      for (const catalog of [fr, en] as Record<string, string>[]) {
        const sentence = catalog[`error.detail.${kind}`];
        expect(sentence, `error.detail.${kind}`).toBeDefined();
        expect(placeholders(sentence ?? ""), `error.detail.${kind}`).toEqual(fields);
        const hint = catalog[`error.detailHint.${kind}`];
        if (hint !== undefined) {
          for (const name of placeholders(hint)) expect(fields, `error.detailHint.${kind}`).toContain(name);
        }
      }
    }
  });

  it("has no sentence for a detail the back end does not send", () => {
    const kinds = new Set<string>(ERROR_DETAIL_KINDS);
    for (const key of Object.keys(fr)) {
      const m = key.match(/^error\.detail(?:Hint)?\.(\w+)$/);
      if (m) expect(kinds, key).toContain(m[1]);
    }
  });

  it("word every reason a device is left out, in both languages", () => {
    for (const reason of REFUSALS) {
      const key = `action.refusal.${reason}`;
      expect(fr, key).toHaveProperty([key]);
      expect(en, key).toHaveProperty([key]);
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("{count} appareils", { count: 252 })).toBe("252 appareils");
    expect(format("{a} et {b}", { a: 1 })).toBe("1 et {b}");
  });
});
