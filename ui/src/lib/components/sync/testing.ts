// Mounting components in vitest. The test config resolves `svelte` with Node's conditions, which
// picks its server build (where mount() throws); the client build is loaded by path instead.
// The components themselves are compiled for the client and share the same runtime modules.
// (Adding `resolve: { conditions: ["browser"] }` for VITEST in vite.config.ts would make this
// file unnecessary.)
import type { Component } from "svelte";

type Svelte = typeof import("svelte");

const CLIENT = "/node_modules/svelte/src/index-client.js";
let client: Promise<Svelte> | null = null;

function svelte(): Promise<Svelte> {
  client ??= import(/* @vite-ignore */ CLIENT) as Promise<Svelte>;
  return client;
}

export interface Mounted {
  target: HTMLElement;
  /** Applies pending state changes to the DOM. */
  flush(): void;
  unmount(): void;
}

const mounted: Mounted[] = [];

export async function render<Props extends Record<string, unknown>>(
  component: Component<Props>,
  props?: Props,
): Promise<Mounted> {
  const s = await svelte();
  const target = document.createElement("div");
  document.body.appendChild(target);
  const instance = s.mount(component, { target, props: props ?? ({} as Props) });
  s.flushSync();
  const m: Mounted = {
    target,
    flush: () => s.flushSync(),
    unmount: () => {
      void s.unmount(instance);
      target.remove();
    },
  };
  mounted.push(m);
  return m;
}

/** Unmounts everything render() mounted (call it in afterEach). */
export function cleanup(): void {
  for (const m of mounted.splice(0)) m.unmount();
}

/** Lets pending promises (mocked IPC answers, events) settle, then updates the DOM. */
export async function settle(m: Mounted, rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setTimeout(r, 0));
    m.flush();
  }
}

/** Types into an input like a user: sets the value and fires `input`. */
export function type(el: Element | null, value: string): void {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement)) {
    throw new Error(`not an input: ${String(el)}`);
  }
  el.value = value;
  el.dispatchEvent(new Event("input", { bubbles: true }));
  el.dispatchEvent(new Event("change", { bubbles: true }));
}

export function byTestId(root: ParentNode, id: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no element with data-testid=${id}`);
  return el;
}
