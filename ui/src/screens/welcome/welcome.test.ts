import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { AppStatus, ConnectionCheck, ProfileDraft } from "../../lib/bindings";
import { app, updateStatus } from "../../lib/app.svelte";
import { api } from "../../lib/api";
import { statusFixture } from "../../lib/testing/fixtures";
import { cleanup, render, settle } from "../../lib/testing/mount";
import { byTestId, type } from "../../lib/testing/dom";
import Welcome from "./Welcome.svelte";
import ConnectionForm from "./ConnectionForm.svelte";
import { isComplete, toDraft, urlProblem } from "./connection";

const firstLaunch = statusFixture();
const demo: AppStatus = statusFixture({
  connection: "demo",
  profile: { id: "demo", label: "École de démonstration", serverUrl: "", auth: "api_client", account: "demo", demo: true },
  sync: { running: true, last: null },
});

let calls: [string, unknown][] = [];
function backend(answers: Record<string, (args: unknown) => unknown>) {
  calls = [];
  mockIPC((cmd, args) => {
    calls.push([cmd, args]);
    const answer = answers[cmd];
    if (!answer) throw { code: "internal", detail: null, message: `unexpected ${cmd}`, hint: null, retryable: false };
    return answer(args);
  });
}

beforeEach(async () => {
  window.location.hash = "";
  backend({ app_status: () => firstLaunch });
  await updateStatus(() => api.appStatus());
});

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("welcome screen", () => {
  it("starts the demo school and opens the dashboard", async () => {
    backend({ start_demo: () => demo });
    const view = render(Welcome);
    byTestId(view.target, "welcome-demo").click();
    await settle(view);
    expect(calls.map(([cmd]) => cmd)).toEqual(["start_demo"]);
    expect(app.status?.profile?.demo).toBe(true);
    expect(window.location.hash).toBe("#/dashboard");
  });

  it("opens the connection form", async () => {
    const view = render(Welcome);
    expect(view.target.querySelector("[data-testid=connection-url]")).toBeNull();
    byTestId(view.target, "welcome-connect").click();
    view.flush();
    expect(byTestId(view.target, "connection-url")).toBeTruthy();
    expect(byTestId(view.target, "connection-url").getAttribute("placeholder")).toBe(
      "https://ecollege31.jamfcloud.com",
    );
  });
});

