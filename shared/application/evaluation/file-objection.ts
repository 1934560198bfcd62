/** An employee objects to their result (keberatan): a decision for the approver. */
import type * as domain from '../../domain';
import { requireSelf } from '../authz';
import { ports } from '../context';
import type { Caller } from '../ports';
import { actorOf, load, now, onFreshState, replayOf, requireStage, requireStatus } from './common';

export const fileObjection = onFreshState(async function fileObjection(
  cycleId: string,
  nip: string,
  objection: { reason: string; requestedPredikat?: domain.Predikat },
  caller: Caller,
  requestId: string,
) {
  const { cycle, e } = await load(cycleId, nip);
  requireSelf(caller, e, { en: 'Only the employee may object to their result', id: 'Hanya pegawai yang bersangkutan yang dapat mengajukan keberatan' });
  const replay = replayOf(e, `objection:${requestId}`);
  if (replay) return replay;
  requireStage(cycle, 'OBJECTION');
  requireStatus(e, 'OBJECTED');
  const at = now();
  const recipient = e.approverNip ?? e.raterNip!;
  const decisionId = ports().newId();
  const outcome = await ports().evaluations.change(
    {
      cycleId,
      nip,
      changeId: `objection:${requestId}`,
      from: 'RESULT_ISSUED',
      to: 'OBJECTED',
      set: { objection: { ...objection, filedAt: at }, pendingDecisionId: decisionId },
      audit: { at, actor: actorOf(caller, 'employee'), action: 'OBJECTION_FILED', after: objection, reason: objection.reason },
      extra: [
        ports().decisions.createOp({
          decisionId,
          kind: 'OBJECTION',
          cycleId,
          stage: 'OBJECTION',
          subjectNip: nip,
          recipientNip: recipient,
          status: 'PENDING',
          createdAt: at,
        }),
        ports().stages.counterOp(cycleId, 'OBJECTION', { total: 1 }),
        ports().decisions.digestDueOp(cycleId, 'OBJECTION', recipient, decisionId),
      ],
    },
    e,
  );
  return { status: 'OBJECTED' as const, outcome };
});
