import { describe, expect, it } from "vitest";
import { commandsFor } from "./commands";

describe("management commands", () => {
  const base = {
    udid: null, modelIdentifier: null, osBuild: null, managed: null, residentUsers: null, quotaMb: null,
    realName: null, email: null, building: null, department: null, room: null, siteId: null, ipAddress: null,
    wifiMac: null, lastContact: null, lostMode: null, sharedUsers: [], catalogApps: [], otherApps: [], profiles: [], groups: [],
  };
  const summary = {
    id: "1", name: "x", role: "student" as const, cart: null, serialNumber: null, assetTag: null, model: null, osVersion: null,
    username: null, batteryLevel: null, capacityMb: null, availableMb: null, supervised: true, sharedIpad: false,
    lostMode: false, lastInventory: null, stale: false,
  };

  it("offers to enable lost mode, or to disable and locate when lost", () => {
    const normal = commandsFor({ ...base, summary }).map((c) => c.kind);
    expect(normal).toContain("enable_lost_mode");
    expect(normal).not.toContain("update_location");
    const lost = commandsFor({ ...base, summary: { ...summary, lostMode: true } }).map((c) => c.kind);
    expect(lost).toContain("disable_lost_mode");
    expect(lost).toContain("update_location");
    expect(lost).not.toContain("enable_lost_mode");
    expect(lost).toContain("play_lost_mode_sound");
  });

  it("sends each command as its action, update iOS included", () => {
    const list = commandsFor({ ...base, summary });
    expect(list.map((c) => c.kind)).not.toContain("lock");
    expect(list.map((c) => c.kind)).toContain("update_os");
    expect(list.find((c) => c.kind === "update_os")?.destructive).toBe(false);
    // Offered on unsupervised iPads too: the plan says why they are left out.
    const unsupervised = commandsFor({ ...base, summary: { ...summary, supervised: false } }).map((c) => c.kind);
    expect(unsupervised).toContain("update_os");
    const supervisionUnknown = commandsFor({ ...base, summary: { ...summary, supervised: null } }).map((c) => c.kind);
    expect(supervisionUnknown).toContain("update_os");
    const red = list.filter((c) => c.destructive).map((c) => c.kind);
    expect(red.sort()).toEqual(["clear_passcode", "enable_lost_mode", "erase"]);
  });

  it("offers to log out or delete a user on a Shared iPad only", () => {
    const ids = (sharedIpad: boolean) => commandsFor({ ...base, summary: { ...summary, sharedIpad } }).map((c) => c.kind);
    expect(ids(false)).not.toContain("delete_user");
    expect(ids(false)).not.toContain("log_out_user");
    expect(ids(true)).toEqual(expect.arrayContaining(["log_out_user", "delete_user"]));
  });
});
