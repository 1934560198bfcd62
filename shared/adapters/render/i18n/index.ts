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

export const TIME_ZONE = 'Asia/Jakarta';
const ZONE_SUFFIX: Record<Locale, string> = { id: 'WIB', en: 'WIB' };
const INTL_LOCALE: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const cacheKey = `${locale}:${withTime}`;
  let f = dateTimeFormats.get(cacheKey);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      timeZone: TIME_ZONE,
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short' as const } : {}),
    });
    dateTimeFormats.set(cacheKey, f);
  }
  return f;
}

/** "29 November 2026 pukul 11.59 WIB" / "29 November 2026 at 11:59 WIB" (Asia/Jakarta). */
export function formatDateTime(locale: Locale, date: Date): string {
  return `${dtf(locale, true).format(date)} ${ZONE_SUFFIX[locale]}`;
}

/** "29 November 2026" in Asia/Jakarta. */
export function formatDate(locale: Locale, date: Date): string {
  return dtf(locale, false).format(date);
}

/** "105,3 %" (id) / "105.3%" (en); one decimal at most. */
export function formatPercent(locale: Locale, pct: number): string {
  const n = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 1 }).format(pct);
  return locale === 'id' ? `${n} %` : `${n}%`;
}
