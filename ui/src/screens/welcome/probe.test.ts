import { it, expect } from "vitest";
import Welcome from "./Welcome.svelte";
it("mounts", async () => {
  const path = "/node_modules/svelte/src/index-client.js";
  const svelte = (await import(/* @vite-ignore */ path)) as typeof import("svelte");
  const target = document.createElement("div");
  document.body.appendChild(target);
  const c = svelte.mount(Welcome, { target });
  svelte.flushSync();
  expect(target.innerHTML).toContain("Chariot");
  console.log(target.innerHTML);
  svelte.unmount(c);
});
