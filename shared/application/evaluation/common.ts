/** What the evaluation use cases share: loading, the replay check, stage and status guards, the actor. */
import { assertTransition, type EvaluationStatus, type Stage, stageLabel, TransitionError } from '../../domain/lifecycle/status';
import type { Actor, CycleRecord, EvaluationRecord } from '../../domain/records';
import { formatInstant } from '../../domain/text';
import { ports } from '../context';
import { ConcurrentChangeError, NotFoundError, StateError } from '../errors';
import type { Caller } from '../ports';

export async function load(cycleId: string, nip: string): Promise<{ cycle: CycleRecord; e: EvaluationRecord }> {
  const cycle = await ports().cycles.get(cycleId);
  if (!cycle) throw new NotFoundError(`cycle ${cycleId}`, `Siklus ${cycleId} tidak ditemukan`);
  const e = await ports().evaluations.get(cycleId, nip);
  if (!e) throw new NotFoundError(`evaluation of ${nip} in ${cycleId}`, `Penilaian pegawai ${nip} pada siklus ${cycleId} tidak ditemukan`);
  return { cycle, e };
}

/**
 * A request retried with the same Idempotency-Key finds its own change as the evaluation's last one:
 * it gets the same answer, before any state check could refuse it.
 */
export function replayOf(e: EvaluationRecord, changeId: string) {
  return e.lastChangeId === changeId ? { status: e.status, outcome: 'replayed' as const } : undefined;
}

export function requireStage(cycle: CycleRecord, ...stages: Stage[]) {
  if (!stages.includes(cycle.stage)) {
    // Stages in words ("Tindak Lanjut"), never their codes (FOLLOW_UP).
    const words = (lang: 'id' | 'en') => stages.map((s) => stageLabel[s][lang]);
    throw new StateError(
      `Not possible in the stage "${stageLabel[cycle.stage].en}" (only in: ${words('en').join(' or ')})`,
      `Tidak dapat dilakukan pada tahap ${stageLabel[cycle.stage].id} (hanya pada tahap ${words('id').join(' atau ')})`,
    );
  }
}
export function requireStatus(e: EvaluationRecord, to: EvaluationStatus) {
  try {
    assertTransition(e.status, to);
  } catch (err) {
    if (err instanceof TransitionError) throw new StateError(err.message, `Penilaian berstatus ${e.status}; tindakan ini tidak dapat dilakukan`);
    throw err;
  }
}
export const actorOf = (c: Caller, role: Actor['role']): Actor => ({ nip: c.nip, role: c.roles.includes('hr') && role !== 'hr' ? 'hr' : role, name: c.name });
export const now = () => ports().clock.now().toISOString();

/** The current stage's deadline (opened + the schedule's deadline day); peers' feedback closes then. */
export async function requireBeforeDeadline(cycle: CycleRecord) {
  const record = await ports().stages.get(cycle.cycleId, cycle.stage);
  const window = cycle.schedule?.windows?.[cycle.stage];
  if (!record?.openedAt || !window?.deadlineDay) return;
  const deadline = Date.parse(record.openedAt) + window.deadlineDay * 86_400_000;
  if (ports().clock.now().getTime() > deadline) {
    throw new StateError(
      `The deadline of the stage "${stageLabel[cycle.stage].en}" (${formatInstant(new Date(deadline), 'en')}) has passed`,
      `Batas waktu tahap ${stageLabel[cycle.stage].id} (${formatInstant(new Date(deadline), 'id')}) telah lewat`,
    );
  }
}

/**
 * Runs a use case again, from loading, when its write met a concurrent change of the same evaluation (a
 * stage opening its page, another person's write between the read and the write): its checks then run on
 * what is stored now, so the change lands on top of the other one, or the caller is refused with what
 * actually happened (the evaluation moved on). Same request, same change id: a replay stays a replay.
 */
export function onFreshState<A extends unknown[], R>(useCase: (...args: A) => Promise<R>, attempts = 3): (...args: A) => Promise<R> {
  return async (...args: A) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await useCase(...args);
      } catch (err) {
        if (!(err instanceof ConcurrentChangeError) || attempt >= attempts) throw err;
      }
    }
  };
}
