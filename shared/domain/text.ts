/**
 * Every sentence the engine shows a person comes in Bahasa Indonesia (`id`, the language of the
 * regulation and of HR) and English (`en`), so an HR officer and an auditor read the same thing.
 */
export type Bilingual = { id: string; en: string };

/** Rounds half away from zero, after removing binary noise (1.005 → 1.01; 0.11 / 0.1 × 100 → 110),
 *  so the figure HR sees is exactly the figure the rules compared. */
export function roundHalfUp(x: number, decimals = 2): number {
  const f = 10 ** decimals;
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  return (Math.sign(x) * Math.round(scaled)) / f + 0; // `+ 0` turns −0 into 0
}

/** A number as HR reads it: Indonesian uses a decimal comma ("37,5"), English a point. */
export function formatNumber(x: number, lang: keyof Bilingual): string {
  const s = String(roundHalfUp(x, 2));
  return lang === 'id' ? s.replace('.', ',') : s;
}

export function formatPercent(x: number, lang: keyof Bilingual): string {
  return `${formatNumber(x, lang)}%`;
}

/**
 * An instant as people read it, in Asia/Jakarta: "29 November 2026 pukul 11.59 WIB" / "29 November 2026 at
 * 11:59 WIB" (for messages the use cases write; pages and emails use shared/adapters/render/i18n/format.ts).
 */
export function formatInstant(iso: string | Date, lang: keyof Bilingual): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return String(iso);
  const text = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { timeZone: 'Asia/Jakarta', dateStyle: 'long', timeStyle: 'short' }).format(d);
  return `${text} WIB`;
}
