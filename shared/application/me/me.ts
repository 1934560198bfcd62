/**
 * The web app's own reads and the approver's decisions through the session (functions/me-api):
 * who am I, what waits for me this cycle (Beranda), the superior's RHKs an SKP links to, the rater's
 * engine proposal, and pending decisions decided with the caller's token instead of an email link.
 *
 * No new access pattern: a caller's cycles are the agency's yearly cycles around today
 * (`<agencyId>-<year>`), feedback invitations are looked up among the caller's rater's team, and an
 * acting official's (Plt/Plh) authority is looked up for the officials around them (their rater, the
 * rater's rater, their own team) — each a handful of key reads.
 */
import type { EmployeeEvaluation } from '../../domain/evaluate';
import { STAGE_DONE_STATUS, STAGES, type Stage, stageLabel } from '../../domain/lifecycle/status';
import type { CycleRecord, DecisionRecord, EvaluationRecord } from '../../domain/records';
import type { Skp } from '../../domain/skp';
import { canViewEvaluation, requireRater } from '../authz';
import { ports } from '../context';
import { type DecideResult, type DecisionOutcome, decide } from '../decisions/decide';
import { activeDelegateOf } from '../delegation/delegation';
import { ConflictError, ForbiddenError, NotFoundError, RuleError, StateError } from '../errors';
import { load } from '../evaluation/common';
import { scoreEvaluation } from '../evaluation/scoring';
import type { Caller } from '../ports';
import { evaluationDetails, skpDetails } from '../queries/summaries';
import { approvedCitizenEvidence } from '../skm/use-cases';
import { mapLimit } from '../util';

type Locale = 'id' | 'en';
const DAY_MS = 86_400_000;

function agencyOf(c: Caller): string {
  if (!c.agencyId) throw new ForbiddenError('The token names no agency', 'Token tidak menyebut instansi');
  return c.agencyId;
}

/** The yearly cycles that can be under way today: last year's (final scoring runs into January) and this year's. */
export function candidateCycleIds(agencyId: string, now: Date): string[] {
  const year = Number(new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 4));
  return [year + 1, year, year - 1].map((y) => `${agencyId}-${y}`);
}

/** A stage's deadline: the day it opened plus the schedule's deadline day (undefined until it opens). */
export function stageDeadline(cycle: Pick<CycleRecord, 'schedule'>, stage: Stage, openedAt: string | undefined): string | undefined {
  const days = cycle.schedule?.windows?.[stage]?.deadlineDay;
  if (!openedAt || !days) return undefined;
  return new Date(Date.parse(openedAt) + days * DAY_MS).toISOString();
}

export interface MyCycle {
  cycleId: string;
  year: number;
  stage: Stage;
  status: CycleRecord['status'];
  stageLabel: { id: string; en: string };
  /** Whether the caller is evaluated in it, rates someone in it, or only takes part (HR, approver). */
  evaluated: boolean;
  rater: boolean;
}

/** GET /v1/me: name, NIP, jabatan, unit, roles and the cycles the caller takes part in. */
export async function whoAmI(caller: Caller) {
  const agencyId = agencyOf(caller);
  const { roster, cycles, evaluations } = ports();
  const me = await roster.getEmployee(agencyId, caller.nip);
  const unit = me?.unitId ? await roster.getUnit(agencyId, me.unitId) : undefined;
  const found: MyCycle[] = [];
  for (const cycleId of candidateCycleIds(agencyId, ports().clock.now())) {
    const cycle = await cycles.get(cycleId, { consistent: false });
    if (!cycle || cycle.agencyId !== agencyId) continue;
    const [own, team] = await Promise.all([evaluations.get(cycleId, caller.nip), evaluations.ofRater(cycleId, caller.nip)]);
    const hr = caller.roles.includes('hr');
    if (!own && !team.length && !hr && !me) continue;
    found.push({
      cycleId,
      year: cycle.year,
      stage: cycle.stage,
      status: cycle.status,
      stageLabel: stageLabel[cycle.stage],
      evaluated: Boolean(own),
      rater: team.length > 0,
    });
  }
  return {
    nip: caller.nip,
    name: me?.name ?? caller.name ?? caller.nip,
    jabatan: me?.jabatan ?? null,
    unit: unit ? { unitId: unit.unitId, name: unit.name } : me?.unitId ? { unitId: me.unitId, name: me.unitId } : null,
    roles: caller.roles,
    locale: me?.locale ?? 'id',
    cycles: found,
  };
}

