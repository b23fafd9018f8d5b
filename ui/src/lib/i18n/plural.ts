// "1 ligne", "3 lignes": a message pair `<base>.one` / `<base>.other` chosen by the language's
// own plural rule (French says « 0 appareil », English "0 devices"), the count formatted.
import type { Lang } from "../bindings";
import type { MessageKey } from "./fr";

/** Every `base` for which the catalog has both `base.one` and `base.other`. */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer B}.one` ? (`${B}.other` extends MessageKey ? B : never) : never;
}[MessageKey];

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function plural(
  base: PluralBase,
  count: number,
  lang: Lang,
  t: Translate,
  params: Record<string, string | number> = {},
): string {
  const form = new Intl.PluralRules(lang).select(count) === "one" ? "one" : "other";
  return t(`${base}.${form}` as MessageKey, { ...params, count: new Intl.NumberFormat(lang).format(count) });
}
