/**
 * When each stage opens and how long people have, as configurable, versioned policy (a cycle stores
 * the schedule it ran under). Deadlines count in stage-clock days ("ticks"): the await step times out
 * once a day and the deadline check runs, so the same numbers hold in AWS and, compressed, locally.
 */
import * as z from 'zod';
import { type PeriodicEvaluation, PeriodicEvaluationSchema } from './periods';
import type { Stage } from './status';

export const StageWindowSchema = z.object({
  /** Month (1–12) and day the stage opens, in the cycle year (or the next year with nextYear). */
  opens: z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31), nextYear: z.boolean().default(false) }).optional(),
  reminderDay: z.number().int().min(1),
  deadlineDay: z.number().int().min(1),
  /** After the deadline, escalation runs; after this day the stage is overdue and fails loudly. */
  lastDay: z.number().int().min(1),
  /** Stages that last a fixed window whatever happens (the objection window). */
  fixedWindowDays: z.number().int().min(1).optional(),
});
export type StageWindow = z.infer<typeof StageWindowSchema>;

export const CycleScheduleSchema = z.object({
  id: z.string(),
  legalSource: z.string(),
  windows: z.record(z.string(), StageWindowSchema),
  /** Length of the periodic evaluations (periods.ts); absent = semester, the mid-year stage only. */
  periodicEvaluation: PeriodicEvaluationSchema.optional(),
  /** Reminder, deadline and last day of each period that runs on its own (its opening day is the period's). */
  periodWindow: StageWindowSchema.optional(),
});
export type CycleSchedule = z.infer<typeof CycleScheduleSchema>;

/** Default: PermenPAN-RB 6/2022 timings; objection window per PP 30/2019 Ps. 59 (14 days). */
export const DEFAULT_SCHEDULE: CycleSchedule = {
  id: 'jadwal-permenpanrb-6-2022/v1',
  legalSource: 'PermenPAN-RB 6/2022 Bab IV–VI; PP 30/2019 Ps. 59 (keberatan 14 hari)',
  windows: {
    PLANNING: { opens: { month: 1, day: 2, nextYear: false }, reminderDay: 14, deadlineDay: 29, lastDay: 60 },
    MIDYEAR: { opens: { month: 7, day: 1, nextYear: false }, reminderDay: 10, deadlineDay: 21, lastDay: 45 },
    FINAL_SCORING: { opens: { month: 1, day: 2, nextYear: true }, reminderDay: 10, deadlineDay: 21, lastDay: 45 },
    CALIBRATION: { reminderDay: 5, deadlineDay: 10, lastDay: 30 },
    APPROVAL: { reminderDay: 7, deadlineDay: 14, lastDay: 30 },
    OBJECTION: { reminderDay: 10, deadlineDay: 14, lastDay: 30, fixedWindowDays: 14 },
    FOLLOW_UP: { reminderDay: 5, deadlineDay: 10, lastDay: 30 },
  },
};

/** The window of a period that runs on its own, when the schedule does not set one. */
export const DEFAULT_PERIOD_WINDOW: StageWindow = { reminderDay: 7, deadlineDay: 14, lastDay: 30 };

export const periodicEvaluationOf = (schedule: Pick<CycleSchedule, 'periodicEvaluation'>): PeriodicEvaluation => schedule.periodicEvaluation ?? 'semester';
export const periodWindowOf = (schedule: Pick<CycleSchedule, 'periodWindow'>): StageWindow => schedule.periodWindow ?? DEFAULT_PERIOD_WINDOW;

export function windowOf(schedule: CycleSchedule, stage: Stage): StageWindow {
  const w = schedule.windows[stage];
  if (!w) throw new Error(`Schedule ${schedule.id} has no window for stage ${stage}`);
  return w;
}

/** Seconds from `now` until the stage opens (0 if it opens on the previous stage's heels or is late). */
export function secondsUntilOpen(schedule: CycleSchedule, stage: Stage, year: number, now: Date): number {
  const opens = windowOf(schedule, stage).opens;
  if (!opens) return 0;
  // 00:00 WIB (UTC+7) on the opening day.
  const at = Date.UTC(year + (opens.nextYear ? 1 : 0), opens.month - 1, opens.day, -7, 0, 0);
  return Math.max(0, Math.floor((at - now.getTime()) / 1000));
}

export type DeadlineAction = 'await' | 'remind' | 'escalate' | 'close' | 'overdue';

/** What the daily check does on a given day of the stage. Pure, so it is tested by table. */
export function deadlineAction(window: StageWindow, day: number, pending: number): DeadlineAction {
  if (window.fixedWindowDays !== undefined) {
    if (day >= window.fixedWindowDays && pending === 0) return 'close';
  } else if (pending === 0) {
    return 'close';
  }
  if (day > window.lastDay) return 'overdue';
  if (day === window.deadlineDay) return 'escalate';
  if (day === window.reminderDay) return 'remind';
  return 'await';
}

/** 00:00 WIB on the day a stage of `year`'s cycle opens (stages without a fixed opening: undefined). */
export function stageOpensAt(schedule: CycleSchedule, stage: Stage, year: number): Date | undefined {
  const opens = windowOf(schedule, stage).opens;
  return opens ? new Date(Date.UTC(year + (opens.nextYear ? 1 : 0), opens.month - 1, opens.day, -7, 0, 0)) : undefined;
}

/**
 * The years whose cycle can still run when created at `now`: planning has not closed yet (its opening
 * plus `lastDay` stage-days), and it opens at most a year ahead (HR may create next year's cycle early).
 * A cycle outside these would open a planning stage that is already overdue, or wait more than a year.
 */
export function creatableCycleYears(schedule: CycleSchedule, now: Date): number[] {
  const DAY = 86_400_000;
  const planning = windowOf(schedule, 'PLANNING');
  const thisYear = now.getUTCFullYear();
  const years: number[] = [];
  for (let y = thisYear - 1; y <= thisYear + 2; y++) {
    const opens = stageOpensAt(schedule, 'PLANNING', y);
    if (!opens) continue;
    const closes = opens.getTime() + planning.lastDay * DAY;
    const tooLate = now.getTime() > closes;
    const tooEarly = opens.getTime() - now.getTime() > 366 * DAY;
    if (!tooLate && !tooEarly) years.push(y);
  }
  return years;
}

/**
 * A period's daily check: it closes when every review is in or on its deadline day with the reviews it
 * has (a period never holds the cycle nor fails it: nothing waits on it, so there is no escalation
 * and no overdue), and reminds the raters on its reminder day.
 */
export function periodDeadlineAction(window: StageWindow, day: number, pending: number): DeadlineAction {
  if (pending === 0 || day >= window.deadlineDay) return 'close';
  if (day === window.reminderDay) return 'remind';
  return 'await';
}
