// The current UI language and the translation function. Reactive: components that call t()
// re-render when the language changes.
import type { Lang } from "../bindings";
import { en } from "./en";
import { fr, type MessageKey, type Messages } from "./fr";

const catalogs: Record<Lang, Messages> = { fr, en };

const state = $state<{ lang: Lang }>({ lang: "fr" });

export function currentLang(): Lang {
  return state.lang;
}

export function setLang(lang: Lang): void {
  state.lang = lang;
  document.documentElement.lang = lang;
}

/** Looks a message up in the current catalog and fills its `{name}` placeholders. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return format(catalogs[state.lang][key], params);
}

export function format(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export { catalogs };
