/** HR resolves a unit’s calibration flag with a reason. */

import { requireHrActingOn } from '../authz';
import { ports } from '../context';
import { NotFoundError } from '../errors';
import type { Caller } from '../ports';
import { releaseStageIfComplete } from '../stages/release';
import { now, requireStage } from './common';

export async function resolveCalibrationFlag(cycleId: string, unitId: string, reason: string, caller: Caller) {
  const cycle = await ports().cycles.get(cycleId);
  if (!cycle) throw new NotFoundError(`cycle ${cycleId}`, `Siklus ${cycleId} tidak ditemukan`);
  requireHrActingOn(caller, cycle.agencyId, undefined, {
    en: 'Only HR of this agency resolves calibration flags',
    id: 'Hanya HR instansi ini yang dapat menyelesaikan catatan kalibrasi',
  });
  requireStage(cycle, 'CALIBRATION');
  const flag = await ports().evaluations.getCalibration(cycleId, unitId);
  if (!flag?.flagged) throw new NotFoundError(`calibration flag for unit ${unitId}`, `Tidak ada catatan kalibrasi untuk unit ${unitId}`);
  const at = now();
  const written = await ports().transact([
    ports().evaluations.resolveCalibrationOp(cycleId, unitId, { reason, by: caller.nip, at }),
    ports().stages.counterOp(cycleId, 'CALIBRATION', { done: 1 }),
  ]);
  if (written === 'conflict') return { resolved: true, already: true };
  await releaseStageIfComplete(cycleId, 'CALIBRATION', cycle);
  return { resolved: true, already: false };
}
