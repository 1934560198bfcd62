import { messagesEn } from './messages-en';
import { messagesId } from './messages-id';
import { DEFAULT_LOCALE, type Locale, type MessageArgs, type MessageKey } from './types';

export type { Locale, MessageArgs, MessageKey, MessageParams } from './types';
export { DEFAULT_LOCALE, LOCALES } from './types';

const catalogues: Record<Locale, Partial<Record<MessageKey, string>>> = {
  id: messagesId,
  en: messagesEn,
};

/** Both catalogues, for tests and tooling (parity checks). */
export const catalogue = { id: messagesId as Record<MessageKey, string>, en: messagesEn } as const;

/** Parses a user or configuration supplied locale ('en', 'en-US', 'ID' …); anything else → 'id'. */
export function resolveLocale(input: string | null | undefined): Locale {
  const base = (input ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return base === 'en' ? 'en' : DEFAULT_LOCALE;
}

/**
 * Looks up a plain-text message and fills `{placeholders}`. Falls back to
 * Bahasa Indonesia when the key is missing in the requested locale. The result
 * is NOT HTML-escaped: templates escape it when they interpolate it.
 */
export function t<K extends MessageKey>(locale: Locale, key: K, ...args: MessageArgs<K>): string {
  const template = catalogues[locale]?.[key] ?? messagesId[key];
  const params = (args[0] ?? {}) as Record<string, string | number>;
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Placeholder names used by a message string (for parity tests). */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] as string).sort();
}

export {
  formatCsvDateTime,
  formatCsvNumber,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatMonth,
  formatNumber,
  formatPercent,
  INTL_LOCALE,
  TIME_ZONE,
} from './format';
