/**
 * What the use cases need from the world, as interfaces. Adapters (shared/adapters) implement them;
 * shared/composition.ts wires one implementation of each and installs them (./context.ts); tests
 * install fakes (test/support/fakes.ts). Nothing here names a table, a key, an SDK or an environment variable.
 */

import type { CoachingPlan } from '../domain/coaching';
import type { Approval, DocumentContent, DocumentKind } from '../domain/documents';
import type { EvidenceItem } from '../domain/evidence';
import type { EvaluationStatus, Stage } from '../domain/lifecycle/status';
import type { RaterBiasAcknowledgement } from '../domain/rater-bias';
import type {
  Actor,
  AuditEvent,
  CalibrationRecord,
  CommentRecord,
  CycleFields,
  CycleRecord,
  DecisionRecord,
  Delegation,
  DigestDue,
  EmployeeRecord,
  EvaluationFields,
  EvaluationRecord,
  EvidenceRecord,
  IdempotencyRecord,
  InvitationRecord,
  ModerationWrite,
  SkmTotals,
  StageRecord,
  SubmissionOutcome,
  SubmissionWrite,
  UnitRecord,
  UnitStatsRecord,
} from '../domain/records';
import type { CommentStatus } from '../domain/skm/submission';

/** Who is calling, from the verified token (JWT authorizer claims) or a signed link. */
export interface Caller {
  nip: string;
  roles: string[];
  /**
   * From the token alone: the router refuses a token without one (401) before any route runs, so every
   * HTTP caller has it; optional only for callers built in tests. No use case falls back to another agency.
   */
  agencyId?: string;
  name?: string;
}

// ─── time, ids, logging, settings ──────────────────────────────────────────────────────────────────

export interface Clock {
  now(): Date;
}
export interface IdSource {
  next(prefix?: string): string;
}
export interface Logger {
  debug(message: string, extra?: Record<string, unknown>): void;
  info(message: string, extra?: Record<string, unknown>): void;
}
/** The few configured values the use cases read (shared/composition.ts reads them from the environment). */
export interface Settings {
  /** Where links in emails point. */
  publicBaseUrl?: string;
  /** HR's mailbox, told of escalations. */
  hrEmail?: string;
  /** How long a signed decision link stays valid, in hours. */
  linkTtlHours: number;
  /** Survey submissions one client may make per unit per WIB day. */
  skmDailyLimit: number;
  /** Cycle years HR may create besides those the schedule allows (EXTRA_CYCLE_YEARS: a training stack, the local stack's sample year). */
  extraCycleYears?: readonly number[];
}

// ─── mail ──────────────────────────────────────────────────────────────────────────────────────────

export interface MailMessage {
  to: string[];
  cc?: string[];
  subject: string;
  html: string;
  text: string;
  /**
   * Identifies the logical message (e.g. `reminder:<cycleId>:<stage>:<approverNip>`). The outbox keeps
   * one file per key; SES has no such notion, so SesMailer deduplicates only through a SendLedger.
   */
  idempotencyKey: string;
  /** Tracking tags (SES EmailTags; X-Mail-Tags in the outbox). Characters outside [A-Za-z0-9_-] become '_' (SES rule). */
  tags?: Record<string, string>;
}
export interface SendResult {
  messageId: string;
  /** True when this idempotencyKey was already sent: nothing was sent this time. */
  duplicate: boolean;
}
/** Sends one message (SES, or the local outbox). */
export interface Mailer {
  send(message: MailMessage): Promise<SendResult>;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}
type Locale = 'id' | 'en';
interface PersonRef {
  name: string;
  nip: string;
  jabatan?: string;
  unitName?: string;
}

