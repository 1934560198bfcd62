/** The employee’s own assessment, per stage (advisory only). */
import type { EvaluationStatus } from '../../domain/lifecycle/status';
import type { SelfAssessmentInput } from '../../domain/records';
import { requireSelf } from '../authz';
import { ports } from '../context';
import { RuleError, StateError } from '../errors';
import type { Caller } from '../ports';
import { load, now, onFreshState, replayOf, requireStage } from './common';

/**
 * The employee's own view of their results and behaviour, for the mid-year check and the final
 * rating. Stored per stage on the evaluation and shown to the rater; advisory only: the score is the
 * rater's (domain-rules.md §1, §3), so it never enters scoring.
 */
export const recordSelfAssessment = onFreshState(async function recordSelfAssessment(
  cycleId: string,
  nip: string,
  input: SelfAssessmentInput,
  caller: Caller,
  requestId: string,
) {
  const { cycle, e } = await load(cycleId, nip);
  requireSelf(caller, e, { en: 'Only the employee assesses themselves', id: 'Hanya pegawai yang bersangkutan yang dapat menilai dirinya sendiri' });
  const replay = replayOf(e, `self:${requestId}`);
  if (replay) return replay;
  requireStage(cycle, 'MIDYEAR', 'FINAL_SCORING');
  const allowed: EvaluationStatus[] = cycle.stage === 'MIDYEAR' ? ['MONITORING', 'MIDYEAR_REVIEWED'] : ['AWAITING_RATING'];
  if (!allowed.includes(e.status))
    throw new StateError(`A self-assessment cannot be recorded in status ${e.status}`, `Penilaian mandiri tidak dapat dicatat pada status ${e.status}`);
  const rhkIds = new Set((e.skp?.rhk ?? []).map((r) => r.id));
  const unknown = (input.rhk ?? []).map((r) => r.rhkId).filter((id) => !rhkIds.has(id));
  if (unknown.length) throw new RuleError(`Unknown RHK: ${unknown.join(', ')}`, `RHK tidak ada di SKP: ${unknown.join(', ')}`, 'rhk');
  const at = now();
  const entry = { ...input, at };
  const outcome = await ports().evaluations.change(
    {
      cycleId,
      nip,
      changeId: `self:${requestId}`,
      from: e.status,
      set: { selfAssessment: { ...(e.selfAssessment ?? {}), [cycle.stage]: entry } },
      audit: {
        at,
        actor: { nip: caller.nip, role: 'employee', name: caller.name },
        action: 'SELF_ASSESSED',
        after: { stage: cycle.stage, rhk: input.rhk?.length ?? 0, behaviour: input.behaviour?.length ?? 0 },
      },
    },
    e,
  );
  return { status: e.status, stage: cycle.stage, outcome };
});
