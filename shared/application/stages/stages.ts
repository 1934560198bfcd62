/**
 * The cycle's stage steps, as the state machine calls them: start, open (paged), notify, await,
 * daily deadline check, close (paged), checkpoint, failure record. Each is idempotent: a retried
 * step finds its effect already stored and does not repeat it.
 */
// Compat until every Lambda entry imports shared/composition itself: loading this module installs the real adapters.

import type { PeriodicEvaluation } from '../../domain/lifecycle/periods';
import {
  type CycleSchedule,
  creatableCycleYears,
  DEFAULT_SCHEDULE,
  type DeadlineAction,
  deadlineAction,
  secondsUntilOpen,
  windowOf,
} from '../../domain/lifecycle/schedule';
import { nextStage, STAGE_OPEN_TRANSITION, type Stage, stageLabel } from '../../domain/lifecycle/status';
import type { CycleRecord, EvaluationRecord } from '../../domain/records';
import { openCoachingPlans } from '../coaching/coaching';
import { ports } from '../context';
import { requestDocuments } from '../documents/context';
import { NotFoundError, RuleError } from '../errors';
import { calibrateCycle, finaliseEvaluations } from '../evaluation/scoring';
import type { EvaluationChange, WriteOp } from '../ports';
import { chunk, decodeCursor, encodeCursor, mapLimit, uniqueByNip } from '../util';
import { sendDigests, sendEscalations, sendReminders, sendResultNotice } from './notifications';
import { advancePeriod, awaitPeriod, checkPeriodDeadlines, closePeriod, openPeriod, type PeriodInput, recordPeriodFailure, startFirstPeriod } from './periods';
import { isFixedWindow, pendingOf, releaseStageIfComplete, releaseToken } from './release';
import { executionName, WAITING_STATUSES } from './waiting';

export { executionName, isFixedWindow, pendingOf, releaseStageIfComplete, WAITING_STATUSES };

export interface StageInput {
  cycleId: string;
  /** A stage of the cycle, or 'PERIOD' for a periodic evaluation running on its own (periods.ts). */
  stage: Stage | 'PERIOD';
  tick: number;
  waitSeconds?: number;
  cursor?: string | null;
  periodId?: string;
}
type CycleStageInput = StageInput & { stage: Stage };

/** A period's steps take the same state as a stage's, with the period's id. */
function periodInput(input: StageInput): PeriodInput {
  if (!input.periodId) throw new Error('A PERIOD step needs a periodId');
  return { cycleId: input.cycleId, periodId: input.periodId, tick: input.tick, cursor: input.cursor };
}

const PAGE = 100;
const WRITE_CONCURRENCY = 8;
/**
 * Evaluations per transaction in the system's own page steps (open, finalise): with their audit
 * events, decisions, digest marks, merged unit counters and the stage counter, at most ~45 items of
 * DynamoDB's 100. Ten times fewer calls than one transaction per evaluation, for the same write units.
 */
const BATCH = 10;

async function startStageExecution(cycle: Pick<CycleRecord, 'cycleId' | 'year' | 'schedule'>, stage: Stage): Promise<'started' | 'already'> {
  const waitSeconds = secondsUntilOpen(cycle.schedule, stage, cycle.year, ports().clock.now());
  // The deterministic name makes the hand-off idempotent: a retried checkpoint cannot start a second execution.
  return ports().workflow.start(executionName(cycle.cycleId, stage), { cycleId: cycle.cycleId, stage, tick: 0, waitSeconds });
}

export interface StartCycleInput {
  agencyId: string;
  year: number;
  policyId: string;
  orgPredikat?: string;
  schedule?: CycleSchedule;
  /** Sets the schedule's periodic evaluation (semester when absent: the mid-year stage only). */
  periodicEvaluation?: PeriodicEvaluation;
}

/** Creates the year's cycle once and starts its first stage; a second call (the schedule firing twice) changes nothing. */
export async function startCycle(input: StartCycleInput): Promise<{ cycleId: string; created: boolean }> {
  const cycleId = `${input.agencyId}-${input.year}`;
  const units = await ports().roster.unitsAfter(input.agencyId, undefined, 1);
  if (units.length === 0) throw new NotFoundError(`roster of agency ${input.agencyId}`, `Data pegawai instansi ${input.agencyId} belum diimpor`);
  // An existing cycle is answered as it is (idempotent); a new one must be able to run on its schedule.
  if (!(await ports().cycles.get(cycleId))) requireCreatableYear(input.year, input.schedule ?? DEFAULT_SCHEDULE);
  const created = await ports().cycles.create({
    cycleId,
    agencyId: input.agencyId,
    year: input.year,
    policyId: input.policyId,
    status: 'ACTIVE',
    stage: 'PLANNING',
    version: 1,
    orgPredikat: input.orgPredikat,
    schedule: {
      ...(input.schedule ?? DEFAULT_SCHEDULE),
      ...(input.periodicEvaluation && input.periodicEvaluation !== 'semester' ? { periodicEvaluation: input.periodicEvaluation } : {}),
    },
    createdAt: ports().clock.now().toISOString(),
  });
  const cycle = (await ports().cycles.get(cycleId))!;
  await startStageExecution(cycle, cycle.stage);
  return { cycleId, created };
}