/** One item of an approval email or page: who, and what is to be approved. */
export interface EvaluationDetails {
  decisionId: string;
  employee: { nip: string; name: string; jabatan: string; unitName: string };
  rhk: {
    title: string;
    jenis: 'utama' | 'tambahan';
    indicators: { name: string; target: string; realisation: string; achievementPct?: number }[];
    rating: string;
  }[];
  resultsRating: string;
  behaviourRating: string;
  predikat: string;
}
export interface SkpDetails {
  decisionId: string;
  employee: { nip: string; name: string; jabatan: string; unitName: string };
  rhk: { title: string; jenis: 'utama' | 'tambahan'; indicators: { name: string; target: string }[]; intervensi?: string }[];
}
/** An objection (keberatan): the evaluation, the employee's reason and the predikat asked for (labels). */
export interface ObjectionDetails extends EvaluationDetails {
  objection: { reason: string; requestedPredikat?: string; filedAt?: string };
}
/** What a person still has to do, by their role in a waiting item (reminders, escalations). */
export type TaskKind = 'ownSkp' | 'approveSkp' | 'midyearReview' | 'periodicReview' | 'rate' | 'approveEvaluation' | 'objection';
/** Outcomes told to the person they concern. */
export type OutcomeKind = 'skpApproved' | 'skpReturned' | 'evaluationReturned' | 'objectionGranted' | 'objectionRejected';
/** What an outcome notice says (rendered by the mail adapter's template). */
export interface OutcomeNoticeInput {
  locale?: Locale;
  /** The person the outcome concerns: the employee, or (a returned evaluation) the rater. */
  recipient: { name: string };
  kind: OutcomeKind;
  cycleLabel: string;
  /** Whose record it is (named in a notice to the rater). */
  subject: { name: string; nip: string };
  decidedBy: string;
  decidedAt: Date;
  reason?: string;
  /** The predikat after the decision (objections), with the ratings behind it. */
  predikat?: string;
  resultsRating?: string;
  behaviourRating?: string;
  /** The app page where the person goes on. */
  url?: string;
}
interface ActionUrls {
  approveUrl: string;
  returnUrl: string;
}
interface ItemsNotice<T> {
  locale?: Locale;
  recipient: { name: string };
  stageLabel: string;
  deadline: Date;
  items: (T & ActionUrls)[];
  /** Where the whole list is shown when the email has room only for a summary. */
  fullListUrl?: string;
  /** "Setujui semua": a page listing every pending item, approving them on POST only. */
  actAllUrl?: string;
}

/** The emails the use cases send, as data; the mail adapter renders them (shared/adapters/mail/templates.ts). */
export interface MailTemplates {
  approvalDigest(input: ItemsNotice<EvaluationDetails>): RenderedMail;
  skpApprovalRequest(input: ItemsNotice<SkpDetails>): RenderedMail;
  reminder(input: {
    locale?: Locale;
    recipient: { name: string };
    stageLabel: string;
    deadline: Date;
    items: { task: TaskKind; employee?: PersonRef; url: string }[];
  }): RenderedMail;
  /** One per recipient per stage-day: every late person (a superior's people, or all of them for HR). */
  escalation(input: {
    locale?: Locale;
    recipient: { name: string };
    audience?: 'superior' | 'hr';
    stageLabel: string;
    pendingSince: Date;
    deadline: Date;
    late: { person: PersonRef; items: { task: TaskKind; employee?: PersonRef; url?: string }[] }[];
    dashboardUrl?: string;
  }): RenderedMail;
  resultNotice(input: {
    locale?: Locale;
    recipient: { name: string };
    cycleLabel: string;
    predikat: string;
    resultsRating: string;
    behaviourRating: string;
    finalisedAt: Date;
    objectionDeadline: Date;
    objectionDays?: number;
    approverName?: string;
    objectionUrl?: string;
    detailUrl?: string;
  }): RenderedMail;
  // --- messages: objections and outcome notices ---
  objectionDigest(input: ItemsNotice<ObjectionDetails> & { fullListUrl?: string }): RenderedMail;
  outcomeNotice(input: OutcomeNoticeInput): RenderedMail;
  delegationNotice(input: {
    locale?: Locale;
    audience: 'delegate' | 'delegator';
    recipient: { name: string };
    kind: 'plt' | 'plh';
    delegator: { name: string; jabatan?: string };
    delegate: { name: string; jabatan?: string };
    from: Date;
    until: Date;
    reason?: string;
  }): RenderedMail;
  /** Text made safe to place in HTML (a view that shows user text beside its plain form). */
  escapeHtml(text: string): string;
}

// ─── links, cursors, keyed hashes ──────────────────────────────────────────────────────────────────

