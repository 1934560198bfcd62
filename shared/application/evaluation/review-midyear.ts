/** The rater’s mid-year review. */

import { requireRater } from '../authz';
import { ports } from '../context';
import type { Caller } from '../ports';
import { releaseStageIfComplete } from '../stages/release';
import { actorOf, load, now, onFreshState, replayOf, requireStage, requireStatus } from './common';

export const reviewMidyear = onFreshState(async function reviewMidyear(
  cycleId: string,
  nip: string,
  review: { rating: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH'; notes: string },
  caller: Caller,
  requestId: string,
) {
  const { cycle, e } = await load(cycleId, nip);
  requireRater(caller, e, cycle);
  const replay = replayOf(e, `midyear:${requestId}`);
  if (replay) return replay;
  requireStage(cycle, 'MIDYEAR');
  requireStatus(e, 'MIDYEAR_REVIEWED');
  const outcome = await ports().evaluations.change(
    {
      cycleId,
      nip,
      changeId: `midyear:${requestId}`,
      from: 'MONITORING',
      to: 'MIDYEAR_REVIEWED',
      set: { midyearReview: { ...review, at: now() } },
      audit: { at: now(), actor: actorOf(caller, 'rater'), action: 'MIDYEAR_REVIEWED', after: review },
      extra: [ports().stages.counterOp(cycleId, 'MIDYEAR', { done: 1 })],
    },
    e,
  );
  if (outcome === 'applied') await releaseStageIfComplete(cycleId, 'MIDYEAR', cycle);
  return { status: 'MIDYEAR_REVIEWED' as const, outcome };
});
