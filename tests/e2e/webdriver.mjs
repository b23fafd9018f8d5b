// A small W3C WebDriver client over node's fetch, for driving the real Chariot window through
// tauri-driver (which forwards to WebKitWebDriver on Linux, Edge's driver on Windows).
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts tauri-driver on free ports; the app it launches inherits `env`. */
export async function startDriver({ driverPath, env }) {
  const port = await freePort();
  const nativePort = await freePort();
  const child = spawn(driverPath, ["--port", String(port), "--native-port", String(nativePort)], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit"],
    // Its own process group, so stopping it also ends WebKitWebDriver and the app it started:
    // a survivor holding the test's output would keep the runner from exiting.
    detached: true,
  });
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  process.once("exit", () => killGroup("SIGKILL"));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const res = await fetch(`${base}/status`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`tauri-driver exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error("tauri-driver did not start within 20 s");
    await sleep(100);
  }
  return {
    base,
    async newSession(application) {
      const res = await request(base, "POST", "/session", {
        capabilities: { alwaysMatch: { "tauri:options": { application } } },
      });
      return new Session(base, res.sessionId);
    },
    async stop() {
      const exited = new Promise((resolve) =>
        child.exitCode !== null ? resolve() : child.on("exit", resolve),
      );
      killGroup("SIGTERM");
      await Promise.race([exited, sleep(5_000)]);
      killGroup("SIGKILL");
      await exited;
    },
  };
}

async function request(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    const v = json.value ?? {};
    throw new Error(`WebDriver ${method} ${path}: ${v.error ?? res.status} ${v.message ?? ""}`);
  }
  // A script that returns null answers {"value": null}: that null is the answer, not a reason
  // to hand back the whole envelope.
  return json && typeof json === "object" && "value" in json ? json.value : json;
}

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  cmd(method, path, body) {
    return request(this.base, method, `/session/${this.id}${path}`, body);
  }

  title() {
    return this.cmd("GET", "/title");
  }

  /** Runs a function body in the page; `arguments[0..]` are `args`. */
  exec(script, ...args) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  async find(css) {
    const el = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return el[ELEMENT];
  }

  async click(css) {
    const id = await this.waitForElement(css);
    await this.cmd("POST", `/element/${id}/click`, {});
  }

  /** Types into a field as the keyboard would (WebDriver "Element Send Keys"). */
  async type(css, text) {
    const id = await this.waitForElement(css);
    await this.cmd("POST", `/element/${id}/value`, { text });
  }

  async clear(css) {
    const id = await this.waitForElement(css);
    await this.cmd("POST", `/element/${id}/clear`, {});
  }

  /**
   * The text of the first element matching `css`, waiting for it to exist. Reads textContent
   * (whitespace collapsed): WebKitWebDriver's "element text" comes back empty for text inside
   * clipped flex items, although it shows on screen.
   */
  async textOf(css, timeoutMs = 10_000) {
    const text = await this.waitFor(
      "const e = document.querySelector(arguments[0]); return e ? 'text:' + e.textContent.replace(/\\s+/g, ' ').trim() : null",
      `an element ${css}`,
      timeoutMs,
      css,
    );
    return text.slice("text:".length);
  }

  async text(css) {
    const id = await this.find(css);
    return this.cmd("GET", `/element/${id}/text`);
  }

  async waitForElement(css, timeoutMs = 10_000) {
    let last;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        return await this.find(css);
      } catch (e) {
        last = e;
      }
      await sleep(100);
    }
    throw new Error(`no element matches ${css} after ${timeoutMs} ms (${last?.message})`);
  }

  /** Polls `script` in the page until it returns a truthy value. */
  async waitFor(script, description, timeoutMs = 10_000, ...args) {
    const deadline = Date.now() + timeoutMs;
    let value;
    while (Date.now() < deadline) {
      value = await this.exec(script, ...args);
      if (value) return value;
      await sleep(100);
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${description} (last: ${JSON.stringify(value)})`);
  }

  /** Saves a PNG of the window. Waits first: WebKit's snapshot lags behind DOM changes. */
  async screenshot(path, settleMs = 1200) {
    await sleep(settleMs);
    const b64 = await this.cmd("GET", "/screenshot");
    await writeFile(path, Buffer.from(b64, "base64"));
  }

  windowRect() {
    return this.cmd("GET", "/window/rect");
  }

  async close() {
    await this.cmd("DELETE", "");
  }
}
