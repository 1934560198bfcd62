/**
 * Periodic evaluations that run on their own (quarterly or monthly policy; see
 * shared/domain/lifecycle/periods.ts). Each period is one execution of the cycle state machine with
 * `stage: 'PERIOD'` and a `periodId`, named `<cycleId>-PERIOD-<periodId>`: it waits for its window,
 * opens (each taking part evaluation gets its `periods[periodId]` entry, counted once), reminds,
 * closes, and its checkpoint starts the next period's execution. It never moves the cycle's stage nor
 * an evaluation's status, so the cycle never waits on it. Its counters and task token live in a
 * stage-like record keyed `PERIOD-<periodId>`.
 */
import {
  nextSeparatePeriod,
  PERIOD_STATUSES,
  type PeriodDef,
  type PeriodEntry,
  periodExecutionName,
  periodKey,
  periodOf,
  secondsUntilPeriodOpens,
  separatePeriods,
} from '../../domain/lifecycle/periods';
import { type DeadlineAction, periodDeadlineAction, periodicEvaluationOf, periodWindowOf } from '../../domain/lifecycle/schedule';
import type { Stage } from '../../domain/lifecycle/status';
import type { CycleRecord, EvaluationRecord } from '../../domain/records';
import { ports } from '../context';
import { requestDocuments } from '../documents/context';
import { ConcurrentChangeError, NotFoundError, StateError } from '../errors';
import type { EvaluationChange } from '../ports';
import { chunk, decodeCursor, encodeCursor, mapLimit, uniqueByNip } from '../util';
import { sendPeriodReminders } from './notifications';
import { pendingOf, releaseToken } from './release';

const PAGE = 100;
const BATCH = 10;
const WRITE_CONCURRENCY = 8;
const DAY_MS = 86_400_000;

export interface PeriodInput {
  cycleId: string;
  periodId: string;
  tick: number;
  cursor?: string | null;
}

/**
 * The stage repository keys its records by a stage name; a period's record is keyed `PERIOD-<id>`,
 * which is no Stage of the cycle (so the cycle summary, which lists the stages, never shows it).
 */
const recordKey = (periodId: string) => periodKey(periodId) as Stage;

async function requireCycle(cycleId: string): Promise<CycleRecord> {
  const cycle = await ports().cycles.get(cycleId);
  if (!cycle) throw new NotFoundError(`cycle ${cycleId}`, `Siklus ${cycleId} tidak ditemukan`);
  return cycle;
}

export function requirePeriod(cycle: Pick<CycleRecord, 'schedule'>, periodId: string): PeriodDef {
  const kind = periodicEvaluationOf(cycle.schedule);
  const period = separatePeriods(kind).find((p) => p.periodId === periodId);
  if (!period)
    throw new NotFoundError(
      `period ${periodId} (periodic evaluation: ${kind})`,
      `Periode ${periodId} tidak ada pada siklus ini (evaluasi periodik: ${kind === 'semester' ? 'semester, melalui tahap tengah tahun' : kind})`,
    );
  return period;
}

/** Starts a period's execution (idempotent by its name). */
export async function startPeriodExecution(cycle: Pick<CycleRecord, 'cycleId' | 'year' | 'schedule'>, period: PeriodDef): Promise<'started' | 'already'> {
  const waitSeconds = secondsUntilPeriodOpens(period, cycle.year, ports().clock.now());
  return ports().workflow.start(periodExecutionName(cycle.cycleId, period.periodId), {
    cycleId: cycle.cycleId,
    stage: 'PERIOD',
    periodId: period.periodId,
    tick: 0,
    waitSeconds,
  });
}

/** At the cycle's start: the first period's execution, when the policy runs periods on their own. */
export async function startFirstPeriod(cycle: Pick<CycleRecord, 'cycleId' | 'year' | 'schedule'>): Promise<void> {
  const first = separatePeriods(periodicEvaluationOf(cycle.schedule))[0];
  if (first) await startPeriodExecution(cycle, first);
}

