/**
 * An employee records progress (mid-year) or realisations (final scoring); with a `periodId`, the
 * realisations (with their evidence) of a periodic evaluation that runs on its own, while it is open.
 */
import type { Realisation } from '../../domain/evaluate';
import type { EvaluationStatus } from '../../domain/lifecycle/status';
import type { CycleRecord, EvaluationRecord } from '../../domain/records';
import { requireSelfOrHr } from '../authz';
import { ports } from '../context';
import { RuleError, StateError } from '../errors';
import type { Caller } from '../ports';
import { requireOpenPeriod } from '../stages/periods';
import { actorOf, load, now, onFreshState, replayOf, requireStage } from './common';

export const recordProgress = onFreshState(async function recordProgress(
  cycleId: string,
  nip: string,
  realisations: Realisation[],
  caller: Caller,
  requestId: string,
  periodId?: string,
) {
  const { cycle, e } = await load(cycleId, nip);
  requireSelfOrHr(caller, e, cycle);
  const replay = replayOf(e, `progress:${requestId}`);
  if (replay) return replay;
  if (periodId) return recordPeriodRealisations(cycle, e, periodId, realisations, caller, requestId);
  requireStage(cycle, 'MIDYEAR', 'FINAL_SCORING');
  const allowed: EvaluationStatus[] = cycle.stage === 'MIDYEAR' ? ['MONITORING', 'MIDYEAR_REVIEWED'] : ['AWAITING_RATING'];
  if (!allowed.includes(e.status))
    throw new StateError(`Progress cannot be changed in status ${e.status}`, `Realisasi tidak dapat diubah pada status ${e.status}`);
  requireKnownIndicators(e, realisations);
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
});

function requireKnownIndicators(e: EvaluationRecord, realisations: Realisation[]) {
  const indicatorIds = new Set((e.skp?.rhk ?? []).flatMap((r) => r.indicators.map((i) => i.id)));
  const unknown = realisations.filter((r) => !indicatorIds.has(r.indicatorId)).map((r) => r.indicatorId);
  if (unknown.length) throw new RuleError(`Unknown indicator(s): ${unknown.join(', ')}`, `Indikator tidak ada di SKP: ${unknown.join(', ')}`, 'realisations');
}

async function recordPeriodRealisations(
  cycle: CycleRecord,
  e: EvaluationRecord,
  periodId: string,
  realisations: Realisation[],
  caller: Caller,
  requestId: string,
) {
  await requireOpenPeriod(cycle, periodId);
  const entry = e.periods?.[periodId];
  if (!entry)
    throw new StateError(`Not part of period ${periodId}`, `Pegawai ${e.nip} tidak mengikuti periode ${periodId} (SKP belum disetujui saat periode dibuka)`);
  requireKnownIndicators(e, realisations);
  const at = now();
  const outcome = await ports().evaluations.change(
    {
      cycleId: cycle.cycleId,
      nip: e.nip,
      changeId: `progress:${requestId}`,
      from: e.status,
      set: { periods: { ...e.periods, [periodId]: { ...entry, realisations, realisationsAt: at } } },
      audit: {
        at,
        actor: actorOf(caller, 'employee'),
        action: `PERIOD_REALISATION_RECORDED:${periodId}`,
        after: { periodId, indicators: realisations.length },
      },
    },
    e,
  );
  return { status: e.status, periodId, outcome };
}
