// The journal screen against a mocked back end: labels in French, search, paging, export, and
// the latest actions kept current by job events.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import type { JobSummary, JournalEntry, JournalPage, JournalRequest } from "../../lib/bindings";
import { jobFixture } from "../../lib/testing/fixtures";
import { EVENTS } from "../../lib/bindings";
import { cleanup, render } from "../../lib/testing/mount";
import { byTestId, type } from "../../lib/testing/dom";
import { setStatus } from "../inventory/testHelpers";
import Journal from "./Journal.svelte";
import { mergeJobs, withJob } from "./journal";

function entry(id: number, overrides: Partial<JournalEntry> = {}): JournalEntry {
  return {
    id,
    at: "2026-11-22T08:30:12Z",
    account: "chariot-api",
    jobId: 7,
    kind: "restart",
    event: "result",
    deviceId: "42",
    deviceName: "0312345A-2024-DMPX0042",
    state: "done",
    detail: "",
    ...overrides,
  };
}

function job(id: number, overrides: Partial<JobSummary> = {}): JobSummary {
  return jobFixture(id, {
    account: "chariot-api",
    createdAt: "2026-11-22T08:30:00Z",
    counts: { notSent: 0, waiting: 0, notNow: 0, done: 28, failed: 2, unknown: 0, refused: 0 },
    total: 30,
    finished: true,
    ...overrides,
  });
}

let calls: [string, unknown][] = [];
let page: (request: JournalRequest) => JournalPage;
let exportPath: string | null;

function backEnd(jobs: JobSummary[] = [job(7)]) {
  mockIPC(
    (cmd, args) => {
      calls.push([cmd, args]);
      switch (cmd) {
        case "journal":
          return page((args as { request: JournalRequest }).request);
        case "jobs":
          return jobs;
        case "choose_export_path":
          return exportPath;
        case "export_journal":
          return { path: (args as { request: { path: string } }).request.path, rows: 2 };
        default:
          return null;
      }
    },
    { shouldMockEvents: true },
  );
}

const journalCalls = () =>
  calls.filter(([cmd]) => cmd === "journal").map(([, args]) => (args as { request: JournalRequest }).request);
// Collapses the layout whitespace but keeps the non-breaking spaces of French typography.
const text = (el: Element | null | undefined) => el?.textContent?.replace(/[ \t\n\r]+/g, " ").trim() ?? "";

