/**
 * What the system stores, typed from the domain's own types: the records the use cases read and the
 * repositories write (shared/application/ports.ts names the repositories; shared/adapters/dynamodb
 * implements them and adds only keys). No storage detail here: no keys, no index attributes.
 */
import type { BehaviourFeedback } from './behaviour';
import type { DistributionViolation, ScopeDistribution } from './distribution';
import type { EmployeeEvaluation, Realisation } from './evaluate';
import type { FollowUp } from './followup';
import type { PeriodEntry } from './lifecycle/periods';
import type { CycleSchedule } from './lifecycle/schedule';
import type { DecisionKind, DecisionStatus, EvaluationStatus, Stage } from './lifecycle/status';
import type { OrgPredikat, Predikat, Rating } from './ratings';
import type { SkmTotals } from './skm/ikm';
import type { CommentStatus, Respondent } from './skm/submission';
import type { Skp } from './skp';

// ─── who did what ──────────────────────────────────────────────────────────────────────────────────

export interface Actor {
  nip?: string;
  role: 'employee' | 'rater' | 'approver' | 'hr' | 'system' | 'peer';
  name?: string;
  /** When acting for someone else (Plt/Plh delegation, escalation): whose authority is used. */
  onBehalfOf?: string;
}

export interface AuditEvent {
  eventId: string;
  at: string;
  actor: Actor;
  action: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  reason?: string;
}

// ─── roster ────────────────────────────────────────────────────────────────────────────────────────

export interface EmployeeRecord {
  nip: string;
  name: string;
  jabatan: string;
  unitId: string;
  raterNip?: string;
  isUnitHead: boolean;
  email: string;
  locale: 'id' | 'en';
  competencies: string[];
  jenis: 'PNS' | 'PPPK';
  /** Pangkat and golongan ruang as printed on the official forms ("Penata Muda Tk. I (III/b)"); optional. */
  pangkat?: string;
  /** In the roster for reference only (e.g. an official of another agency): never evaluated. */
  external?: boolean;
}

export interface UnitRecord {
  unitId: string;
  name: string;
  parentUnitId?: string;
  headNip?: string;
}

/** Delegation to an acting official (Plt/Plh) for a date range. */
export interface Delegation {
  delegatorNip: string;
  delegateNip: string;
  kind: 'plt' | 'plh';
  /** First and last day, inclusive, as YYYY-MM-DD in Asia/Jakarta. */
  from: string;
  until: string;
  reason?: string;
  createdBy: string;
  createdAt: string;
}

// ─── cycles and stages ─────────────────────────────────────────────────────────────────────────────

export interface CycleRecord {
  cycleId: string;
  agencyId: string;
  year: number;
  policyId: string;
  status: 'ACTIVE' | 'COMPLETED' | 'FAILED';
  stage: Stage;
  version: number;
  orgPredikat?: string;
  orgResult?: string;
  schedule: CycleSchedule;
  createdAt: string;
  completedAt?: string;
  failure?: { stage: string; error: string; cause?: string; at: string };
  /** The last periodic evaluation that failed (it runs on its own and never fails the cycle). */
  periodFailure?: { periodId: string; error: string; cause?: string; at: string };
  /** How many times the current stage's execution was started again (resumeCycle). */
  resumeAttempts?: number;
  /** Set once by the calibration step; the per-unit results are CalibrationRecord items. */
  calibration?: { at: string; orgPredikat: OrgPredikat; policyId: string; flagCount: number };
}

export interface StageRecord {
  cycleId: string;
  stage: Stage;
  total: number;
  done: number;
  openedAt?: string;
  /** Set when the open step has reached every employee. */
  readyAt?: string;
  closedAt?: string;
  /** The current task token of the stage's await step. Never leaves the server; never logged. */
  taskToken?: string;
  lastTick?: number;
}

