// The inventory's query: the back end answers with the ordered ids of every match and the first
// rows; the rest come on demand through the row store. Only the latest query's answer counts.
import type { InventoryRequest, InventoryResult } from "../../lib/bindings";
import { api } from "../../lib/api";
import { showError } from "../../lib/app.svelte";
import { RowStore } from "./rowStore.svelte";

/** The first answer of the screen, one for other filters or sort, or the same query again. */
export type AnswerKind = "first" | "new" | "same";

export class InventoryQuery {
  result = $state.raw<InventoryResult | null>(null);
  loading = $state(false);
  readonly store = new RowStore((ids) => api.inventoryRows(ids), showError);

  #seq = 0;
  #lastKey = "";
  #answered = false;
  readonly #onAnswer: (answer: InventoryResult, kind: AnswerKind) => void;

  /** `onAnswer` runs once an answer is shown, so the screen can reset or restore its place. */
  constructor(onAnswer: (answer: InventoryResult, kind: AnswerKind) => void) {
    this.#onAnswer = onAnswer;
  }

  async run(request: InventoryRequest): Promise<void> {
    const mine = ++this.#seq;
    const key = JSON.stringify(request);
    const newQuery = key !== this.#lastKey;
    this.loading = true;
    try {
      const answer = await api.inventoryQuery(request);
      // A later keystroke or filter already asked again: this answer is stale.
      if (mine !== this.#seq) return;
      this.store.reset(answer.ids, answer.rows);
      this.result = answer;
      this.#lastKey = key;
      const kind: AnswerKind = !this.#answered ? "first" : newQuery ? "new" : "same";
      this.#answered = true;
      this.#onAnswer(answer, kind);
    } catch (e) {
      if (mine === this.#seq) showError(e);
    } finally {
      if (mine === this.#seq) this.loading = false;
    }
  }
}
