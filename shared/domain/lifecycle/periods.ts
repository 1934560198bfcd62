/**
 * Periodic evaluations (evaluasi kinerja periodik, PermenPAN-RB 6/2022 annex: "PERIODE: TRIWULAN
 * I/II/III/IV-AKHIR"; regional practice also Semester I/II). The period length is a value of the
 * cycle's schedule (`periodicEvaluation`): monthly, quarterly or semester.
 *
 * - semester (the default): Semester I is the MIDYEAR stage the cycle waits on and Semester II the
 *   annual evaluation (FINAL_SCORING), exactly as before; no period runs on its own.
 * - quarterly / monthly: every period (Q1–Q4, M01–M12) runs on its own, in an execution of its own,
 *   opening the day after the period ends, reminding and closing like a stage, without holding the
 *   cycle. The MIDYEAR stage stays the gate the cycle waits on.
 */
import * as z from 'zod';
import { BerakhlakValueSchema } from '../berakhlak';
import { RealisationSchema } from '../evaluate';
import { RatingSchema } from '../ratings';
import type { Bilingual } from '../text';

export const PeriodicEvaluationSchema = z.enum(['semester', 'quarterly', 'monthly']);
export type PeriodicEvaluation = z.infer<typeof PeriodicEvaluationSchema>;

export const PeriodIdSchema = z
  .string()
  .regex(/^(S[12]|Q[1-4]|M(0[1-9]|1[0-2]))$/, 'periode harus S1–S2, Q1–Q4 atau M01–M12 / period must be S1–S2, Q1–Q4 or M01–M12');

export interface PeriodDef {
  periodId: string;
  label: Bilingual;
  /** First and last month of the period (1–12, in the cycle year). */
  fromMonth: number;
  toMonth: number;
  /** The period's evaluation opens at 00:00 WIB on this day (the day after the period ends). */
  opens: { month: number; day: number; nextYear: boolean };
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function def(periodId: string, label: Bilingual, fromMonth: number, toMonth: number): PeriodDef {
  const nextYear = toMonth === 12;
  return { periodId, label, fromMonth, toMonth, opens: { month: nextYear ? 1 : toMonth + 1, day: 1, nextYear } };
}

/** Every period of a year under a policy value, in order. */
export function periodsOf(kind: PeriodicEvaluation): PeriodDef[] {
  switch (kind) {
    case 'semester':
      return [def('S1', { id: 'Semester I', en: 'Semester I' }, 1, 6), def('S2', { id: 'Semester II (Akhir)', en: 'Semester II (final)' }, 7, 12)];
    case 'quarterly':
      return [1, 2, 3, 4].map((q) =>
        def(
          `Q${q}`,
          { id: `Triwulan ${ROMAN[q - 1]}${q === 4 ? ' (Akhir)' : ''}`, en: `Quarter ${ROMAN[q - 1]}${q === 4 ? ' (final)' : ''}` },
          3 * q - 2,
          3 * q,
        ),
      );
    case 'monthly':
      return MONTHS_ID.map((m, i) => def(`M${String(i + 1).padStart(2, '0')}`, { id: `Bulan ${m}`, en: MONTHS_EN[i]! }, i + 1, i + 1));
  }
}

/** The periods that run on their own (an execution each): none under semester, every one otherwise. */
export function separatePeriods(kind: PeriodicEvaluation): PeriodDef[] {
  return kind === 'semester' ? [] : periodsOf(kind);
}

export function periodOf(kind: PeriodicEvaluation, periodId: string): PeriodDef | undefined {
  return periodsOf(kind).find((p) => p.periodId === periodId);
}

/** The period after `periodId` among those that run on their own, if any. */
export function nextSeparatePeriod(kind: PeriodicEvaluation, periodId: string): PeriodDef | undefined {
  const list = separatePeriods(kind);
  const i = list.findIndex((p) => p.periodId === periodId);
  return i < 0 ? undefined : list[i + 1];
}

/** The key of a period's stage-like record (counters, task token): `PERIOD-Q1`. */
export const periodKey = (periodId: string) => `PERIOD-${periodId}`;

/** The name of a period's execution: `<cycleId>-PERIOD-Q1` (deterministic, so starting it twice starts one). */
export const periodExecutionName = (cycleId: string, periodId: string) => `${cycleId}-${periodKey(periodId)}`;

/** Seconds from `now` until the period's evaluation opens (0 when it is already open or late). */
export function secondsUntilPeriodOpens(period: PeriodDef, year: number, now: Date): number {
  const at = Date.UTC(year + (period.opens.nextYear ? 1 : 0), period.opens.month - 1, period.opens.day, -7, 0, 0);
  return Math.max(0, Math.floor((at - now.getTime()) / 1000));
}

/** Evaluation statuses that take part in a period: an approved SKP, not yet rated for the year. */
export const PERIOD_STATUSES = ['SKP_APPROVED', 'MONITORING', 'MIDYEAR_REVIEWED', 'AWAITING_RATING'] as const;

const Comment = z.string().trim().min(1).max(2000);

/** The rater's periodic review: a periodic rating, feedback per RHK and per BerAKHLAK value, coaching notes. */
export const PeriodReviewInputSchema = z.strictObject({
  rating: RatingSchema,
  rhkFeedback: z
    .array(z.strictObject({ rhkId: z.string().min(1).max(64), rating: RatingSchema.optional(), comment: Comment }))
    .max(50)
    .default([]),
  valueFeedback: z
    .array(z.strictObject({ value: BerakhlakValueSchema, rating: RatingSchema.optional(), comment: Comment }))
    .max(7)
    .default([]),
  coachingNotes: z.string().trim().max(4000).optional(),
});
export type PeriodReviewInput = z.infer<typeof PeriodReviewInputSchema>;

/** One period as stored on the evaluation (`periods[periodId]`). */
export const PeriodEntrySchema = z.object({
  periodId: z.string(),
  label: z.object({ id: z.string(), en: z.string() }),
  openedAt: z.string(),
  closedAt: z.string().optional(),
  realisations: z.array(RealisationSchema).optional(),
  realisationsAt: z.string().optional(),
  review: PeriodReviewInputSchema.extend({ by: z.string(), at: z.string() }).optional(),
});
export type PeriodEntry = z.infer<typeof PeriodEntrySchema>;
