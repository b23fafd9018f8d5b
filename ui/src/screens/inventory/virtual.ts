// The window of rows a virtualised table renders: only what the viewport shows, plus a few rows
// of overscan above and below, so 50 000 devices cost as much as 30.

export interface VirtualWindow {
  /** First rendered row. */
  start: number;
  /** One past the last rendered row. */
  end: number;
  /** Height of the whole body, for the spacer that gives the scrollbar its size. */
  height: number;
}

/**
 * `scrollTop` and `viewport` are measured in the body's own coordinates (the sticky header's
 * height already taken off the viewport).
 */
export function virtualWindow(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  total: number,
  overscan: number,
): VirtualWindow {
  const height = total * rowHeight;
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0, height: 0 };
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, height - viewport)));
  const first = Math.floor(top / rowHeight);
  const visible = Math.ceil(Math.max(viewport, 0) / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(total, first + visible + overscan);
  return { start, end, height };
}

/** The scrollTop that brings row `index` fully into view, changing as little as possible. */
export function scrollTopToReveal(
  index: number,
  scrollTop: number,
  viewport: number,
  rowHeight: number,
): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewport) return Math.max(0, bottom - viewport);
  return scrollTop;
}

/** The chunks (of `size` consecutive rows) that cover rows `start` to `end` (exclusive). */
export function chunksFor(start: number, end: number, size: number): number[] {
  if (end <= start) return [];
  const out: number[] = [];
  for (let c = Math.floor(start / size); c <= Math.floor((end - 1) / size); c++) out.push(c);
  return out;
}
