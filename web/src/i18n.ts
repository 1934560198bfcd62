/** The message catalogues and the current language: Bahasa Indonesia first, English by the switch (kept per device). */
import { en } from './i18n/en';
import { id, type Messages } from './i18n/id';

export type Locale = 'id' | 'en';
export const CATALOGUES: Record<Locale, Messages> = { id, en };

/** Fills `{name}` placeholders. */
export function fill(text: string, vars: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** The language chosen on this device; Indonesian until someone switches. */
export function initialLocale(stored: string | null): Locale {
  return stored === 'en' ? 'en' : 'id';
}
