/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// Node's process, without @types/node for the whole project.
declare const process: { env: Record<string, string | undefined> };

// Settings Tauri expects: a fixed dev port, WebKit-compatible output, Tauri env vars exposed.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  envPrefix: ["VITE_", "TAURI_ENV_*"],
  build: { target: "safari13", outDir: "dist", emptyOutDir: true },
  // Under Vitest, resolve packages for the browser (the components run in jsdom): "svelte" then
  // gives its client build, whose mount() works, instead of the server one.
  resolve: process.env.VITEST ? { conditions: ["browser"] } : undefined,
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
  },
});
