// The API layer against Tauri's own IPC mock: the real invoke() path, a fake back end.
import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { AppError, AppStatus } from "../bindings";
import { api, toAppError } from "./index";
import { statusFixture } from "../testing/fixtures";

const status: AppStatus = statusFixture();

afterEach(() => clearMocks());

describe("api", () => {
  it("calls the commands with the argument names the Rust side expects", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return cmd === "set_language" ? { ...status, language: "en", languagePref: "en" } : status;
    });
    expect(await api.appStatus()).toEqual(status);
    const after = await api.setLanguage("en");
    expect(after.language).toBe("en");
    expect(calls).toEqual([
      ["app_status", {}],
      ["set_language", { request: { language: "en" } }],
    ]);
  });

  it("passes a back-end AppError through unchanged", async () => {
    const err: AppError = { code: "io", detail: { kind: "keychain_unavailable" }, message: "disk full", hint: "free space", retryable: false };
    mockIPC(() => {
      throw err;
    });
    await expect(api.appStatus()).rejects.toEqual(err);
  });

  it("passes an AppError without a detail (an older back end) through as one", async () => {
    const err = { code: "network", message: "cannot reach x", hint: null, retryable: true };
    mockIPC(() => {
      throw err;
    });
    await expect(api.appStatus()).rejects.toEqual(err);
  });

  it("wraps anything else as an internal error with a readable message", async () => {
    mockIPC(() => {
      throw "command app_status not found";
    });
    await expect(api.appStatus()).rejects.toMatchObject({
      code: "internal",
      message: "command app_status not found",
    });
  });
});

describe("toAppError", () => {
  it.each([
    [new Error("boom"), "boom"],
    [{ unexpected: true }, '{"unexpected":true}'],
    [{ code: "teapot", message: "m", hint: null, retryable: false }, '{"code":"teapot","message":"m","hint":null,"retryable":false}'],
  ])("normalises %o", (raw, message) => {
    expect(toAppError(raw)).toEqual({ code: "internal", detail: null, message, hint: null, retryable: false });
  });
});
