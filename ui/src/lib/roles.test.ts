import { describe, expect, it } from "vitest";
import { DEVICE_ROLES } from "./bindings";
import { isRole, knownRole } from "./roles";

describe("device roles", () => {
  it("are the back end's list, and only those", () => {
    for (const role of DEVICE_ROLES) expect(isRole(role)).toBe(true);
    expect(isRole("principal")).toBe(false);
    expect(isRole("")).toBe(false);
    expect(isRole(null)).toBe(false);
  });

  it("read a role this UI does not know as other", () => {
    expect(knownRole("shared_teacher")).toBe("shared_teacher");
    expect(knownRole("principal")).toBe("other");
  });
});
