// App-wide state: the back end's status and the notices on screen.
import type {
  AppError,
  AppStatus,
  LanguagePref,
  ProfileDraft,
  SyncOutcome,
  SyncProgress,
  UpdateSettingsRequest,
} from "./bindings";
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
  /** `finishedAt` of the sync results this session saw end (the others are old news). */
  seenOutcome: string | null;
  /** `finishedAt` of the sync result the user closed. */
  dismissedOutcome: string | null;
}>({
  status: null,
  notices: [],
  now: new Date(),
  progress: null,
  dataVersion: 0,
  seenOutcome: null,
  dismissedOutcome: null,
});
const RECENT_MS = 2 * 60_000;
let nextNoticeId = 1;

function applyStatus(status: AppStatus) {
  const before = state.status;
  state.status = status;
  setLang(status.language);
  if (!status.sync.running) state.progress = null;
  const last = status.sync.last;
  // A result is news when this window saw its sync run, or when it is new and recent (a sync
  // that ended between two status reports, or the sync at start before the window opened).
  if (
    last &&
    !status.sync.running &&
    (before?.sync.running ||
      (before?.sync.last?.finishedAt !== last.finishedAt &&
        Date.now() - Date.parse(last.finishedAt) < RECENT_MS))
  ) {
    state.seenOutcome = last.finishedAt;
  }
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

export async function startSync(full = false): Promise<boolean> {
  state.progress = null;
  const lastBefore = state.status?.sync.last?.finishedAt ?? null;
  try {
    const status = await api.startSync(full);
    // A quick sync may end (status-changed event) before this answer arrives: then the answer's
    // "running" is already old and must not win.
    const current = state.status;
    const endedMeanwhile =
      current !== null &&
      !current.sync.running &&
      (current.sync.last?.finishedAt ?? null) !== lastBefore;
    applyStatus(
      endedMeanwhile ? { ...status, sync: current.sync, snapshot: current.snapshot } : status,
    );
    return true;
  } catch (e) {
    showError(e);
    return false;
  }
}

export async function cancelSync(): Promise<void> {
  await api.cancelSync().catch(showError);
}

/** Hides the last sync's result until the next one. */
export function dismissSyncResult(): void {
  state.dismissedOutcome = state.status?.sync.last?.finishedAt ?? null;
}

/** Starts the demo school (simulated, on loopback); the back end syncs it right away. */
export function startDemo(): Promise<boolean> {
  return updateStatus(() => api.startDemo());
}

/**
 * Saves and activates a server profile (the secret goes to the OS keychain and nowhere else),
 * then syncs it unless the back end already started.
 */
export async function saveProfile(draft: ProfileDraft): Promise<boolean> {
  if (!(await updateStatus(() => api.saveProfile(draft)))) return false;
  if (!state.status?.sync.running) await startSync();
  return true;
}

/** Activates a saved server; syncs it when it has no local snapshot yet. */
export async function switchProfile(id: string): Promise<boolean> {
  if (!(await updateStatus(() => api.switchProfile(id)))) return false;
  const s = state.status;
  if (s && !s.sync.running && s.snapshot.syncedAt === null && s.connection !== "offline") {
    await startSync();
  }
  return true;
}

export function deleteProfile(id: string): Promise<boolean> {
  return updateStatus(() => api.deleteProfile(id));
}

/** Changes some preferences of Réglages; the others stay as they are. */
export function updateSettings(change: Partial<UpdateSettingsRequest>): Promise<boolean> {
  return updateStatus(() =>
    api.updateSettings({
      staleAfterDays: null,
      syncAtStart: null,
      autoSyncMinutes: null,
      inventoryColumns: null,
      ...change,
    }),
  );
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
  /** The last sync's result while it is news: ended in this session, not closed, no sync running. */
  get syncResult(): SyncOutcome | null {
    const s = state.status;
    const last = s?.sync.last ?? null;
    if (!s || !last || s.sync.running) return null;
    if (last.finishedAt !== state.seenOutcome || last.finishedAt === state.dismissedOutcome) {
      return null;
    }
    return last;
  },
  /** A server profile is active (Jamf Pro or the demo): there is something to sync. */
  get canSync(): boolean {
    const s = state.status;
    return !!s && s.profile !== null && s.connection !== "not_configured";
  },
  /** The server answered last time: actions that need it (commands, refreshes) may run. */
  get serverReachable(): boolean {
    const c = state.status?.connection;
    return c === "online" || c === "demo";
  },
};