export type TaskKind =
  | 'WRITE_SKP'
  | 'FIX_SKP'
  | 'SKP_WAITING'
  | 'RECORD_PROGRESS'
  | 'SEE_RESULT'
  | 'APPROVE_SKP'
  | 'REVIEW_MIDYEAR'
  | 'RATE'
  | 'RERATE'
  | 'INVITE_PEERS'
  | 'GIVE_FEEDBACK'
  | 'DECIDE'
  | 'DECIDE_OBJECTION';

export interface Task {
  kind: TaskKind;
  role: 'employee' | 'rater' | 'peer' | 'approver';
  /** The person the task is about (the caller for their own work). */
  nip: string;
  name: string;
  /** App path the task opens (the agreed URL scheme). */
  href: string;
  deadline?: string;
  decisionId?: string;
  /** Set when the caller acts as Plt/Plh for someone. */
  acting?: { kind: 'plt' | 'plh'; forNip: string; forName: string };
}

/** What the caller's own evaluation asks of them in this stage. */
function ownTasks(cycle: CycleRecord, e: EvaluationRecord, deadline: string | undefined): Task[] {
  const base = { role: 'employee' as const, nip: e.nip, name: e.name, ...(deadline ? { deadline } : {}) };
  const c = cycle.cycleId;
  if (cycle.stage === 'PLANNING' || (e.joinedAt && cycle.stage === 'MIDYEAR')) {
    if (e.status === 'SKP_DRAFT') return [{ ...base, kind: 'WRITE_SKP', href: `/siklus/${c}/skp` }];
    if (e.status === 'SKP_RETURNED') return [{ ...base, kind: 'FIX_SKP', href: `/siklus/${c}/skp` }];
    if (e.status === 'SKP_SUBMITTED') return [{ ...base, kind: 'SKP_WAITING', href: `/siklus/${c}/skp` }];
  }
  if ((cycle.stage === 'MIDYEAR' || cycle.stage === 'FINAL_SCORING') && e.skp) return [{ ...base, kind: 'RECORD_PROGRESS', href: `/siklus/${c}/progres` }];
  if (cycle.stage === 'OBJECTION' && e.status === 'RESULT_ISSUED') return [{ ...base, kind: 'SEE_RESULT', href: `/siklus/${c}/hasil` }];
  return [];
}

/** What the caller's team asks of them as rater in this stage (SKP approvals come as decisions). */
function teamTasks(cycle: CycleRecord, team: EvaluationRecord[], invited: Set<string>, deadline: string | undefined): Task[] {
  const out: Task[] = [];
  const c = cycle.cycleId;
  for (const e of team) {
    const base = { role: 'rater' as const, nip: e.nip, name: e.name, href: `/siklus/${c}/tim/${e.nip}`, ...(deadline ? { deadline } : {}) };
    if (cycle.stage === 'MIDYEAR' && e.status === 'MONITORING') out.push({ ...base, kind: 'REVIEW_MIDYEAR' });
    if (cycle.stage === 'FINAL_SCORING' && e.status === 'AWAITING_RATING') {
      out.push({ ...base, kind: 'RATE' });
      if (!invited.has(e.nip)) out.push({ ...base, kind: 'INVITE_PEERS' });
    }
    if (cycle.stage === 'APPROVAL' && e.status === 'RETURNED_TO_RATER') out.push({ ...base, kind: 'RERATE' });
  }
  return out;
}

/** The officials whose authority the caller may hold as Plt/Plh: their superiors and their own team. */
async function actingFor(cycle: CycleRecord, caller: Caller, own: EvaluationRecord | undefined, team: EvaluationRecord[]) {
  const candidates = new Set<string>([own?.raterNip, own?.approverNip ?? undefined, ...team.map((e) => e.nip)].filter((n): n is string => Boolean(n)));
  candidates.delete(caller.nip);
  const out: { kind: 'plt' | 'plh'; forNip: string }[] = [];
  const today = ports().clock.now();
  await mapLimit([...candidates], 4, async (nip) => {
    const delegate = await activeDelegateOf(cycle.agencyId, nip, today);
    if (delegate !== caller.nip) return;
    const all = await ports().delegations.of(cycle.agencyId, nip);
    const d = all.find((x) => x.delegateNip === caller.nip);
    out.push({ kind: d?.kind ?? 'plt', forNip: nip });
  });
  return out;
}