describe("connection form", () => {
  const check: ConnectionCheck = {
    reachable: true,
    signedIn: true,
    version: "11.30.1",
    privileges: [
      { privilege: "Read Mobile Devices", neededFor: "inventory", granted: true },
      { privilege: "Read Smart Mobile Device Groups", neededFor: "groups", granted: false },
    ],
    problem: {
      code: "auth",
      detail: null,
      message: "Le compte n'a pas tous les droits nécessaires.",
      hint: "Ajoutez le droit « Read Smart Mobile Device Groups » au rôle du client API.",
      retryable: false,
    },
  };

  async function fill() {
    const view = render(ConnectionForm, {});
    type(byTestId(view.target, "connection-label"), "Collège Jean Moulin");
    type(byTestId(view.target, "connection-url"), "https://ecollege31.jamfcloud.com/");
    (byTestId(view.target, "connection-auth-api_client") as HTMLInputElement).click();
    type(byTestId(view.target, "connection-account"), "chariot-client");
    type(byTestId(view.target, "connection-secret"), "s3cr3t");
    view.flush();
    return view;
  }

  it("tests the typed values and shows each step, a missing privilege and the hint", async () => {
    backend({ test_connection: () => check });
    const view = await fill();
    const secret = byTestId(view.target, "connection-secret") as HTMLInputElement;
    expect(secret.type).toBe("password");
    expect(secret.getAttribute("autocomplete")).toBe("off");

    byTestId(view.target, "connection-test").click();
    await settle(view);
    expect(calls).toEqual([
      [
        "test_connection",
        {
          request: {
            id: null,
            label: "Collège Jean Moulin",
            serverUrl: "https://ecollege31.jamfcloud.com",
            auth: "api_client",
            account: "chariot-client",
            secret: "s3cr3t",
          } satisfies ProfileDraft,
        },
      ],
    ]);
    const result = byTestId(view.target, "connection-result");
    expect(result.textContent).toContain("Serveur joignable");
    expect(result.textContent).toContain("Jamf Pro 11.30.1");
    const missing = result.querySelector("[data-granted=false]");
    expect(missing?.textContent).toContain("Read Smart Mobile Device Groups");
    expect(missing?.textContent).toContain("manquant");
    expect(missing?.textContent).toContain("nécessaire pour : les groupes dynamiques");
    expect(result.querySelector("[data-granted=true]")?.textContent).toContain("✓");
    expect(byTestId(view.target, "connection-problem").textContent).toContain(
      "Ajoutez le droit « Read Smart Mobile Device Groups » au rôle du client API.",
    );
  });

  it("shows an unreachable server without pretending the sign-in failed", async () => {
    backend({
      test_connection: () => ({
        reachable: false,
        signedIn: false,
        version: null,
        privileges: [],
        problem: { code: "network", detail: null, message: "Aucune réponse.", hint: "Vérifiez l'adresse.", retryable: true },
      }),
    });
    const view = await fill();
    byTestId(view.target, "connection-test").click();
    await settle(view);
    const text = byTestId(view.target, "connection-result").textContent ?? "";
    expect(text).toContain("Serveur injoignable");
    expect(text).toContain("Connexion non testée");
    expect(text).toContain("Vérifiez l'adresse.");
  });

  it("says a wrong password in French, with the English only behind the technical details", async () => {
    backend({
      test_connection: () => ({
        reachable: true,
        signedIn: false,
        version: null,
        privileges: [],
        problem: {
          code: "auth",
          detail: { kind: "wrong_credentials", host: "ecollege31.jamfcloud.com" },
          message: "Ecollege31.jamfcloud.com refused the credentials (HTTP 401).",
          hint: "Check the user name and password (or the API client id and secret) in Jamf Pro, then sign in again.",
          retryable: false,
        },
      }),
    });
    const view = await fill();
    byTestId(view.target, "connection-test").click();
    await settle(view);
    const problem = byTestId(view.target, "connection-problem");
    expect(problem.querySelector("[data-testid=error-explain]")?.textContent).toBe(
      "ecollege31.jamfcloud.com refuse les identifiants.",
    );
    expect(problem.querySelector("[data-testid=error-hint]")?.textContent).toContain(
      "Vérifiez le nom d'utilisateur et le mot de passe",
    );
    // Outside the folded technical details, not a word of the English message or hint.
    const outside = problem.cloneNode(true) as HTMLElement;
    outside.querySelector("details")?.remove();
    expect(outside.textContent).not.toMatch(/refused|credentials|Check the/);
    const details = problem.querySelector("details");
    expect(details?.open).toBe(false);
    expect(details?.textContent).toContain("refused the credentials (HTTP 401)");
  });

  it("names the missing privilege and the account in French", async () => {
    backend({
      test_connection: () => ({
        ...check,
        problem: {
          code: "auth",
          detail: { kind: "missing_privilege", privilege: "Read Smart Mobile Device Groups", account: "chariot-client" },
          message: 'the account lacks the privilege "Read Smart Mobile Device Groups"',
          hint: null,
          retryable: false,
        },
      }),
    });
    const view = await fill();
    byTestId(view.target, "connection-test").click();
    await settle(view);
    const problem = byTestId(view.target, "connection-problem");
    expect(problem.querySelector("[data-testid=error-explain]")?.textContent).toBe(
      "Le compte chariot-client n'a pas le privilège «\u00a0Read Smart Mobile Device Groups\u00a0».",
    );
    expect(problem.querySelector("[data-testid=error-hint]")?.textContent).toContain(
      "accordez «\u00a0Read Smart Mobile Device Groups\u00a0» à chariot-client",
    );
  });

  it("saves, syncs, and clears the secret field", async () => {
    const saved = statusFixture({
      connection: "online",
      profile: { id: "p1", label: "Collège Jean Moulin", serverUrl: "https://ecollege31.jamfcloud.com", auth: "api_client", account: "chariot-client", demo: false },
    });
    backend({
      save_profile: () => saved,
      start_sync: () => ({ ...saved, sync: { running: true, last: null } }),
    });
    const view = await fill();
    byTestId(view.target, "connection-save").click();
    await settle(view);
    expect(calls.map(([cmd]) => cmd)).toEqual(["save_profile", "start_sync"]);
    expect((calls[0]?.[1] as { request: ProfileDraft }).request.secret).toBe("s3cr3t");
    expect((byTestId(view.target, "connection-secret") as HTMLInputElement).value).toBe("");
    expect(JSON.stringify(app.status)).not.toContain("s3cr3t");
  });

  it("keeps the saved secret when editing with an empty field", async () => {
    backend({ test_connection: () => ({ ...check, problem: null }) });
    const view = render(ConnectionForm, {
      profile: { id: "p1", label: "Collège", serverUrl: "https://x.jamfcloud.com", auth: "user", account: "0312345A", demo: false },
    });
    byTestId(view.target, "connection-test").click();
    await settle(view);
    expect(calls[0]?.[1]).toEqual({
      request: { id: "p1", label: "Collège", serverUrl: "https://x.jamfcloud.com", auth: "user", account: "0312345A", secret: null },
    });
  });

  it("asks for https:// before anything can be sent", async () => {
    const view = render(ConnectionForm, {});
    type(byTestId(view.target, "connection-url"), "http://ecollege31.jamfcloud.com");
    type(byTestId(view.target, "connection-account"), "a");
    type(byTestId(view.target, "connection-secret"), "b");
    view.flush();
    expect((byTestId(view.target, "connection-test") as HTMLButtonElement).disabled).toBe(true);
    expect(byTestId(view.target, "connection-url").getAttribute("aria-invalid")).toBe("true");
  });
});

