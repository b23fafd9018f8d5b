// Mounting components in the component tests (jsdom). Under Vitest, vite.config.ts resolves
// packages with the "browser" condition, so "svelte" is its client build, as in the app.
import { flushSync, mount, unmount, type Component } from "svelte";

export interface Mounted {
  target: HTMLElement;
  /** Applies pending state changes to the DOM. */
  flush(): void;
  unmount(): void;
}

const mounted = new Set<Mounted>();

/** Mounts `component` into a fresh element of the document and renders it. */
export function render<Props extends Record<string, unknown>>(
  component: Component<Props>,
  props?: Props,
): Mounted {
  const target = document.createElement("div");
  document.body.appendChild(target);
  const instance = mount(component, { target, props: props ?? ({} as Props) });
  flushSync();
  const m: Mounted = {
    target,
    flush: () => flushSync(),
    unmount: () => {
      if (!mounted.delete(m)) return;
      void unmount(instance);
      target.remove();
    },
  };
  mounted.add(m);
  return m;
}

/** Unmounts everything render() mounted (call it in afterEach). */
export function cleanup(): void {
  for (const m of [...mounted]) m.unmount();
}

/** Lets pending promises (mocked IPC answers, events) settle, then updates the DOM. */
export async function settle(m: Mounted, rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setTimeout(r, 0));
    m.flush();
  }
}
