/** What the evaluation use cases share: loading, the replay check, stage and status guards, the actor. */
import { assertTransition, type EvaluationStatus, type Stage, TransitionError } from '../../domain/lifecycle/status';
import type { Actor, CycleRecord, EvaluationRecord } from '../../domain/records';
import { ports } from '../context';
import { NotFoundError, StateError } from '../errors';
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
    throw new StateError(
      `Not possible in stage ${cycle.stage} (needs ${stages.join(' or ')})`,
      `Tidak dapat dilakukan pada tahap ${cycle.stage} (hanya pada tahap ${stages.join(' atau ')})`,
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
    const day = new Date(deadline).toISOString().slice(0, 10);
    throw new StateError(`The deadline of stage ${cycle.stage} (${day}) has passed`, `Batas waktu tahap ${cycle.stage} (${day}) telah lewat`);
  }
}