// ─── open ─────────────────────────────────────────────────────────────────────────────────────────

export async function openPeriod(input: PeriodInput): Promise<{ cursor: string; opened: number }> {
  const cycle = await requireCycle(input.cycleId);
  const period = requirePeriod(cycle, input.periodId);
  const at = ports().clock.now().toISOString();
  const key = recordKey(period.periodId);
  await ports().stages.ensure(cycle.cycleId, key, at);
  const page = await ports().evaluations.ofCyclePage(cycle, decodeCursor(input.cursor), PAGE);
  const changes = uniqueByNip(page.items)
    .filter((e) => (PERIOD_STATUSES as readonly string[]).includes(e.status) && !e.periods?.[period.periodId])
    .map((e) => ({ change: openChange(cycle, period, e, at), current: e }));
  const results = await mapLimit(chunk(changes, BATCH), WRITE_CONCURRENCY, async (batch) => {
    const counter = ports().stages.counterOp(cycle.cycleId, key, { total: batch.length });
    if ((await ports().evaluations.changeTogether(batch, [counter])) === 'applied') return batch.length;
    let n = 0;
    for (const { current } of batch) if (await openOneFresh(cycle, period, current, at)) n++;
    return n;
  });
  const cursor = encodeCursor(page.next);
  if (!cursor) await ports().stages.markReady(cycle.cycleId, key, at);
  return { cursor, opened: results.reduce((a, b) => a + b, 0) };
}

/**
 * One evaluation's period entry on its own (its batch met a changed evaluation). A change made meanwhile
 * (the employee's progress, a stage opening) is read again and the entry added on top: a period never goes
 * missing from someone's record; a change that keeps coming fails the step, which Step Functions retries.
 */
async function openOneFresh(cycle: CycleRecord, period: PeriodDef, e: EvaluationRecord, at: string): Promise<boolean> {
  let current: EvaluationRecord | undefined = e;
  for (let attempt = 1; ; attempt++) {
    if (!current || !(PERIOD_STATUSES as readonly string[]).includes(current.status) || current.periods?.[period.periodId]) return false;
    const one = { ...openChange(cycle, period, current, at), extra: [ports().stages.counterOp(cycle.cycleId, recordKey(period.periodId), { total: 1 })] };
    try {
      return (await ports().evaluations.change(one, current)) === 'applied';
    } catch (err) {
      if (!(err instanceof ConcurrentChangeError) || attempt >= 3) throw err;
      current = await ports().evaluations.get(cycle.cycleId, current.nip);
    }
  }
}

function openChange(cycle: CycleRecord, period: PeriodDef, e: EvaluationRecord, at: string): EvaluationChange {
  const entry: PeriodEntry = { periodId: period.periodId, label: period.label, openedAt: at };
  return {
    cycleId: cycle.cycleId,
    nip: e.nip,
    changeId: `${cycle.cycleId}:${periodKey(period.periodId)}:open:${e.nip}`,
    from: e.status,
    set: { periods: { ...(e.periods ?? {}), [period.periodId]: entry } },
    audit: { at, actor: { role: 'system' }, action: `PERIOD_OPENED:${period.periodId}`, after: { periodId: period.periodId } },
  };
}

// ─── await / deadlines ────────────────────────────────────────────────────────────────────────────

export async function awaitPeriod(input: PeriodInput & { taskToken: string }): Promise<{ released: boolean }> {
  const record = await ports().stages.storeToken(input.cycleId, recordKey(input.periodId), input.taskToken);
  if (pendingOf(record) === 0) {
    await releaseToken(input.taskToken);
    return { released: true };
  }
  return { released: false };
}

/** After a rater's review: releases the period's await step once every review is in. */
export async function releasePeriodIfComplete(cycleId: string, periodId: string): Promise<void> {
  const record = await ports().stages.get(cycleId, recordKey(periodId));
  if (record?.taskToken && !record.closedAt && pendingOf(record) === 0) await releaseToken(record.taskToken);
}

