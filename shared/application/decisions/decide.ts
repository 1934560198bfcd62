/** Deciding a pending decision from an email link (or the app): the recipient, an escalation superior or a Plt/Plh. */
import type { EvaluationStatus } from '../../domain/lifecycle/status';
import { predikatFor } from '../../domain/predikat';
import type { Predikat, Rating } from '../../domain/ratings';
import type { Actor, CycleRecord, DecisionRecord, EvaluationFields, EvaluationRecord, StoredScore } from '../../domain/records';
import { isDirectDecider, requireDecider, requireNotOwnRecord } from '../authz';
import { ports } from '../context';
import { activeDelegateOf } from '../delegation/delegation';
import { NotFoundError, RuleError } from '../errors';
import { now } from '../evaluation/common';
import { sendDecisionNotice } from '../stages/notifications';
import { releaseStageIfComplete } from '../stages/release';

/** 'approve' / 'return'; for an objection (keberatan): 'approve' grants it, 'return' rejects it. */
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
  // Approve = the objection is granted (the approver re-rates; the predikat follows the matrix); return = rejected.
  // Final either way (PP 30/2019 Ps. 59).
  OBJECTION: {
    approve: { from: 'OBJECTED', to: 'OBJECTION_DECIDED', completes: true },
    return: { from: 'OBJECTED', to: 'OBJECTION_DECIDED', completes: true },
  },
};

/**
 * `decided`: this request's decision was recorded (or is a true replay of it: same choice by the same
 * person). `already`: someone decided first — `decision` holds what was stored (who, when, which
 * outcome); the caller shows that, never its own choice.
 */
export type DecideResult =
  | { kind: 'decided'; decision: DecisionRecord; outcome: DecisionOutcome; subject: EvaluationRecord; predikat?: Predikat }
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

/** A granted objection re-rates: the approver sets the results and/or behaviour rating; the predikat follows the matrix. */
export interface Rerate {
  resultsRating?: Rating;
  behaviourRating?: Rating;
}
export interface DecideOptions {
  rerate?: Rerate;
}

/** The ratings an evaluation holds now (what an objection is about). */
export function currentRatings(e: Pick<EvaluationRecord, 'score'>): { resultsRating?: Rating; behaviourRating?: Rating } {
  const score = e.score as StoredScore | undefined;
  return { resultsRating: score?.resultsRating as Rating | undefined, behaviourRating: score?.behaviour?.final as Rating | undefined };
}

/**
 * What a granted objection gives: the new ratings (unset ones kept) and the predikat the matrix gives
 * them. Throws a RuleError when nothing changes (granting means changing the result) or a rating is missing.
 */
export function rerateResult(
  e: Pick<EvaluationRecord, 'score'>,
  rerate: Rerate | undefined,
): { resultsRating: Rating; behaviourRating: Rating; predikat: Predikat } {
  const current = currentRatings(e);
  const resultsRating = rerate?.resultsRating ?? current.resultsRating;
  const behaviourRating = rerate?.behaviourRating ?? current.behaviourRating;
  if (!resultsRating || !behaviourRating)
    throw new RuleError('Granting an objection needs both ratings', 'Mengabulkan keberatan memerlukan rating hasil kerja dan rating perilaku kerja', 'rerate');
  if (resultsRating === current.resultsRating && behaviourRating === current.behaviourRating)
    throw new RuleError(
      'Granting an objection changes the results or behaviour rating; to keep the result, reject the objection',
      'Mengabulkan keberatan berarti mengubah rating hasil kerja atau rating perilaku kerja; bila hasil tetap, pilih Tolak keberatan',
      'rerate',
    );
  return { resultsRating, behaviourRating, predikat: predikatFor(resultsRating, behaviourRating) };
}

/** The ratings that give `requested` closest to the current ones (a suggestion for the approver's form). */
export function suggestRerate(e: Pick<EvaluationRecord, 'score'>, requested: Predikat | undefined): Rerate | undefined {
  if (!requested) return undefined;
  const current = currentRatings(e);
  const scale: Rating[] = ['DI_BAWAH', 'SESUAI', 'DI_ATAS'];
  let best: { r: Rating; b: Rating; cost: number } | undefined;
  for (const r of scale)
    for (const b of scale) {
      if (predikatFor(r, b) !== requested) continue;
      const cost = (r === current.resultsRating ? 0 : 1) + (b === current.behaviourRating ? 0 : 1);
      if (!best || cost < best.cost) best = { r, b, cost };
    }
  return best ? { resultsRating: best.r, behaviourRating: best.b } : undefined;
}

