// What the sections of Réglages share: which card shows "Enregistré" (one at a time), and
// whether a change is being written (the server buttons wait for it). One per page, passed down.

export type SavedSection = "language" | "sync" | "inventory";

export class SaveState {
  /** The card whose last change was saved; null while another change runs. */
  saved = $state<SavedSection | null>(null);
  busy = $state(false);

  /** Runs a change with the server buttons disabled; `section` then says it was saved. */
  run = async (section: SavedSection | null, action: () => Promise<boolean>): Promise<boolean> => {
    this.saved = null;
    this.busy = true;
    const ok = await action();
    this.busy = false;
    if (ok && section) this.saved = section;
    return ok;
  };

  /** Like `run`, but leaves the server buttons alone (a language change). */
  mark = async (section: SavedSection, action: () => Promise<boolean>): Promise<void> => {
    this.saved = null;
    if (await action()) this.saved = section;
  };
}
