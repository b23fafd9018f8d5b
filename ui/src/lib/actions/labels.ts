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

/** The colour family of a state's badge: settled well, settled badly, or still moving. */
export type StateTone = "ok" | "bad" | "warn" | "waiting" | "muted";

export function stateTone(state: TargetState): StateTone {
  switch (state) {
    case "done":
      return "ok";
    case "failed":
      return "bad";
    case "unknown":
    case "refused":
      return "warn";
    case "submitted":
    case "pending":
    case "not_now":
      return "waiting";
    case "not_sent":
      return "muted";
  }
}
