// What every end-to-end file shares: the binaries and folders `cargo xtask e2e` names, the
// French system the app starts on, the app launched on a private home, and the cleanup.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { startDriver } from "./webdriver.mjs";

export const APP = process.env.CHARIOT_E2E_APP;
export const DRIVER = process.env.CHARIOT_E2E_DRIVER ?? "tauri-driver";
export const SHOTS = process.env.CHARIOT_E2E_SHOTS ?? "target/e2e-screenshots";
assert.ok(APP, "CHARIOT_E2E_APP must name the app binary (cargo xtask e2e sets it)");

/** A French system: LANG says French and nothing overrides it. */
export const FRENCH = { LANG: "fr_FR.UTF-8", LC_ALL: "", LANGUAGE: "" };

/** Starts tauri-driver with `env` (beside a French system) and opens the app once its status
 * bar is there. */
export async function launch(env) {
  const driver = await startDriver({ driverPath: DRIVER, env: { ...env, ...FRENCH } });
  const s = await driver.newSession(APP);
  await s.waitFor("return !!document.querySelector('[data-testid=connection]')", "the status bar", 20_000);
  return { driver, s };
}

/** Closes the session, stops the driver and removes the folders. */
export async function shutdown({ driver, s }, ...folders) {
  await s?.close().catch(() => {});
  await driver?.stop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}

/** Waits (15 s at most) until the main element shows screen `id`. */
export const waitScreen = (s, id) =>
  s.waitFor("return document.querySelector('main')?.dataset.screen === arguments[0]", `screen ${id}`, 15_000, id);
