/** The rater’s final rating, scored by the engine; in the approval stage only a returned one again. */

import { requireRater } from '../authz';
import { ports } from '../context';
import { StateError } from '../errors';
import type { Caller } from '../ports';
import { approvedCitizenEvidence } from '../skm/use-cases';
import { releaseStageIfComplete } from '../stages/release';
import { actorOf, load, now, onFreshState, replayOf, requireStage, requireStatus } from './common';
import { type RaterRatingInput, scoreEvaluation } from './scoring';

export const rateEvaluation = onFreshState(async function rateEvaluation(
  cycleId: string,
  nip: string,
  rating: RaterRatingInput,
  caller: Caller,
  requestId: string,
) {
  const { cycle, e } = await load(cycleId, nip);
  requireRater(caller, e, cycle);
  const replay = replayOf(e, `rating:${requestId}`);
  if (replay) return replay;
  requireStage(cycle, 'FINAL_SCORING', 'APPROVAL');
  const at = now();
  const evidence = await approvedCitizenEvidence(cycle.agencyId, nip, cycle.year);
  const score = scoreEvaluation(cycle, e, rating, evidence);
  if (cycle.stage === 'FINAL_SCORING') {
    if (e.status !== 'AWAITING_RATING' && e.status !== 'RATED') requireStatus(e, 'RATED');
    const first = e.status === 'AWAITING_RATING';
    const outcome = await ports().evaluations.change(
      {
        cycleId,
        nip,
        changeId: `rating:${requestId}`,
        from: ['AWAITING_RATING', 'RATED'],
        to: 'RATED',
        set: { rating, score, predikat: score.predikat },
        audit: {
          at,
          actor: actorOf(caller, 'rater'),
          action: 'RATED',
          before: { predikat: e.predikat },
          after: { resultsRating: score.resultsRating, behaviour: score.behaviour.final, predikat: score.predikat },
        },
        extra: first ? [ports().stages.counterOp(cycleId, 'FINAL_SCORING', { done: 1 })] : [],
      },
      e,
    );
    if (outcome === 'applied' && first) await releaseStageIfComplete(cycleId, 'FINAL_SCORING', cycle);
    return { status: 'RATED' as const, predikat: score.predikat, outcome };
  }
  // Approval stage: only an evaluation the approver returned may be rated again.
  requireStatus(e, 'AWAITING_APPROVAL');
  if (e.status !== 'RETURNED_TO_RATER')
    throw new StateError('Only a returned evaluation can be rated again', 'Hanya penilaian yang dikembalikan yang dapat dinilai ulang');
  const recipient = e.approverNip ?? e.raterNip!;
  const decisionId = ports().newId();
  const outcome = await ports().evaluations.change(
    {
      cycleId,
      nip,
      changeId: `rating:${requestId}`,
      from: 'RETURNED_TO_RATER',
      to: 'AWAITING_APPROVAL',
      set: { rating, score, predikat: score.predikat, pendingDecisionId: decisionId },
      audit: { at, actor: actorOf(caller, 'rater'), action: 'RERATED', before: { predikat: e.predikat }, after: { predikat: score.predikat } },
      extra: [
        ports().decisions.createOp({
          decisionId,
          kind: 'EVALUATION_APPROVAL',
          cycleId,
          stage: 'APPROVAL',
          subjectNip: nip,
          recipientNip: recipient,
          status: 'PENDING',
          createdAt: at,
        }),
        ports().decisions.digestDueOp(cycleId, 'APPROVAL', recipient, decisionId),
      ],
    },
    e,
  );
  return { status: 'AWAITING_APPROVAL' as const, predikat: score.predikat, outcome };
});
