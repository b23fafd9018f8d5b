// The rows of the current inventory result, fetched by chunks of consecutive ids as the table
// scrolls to them and cached by id. A new query drops the cache; late answers of an older
// query are ignored.
import type { InventoryRow } from "../../lib/bindings";
import { chunksFor } from "./virtual";

export const CHUNK_SIZE = 100;

export class RowStore {
  #ids: readonly string[] = [];
  #rows = new Map<string, InventoryRow>();
  #chunks = new Map<number, "loading" | "done">();
  #generation = 0;
  /** Bumped when rows arrive, so readers re-render. */
  #version = $state(0);

  readonly fetchRows: (ids: string[]) => Promise<InventoryRow[]>;
  readonly onError: (error: unknown) => void;
  readonly chunkSize: number;

  constructor(
    fetchRows: (ids: string[]) => Promise<InventoryRow[]>,
    onError: (error: unknown) => void,
    chunkSize = CHUNK_SIZE,
  ) {
    this.fetchRows = fetchRows;
    this.onError = onError;
    this.chunkSize = chunkSize;
  }

  /** Starts over for a new result: its ids in display order and the rows it came with. */
  reset(ids: readonly string[], firstRows: readonly InventoryRow[]): void {
    this.#generation++;
    this.#ids = ids;
    this.#rows = new Map(firstRows.map((r) => [r.id, r]));
    this.#chunks = new Map();
    // Chunks the first rows already cover need no request.
    for (let c = 0; c * this.chunkSize < ids.length; c++) {
      const slice = ids.slice(c * this.chunkSize, (c + 1) * this.chunkSize);
      if (slice.every((id) => this.#rows.has(id))) this.#chunks.set(c, "done");
      else break;
    }
    this.#version++;
  }

  get(id: string): InventoryRow | undefined {
    void this.#version;
    return this.#rows.get(id);
  }

  /** How many rows are cached (for tests and diagnostics). */
  get size(): number {
    void this.#version;
    return this.#rows.size;
  }

  /** Fetches the chunks covering rows `start` to `end` (exclusive) that are not cached yet. */
  ensure(start: number, end: number): void {
    for (const c of chunksFor(start, Math.min(end, this.#ids.length), this.chunkSize)) {
      if (!this.#chunks.has(c)) void this.#load(c);
    }
  }

  async #load(chunk: number): Promise<void> {
    const generation = this.#generation;
    const wanted = this.#ids
      .slice(chunk * this.chunkSize, (chunk + 1) * this.chunkSize)
      .filter((id) => !this.#rows.has(id));
    if (wanted.length === 0) {
      this.#chunks.set(chunk, "done");
      return;
    }
    this.#chunks.set(chunk, "loading");
    try {
      const rows = await this.fetchRows(wanted);
      if (generation !== this.#generation) return;
      for (const row of rows) this.#rows.set(row.id, row);
      this.#chunks.set(chunk, "done");
      this.#version++;
    } catch (e) {
      if (generation !== this.#generation) return;
      // Forget the chunk so that scrolling to it again retries.
      this.#chunks.delete(chunk);
      this.onError(e);
    }
  }
}
