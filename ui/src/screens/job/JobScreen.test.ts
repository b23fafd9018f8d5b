// The job screen (#/job/<id>) against a mocked back end, with its "job-changed" events.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import type { AppError, JobSummary, JobTarget, JobView } from "../../lib/bindings";
import { jobFixture } from "../../lib/testing/fixtures";
import { EVENTS } from "../../lib/bindings";
import { type } from "../../lib/testing/dom";
import { cleanup, render, settle, type Mounted } from "../../lib/testing/mount";
import { setHash, setStatus } from "../inventory/testHelpers";
import JobScreen from "./JobScreen.svelte";

function target(n: number, state: JobTarget["state"], error: string | null = null): JobTarget {
  return {
    deviceId: String(n),
    deviceName: `0312345A-2024-DMPX${String(n).padStart(4, "0")}`,
    state,
    error,
    updatedAt: "2026-11-22T09:05:00Z",
  };
}

function viewFixture(overrides: Partial<JobSummary> = {}): JobView {
  const targets = [
    target(1, "done"),
    target(2, "failed", "The device is not supervised"),
    target(3, "unknown", "no answer from the server within 30 s"),
    target(4, "pending"),
    target(5, "refused", "not in lost mode: enable lost mode first"),
  ];
  return {
    summary: jobFixture(42, {
      account: "dupont.admin",
      counts: { notSent: 0, waiting: 1, notNow: 0, done: 1, failed: 1, unknown: 1, refused: 1 },
      total: 5,
      ...overrides,
    }),
    targets,
  };
}

let calls: [string, unknown][] = [];
let current: JobView = viewFixture();

function backEnd(opts: { job?: () => JobView } = {}) {
  mockIPC(
    (cmd, args) => {
      calls.push([cmd, args]);
      switch (cmd) {
        case "job":
          return (opts.job ?? (() => current))();
        case "retry_job":
          return current.summary;
        case "choose_export_path":
          return "/home/cdi/action-42.csv";
        case "export_job":
          return { path: "/home/cdi/action-42.csv", rows: 5 };
        default:
          return null;
      }
    },
    { shouldMockEvents: true },
  );
}

const $ = <T extends Element = HTMLElement>(testid: string) =>
  document.querySelector<T>(`[data-testid="${testid}"]`);
const jobReads = () => calls.filter(([cmd]) => cmd === "job").length;
const rowStates = () =>
  [...document.querySelectorAll<HTMLElement>('[data-testid="job-target"]')].map((r) => r.dataset.state);

async function openJob(): Promise<Mounted> {
  const view = render(JobScreen);
  await vi.waitFor(() => expect($("job-title")).not.toBeNull());
  await settle(view);
  return view;
}

