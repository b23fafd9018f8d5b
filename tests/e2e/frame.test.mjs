// The app frame in the real window: title, sidebar, every screen, status bar, language switch
// (kept across a restart), and a screenshot of each screen in both languages.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startDriver } from "./webdriver.mjs";

const APP = process.env.CHARIOT_E2E_APP;
const DRIVER = process.env.CHARIOT_E2E_DRIVER ?? "tauri-driver";
const SHOTS = process.env.CHARIOT_E2E_SHOTS ?? "target/e2e-screenshots";
assert.ok(APP, "CHARIOT_E2E_APP must name the app binary (cargo xtask e2e sets it)");

const SCREENS = [
  ["dashboard", "Tableau de bord", "Dashboard"],
  ["inventory", "Inventaire", "Inventory"],
  ["groups", "Groupes", "Groups"],
  ["profiles", "Profils de configuration", "Configuration profiles"],
  ["apps", "Apps", "Apps"],
  ["lost-mode", "Mode perdu", "Lost mode"],
  ["asm", "Apple School Manager", "Apple School Manager"],
  ["zero-touch", "Zero-touch Android", "Android zero-touch"],
  ["journal", "Journal", "Journal"],
  ["settings", "Réglages", "Settings"],
];

const home = mkdtempSync(join(tmpdir(), "chariot-e2e-"));
let driver;
let s;

async function openApp() {
  s = await driver.newSession(APP);
  await s.waitFor(
    "return document.querySelector('[data-testid=connection]')?.textContent.trim()",
    "the status bar",
    20_000,
  );
}

before(async () => {
  // A French system with a fresh, private Chariot home: the first start a teacher would see.
  driver = await startDriver({
    driverPath: DRIVER,
    env: { CHARIOT_HOME: home, LANG: "fr_FR.UTF-8", LC_ALL: "", LANGUAGE: "" },
  });
  await openApp();
});

after(async () => {
  await s?.close().catch(() => {});
  await driver?.stop();
  rmSync(home, { recursive: true, force: true });
});

const sidebarLabels = () =>
  s.exec("return [...document.querySelectorAll('nav a[data-route]')].map(a => a.textContent.trim())");

async function visit(id, heading) {
  await s.click(`nav a[data-route="${id}"]`);
  await s.waitFor(
    "return document.querySelector('main')?.dataset.screen === arguments[0] && document.querySelector('main h1')?.textContent.trim() === arguments[1]",
    `screen ${id} titled ${heading}`,
    10_000,
    id,
    heading,
  );
}

test("the main window is titled Chariot and speaks French on a French system", async () => {
  assert.equal(await s.title(), "Chariot");
  assert.equal(await s.exec("return document.documentElement.lang"), "fr");
  assert.equal(await s.text("[data-testid=connection]"), "Aucun serveur configuré");
  assert.match(await s.text("[data-testid=snapshot-age]"), /Aucune donnée locale/);
});

test("the sidebar lists the school guide's menu", async () => {
  assert.deepEqual(await sidebarLabels(), SCREENS.map(([, fr]) => fr));
});

test("the window fits a 1366×768 school laptop", async () => {
  const rect = await s.windowRect();
  assert.ok(rect.width <= 1366 && rect.height <= 768, JSON.stringify(rect));
});

test("every screen opens from the sidebar, without horizontal overflow (French)", async () => {
  for (const [id, fr] of SCREENS) {
    await visit(id, fr);
    const current = await s.exec(
      "return document.querySelector('nav a[aria-current=page]')?.dataset.route",
    );
    assert.equal(current, id);
    const overflow = await s.exec(
      "const m = document.querySelector('main'); return m.scrollWidth - m.clientWidth",
    );
    assert.ok(overflow <= 0, `${id} overflows horizontally by ${overflow}px`);
    await s.screenshot(join(SHOTS, `fr-${id}.png`));
  }
});

test("data screens say the local snapshot is empty and where it lives", async () => {
  await visit("inventory", "Inventaire");
  const text = await s.text("[data-testid=empty-snapshot]");
  assert.match(text, /Aucune donnée synchronisée/);
  assert.ok(text.includes(join(home, "data", "profiles", "local.db")), text);
});

test("switching to English translates everything and survives a restart", async () => {
  await visit("settings", "Réglages");
  await s.click("[data-testid=language-en]");
  await s.waitFor(
    "return document.querySelector('nav a[data-route=dashboard]')?.textContent.trim() === 'Dashboard'",
    "the sidebar in English",
  );
  assert.equal(await s.exec("return document.documentElement.lang"), "en");
  assert.equal(await s.text("[data-testid=connection]"), "No server configured");
  assert.deepEqual(await sidebarLabels(), SCREENS.map(([, , en]) => en));

  for (const [id, , en] of SCREENS) {
    await visit(id, en);
    await s.screenshot(join(SHOTS, `en-${id}.png`));
  }

  // Restart: a new app process on the same home reads the saved choice.
  await s.close();
  await openApp();
  assert.deepEqual(await sidebarLabels(), SCREENS.map(([, , en]) => en));

  // Back to "system language": French again, as the system is French.
  await visit("settings", "Settings");
  await s.click("[data-testid=language-system]");
  await s.waitFor(
    "return document.querySelector('nav a[data-route=settings]')?.textContent.trim() === 'Réglages'",
    "the sidebar back in French",
  );
});
