// Messages of this area, French and English (same keys; checked by catalogs.test.ts).
// Merged into the app's catalogs by lib/i18n/fr.ts and en.ts.
export const fr = {
} as const;

export const en: { readonly [K in keyof typeof fr]: string } = {
};
