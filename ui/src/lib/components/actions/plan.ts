// How the confirmation dialog condenses a plan: the refused devices grouped by reason, and a few
// names of each list followed by "et N autres" (a cart is 30 iPads, a school several hundred).
import type { Refusal, RefusedDevice } from "../../bindings";

/** How many names a list shows before "et N autres". */
export const SHOWN_NAMES = 5;

export interface Preview<T> {
  shown: T[];
  /** How many are left out of `shown`. */
  more: number;
}

export function preview<T>(items: readonly T[], max = SHOWN_NAMES): Preview<T> {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

export interface RefusalGroup {
  reason: Refusal;
  count: number;
  names: Preview<string>;
}

/** The refused devices by reason, the most frequent reason first (ties: first seen first). */
export function groupRefusals(refused: readonly RefusedDevice[], max = SHOWN_NAMES): RefusalGroup[] {
  const byReason = new Map<Refusal, string[]>();
  for (const r of refused) {
    const names = byReason.get(r.reason);
    if (names) names.push(r.name);
    else byReason.set(r.reason, [r.name]);
  }
  return [...byReason.entries()]
    .map(([reason, names]) => ({ reason, count: names.length, names: preview(names, max) }))
    .sort((a, b) => b.count - a.count);
}