export type LinkAction = 'view' | 'approve' | 'return' | 'all';
/** Signed decision links (the link-signing key lives in the adapter). */
export interface LinkSigner {
  decisionUrl(link: { decisionId: string; action: LinkAction; recipient: string; expiresAt: Date }): Promise<string>;
}
/** Signed, query-bound page cursors; `verify` rejects a forged one (a 400). */
export interface CursorSigner {
  sign(lastKey: Record<string, unknown> | undefined, scope: string): Promise<string | null>;
  verify(cursor: string | undefined, scope: string): Promise<Record<string, string> | undefined>;
}
/** Keyed hashes of the survey: never the raw address or key in the table. */
export interface KeyedHashes {
  /** The source address alone (never the User-Agent, which the client chooses). */
  clientHash(sourceIp: string): Promise<string>;
  idempotencyKeyHash(unitId: string, key: string): Promise<string>;
  fingerprint(value: unknown): string;
  /** A short digest of a text (e.g. a list of decision ids in a once-only key). */
  digest(text: string): string;
}

// ─── the workflow (one Step Functions execution per stage) ─────────────────────────────────────────

export interface StageExecutionInput {
  cycleId: string;
  /** A stage of the cycle, or 'PERIOD' for a periodic evaluation that runs on its own (with `periodId`). */
  stage: Stage | 'PERIOD';
  tick: number;
  waitSeconds?: number;
  periodId?: string;
}
export interface Workflow {
  /** False when no state machine is configured (e.g. a test without one): describe then says nothing. */
  readonly configured: boolean;
  /** Starts the named execution; 'already' if one of that name exists (the names make hand-offs idempotent). */
  start(name: string, input: StageExecutionInput): Promise<'started' | 'already'>;
  /** Releases a waiting step; 'gone' when its token already completed or timed out. */
  sendTaskSuccess(taskToken: string, output: unknown): Promise<'sent' | 'gone'>;
  sendTaskFailure(taskToken: string, error: string, cause: string): Promise<void>;
  /** undefined when no execution of that name exists. */
  describe(name: string): Promise<{ status: string; error?: string; cause?: string } | undefined>;
}

// ─── repositories ──────────────────────────────────────────────────────────────────────────────────

declare const writeOpBrand: unique symbol;
/**
 * One write of a multi-item transaction, built by a repository and executed by `transact` (all or
 * nothing). Opaque to the use cases: they combine writes, never look inside one.
 */
export interface WriteOp {
  readonly [writeOpBrand]: 'WriteOp';
}
/** A page of a query; `next` is the position to continue from (opaque; sign it before it leaves the server). */
export interface Page<T> {
  items: T[];
  next?: Record<string, unknown>;
}
/** Where a walk over a cycle's evaluations stopped: the unit, and the key within it. */
export interface CycleWalkCursor {
  u?: string;
  k?: Record<string, unknown>;
}

/** All or nothing; 'conflict' when a condition failed (nothing was written). */
export type Transact = (ops: readonly WriteOp[]) => Promise<'applied' | 'conflict'>;

export interface CycleRepository {
  /** Consistent by default (its stage gates every action). */
  get(cycleId: string, options?: { consistent?: boolean }): Promise<CycleRecord | undefined>;
  /** Creates the cycle unless it exists; whether this call created it. */
  create(cycle: CycleRecord): Promise<boolean>;
  /** Moves the checkpoint from one stage to the next; a repeat of the same move is a no-op. */
  checkpoint(cycleId: string, from: Stage, to: Stage | 'DONE', at: string): Promise<'moved' | 'already'>;
  setFields(cycleId: string, fields: CycleFields): Promise<void>;
  /** Sets the calibration marker once (conditional on there being none). */
  calibrationMarkerOp(cycleId: string, marker: NonNullable<CycleRecord['calibration']>): WriteOp;
}

export interface StageRepository {
  /** Opens the stage record once; later calls leave its counters alone. */
  ensure(cycleId: string, stage: Stage, at: string): Promise<void>;
  get(cycleId: string, stage: Stage): Promise<StageRecord | undefined>;
  /** Stores the await step's task token; the counters as they are after the write. */
  storeToken(cycleId: string, stage: Stage, taskToken: string): Promise<StageRecord>;
  markReady(cycleId: string, stage: Stage, at: string): Promise<void>;
  markClosed(cycleId: string, stage: Stage, at: string): Promise<void>;
  /** The stage's counters, added to inside a transaction. */
  counterOp(cycleId: string, stage: Stage, change: { total?: number; done?: number }): WriteOp;
}

