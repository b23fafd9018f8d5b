// An error in French reads in French; the back end's English text stays one click away.
import { afterEach, describe, expect, it } from "vitest";
import type { AppError } from "../bindings";
import { setLang } from "../i18n/index.svelte";
import { cleanup, render } from "../testing/mount";
import ErrorDetails from "./ErrorDetails.svelte";

const error: AppError = {
  code: "network",
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
});
