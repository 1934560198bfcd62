/**
 * The rater's periodic review of one period that runs on its own (quarterly or monthly policy): a
 * periodic rating, feedback per RHK and per BerAKHLAK value, and coaching notes. It changes no status:
 * the cycle never waits on a period. A second review of the same period while it is open replaces the
 * first (counted once).
 */
import type { PeriodReviewInput } from '../../domain/lifecycle/periods';
import { requireRater } from '../authz';
import { ports } from '../context';
import { ConflictError, NotFoundError, RuleError } from '../errors';
import type { Caller } from '../ports';
import { periodCounterOp, releasePeriodIfComplete, requireOpenPeriod } from '../stages/periods';
import { actorOf, load, now, replayOf } from './common';

export async function reviewPeriod(cycleId: string, nip: string, periodId: string, review: PeriodReviewInput, caller: Caller, requestId: string) {
  // The review writes only its period's entry, conditional on the evaluation's version: a stage that moved
  // the evaluation meanwhile (MIDYEAR opening while a quarter is reviewed) is not the reviewer's conflict,
  // so the review is read and applied again (a few times; a change that keeps coming is reported).
  for (let attempt = 1; ; attempt++) {
    try {
      return await reviewOnce(cycleId, nip, periodId, review, caller, requestId);
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= 3) throw err;
    }
  }
}

async function reviewOnce(cycleId: string, nip: string, periodId: string, review: PeriodReviewInput, caller: Caller, requestId: string) {
  const { cycle, e } = await load(cycleId, nip);
  requireRater(caller, e, cycle);
  const changeId = `period:${periodId}:${requestId}`;
  const replay = replayOf(e, changeId);
  if (replay) return { ...replay, periodId };
  await requireOpenPeriod(cycle, periodId);
  const entry = e.periods?.[periodId];
  if (!entry)
    throw new NotFoundError(`period ${periodId} of ${nip}`, `Pegawai ${nip} tidak mengikuti periode ${periodId} (SKP belum disetujui saat periode dibuka)`);
  const rhkIds = new Set((e.skp?.rhk ?? []).map((r) => r.id));
  const unknown = review.rhkFeedback.filter((f) => !rhkIds.has(f.rhkId)).map((f) => f.rhkId);
  if (unknown.length) throw new RuleError(`Unknown RHK: ${unknown.join(', ')}`, `RHK tidak ada di SKP: ${unknown.join(', ')}`, 'rhkFeedback');
  const values = review.valueFeedback.map((v) => v.value);
  if (new Set(values).size !== values.length) throw new RuleError('A value is given twice', 'Satu nilai BerAKHLAK diisi dua kali', 'valueFeedback');
  const at = now();
  const first = !entry.review;
  const outcome = await ports().evaluations.change(
    {
      cycleId,
      nip,
      changeId,
      from: e.status,
      set: { periods: { ...e.periods, [periodId]: { ...entry, review: { ...review, by: caller.nip, at } } } },
      audit: {
        at,
        actor: actorOf(caller, 'rater'),
        action: `PERIOD_REVIEWED:${periodId}`,
        before: entry.review ? { rating: entry.review.rating } : undefined,
        after: { periodId, rating: review.rating, rhkFeedback: review.rhkFeedback.length, valueFeedback: review.valueFeedback.length },
      },
      extra: first ? [periodCounterOp(cycleId, periodId, { done: 1 })] : [],
    },
    e,
  );
  if (outcome === 'applied' && first) await releasePeriodIfComplete(cycleId, periodId);
  return { status: e.status, periodId, outcome };
}