export interface EvaluationChange {
  cycleId: string;
  nip: string;
  /** Deterministic id of this change (e.g. the decision id and action): a retry is recognised by it. */
  changeId: string;
  expectedVersion?: number;
  from?: EvaluationStatus | readonly EvaluationStatus[];
  to?: EvaluationStatus;
  set?: EvaluationFields;
  audit: Omit<AuditEvent, 'eventId'>;
  extra?: WriteOp[];
}

/** One Query of an HR evaluation list: a unit × status prefix, a rater's team, or a predikat per unit. */
export type EvaluationSegment =
  | { index: 'unit'; unitId: string; status?: string }
  | { index: 'rater'; raterNip: string }
  | { index: 'predikat'; predikat: string; unitId: string };
export interface EvaluationFilter {
  predikat?: string;
  statuses?: readonly string[];
  unitIds?: readonly string[];
}

export interface EvaluationRepository {
  get(cycleId: string, nip: string, options?: { consistent?: boolean }): Promise<EvaluationRecord | undefined>;
  getMany(cycleId: string, nips: Iterable<string>, options?: { consistent?: boolean }): Promise<Map<string, EvaluationRecord>>;
  /** Creates the evaluation with its first audit event (and unit counters); false if it existed. */
  create(e: EvaluationRecord, audit: AuditEvent, extra?: WriteOp[]): Promise<boolean>;
  createTogether(created: readonly { e: EvaluationRecord; audit: AuditEvent }[], shared?: WriteOp[]): Promise<'applied' | 'conflict'>;
  /** Conditional on version/status, with its audit event, counters and `extra` in one transaction. */
  change(change: EvaluationChange, current: EvaluationRecord): Promise<'applied' | 'replayed'>;
  changeTogether(changes: readonly { change: EvaluationChange; current: EvaluationRecord }[], shared?: WriteOp[]): Promise<'applied' | 'conflict'>;
  ofUnitPage(cycleId: string, unitId: string, cursor?: Record<string, unknown>, limit?: number, status?: string): Promise<Page<EvaluationRecord>>;
  /** A page of a cycle's evaluations across unit boundaries (units in id order). */
  ofCyclePage(
    cycle: Pick<CycleRecord, 'cycleId' | 'agencyId'>,
    cursor: CycleWalkCursor,
    limit?: number,
  ): Promise<{ items: EvaluationRecord[]; next?: CycleWalkCursor }>;
  ofRater(cycleId: string, raterNip: string): Promise<EvaluationRecord[]>;
  /** HR's lists: one page of one segment, in key order, with an optional residual filter. */
  segmentPage(
    cycleId: string,
    segment: EvaluationSegment,
    opts: { forward: boolean; limit: number; start?: Record<string, unknown>; filter?: EvaluationFilter },
  ): Promise<Page<EvaluationRecord>>;
  /** The position of an evaluation in a segment's index (a page cursor). */
  indexKey(segment: EvaluationSegment, e: Pick<EvaluationRecord, 'cycleId' | 'nip' | 'unitId' | 'status' | 'raterNip'>): Record<string, string>;
  segmentHolds(cycleId: string, segment: EvaluationSegment, key: Record<string, string>): boolean;
  // 360° invitations
  invitationsOf(cycleId: string, nip: string): Promise<InvitationRecord[]>;
  getInvitation(cycleId: string, nip: string, peerNip: string): Promise<InvitationRecord | undefined>;
  /** New invitations and their one audit event; 'exists' when any was written meanwhile. */
  putInvitations(invitations: InvitationRecord[], audit: AuditEvent): Promise<'applied' | 'exists'>;
  // unit counters and calibration
  unitStatsOf(cycleId: string): Promise<UnitStatsRecord[]>;
  putCalibrationOnce(record: CalibrationRecord): Promise<void>;
  calibrationsOf(cycleId: string): Promise<CalibrationRecord[]>;
  getCalibration(cycleId: string, unitId: string): Promise<CalibrationRecord | undefined>;
  /** Resolves a flagged, unresolved calibration (conditional). */
  resolveCalibrationOp(cycleId: string, unitId: string, resolution: { reason: string; by: string; at: string }): WriteOp;
}

