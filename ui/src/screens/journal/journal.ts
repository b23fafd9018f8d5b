// The journal screen's pure parts: paging, the labels of a line, and keeping the list of the
// latest actions current from the job-changed events.
import type { JobSummary, JournalEvent } from "../../lib/bindings";
import type { MessageKey } from "../../lib/i18n/fr";

/** Lines per request: a screenful many times over, and "Afficher plus" for the rest. */
export const PAGE_SIZE = 200;

/** Jobs shown before "Tout afficher": the card stays short above the journal. */
export const JOBS_SHOWN = 5;

export function eventLabel(event: JournalEvent): MessageKey {
  return `journal.event.${event}`;
}

/**
 * The list with `job` in it: replaced when known, added otherwise; newest first (ids grow with
 * time, so they order jobs created in the same second).
 */
export function withJob(jobs: readonly JobSummary[], job: JobSummary): JobSummary[] {
  const rest = jobs.filter((j) => j.id !== job.id);
  // Compared as instants: the text of two RFC 3339 dates with and without fractions misorders.
  return [job, ...rest].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);
}

/** The list read at opening, with the jobs that events brought meanwhile (those are newer). */
export function mergeJobs(fromEvents: readonly JobSummary[], list: readonly JobSummary[]): JobSummary[] {
  return list.reduce<JobSummary[]>(
    (acc, job) => (acc.some((j) => j.id === job.id) ? acc : withJob(acc, job)),
    [...fromEvents],
  );
}

/** Devices still waiting for an answer (not sent yet, sent, or put off by the device). */
export function waitingCount(job: JobSummary): number {
  return job.counts.notSent + job.counts.waiting + job.counts.notNow;
}

/** 22/11/2026 08:30:12 in local time: an audit line is read to the second. */
export function formatSeconds(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
