/**
 * The cycle's stage steps, as the state machine calls them: start, open (paged), notify, await,
 * daily deadline check, close (paged), checkpoint, failure record. Each is idempotent: a retried
 * step finds its effect already stored and does not repeat it.
 */
import { ExecutionAlreadyExists, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfn } from '../aws/clients';
import { config } from '../config';
import { DEFAULT_SCHEDULE, deadlineAction, secondsUntilOpen, windowOf, type CycleSchedule, type DeadlineAction } from '../lifecycle/schedule';
import { STAGE_OPEN_TRANSITION, nextStage, stageLabel, type EvaluationStatus, type Stage } from '../lifecycle/status';
import {
  changeEvaluation, checkpointCycle, stageUpdate, claimOnce, createCycle, createEvaluation, decisionPut, digestDuePut, ensureStage,
  evaluationsOfCyclePage, getCycle, getEmployee, getStage, markStageClosed, markStageReady, rosterPage, setCycleFields, unitsAfter,
  storeStageToken, type CycleRecord, type EmployeeRecord, type EvaluationRecord, type StageRecord,
} from '../store/repository';
import { NotFoundError } from '../store/errors';
import { deps } from './deps';
import { calibrateCycle, finaliseEvaluation } from './scoring';
import { sendDigests, sendEscalations, sendReminders, sendResultNotice } from './notifications';
import { decodeCursor, encodeCursor, mapLimit, memo } from './util';

export interface StageInput { cycleId: string; stage: Stage; tick: number; waitSeconds?: number; cursor?: string | null }

const PAGE = 100;
const WRITE_CONCURRENCY = 8;

export function executionName(cycleId: string, stage: Stage): string {
  return `${cycleId}-${stage}`;
}

async function startStageExecution(cycle: Pick<CycleRecord, 'cycleId' | 'year' | 'schedule'>, stage: Stage): Promise<'started' | 'already'> {
  const waitSeconds = secondsUntilOpen(cycle.schedule as unknown as CycleSchedule, stage, cycle.year, deps.clock.now());
  const input = { cycleId: cycle.cycleId, stage, tick: 0, waitSeconds };
  try {
    await sfn.send(new StartExecutionCommand({
      stateMachineArn: config().STATE_MACHINE_ARN,
      // The deterministic name makes the hand-off idempotent: a retried checkpoint cannot start a second execution.
      name: executionName(cycle.cycleId, stage),
      input: JSON.stringify(input),
    }));
    return 'started';
  } catch (err) {
    if (err instanceof ExecutionAlreadyExists || (err as Error).name === 'ExecutionAlreadyExists') return 'already';
    throw err;
  }
}

export interface StartCycleInput { agencyId: string; year: number; policyId: string; orgPredikat?: string; schedule?: CycleSchedule }

/** Creates the year's cycle once and starts its first stage; a second call (the schedule firing twice) changes nothing. */
export async function startCycle(input: StartCycleInput): Promise<{ cycleId: string; created: boolean }> {
  const cycleId = `${input.agencyId}-${input.year}`;
  const units = await unitsAfter(input.agencyId, undefined, 1);
  if (units.length === 0) throw new NotFoundError(`roster of agency ${input.agencyId}`, `Data pegawai instansi ${input.agencyId} belum diimpor`);
  const created = await createCycle({
    cycleId,
    agencyId: input.agencyId,
    year: input.year,
    policyId: input.policyId,
    status: 'ACTIVE',
    stage: 'PLANNING',
    version: 1,
    orgPredikat: input.orgPredikat,
    schedule: (input.schedule ?? DEFAULT_SCHEDULE) as unknown as Record<string, unknown>,
    createdAt: deps.clock.now().toISOString(),
  });
  const cycle = (await getCycle(cycleId))!;
  await startStageExecution(cycle, cycle.stage);
  return { cycleId, created };
}

async function requireCycle(cycleId: string): Promise<CycleRecord> {
  const cycle = await getCycle(cycleId);
  if (!cycle) throw new NotFoundError(`cycle ${cycleId}`, `Siklus ${cycleId} tidak ditemukan`);
  return cycle;
}

// ─── open ─────────────────────────────────────────────────────────────────────────────────────────

export async function openStage(input: StageInput): Promise<{ cursor: string; opened: number }> {
  const cycle = await requireCycle(input.cycleId);
  const at = deps.clock.now().toISOString();
  await ensureStage(cycle.cycleId, input.stage, at);
  const page = await openPage(cycle, input, at);
  if (!page.cursor) await markStageReady(cycle.cycleId, input.stage, at);
  return page;
}