export interface DecisionRepository {
  get(decisionId: string): Promise<DecisionRecord | undefined>;
  pendingOf(cycleId: string, recipientNip: string): Promise<DecisionRecord[]>;
  createOp(d: DecisionRecord): WriteOp;
  /** Marks a pending decision decided; fails the transaction if anyone decided first. */
  decideOp(decisionId: string, by: Actor, at: string, outcome: string, comment?: string): WriteOp;
  /** Moves a pending decision to a new recipient. */
  reassignOp(d: DecisionRecord, recipientNip: string): WriteOp;
  markEscalated(decisionId: string, to: string[]): Promise<void>;
  /** Marks a recipient's digest as due in a stage, with the newest decision for them. */
  digestDueOp(cycleId: string, stage: Stage, recipientNip: string, decisionId: string): WriteOp;
  digestsDuePage(cycleId: string, stage: Stage, cursor?: Record<string, unknown>, limit?: number): Promise<Page<DigestDue>>;
  /** Clears the mark only if no newer decision arrived meanwhile. */
  clearDigestDue(cycleId: string, stage: Stage, recipientNip: string, coveredDecisionId: string): Promise<void>;
}

export interface RosterRepository {
  getEmployee(agencyId: string, nip: string): Promise<EmployeeRecord | undefined>;
  getEmployees(agencyId: string, nips: Iterable<string>): Promise<Map<string, EmployeeRecord>>;
  putEmployee(agencyId: string, e: EmployeeRecord): Promise<void>;
  employeesPage(agencyId: string, cursor?: Record<string, unknown>, limit?: number): Promise<Page<EmployeeRecord>>;
  getUnit(agencyId: string, unitId: string): Promise<UnitRecord | undefined>;
  unitNames(agencyId: string, unitIds: Iterable<string>): Promise<Map<string, string>>;
  unitsAfter(agencyId: string, afterUnitId: string | undefined, limit: number): Promise<UnitRecord[]>;
  listUnits(agencyId: string): Promise<UnitRecord[]>;
}

export interface DelegationRepository {
  put(agencyId: string, d: Delegation): Promise<void>;
  /** Every delegation of one official's authority. */
  of(agencyId: string, delegatorNip: string): Promise<Delegation[]>;
}

/** Once-only side effects (a reminder, a digest): claimed before, released if the effect failed. */
export interface OnceClaims {
  claim(onceKey: string, at: string): Promise<boolean>;
  release(onceKey: string): Promise<void>;
}

export interface SkmRepository {
  unitExists(agencyId: string, unitId: string): Promise<boolean>;
  getTotals(unitId: string, period: string): Promise<SkmTotals | undefined>;
  getIdempotency(unitId: string, keyHash: string): Promise<IdempotencyRecord | undefined>;
  getComment(commentId: string): Promise<CommentRecord | undefined>;
  commentsPage(
    agencyId: string,
    status: CommentStatus,
    unitId: string | undefined,
    start: Record<string, unknown> | undefined,
    limit: number,
  ): Promise<Page<CommentRecord>>;
  evidenceOfYear(agencyId: string, nip: string, year: number): Promise<EvidenceRecord[]>;
  writeSubmission(w: SubmissionWrite): Promise<SubmissionOutcome>;
  writeModeration(m: ModerationWrite): Promise<boolean>;
}

// ─── integrity (issue #12): API idempotency, survey kiosks and bursts ──────────────────────────────

/** The first answer to a write sent with an Idempotency-Key, kept for its replays (24 h). */
export interface StoredAnswer {
  /** Digest of caller, route, path and body: the same key with another of these is refused (422). */
  fingerprint: string;
  status: number;
  /** The JSON body as sent. */
  body: string;
  expiresAt: number;
}
export interface ApiIdempotency {
  get(keyHash: string): Promise<StoredAnswer | undefined>;
  /** Stores the first answer; false when one is already stored under this key (a concurrent request won). */
  put(keyHash: string, answer: StoredAnswer, nowSeconds: number): Promise<boolean>;
}