describe("connection rules", () => {
  it.each([
    ["", "empty"],
    ["ecollege31.jamfcloud.com", "scheme"],
    ["http://ecollege31.jamfcloud.com", "scheme"],
    ["ftp://ecollege31.jamfcloud.com", "scheme"],
    ["https://", "invalid"],
    ["https://ecollege31.jamfcloud.com", null],
    ["http://127.0.0.1:8443", null],
    ["http://localhost:9000", null],
    ["http://[::1]:9000", null],
  ])("%s → %s", (url, problem) => {
    expect(urlProblem(url)).toBe(problem);
  });

  it("names a server after its host when no label is given, and keeps a saved secret", () => {
    const values = { label: " ", serverUrl: " https://ecollege31.jamfcloud.com// ", auth: "user" as const, account: " 0312345A ", secret: "" };
    expect(toDraft(values, "p1")).toEqual({
      id: "p1",
      label: "ecollege31.jamfcloud.com",
      serverUrl: "https://ecollege31.jamfcloud.com",
      auth: "user",
      account: "0312345A",
      secret: null,
    });
    const saved = { id: "p1", label: "Collège", serverUrl: "https://ecollege31.jamfcloud.com", auth: "user" as const, account: "0312345A", demo: false };
    expect(isComplete(values, saved)).toBe(true);
    expect(isComplete(values, null)).toBe(false);
    // Another server or account: the saved secret does not follow.
    expect(isComplete({ ...values, account: "0312345B" }, saved)).toBe(false);
    expect(isComplete({ ...values, account: "0312345B", secret: "x" }, saved)).toBe(true);
  });
});