export async function checkPeriodDeadlines(input: PeriodInput): Promise<{ action: DeadlineAction; pending: number }> {
  const cycle = await requireCycle(input.cycleId);
  const period = requirePeriod(cycle, input.periodId);
  const record = await ports().stages.get(cycle.cycleId, recordKey(period.periodId));
  const pending = pendingOf(record);
  const action = periodDeadlineAction(periodWindowOf(cycle.schedule), input.tick, pending);
  if (action === 'remind') await remindRaters(cycle, period, input.tick, record?.openedAt);
  return { action, pending };
}

/** The reminder of a period: the raters with reviews still missing, each sent one email (notifications.ts). */
async function remindRaters(cycle: CycleRecord, period: PeriodDef, tick: number, openedAt: string | undefined): Promise<number> {
  const waiting = new Map<string, EvaluationRecord[]>();
  let cursor = decodeCursor(undefined);
  for (;;) {
    const page = await ports().evaluations.ofCyclePage(cycle, cursor, PAGE);
    for (const e of page.items) {
      const entry = e.periods?.[period.periodId];
      if (entry && !entry.review && e.raterNip) waiting.set(e.raterNip, [...(waiting.get(e.raterNip) ?? []), e]);
    }
    if (!page.next) break;
    cursor = page.next;
  }
  const deadline = new Date(Date.parse(openedAt ?? ports().clock.now().toISOString()) + periodWindowOf(cycle.schedule).deadlineDay * DAY_MS);
  return sendPeriodReminders(cycle, period, tick, waiting, deadline);
}

// ─── close / next period / failure ────────────────────────────────────────────────────────────────

export async function closePeriod(input: PeriodInput): Promise<{ cursor: string }> {
  const cycle = await requireCycle(input.cycleId);
  const period = requirePeriod(cycle, input.periodId);
  const at = ports().clock.now().toISOString();
  await ports().stages.markClosed(cycle.cycleId, recordKey(period.periodId), at);
  // The period's Evaluasi Kinerja Periodik of each employee, made in the background (the documents function).
  await requestDocuments({ type: 'period-closed', cycleId: cycle.cycleId, periodId: period.periodId });
  return { cursor: '' };
}

/** The period's last step: starts the next period's execution, if there is one. */
export async function advancePeriod(input: PeriodInput): Promise<{ next: string | 'DONE'; started: boolean }> {
  const cycle = await requireCycle(input.cycleId);
  const next = nextSeparatePeriod(periodicEvaluationOf(cycle.schedule), input.periodId);
  if (!next || cycle.status !== 'ACTIVE') return { next: 'DONE', started: false };
  return { next: next.periodId, started: (await startPeriodExecution(cycle, next)) === 'started' };
}

/** A period that failed is recorded on its own record; the cycle carries on. */
export async function recordPeriodFailure(input: PeriodInput & { error?: { Error?: string; Cause?: string } }): Promise<void> {
  const at = ports().clock.now().toISOString();
  await ports().cycles.setFields(input.cycleId, {
    periodFailure: { periodId: input.periodId, error: input.error?.Error ?? 'Unknown', cause: (input.error?.Cause ?? '').slice(0, 2000), at },
  });
}

/** The period's counters, added to inside a transaction (a first review counts done: 1). */
export const periodCounterOp = (cycleId: string, periodId: string, change: { total?: number; done?: number }) =>
  ports().stages.counterOp(cycleId, recordKey(periodId), change);

/** Whether a period of this cycle is open now (opened and not closed). */
export async function requireOpenPeriod(cycle: CycleRecord, periodId: string): Promise<PeriodDef> {
  const period = requirePeriod(cycle, periodId);
  const record = await ports().stages.get(cycle.cycleId, recordKey(periodId));
  if (!record?.openedAt || record.closedAt)
    throw new StateError(`Period ${periodId} is not open`, `Periode ${period.label.id} ${record?.closedAt ? 'sudah ditutup' : 'belum dibuka'}`);
  return period;
}

export { periodOf };