/** A survey kiosk: a device token HR issued for one unit's service counter (only its hash is stored). */
export interface KioskRecord {
  kioskId: string;
  agencyId: string;
  unitId: string;
  /** SHA-256 of the token's secret part. */
  secretHash: string;
  label?: string;
  createdBy: string;
  createdAt: string;
  revokedAt?: string;
  revokedBy?: string;
}
export interface SkmKiosks {
  put(k: KioskRecord): Promise<void>;
  get(kioskId: string): Promise<KioskRecord | undefined>;
  /** Marks it revoked; false when it was not found or already revoked. */
  revoke(kioskId: string, agencyId: string, by: string, at: string): Promise<boolean>;
}

// --- rater-bias analytics ---
/** HR's acknowledgements of rater-bias flags: written once per rater per cycle, with an audit event. */
export interface RaterBiasRepository {
  acknowledgementsOf(cycleId: string): Promise<RaterBiasAcknowledgement[]>;
  get(cycleId: string, raterNip: string): Promise<RaterBiasAcknowledgement | undefined>;
  /** False when one already exists (nothing written). */
  acknowledge(ack: RaterBiasAcknowledgement, audit: AuditEvent): Promise<boolean>;
}

/** Everything the use cases reach the world through. */
export interface Ports {
  readonly clock: Clock;
  newId(): string;
  mailer(): Mailer;
  readonly templates: MailTemplates;
  readonly links: LinkSigner;
  readonly cursors: CursorSigner;
  readonly hashes: KeyedHashes;
  readonly workflow: Workflow;
  readonly log: Logger;
  readonly settings: Settings;
  readonly cycles: CycleRepository;
  readonly stages: StageRepository;
  readonly evaluations: EvaluationRepository;
  readonly decisions: DecisionRepository;
  readonly roster: RosterRepository;
  readonly delegations: DelegationRepository;
  readonly once: OnceClaims;
  readonly skm: SkmRepository;
  readonly raterBias: RaterBiasRepository;
  readonly transact: Transact;
  readonly idempotency: ApiIdempotency;
  readonly kiosks: SkmKiosks;
  // --- files (platform) ---
  /** Bukti dukung records (evidence files and links) of evaluations. */
  readonly evidence: EvidenceRepository;
  /** The private files bucket (evidence/, documents/); presigned URLs for the browser. */
  readonly files: FileStore;
}

// ─── files (platform): object storage and evidence records ─────────────────────────────────────────

/** What the store knows of a stored object. */
export interface StoredObject {
  size: number;
  contentType?: string;
  etag?: string;
}
/**
 * Object storage (S3 in AWS, the local stack's S3-compatible endpoint locally). Keys are chosen by the
 * server; the browser only ever gets a presigned URL for one key, one method, for minutes.
 */
export interface FileStore {
  /** A URL to PUT exactly one object at `key`, with this content type and size, valid `expiresInSeconds`. */
  presignPut(key: string, object: { contentType: string; size: number; expiresInSeconds: number }): Promise<string>;
  /** A URL to GET the object at `key`; `fileName` sets the download's name (Content-Disposition: attachment). */
  presignGet(key: string, options: { expiresInSeconds: number; fileName?: string; contentType?: string }): Promise<string>;
  /** undefined when there is no object at `key`. */
  head(key: string): Promise<StoredObject | undefined>;
  put(key: string, body: Uint8Array | string, options: { contentType: string; metadata?: Record<string, string> }): Promise<void>;
  /** undefined when there is no object at `key`. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Removes the current version (the bucket keeps noncurrent versions for a while, by its lifecycle). */
  delete(key: string): Promise<void>;
}

/** Evidence records, in the evaluation's partition. */
export interface EvidenceRepository {
  get(cycleId: string, nip: string, evidenceId: string): Promise<EvidenceItem | undefined>;
  ofEvaluation(cycleId: string, nip: string): Promise<EvidenceItem[]>;
  /** Writes a new item; false when one with that id exists. */
  create(item: EvidenceItem): Promise<boolean>;
  /** PENDING → STORED with the checked size (conditional); false when it was not PENDING. */
  markStored(cycleId: string, nip: string, evidenceId: string, stored: { size: number; storedAt: string }): Promise<boolean>;
  /** Removes the item (conditional on it existing); false when it was already gone. */
  remove(cycleId: string, nip: string, evidenceId: string): Promise<boolean>;
}

