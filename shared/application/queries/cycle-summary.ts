/** The cycle summary HR reads: progress per stage, predikat distribution per unit, calibration flags. */

import { ORGANISATION_SCOPE_ID } from '../../domain/distribution';
import { STAGES } from '../../domain/lifecycle/status';
import { type CalibrationRecord, type CycleRecord, countsOf } from '../../domain/records';
import { ports } from '../context';
import { NotFoundError } from '../errors';
import { executionName } from '../stages/waiting';

/**
 * Reads counters, never evaluations: one item per stage, per unit and per calibration result, so the
 * summary of 100,000 employees costs ~12,000 small reads instead of 100,000 large ones.
 */
export async function cycleSummary(cycleId: string) {
  const cycle = await ports().cycles.get(cycleId);
  if (!cycle) throw new NotFoundError(`cycle ${cycleId}`, `Siklus ${cycleId} tidak ditemukan`);
  const [stages, unitList, stats, calibrations] = await Promise.all([
    Promise.all(
      STAGES.map(async (s) => {
        const r = await ports().stages.get(cycleId, s);
        return {
          stage: s,
          total: r?.total ?? 0,
          done: r?.done ?? 0,
          openedAt: r?.openedAt ?? null,
          readyAt: r?.readyAt ?? null,
          closedAt: r?.closedAt ?? null,
        };
      }),
    ),
    ports().roster.listUnits(cycle.agencyId),
    ports().evaluations.unitStatsOf(cycleId),
    cycle.calibration ? ports().evaluations.calibrationsOf(cycleId) : Promise.resolve([]),
  ]);
  const unitNames = new Map(unitList.map((u) => [u.unitId, u.name]));
  const units = stats
    .filter((u) => u.employees > 0)
    .map((u) => ({
      unitId: u.unitId,
      name: unitNames.get(u.unitId) ?? u.unitId,
      employees: u.employees,
      distribution: countsOf(u, 'predikat'),
      statuses: countsOf(u, 'status'),
    }));
  const { schedule: _schedule, calibration: marker, ...rest } = cycle;
  void _schedule;
  return {
    cycle: { ...rest, ...(marker ? { calibration: calibrationView(marker, calibrations) } : {}) },
    stages,
    units,
    workflow: await currentExecution(cycle.cycleId, cycle.stage, cycle.resumeAttempts ?? 0),
  };
}

/** The calibration as one report (the shape the report page and clients read), from its per-unit items. */
function calibrationView(marker: NonNullable<CycleRecord['calibration']>, records: CalibrationRecord[]) {
  const organisation = records.find((r) => r.unitId === ORGANISATION_SCOPE_ID);
  const unitRecords = records.filter((r) => r.unitId !== ORGANISATION_SCOPE_ID);
  const violations = records.flatMap((r) => r.violations);
  return {
    at: marker.at,
    orgPredikat: marker.orgPredikat,
    report: organisation
      ? {
          policyId: marker.policyId,
          orgPredikat: marker.orgPredikat,
          units: unitRecords.map((r) => r.distribution),
          organisation: organisation.distribution,
          violations,
          ok: violations.length === 0,
        }
      : undefined,
    flags: records
      .filter((r) => r.flagged)
      .map((r) => ({ unitId: r.unitId, violations: r.violations, resolved: r.resolved, ...(r.resolution ? { resolution: r.resolution } : {}) })),
  };
}

/** The state of the current stage's execution, so HR (and operators) see a stuck or failed workflow. */
async function currentExecution(cycleId: string, stage: (typeof STAGES)[number], attempts: number) {
  if (!ports().workflow.configured) return null;
  const name = executionName(cycleId, stage, attempts);
  const d = await ports().workflow.describe(name);
  if (!d) return { name, status: 'NOT_STARTED', error: null, cause: null };
  return { name, status: d.status, error: d.error ?? null, cause: d.cause ? d.cause.slice(0, 500) : null };
}
