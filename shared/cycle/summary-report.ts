/** The cycle summary HR reads: progress per stage, predikat distribution per unit, calibration flags. */
import { DescribeExecutionCommand, sfn } from '../aws/clients';
import { config } from '../config';
import { STAGES } from '../lifecycle/status';
import { executionName } from './stages';
import { evaluationsOfUnit, getCycle, getStage, listUnits } from '../store/repository';
import { NotFoundError } from '../store/errors';

export async function cycleSummary(cycleId: string) {
  const cycle = await getCycle(cycleId);
  if (!cycle) throw new NotFoundError(`cycle ${cycleId}`, `Siklus ${cycleId} tidak ditemukan`);
  const stages = await Promise.all(STAGES.map(async (s) => {
    const r = await getStage(cycleId, s);
    return { stage: s, total: r?.total ?? 0, done: r?.done ?? 0, openedAt: r?.openedAt ?? null, readyAt: r?.readyAt ?? null, closedAt: r?.closedAt ?? null };
  }));
  const unitNames = new Map((await listUnits(cycle.agencyId)).map((u) => [u.unitId, u.name]));
  const units = [];
  for (const unitId of cycle.unitIds) {
    const evaluations = await evaluationsOfUnit(cycleId, unitId);
    const distribution: Record<string, number> = {};
    const statuses: Record<string, number> = {};
    for (const e of evaluations) {
      if (e.predikat) distribution[e.predikat] = (distribution[e.predikat] ?? 0) + 1;
      statuses[e.status] = (statuses[e.status] ?? 0) + 1;
    }
    units.push({ unitId, name: unitNames.get(unitId) ?? unitId, employees: evaluations.length, distribution, statuses });
  }
  const { schedule: _schedule, ...rest } = cycle;
  void _schedule;
  return { cycle: rest, stages, units, workflow: await currentExecution(cycle.cycleId, cycle.stage, (cycle as { resumeAttempts?: number }).resumeAttempts ?? 0) };
}

/** The state of the current stage's execution, so HR (and operators) see a stuck or failed workflow. */
async function currentExecution(cycleId: string, stage: (typeof STAGES)[number], attempts: number) {
  const arn = config().STATE_MACHINE_ARN;
  if (!arn) return null;
  const name = attempts ? `${executionName(cycleId, stage)}-r${attempts}` : executionName(cycleId, stage);
  try {
    const d = await sfn.send(new DescribeExecutionCommand({ executionArn: `${arn.replace(':stateMachine:', ':execution:')}:${name}` }));
    return { name, status: d.status ?? 'UNKNOWN', error: d.error ?? null, cause: d.cause ? d.cause.slice(0, 500) : null };
  } catch (err) {
    if ((err as Error).name === 'ExecutionDoesNotExist') return { name, status: 'NOT_STARTED', error: null, cause: null };
    throw err;
  }
}
