// What the inventory remembers while the user looks at a device, so "← Inventaire" brings back
// the same filters, sort, scroll position and focused row.
import type { InventorySort } from "../../lib/bindings";

export const inventoryMemory: {
  /** The inventory's last link, filters included (`#/inventory?cart=Chariot+1`). */
  href: string;
  sort: InventorySort;
  descending: boolean;
  scrollTop: number;
  focusedId: string | null;
} = {
  href: "#/inventory",
  sort: "name",
  descending: false,
  scrollTop: 0,
  focusedId: null,
};
