import { describe, expect, it } from 'vitest';
import { catalogue, formatDate, formatDateTime, formatPercent, placeholdersOf, resolveLocale, t } from '../../../shared/adapters/render/i18n';

describe('message catalogues', () => {
  const idKeys = Object.keys(catalogue.id).sort();
  const enKeys = Object.keys(catalogue.en).sort();

  it('Bahasa Indonesia and English have exactly the same keys', () => {
    expect(enKeys).toEqual(idKeys);
  });

  it('each English message uses the same placeholders as its Indonesian one', () => {
    for (const key of idKeys) {
      const id = catalogue.id[key as keyof typeof catalogue.id];
      const en = catalogue.en[key as keyof typeof catalogue.en] ?? '';
      expect(placeholdersOf(en), key).toEqual(placeholdersOf(id));
    }
  });

  it('has no empty messages and no markup (templates escape everything)', () => {
    for (const [key, value] of [...Object.entries(catalogue.id), ...Object.entries(catalogue.en)]) {
      expect(value?.trim(), key).not.toBe('');
      expect(value, key).not.toMatch(/<[a-z/]/i);
    }
  });

  it('uses the formal register in Indonesian', () => {
    expect(t('id', 'mail.greeting', { name: 'Camat' })).toBe('Yth. Bapak/Ibu Camat,');
    expect(t('id', 'action.approve')).toBe('Setujui');
    expect(t('id', 'action.return')).toBe('Kembalikan');
    expect(t('id', 'page.done.title')).toBe('Keputusan Anda telah dicatat');
    expect(t('id', 'page.confirm.reason')).toContain('Alasan pengembalian');
  });
});

describe('t()', () => {
  it('fills placeholders (repeated ones too) and leaves unknown ones visible', () => {
    expect(t('en', 'page.already.body', { name: 'A', date: 'B', decision: 'approved' })).toBe('Already decided by A on B: approved.');
    expect(t('id', 'rhk.label', { index: 2, jenis: 'Utama' })).toBe('RHK 2 (Utama)');
    // @ts-expect-error — params are required for messages with placeholders
    expect(t('id', 'mail.greeting')).toBe('Yth. Bapak/Ibu {name},');
  });

  it('falls back to Bahasa Indonesia for a key missing in English', () => {
    const en = catalogue.en as Record<string, string | undefined>;
    const saved = en['action.approve'];
    delete en['action.approve'];
    try {
      expect(t('en', 'action.approve')).toBe('Setujui');
    } finally {
      en['action.approve'] = saved;
    }
  });

  it('does not interpret $ patterns in values', () => {
    expect(t('en', 'mail.greeting', { name: "$& $1 $'" })).toBe("Dear $& $1 $',");
  });
});

describe('locale and formatting', () => {
  it('resolves locales, defaulting to id', () => {
    expect(resolveLocale('en-GB')).toBe('en');
    expect(resolveLocale('EN')).toBe('en');
    expect(resolveLocale('id-ID')).toBe('id');
    expect(resolveLocale('fr')).toBe('id');
    expect(resolveLocale(undefined)).toBe('id');
  });

  it('formats dates in Asia/Jakarta (WIB)', () => {
    const d = new Date('2027-01-31T17:30:00Z'); // 1 Feb 00.30 WIB
    expect(formatDateTime('id', d)).toBe('1 Februari 2027 pukul 00.30 WIB');
    expect(formatDateTime('en', d)).toBe('1 February 2027 at 00:30 WIB');
    expect(formatDate('id', d)).toBe('1 Februari 2027');
  });

  it('formats percentages per locale', () => {
    expect(formatPercent('id', 107.84)).toBe('107,8 %');
    expect(formatPercent('en', 107.84)).toBe('107.8%');
  });
});
