// Multi-selection of the inventory: a checkbox per row, shift-click ranges, "select all
// displayed" (every matching device, not only the rows on screen).

export interface ClickResult {
  selected: Set<string>;
  anchor: number;
}

/**
 * A click on row `index`'s checkbox. Without shift it toggles that row; with shift (and an
 * earlier click as anchor) every row between the anchor and this one takes the state the clicked
 * row is getting.
 */
export function clickSelect(
  selected: ReadonlySet<string>,
  ids: readonly string[],
  index: number,
  shift: boolean,
  anchor: number | null,
): ClickResult {
  const out = new Set(selected);
  const id = ids[index];
  if (id === undefined) return { selected: out, anchor: anchor ?? index };
  const state = !selected.has(id);
  if (shift && anchor !== null && anchor >= 0 && anchor < ids.length) {
    const [from, to] = anchor <= index ? [anchor, index] : [index, anchor];
    for (let i = from; i <= to; i++) {
      const each = ids[i];
      if (each === undefined) continue;
      if (state) out.add(each);
      else out.delete(each);
    }
  } else if (state) out.add(id);
  else out.delete(id);
  return { selected: out, anchor: index };
}

export type SelectAllState = "none" | "some" | "all";

export function selectAllState(selected: ReadonlySet<string>, ids: readonly string[]): SelectAllState {
  if (selected.size === 0 || ids.length === 0) return "none";
  let count = 0;
  for (const id of ids) if (selected.has(id)) count++;
  if (count === 0) return "none";
  return count === ids.length ? "all" : "some";
}

/** The header checkbox: selects every displayed device, or clears when all already are. */
export function toggleAll(selected: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  return selectAllState(selected, ids) === "all" ? new Set() : new Set(ids);
}

/** Keeps only the selected devices that the new result still shows. */
export function pruneSelection(selected: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  if (selected.size === 0) return new Set();
  const out = new Set<string>();
  for (const id of ids) if (selected.has(id)) out.add(id);
  return out;
}

/** The selected ids in display order (what an export of the selection writes). */
export function orderedSelection(selected: ReadonlySet<string>, ids: readonly string[]): string[] {
  return selected.size === 0 ? [] : ids.filter((id) => selected.has(id));
}
