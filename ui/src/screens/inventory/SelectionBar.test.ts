// The selection bar's "Actions…" menu: every group action for the selected devices, erase last
// and red, nothing while the server cannot be reached.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { ActionKind } from "../../lib/bindings";
import { actionLabel } from "../../lib/actions/labels";
import { closeAction, launcher } from "../../lib/actions/launcher.svelte";
import { fr } from "../../lib/i18n/fr";
import { byTestId } from "../../lib/testing/dom";
import { cleanup, render } from "../../lib/testing/mount";
import SelectionBar from "./SelectionBar.svelte";
import { setStatus } from "./testHelpers";

beforeEach(async () => {
  mockIPC(() => null);
  await setStatus({ connection: "online" });
});

afterEach(() => {
  closeAction();
  cleanup();
  clearMocks();
});

describe("selection bar", () => {
  it("lists the group actions and asks for one on the selected devices", () => {
    const onclear = vi.fn();
    const view = render(SelectionBar, { count: 2, ids: ["7", "3"], onclear });
    expect(byTestId(view.target, "selection-count").textContent).toBe("2 appareils sélectionnés");
    byTestId(view.target, "selection-actions").click();
    view.flush();
    const items = [...byTestId(view.target, "selection-menu").querySelectorAll<HTMLButtonElement>("button")];
    expect(items.map((b) => b.dataset.action)).toEqual([
      "update_inventory",
      "update_os",
      "restart",
      "shut_down",
      "enable_lost_mode",
      "disable_lost_mode",
      "play_lost_mode_sound",
      "update_location",
      "log_out_user",
      "refresh_cellular_plans",
      "erase",
    ]);
    // Each with the action's shared name.
    expect(items.map((b) => b.textContent)).toEqual(items.map((b) => fr[actionLabel(b.dataset.action as ActionKind)]));
    // The guide's "Mise à jour de l'inventaire ou de l'iOS": the two updates side by side.
    expect(items[1]?.textContent).toBe("Mettre à jour iOS");
    expect(items[2]?.textContent).toBe("Redémarrer");
    const erase = items[items.length - 1]!;
    expect(erase.dataset.action).toBe("erase");
    expect(erase.classList.contains("destructive")).toBe(true);

    items.find((b) => b.dataset.action === "enable_lost_mode")!.click();
    view.flush();
    expect(launcher.pending).toEqual({ kind: "enable_lost_mode", deviceIds: ["7", "3"] });
    // The menu closed behind the dialog.
    expect(view.target.querySelector('[data-testid="selection-menu"]')).toBeNull();
    expect(onclear).not.toHaveBeenCalled();
  });

  it("is disabled, saying why, when the server cannot be reached", async () => {
    await setStatus({ connection: "offline" });
    const view = render(SelectionBar, { count: 1, ids: ["7"], onclear: () => {} });
    const button = byTestId(view.target, "selection-actions") as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.title).toContain("Serveur injoignable");
    button.click();
    view.flush();
    expect(view.target.querySelector('[data-testid="selection-menu"]')).toBeNull();
    expect(launcher.pending).toBeNull();
  });
});
