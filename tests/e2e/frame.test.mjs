// The app frame in the real window: title, sidebar, every screen, status bar, language switch
// (kept across a restart), and a screenshot of each screen in both languages.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { APP, DRIVER, FRENCH, SHOTS, shutdown } from "./app.mjs";
import { startDriver } from "./webdriver.mjs";

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
    env: { CHARIOT_HOME: home, ...FRENCH },
  });
  await openApp();
});

after(() => shutdown({ driver, s }, home));

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
  assert.equal(await s.textOf("[data-testid=connection]"), "Aucun serveur configuré");
  assert.match(await s.textOf("[data-testid=snapshot-age]"), /Aucune donnée locale/);
});

test("the sidebar lists the school guide's menu", async () => {
  assert.deepEqual(await sidebarLabels(), SCREENS.map(([, fr]) => fr));
});

test("the window fits a 1366×768 school laptop", async () => {
  const rect = await s.windowRect();
  assert.ok(rect.width <= 1366 && rect.height <= 768, JSON.stringify(rect));
});

test("a first launch shows the welcome screen, whatever the menu entry", async () => {
  await s.click('nav a[data-route="inventory"]');
  await s.waitFor(
    "return document.querySelector('main')?.dataset.screen === 'welcome'",
    "the welcome screen",
  );
  assert.match(await s.textOf("[data-testid=welcome-demo]"), /démonstration/i);
  assert.ok(await s.find("[data-testid=welcome-connect]"));
  await s.screenshot(join(SHOTS, "fr-welcome.png"));
  // Réglages stays reachable (language first, then connect).
  await visit("settings", "Réglages");
});

test("a connection test that fails says what and why in French", async () => {
  await s.click('nav a[data-route="dashboard"]');
  await s.click("[data-testid=welcome-connect]");
  // Nothing listens on the discard port of this computer: the server is unreachable.
  await s.type("[data-testid=connection-url]", "http://127.0.0.1:9");
  await s.type("[data-testid=connection-account]", "0311234A");
  await s.type("[data-testid=connection-secret]", "0311234A");
  await s.click("[data-testid=connection-test]");
  const shown = await s.waitFor(
    "const e = document.querySelector('[data-testid=connection-problem]'); return e && e.innerText.trim()",
    "the connection test's problem",
    30_000,
  );
  await s.screenshot(join(SHOTS, "fr-connection-failed.png"));
  assert.match(shown, /Serveur injoignable/);
  // What is on screen is French; the server's English words stay behind "Détails techniques".
  assert.doesNotMatch(shown, /cannot|error sending|refused|connect/i);
  await visit("settings", "Réglages");
});

test("after a command-line sync, the status bar and the screens show the snapshot", async () => {
  const cli = process.env.CHARIOT_E2E_CLI;
  assert.ok(cli, "CHARIOT_E2E_CLI must name the chariot binary (cargo xtask e2e sets it)");
  const { spawn, execFileSync } = await import("node:child_process");
  // The simulated school on loopback, and the command line syncing into the app's database.
  const sim = spawn(cli, ["sim", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const banner = await new Promise((resolve, reject) => {
      let text = "";
      sim.stdout.on("data", (chunk) => {
        text += chunk;
        if (/client_secret: .+\n/.test(text)) resolve(text);
      });
      sim.on("exit", (code) => reject(new Error(`chariot sim exited with ${code}`)));
    });
    const field = (name) => banner.match(new RegExp(`^${name}: (.+)$`, "m"))[1].trim();
    const url = banner.match(/listening on (\S+)/)[1];
    const out = execFileSync(
      cli,
      ["sync", "--server", url, "--client-id", field("client_id"), "--secret-env", "E2E_SECRET",
        "--db", join(home, "data", "profiles", "local.db")],
      { env: { ...process.env, E2E_SECRET: field("client_secret") }, encoding: "utf8" },
    );
    assert.match(out, /^synced 38 devices/);
  } finally {
    sim.kill();
  }

  await s.close();
  await openApp();
  assert.match(await s.textOf("[data-testid=snapshot-age]"), /Données du \d\d\/\d\d à \d\d:\d\d\s*· à l'instant/);
  assert.equal(await s.textOf("[data-testid=device-count]"), "38 appareils");
  await visit("inventory", "Inventaire");
  await s.waitFor(
    "return document.querySelector('[data-testid=inventory-total]')?.textContent.includes('38 appareils')",
    "the inventory total",
  );
  assert.equal(await s.exec("return document.querySelectorAll('[data-testid=inventory-row]').length > 10"), true);
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

test("switching to English translates everything and survives a restart", async () => {
  await visit("settings", "Réglages");
  await s.click("[data-testid=language-en]");
  await s.waitFor(
    "return document.querySelector('nav a[data-route=dashboard]')?.textContent.trim() === 'Dashboard'",
    "the sidebar in English",
  );
  assert.equal(await s.exec("return document.documentElement.lang"), "en");
  assert.equal(await s.textOf("[data-testid=connection]"), "No server configured");
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

