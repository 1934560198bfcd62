import { describe, expect, it } from 'vitest';
import {
  formatCsvDateTime,
  formatCsvNumber,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatMonth,
  formatNumber,
  formatPercent,
} from '../../../shared/adapters/render/i18n';

describe('formatting for people (one module: shared/adapters/render/i18n/format.ts)', () => {
  it('writes decimals with a comma in Indonesian and a point in English', () => {
    expect(formatNumber('id', 1234.567, 2)).toBe('1.234,57');
    expect(formatNumber('en', 1234.567, 2)).toBe('1,234.57');
    expect(formatNumber('id', 0.9, 2)).toBe('0,9');
    expect(formatDecimal('id', 3.1666666666666665, 2)).toBe('3,17');
    expect(formatDecimal('en', 3.1, 2)).toBe('3.10');
    expect(formatPercent('id', 123.75)).toBe('123,8 %');
    expect(formatPercent('en', 123.75)).toBe('123.8%');
  });

  it('CSV numbers have no grouping (a spreadsheet would read 1.234 as one point two)', () => {
    expect(formatCsvNumber('id', 1234.5)).toBe('1234,5');
    expect(formatCsvNumber('en', 1234.5)).toBe('1234.5');
  });

  it('dates in Asia/Jakarta, a calendar day stays that day, no raw ISO', () => {
    expect(formatDateTime('id', '2026-11-29T04:59:00Z')).toBe('29 November 2026 pukul 11.59 WIB');
    expect(formatDateTime('en', new Date('2026-11-29T04:59:00Z'))).toBe('29 November 2026 at 11:59 WIB');
    expect(formatDate('id', '2027-03-02')).toBe('2 Maret 2027');
    expect(formatDate('id', '2026-12-31T20:00:00Z')).toBe('1 Januari 2027');
    expect(formatCsvDateTime('2027-01-10T03:15:00Z')).toBe('2027-01-10 10:15');
    expect(formatMonth('id', '2026-07')).toBe('Juli 2026');
    expect(formatMonth('en', '2026-07')).toBe('July 2026');
  });
});
