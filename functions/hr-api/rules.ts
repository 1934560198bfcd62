/**
 * The HR rules hr-api checks before its use cases, until they move into shared/application
 * (authz.ts for who may, a stages use case for the organisation predikat). Behaviour as before.
 */

import { type CycleRecord, getCycle, setCycleFields } from '../../shared/adapters/dynamodb/repository';
import { isHrOf, requireHrRole } from '../../shared/application/authz';
import { ForbiddenError, NotFoundError, StateError } from '../../shared/application/errors';
import type { Caller } from '../../shared/application/ports';
import { STAGES } from '../../shared/domain/lifecycle/status';
import { getPolicy } from '../../shared/domain/policies';
import type { OrgPredikat } from '../../shared/domain/ratings';
import { badRequest } from '../../shared/http/problem';

/** HR of the cycle's own agency (one deployment may serve several agencies); the role is checked before the cycle is read. */
export async function hrCycle(caller: Caller, cycleId: string): Promise<CycleRecord> {
  requireHrRole(caller);
  const cycle = await getCycle(cycleId);
  if (!cycle) throw new NotFoundError(`cycle ${cycleId}`, `Siklus ${cycleId} tidak ditemukan`);
  if (!isHrOf(caller, cycle.agencyId)) throw new ForbiddenError('This cycle belongs to another agency', 'Siklus ini milik instansi lain');
  return cycle;
}

export function checkPolicy(policyId: string): void {
  try {
    getPolicy(policyId);
  } catch {
    throw badRequest(`Kebijakan ${policyId} tidak dikenal`, `Unknown policy ${policyId}`);
  }
}

/** The organisation predikat can change until calibration starts (stage rule). */
export async function setOrgPredikat(cycle: CycleRecord, orgPredikat: OrgPredikat) {
  if (STAGES.indexOf(cycle.stage) >= STAGES.indexOf('CALIBRATION')) {
    throw new StateError('The organisation predikat is fixed once calibration starts', 'Predikat organisasi tidak dapat diubah setelah kalibrasi dimulai');
  }
  await setCycleFields(cycle.cycleId, { orgPredikat });
  return { cycleId: cycle.cycleId, orgPredikat };
}