/**
 * A cycle whose planning window has already closed would open overdue; one that opens more than a year
 * ahead would wait that long: both are refused (422) with the years that can be created now. Years named in
 * the `extraCycleYears` setting are accepted too (a training stack, or the local stack replaying its sample year).
 */
export function requireCreatableYear(year: number, schedule: CycleSchedule) {
  const allowed = [...new Set([...creatableCycleYears(schedule, ports().clock.now()), ...(ports().settings.extraCycleYears ?? [])])].sort();
  if (allowed.includes(year)) return;
  const list = (sep: string) => (allowed.length ? allowed.join(sep) : '—');
  throw new RuleError(
    `A cycle for ${year} cannot run: its planning window has closed or it opens more than a year ahead. Years that can be created now: ${list(', ')}.`,
    `Siklus tahun ${year} tidak dapat berjalan: masa perencanaannya sudah lewat atau baru dibuka lebih dari setahun lagi. Tahun yang dapat dibuat sekarang: ${list(', ')}.`,
    'year',
  );
}

async function requireCycle(cycleId: string): Promise<CycleRecord> {
  const cycle = await ports().cycles.get(cycleId);
  if (!cycle) throw new NotFoundError(`cycle ${cycleId}`, `Siklus ${cycleId} tidak ditemukan`);
  return cycle;
}

// ─── open ─────────────────────────────────────────────────────────────────────────────────────────

export async function openStage(input: StageInput): Promise<{ cursor: string; opened: number }> {
  if (input.stage === 'PERIOD') return openPeriod(periodInput(input));
  const cycle = await requireCycle(input.cycleId);
  const at = ports().clock.now().toISOString();
  await ports().stages.ensure(cycle.cycleId, input.stage, at);
  const page = await openPage(cycle, { ...input, stage: input.stage }, at);
  if (!page.cursor) await ports().stages.markReady(cycle.cycleId, input.stage, at);
  return page;
}

async function openPage(cycle: CycleRecord, input: CycleStageInput, at: string): Promise<{ cursor: string; opened: number }> {
  switch (input.stage) {
    case 'PLANNING':
      return openPlanning(cycle, input.cursor, at);
    case 'CALIBRATION':
      await calibrateCycle(cycle, at);
      return { cursor: '', opened: 0 };
    case 'FOLLOW_UP':
      return { cursor: '', opened: 0 };
    default: {
      const page = await ports().evaluations.ofCyclePage(cycle, decodeCursor(input.cursor), PAGE);
      return { cursor: encodeCursor(page.next), opened: await openEvaluations(cycle, input.stage, page.items, at) };
    }
  }
}

/** Planning creates every evaluation from the roster, with the rater and approver the org tree gives. */
async function openPlanning(cycle: CycleRecord, cursorString: string | null | undefined, at: string) {
  const cursor = decodeCursor(cursorString);
  const page = await ports().roster.employeesPage(cycle.agencyId, cursor.k, PAGE);
  const people = page.items.filter((e) => !e.external);
  // The page's raters in one batch read (their rater is the approver); a rater outside the roster has none.
  const raters = await ports().roster.getEmployees(
    cycle.agencyId,
    people.flatMap((e) => (e.raterNip ? [e.raterNip] : [])),
  );
  const created = people.map((e) => {
    const rater = e.raterNip ? raters.get(e.raterNip) : undefined;
    return {
      e: {
        cycleId: cycle.cycleId,
        nip: e.nip,
        name: e.name,
        jabatan: e.jabatan,
        unitId: e.unitId,
        raterNip: e.raterNip,
        approverNip: rater?.raterNip,
        isUnitHead: e.isUnitHead,
        status: 'SKP_DRAFT',
        version: 1,
        policyId: cycle.policyId,
        updatedAt: at,
      } satisfies EvaluationRecord,
      audit: {
        eventId: `${cycle.cycleId}:PLANNING:create:${e.nip}`,
        at,
        actor: { role: 'system' as const },
        action: 'EVALUATION_CREATED',
        after: { status: 'SKP_DRAFT', raterNip: e.raterNip },
      },
    };
  });
  // A few evaluations per transaction; a batch with one already created (a retried page) is written one by one.
  const results = await mapLimit(chunk(created, BATCH), WRITE_CONCURRENCY, async (batch) => {
    if ((await ports().evaluations.createTogether(batch, [ports().stages.counterOp(cycle.cycleId, 'PLANNING', { total: batch.length })])) === 'applied')
      return batch.length;
    let n = 0;
    for (const { e, audit } of batch) {
      if (await ports().evaluations.create(e, audit, [ports().stages.counterOp(cycle.cycleId, 'PLANNING', { total: 1 })])) n++;
    }
    return n;
  });
  return { cursor: encodeCursor(page.next ? { k: page.next } : undefined), opened: results.reduce((a, b) => a + b, 0) };
}

