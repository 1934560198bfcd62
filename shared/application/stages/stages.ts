/**
 * The cycle's stage steps, as the state machine calls them: start, open (paged), notify, await,
 * daily deadline check, close (paged), checkpoint, failure record. Each is idempotent: a retried
 * step finds its effect already stored and does not repeat it.
 */
import { ExecutionAlreadyExists, SendTaskSuccessCommand, sfn, StartExecutionCommand } from '../../adapters/aws-clients';
import { config } from '../../config';
import { DEFAULT_SCHEDULE, deadlineAction, secondsUntilOpen, windowOf, type CycleSchedule, type DeadlineAction } from '../../domain/lifecycle/schedule';
import { STAGE_OPEN_TRANSITION, nextStage, stageLabel, type EvaluationStatus, type Stage } from '../../domain/lifecycle/status';
import {
  changeEvaluation, changeEvaluationsTogether, checkpointCycle, stageUpdate, claimOnce, createCycle, createEvaluation, createEvaluationsTogether, decisionPut, digestDuePut, ensureStage,
  evaluationsOfCyclePage, getCycle, getEmployees, getStage, markStageClosed, markStageReady, rosterPage, setCycleFields, unitsAfter,
  storeStageToken, type CycleRecord, type EvaluationChange, type EmployeeRecord, type EvaluationRecord, type StageRecord,
} from '../../adapters/dynamodb/repository';
import { NotFoundError } from '../store-errors';
import { deps } from '../../composition';
import { calibrateCycle, finaliseEvaluations } from '../evaluation/scoring';
import { sendDigests, sendEscalations, sendReminders, sendResultNotice } from './notifications';
import { chunk, decodeCursor, encodeCursor, mapLimit, uniqueByNip } from '../util';

export interface StageInput { cycleId: string; stage: Stage; tick: number; waitSeconds?: number; cursor?: string | null }

const PAGE = 100;
const WRITE_CONCURRENCY = 8;
/**
 * Evaluations per transaction in the system's own page steps (open, finalise): with their audit
 * events, decisions, digest marks, merged unit counters and the stage counter, at most ~45 items of
 * DynamoDB's 100. Ten times fewer calls than one transaction per evaluation, for the same write units.
 */
const BATCH = 10;

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
    default: {
      const page = await evaluationsOfCyclePage(cycle, decodeCursor(input.cursor), PAGE);
      return { cursor: encodeCursor(page.next), opened: await openEvaluations(cycle, input.stage, page.items, at) };
    }
  }
}

