// The first launch routes to the welcome screen, except for Réglages.
import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { updateStatus } from "./lib/app.svelte";
import { api } from "./lib/api";
import { statusFixture } from "./lib/testing/fixtures";
import { cleanup, render, settle } from "./lib/testing/mount";
import App from "./App.svelte";

afterEach(() => {
  cleanup();
  clearMocks();
});

async function launch(status = statusFixture()) {
  mockIPC(() => status);
  await updateStatus(() => api.appStatus());
  const view = render(App);
  await settle(view);
  return view;
}

const screen = (root: HTMLElement) => root.querySelector("main")?.dataset.screen;

describe("app frame", () => {
  it("welcomes a first launch whatever the address, but lets Réglages open", async () => {
    window.location.hash = "#/inventory";
    const view = await launch();
    expect(screen(view.target)).toBe("welcome");
    expect(view.target.querySelector("[data-testid=welcome-demo]")).not.toBeNull();
    expect(view.target.querySelector("nav a[aria-current=page]")).toBeNull();

    window.location.hash = "#/settings";
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    await settle(view);
    expect(screen(view.target)).toBe("settings");
  });

  it("opens the screens once something was synced", async () => {
    window.location.hash = "#/settings";
    const view = await launch(
      statusFixture({ snapshot: { syncedAt: "2026-11-22T08:30:00Z", deviceCount: 38 } }),
    );
    expect(screen(view.target)).toBe("settings");
    expect(view.target.querySelector("[data-testid=offline-banner]")).toBeNull();
  });

  it("shows the offline banner above the screen when the server did not answer", async () => {
    window.location.hash = "#/settings";
    const view = await launch(
      statusFixture({
        connection: "offline",
        profile: { id: "p", label: "Collège", serverUrl: "https://x.jamfcloud.com", auth: "user", account: "a", demo: false },
        snapshot: { syncedAt: "2026-11-22T08:30:00Z", deviceCount: 38 },
      }),
    );
    const main = view.target.querySelector("main");
    expect(main?.firstElementChild?.getAttribute("data-testid")).toBe("offline-banner");
    expect(view.target.querySelector("[data-testid=profile-label]")?.textContent).toBe("Collège");
  });
});