/**
 * Decides a pending decision. `actorNip` is the verified link's recipient (the original recipient, a
 * delegate, or the superior it was escalated to). A second decision never has a second effect: the
 * change id names the choice and the person, so only a true replay (same choice, same person) counts
 * as this request's; a request that lost the race is told what was stored.
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
  options: DecideOptions = {},
): Promise<DecideResult> {
  const decision = loaded.decision?.decisionId === decisionId ? loaded.decision : await ports().decisions.get(decisionId);
  if (!decision) throw new NotFoundError(`decision ${decisionId}`, 'Keputusan tidak ditemukan');
  // Nobody decides on their own record, whatever else holds.
  requireNotOwnRecord(actorNip, decision.subjectNip);
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
  // A return, and either answer to an objection, needs a reason.
  if ((outcome === 'return' || decision.kind === 'OBJECTION') && !comment.trim())
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
  let regraded: ReturnType<typeof rerateResult> | undefined;
  if (decision.kind === 'OBJECTION') {
    set.objection = { reason: '', ...e.objection, decision: outcome === 'approve' ? 'GRANTED' : 'REJECTED', decidedAt: at, comment };
    if (outcome === 'approve') {
      // Granting re-rates; the predikat is the matrix's for the new ratings, so it never contradicts them.
      regraded = rerateResult(e, options.rerate);
      const score = (e.score ?? {}) as StoredScore;
      set.score = {
        ...score,
        resultsRating: regraded.resultsRating,
        behaviour: { ...score.behaviour, final: regraded.behaviourRating },
        predikat: regraded.predikat,
      } as EvaluationFields['score'];
      set.predikat = regraded.predikat;
    }
  }
  let applied: 'applied' | 'replayed';
  try {
    applied = await ports().evaluations.change(
      {
        cycleId: decision.cycleId,
        nip: decision.subjectNip,
        // The choice and the person are part of the change id: only a true replay is recognised as one.
        changeId: `decision:${decisionId}:${outcome}:${actorNip}`,
        from: effect.from,
        to: effect.to,
        set,
        audit: {
          at,
          actor,
          action: `${decision.kind}:${outcome.toUpperCase()}`,
          reason: comment || undefined,
          before: { status: e.status, predikat: e.predikat, ...(regraded ? currentRatings(e) : {}) },
          after: {
            status: effect.to,
            ...(set.predikat ? { predikat: set.predikat } : {}),
            ...(regraded ? { resultsRating: regraded.resultsRating, behaviourRating: regraded.behaviourRating } : {}),
          },
        },
        extra: [
          ports().decisions.decideOp(decisionId, actor, at, outcome, comment),
          ...(counts ? [ports().stages.counterOp(decision.cycleId, decision.stage, { done: 1 })] : []),
        ],
      },
      e,
    );
  } catch (err) {
    // Lost a race (a second tab, the escalation superior, another choice): report what was stored.
    const stored = await ports().decisions.get(decisionId);
    if (stored && stored.status !== 'PENDING') return { kind: 'already', decision: stored };
    throw err;
  }
  if (counts) await releaseStageIfComplete(decision.cycleId, decision.stage, cycle);
  // Applied: the transaction wrote exactly this (decideDecisionUpdate), no need to read it back.
  const decided: DecisionRecord =
    applied === 'applied' ? { ...decision, status: 'DECIDED', decidedBy: actor, decidedAt: at, outcome, comment } : (await ports().decisions.get(decisionId))!;
  if (applied === 'replayed' && (decided.outcome !== outcome || decided.decidedBy?.nip !== actorNip)) return { kind: 'already', decision: decided };
  // The person the outcome concerns is told, once (a replay finds the notice already claimed).
  try {
    await sendDecisionNotice(cycle, decided, { ...e, ...set, status: effect.to } as EvaluationRecord, regraded?.predikat);
  } catch (err) {
    ports().log.info('Decision notice not sent', { decisionId, error: String(err) });
  }
  return { kind: 'decided', decision: decided, outcome, subject: e, ...(regraded ? { predikat: regraded.predikat } : {}) };
}
