/** An employee records progress (mid-year) or realisations (final scoring). */
import type { Realisation } from '../../domain/evaluate';
import type { EvaluationStatus } from '../../domain/lifecycle/status';
import { requireSelfOrHr } from '../authz';
import { ports } from '../context';
import { RuleError, StateError } from '../errors';
import type { Caller } from '../ports';
import { actorOf, load, now, replayOf, requireStage } from './common';

export async function recordProgress(cycleId: string, nip: string, realisations: Realisation[], caller: Caller, requestId: string) {
  const { cycle, e } = await load(cycleId, nip);
  requireSelfOrHr(caller, e, cycle);
  const replay = replayOf(e, `progress:${requestId}`);
  if (replay) return replay;
  requireStage(cycle, 'MIDYEAR', 'FINAL_SCORING');
  const allowed: EvaluationStatus[] = cycle.stage === 'MIDYEAR' ? ['MONITORING', 'MIDYEAR_REVIEWED'] : ['AWAITING_RATING'];
  if (!allowed.includes(e.status))
    throw new StateError(`Progress cannot be changed in status ${e.status}`, `Realisasi tidak dapat diubah pada status ${e.status}`);
  const indicatorIds = new Set((e.skp?.rhk ?? []).flatMap((r) => r.indicators.map((i) => i.id)));
  const unknown = realisations.filter((r) => !indicatorIds.has(r.indicatorId)).map((r) => r.indicatorId);
  if (unknown.length) throw new RuleError(`Unknown indicator(s): ${unknown.join(', ')}`, `Indikator tidak ada di SKP: ${unknown.join(', ')}`, 'realisations');
  const field = cycle.stage === 'MIDYEAR' ? 'progress' : 'realisations';
  const outcome = await ports().evaluations.change(
    {
      cycleId,
      nip,
      changeId: `progress:${requestId}`,
      from: e.status,
      set: { [field]: realisations },
      audit: {
        at: now(),
        actor: actorOf(caller, 'employee'),
        action: cycle.stage === 'MIDYEAR' ? 'PROGRESS_RECORDED' : 'REALISATION_RECORDED',
        after: { indicators: realisations.length },
      },
    },
    e,
  );
  return { status: e.status, outcome };
}
