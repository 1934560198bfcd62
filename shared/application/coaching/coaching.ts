/**
 * Coaching after a low predikat (spec §5, issue 16): plans opened when results become final, read by
 * whoever may see the evaluation, sessions recorded by the rater, acknowledged by the employee, and
 * HR's list of open plans and overdue sessions. Nobody acts on their own record.
 */
import {
  acknowledgeSession,
  type CoachingPlan,
  CoachingRuleError,
  isOverdue,
  openCoachingPlan,
  recordSession,
  type SessionInput,
  unacknowledged,
} from '../../domain/coaching';
import type { EmployeeEvaluation } from '../../domain/evaluate';
import { getPolicy, requireExpectationPolicy } from '../../domain/policies';
import type { Predikat } from '../../domain/ratings';
import type { CycleRecord, EvaluationRecord } from '../../domain/records';
import { dayOf } from '../../domain/skm/calendar';
import type { Skp } from '../../domain/skp';
import { canViewEvaluation, requireHrOf, requireRater, requireSelf } from '../authz';
import { ports } from '../context';
import { coachingPlans, requestDocuments } from '../documents/context';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../errors';
import type { Caller } from '../ports';

const today = () => dayOf(ports().clock.now());
const outOfScope = () => new ForbiddenError('Not in your scope', 'Di luar cakupan akses Anda');

/** The plan a final low predikat opens, from the evaluation as stored (undefined for Baik and above). */
export function planFor(cycle: CycleRecord, e: EvaluationRecord, at: string): CoachingPlan | undefined {
  const score = e.score as Partial<EmployeeEvaluation> | undefined;
  const skp = e.skp as Skp | undefined;
  const weak = score?.weaknesses ?? { rhkIds: [], values: [] };
  const policy = requireExpectationPolicy(getPolicy(cycle.policyId));
  return openCoachingPlan({
    cycleId: cycle.cycleId,
    agencyId: cycle.agencyId,
    cycleYear: cycle.year,
    employee: { nip: e.nip, name: e.name, jabatan: e.jabatan, unitId: e.unitId, ...(e.raterNip ? { raterNip: e.raterNip } : {}) },
    predikat: (e.predikat ?? score?.predikat) as Predikat,
    weakRhk: weak.rhkIds.map((rhkId) => ({ rhkId, description: skp?.rhk.find((r) => r.id === rhkId)?.description ?? rhkId })),
    weakValues: weak.values,
    ...(e.followUp ? { followUp: e.followUp } : {}),
    openedOn: dayOf(new Date(at)),
    at,
    improvementPeriodMonths: policy.followUp.improvementPeriodMonths,
  });
}

/**
 * Opens the plans of a page of evaluations whose result became final (the follow-up stage's close):
 * each at most once (a conditional create), so a retried page opens none twice.
 */
export async function openCoachingPlans(cycle: CycleRecord, page: readonly EvaluationRecord[], at: string): Promise<number> {
  if (!ports().coaching) return 0;
  let opened = 0;
  for (const e of page) {
    const fresh = await ports().evaluations.get(cycle.cycleId, e.nip);
    if (!fresh || fresh.status !== 'FINAL') continue;
    const plan = planFor(cycle, fresh, at);
    if (plan && (await coachingPlans().create(plan))) opened++;
  }
  return opened;
}

/** The evaluation in the caller's view, `allowed` checked (who may act) before anything about the plan is revealed. */
async function planInScope(caller: Caller, cycleId: string, nip: string, allowed?: (e: EvaluationRecord, cycle: CycleRecord) => void) {
  const [e, cycle, plan] = await Promise.all([ports().evaluations.get(cycleId, nip), ports().cycles.get(cycleId), coachingPlans().get(cycleId, nip)]);
  if (!e || !cycle) throw new NotFoundError(`evaluation ${nip}`, `Penilaian pegawai ${nip} tidak ditemukan`);
  if (!canViewEvaluation(caller, e, cycle)) throw outOfScope();
  allowed?.(e, cycle);
  if (!plan) throw new NotFoundError(`coaching plan of ${nip}`, `Rencana pembinaan pegawai ${nip} tidak ditemukan`);
  return { e, cycle, plan };
}