async function openPage(cycle: CycleRecord, input: StageInput, at: string): Promise<{ cursor: string; opened: number }> {
  switch (input.stage) {
    case 'PLANNING':
      return openPlanning(cycle, input.cursor, at);
    case 'CALIBRATION':
      await calibrateCycle(cycle, at);
      return { cursor: '', opened: 0 };
    case 'FOLLOW_UP':
      return { cursor: '', opened: 0 };
    default:
      return forEachEvaluationPage(cycle, input.cursor, (e) => openForEvaluation(cycle, input.stage, e, at));
  }
}

/** Planning creates every evaluation from the roster, with the rater and approver the org tree gives. */
async function openPlanning(cycle: CycleRecord, cursorString: string | null | undefined, at: string) {
  const cursor = decodeCursor(cursorString);
  const page = await rosterPage(cycle.agencyId, cursor.k, PAGE);
  const employee = memo((nip: string) => getEmployee(cycle.agencyId, nip));
  let opened = 0;
  await mapLimit(page.items.filter((e) => !(e as EmployeeRecord & { external?: boolean }).external), WRITE_CONCURRENCY, async (e) => {
    const rater = e.raterNip ? await employee(e.raterNip) : undefined;
    const created = await createEvaluation(
      {
        cycleId: cycle.cycleId, nip: e.nip, name: e.name, jabatan: e.jabatan, unitId: e.unitId,
        raterNip: e.raterNip, approverNip: rater?.raterNip, isUnitHead: e.isUnitHead,
        status: 'SKP_DRAFT', version: 1, policyId: cycle.policyId, updatedAt: at,
      },
      { eventId: `${cycle.cycleId}:PLANNING:create:${e.nip}`, at, actor: { role: 'system' }, action: 'EVALUATION_CREATED', after: { status: 'SKP_DRAFT', raterNip: e.raterNip } },
      [stageUpdate(cycle.cycleId, 'PLANNING', { total: 1 })],
    );
    if (created) opened++;
  });
  return { cursor: encodeCursor(page.next ? { k: page.next } : undefined), opened };
}

/** Walks the cycle's evaluations a page at a time, across units, one page per call. */
async function forEachEvaluationPage(cycle: CycleRecord, cursorString: string | null | undefined, fn: (e: EvaluationRecord) => Promise<boolean>) {
  const page = await evaluationsOfCyclePage(cycle, decodeCursor(cursorString), PAGE);
  const results = await mapLimit(page.items, WRITE_CONCURRENCY, fn);
  return { cursor: encodeCursor(page.next), opened: results.filter(Boolean).length };
}

async function openForEvaluation(cycle: CycleRecord, stage: Stage, e: EvaluationRecord, at: string): Promise<boolean> {
  const move = STAGE_OPEN_TRANSITION[stage];
  if (!move || !move.from.includes(e.status)) return false;
  const extra = [];
  // Approval: a decision for the approver, who gets it in their digest.
  const recipient = stage === 'APPROVAL' ? e.approverNip ?? e.raterNip : undefined;
  const decisionId = deps.newId();
  if (recipient) {
    extra.push(decisionPut({
      decisionId, kind: 'EVALUATION_APPROVAL', cycleId: cycle.cycleId, stage, subjectNip: e.nip,
      recipientNip: recipient, status: 'PENDING', createdAt: at,
    }));
  }
  // The objection window counts objections as they are filed, not the cohort.
  if (stage !== 'OBJECTION') extra.push(stageUpdate(cycle.cycleId, stage, { total: 1 }));
  if (recipient) extra.push(digestDuePut(cycle.cycleId, stage, recipient, decisionId));
  const outcome = await changeEvaluation({
    cycleId: cycle.cycleId, nip: e.nip, changeId: `${cycle.cycleId}:${stage}:open:${e.nip}`,
    from: e.status, to: move.to, ...(recipient ? { set: { pendingDecisionId: decisionId } } : {}),
    audit: { at, actor: { role: 'system' }, action: `STAGE_OPENED:${stage}`, before: { status: e.status }, after: { status: move.to } },
    extra,
  }, e);
  if (stage === 'OBJECTION') await sendResultNotice(cycle, { ...e, status: move.to }, at);
  return outcome === 'applied';
}

// ─── notify / await / tick ────────────────────────────────────────────────────────────────────────

export async function notifyStage(input: StageInput): Promise<{ sent: number; cursor: string }> {
  const cycle = await requireCycle(input.cycleId);
  const page = await sendDigests(cycle, input.stage, decodeCursor(input.cursor).k);
  return { sent: page.sent, cursor: encodeCursor(page.next ? { k: page.next } : undefined) };
}

