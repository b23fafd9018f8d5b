// The message key naming an action or a device's state in a job. `null` is an action written by
// a newer Chariot that this version does not know (the journal keeps every line).
import type { ActionKind, TargetState } from "../bindings";
import type { MessageKey } from "../i18n/fr";

export function actionLabel(kind: ActionKind | null): MessageKey {
  return kind === null ? "actionKind.unknown" : `actionKind.${kind}`;
}

export function stateLabel(state: TargetState): MessageKey {
  return `targetState.${state}`;
}

/** The colour family of a state's badge, the job's progress bar's own (so a state has one
 * colour everywhere): settled well, settled badly, unknown, refused, still moving, not sent. */
export type StateTone = "ok" | "bad" | "warn" | "refused" | "waiting" | "muted";

export function stateTone(state: TargetState): StateTone {
  switch (state) {
    case "done":
      return "ok";
    case "failed":
      return "bad";
    case "unknown":
      return "warn";
    case "refused":
      return "refused";
    case "submitted":
    case "pending":
    case "not_now":
      return "waiting";
    case "not_sent":
      return "muted";
  }
}
