// An error in the UI's language: its typed detail worded from the catalogs (the fields fill the
// sentence's placeholders), else the code's explanation. The back end's English message and
// hint are never part of it: they are shown only as technical details, for support.
import type { AppError, ErrorDetail, Lang } from "../bindings";
import { catalogs, format } from "../i18n/index.svelte";
import type { MessageKey } from "../i18n/fr";

export type Described = {
  /** What happened. */
  explain: string;
  /** How to fix it, when the catalog says. */
  hint: string | null;
};

/** The fields of a detail as placeholder values; a refusal is worded in the UI's language. */
export function detailParams(detail: ErrorDetail, lang: Lang): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(detail)) {
    if (name === "kind") continue;
    if (name === "reason") {
      params[name] = value === null ? "" : catalogs[lang][`action.refusal.${value as string}` as MessageKey] ?? "";
    } else {
      params[name] = value === null ? "" : (value as string | number);
    }
  }
  return params;
}

export function describeError(error: AppError, lang: Lang): Described {
  const catalog = catalogs[lang] as Record<string, string>;
  const detail = error.detail ?? null;
  if (detail !== null && `error.detail.${detail.kind}` in catalog) {
    const params = detailParams(detail, lang);
    const hint = catalog[`error.detailHint.${detail.kind}`];
    return {
      explain: format(catalog[`error.detail.${detail.kind}`]!, params).trim(),
      hint: hint === undefined ? null : format(hint, params),
    };
  }
  return { explain: catalog[`error.explain.${error.code}`] ?? error.message, hint: null };
}
