/**
 * Releasing a stage's await step once nobody is pending: called by the await step itself and after
 * every action that completes someone's part of a stage.
 */
import { windowOf } from '../../domain/lifecycle/schedule';
import type { Stage } from '../../domain/lifecycle/status';
import type { CycleRecord, StageRecord } from '../../domain/records';
import { ports } from '../context';

/** Stages that end when their time is up, not when everyone has acted. */
export const isFixedWindow = (cycle: Pick<CycleRecord, 'schedule'>, stage: Stage) => windowOf(cycle.schedule, stage).fixedWindowDays !== undefined;

export function pendingOf(stage: StageRecord | undefined): number {
  return Math.max(0, (stage?.total ?? 0) - (stage?.done ?? 0));
}

/** A token that already completed or timed out is 'gone': the next await or deadline check sees the counts. */
export async function releaseToken(taskToken: string): Promise<void> {
  await ports().workflow.sendTaskSuccess(taskToken, { released: true });
}

/**
 * Called after a person's action that completed their part of a stage. `cycle` is the record the
 * action already read (only its schedule is used, which does not change during a cycle).
 */
export async function releaseStageIfComplete(cycleId: string, stage: Stage, cycle?: Pick<CycleRecord, 'schedule'>): Promise<void> {
  cycle ??= await ports().cycles.get(cycleId, { consistent: false });
  if (!cycle || isFixedWindow(cycle, stage)) return;
  const record = await ports().stages.get(cycleId, stage);
  if (record?.taskToken && pendingOf(record) === 0) await releaseToken(record.taskToken);
}
