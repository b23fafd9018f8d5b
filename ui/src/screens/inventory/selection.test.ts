import { describe, expect, it } from "vitest";
import { clickSelect, orderedSelection, pruneSelection, selectAllState, toggleAll } from "./selection";

const ids = ["a", "b", "c", "d", "e"];

describe("selection", () => {
  it("toggles one row on a plain click", () => {
    let r = clickSelect(new Set(), ids, 1, false, null);
    expect([...r.selected]).toEqual(["b"]);
    expect(r.anchor).toBe(1);
    r = clickSelect(r.selected, ids, 1, false, r.anchor);
    expect(r.selected.size).toBe(0);
  });

  it("selects the range between the anchor and a shift-click, either way", () => {
    const first = clickSelect(new Set(), ids, 3, false, null);
    const range = clickSelect(first.selected, ids, 1, true, first.anchor);
    expect(orderedSelection(range.selected, ids)).toEqual(["b", "c", "d"]);
    const down = clickSelect(new Set(["a"]), ids, 4, true, 0);
    expect(orderedSelection(down.selected, ids)).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("clears a range when the shift-clicked row was selected", () => {
    const r = clickSelect(new Set(ids), ids, 3, true, 1);
    expect(orderedSelection(r.selected, ids)).toEqual(["a", "e"]);
  });

  it("treats shift without an anchor as a plain click", () => {
    expect([...clickSelect(new Set(), ids, 2, true, null).selected]).toEqual(["c"]);
  });

  it("selects all displayed ids, then none", () => {
    expect(selectAllState(new Set(), ids)).toBe("none");
    const all = toggleAll(new Set(["b"]), ids);
    expect(all.size).toBe(5);
    expect(selectAllState(all, ids)).toBe("all");
    expect(selectAllState(new Set(["b"]), ids)).toBe("some");
    expect(toggleAll(all, ids).size).toBe(0);
  });

  it("keeps only the ids a new result still shows, in display order", () => {
    const kept = pruneSelection(new Set(["e", "a", "z"]), ["e", "c", "a"]);
    expect([...kept].sort()).toEqual(["a", "e"]);
    expect(orderedSelection(kept, ["e", "c", "a"])).toEqual(["e", "a"]);
  });
});