export interface PendingDecision {
  decisionId: string;
  kind: DecisionRecord['kind'];
  cycleId: string;
  stage: Stage;
  createdAt: string;
  deadline?: string;
  subject: { nip: string; name: string; jabatan: string; unitName: string };
  acting?: { kind: 'plt' | 'plh'; forNip: string; forName: string };
  /** What is to be approved: the SKP's RHKs, or the ratings and predikat. */
  details: ReturnType<typeof skpDetails> | ReturnType<typeof evaluationDetails>;
  objection?: { reason: string; requestedPredikat?: string };
}

async function pendingDecisionsIn(cycle: CycleRecord, caller: Caller, locale: Locale, acting: { kind: 'plt' | 'plh'; forNip: string }[]) {
  const { decisions, evaluations, roster, stages } = ports();
  const mine = (await decisions.pendingOf(cycle.cycleId, caller.nip)).map((d) => ({
    d,
    acting: undefined as undefined | { kind: 'plt' | 'plh'; forNip: string },
  }));
  for (const a of acting) for (const d of await decisions.pendingOf(cycle.cycleId, a.forNip)) mine.push({ d, acting: a });
  // Nobody decides on their own record: such a decision is not offered.
  const list = mine.filter(({ d }) => d.status === 'PENDING' && d.subjectNip !== caller.nip);
  if (!list.length) return [];
  const subjects = await evaluations.getMany(cycle.cycleId, new Set(list.map(({ d }) => d.subjectNip)), { consistent: false });
  const units = await roster.unitNames(cycle.agencyId, new Set([...subjects.values()].map((e) => e.unitId)));
  const names = await roster.getEmployees(cycle.agencyId, new Set(acting.map((a) => a.forNip)));
  const stageRecord = await stages.get(cycle.cycleId, cycle.stage);
  const out: PendingDecision[] = [];
  for (const { d, acting: a } of list) {
    const e = subjects.get(d.subjectNip);
    if (!e) continue;
    const details = d.kind === 'SKP_APPROVAL' ? skpDetails(e, d.decisionId, units) : evaluationDetails(e, d.decisionId, units, locale);
    const deadline = d.stage === cycle.stage ? stageDeadline(cycle, d.stage, stageRecord?.openedAt) : undefined;
    out.push({
      decisionId: d.decisionId,
      kind: d.kind,
      cycleId: d.cycleId,
      stage: d.stage,
      createdAt: d.createdAt,
      ...(deadline ? { deadline } : {}),
      subject: details.employee,
      ...(a ? { acting: { ...a, forName: names.get(a.forNip)?.name ?? a.forNip } } : {}),
      details,
      ...(d.kind === 'OBJECTION' && e.objection ? { objection: { reason: e.objection.reason, requestedPredikat: e.objection.requestedPredikat } } : {}),
    });
  }
  return out.sort((x, y) => x.createdAt.localeCompare(y.createdAt));
}

async function cycleOf(cycleId: string, caller: Caller): Promise<CycleRecord> {
  const cycle = await ports().cycles.get(cycleId, { consistent: false });
  if (!cycle || cycle.agencyId !== agencyOf(caller)) throw new NotFoundError(`cycle ${cycleId}`, `Siklus ${cycleId} tidak ditemukan`);
  return cycle;
}

/** The cycle the caller works in now, when the app does not name one: an active one, newest first. */
async function currentCycleOf(caller: Caller): Promise<CycleRecord | undefined> {
  const agencyId = agencyOf(caller);
  const found: CycleRecord[] = [];
  for (const id of candidateCycleIds(agencyId, ports().clock.now())) {
    const c = await ports().cycles.get(id, { consistent: false });
    if (c && c.agencyId === agencyId) found.push(c);
  }
  return found.find((c) => c.status === 'ACTIVE') ?? found[0];
}

/**
 * GET /v1/me/tasks[?cycleId=]: Beranda — what waits for the caller in every role, the stage, its deadline
 * and progress. Without a cycle id, the current cycle (so Beranda needs one request, not two); none: `cycle: null`.
 */
