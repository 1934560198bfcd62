/**
 * Resuming a cycle from what DynamoDB holds: the checkpointed stage's execution is started again if
 * it is gone (a local restart) or ended without finishing (failed, aborted, timed out). Every stage
 * step is idempotent, so re-running a stage from its start finds its earlier effects and goes on.
 */
import { DescribeExecutionCommand, ExecutionDoesNotExist, sfn, StartExecutionCommand } from '../../adapters/aws-clients';
import { config } from '../../config';
import type { CycleSchedule } from '../../domain/lifecycle/schedule';
import { secondsUntilOpen } from '../../domain/lifecycle/schedule';
import { getCycle, setCycleFields } from '../../adapters/dynamodb/repository';
import { NotFoundError } from '../store-errors';
import { deps } from '../../composition';
import { executionName } from './stages';

export type ResumeOutcome = 'completed' | 'running' | 'started';

export async function resumeCycle(cycleId: string): Promise<{ outcome: ResumeOutcome; execution?: string }> {
  const cycle = await getCycle(cycleId);
  if (!cycle) throw new NotFoundError(`cycle ${cycleId}`, `Siklus ${cycleId} tidak ditemukan`);
  if (cycle.status === 'COMPLETED') return { outcome: 'completed' };
  const stateMachineArn = config().STATE_MACHINE_ARN!;
  const attempts = (cycle as { resumeAttempts?: number }).resumeAttempts ?? 0;
  const names = [executionName(cycleId, cycle.stage), ...Array.from({ length: attempts }, (_, i) => `${executionName(cycleId, cycle.stage)}-r${i + 1}`)];
  const latest = names[names.length - 1]!;
  let name = latest;
  try {
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn: `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${latest}` }));
    if (described.status === 'RUNNING' || described.status === 'PENDING_REDRIVE') return { outcome: 'running', execution: latest };
    // Ended without moving the checkpoint: run the stage again under a new deterministic name.
    name = `${executionName(cycleId, cycle.stage)}-r${attempts + 1}`;
    await setCycleFields(cycleId, { resumeAttempts: attempts + 1 });
  } catch (err) {
    if (!(err instanceof ExecutionDoesNotExist) && (err as Error).name !== 'ExecutionDoesNotExist') throw err;
  }
  if (cycle.failure) await setCycleFields(cycleId, { failure: null, status: 'ACTIVE' });
  const waitSeconds = secondsUntilOpen(cycle.schedule as unknown as CycleSchedule, cycle.stage, cycle.year, deps.clock.now());
  await sfn.send(new StartExecutionCommand({
    stateMachineArn,
    name,
    input: JSON.stringify({ cycleId, stage: cycle.stage, tick: 0, waitSeconds }),
  })).catch((err: Error) => { if (err.name !== 'ExecutionAlreadyExists') throw err; });
  return { outcome: 'started', execution: name };
}
