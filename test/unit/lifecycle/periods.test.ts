/** Periodic evaluations by policy (shared/domain/lifecycle/periods.ts) and a period's daily check. */
import { describe, expect, it } from 'vitest';
import {
  nextSeparatePeriod,
  PeriodIdSchema,
  PeriodReviewInputSchema,
  periodExecutionName,
  periodsOf,
  secondsUntilPeriodOpens,
  separatePeriods,
} from '../../../shared/domain/lifecycle/periods';
import { DEFAULT_SCHEDULE, periodDeadlineAction, periodicEvaluationOf } from '../../../shared/domain/lifecycle/schedule';

describe('periods by policy', () => {
  it('semester is the default and runs no period on its own: the mid-year stage and the annual evaluation are its two', () => {
    expect(periodicEvaluationOf(DEFAULT_SCHEDULE)).toBe('semester');
    expect(periodsOf('semester').map((p) => p.label.id)).toEqual(['Semester I', 'Semester II (Akhir)']);
    expect(separatePeriods('semester')).toEqual([]);
  });

  it('quarterly: Triwulan I–IV (the annex\'s "TRIWULAN I/II/III/IV-AKHIR"), each opening the day after it ends', () => {
    const q = periodsOf('quarterly');
    expect(q.map((p) => [p.periodId, p.label.id, p.fromMonth, p.toMonth])).toEqual([
      ['Q1', 'Triwulan I', 1, 3],
      ['Q2', 'Triwulan II', 4, 6],
      ['Q3', 'Triwulan III', 7, 9],
      ['Q4', 'Triwulan IV (Akhir)', 10, 12],
    ]);
    expect(q.map((p) => p.opens)).toEqual([
      { month: 4, day: 1, nextYear: false },
      { month: 7, day: 1, nextYear: false },
      { month: 10, day: 1, nextYear: false },
      { month: 1, day: 1, nextYear: true },
    ]);
    expect(separatePeriods('quarterly')).toEqual(q);
  });

  it('monthly: twelve periods M01–M12, each a valid period id', () => {
    const m = periodsOf('monthly');
    expect(m).toHaveLength(12);
    expect(m.map((p) => p.periodId)).toEqual(Array.from({ length: 12 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`));
    for (const p of m) expect(PeriodIdSchema.parse(p.periodId)).toBe(p.periodId);
    expect(m[11]!.opens).toEqual({ month: 1, day: 1, nextYear: true });
  });

  it('chains the periods: each names the next, the last none', () => {
    expect(nextSeparatePeriod('quarterly', 'Q1')?.periodId).toBe('Q2');
    expect(nextSeparatePeriod('quarterly', 'Q4')).toBeUndefined();
    expect(nextSeparatePeriod('monthly', 'M11')?.periodId).toBe('M12');
    expect(nextSeparatePeriod('semester', 'S1')).toBeUndefined();
  });

  it("names one execution per period, within Step Functions' 80-character names", () => {
    const name = periodExecutionName('kec-asemrowo-2026', 'Q1');
    expect(name).toBe('kec-asemrowo-2026-PERIOD-Q1');
    expect(name.length).toBeLessThanOrEqual(80);
  });

  it('waits until 00:00 WIB of the opening day; a period already due opens at once', () => {
    const q1 = periodsOf('quarterly')[0]!;
    // 1 April 2026 00:00 WIB = 31 March 17:00 UTC.
    expect(secondsUntilPeriodOpens(q1, 2026, new Date('2026-03-31T16:00:00Z'))).toBe(3600);
    expect(secondsUntilPeriodOpens(q1, 2026, new Date('2026-05-01T00:00:00Z'))).toBe(0);
    // Each period's execution waits at most about four months (from the previous period's close), far below one year.
    const q4 = periodsOf('quarterly')[3]!;
    expect(secondsUntilPeriodOpens(q4, 2026, new Date('2026-10-15T00:00:00Z'))).toBeLessThan(100 * 86_400);
  });

  it.each([
    [1, 3, 'await'],
    [7, 3, 'remind'],
    [8, 3, 'await'],
    [14, 3, 'close'], // the deadline ends the period with the reviews it has: it never escalates nor fails the cycle
    [40, 3, 'close'],
    [2, 0, 'close'], // every review in
  ] as const)('day %i with %i pending → %s', (day, pending, action) => {
    expect(periodDeadlineAction({ reminderDay: 7, deadlineDay: 14, lastDay: 30 }, day, pending)).toBe(action);
  });

  it('a review needs a rating; feedback per RHK and value and coaching notes are optional, unknown fields refused', () => {
    expect(PeriodReviewInputSchema.parse({ rating: 'SESUAI' })).toEqual({ rating: 'SESUAI', rhkFeedback: [], valueFeedback: [] });
    expect(PeriodReviewInputSchema.safeParse({}).success).toBe(false);
    expect(PeriodReviewInputSchema.safeParse({ rating: 'SESUAI', valueFeedback: [{ value: 'JUJUR', comment: 'x' }] }).success).toBe(false);
    expect(PeriodReviewInputSchema.safeParse({ rating: 'SESUAI', extra: 1 }).success).toBe(false);
  });
});