export async function myTasks(caller: Caller, cycleId: string | undefined, locale: Locale = 'id') {
  const cycle = cycleId ? await cycleOf(cycleId, caller) : await currentCycleOf(caller);
  if (!cycle) return { cycle: null, stage: null, own: null, team: [], tasks: [] };
  return tasksIn(cycle, caller, locale);
}

async function tasksIn(cycle: CycleRecord, caller: Caller, locale: Locale) {
  const cycleId = cycle.cycleId;
  const { evaluations, stages } = ports();
  const [own, team, stageRecord] = await Promise.all([
    evaluations.get(cycleId, caller.nip, { consistent: false }),
    evaluations.ofRater(cycleId, caller.nip),
    stages.get(cycleId, cycle.stage),
  ]);
  const deadline = stageDeadline(cycle, cycle.stage, stageRecord?.openedAt);
  const tasks: Task[] = [];
  if (own) tasks.push(...ownTasks(cycle, own, deadline));
  const invitedTeam = new Set<string>();
  if (cycle.stage === 'FINAL_SCORING' || cycle.stage === 'MIDYEAR') {
    await mapLimit(team, 6, async (e) => {
      if ((await evaluations.invitationsOf(cycleId, e.nip)).length) invitedTeam.add(e.nip);
    });
  }
  tasks.push(...teamTasks(cycle, team, invitedTeam, deadline));
  // 360° invitations for the caller: among colleagues who share the caller's rater (where invitations come from).
  if ((cycle.stage === 'MIDYEAR' || cycle.stage === 'FINAL_SCORING') && own?.raterNip) {
    const colleagues = (await evaluations.ofRater(cycleId, own.raterNip)).filter((e) => e.nip !== caller.nip);
    await mapLimit(colleagues, 6, async (e) => {
      const inv = await evaluations.getInvitation(cycleId, e.nip, caller.nip);
      if (inv && !e.feedback?.[caller.nip])
        tasks.push({
          kind: 'GIVE_FEEDBACK',
          role: 'peer',
          nip: e.nip,
          name: e.name,
          href: `/siklus/${cycleId}/umpan-balik/${e.nip}`,
          ...(deadline ? { deadline } : {}),
        });
    });
  }
  const acting = await actingFor(cycle, caller, own, team);
  for (const d of await pendingDecisionsIn(cycle, caller, locale, acting)) {
    tasks.push({
      kind: d.kind === 'OBJECTION' ? 'DECIDE_OBJECTION' : d.kind === 'SKP_APPROVAL' ? 'APPROVE_SKP' : 'DECIDE',
      role: d.kind === 'SKP_APPROVAL' ? 'rater' : 'approver',
      nip: d.subject.nip,
      name: d.subject.name,
      href: d.kind === 'SKP_APPROVAL' && !d.acting ? `/siklus/${cycleId}/tim/${d.subject.nip}` : '/keputusan',
      decisionId: d.decisionId,
      ...(d.deadline ? { deadline: d.deadline } : {}),
      ...(d.acting ? { acting: d.acting } : {}),
    });
  }
  const done = STAGE_DONE_STATUS[cycle.stage];
  return {
    cycle: { cycleId, year: cycle.year, status: cycle.status, stage: cycle.stage, stageLabel: stageLabel[cycle.stage] },
    stage: {
      stage: cycle.stage,
      index: STAGES.indexOf(cycle.stage),
      count: STAGES.length,
      openedAt: stageRecord?.openedAt ?? null,
      deadline: deadline ?? null,
      total: stageRecord?.total ?? 0,
      done: stageRecord?.done ?? 0,
    },
    own: own ? { status: own.status, predikat: own.predikat ?? null, doneStatus: done ?? null } : null,
    team: team.map((e) => ({ nip: e.nip, name: e.name, jabatan: e.jabatan, status: e.status })),
    tasks,
  };
}

/**
 * GET …/evaluations/{nip}/parent-rhk: the RHKs of the employee's rater (the superior), which the
 * employee's RHKs support. Readable by whoever may read the evaluation.
 */
