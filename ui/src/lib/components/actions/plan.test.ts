import { describe, expect, it } from "vitest";
import type { RefusedDevice } from "../../bindings";
import { groupRefusals, preview } from "./plan";

describe("plan summary", () => {
  it("previews a few names and counts the others", () => {
    expect(preview([1, 2, 3], 5)).toEqual({ shown: [1, 2, 3], more: 0 });
    expect(preview([1, 2, 3, 4, 5, 6, 7], 5)).toEqual({ shown: [1, 2, 3, 4, 5], more: 2 });
  });

  it("groups the refused devices by reason, the largest group first", () => {
    const refused: RefusedDevice[] = [
      { id: "1", name: "A", reason: "not_in_lost_mode" },
      { id: "2", name: "B", reason: "not_supervised" },
      { id: "3", name: "C", reason: "not_supervised" },
      { id: "4", name: "D", reason: "no_management_id" },
    ];
    expect(groupRefusals(refused, 1)).toEqual([
      { reason: "not_supervised", count: 2, names: { shown: ["B"], more: 1 } },
      { reason: "not_in_lost_mode", count: 1, names: { shown: ["A"], more: 0 } },
      { reason: "no_management_id", count: 1, names: { shown: ["D"], more: 0 } },
    ]);
  });
});
