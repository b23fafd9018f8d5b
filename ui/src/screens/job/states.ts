// A job's devices by state, as the progress bar and the filter group them. The back end counts
// "submitted" and "pending" together as "waiting" (JobCounts): the screen uses the same seven
// groups, so the bar, the legend and the filter always agree with the counts.
import type { JobCounts, JobTarget, TargetState } from "../../lib/bindings";
import type { MessageKey } from "../../lib/i18n/fr";

export type Bucket = keyof JobCounts;

/** The bar's order: settled well, settled badly, then what is still moving. */
export const BUCKETS: readonly Bucket[] = ["done", "failed", "unknown", "refused", "waiting", "notNow", "notSent"];

export function bucketOf(state: TargetState): Bucket {
  switch (state) {
    case "not_sent":
      return "notSent";
    case "submitted":
    case "pending":
      return "waiting";
    case "not_now":
      return "notNow";
    default:
      return state;
  }
}

const LABELS: Record<Bucket, MessageKey> = {
  done: "targetState.done",
  failed: "targetState.failed",
  unknown: "targetState.unknown",
  refused: "targetState.refused",
  waiting: "action.bucket.waiting",
  notNow: "targetState.not_now",
  notSent: "targetState.not_sent",
};

const HELP: Record<Bucket, MessageKey> = {
  done: "action.stateHelp.done",
  failed: "action.stateHelp.failed",
  unknown: "action.stateHelp.unknown",
  refused: "action.stateHelp.refused",
  waiting: "action.stateHelp.waiting",
  notNow: "action.stateHelp.not_now",
  notSent: "action.stateHelp.not_sent",
};

export function bucketLabel(bucket: Bucket): MessageKey {
  return LABELS[bucket];
}

/** What the state means, in plain words (legend, tooltips). */
export function bucketHelp(bucket: Bucket): MessageKey {
  return HELP[bucket];
}

/** The help of a device's own state (submitted and pending say more than "waiting"). */
export function stateHelp(state: TargetState): MessageKey {
  return `action.stateHelp.${state}`;
}

export function filterTargets(targets: readonly JobTarget[], bucket: Bucket | null): JobTarget[] {
  return bucket === null ? [...targets] : targets.filter((t) => bucketOf(t.state) === bucket);
}

/** How much of the bar each group takes, in percent (groups with no device are left out). */
export function segments(counts: JobCounts): { bucket: Bucket; count: number; percent: number }[] {
  const total = BUCKETS.reduce((sum, b) => sum + counts[b], 0);
  if (total === 0) return [];
  return BUCKETS.filter((b) => counts[b] > 0).map((bucket) => ({
    bucket,
    count: counts[bucket],
    percent: (counts[bucket] / total) * 100,
  }));
}
