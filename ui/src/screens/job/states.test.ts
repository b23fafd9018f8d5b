import { afterEach, describe, expect, it, vi } from "vitest";
import type { JobCounts, JobTarget } from "../../lib/bindings";
import { actionParams } from "./params";
import { BUCKETS, bucketOf, filterTargets, segments } from "./states";
import { throttle } from "./throttle";

const counts = (c: Partial<JobCounts>): JobCounts => ({
  notSent: 0, waiting: 0, notNow: 0, done: 0, failed: 0, unknown: 0, refused: 0, ...c,
});

describe("job states", () => {
  it("groups the device states as the back end counts them", () => {
    expect(bucketOf("submitted")).toBe("waiting");
    expect(bucketOf("pending")).toBe("waiting");
    expect(bucketOf("not_now")).toBe("notNow");
    expect(bucketOf("not_sent")).toBe("notSent");
    expect(bucketOf("unknown")).toBe("unknown");
    expect(BUCKETS).toHaveLength(7);
  });

  it("filters the devices of one group", () => {
    const target = (deviceId: string, state: JobTarget["state"]): JobTarget => ({
      deviceId, deviceName: deviceId, state, error: null, updatedAt: "2026-11-22T08:00:00Z",
    });
    const all = [target("a", "pending"), target("b", "done"), target("c", "submitted")];
    expect(filterTargets(all, "waiting").map((t) => t.deviceId)).toEqual(["a", "c"]);
    expect(filterTargets(all, null)).toHaveLength(3);
  });

  it("splits the bar by the counts, empty groups left out", () => {
    expect(segments(counts({}))).toEqual([]);
    expect(segments(counts({ done: 3, failed: 1 }))).toEqual([
      { bucket: "done", count: 3, percent: 75 },
      { bucket: "failed", count: 1, percent: 25 },
    ]);
  });

  it("lists the parameters the user chose", () => {
    expect(actionParams({ kind: "restart" })).toEqual([]);
    expect(
      actionParams({ kind: "enableLostMode", message: "Rapportez-le", phone: "", footnote: "", alwaysEnforce: true }),
    ).toEqual([
      { label: "job.param.message", value: "Rapportez-le" },
      { label: "job.param.alwaysEnforce", value: true },
    ]);
    // The iOS update: the version chosen (in words, or the one typed) and how it installs.
    expect(
      actionParams({ kind: "updateOs", install: "download_install_restart", version: "latest_minor", specificVersion: "" }),
    ).toEqual([
      { label: "job.param.osVersion", value: { key: "job.param.osVersion.latest_minor" } },
      { label: "job.param.osInstall", value: { key: "job.param.osInstall.download_install_restart" } },
    ]);
    expect(
      actionParams({ kind: "updateOs", install: "download_only", version: "specific", specificVersion: "18.6.2" }),
    ).toEqual([
      { label: "job.param.osVersion", value: "18.6.2" },
      { label: "job.param.osInstall", value: { key: "job.param.osInstall.download_only" } },
    ]);
  });
});

describe("throttle", () => {
  afterEach(() => vi.useRealTimers());

  it("runs at once, then at most once per interval, never losing the last request", () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const th = throttle(fn, 500);
    th.call();
    expect(fn).toHaveBeenCalledTimes(1);
    th.call();
    th.call();
    th.call();
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(499);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(2000);
    expect(fn).toHaveBeenCalledTimes(2);
    th.call();
    expect(fn).toHaveBeenCalledTimes(3);
    th.call();
    th.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(3);
  });
});