/** What opening a stage does to one evaluation: the change, and its own extra items (a decision for the approver). */
function openChange(cycle: CycleRecord, stage: Stage, e: EvaluationRecord, at: string) {
  const move = STAGE_OPEN_TRANSITION[stage];
  if (!move || !move.from.includes(e.status)) return undefined;
  // Approval: a decision for the approver, who gets it in their digest.
  const recipient = stage === 'APPROVAL' ? (e.approverNip ?? e.raterNip) : undefined;
  const decisionId = ports().newId();
  const change: EvaluationChange = {
    cycleId: cycle.cycleId,
    nip: e.nip,
    changeId: `${cycle.cycleId}:${stage}:open:${e.nip}`,
    from: e.status,
    to: move.to,
    ...(recipient ? { set: { pendingDecisionId: decisionId } } : {}),
    audit: { at, actor: { role: 'system' }, action: `STAGE_OPENED:${stage}`, before: { status: e.status }, after: { status: move.to } },
    extra: recipient
      ? [
          ports().decisions.createOp({
            decisionId,
            kind: 'EVALUATION_APPROVAL',
            cycleId: cycle.cycleId,
            stage,
            subjectNip: e.nip,
            recipientNip: recipient,
            status: 'PENDING',
            createdAt: at,
          }),
        ]
      : [],
  };
  return { change, current: e, e, recipient, decisionId, status: move.to };
}
type OpenChange = NonNullable<ReturnType<typeof openChange>>;

/** The items a batch of opened evaluations shares: the stage counter once, one digest-due mark per recipient. */
function openSharedItems(cycle: CycleRecord, stage: Stage, batch: readonly OpenChange[]) {
  const items: WriteOp[] = [];
  // The objection window counts objections as they are filed, not the cohort.
  if (stage !== 'OBJECTION') items.push(ports().stages.counterOp(cycle.cycleId, stage, { total: batch.length }));
  const due = new Map<string, string>();
  for (const o of batch) if (o.recipient) due.set(o.recipient, o.decisionId);
  for (const [recipient, decisionId] of due) items.push(ports().decisions.digestDueOp(cycle.cycleId, stage, recipient, decisionId));
  return items;
}

/**
 * Opens a page of evaluations a few per transaction (each evaluation still conditional on its version
 * and status, with its audit event; counters merged). A batch that meets a changed evaluation (a
 * retried page, someone acting meanwhile) is written one by one, which recognises replays.
 */
async function openEvaluations(cycle: CycleRecord, stage: Stage, page: readonly EvaluationRecord[], at: string): Promise<number> {
  const changes = uniqueByNip(page)
    .map((e) => openChange(cycle, stage, e, at))
    .filter((o): o is OpenChange => o !== undefined);
  const results = await mapLimit(chunk(changes, BATCH), WRITE_CONCURRENCY, async (batch) => {
    let opened = 0;
    let written: OpenChange[] = [];
    if ((await ports().evaluations.changeTogether(batch, openSharedItems(cycle, stage, batch))) === 'applied') {
      opened = batch.length;
      written = batch;
    } else {
      for (const o of batch) {
        const outcome = await openOne(cycle, stage, o);
        if (outcome === 'applied') opened++;
        // A replayed open (a retried step) still sends its notice: sendOnce keeps it to one.
        if (outcome) written.push(o);
      }
    }
    if (stage === 'OBJECTION' && written.length) {
      const people = await ports().roster.getEmployees(
        cycle.agencyId,
        written.flatMap((o) => [o.e.nip, ...(o.e.approverNip ? [o.e.approverNip] : [])]),
      );
      for (const o of written) await sendResultNotice(cycle, { ...o.e, status: o.status }, at, people);
    }
    return opened;
  });
  return results.reduce((a, b) => a + b, 0);
}