/** Counters of one unit in a cycle, kept exact by the same transactions that change evaluations. */
export interface UnitStatsRecord {
  cycleId: string;
  unitId: string;
  employees: number;
  /** Attribute `status_<STATUS>` / `predikat_<PREDIKAT>` → count (flat, so ADD works on a new item). */
  [counter: string]: string | number;
}

export const statusCounter = (status: string) => `status_${status}`;
export const predikatCounter = (predikat: string) => `predikat_${predikat}`;

/** Counts of one kind (`status_` or `predikat_`) from a counters record, without the prefix; zeros dropped. */
export function countsOf(stats: UnitStatsRecord, kind: 'status' | 'predikat'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(stats)) {
    if (k.startsWith(`${kind}_`) && typeof v === 'number' && v !== 0) out[k.slice(kind.length + 1)] = v;
  }
  return out;
}

/** The curve check of one unit (or of the organisation, unitId ORGANISASI) and HR's resolution of it. */
export interface CalibrationRecord {
  cycleId: string;
  unitId: string;
  at: string;
  distribution: ScopeDistribution;
  violations: DistributionViolation[];
  flagged: boolean;
  resolved: boolean;
  resolution?: { reason: string; by?: string; at: string };
}

// ─── evaluations ───────────────────────────────────────────────────────────────────────────────────

/** The rater's rating as stored with the evaluation (the input of the engine's scoring). */
export interface RaterRatingInput {
  rhkRatings?: { rhkId: string; rating: Rating; reason?: string }[];
  behaviourRating?: { rating: Rating; reason?: string };
}

/**
 * The engine's result as stored: complete when rateEvaluation writes it; read defensively (reports and
 * fixtures may hold only parts), so every part is optional here.
 */
export type StoredScore = Partial<Omit<EmployeeEvaluation, 'behaviour'>> & { behaviour?: Partial<EmployeeEvaluation['behaviour']> };

/** Fields of a cycle a step sets directly; null clears one. */
export type CycleFields = { [K in keyof CycleRecord]?: CycleRecord[K] | null };

export interface MidyearReview {
  rating: Rating;
  notes: string;
  at: string;
}

export interface Objection {
  reason: string;
  requestedPredikat?: Predikat;
  filedAt?: string;
  decision?: 'GRANTED' | 'REJECTED';
  decidedAt?: string;
  comment?: string;
}

export interface SelfAssessmentInput {
  rhk?: { rhkId: string; rating: Rating; note?: string }[];
  behaviour?: { value: string; rating: Rating; note?: string }[];
  summary?: string;
}
export type SelfAssessmentEntry = SelfAssessmentInput & { at: string };

export interface EvaluationRecord {
  cycleId: string;
  nip: string;
  name: string;
  jabatan: string;
  unitId: string;
  raterNip?: string;
  approverNip?: string | null;
  isUnitHead: boolean;
  status: EvaluationStatus;
  version: number;
  policyId: string;
  skp?: Skp;
  /** The rater's reason for returning the SKP. */
  skpNotes?: string;
  /** The approver's reason for returning the rating. */
  returnReason?: string;
  progress?: Realisation[];
  realisations?: Realisation[];
  /** Behaviour feedback by author NIP: one entry per author, a second submission replaces the first. */
  feedback?: Record<string, BehaviourFeedback[]>;
  midyearReview?: MidyearReview;
  /** Periodic evaluations that ran on their own (quarterly / monthly policy), by period id (lifecycle/periods.ts). */
  periods?: Record<string, PeriodEntry>;
  selfAssessment?: Partial<Record<Stage, SelfAssessmentEntry>>;
  rating?: RaterRatingInput;
  score?: StoredScore;
  predikat?: string | null;
  objection?: Objection;
  followUp?: FollowUp;
  /** The decision this evaluation waits on, if any (so a transfer can move it to the new approver). */
  pendingDecisionId?: string | null;
  /** Set for an employee who joined after the cycle started. */
  joinedAt?: string;
  lastChangeId?: string;
  updatedAt: string;
}

