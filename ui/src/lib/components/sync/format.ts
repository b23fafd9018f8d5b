// Words and numbers of the sync controls: phase, counts, time left, the result's summary.
import type { SyncOutcome, SyncProgress } from "../../bindings";
import type { MessageKey } from "../../i18n/fr";
import type { Lang } from "../../bindings";

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const LOCALES: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };

/** 1000 → "1 000" in French (narrow no-break space), "1,000" in English. */
export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(n);
}

/** 1234 ms → "1,2 s"; 125 000 ms → "2 min 5 s"; 20 ms → "moins de 0,1 s". */
export function formatDuration(ms: number, lang: Lang, t: Translate): string {
  const seconds = Math.max(0, ms) / 1000;
  // "en 0 s" read as if nothing had been done.
  if (seconds < 0.05) return t("sync.duration.instant");
  if (seconds < 60) {
    const n = new Intl.NumberFormat(LOCALES[lang], {
      maximumFractionDigits: seconds < 10 ? 1 : 0,
    }).format(seconds);
    return t("sync.duration.seconds", { n });
  }
  const whole = Math.round(seconds);
  return t("sync.duration.minutes", { m: Math.floor(whole / 60), s: whole % 60 });
}

/** The phase in words. The positions phase with nothing to read is the sync's last
 *  housekeeping (the snapshot is already published): "Finalisation", not an empty
 *  "Positions des appareils perdus". */
export function phaseLabel(progress: SyncProgress | null, t: Translate): string {
  if (!progress) return t("sync.phase.starting");
  if (progress.phase === "positions" && progress.total === 0) return t("sync.phase.finishing");
  return t(`sync.phase.${progress.phase}`);
}

/** "encore 12 s" / "encore 3 min"; null while the back end cannot estimate it. */
export function etaLabel(progress: SyncProgress | null, t: Translate): string | null {
  const eta = progress?.etaSeconds;
  if (eta === null || eta === undefined || !Number.isFinite(eta) || eta < 0) return null;
  const s = Math.ceil(eta);
  if (s < 60) return t("sync.progress.etaSeconds", { n: s });
  return t("sync.progress.etaMinutes", { n: Math.ceil(s / 60) });
}

/** Done/total as a 0–1 fraction; null when the total is not known yet (indeterminate bar). */
export function fraction(progress: SyncProgress | null): number | null {
  if (!progress || progress.total <= 0) return null;
  return Math.min(1, Math.max(0, progress.done / progress.total));
}

function counted(
  n: number,
  many: "sync.result.devices" | "sync.result.added" | "sync.result.changed" | "sync.result.removed",
  lang: Lang,
  t: Translate,
): string {
  return n === 1 ? t(`${many}.one`) : t(many, { n: formatCount(n, lang) });
}

/** "Synchronisé : 38 appareils, 2 modifiés, en 1,2 s" (for a sync that succeeded). */
export function outcomeSummary(outcome: SyncOutcome, lang: Lang, t: Translate): string {
  const parts = [counted(outcome.deviceCount, "sync.result.devices", lang, t)];
  if (outcome.added > 0) parts.push(counted(outcome.added, "sync.result.added", lang, t));
  if (outcome.changed > 0) parts.push(counted(outcome.changed, "sync.result.changed", lang, t));
  if (outcome.removed > 0) parts.push(counted(outcome.removed, "sync.result.removed", lang, t));
  if (parts.length === 1) parts.push(t("sync.result.noChange"));
  const params = {
    summary: parts.join(", "),
    duration: formatDuration(outcome.durationMs, lang, t),
  };
  return outcome.kind === "full" ? t("sync.result.doneFull", params) : t("sync.result.done", params);
}

/** What a successful sync survived, a sentence each (none when it read everything). */
export function outcomeProblems(outcome: SyncOutcome, lang: Lang, t: Translate): string[] {
  const lines: string[] = [];
  const say = (n: number, key: "sync.problems.incomplete" | "sync.problems.positions") => {
    if (n > 0) lines.push(n === 1 ? t(`${key}.one`) : t(key, { n: formatCount(n, lang) }));
  };
  say(outcome.incomplete, "sync.problems.incomplete");
  say(outcome.positionsUnread, "sync.problems.positions");
  return lines;
}
