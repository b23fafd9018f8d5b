// App-wide state: the back end's status and the notices on screen.
import type { AppError, AppStatus, LanguagePref } from "./bindings";
import { api, toAppError } from "./api";
import { setLang } from "./i18n/index.svelte";

export interface Notice {
  id: number;
  error: AppError;
}

const state = $state<{ status: AppStatus | null; notices: Notice[]; now: Date }>({
  status: null,
  notices: [],
  now: new Date(),
});
let nextNoticeId = 1;

function applyStatus(status: AppStatus) {
  state.status = status;
  setLang(status.language);
}

export function showError(raw: unknown): void {
  const error = toAppError(raw);
  state.notices.push({ id: nextNoticeId++, error });
}

export function dismiss(id: number): void {
  state.notices = state.notices.filter((n) => n.id !== id);
}

export async function start(): Promise<void> {
  try {
    const status = await api.appStatus();
    applyStatus(status);
    status.problems.forEach(showError);
  } catch (e) {
    showError(e);
  }
  await api.onStatusChanged(applyStatus).catch(showError);
  // The snapshot's age ("il y a 2 h") must keep moving while the app stays open.
  setInterval(() => (state.now = new Date()), 30_000);
}

export async function chooseLanguage(pref: LanguagePref): Promise<boolean> {
  try {
    applyStatus(await api.setLanguage(pref));
    return true;
  } catch (e) {
    showError(e);
    return false;
  }
}

export const app = {
  get status() {
    return state.status;
  },
  get notices() {
    return state.notices;
  },
  get now() {
    return state.now;
  },
};
