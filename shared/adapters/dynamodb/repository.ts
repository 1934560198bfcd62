/**
 * The table's repositories, by aggregate: roster.ts, cycles.ts (stages, digest marks, once-only
 * claims), evaluations.ts, unit-stats.ts (counters, calibration), decisions.ts, invitations.ts,
 * evaluation-lists.ts, delegations.ts; table.ts and transact.ts are what they share, keys.ts every
 * key. This file re-exports them under the names older code imports.
 */
export type {
  Actor,
  AuditEvent,
  CalibrationRecord,
  CycleRecord,
  DecisionRecord,
  DigestDue,
  EmployeeRecord,
  EvaluationRecord,
  InvitationRecord,
  StageRecord,
  UnitRecord,
  UnitStatsRecord,
} from '../../domain/records';
export * from './cycles';
export * from './decisions';
export * from './evaluation-lists';
export * from './evaluations';
export * from './invitations';
export * from './roster';
export { isConditionalFailure, queryAll, queryPage, type TransactItem } from './table';
export { transactWrite } from './transact';
export * from './unit-stats';
