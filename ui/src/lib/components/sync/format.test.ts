import { describe, expect, it } from "vitest";
import {
  etaLabel,
  formatCount,
  formatDuration,
  fraction,
  outcomeProblems,
  outcomeSummary,
  phaseLabel,
} from "./format";
import { format } from "../../i18n/index.svelte";
import { fr } from "../../i18n/fr";
import { en } from "../../i18n/en";
import type { SyncOutcome, SyncPhase } from "../../bindings";

const tFr = (key: keyof typeof fr, params: Record<string, string | number> = {}) =>
  format(fr[key], params);
const tEn = (key: keyof typeof fr, params: Record<string, string | number> = {}) =>
  format(en[key], params);
/** French puts a narrow no-break space in "1 000"; compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

const outcome = (o: Partial<SyncOutcome> = {}): SyncOutcome => ({
  finishedAt: "2026-11-22T08:30:00Z",
  kind: "incremental",
  deviceCount: 38,
  added: 0,
  changed: 2,
  removed: 0,
  incomplete: 0,
  positionsUnread: 0,
  durationMs: 1234,
  error: null,
  ...o,
});

describe("sync words", () => {
  it("groups thousands the French and the English way", () => {
    expect(plain(formatCount(1000, "fr"))).toBe("1 000");
    expect(formatCount(1000, "en")).toBe("1,000");
  });

  it("says durations with a decimal comma in French", () => {
    expect(formatDuration(1234, "fr", tFr)).toBe("1,2 s");
    expect(formatDuration(1234, "en", tEn)).toBe("1.2 s");
    expect(formatDuration(42_400, "fr", tFr)).toBe("42 s");
    expect(formatDuration(125_000, "fr", tFr)).toBe("2 min 5 s");
    expect(formatDuration(20, "fr", tFr)).toBe("moins de 0,1 s");
    expect(formatDuration(20, "en", tEn)).toBe("under 0.1 s");
    expect(formatDuration(60, "en", tEn)).toBe("0.1 s");
  });

  it("names each phase", () => {
    const at = (phase: SyncPhase, total = 10) => ({
      phase,
      done: 0,
      total,
      devicesPerSecond: 0,
      etaSeconds: null,
    });
    expect(phaseLabel(at("signing_in"), tFr)).toBe("Connexion");
    expect(phaseLabel(at("fetching"), tFr)).toBe("Lecture de l'inventaire");
    expect(phaseLabel(at("reconciling"), tFr)).toBe("Vérification des suppressions");
    expect(phaseLabel(at("saving"), tFr)).toBe("Enregistrement");
    expect(phaseLabel(at("positions"), tFr)).toBe("Positions des appareils perdus");
    expect(phaseLabel(at("positions"), tEn)).toBe("Lost devices' positions");
    expect(phaseLabel(null, tFr)).toBe("Démarrage");
  });

  it("does not announce positions when no lost device is to be read", () => {
    const none = { phase: "positions" as const, done: 0, total: 0, devicesPerSecond: 0, etaSeconds: null };
    expect(phaseLabel(none, tFr)).toBe("Finalisation");
    expect(phaseLabel(none, tEn)).toBe("Finishing");
  });

  it("estimates the time left only when the back end can", () => {
    const p = { phase: "fetching" as const, done: 420, total: 1000, devicesPerSecond: 50 };
    expect(etaLabel({ ...p, etaSeconds: 11.2 }, tFr)).toBe("encore 12 s");
    expect(etaLabel({ ...p, etaSeconds: 130 }, tFr)).toBe("encore 3 min");
    expect(etaLabel({ ...p, etaSeconds: null }, tFr)).toBeNull();
    expect(fraction({ ...p, etaSeconds: null })).toBeCloseTo(0.42);
    expect(fraction({ ...p, total: 0, etaSeconds: null })).toBeNull();
  });

  it("summarises a finished sync", () => {
    expect(outcomeSummary(outcome(), "fr", tFr)).toBe(
      "Synchronisé : 38 appareils, 2 modifiés, en 1,2 s",
    );
    expect(outcomeSummary(outcome({ added: 1, changed: 0, removed: 3 }), "fr", tFr)).toBe(
      "Synchronisé : 38 appareils, 1 ajouté, 3 supprimés, en 1,2 s",
    );
    expect(outcomeSummary(outcome({ changed: 0, kind: "full", deviceCount: 1 }), "fr", tFr)).toBe(
      "Synchronisé (relecture complète) : 1 appareil, aucun changement, en 1,2 s",
    );
    expect(outcomeSummary(outcome(), "en", tEn)).toBe("Synced: 38 devices, 2 changed, in 1.2 s");
  });
});

describe("what a sync survived", () => {
  it("says nothing when everything was read", () => {
    expect(outcomeProblems(outcome(), "fr", tFr)).toEqual([]);
  });

  it("says which reads Jamf Pro could not complete, one sentence each, in both languages", () => {
    const partial = outcome({ incomplete: 1200, positionsUnread: 1 });
    const fr = outcomeProblems(partial, "fr", tFr).map(plain);
    expect(fr).toHaveLength(2);
    expect(fr[0]).toContain("une partie de l'inventaire de 1 200 appareils");
    expect(fr[1]).toBe(
      "Position non lue pour un appareil perdu : il garde sa dernière position connue.",
    );
    const en = outcomeProblems(outcome({ incomplete: 1, positionsUnread: 3 }), "en", tEn);
    expect(en[0]).toContain("partly read the inventory of one device");
    expect(en[1]).toBe("Position not read for 3 lost devices: they keep their last known position.");
  });
});
