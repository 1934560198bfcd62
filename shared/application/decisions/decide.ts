/** Deciding a pending decision from an email link: the recipient, an escalation superior or a Plt/Plh. */
import type { EvaluationStatus } from '../../domain/lifecycle/status';
import type { Actor, CycleRecord, DecisionRecord, EvaluationFields, EvaluationRecord } from '../../domain/records';
import { isDirectDecider, requireDecider } from '../authz';
import { ports } from '../context';
import { activeDelegateOf } from '../delegation/delegation';
import { NotFoundError, RuleError } from '../errors';
import { now } from '../evaluation/common';
import { releaseStageIfComplete } from '../stages/release';

export type DecisionOutcome = 'approve' | 'return';

/** What each kind of decision does to the evaluation. */
const DECISION_EFFECT: Record<DecisionRecord['kind'], Record<DecisionOutcome, { from: EvaluationStatus; to: EvaluationStatus; completes: boolean }>> = {
  SKP_APPROVAL: {
    approve: { from: 'SKP_SUBMITTED', to: 'SKP_APPROVED', completes: true },
    return: { from: 'SKP_SUBMITTED', to: 'SKP_RETURNED', completes: false },
  },
  EVALUATION_APPROVAL: {
    approve: { from: 'AWAITING_APPROVAL', to: 'APPROVED', completes: true },
    return: { from: 'AWAITING_APPROVAL', to: 'RETURNED_TO_RATER', completes: false },
  },
  // Approve = the objection is granted (the requested predikat stands); return = rejected. Final either way (PP 30/2019 Ps. 59).
  OBJECTION: {
    approve: { from: 'OBJECTED', to: 'OBJECTION_DECIDED', completes: true },
    return: { from: 'OBJECTED', to: 'OBJECTION_DECIDED', completes: true },
  },
};

export type DecideResult =
  | { kind: 'decided'; decision: DecisionRecord; outcome: DecisionOutcome; subject: EvaluationRecord }
  | { kind: 'already'; decision: DecisionRecord };

/**
 * What the caller has already read for this request (the decision-link handler reads the decision,
 * the cycle and the acting official to check the link): passed in, not read again.
 */
export interface DecideLoaded {
  decision?: DecisionRecord;
  cycle?: CycleRecord;
  /** The active Plt/Plh of the decision's recipient, if already looked up (null: looked up, none). */
  acting?: string | null;
}

/**
 * Decides a pending decision. `actorNip` is the verified link's recipient (the original recipient, a
 * delegate, or the superior it was escalated to). A second decision never has a second effect.
 * Reads, each at most once: the decision and the cycle (unless given), the delegation (only for an
 * actor who is neither the recipient nor an escalation target, unless given), the evaluation, and the
 * stage record after a completing decision.
 */
export async function decide(
  decisionId: string,
  outcome: DecisionOutcome,
  comment: string,
  actorNip: string,
  loaded: DecideLoaded = {},
): Promise<DecideResult> {
  const decision = loaded.decision?.decisionId === decisionId ? loaded.decision : await ports().decisions.get(decisionId);
  if (!decision) throw new NotFoundError(`decision ${decisionId}`, 'Keputusan tidak ditemukan');
  if (decision.status !== 'PENDING') return { kind: 'already', decision };
  const cycle = loaded.cycle?.cycleId === decision.cycleId ? loaded.cycle : await ports().cycles.get(decision.cycleId, { consistent: false });
  if (!cycle) throw new NotFoundError(`cycle ${decision.cycleId}`, `Siklus ${decision.cycleId} tidak ditemukan`);
  // The acting official is looked up only when the actor is neither the recipient nor an escalation target.
  const direct = isDirectDecider(actorNip, decision);
  const acting = direct
    ? undefined
    : loaded.acting !== undefined
      ? (loaded.acting ?? undefined)
      : await activeDelegateOf(cycle.agencyId, decision.recipientNip);
  requireDecider(actorNip, decision, acting);
  if (outcome === 'return' && !comment.trim())
    throw new RuleError('A reason is required to return or reject', 'Alasan wajib diisi untuk mengembalikan atau menolak', 'comment');
  const e = await ports().evaluations.get(decision.cycleId, decision.subjectNip);
  if (!e)
    throw new NotFoundError(
      `evaluation of ${decision.subjectNip} in ${decision.cycleId}`,
      `Penilaian pegawai ${decision.subjectNip} pada siklus ${decision.cycleId} tidak ditemukan`,
    );
  const effect = DECISION_EFFECT[decision.kind][outcome];
  const counts = effect.completes && decision.counts !== false;
  const at = now();
  const actor: Actor = { nip: actorNip, role: 'approver', ...(actorNip !== decision.recipientNip ? { onBehalfOf: decision.recipientNip } : {}) };
  const set: EvaluationFields = { pendingDecisionId: null };
  if (decision.kind === 'SKP_APPROVAL' && outcome === 'return') set.skpNotes = comment;
  if (decision.kind === 'EVALUATION_APPROVAL' && outcome === 'return') set.returnReason = comment;
  if (decision.kind === 'OBJECTION') {
    const requested = e.objection?.requestedPredikat;
    set.objection = { reason: '', ...e.objection, decision: outcome === 'approve' ? 'GRANTED' : 'REJECTED', decidedAt: at, comment };
    if (outcome === 'approve' && requested) set.predikat = requested;
  }
  let applied: 'applied' | 'replayed';
  try {
    applied = await ports().evaluations.change(
      {
        cycleId: decision.cycleId,
        nip: decision.subjectNip,
        changeId: `decision:${decisionId}`,
        from: effect.from,
        to: effect.to,
        set,
        audit: {
          at,
          actor,
          action: `${decision.kind}:${outcome.toUpperCase()}`,
          reason: comment || undefined,
          before: { status: e.status, predikat: e.predikat },
          after: { status: effect.to, ...(set.predikat ? { predikat: set.predikat } : {}) },
        },
        extra: [
          ports().decisions.decideOp(decisionId, actor, at, outcome, comment),
          ...(counts ? [ports().stages.counterOp(decision.cycleId, decision.stage, { done: 1 })] : []),
        ],
      },
      e,
    );
  } catch (err) {
    // Lost a race with a second click: report who decided first.
    const now2 = await ports().decisions.get(decisionId);
    if (now2 && now2.status !== 'PENDING') return { kind: 'already', decision: now2 };
    throw err;
  }
  if (counts) await releaseStageIfComplete(decision.cycleId, decision.stage, cycle);
  // Applied: the transaction wrote exactly this (decideDecisionUpdate), no need to read it back.
  const decided: DecisionRecord =
    applied === 'applied' ? { ...decision, status: 'DECIDED', decidedBy: actor, decidedAt: at, outcome, comment } : (await ports().decisions.get(decisionId))!;
  return { kind: 'decided', decision: decided, outcome, subject: e };
}
