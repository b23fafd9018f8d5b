// The morning of a school IT manager, in the real window and in demo mode: welcome → demo →
// dashboard → the stale count → the filtered inventory → export → search a serial → the device
// and its three tabs → a network cut and the offline banner. Screenshots in French and English.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { SHOTS, launch, shutdown, waitScreen as waitForScreen } from "./app.mjs";


const home = mkdtempSync(join(tmpdir(), "chariot-e2e-daily-"));
const exports = mkdtempSync(join(tmpdir(), "chariot-e2e-exports-"));
let driver;
let s;

before(async () => {
  // CHARIOT_EXPORT_DIR answers the save dialog (a native dialog WebDriver cannot drive).
  ({ driver, s } = await launch({ CHARIOT_HOME: home, CHARIOT_EXPORT_DIR: exports }));
});

after(() => shutdown({ driver, s }, home, exports));

const screen = () => s.exec("return document.querySelector('main')?.dataset.screen");
const waitScreen = (id) => waitForScreen(s, id);
async function csvWritten() {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const found = readdirSync(exports).find((f) => f.endsWith(".csv"));
    if (found) return join(exports, found);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("no CSV was written");
}

const number = (text) => Number(String(text).replace(/[^\d]/g, ""));

test("the demo school opens on the dashboard once synced", async () => {
  assert.equal(await screen(), "welcome");
  await s.click("[data-testid=welcome-demo]");
  await waitScreen("dashboard");
  await s.waitFor(
    "const t = document.querySelector('[data-testid=dash-total]')?.textContent; return t && /\\d/.test(t) && !document.querySelector('[data-testid=sync-progress]')",
    "the dashboard counts after the first sync",
    30_000,
  );
  assert.ok(number(await s.textOf("[data-testid=dash-total]")) >= 38);
  assert.equal(await s.textOf("[data-testid=connection]"), "Démonstration");
  await s.screenshot(join(SHOTS, "fr-dashboard-demo.png"));
});

test("the stale count opens the inventory filtered on it", async () => {
  const stale = number(await s.textOf("[data-testid=dash-stale]"));
  assert.ok(stale > 0, "the demo school has devices that stopped reporting");
  await s.click("[data-testid=dash-stale]");
  await waitScreen("inventory");
  await s.waitFor(
    "return document.querySelector('[data-testid=inventory-total]')?.textContent.replace(/[^\\d]/g, '') === arguments[0]",
    `the filtered total ${stale}`,
    10_000,
    String(stale),
  );
  assert.ok(await s.find("[data-testid=filter-chip]"), "the active filter is shown");
  await s.screenshot(join(SHOTS, "fr-inventory-stale.png"));
});

let serial;
let total;

test("the inventory exports exactly what it shows to CSV", async () => {
  await s.click('nav a[data-route="inventory"]');
  await s.waitFor(
    "return !document.querySelector('[data-testid=filter-chip]') && document.querySelectorAll('[data-testid=inventory-row]').length > 10",
    "the whole inventory",
  );
  total = number(await s.textOf("[data-testid=inventory-total]"));
  await s.click("[data-testid=export-button]");
  await s.click("[data-testid=export-csv]");
  const file = await csvWritten();
  const lines = readFileSync(file, "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  assert.equal(lines.length, total + 1, "a header and one line per device");
  assert.match(lines[0], /Nom/);
  const header = lines[0].split(/[;,]/);
  const col = header.findIndex((h) => /série/i.test(h));
  assert.ok(col >= 0, `a serial column in ${lines[0]}`);
  serial = lines[5].split(/[;,]/)[col].replace(/"/g, "");
  assert.match(serial, /^[A-Z0-9]{8,}$/);
});

test("searching a serial finds the device, which opens with its three tabs", async () => {
  await s.type("[data-testid=inventory-search]", serial);
  await s.waitFor(
    "return document.querySelectorAll('[data-testid=inventory-row]').length === 1",
    "one row for the serial",
  );
  await s.click("[data-testid=inventory-row]");
  await waitScreen("device");
  await s.waitFor("return document.querySelector('main')?.textContent.includes(arguments[0])", "the serial on the device screen", 10_000, serial);
  await s.screenshot(join(SHOTS, "fr-device-inventory.png"));
  await s.click("[data-testid=tab-management]");
  await s.screenshot(join(SHOTS, "fr-device-management.png"));
  await s.click("[data-testid=tab-history]");
  await s.click("[data-testid=history-refresh]");
  await s.waitFor(
    "return /UpdateInventory|InstallProfile/.test(document.querySelector('main')?.textContent ?? '')",
    "the history read from the server",
  );
  await s.screenshot(join(SHOTS, "fr-device-history.png"));
  // Esc goes back to the inventory.
  await s.exec("document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))");
  await waitScreen("inventory");
});

test("a network cut leaves the snapshot browsable under an offline banner", async () => {
  await s.click('nav a[data-route="settings"]');
  await waitScreen("settings");
  await s.click("[data-testid=demo-network]");
  await s.waitFor("return !!document.querySelector('[data-testid=offline-banner]')", "the offline banner", 30_000);
  assert.match(await s.textOf("[data-testid=offline-banner]"), /Hors ligne/);
  assert.equal(await s.textOf("[data-testid=connection]"), "Hors ligne");
  await s.click('nav a[data-route="inventory"]');
  await s.waitFor(
    "return document.querySelector('[data-testid=inventory-total]')?.textContent.replace(/[^\\d]/g, '') === arguments[0]",
    "the same inventory, offline",
    10_000,
    String(total),
  );
  await s.screenshot(join(SHOTS, "fr-inventory-offline.png"));
  await s.click('nav a[data-route="settings"]');
  await s.click("[data-testid=demo-network]");
  await s.waitFor("return !document.querySelector('[data-testid=offline-banner]')", "back online", 30_000);
});

test("the daily screens in English", async () => {
  await s.click('nav a[data-route="settings"]');
  await s.click("[data-testid=language-en]");
  await s.waitFor("return document.documentElement.lang === 'en'", "English");
  for (const id of ["dashboard", "inventory"]) {
    await s.click(`nav a[data-route="${id}"]`);
    await waitScreen(id);
    await s.screenshot(join(SHOTS, `en-${id}-demo.png`));
  }
  await s.click("[data-testid=inventory-row]");
  await waitScreen("device");
  await s.screenshot(join(SHOTS, "en-device-inventory.png"));
  await s.exec("window.location.hash = '#/welcome'");
  await waitScreen("welcome");
  await s.screenshot(join(SHOTS, "en-welcome.png"));
  await s.click('nav a[data-route="settings"]');
  await s.click("[data-testid=language-system]");
});