beforeEach(async () => {
  calls = [];
  current = viewFixture();
  setHash("#/job/42");
  await setStatus({ connection: "online" });
});

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("job screen", () => {
  it("shows who sent what, the counts and each device's state", async () => {
    backEnd();
    await openJob();
    expect(calls[0]).toEqual(["job", { request: { id: 42 } }]);
    expect($("job-title")?.textContent).toBe("Redémarrer");
    expect($("job-sent-by")?.textContent).toMatch(/^Envoyée par dupont\.admin le 22\/11\/2026 \d\d:\d\d \(il y a/);
    expect($("job-status")?.textContent).toContain("En cours");
    expect($("count-done")?.textContent).toBe("1");
    expect($("count-failed")?.textContent).toBe("1");
    expect($("count-unknown")?.textContent).toBe("1");
    expect($("count-notSent")?.textContent).toBe("0");
    // Each state is explained in plain words.
    expect($("legend-unknown")?.title).toBe(
      "La demande n'a pas eu de réponse à temps\u00a0: le serveur a peut-être agi. Chariot ne renvoie jamais sans vous.",
    );
    expect($("help-unknown")?.textContent).toContain("Chariot ne renvoie jamais sans vous");

    expect(rowStates()).toEqual(["done", "failed", "unknown", "pending", "refused"]);
    const failed = document.querySelector<HTMLElement>('[data-testid="job-target"][data-state="failed"]')!;
    expect(failed.querySelector("a")?.getAttribute("href")).toBe("#/device/2");
    expect(failed.textContent).toContain("Échouée");
    expect(failed.textContent).toContain("The device is not supervised");
    // The server's English words are folded under a French summary.
    expect(failed.querySelector(".detail summary")?.textContent).toBe("Réponse du serveur (en anglais)");
    expect(failed.querySelector(".detail details")?.hasAttribute("open")).toBe(false);
    const pending = document.querySelector<HTMLElement>('[data-testid="job-target"][data-state="pending"]')!;
    expect(pending.querySelector(".badge")?.getAttribute("title")).toContain("allumé et connecté au Wi-Fi");
  });

  it("says in words which iOS version an update installs, and how", async () => {
    current = viewFixture({
      action: { kind: "updateOs", install: "download_only", version: "latest_any", specificVersion: "" },
      kind: "update_os",
    });
    backEnd();
    await openJob();
    expect($("job-title")?.textContent).toBe("Mettre à jour iOS");
    const params = $("job-params")!;
    expect([...params.querySelectorAll("dt")].map((e) => e.textContent)).toEqual(["Version", "Installation"]);
    expect([...params.querySelectorAll("dd")].map((e) => e.textContent)).toEqual([
      "Dernière version possible",
      "Téléchargement seul (l'utilisateur installe)",
    ]);
  });

  it("filters the devices by state, from the select or the legend", async () => {
    backEnd();
    const view = await openJob();
    type($("job-filter"), "failed");
    view.flush();
    expect(rowStates()).toEqual(["failed"]);
    $("legend-waiting")!.click();
    view.flush();
    expect(rowStates()).toEqual(["pending"]);
    expect($("legend-waiting")?.getAttribute("aria-pressed")).toBe("true");
    $("legend-waiting")!.click();
    view.flush();
    expect(rowStates()).toHaveLength(5);
  });

  it("sends again to the failed devices, and to the unknown ones only after a warning", async () => {
    backEnd();
    const view = await openJob();
    $<HTMLButtonElement>("retry-failed")!.click();
    await vi.waitFor(() => expect(calls).toContainEqual(["retry_job", { request: { id: 42, states: ["failed"] } }]));
    await settle(view);
    expect($("job-retried")?.textContent).toBe("Renvoyée à 1\u00a0appareil.");

    $<HTMLButtonElement>("retry-unknown")!.click();
    view.flush();
    expect($("retry-unknown-confirm")?.textContent).toContain("le serveur a peut-être déjà transmis la commande");
    expect(calls.filter(([cmd]) => cmd === "retry_job")).toHaveLength(1);
    $<HTMLButtonElement>("retry-unknown-confirm-button")!.click();
    await vi.waitFor(() => expect(calls).toContainEqual(["retry_job", { request: { id: 42, states: ["unknown"] } }]));
    await settle(view);
    expect($("retry-unknown-confirm")).toBeNull();
  });

  it("cannot send again when offline or when no device is in that state", async () => {
    current = viewFixture({ counts: { notSent: 0, waiting: 0, notNow: 0, done: 4, failed: 1, unknown: 0, refused: 0 } });
    backEnd();
    const view = await openJob();
    expect($<HTMLButtonElement>("retry-unknown")!.disabled).toBe(true);
    expect($<HTMLButtonElement>("retry-unknown")!.title).toBe("Aucun appareil à l'état inconnu.");
    expect($<HTMLButtonElement>("retry-failed")!.disabled).toBe(false);
    await setStatus({ connection: "offline" });
    view.flush();
    expect($<HTMLButtonElement>("retry-failed")!.disabled).toBe(true);
    expect($<HTMLButtonElement>("retry-failed")!.title).toContain("Serveur injoignable");
  });

  it("reads the job again on its events, at most twice a second", async () => {
    backEnd();
    const view = await openJob();
    const before = jobReads();
    // Another job's event is not this screen's business.
    await emit(EVENTS.jobChanged, { ...current.summary, id: 43 });
    await settle(view);
    expect(jobReads()).toBe(before);

    const done = viewFixture({
      counts: { notSent: 0, waiting: 0, notNow: 0, done: 2, failed: 1, unknown: 1, refused: 1 },
      finished: true,
    });
    done.targets = done.targets.map((t) => (t.state === "pending" ? { ...t, state: "done" } : t));
    current = done;
    for (let i = 0; i < 6; i++) await emit(EVENTS.jobChanged, done.summary);
    await settle(view);
    // The counts come with the event at once.
    expect($("count-done")?.textContent).toBe("2");
    expect($("job-status")?.textContent).toContain("Terminée");
    await vi.waitFor(() => expect(rowStates()).toEqual(["done", "failed", "unknown", "done", "refused"]));
    await new Promise((r) => setTimeout(r, 600));
    // One read at once, one at the end of the interval for the rest of the burst.
    expect(jobReads() - before).toBeLessThanOrEqual(2);
  });

  it("exports the devices' states as CSV", async () => {
    backEnd();
    const view = await openJob();
    $<HTMLButtonElement>("job-export")!.click();
    await vi.waitFor(() => expect($("job-exported")).not.toBeNull());
    await settle(view);
    const chosen = calls.find(([cmd]) => cmd === "choose_export_path")?.[1] as { request: { defaultName: string } };
    expect(chosen.request.defaultName).toMatch(/^action-42-\d{4}-\d\d-\d\d\.csv$/);
    expect(calls).toContainEqual(["export_job", { request: { id: 42, path: "/home/cdi/action-42.csv" } }]);
    expect($("job-exported")?.textContent).toContain("5\u00a0lignes exportées dans /home/cdi/action-42.csv");
  });

  it("says when the job does not exist", async () => {
    const missing: AppError = { code: "not_found", detail: { kind: "job_not_found", job: 42 }, message: "no job 42", hint: null, retryable: false };
    backEnd({
      job: () => {
        throw missing;
      },
    });
    render(JobScreen);
    await vi.waitFor(() => expect($("job-not-found")?.textContent).toContain("Action introuvable"));
    setHash("#/job/abc");
    await vi.waitFor(() => expect($("job-not-found")).not.toBeNull());
  });
});
