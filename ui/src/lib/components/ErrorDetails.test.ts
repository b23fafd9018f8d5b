// An error in French reads in French; the back end's English text stays one click away.
import { afterEach, describe, expect, it } from "vitest";
import type { AppError } from "../bindings";
import { setLang } from "../i18n/index.svelte";
import { cleanup, render } from "../testing/mount";
import ErrorDetails from "./ErrorDetails.svelte";

const error: AppError = {
  code: "network",
  detail: null,
  message: "Sync failed: cannot reach 127.0.0.1: connection refused.",
  hint: "Check the network connection and the server address.",
  retryable: true,
};

afterEach(() => {
  cleanup();
  setLang("fr");
});

describe("ErrorDetails", () => {
  it("explains the code in French and folds the English details", () => {
    setLang("fr");
    const m = render(ErrorDetails, { error });
    const explain = m.target.querySelector("[data-testid=error-explain]");
    expect(explain?.textContent).toMatch(/Le serveur ne répond pas/);
    const details = m.target.querySelector("details");
    expect(details?.open).toBe(false);
    expect(details?.textContent).toContain("connection refused");
    expect(details?.textContent).toContain("Check the network connection");
  });

  it("shows the message and hint as they are in English", () => {
    setLang("en");
    const m = render(ErrorDetails, { error });
    expect(m.target.querySelector("details")).toBeNull();
    expect(m.target.textContent).toContain("connection refused");
    expect(m.target.textContent).toContain("Check the network connection");
  });

  it("words a detail from the catalog in either language, the English text folded", () => {
    const full: AppError = {
      code: "io",
      detail: { kind: "export_file_unwritable", path: "/Volumes/USB/inventaire.csv" },
      message: "could not write /Volumes/USB/inventaire.csv: permission denied",
      hint: "Choose a folder you can write to (Documents, Bureau) and try again.",
      retryable: false,
    };
    setLang("fr");
    let m = render(ErrorDetails, { error: full });
    expect(m.target.querySelector("[data-testid=error-explain]")?.textContent).toBe(
      "Impossible d'écrire le fichier /Volumes/USB/inventaire.csv.",
    );
    expect(m.target.querySelector("[data-testid=error-hint]")?.textContent).toMatch(/Choisissez un dossier/);
    expect(m.target.querySelector("details")?.textContent).toContain("permission denied");
    cleanup();
    setLang("en");
    m = render(ErrorDetails, { error: full });
    expect(m.target.querySelector("[data-testid=error-explain]")?.textContent).toBe(
      "Could not write /Volumes/USB/inventaire.csv.",
    );
    expect(m.target.querySelector("details")?.textContent).toContain("permission denied");
  });

  it("words a refusal reason in the sentence of a detail", () => {
    setLang("fr");
    const m = render(ErrorDetails, {
      error: {
        code: "invalid_input",
        detail: { kind: "no_device_qualifies", total: 3, reason: "not_in_lost_mode" },
        message: "the action cannot be sent to any of the 3 devices: not in lost mode",
        hint: null,
        retryable: false,
      },
    });
    const explain = m.target.querySelector("[data-testid=error-explain]")?.textContent ?? "";
    expect(explain).toContain("aucun des 3\u00a0appareils");
    expect(explain).toContain("Pas en mode perdu");
  });
});