/** Planning creates every evaluation from the roster, with the rater and approver the org tree gives. */
async function openPlanning(cycle: CycleRecord, cursorString: string | null | undefined, at: string) {
  const cursor = decodeCursor(cursorString);
  const page = await rosterPage(cycle.agencyId, cursor.k, PAGE);
  const people = page.items.filter((e) => !(e as EmployeeRecord & { external?: boolean }).external);
  // The page's raters in one batch read (their rater is the approver); a rater outside the roster has none.
  const raters = await getEmployees(cycle.agencyId, people.flatMap((e) => (e.raterNip ? [e.raterNip] : [])));
  const created = people.map((e) => {
    const rater = e.raterNip ? raters.get(e.raterNip) : undefined;
    return {
      e: {
        cycleId: cycle.cycleId, nip: e.nip, name: e.name, jabatan: e.jabatan, unitId: e.unitId,
        raterNip: e.raterNip, approverNip: rater?.raterNip, isUnitHead: e.isUnitHead,
        status: 'SKP_DRAFT', version: 1, policyId: cycle.policyId, updatedAt: at,
      } satisfies EvaluationRecord,
      audit: { eventId: `${cycle.cycleId}:PLANNING:create:${e.nip}`, at, actor: { role: 'system' as const }, action: 'EVALUATION_CREATED', after: { status: 'SKP_DRAFT', raterNip: e.raterNip } },
    };
  });
  // A few evaluations per transaction; a batch with one already created (a retried page) is written one by one.
  const results = await mapLimit(chunk(created, BATCH), WRITE_CONCURRENCY, async (batch) => {
    if (await createEvaluationsTogether(batch, [stageUpdate(cycle.cycleId, 'PLANNING', { total: batch.length })]) === 'applied') return batch.length;
    let n = 0;
    for (const { e, audit } of batch) {
      if (await createEvaluation(e, audit, [stageUpdate(cycle.cycleId, 'PLANNING', { total: 1 })])) n++;
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
  const recipient = stage === 'APPROVAL' ? e.approverNip ?? e.raterNip : undefined;
  const decisionId = deps.newId();
  const change: EvaluationChange = {
    cycleId: cycle.cycleId, nip: e.nip, changeId: `${cycle.cycleId}:${stage}:open:${e.nip}`,
    from: e.status, to: move.to, ...(recipient ? { set: { pendingDecisionId: decisionId } } : {}),
    audit: { at, actor: { role: 'system' }, action: `STAGE_OPENED:${stage}`, before: { status: e.status }, after: { status: move.to } },
    extra: recipient ? [decisionPut({
      decisionId, kind: 'EVALUATION_APPROVAL', cycleId: cycle.cycleId, stage, subjectNip: e.nip,
      recipientNip: recipient, status: 'PENDING', createdAt: at,
    })] : [],
  };
  return { change, current: e, e, recipient, decisionId, status: move.to };
}
type OpenChange = NonNullable<ReturnType<typeof openChange>>;

/** The items a batch of opened evaluations shares: the stage counter once, one digest-due mark per recipient. */
function openSharedItems(cycle: CycleRecord, stage: Stage, batch: readonly OpenChange[]) {
  const items = [];
  // The objection window counts objections as they are filed, not the cohort.
  if (stage !== 'OBJECTION') items.push(stageUpdate(cycle.cycleId, stage, { total: batch.length }));
  const due = new Map<string, string>();
  for (const o of batch) if (o.recipient) due.set(o.recipient, o.decisionId);
  for (const [recipient, decisionId] of due) items.push(digestDuePut(cycle.cycleId, stage, recipient, decisionId));
  return items;
}

/**
 * Opens a page of evaluations a few per transaction (each evaluation still conditional on its version
 * and status, with its audit event; counters merged). A batch that meets a changed evaluation (a
 * retried page, someone acting meanwhile) is written one by one, which recognises replays.
 */
async function openEvaluations(cycle: CycleRecord, stage: Stage, page: readonly EvaluationRecord[], at: string): Promise<number> {
  const changes = uniqueByNip(page).map((e) => openChange(cycle, stage, e, at)).filter((o): o is OpenChange => o !== undefined);
  const results = await mapLimit(chunk(changes, BATCH), WRITE_CONCURRENCY, async (batch) => {
    let opened = 0;
    let written: OpenChange[] = [];
    if (await changeEvaluationsTogether(batch, openSharedItems(cycle, stage, batch)) === 'applied') {
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
      const people = await getEmployees(cycle.agencyId, written.flatMap((o) => [o.e.nip, ...(o.e.approverNip ? [o.e.approverNip] : [])]));
      for (const o of written) await sendResultNotice(cycle, { ...o.e, status: o.status }, at, people);
    }
    return opened;
  });
  return results.reduce((a, b) => a + b, 0);
}

/** One evaluation's open on its own (the fallback of a batch that met a changed evaluation). */
function openOne(cycle: CycleRecord, stage: Stage, o: OpenChange): Promise<'applied' | 'replayed'> {
  return changeEvaluation({ ...o.change, extra: [...(o.change.extra ?? []), ...openSharedItems(cycle, stage, [o])] }, o.e);
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
    const page = await evaluationsOfCyclePage(cycle, decodeCursor(input.cursor), PAGE);
    await finaliseEvaluations(cycle, page.items, at, BATCH, WRITE_CONCURRENCY);
    const cursor = encodeCursor(page.next);
    if (cursor) return { cursor };
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