/** One evaluation's open on its own (the fallback of a batch that met a changed evaluation). */
function openOne(cycle: CycleRecord, stage: Stage, o: OpenChange): Promise<'applied' | 'replayed'> {
  return ports().evaluations.change({ ...o.change, extra: [...(o.change.extra ?? []), ...openSharedItems(cycle, stage, [o])] }, o.e);
}

// ─── notify / await / tick ────────────────────────────────────────────────────────────────────────

export async function notifyStage(input: StageInput): Promise<{ sent: number; cursor: string }> {
  // A period has no decisions to digest; its raters are reminded by the deadline check.
  if (input.stage === 'PERIOD') return { sent: 0, cursor: '' };
  const cycle = await requireCycle(input.cycleId);
  const page = await sendDigests(cycle, input.stage, decodeCursor(input.cursor).k);
  return { sent: page.sent, cursor: encodeCursor(page.next ? { k: page.next } : undefined) };
}

/** Stores the task token server-side; if nothing is pending the stage completes at once. */
export async function awaitStage(input: StageInput & { taskToken: string }): Promise<{ released: boolean }> {
  if (input.stage === 'PERIOD') return awaitPeriod({ ...periodInput(input), taskToken: input.taskToken });
  const cycle = await requireCycle(input.cycleId);
  const record = await ports().stages.storeToken(input.cycleId, input.stage, input.taskToken);
  if (!isFixedWindow(cycle, input.stage) && pendingOf(record) === 0) {
    await releaseToken(input.taskToken);
    return { released: true };
  }
  return { released: false };
}

export async function checkDeadlines(input: StageInput): Promise<{ action: DeadlineAction; pending: number }> {
  if (input.stage === 'PERIOD') return checkPeriodDeadlines(periodInput(input));
  const cycle = await requireCycle(input.cycleId);
  const window = windowOf(cycle.schedule, input.stage);
  const pending = pendingOf(await ports().stages.get(input.cycleId, input.stage));
  const action = deadlineAction(window, input.tick, pending);
  if (action === 'remind') await sendReminders(cycle, input.stage, input.tick);
  if (action === 'escalate') await sendEscalations(cycle, input.stage, input.tick);
  return { action, pending };
}

// ─── close / checkpoint / failure ─────────────────────────────────────────────────────────────────

export async function closeStage(input: StageInput): Promise<{ cursor: string }> {
  if (input.stage === 'PERIOD') return closePeriod(periodInput(input));
  const cycle = await requireCycle(input.cycleId);
  const at = ports().clock.now().toISOString();
  if (input.stage === 'FOLLOW_UP') {
    const page = await ports().evaluations.ofCyclePage(cycle, decodeCursor(input.cursor), PAGE);
    await finaliseEvaluations(cycle, page.items, at, BATCH, WRITE_CONCURRENCY);
    // A final Butuh Perbaikan or lower opens a coaching plan (once; a retried page opens none twice).
    await openCoachingPlans(cycle, page.items, at);
    const cursor = encodeCursor(page.next);
    if (cursor) return { cursor };
  }
  await ports().stages.markClosed(cycle.cycleId, input.stage, at);
  return { cursor: '' };
}

export async function advanceCycle(input: StageInput): Promise<{ next: Stage | string; started: boolean }> {
  if (input.stage === 'PERIOD') return advancePeriod(periodInput(input));
  const cycle = await requireCycle(input.cycleId);
  const next = nextStage(input.stage) ?? 'DONE';
  const at = ports().clock.now().toISOString();
  await ports().cycles.checkpoint(cycle.cycleId, input.stage, next, at);
  // Once the SKPs are set, quarterly or monthly periodic evaluations run alongside the stages, one
  // execution per period, chained; each waits for its own date (idempotent by the execution's name).
  if (input.stage === 'PLANNING') await startFirstPeriod(cycle);
  // The documents this stage made final are made in the background (functions/documents/).
  await requestDocuments({ type: 'stage-closed', cycleId: cycle.cycleId, stage: input.stage });
  if (next === 'DONE') return { next, started: false };
  const started = await startStageExecution(cycle, next);
  return { next, started: started === 'started' };
}

export async function recordStageFailure(input: StageInput & { error?: { Error?: string; Cause?: string } }): Promise<void> {
  if (input.stage === 'PERIOD') return recordPeriodFailure({ ...periodInput(input), error: input.error });
  const at = ports().clock.now().toISOString();
  await ports().cycles.setFields(input.cycleId, {
    failure: { stage: input.stage, error: input.error?.Error ?? 'Unknown', cause: (input.error?.Cause ?? '').slice(0, 2000), at },
  });
}

export { stageLabel };
/** Kept for old imports: the once-only claim of the installed adapters. */
export const claimOnce = (onceKey: string, at: string) => ports().once.claim(onceKey, at);
