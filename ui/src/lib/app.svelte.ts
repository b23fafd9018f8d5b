// App-wide state: the back end's status and the notices on screen.
import type { AppError, AppStatus, LanguagePref, SyncProgress } from "./bindings";
import { api, toAppError } from "./api";
import { setLang } from "./i18n/index.svelte";

export interface Notice {
  id: number;
  error: AppError;
}

const state = $state<{
  status: AppStatus | null;
  notices: Notice[];
  now: Date;
  progress: SyncProgress | null;
  dataVersion: number;
}>({
  status: null,
  notices: [],
  now: new Date(),
  progress: null,
  dataVersion: 0,
});
let nextNoticeId = 1;

function applyStatus(status: AppStatus) {
  const before = state.status;
  state.status = status;
  setLang(status.language);
  if (!status.sync.running) state.progress = null;
  // Screens reload their data when the snapshot they read from changed (a sync finished, the
  // user switched server).
  if (
    before &&
    (before.snapshot.syncedAt !== status.snapshot.syncedAt ||
      before.profile?.id !== status.profile?.id)
  ) {
    state.dataVersion++;
  }
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
  await api
    .onSyncProgress((p) => {
      if (state.status?.sync.running) state.progress = p;
    })
    .catch(showError);
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

/** Runs `action` (a command that returns the new status) and applies its result. */
export async function updateStatus(action: () => Promise<AppStatus>): Promise<boolean> {
  try {
    applyStatus(await action());
    return true;
  } catch (e) {
    showError(e);
    return false;
  }
}

export function startSync(full = false): Promise<boolean> {
  state.progress = null;
  return updateStatus(() => api.startSync(full));
}

export async function cancelSync(): Promise<void> {
  await api.cancelSync().catch(showError);
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
  /** The running sync's last progress report; `null` when none runs. */
  get progress() {
    return state.progress;
  },
  /** Changes whenever the snapshot the screens read from changed: reload on it. */
  get dataVersion() {
    return state.dataVersion;
  },
};
