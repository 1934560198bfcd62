/**
 * The repositories of shared/application/ports.ts on the single DynamoDB table: each port method is
 * one of the access functions (repository.ts, skm-repository.ts, delegations.ts). WriteOps are
 * TransactWriteItems entries; only this adapter sees inside one.
 */
import type { Ports, WriteOp } from '../../application/ports';
import { delegationsOf, putDelegation } from './delegations';
import { dynamoEvidence } from './evidence';
import { apiIdempotency, skmKiosks } from './integrity';
import * as rb from './rater-bias';
import * as r from './repository';
import * as skm from './skm-repository';

type Item = r.TransactItem;
const op = (i: Item) => i as unknown as WriteOp;
const items = (ops: readonly WriteOp[] | undefined) => (ops ?? []) as unknown as Item[];

export type DynamoRepositories = Pick<
  Ports,
  | 'cycles'
  | 'stages'
  | 'evaluations'
  | 'decisions'
  | 'roster'
  | 'delegations'
  | 'once'
  | 'skm'
  | 'raterBias'
  | 'transact'
  | 'idempotency'
  | 'kiosks'
  | 'evidence'
>;

export function dynamoRepositories(): DynamoRepositories {
  return {
    cycles: {
      get: r.getCycle,
      create: r.createCycle,
      checkpoint: r.checkpointCycle,
      setFields: (cycleId, fields) => r.setCycleFields(cycleId, fields),
      calibrationMarkerOp: (cycleId, marker) => op(r.calibrationMarkerUpdate(cycleId, marker)),
    },
    stages: {
      ensure: r.ensureStage,
      get: r.getStage,
      storeToken: r.storeStageToken,
      markReady: r.markStageReady,
      markClosed: r.markStageClosed,
      counterOp: (cycleId, stage, change) => op(r.stageUpdate(cycleId, stage, change)),
    },
    evaluations: {
      get: r.getEvaluation,
      getMany: r.getEvaluations,
      create: (e, audit, extra) => r.createEvaluation(e, audit, items(extra)),
      createTogether: (created, shared) => r.createEvaluationsTogether(created, items(shared)),
      change: (change, current) => r.changeEvaluation({ ...change, extra: items(change.extra) }, current),
      changeTogether: (changes, shared) =>
        r.changeEvaluationsTogether(
          changes.map(({ change, current }) => ({ change: { ...change, extra: items(change.extra) }, current })),
          items(shared),
        ),
      ofUnitPage: r.evaluationsOfUnitPage,
      ofCyclePage: r.evaluationsOfCyclePage,
      ofRater: r.evaluationsOfRater,
      segmentPage: r.evaluationsSegmentPage,
      indexKey: r.evaluationIndexKey,
      segmentHolds: r.segmentHolds,
      invitationsOf: r.invitationsOf,
      getInvitation: r.getInvitation,
      putInvitations: r.putInvitations,
      unitStatsOf: r.unitStatsOf,
      putCalibrationOnce: r.putCalibrationOnce,
      calibrationsOf: r.calibrationsOf,
      getCalibration: r.getCalibration,
      resolveCalibrationOp: (cycleId, unitId, resolution) => op(r.resolveCalibrationUpdate(cycleId, unitId, resolution)),
    },
    decisions: {
      get: r.getDecision,
      pendingOf: r.pendingDecisionsOf,
      createOp: (d) => op(r.decisionPut(d)),
      decideOp: (decisionId, by, at, outcome, comment) => op(r.decideDecisionUpdate(decisionId, by, at, outcome, comment)),
      reassignOp: (d, recipientNip) => op(r.reassignDecisionUpdate(d, recipientNip)),
      markEscalated: r.markDecisionEscalated,
      digestDueOp: (cycleId, stage, recipientNip, decisionId) => op(r.digestDuePut(cycleId, stage, recipientNip, decisionId)),
      digestsDuePage: r.digestsDuePage,
      clearDigestDue: r.clearNotify,
    },
    roster: {
      getEmployee: r.getEmployee,
      getEmployees: r.getEmployees,
      putEmployee: r.putEmployee,
      employeesPage: r.rosterPage,
      getUnit: r.getUnit,
      unitNames: r.unitNames,
      unitsAfter: r.unitsAfter,
      listUnits: r.listUnits,
    },
    delegations: { put: putDelegation, of: delegationsOf },
    evidence: dynamoEvidence(),
    once: { claim: r.claimOnce, release: r.releaseOnce },
    skm: {
      unitExists: skm.unitExists,
      getTotals: skm.getTotals,
      getIdempotency: skm.getIdempotency,
      getComment: skm.getComment,
      commentsPage: (agencyId, status, unitId, start, limit) => skm.commentsPage(agencyId, status, unitId, start as Record<string, string> | undefined, limit),
      evidenceOfYear: skm.evidenceOfYear,
      writeSubmission: skm.writeSubmission,
      writeModeration: skm.writeModeration,
    },
    raterBias: { acknowledgementsOf: rb.acknowledgementsOf, get: rb.getAcknowledgement, acknowledge: rb.putAcknowledgement },
    async transact(ops) {
      try {
        await r.transactWrite(items(ops));
        return 'applied';
      } catch (err) {
        if (r.isConditionalFailure(err)) return 'conflict';
        throw err;
      }
    },
    idempotency: apiIdempotency,
    kiosks: skmKiosks,
  };
}
