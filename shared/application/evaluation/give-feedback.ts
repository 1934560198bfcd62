/** Behaviour feedback from the rater, or from a colleague invited for this evaluation. */
import type { BehaviourFeedback } from '../../domain/behaviour';
import { requireFeedbackAuthor } from '../authz';
import { ports } from '../context';
import { StateError } from '../errors';
import type { Caller } from '../ports';
import { load, now, onFreshState, replayOf, requireBeforeDeadline, requireStage } from './common';

export const giveFeedback = onFreshState(async function giveFeedback(
  cycleId: string,
  nip: string,
  feedback: Omit<BehaviourFeedback, 'source' | 'fromNip'>[],
  caller: Caller,
  requestId: string,
) {
  const { cycle, e } = await load(cycleId, nip);
  requireStage(cycle, 'MIDYEAR', 'FINAL_SCORING');
  if (caller.nip === nip) requireFeedbackAuthor(caller, e, false);
  const replay = replayOf(e, `feedback:${requestId}`);
  if (replay) return { ...replay, source: undefined };
  let source: BehaviourFeedback['source'];
  if (caller.nip === e.raterNip) source = 'rater';
  else {
    // Peers and subordinates give 360° feedback only when invited for this evaluation (invitePeers).
    requireFeedbackAuthor(caller, e, Boolean(await ports().evaluations.getInvitation(cycleId, nip, caller.nip)));
    const author = await ports().evaluations.get(cycleId, caller.nip);
    source = author?.raterNip === nip ? 'subordinate' : 'peer';
    await requireBeforeDeadline(cycle);
  }
  if (e.status === 'RATED') throw new StateError('The evaluation has been rated', 'Penilaian sudah diberi rating');
  const items: BehaviourFeedback[] = feedback.map((f) => ({ ...f, source, fromNip: caller.nip }));
  // One entry per author: a second submission replaces the first (editable until the rating, and for peers the stage deadline).
  const outcome = await ports().evaluations.change(
    {
      cycleId,
      nip,
      changeId: `feedback:${requestId}`,
      from: e.status,
      set: { feedback: { ...(e.feedback ?? {}), [caller.nip]: items } },
      audit: {
        at: now(),
        actor: { nip: caller.nip, role: source === 'rater' ? 'rater' : 'peer' },
        action: 'FEEDBACK_GIVEN',
        after: { source, values: items.length },
      },
    },
    e,
  );
  return { source, outcome };
});