/** The fields a change may set on an evaluation (null removes the value's meaning, as stored). */
export type EvaluationFields = Partial<Omit<EvaluationRecord, 'cycleId' | 'nip' | 'status' | 'version' | 'lastChangeId' | 'updatedAt'>>;

/** A colleague asked for 360° feedback on an employee. */
export interface InvitationRecord {
  cycleId: string;
  /** The employee whose behaviour the peer is asked about. */
  nip: string;
  peerNip: string;
  invitedBy: string;
  invitedAt: string;
}

// ─── decisions ─────────────────────────────────────────────────────────────────────────────────────

export interface DecisionRecord {
  decisionId: string;
  kind: DecisionKind;
  cycleId: string;
  stage: Stage;
  subjectNip: string;
  recipientNip: string;
  status: DecisionStatus;
  createdAt: string;
  expiresAt?: number;
  escalatedTo?: string[];
  /** False when the decision is outside its stage's count (e.g. a late joiner's SKP): it never releases a stage. */
  counts?: boolean;
  decidedBy?: Actor;
  decidedAt?: string;
  outcome?: string;
  comment?: string;
  notifiedAt?: string;
  previousRecipients?: string[];
}

/** A recipient whose digest is due in a stage, with the newest decision for them. */
export interface DigestDue {
  recipientNip: string;
  decisionId: string;
}

// ─── the citizen survey (SKM) ──────────────────────────────────────────────────────────────────────

export interface ResponseRecord {
  responseId: string;
  agencyId: string;
  unitId: string;
  period: string;
  /** In SKM_UNSUR order; null = left blank. */
  answers: (number | null)[];
  service?: string;
  respondent?: Respondent;
  commentId?: string;
  createdAt: string;
  /** Held for HR's review (a suspicious burst): not in the running totals unless HR approves it. */
  held?: 'BURST';
}

export interface CommentRecord {
  commentId: string;
  agencyId: string;
  unitId: string;
  period: string;
  responseId: string;
  /** Plain text as submitted (after removing the citizen's contact data); escape wherever it is shown. */
  text: string;
  service?: string;
  /** The answers of the same submission: what an approved comment gives its named employee. */
  /** In SKM_UNSUR order; null = left blank. */
  answers: (number | null)[];
  /** NIPs written in the text (candidates); `linkedNips` are those found in the roster at approval. */
  namedNips: string[];
  linkedNips?: string[];
  redactions: number;
  status: CommentStatus;
  createdAt: string;
  moderatedAt?: string;
  moderatedBy?: { nip: string; name?: string };
  moderationReason?: string;
  lastChangeId?: string;
  /** A held submission waiting in the queue (its answers are counted only if HR approves it). */
  held?: 'BURST';
}

export interface EvidenceRecord {
  agencyId: string;
  nip: string;
  commentId: string;
  unitId: string;
  period: string;
  text: string;
  /** In SKM_UNSUR order; null = left blank. */
  answers: (number | null)[];
  approvedAt: string;
}

export interface IdempotencyRecord {
  receiptId: string;
  /** The period the first submission was counted in (a retry may arrive after the month turned). */
  period: string;
  fingerprint: string;
  expiresAt: number;
}

export interface SubmissionWrite {
  response: ResponseRecord;
  comment?: CommentRecord;
  limit: { client: string; day: string; max: number; expiresAt: number };
  idempotency?: { keyHash: string; record: IdempotencyRecord; now: number };
  /** The burst counter of this client × answers × window: counted only while under `max` (else 'burst'). */
  burst?: { key: string; max: number; expiresAt: number };
}
export type SubmissionOutcome = 'written' | 'limited' | 'duplicate' | 'burst';

export interface ModerationWrite {
  comment: CommentRecord;
  to: Exclude<CommentStatus, 'PENDING'>;
  at: string;
  by: { nip: string; name?: string };
  reason?: string;
  changeId: string;
  eventId: string;
  linkedNips: string[];
}

export type { SkmTotals };