export interface PlanView extends CoachingPlan {
  overdue: boolean;
  awaitingAcknowledgement: number;
}
const view = (plan: CoachingPlan): PlanView => ({ ...plan, overdue: isOverdue(plan, today()), awaitingAcknowledgement: unacknowledged(plan).length });

export async function getCoachingPlan(caller: Caller, cycleId: string, nip: string): Promise<PlanView> {
  return view((await planInScope(caller, cycleId, nip)).plan);
}

function ruleError(err: unknown): never {
  if (err instanceof CoachingRuleError) throw new RuleError(err.text.en, err.text.id);
  throw err;
}

async function save(plan: CoachingPlan, before: CoachingPlan, action: string, caller: Caller, requestId: string, role: 'rater' | 'employee') {
  const outcome = await coachingPlans().update(plan, before.version, {
    eventId: `coaching:${plan.nip}:${requestId}`,
    at: plan.updatedAt,
    actor: { nip: caller.nip, role, ...(caller.name ? { name: caller.name } : {}) },
    action,
    before: { version: before.version, sessions: before.sessions.length, status: before.status },
    after: { version: plan.version, sessions: plan.sessions.length, status: plan.status },
  });
  if (outcome === 'conflict') throw new ConflictError('The coaching plan changed meanwhile; reload it', 'Rencana pembinaan telah berubah; muat ulang');
  // The coaching record shows every session: a new version is made in the background.
  await requestDocuments({ type: 'coaching', cycleId: plan.cycleId, nip: plan.nip });
}

/** The rater (or HR acting as rater) records a session; never on their own plan. */
export async function recordCoachingSession(caller: Caller, cycleId: string, nip: string, input: SessionInput, requestId: string): Promise<PlanView> {
  const { plan } = await planInScope(caller, cycleId, nip, (e, cycle) => requireRater(caller, e, cycle));
  const sessionId = `S${plan.sessions.length + 1}`;
  // A retried request (same Idempotency-Key) finds its session already recorded.
  if (plan.sessions.some((s) => s.recordedBy.nip === caller.nip && s.kind === input.kind && s.notes === input.notes && s.heldOn === input.heldOn))
    return view(plan);
  let next: CoachingPlan;
  try {
    next = recordSession(
      plan,
      input,
      { nip: caller.nip, ...(caller.name ? { name: caller.name } : {}) },
      sessionId,
      today(),
      ports().clock.now().toISOString(),
    );
  } catch (err) {
    ruleError(err);
  }
  await save(next, plan, input.kind === 'recheck' ? 'COACHING_RECHECK_RECORDED' : 'COACHING_SESSION_RECORDED', caller, requestId, 'rater');
  return view(next);
}

/** The employee acknowledges a session of their own plan (only they can). */
export async function acknowledgeCoachingSession(
  caller: Caller,
  cycleId: string,
  nip: string,
  sessionId: string,
  note: string | undefined,
  requestId: string,
): Promise<PlanView> {
  const { plan } = await planInScope(caller, cycleId, nip, () =>
    requireSelf(
      caller,
      { nip },
      { en: 'Only the employee acknowledges their coaching sessions', id: 'Hanya pegawai yang bersangkutan yang mengakui sesi pembinaannya' },
    ),
  );
  let next: CoachingPlan;
  try {
    next = acknowledgeSession(plan, sessionId, caller.nip, ports().clock.now().toISOString(), note);
  } catch (err) {
    ruleError(err);
  }
  if (next === plan) return view(plan);
  await save(next, plan, 'COACHING_SESSION_ACKNOWLEDGED', caller, requestId, 'employee');
  return view(next);
}

/** HR: the agency's open plans (oldest next-session date first), or only those with an overdue session. */
export async function listCoachingPlans(
  caller: Caller,
  agencyId: string,
  query: { overdue?: boolean; cursor?: string; limit?: number },
): Promise<{ items: PlanView[]; next: string | null; today: string }> {
  requireHrOf(caller, agencyId);
  const scope = `coaching:${agencyId}:${query.overdue ? 'overdue' : 'open'}`;
  const start = await ports().cursors.verify(query.cursor, scope);
  const day = today();
  const page = await coachingPlans().openPage(agencyId, {
    ...(query.overdue ? { dueBefore: day } : {}),
    ...(start ? { start } : {}),
    limit: query.limit ?? 50,
  });
  return { items: page.items.map(view), next: await ports().cursors.sign(page.next, scope), today: day };
}
