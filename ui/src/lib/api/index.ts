// The typed API over Tauri's IPC: the only module that imports @tauri-apps/api. Screens call
// these functions and never invoke() directly, so the UI can run in a browser with mocked IPC.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { AppStatus, LanguagePref, SetLanguageRequest } from "../bindings";
import { EVENTS } from "../bindings";
import { toAppError } from "./errors";

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toAppError(raw);
  }
}

export const api = {
  appStatus: (): Promise<AppStatus> => call("app_status"),
  setLanguage: (language: LanguagePref): Promise<AppStatus> =>
    call("set_language", { request: { language } satisfies SetLanguageRequest }),
  onStatusChanged: (handler: (status: AppStatus) => void): Promise<UnlistenFn> =>
    listen<AppStatus>(EVENTS.statusChanged, (event) => handler(event.payload)),
};

export { toAppError, isAppError } from "./errors";