export async function parentRhk(caller: Caller, cycleId: string, nip: string) {
  const { cycle, e } = await load(cycleId, nip);
  if (!canViewEvaluation(caller, e, cycle)) throw new ForbiddenError('Not in your scope', 'Di luar cakupan akses Anda');
  const rater = e.raterNip ? await ports().evaluations.get(cycleId, e.raterNip, { consistent: false }) : undefined;
  const skp = rater?.skp as Skp | undefined;
  return {
    superior: rater ? { nip: rater.nip, name: rater.name, jabatan: rater.jabatan, skpStatus: rater.status } : null,
    required: !e.isUnitHead,
    items: (skp?.rhk ?? []).map((r) => ({ id: r.id, jenis: r.jenis, description: r.description })),
  };
}

/** GET …/evaluations/{nip}/proposal: the engine's proposal from the evidence so far (the rater's form shows it). */
export async function ratingProposal(caller: Caller, cycleId: string, nip: string) {
  const { cycle, e } = await load(cycleId, nip);
  requireRater(caller, e, cycle);
  if (!e.skp) throw new RuleError('There is no SKP to score yet', 'Belum ada SKP yang dapat dinilai');
  const evidence = await approvedCitizenEvidence(cycle.agencyId, nip, cycle.year);
  let score: EmployeeEvaluation;
  try {
    score = scoreEvaluation(cycle, e, {}, evidence);
  } catch {
    // Realisations missing: no proposal yet; the form still works.
    return { available: false as const };
  }
  return {
    available: true as const,
    rhk: score.rhk.map((r) => ({ rhkId: r.rhkId, proposed: r.proposed, achievement: r.achievement })),
    behaviour: { proposed: score.behaviour.proposed },
    resultsRating: score.resultsRating,
    predikat: score.predikat,
  };
}

/** GET /v1/me/decisions: every pending decision for the caller (recipient, or acting Plt/Plh) in their cycles. */
export async function myDecisions(caller: Caller, locale: Locale = 'id', cycleId?: string) {
  const agencyId = agencyOf(caller);
  const ids = cycleId ? [cycleId] : candidateCycleIds(agencyId, ports().clock.now());
  const items: PendingDecision[] = [];
  for (const id of ids) {
    const cycle = await ports().cycles.get(id, { consistent: false });
    if (!cycle || cycle.agencyId !== agencyId) continue;
    const [own, team] = await Promise.all([ports().evaluations.get(id, caller.nip, { consistent: false }), ports().evaluations.ofRater(id, caller.nip)]);
    const acting = await actingFor(cycle, caller, own, team);
    items.push(...(await pendingDecisionsIn(cycle, caller, locale, acting)));
  }
  return { items };
}

export type SessionDecision = { decisionId: string; result: 'decided' | 'already'; outcome?: string; status: string };
const summaryOf = (r: DecideResult): SessionDecision => ({
  decisionId: r.decision.decisionId,
  result: r.kind,
  ...(r.decision.outcome ? { outcome: r.decision.outcome } : {}),
  status: r.decision.status,
});

/** POST /v1/me/decisions/{decisionId}: the same decision as the email link, by the signed-in recipient or acting official. */
export async function decideInSession(caller: Caller, decisionId: string, outcome: DecisionOutcome, comment: string): Promise<SessionDecision> {
  return summaryOf(await decide(decisionId, outcome, comment, caller.nip));
}

/**
 * POST /v1/me/decisions/approve-all: approves the listed decisions (those the approver saw), one by one;
 * one that fails does not stop the rest, and its problem is reported beside it.
 */
export async function approveAll(caller: Caller, decisionIds: readonly string[], comment = '') {
  const results: (SessionDecision | { decisionId: string; result: 'failed'; error: { id: string; en: string } })[] = [];
  for (const decisionId of decisionIds) {
    try {
      results.push(summaryOf(await decide(decisionId, 'approve', comment, caller.nip)));
    } catch (err) {
      if (
        !(
          err instanceof ForbiddenError ||
          err instanceof NotFoundError ||
          err instanceof RuleError ||
          err instanceof StateError ||
          err instanceof ConflictError
        )
      )
        throw err;
      const e = err as Error & { messageId?: string };
      results.push({ decisionId, result: 'failed', error: { id: e.messageId ?? 'Keputusan ini tidak dapat diproses', en: e.message } });
    }
  }
  return { approved: results.filter((r) => r.result === 'decided').length, results };
}
