/**
 * Resuming a cycle from what DynamoDB holds: the checkpointed stage's execution is started again if
 * it is gone (a local restart) or ended without finishing (failed, aborted, timed out). Every stage
 * step is idempotent, so re-running a stage from its start finds its earlier effects and goes on.
 */
import { secondsUntilOpen } from '../../domain/lifecycle/schedule';
import { ports } from '../context';
import { NotFoundError } from '../errors';
import { executionName } from './waiting';

export type ResumeOutcome = 'completed' | 'running' | 'started';

export async function resumeCycle(cycleId: string): Promise<{ outcome: ResumeOutcome; execution?: string }> {
  const cycle = await ports().cycles.get(cycleId);
  if (!cycle) throw new NotFoundError(`cycle ${cycleId}`, `Siklus ${cycleId} tidak ditemukan`);
  if (cycle.status === 'COMPLETED') return { outcome: 'completed' };
  const attempts = cycle.resumeAttempts ?? 0;
  const latest = executionName(cycleId, cycle.stage, attempts);
  let name = latest;
  const described = await ports().workflow.describe(latest);
  if (described) {
    if (described.status === 'RUNNING' || described.status === 'PENDING_REDRIVE') return { outcome: 'running', execution: latest };
    // Ended without moving the checkpoint: run the stage again under a new deterministic name.
    name = executionName(cycleId, cycle.stage, attempts + 1);
    await ports().cycles.setFields(cycleId, { resumeAttempts: attempts + 1 });
  }
  if (cycle.failure) await ports().cycles.setFields(cycleId, { failure: null, status: 'ACTIVE' });
  const waitSeconds = secondsUntilOpen(cycle.schedule, cycle.stage, cycle.year, ports().clock.now());
  await ports().workflow.start(name, { cycleId, stage: cycle.stage, tick: 0, waitSeconds });
  return { outcome: 'started', execution: name };
}
