/** The survey's calendar (Asia/Jakarta) and the citizen-evidence policy. */
import { describe, expect, it } from 'vitest';
import { dayOf, nextJakartaMidnight, periodOf, previousPeriod, secondsUntilNextDay } from '../../../shared/domain/skm/calendar';
import { CITIZEN_EVIDENCE_POLICY, citizenRating } from '../../../shared/domain/skm/citizen-evidence';

describe('calendar in Asia/Jakarta (UTC+7)', () => {
  it.each([
    ['2026-11-30T16:59:59Z', '2026-11', '2026-11-30'],
    ['2026-11-30T17:00:00Z', '2026-12', '2026-12-01'], // midnight WIB
    ['2026-12-31T17:30:00Z', '2027-01', '2027-01-01'],
  ])('%s is period %s, day %s', (iso, period, day) => {
    expect(periodOf(new Date(iso))).toBe(period);
    expect(dayOf(new Date(iso))).toBe(day);
  });

  it('knows the month before', () => {
    expect(previousPeriod('2027-01')).toBe('2026-12');
    expect(previousPeriod('2026-11')).toBe('2026-10');
  });

  it('counts the seconds to the next WIB midnight for Retry-After', () => {
    expect(nextJakartaMidnight(new Date('2026-11-29T06:00:00Z')).toISOString()).toBe('2026-11-29T17:00:00.000Z');
    expect(secondsUntilNextDay(new Date('2026-11-29T16:59:30Z'))).toBe(30);
    expect(secondsUntilNextDay(new Date('2026-11-29T17:00:00Z'))).toBe(86_400);
    expect(secondsUntilNextDay(new Date('2026-11-29T16:59:59.900Z'))).toBe(1);
  });
});

describe('citizen evidence policy', () => {
  it('uses the staff elements: Kompetensi pelaksana (6) and Perilaku pelaksana (7)', () => {
    expect(CITIZEN_EVIDENCE_POLICY.unsur).toEqual([6, 7]);
  });

  const with67 = (a6: number, a7: number) => [1, 1, 1, 1, 1, a6, a7, 1, 1];
  it.each([
    [4, 4, 'DI_ATAS'],
    [4, 3, 'DI_ATAS'], // mean 3.5 rounds to 4, "sangat baik"
    [3, 3, 'SESUAI'],
    [2, 3, 'SESUAI'], // 2.5 rounds to 3, "baik"
    [1, 4, 'SESUAI'],
    [2, 2, 'DI_BAWAH'],
    [1, 2, 'DI_BAWAH'],
  ])('answers %i and %i → %s, whatever the other elements', (a6, a7, rating) => {
    expect(citizenRating(with67(a6, a7))).toBe(rating);
    expect(citizenRating(with67(a6, a7).map((a, i) => (i === 5 || i === 6 ? a : 4)))).toBe(rating);
  });
});
