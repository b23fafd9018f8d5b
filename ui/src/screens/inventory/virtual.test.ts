import { describe, expect, it } from "vitest";
import { chunksFor, scrollTopToReveal, virtualWindow } from "./virtual";

describe("virtual window", () => {
  it("renders only the rows in view plus the overscan", () => {
    expect(virtualWindow(0, 320, 32, 50_000, 5)).toEqual({ start: 0, end: 16, height: 1_600_000 });
    const w = virtualWindow(32 * 1000, 320, 32, 50_000, 5);
    expect(w.start).toBe(995);
    expect(w.end).toBe(1016);
    expect(w.end - w.start).toBeLessThan(30);
  });

  it("stays inside the list at both ends", () => {
    expect(virtualWindow(10_000_000, 320, 32, 50_000, 5).end).toBe(50_000);
    expect(virtualWindow(-50, 320, 32, 10, 5)).toEqual({ start: 0, end: 10, height: 320 });
    expect(virtualWindow(0, 320, 32, 0, 5)).toEqual({ start: 0, end: 0, height: 0 });
  });

  it("scrolls as little as needed to reveal a row", () => {
    expect(scrollTopToReveal(5, 0, 320, 32)).toBe(0);
    expect(scrollTopToReveal(10, 0, 320, 32)).toBe(32);
    expect(scrollTopToReveal(2, 320, 320, 32)).toBe(64);
  });

  it("names the chunks of rows to fetch", () => {
    expect(chunksFor(0, 20, 100)).toEqual([0]);
    expect(chunksFor(95, 130, 100)).toEqual([0, 1]);
    expect(chunksFor(30_000, 30_020, 100)).toEqual([300]);
    expect(chunksFor(5, 5, 100)).toEqual([]);
  });
});