beforeEach(async () => {
  calls = [];
  exportPath = "/home/prof/journal-chariot.csv";
  page = () => ({
    entries: [
      entry(2),
      entry(1, {
        event: "requested",
        deviceId: null,
        deviceName: null,
        state: null,
        kind: "enable_lost_mode",
        detail: "30 devices",
      }),
    ],
    total: 2,
  });
  await setStatus({ connection: "online", language: "fr" });
});

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("journal", () => {
  it("shows the lines newest first with French labels and links", async () => {
    backEnd();
    const m = render(Journal);
    await vi.waitFor(() => expect(m.target.querySelectorAll('[data-testid="journal-row"]')).toHaveLength(2));
    expect(journalCalls()[0]).toEqual({ search: null, limit: 200, offset: 0 });
    const [first, second] = m.target.querySelectorAll('[data-testid="journal-row"]');
    expect(text(first)).toContain("Redémarrer");
    expect(text(first)).toContain("Résultat");
    expect(text(first)).toContain("Réussie");
    expect(text(first)).toContain("chariot-api");
    expect(first!.querySelector('a[href="#/device/42"]')?.textContent).toBe("0312345A-2024-DMPX0042");
    expect(first!.querySelector('a[href="#/job/7"]')).not.toBeNull();
    expect(text(second)).toContain("Activer le mode perdu");
    expect(text(second)).toContain("Demande");
    expect(text(second)).toContain("30 devices");
    expect(text(byTestId(m.target, "journal-count"))).toBe("2\u00a0lignes");
    expect(text(byTestId(m.target, "journal-immutable"))).toContain("ni modifié ni effacé");
    expect(m.target.querySelector('[data-testid="journal-more"]')).toBeNull();
  });

  it("lists the latest actions with their results, each opening its job", async () => {
    backEnd([job(8, { kind: "update_location", action: { kind: "updateLocation" }, createdAt: "2026-11-22T09:00:00Z", finished: false, total: 3, counts: { notSent: 0, waiting: 2, notNow: 0, done: 1, failed: 0, unknown: 0, refused: 0 } }), job(7)]);
    const m = render(Journal);
    await vi.waitFor(() => expect(m.target.querySelectorAll('[data-testid="journal-job"]')).toHaveLength(2));
    const [running, done] = m.target.querySelectorAll<HTMLAnchorElement>('[data-testid="journal-job"]');
    expect(running!.getAttribute("href")).toBe("#/job/8");
    expect(text(running)).toContain("Demander la position");
    expect(text(running)).toContain("2\u00a0en attente");
    expect(text(running)).toContain("En cours");
    expect(done!.getAttribute("href")).toBe("#/job/7");
    expect(text(done)).toContain("30\u00a0appareils");
    expect(text(done)).toContain("28\u00a0réussis");
    expect(text(done)).toContain("2\u00a0échecs");
    expect(text(done)).toContain("par chariot-api");
  });

  it("searches after a pause, with the text typed", async () => {
    backEnd();
    const m = render(Journal);
    await vi.waitFor(() => expect(journalCalls()).toHaveLength(1));
    page = (request) => ({ entries: request.search ? [entry(2)] : [], total: request.search ? 1 : 0 });
    type(byTestId(m.target, "journal-search"), "  DMPX0042 ");
    await vi.waitFor(() => expect(journalCalls()).toHaveLength(2));
    expect(journalCalls()[1]).toEqual({ search: "DMPX0042", limit: 200, offset: 0 });
    await vi.waitFor(() => expect(text(byTestId(m.target, "journal-count"))).toBe("1\u00a0ligne"));

    page = () => ({ entries: [], total: 0 });
    type(byTestId(m.target, "journal-search"), "personne");
    await vi.waitFor(() => expect(text(byTestId(m.target, "journal-empty"))).toContain("«\u00a0personne\u00a0»"));
  });

  it("pages with « Afficher plus »", async () => {
    page = (request) => ({
      entries: Array.from({ length: request.offset === 0 ? 200 : 50 }, (_, i) => entry(1000 - (request.offset ?? 0) - i)),
      total: 250,
    });
    backEnd();
    const m = render(Journal);
    await vi.waitFor(() => expect(m.target.querySelectorAll('[data-testid="journal-row"]')).toHaveLength(200));
    expect(text(byTestId(m.target, "journal-count"))).toBe("250\u00a0lignes · 200 affichées");
    byTestId(m.target, "journal-more").click();
    await vi.waitFor(() => expect(m.target.querySelectorAll('[data-testid="journal-row"]')).toHaveLength(250));
    expect(journalCalls()[1]).toEqual({ search: null, limit: 200, offset: 200 });
    expect(m.target.querySelector('[data-testid="journal-more"]')).toBeNull();
  });

  it("exports to the chosen file with the current search", async () => {
    backEnd();
    const m = render(Journal);
    await vi.waitFor(() => expect(journalCalls()).toHaveLength(1));
    type(byTestId(m.target, "journal-search"), "Chariot 2");
    byTestId(m.target, "journal-export").click();
    await vi.waitFor(() => expect(m.target.querySelector('[data-testid="journal-export-done"]')).not.toBeNull());
    expect(calls).toContainEqual(["choose_export_path", { request: { defaultName: "journal-chariot.csv" } }]);
    expect(calls).toContainEqual([
      "export_journal",
      { request: { search: "Chariot 2", path: "/home/prof/journal-chariot.csv" } },
    ]);
    expect(text(byTestId(m.target, "journal-export-done"))).toContain(
      "2\u00a0lignes exportées dans /home/prof/journal-chariot.csv",
    );
  });

  it("exports nothing when the save dialog is cancelled", async () => {
    exportPath = null;
    backEnd();
    const m = render(Journal);
    await vi.waitFor(() => expect(journalCalls()).toHaveLength(1));
    byTestId(m.target, "journal-export").click();
    await vi.waitFor(() => expect(calls.some(([cmd]) => cmd === "choose_export_path")).toBe(true));
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.some(([cmd]) => cmd === "export_journal")).toBe(false);
    expect(m.target.querySelector('[data-testid="journal-export-done"]')).toBeNull();
  });

  it("follows job events: the job list updates and the journal reloads", async () => {
    backEnd([job(7)]);
    const m = render(Journal);
    await vi.waitFor(() => expect(m.target.querySelectorAll('[data-testid="journal-job"]')).toHaveLength(1));
    await emit(EVENTS.jobChanged, job(9, { kind: "play_lost_mode_sound", action: { kind: "playLostModeSound" }, createdAt: "2026-11-22T10:00:00Z" }));
    await vi.waitFor(() => expect(m.target.querySelectorAll('[data-testid="journal-job"]')).toHaveLength(2));
    expect(text(m.target.querySelector('[data-testid="journal-job"]'))).toContain("Faire sonner");
    await vi.waitFor(() => expect(journalCalls().length).toBeGreaterThanOrEqual(2), { timeout: 3000 });
  });
});

describe("job list merging", () => {
  it("replaces a known job and orders by creation, newest first", () => {
    const list = [job(2, { createdAt: "2026-11-22T09:00:00Z" }), job(1, { createdAt: "2026-11-22T08:00:00.5Z" })];
    const updated = withJob(list, job(1, { createdAt: "2026-11-22T08:00:00.5Z", finished: false }));
    expect(updated.map((j) => j.id)).toEqual([2, 1]);
    expect(updated[1]!.finished).toBe(false);
    // Fractions of a second do not upset the order.
    expect(withJob(list, job(3, { createdAt: "2026-11-22T09:00:00.1Z" })).map((j) => j.id)).toEqual([3, 2, 1]);
  });

  it("keeps the jobs that events brought before the list arrived", () => {
    const fromEvent = job(3, { createdAt: "2026-11-22T10:00:00Z", finished: false });
    const merged = mergeJobs([fromEvent], [job(3, { createdAt: "2026-11-22T10:00:00Z" }), job(2, { createdAt: "2026-11-22T09:00:00Z" })]);
    expect(merged.map((j) => j.id)).toEqual([3, 2]);
    expect(merged[0]!.finished).toBe(false);
  });
});
