// The confirmation dialog against a mocked back end (Tauri's IPC mock: the real api layer runs):
// opened by requestAction() through the ActionHost, as the screens do.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { ActionPlan, ActionRequest, AppError } from "../../bindings";
import { jobFixture } from "../../testing/fixtures";
import { closeAction, launcher, requestAction } from "../../actions/launcher.svelte";
import { type } from "../../testing/dom";
import { cleanup, render, settle, type Mounted } from "../../testing/mount";
import { setHash, setStatus } from "../../../screens/inventory/testHelpers";
import ActionHost from "./ActionHost.svelte";

function planFixture(overrides: Partial<ActionPlan> = {}): ActionPlan {
  return {
    kind: "restart",
    total: 15,
    toSend: 15,
    refused: [],
    stale: [],
    unavailable: null,
    typedConfirmation: null,
    singleDevice: null,
    ...overrides,
  };
}

let plans: ActionRequest[] = [];
let starts: ActionRequest[] = [];
/** How many times the dialog asked for the iOS versions the server offers. */
let osUpdateReads = 0;

function backEnd(
  opts: {
    plan?: (r: ActionRequest) => ActionPlan;
    planError?: AppError;
    startError?: AppError;
    /** available_os_updates' answer, or its error. */
    osUpdates?: string[] | AppError;
  } = {},
) {
  mockIPC((cmd, args) => {
    const request = (args as { request: ActionRequest }).request;
    switch (cmd) {
      case "available_os_updates":
        osUpdateReads++;
        if (opts.osUpdates && !Array.isArray(opts.osUpdates)) throw opts.osUpdates;
        return opts.osUpdates ?? [];
      case "plan_action":
        plans.push(request);
        if (opts.planError) throw opts.planError;
        return (opts.plan ?? (() => planFixture()))(request);
      case "start_job":
        starts.push(request);
        if (opts.startError) throw opts.startError;
        return jobFixture(42);
      default:
        return null;
    }
  });
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
const $ = <T extends Element = HTMLElement>(testid: string) =>
  document.querySelector<T>(`[data-testid="${testid}"]`);
const confirmButton = () => $<HTMLButtonElement>("action-confirm")!;

async function open(launch: Parameters<typeof requestAction>[0]): Promise<Mounted> {
  const view = render(ActionHost);
  requestAction(launch);
  await settle(view);
  await vi.waitFor(() => expect($("plan")).not.toBeNull());
  view.flush();
  return view;
}

beforeEach(async () => {
  plans = [];
  starts = [];
  osUpdateReads = 0;
  setHash("#/inventory");
  await setStatus({ connection: "online" });
});

afterEach(() => {
  closeAction();
  cleanup();
  clearMocks();
});

describe("action dialog", () => {
  it("shows the count, the refused devices by reason and the stale inventories", async () => {
    const refused = ids(7).map((id) => ({ id: `r${id}`, name: `REFUSE-${id}`, reason: "no_management_id" as const }));
    backEnd({
      plan: () =>
        planFixture({
          total: 22,
          toSend: 15,
          refused,
          stale: [
            { id: "s1", name: "0312345A-2024-DMPX0001", lastInventory: null },
            { id: "s2", name: "0312345A-2024-DMPX0002", lastInventory: "2026-11-02T12:00:00Z" },
          ],
        }),
    });
    await open({ kind: "restart", deviceIds: ids(22) });

    expect(plans[0]).toEqual({ action: { kind: "restart" }, deviceIds: ids(22), confirmation: null });
    const dialog = $("action-dialog")!;
    expect(dialog.getAttribute("role")).toBe("dialog");
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    expect($("action-title")?.textContent).toBe("Redémarrer 22\u00a0appareils");
    expect($("plan-count")?.textContent?.trim()).toBe("15\u00a0appareils sur 22 recevront la commande.");

    const refusedBox = $("plan-refused")!;
    expect(refusedBox.textContent).toContain("7\u00a0appareils ne recevront pas la commande");
    expect(refusedBox.textContent).toContain("Identifiant de gestion absent de l'instantané local");
    expect(refusedBox.textContent).toContain("REFUSE-1, REFUSE-2, REFUSE-3, REFUSE-4, REFUSE-5 et 2\u00a0autres");
    expect(refusedBox.textContent).not.toContain("REFUSE-6");

    const stale = $("plan-stale")!;
    expect(stale.textContent).toContain("2\u00a0appareils n'ont pas mis à jour leur inventaire depuis plus de 7\u00a0jours");
    expect(stale.textContent).toContain("inventaire jamais reçu");
    expect(stale.textContent).toMatch(/0312345A-2024-DMPX0002\s+02\/11\/2026 \(il y a \d+ j\)/);

    expect(confirmButton().textContent).toBe("Envoyer à 15\u00a0appareils");
    expect(confirmButton().disabled).toBe(false);
    expect(confirmButton().classList.contains("destructive")).toBe(false);
    // Only the iOS update asks the server for its versions.
    expect(osUpdateReads).toBe(0);
  });

  it("cannot erase until the count is typed, then starts the job and opens it", async () => {
    backEnd({ plan: () => planFixture({ kind: "erase", typedConfirmation: "15" }) });
    const view = await open({ kind: "erase", deviceIds: ids(15) });

    expect($("action-title")?.textContent).toBe("Effacer 15\u00a0appareils");
    expect($("erase-warning")?.textContent).toContain("L'effacement est définitif");
    expect($("erase-warning")?.textContent).toContain("Tapez «\u00a015\u00a0» pour confirmer");
    expect(confirmButton().classList.contains("destructive")).toBe(true);
    expect(confirmButton().disabled).toBe(true);
    expect(confirmButton().title).toBe("Tapez «\u00a015\u00a0» pour confirmer l'effacement.");
    expect(confirmButton().textContent).toBe("Effacer 15\u00a0appareils");

    type($("erase-confirm"), "14");
    view.flush();
    expect(confirmButton().disabled).toBe(true);
    type($("erase-confirm"), " 15 ");
    view.flush();
    expect(confirmButton().disabled).toBe(false);

    confirmButton().click();
    await vi.waitFor(() => expect(starts).toHaveLength(1));
    expect(starts[0]).toEqual({
      action: { kind: "erase", preserveDataPlan: true, disallowProximitySetup: false },
      deviceIds: ids(15),
      confirmation: "15",
    });
    await vi.waitFor(() => expect(window.location.hash).toBe("#/job/42"));
    expect(launcher.pending).toBeNull();
    expect($("action-dialog")).toBeNull();
  });

  it("builds the lost-mode action from its fields, re-planning as they change", async () => {
    backEnd({ plan: () => planFixture({ kind: "enable_lost_mode", total: 1, toSend: 1, singleDevice: "iPad-CDI-01" }) });
    await open({ kind: "enable_lost_mode", deviceIds: ["7"] });

    expect($("action-title")?.textContent).toBe("Activer le mode perdu sur iPad-CDI-01");
    // The first field has the focus.
    expect(document.activeElement).toBe($("field-message"));
    // Planned at once with a stand-in text; not sendable before a message or a phone.
    expect(plans).toHaveLength(1);
    expect(confirmButton().disabled).toBe(true);
    expect($("action-blocker")?.textContent).toContain("Saisissez un message ou un numéro de téléphone");
    expect(confirmButton().classList.contains("destructive")).toBe(true);

    const message = $<HTMLTextAreaElement>("field-message")!;
    message.value = "iPad du collège, merci de le rapporter";
    message.dispatchEvent(new Event("input", { bubbles: true }));
    type($("field-phone"), " 05 61 00 00 00 ");
    $<HTMLInputElement>("field-always-enforce")!.click();
    // Planned again once the typing paused, with what was typed.
    await vi.waitFor(() => expect(plans.length).toBeGreaterThanOrEqual(2));
    await vi.waitFor(() => expect(confirmButton().disabled).toBe(false));
    expect(plans.length).toBeLessThanOrEqual(3);
    expect(confirmButton().textContent).toBe("Envoyer à 1\u00a0appareil");

    confirmButton().click();
    await vi.waitFor(() => expect(starts).toHaveLength(1));
    expect(starts[0]).toEqual({
      action: {
        kind: "enableLostMode",
        message: "iPad du collège, merci de le rapporter",
        phone: "05 61 00 00 00",
        footnote: "",
        alwaysEnforce: false,
      },
      deviceIds: ["7"],
      confirmation: null,
    });
  });

  it("offers the Shared iPad's accounts for delete user", async () => {
    backEnd({ plan: () => planFixture({ kind: "delete_user", total: 1, toSend: 1, singleDevice: "iPad-CDI-01" }) });
    await open({ kind: "delete_user", deviceIds: ["7"], users: ["eleve1@college.fr", "eleve2@college.fr"] });
    const select = $<HTMLSelectElement>("field-user")!;
    expect([...select.options].map((o) => o.value)).toEqual(["", "eleve1@college.fr", "eleve2@college.fr"]);
    expect(confirmButton().disabled).toBe(true);
    type(select, "eleve2@college.fr");
    $<HTMLInputElement>("field-force")!.click();
    await vi.waitFor(() => expect(plans.at(-1)?.action).toEqual({ kind: "deleteUser", userName: "eleve2@college.fr", force: true }));
    await vi.waitFor(() => expect(confirmButton().disabled).toBe(false));
  });

  it("updates iOS to a version the server offers, chosen in its list", async () => {
    backEnd({
      plan: () =>
        planFixture({
          kind: "update_os",
          total: 3,
          toSend: 2,
          refused: [{ id: "3", name: "iPad-NON-SUPERVISE", reason: "not_supervised" }],
        }),
      osUpdates: ["17.7.10", "18.6.2", "18.6"],
    });
    const view = await open({ kind: "update_os", deviceIds: ids(3) });

    expect($("action-title")?.textContent).toBe("Mettre à jour iOS sur 3\u00a0appareils");
    expect($("action-dialog")?.textContent).toContain("Crée un plan de mise à jour dans Jamf Pro pour chaque iPad supervisé");
    expect(confirmButton().classList.contains("destructive")).toBe(false);
    // Jamf Pro's defaults: the installed version's latest update, installed and restarted.
    expect($<HTMLInputElement>("field-os-install-download_install_restart")!.checked).toBe(true);
    expect($<HTMLInputElement>("field-os-install-download_only")!.checked).toBe(false);
    expect($<HTMLInputElement>("field-os-version-latest_minor")!.checked).toBe(true);
    expect($("field-os-specific")).toBeNull();
    expect($("field-os-restart-warning")?.textContent).toContain("les élèves perdent leur travail non enregistré");
    expect(plans[0]?.action).toEqual({
      kind: "updateOs",
      install: "download_install_restart",
      version: "latest_minor",
      specificVersion: "",
    });
    // The unsupervised iPad is left out, saying why.
    expect($("plan-refused")?.textContent).toContain("la mise à jour d'iOS exigent un iPad supervisé");
    expect($("plan-refused")?.textContent).toContain("iPad-NON-SUPERVISE");
    expect(confirmButton().disabled).toBe(false);

    // A specific version: picked in the server's list (newest first), required before sending.
    $<HTMLInputElement>("field-os-version-specific")!.click();
    view.flush();
    await vi.waitFor(() => expect($<HTMLSelectElement>("field-os-specific")?.disabled).toBe(false));
    const select = $<HTMLSelectElement>("field-os-specific")!;
    expect(select.tagName).toBe("SELECT");
    expect([...select.options].map((o) => o.value)).toEqual(["", "18.6.2", "18.6", "17.7.10"]);
    expect(confirmButton().disabled).toBe(true);
    expect($("action-blocker")?.textContent).toBe("Choisissez la version d'iOS à installer (par exemple 18.6.2).");

    $<HTMLInputElement>("field-os-install-download_only")!.click();
    type(select, "18.6.2");
    view.flush();
    expect($("field-os-restart-warning")).toBeNull();
    await vi.waitFor(() => expect(confirmButton().disabled).toBe(false));
    expect(confirmButton().textContent).toBe("Envoyer à 2\u00a0appareils");

    confirmButton().click();
    await vi.waitFor(() => expect(starts).toHaveLength(1));
    expect(starts[0]).toEqual({
      action: { kind: "updateOs", install: "download_only", version: "specific", specificVersion: "18.6.2" },
      deviceIds: ids(3),
      confirmation: null,
    });
    // Asked once, when the dialog opened, however many times the plan was made.
    expect(osUpdateReads).toBe(1);
  });

  it("lets the iOS version be typed when the server cannot list the versions", async () => {
    backEnd({
      plan: () => planFixture({ kind: "update_os", total: 1, toSend: 1, singleDevice: "iPad-CDI-01" }),
      osUpdates: { code: "network", detail: null, message: "connection refused", hint: null, retryable: true },
    });
    const view = await open({ kind: "update_os", deviceIds: ["7"] });
    expect($("action-title")?.textContent).toBe("Mettre à jour iOS sur iPad-CDI-01");
    $<HTMLInputElement>("field-os-version-specific")!.click();
    view.flush();

    await vi.waitFor(() => expect($("field-os-specific")?.tagName).toBe("INPUT"));
    const field = $<HTMLInputElement>("field-os-specific")!;
    expect($("field-os-specific-note")?.textContent).toContain("La liste des versions n'a pas pu être lue sur le serveur");
    expect(confirmButton().disabled).toBe(true);

    type(field, "18.6.x");
    view.flush();
    expect(confirmButton().disabled).toBe(true);
    expect($("action-blocker")?.textContent).toContain("Choisissez la version d'iOS à installer");

    type(field, " 18.6.2 ");
    view.flush();
    await vi.waitFor(() => expect(confirmButton().disabled).toBe(false));
    confirmButton().click();
    await vi.waitFor(() => expect(starts).toHaveLength(1));
    expect(starts[0]?.action).toEqual({
      kind: "updateOs",
      install: "download_install_restart",
      version: "specific",
      specificVersion: "18.6.2",
    });
  });

  it("lets the iOS version be typed when the server offers none", async () => {
    backEnd({ plan: () => planFixture({ kind: "update_os" }), osUpdates: [] });
    const view = await open({ kind: "update_os", deviceIds: ids(15) });
    $<HTMLInputElement>("field-os-version-specific")!.click();
    view.flush();
    await vi.waitFor(() => expect($("field-os-specific")?.tagName).toBe("INPUT"));
    expect($("field-os-specific-note")?.textContent).toContain("Le serveur ne propose aucune version");
  });

  it("shows the back end's errors, and cannot send while offline", async () => {
    backEnd({
      plan: () => planFixture(),
      startError: { code: "network", detail: null, message: "connection refused", hint: null, retryable: true },
    });
    await open({ kind: "restart", deviceIds: ids(15) });
    confirmButton().click();
    await vi.waitFor(() => expect($("start-error")).not.toBeNull());
    expect($("start-error")?.textContent).toContain("L'action n'a pas été envoyée");
    expect($("start-error")?.textContent).toContain("Le serveur ne répond pas");
    expect($("action-dialog")).not.toBeNull();

    await setStatus({ connection: "offline" });
    await vi.waitFor(() => expect(confirmButton().disabled).toBe(true));
    expect(confirmButton().title).toContain("Serveur injoignable");
    expect($("action-blocker")?.textContent).toContain("Serveur injoignable");
  });

  it("says when the plan cannot be made or the server cannot do the action", async () => {
    backEnd({ planError: { code: "database", detail: null, message: "database is locked", hint: null, retryable: true } });
    const view = render(ActionHost);
    requestAction({ kind: "restart", deviceIds: ids(3) });
    await vi.waitFor(() => expect($("plan-error")).not.toBeNull());
    expect($("plan-error")?.textContent).toContain("Impossible de vérifier les appareils");
    expect(confirmButton().disabled).toBe(true);
    view.unmount();
    closeAction();

    backEnd({ plan: () => planFixture({ unavailable: { version: "10.48.0", needed: "11.0" } }) });
    await open({ kind: "restart", deviceIds: ids(15) });
    expect($("plan-unavailable")?.textContent).toContain("Ce serveur Jamf Pro ne permet pas cette action");
    expect($("plan-unavailable-versions")?.textContent).toContain(
      "Version du serveur : 10.48.0 ; cette action demande Jamf Pro 11.0 ou plus récent.",
    );
    expect(confirmButton().disabled).toBe(true);
  });

  it("closes on Esc without sending", async () => {
    backEnd();
    await open({ kind: "restart", deviceIds: ids(2) });
    const esc = new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true });
    $("action-dialog")!.dispatchEvent(esc);
    expect(esc.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect($("action-dialog")).toBeNull());
    expect(launcher.pending).toBeNull();
    expect(starts).toHaveLength(0);
    expect(window.location.hash).toBe("#/inventory");
  });
});
