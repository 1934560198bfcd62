/**
 * The one place numbers and dates become text for people: pages, emails, CSV, reports and error messages.
 * Bahasa Indonesia writes `id-ID` (decimal comma, "29 November 2026 pukul 11.59 WIB"); English `en-GB`.
 * Every date is shown in Asia/Jakarta (WIB). Never show a raw ISO timestamp or `x.toFixed()` to a person:
 * use these.
 */
import type { Locale } from './types';

export const TIME_ZONE = 'Asia/Jakarta';
const ZONE_SUFFIX: Record<Locale, string> = { id: 'WIB', en: 'WIB' };
export const INTL_LOCALE: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

function nf(locale: Locale, min: number, max: number, grouping: boolean): Intl.NumberFormat {
  return cached(
    `n:${locale}:${min}:${max}:${grouping}`,
    () => new Intl.NumberFormat(INTL_LOCALE[locale], { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: grouping }),
  );
}

/**
 * A number as people of that language write it: "1.234,5" (id) / "1,234.5" (en). At most
 * `maxFractionDigits` decimals (default 0), trailing zeros dropped.
 */
export function formatNumber(locale: Locale, n: number, maxFractionDigits = 0): string {
  return nf(locale, 0, maxFractionDigits, true).format(n);
}

/** Exactly `digits` decimals: `formatDecimal('id', 3.1, 2)` → "3,10" (NRR, IKM). */
export function formatDecimal(locale: Locale, n: number, digits = 2): string {
  return nf(locale, digits, digits, true).format(n);
}

/**
 * A number for a CSV cell: no thousands separator (spreadsheets would read "1.234" as 1.234), the
 * language's decimal mark ("88,93" in id, "88.93" in en), at most `maxFractionDigits` decimals.
 */
export function formatCsvNumber(locale: Locale, n: number, maxFractionDigits = 2): string {
  return nf(locale, 0, maxFractionDigits, false).format(n);
}

/** "105,3 %" (id) / "105.3%" (en); one decimal at most. */
export function formatPercent(locale: Locale, pct: number, maxFractionDigits = 1): string {
  const n = formatNumber(locale, pct, maxFractionDigits);
  return locale === 'id' ? `${n} %` : `${n}%`;
}

function dtf(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  return cached(
    `d:${locale}:${withTime}`,
    () =>
      new Intl.DateTimeFormat(INTL_LOCALE[locale], {
        timeZone: TIME_ZONE,
        dateStyle: 'long',
        ...(withTime ? { timeStyle: 'short' as const } : {}),
      }),
  );
}

const toDate = (d: Date | string): Date | undefined => {
  const date = typeof d === 'string' ? new Date(d) : d;
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/** "29 November 2026 pukul 11.59 WIB" / "29 November 2026 at 11:59 WIB" (Asia/Jakarta). Accepts an ISO string. */
export function formatDateTime(locale: Locale, date: Date | string): string {
  const d = toDate(date);
  return d ? `${dtf(locale, true).format(d)} ${ZONE_SUFFIX[locale]}` : String(date);
}

/**
 * "29 November 2026" in Asia/Jakarta. A calendar day given as `YYYY-MM-DD` is that day (not shifted by
 * the zone); an instant is its day in WIB.
 */
export function formatDate(locale: Locale, date: Date | string): string {
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    // noon UTC is the same calendar day in WIB (UTC+7)
    return dtf(locale, false).format(new Date(`${date}T12:00:00Z`));
  }
  const d = toDate(date);
  return d ? dtf(locale, false).format(d) : String(date);
}

/**
 * "2027-01-10 10:15" in Asia/Jakarta: the one date-time form for CSV cells (Excel and LibreOffice in any
 * region read it as a date and time; the header says WIB).
 */
export function formatCsvDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = toDate(iso);
  if (!d) return iso;
  const wib = new Date(d.getTime() + 7 * 3600_000); // WIB is UTC+7 all year (no daylight saving)
  return wib.toISOString().slice(0, 16).replace('T', ' ');
}

/** "Juli 2026" / "July 2026" for a `YYYY-MM` period. */
export function formatMonth(locale: Locale, period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  return cached(`m:${locale}`, () => new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: 'UTC', month: 'long', year: 'numeric' })).format(
    new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15)),
  );
}