/** Stages that end when their time is up, not when everyone has acted. */
const isFixedWindow = (cycle: Pick<CycleRecord, 'schedule'>, stage: Stage) => windowOf(cycle.schedule as unknown as CycleSchedule, stage).fixedWindowDays !== undefined;

export function pendingOf(stage: StageRecord | undefined): number {
  return Math.max(0, (stage?.total ?? 0) - (stage?.done ?? 0));
}

/** Stores the task token server-side; if nothing is pending the stage completes at once. */
export async function awaitStage(input: StageInput & { taskToken: string }): Promise<{ released: boolean }> {
  const cycle = await requireCycle(input.cycleId);
  const record = await storeStageToken(input.cycleId, input.stage, input.taskToken);
  if (!isFixedWindow(cycle, input.stage) && pendingOf(record) === 0) {
    await releaseToken(input.taskToken);
    return { released: true };
  }
  return { released: false };
}

async function releaseToken(taskToken: string): Promise<void> {
  try {
    await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ released: true }) }));
  } catch (err) {
    // A token that already completed or timed out: the next await or deadline check will see the counts.
    const name = (err as Error).name;
    if (name !== 'TaskTimedOut' && name !== 'InvalidToken' && name !== 'TaskDoesNotExist') throw err;
  }
}

/**
 * Called after a person's action that completed their part of a stage. `cycle` is the record the
 * action already read (only its schedule is used, which does not change during a cycle).
 */
export async function releaseStageIfComplete(cycleId: string, stage: Stage, cycle?: Pick<CycleRecord, 'schedule'>): Promise<void> {
  cycle ??= await getCycle(cycleId, { consistent: false });
  if (!cycle || isFixedWindow(cycle, stage)) return;
  const record = await getStage(cycleId, stage);
  if (record?.taskToken && pendingOf(record) === 0) await releaseToken(record.taskToken);
}

export async function checkDeadlines(input: StageInput): Promise<{ action: DeadlineAction; pending: number }> {
  const cycle = await requireCycle(input.cycleId);
  const window = windowOf(cycle.schedule as unknown as CycleSchedule, input.stage);
  const pending = pendingOf(await getStage(input.cycleId, input.stage));
  const action = deadlineAction(window, input.tick, pending);
  if (action === 'remind') await sendReminders(cycle, input.stage, input.tick);
  if (action === 'escalate') await sendEscalations(cycle, input.stage, input.tick);
  return { action, pending };
}

// ─── close / checkpoint / failure ─────────────────────────────────────────────────────────────────

export async function closeStage(input: StageInput): Promise<{ cursor: string }> {
  const cycle = await requireCycle(input.cycleId);
  const at = deps.clock.now().toISOString();
  if (input.stage === 'FOLLOW_UP') {
    const page = await forEachEvaluationPage(cycle, input.cursor, (e) => finaliseEvaluation(cycle, e, at));
    if (page.cursor) return { cursor: page.cursor };
  }
  await markStageClosed(cycle.cycleId, input.stage, at);
  return { cursor: '' };
}

export async function advanceCycle(input: StageInput): Promise<{ next: Stage | 'DONE'; started: boolean }> {
  const cycle = await requireCycle(input.cycleId);
  const next = nextStage(input.stage) ?? 'DONE';
  const at = deps.clock.now().toISOString();
  await checkpointCycle(cycle.cycleId, input.stage, next, at);
  if (next === 'DONE') return { next, started: false };
  const started = await startStageExecution(cycle, next);
  return { next, started: started === 'started' };
}

export async function recordStageFailure(input: StageInput & { error?: { Error?: string; Cause?: string } }): Promise<void> {
  const at = deps.clock.now().toISOString();
  await setCycleFields(input.cycleId, {
    failure: { stage: input.stage, error: input.error?.Error ?? 'Unknown', cause: (input.error?.Cause ?? '').slice(0, 2000), at },
  });
}

/** The statuses in which an evaluation still waits on someone in a stage (for reminders and progress). */
export const WAITING_STATUSES: Partial<Record<Stage, EvaluationStatus[]>> = {
  PLANNING: ['SKP_DRAFT', 'SKP_RETURNED', 'SKP_SUBMITTED'],
  MIDYEAR: ['MONITORING'],
  FINAL_SCORING: ['AWAITING_RATING'],
  APPROVAL: ['AWAITING_APPROVAL', 'RETURNED_TO_RATER'],
  OBJECTION: ['OBJECTED'],
};

export { stageLabel, claimOnce };