// ─── documents and coaching (issue 16) ─────────────────────────────────────────────────────────────
// Optional on Ports so sets of ports that do not serve them (older fakes) still type-check; the use
// cases that need them ask through documentPorts() / coachingPlans() (shared/application/documents/context.ts).

/** The stamp a rendered document carries. */
export interface DocumentStampInput {
  code: string;
  hash: string;
  verifyUrl: string;
  generatedAt: string;
  signatureNote: string;
}
/** Turns a document's content into PDF bytes (pdfmake in the documents function). */
export interface DocumentRenderer {
  render(content: DocumentContent, stamp: DocumentStampInput): Promise<Uint8Array>;
}
/**
 * Electronic signature (BSrE TTE): an agency plugs its provider in here. The default adapter signs
 * nothing and says so on the document ("tidak ditandatangani secara elektronik").
 */
export interface DocumentSigner {
  /** What the document says about its signature, before it is signed. */
  readonly note: string;
  sign(pdf: Uint8Array, meta: { code: string; hash: string; title: string }): Promise<{ pdf: Uint8Array; signed: boolean }>;
}

export interface DocumentRecord {
  code: string;
  agencyId: string;
  cycleId: string;
  kind: DocumentKind;
  subject: string;
  variant: string;
  title: string;
  draft: boolean;
  /** SHA-256 (hex) of the canonical content shown. */
  hash: string;
  /** The file's key in the bucket (under `documents/`). */
  fileKey: string;
  fileName: string;
  bytes: number;
  generatedAt: string;
  approval?: Approval;
  signed: boolean;
  status: 'CURRENT' | 'SUPERSEDED';
  supersededAt?: string;
  supersededBy?: string;
}

/** Document metadata and verification codes. */
export interface DocumentRegistry {
  get(code: string): Promise<DocumentRecord | undefined>;
  current(cycleId: string, subject: string, kind: string, variant: string): Promise<DocumentRecord | undefined>;
  /** The current document of each kind (and variant) of one subject in a cycle. */
  currentOf(cycleId: string, subject: string): Promise<DocumentRecord[]>;
  /** Records `doc` as current and marks `previous` superseded, in one conditional transaction. */
  record(doc: DocumentRecord, previous?: DocumentRecord): Promise<'applied' | 'conflict'>;
}

/** Work for the documents function, run asynchronously (it renders PDFs; the caller does not wait). */
export type DocumentJob =
  | { type: 'stage-closed'; cycleId: string; stage: Stage; cursor?: string }
  /** A period of a quarterly or monthly policy closed: each periodic evaluation of that period. */
  | { type: 'period-closed'; cycleId: string; periodId: string; cursor?: string }
  | { type: 'coaching'; cycleId: string; nip: string };
export interface DocumentRequests {
  request(job: DocumentJob): Promise<void>;
}

/** PDFs are kept by the files port (`ports().files`, under `documents/`). */
export interface DocumentPorts {
  readonly renderer: DocumentRenderer;
  readonly signer: DocumentSigner;
  readonly registry: DocumentRegistry;
  /** The place documents are signed at ("Surabaya"). */
  readonly place: string;
  /** SHA-256 of a text, as 64 hex digits (the content hash a document prints). */
  sha256(text: string): string;
  /** The audit trail of an evaluation (who approved what, when). */
  auditOf(cycleId: string, nip: string): Promise<AuditEvent[]>;
}

export interface CoachingRepository {
  get(cycleId: string, nip: string): Promise<CoachingPlan | undefined>;
  /** Creates the plan unless one exists; whether this call created it. */
  create(plan: CoachingPlan): Promise<boolean>;
  /** Writes the plan conditional on the version it was read at; 'conflict' when someone changed it first. */
  update(plan: CoachingPlan, expectedVersion: number, audit: Omit<AuditEvent, 'eventId'> & { eventId: string }): Promise<'applied' | 'conflict'>;
  /** Open plans of an agency by next session due (oldest first); `dueBefore` keeps the overdue ones. */
  openPage(agencyId: string, opts: { dueBefore?: string; start?: Record<string, unknown>; limit: number }): Promise<Page<CoachingPlan>>;
}

export interface Ports {
  readonly documents?: DocumentPorts;
  readonly documentRequests?: DocumentRequests;
  readonly coaching?: CoachingRepository;
}
