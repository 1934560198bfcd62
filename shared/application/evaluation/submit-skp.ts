/** An employee submits their SKP (planning; a late joiner in mid-year): a decision for the rater. */
import * as domain from '../../domain';
import { requireSelfOrHr } from '../authz';
import { ports } from '../context';
import { RuleError } from '../errors';
import type { Caller } from '../ports';
import { actorOf, load, now, onFreshState, replayOf, requireStage, requireStatus } from './common';

export const submitSkp = onFreshState(async function submitSkp(cycleId: string, nip: string, skpInput: unknown, caller: Caller, requestId: string) {
  const { cycle, e } = await load(cycleId, nip);
  requireSelfOrHr(caller, e, cycle);
  const replay = replayOf(e, `skp:${requestId}`);
  if (replay) return replay;
  // Everyone plans in the planning stage; an employee who joined later plans in the mid-year stage.
  if (!(cycle.stage === 'PLANNING' || (e.joinedAt && cycle.stage === 'MIDYEAR'))) requireStage(cycle, 'PLANNING');
  requireStatus(e, 'SKP_SUBMITTED');
  const rater = e.raterNip ? await ports().evaluations.get(cycleId, e.raterNip) : undefined;
  const superiorRhkIds = rater?.skp?.rhk.map((r) => r.id);
  const validation = domain.validateSkp(skpInput, {
    isUnitHead: e.isUnitHead,
    cycle: { start: `${cycle.year}-01-01`, end: `${cycle.year}-12-31` },
    ...(superiorRhkIds ? { superiorRhkIds } : {}),
  });
  if (!validation.ok) throw new domain.DomainValidationError(validation.errors);
  if (validation.skp.nip !== nip) throw new RuleError('The SKP’s NIP must be the employee’s', 'NIP pada SKP harus NIP pegawai yang bersangkutan', 'nip');
  const at = now();
  const decisionId = ports().newId();
  const recipient = e.raterNip;
  const outcome = await ports().evaluations.change(
    {
      cycleId,
      nip,
      changeId: `skp:${requestId}`,
      from: ['SKP_DRAFT', 'SKP_RETURNED'],
      to: 'SKP_SUBMITTED',
      set: { skp: validation.skp, pendingDecisionId: recipient ? decisionId : null },
      audit: {
        at,
        actor: actorOf(caller, 'employee'),
        action: 'SKP_SUBMITTED',
        before: { status: e.status },
        after: { status: 'SKP_SUBMITTED', rhk: validation.skp.rhk.length },
      },
      extra: recipient
        ? [
            ports().decisions.createOp({
              decisionId,
              kind: 'SKP_APPROVAL',
              cycleId,
              stage: cycle.stage,
              counts: cycle.stage === 'PLANNING',
              subjectNip: nip,
              recipientNip: recipient,
              status: 'PENDING',
              createdAt: at,
            }),
            ports().decisions.digestDueOp(cycleId, cycle.stage, recipient, decisionId),
          ]
        : [],
    },
    e,
  );
  return { status: 'SKP_SUBMITTED' as const, outcome };
});
