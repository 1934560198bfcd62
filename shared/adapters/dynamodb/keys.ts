/**
 * The table's keys and every access pattern the system uses — one file, so a reader sees every query
 * the system can make. Single table; three GSIs: GSI1 and GSI2 overloaded, GSI3 sparse (predikat). No Scan anywhere.
 *
 * | # | Access pattern                                   | Key condition                                                   |
 * |---|--------------------------------------------------|-----------------------------------------------------------------|
 * |   | **roster**                                       |                                                                 |
 * | 1 | employee by NIP                                  | PK=AGENCY#a, SK=EMP#nip                                         |
 * | 2 | roster of an agency (paged)                      | PK=AGENCY#a, SK begins_with EMP#                                |
 * | 3 | units of an agency                               | PK=AGENCY#a, SK begins_with UNIT#                               |
 * | 4 | delegations (Plt/Plh) of an official             | PK=AGENCY#a, SK begins_with DELEGATION#nip#                     |
 * |   | **cycles and stages**                            |                                                                 |
 * | 5 | cycle by id; its stage records                   | PK=CYCLE#c, SK=META / SK begins_with STAGE#                     |
 * | 6 | cycles of an agency by year                      | GSI1: GSI1PK=AGENCY#a#CYCLES, GSI1SK=YEAR#y                     |
 * | 7 | per-unit counters of a cycle (status, predikat)  | PK=CYCLE#c, SK=UNITSTAT#unit / SK begins_with UNITSTAT#         |
 * | 8 | calibration result of a unit (+ HR resolution)   | PK=CYCLE#c, SK=CALIBRATION#unit / SK begins_with CALIBRATION#   |
 * | 9 | recipients whose digest is due in a stage        | PK=CYCLE#c, SK=DIGESTDUE#stage#nip / begins_with DIGESTDUE#stage#|
 * |   | **evaluations**                                  |                                                                 |
 * |10 | evaluation of an employee in a cycle (+ audit)   | PK=EVAL#c#nip, SK=EVAL / SK begins_with AUDIT#                  |
 * |11 | evaluations of a unit in a cycle, by status      | GSI1: GSI1PK=CYCLE#c#UNIT#u, GSI1SK begins_with STATUS#s#       |
 * |12 | evaluations a rater rates in a cycle             | GSI2: GSI2PK=CYCLE#c#RATER#nip, GSI2SK=EVAL#nip                 |
 * |13 | a cycle's evaluations, 100 at a time across units| #3 from the cursor's unit, then #11 per unit (filling the page) |
 * |14 | 360° invitations of an evaluation (one per pair) | PK=EVAL#c#nip, SK begins_with INVITE# (SK=INVITE#peerNip)       |
 * |15 | HR list: unit (+ sub-units) × status, NIP order  | #11 once per (unit, status) segment, ScanIndexForward = order   |
 * |16 | HR list by rater (NIP order)                     | #12; unit/status/predikat as FilterExpression (a team is small) |
 * |17 | HR list by predikat (per unit, NIP order)        | GSI3: GSI3PK=CYCLE#c#PREDIKAT#p, GSI3SK begins_with UNIT#u#     |
 * |   | **decisions and once-only effects**              |                                                                 |
 * |18 | decision by its opaque id                        | PK=DECISION#id, SK=DECISION                                     |
 * |19 | pending decisions of a recipient in a cycle      | GSI1: GSI1PK=CYCLE#c#TODO#nip, GSI1SK=DECISION#kind#id          |
 * |20 | once-only side effects (digests, reminders) (TTL)| PK=ONCE#key, SK=ONCE                                            |
 * |   | **citizen survey (SKM)**                         |                                                                 |
 * |21 | SKM answers and running totals of a unit/period  | PK=SKM#unit#period, SK=TOTALS / SK begins_with RESP#            |
 * |22 | SKM comment by id (+ its moderation audit)       | PK=SKMCOMMENT#id, SK=COMMENT / SK begins_with AUDIT#            |
 * |23 | SKM comments of an agency by status (queue)      | GSI1: GSI1PK=SKMCOMMENTS#a#status, GSI1SK=createdAt#id          |
 * |24 | SKM comments of a unit by status (queue)         | GSI2: GSI2PK=SKMCOMMENTS#a#unit#status, GSI2SK=createdAt#id     |
 * |25 | approved citizen evidence of an employee by year | PK=SKMEVIDENCE#a#nip, SK begins_with <year>- (SK=period#id)     |
 * |26 | SKM per-client daily submission counter (TTL)    | PK=SKMLIMIT#unit#day#client, SK=LIMIT                           |
 * |27 | SKM submission by Idempotency-Key (TTL)          | PK=SKMIDEM#unit#keyHash, SK=IDEMPOTENCY                         |
 * |   | **integrity (issue #12)**                        |                                                                 |
 * |40 | API write's first answer by Idempotency-Key (TTL)| PK=IDEM#keyHash, SK=ANSWER                                      |
 * |41 | SKM kiosk (device token of a unit) by id         | PK=SKMKIOSK#kioskId, SK=KIOSK                                   |
 * |42 | SKM burst counter: client × answers × window(TTL)| PK=SKMBURST#unit#client#answers#window, SK=BURST                |
 * |   | **bukti dukung (files, platform)**               |                                                                 |
 * |28 | evidence (files, links) of an evaluation          | PK=EVAL#c#nip, SK begins_with EVIDENCE# (SK=EVIDENCE#id; TTL while PENDING) |
 * |   | **documents and coaching (issue 16)**            |                                                                 |
 * |29 | coaching plan of an evaluation (+ its audit)     | PK=EVAL#c#nip, SK=COACHING (audit: SK begins_with AUDIT#)       |
 * |30 | open coaching plans of an agency, by next session due (overdue: GSI1SK < today) | GSI1: GSI1PK=AGENCY#a#COACHING, GSI1SK=due#c#nip (sparse: open plans only) |
 * |31 | document by its verification code                | PK=DOC#code, SK=DOC                                             |
 * |32 | current documents of a subject in a cycle        | PK=DOCS#c#subject, SK begins_with CURRENT# (SK=CURRENT#kind#variant) |
 * |   | **rater-bias analytics**                         |                                                                 |
 * |35 | HR's acknowledgements of rater-bias flags        | PK=CYCLE#c, SK=RATERBIASACK#nip / SK begins_with RATERBIASACK#  |
 * |36 | an acknowledgement's audit event                 | PK=CYCLE#c, SK=AUDIT#RATERBIAS#nip#at#id                        |
 * |   | **HR console (roster)**                          |                                                                 |
 * |37 | HR roster list/search (name or NIP, unit), paged | #2, `limit` entries read per page, filtered (a page may hold fewer) |
 * |38 | roster import preview: stored rows of the file   | #1 as BatchGetItem (100 NIPs a call) + #3; nothing written      |
 *
 * #15–17 (GET /v1/cycles/{c}/evaluations): unit, sub-units, status and stage are key conditions (a stage
 * is the statuses waiting in it, one segment each), so a page reads what it returns (amplification 1.0).
 * `rater` reads the rater's team and filters it: amplification ≤ team size / matches. `predikat` reads
 * GSI3, a sparse index holding only evaluations with a predikat; `changeEvaluation` maintains its keys
 * (the one writer of evaluations), so a rating, an objection or a transfer moves them.
 *
 * Nothing that grows with the cohort lives on one item: the cycle record holds ids and small
 * fields; per-unit and per-recipient facts are items of their own (an item is at most 400 KB).
 */

export const GSI1 = 'GSI1';
export const GSI2 = 'GSI2';
export const GSI3 = 'GSI3';

export const keys = {
  employee: (agencyId: string, nip: string) => ({ PK: `AGENCY#${agencyId}`, SK: `EMP#${nip}` }),
  employeeByRater: (agencyId: string, raterNip: string, nip: string) => ({
    GSI2PK: `AGENCY#${agencyId}#RATER#${raterNip}`,
    GSI2SK: `EMP#${nip}`,
  }),
  unit: (agencyId: string, unitId: string) => ({ PK: `AGENCY#${agencyId}`, SK: `UNIT#${unitId}` }),
  /** A once-only side effect (digest, reminder, notice), claimed before it happens (TTL). */
  once: (onceKey: string) => ({ PK: `ONCE#${onceKey}`, SK: 'ONCE' }),
  delegation: (agencyId: string, delegatorNip: string, from: string) => ({
    PK: `AGENCY#${agencyId}`,
    SK: `DELEGATION#${delegatorNip}#${from}`,
  }),
  cycle: (cycleId: string) => ({ PK: `CYCLE#${cycleId}`, SK: 'META' }),
  cycleByAgency: (agencyId: string, year: number) => ({ GSI1PK: `AGENCY#${agencyId}#CYCLES`, GSI1SK: `YEAR#${year}` }),
  stage: (cycleId: string, stage: string) => ({ PK: `CYCLE#${cycleId}`, SK: `STAGE#${stage}` }),
  unitStats: (cycleId: string, unitId: string) => ({ PK: `CYCLE#${cycleId}`, SK: `UNITSTAT#${unitId}` }),
  calibration: (cycleId: string, unitId: string) => ({ PK: `CYCLE#${cycleId}`, SK: `CALIBRATION#${unitId}` }),
  digestDue: (cycleId: string, stage: string, recipientNip: string) => ({ PK: `CYCLE#${cycleId}`, SK: `DIGESTDUE#${stage}#${recipientNip}` }),
  evaluation: (cycleId: string, nip: string) => ({ PK: `EVAL#${cycleId}#${nip}`, SK: 'EVAL' }),
  evaluationByUnit: (cycleId: string, unitId: string, status: string, nip: string) => ({
    GSI1PK: `CYCLE#${cycleId}#UNIT#${unitId}`,
    GSI1SK: `STATUS#${status}#${nip}`,
  }),
  evaluationByRater: (cycleId: string, raterNip: string, nip: string) => ({
    GSI2PK: `CYCLE#${cycleId}#RATER#${raterNip}`,
    GSI2SK: `EVAL#${nip}`,
  }),
  /** Sparse: set only while the evaluation has a predikat. */
  evaluationByPredikat: (cycleId: string, predikat: string, unitId: string, nip: string) => ({
    GSI3PK: `CYCLE#${cycleId}#PREDIKAT#${predikat}`,
    GSI3SK: `UNIT#${unitId}#${nip}`,
  }),
  audit: (cycleId: string, nip: string, at: string, eventId: string) => ({
    PK: `EVAL#${cycleId}#${nip}`,
    SK: `AUDIT#${at}#${eventId}`,
  }),
  decision: (decisionId: string) => ({ PK: `DECISION#${decisionId}`, SK: 'DECISION' }),
  decisionTodo: (cycleId: string, recipientNip: string, kind: string, decisionId: string) => ({
    GSI1PK: `CYCLE#${cycleId}#TODO#${recipientNip}`,
    GSI1SK: `DECISION#${kind}#${decisionId}`,
  }),
  skmTotals: (unitId: string, period: string) => ({ PK: `SKM#${unitId}#${period}`, SK: 'TOTALS' }),
  skmResponse: (unitId: string, period: string, responseId: string) => ({
    PK: `SKM#${unitId}#${period}`,
    SK: `RESP#${responseId}`,
  }),
  skmComment: (commentId: string) => ({ PK: `SKMCOMMENT#${commentId}`, SK: 'COMMENT' }),
  skmCommentAudit: (commentId: string, at: string, eventId: string) => ({
    PK: `SKMCOMMENT#${commentId}`,
    SK: `AUDIT#${at}#${eventId}`,
  }),
  skmCommentsByStatus: (agencyId: string, status: string, createdAt: string, commentId: string) => ({
    GSI1PK: `SKMCOMMENTS#${agencyId}#${status}`,
    GSI1SK: `${createdAt}#${commentId}`,
  }),
  skmCommentsByUnit: (agencyId: string, unitId: string, status: string, createdAt: string, commentId: string) => ({
    GSI2PK: `SKMCOMMENTS#${agencyId}#${unitId}#${status}`,
    GSI2SK: `${createdAt}#${commentId}`,
  }),
  /** Written only when HR approves a comment naming the employee; `period` is YYYY-MM, so a year is a prefix. */
  skmEvidence: (agencyId: string, nip: string, period: string, commentId: string) => ({
    PK: `SKMEVIDENCE#${agencyId}#${nip}`,
    SK: `${period}#${commentId}`,
  }),
  /** `client` is a keyed hash of the source address and user agent, never the address itself. */
  skmDailyLimit: (unitId: string, day: string, client: string) => ({ PK: `SKMLIMIT#${unitId}#${day}#${client}`, SK: 'LIMIT' }),
  skmIdempotency: (unitId: string, keyHash: string) => ({ PK: `SKMIDEM#${unitId}#${keyHash}`, SK: 'IDEMPOTENCY' }),
  /** The first answer to an API write sent with an Idempotency-Key; `keyHash` is a keyed hash of the key. */
  apiIdempotency: (keyHash: string) => ({ PK: `IDEM#${keyHash}`, SK: 'ANSWER' }),
  skmKiosk: (kioskId: string) => ({ PK: `SKMKIOSK#${kioskId}`, SK: 'KIOSK' }),
  /** `key` is unit, client hash, a digest of the answers and the time window, joined by the use case. */
  skmBurst: (key: string) => ({ PK: `SKMBURST#${key}`, SK: 'BURST' }),
  /** A peer invited to give 360° feedback on an evaluation: once per cycle per pair (conditional put). */
  invitation: (cycleId: string, nip: string, peerNip: string) => ({ PK: `EVAL#${cycleId}#${nip}`, SK: `INVITE#${peerNip}` }),
  // --- files (platform) ---
  /** #28: one item of bukti dukung (a file or a link) of an evaluation. */
  evidence: (cycleId: string, nip: string, evidenceId: string) => ({ PK: `EVAL#${cycleId}#${nip}`, SK: `EVIDENCE#${evidenceId}` }),
  // --- documents and coaching (issue 16) ---
  coachingPlan: (cycleId: string, nip: string) => ({ PK: `EVAL#${cycleId}#${nip}`, SK: 'COACHING' }),
  /** Sparse: set only while the plan is open; the sort key starts with the next session's due day. */
  openCoachingPlan: (agencyId: string, nextDue: string, cycleId: string, nip: string) => ({
    GSI1PK: `AGENCY#${agencyId}#COACHING`,
    GSI1SK: `${nextDue}#${cycleId}#${nip}`,
  }),
  document: (code: string) => ({ PK: `DOC#${code}`, SK: 'DOC' }),
  currentDocument: (cycleId: string, subject: string, kind: string, variant: string) => ({
    PK: `DOCS#${cycleId}#${subject}`,
    SK: `CURRENT#${kind}#${variant}`,
  }),
  // --- rater-bias analytics (35–36) ---
  raterBiasAck: (cycleId: string, raterNip: string) => ({ PK: `CYCLE#${cycleId}`, SK: `RATERBIASACK#${raterNip}` }),
  raterBiasAudit: (cycleId: string, raterNip: string, at: string, eventId: string) => ({
    PK: `CYCLE#${cycleId}`,
    SK: `AUDIT#RATERBIAS#${raterNip}#${at}#${eventId}`,
  }),
} as const;

export const prefixes = {
  employee: 'EMP#',
  unit: 'UNIT#',
  audit: 'AUDIT#',
  stage: 'STAGE#',
  unitStats: 'UNITSTAT#',
  calibration: 'CALIBRATION#',
  digestDue: (stage: string) => `DIGESTDUE#${stage}#`,
  delegation: (delegatorNip: string) => `DELEGATION#${delegatorNip}#`,
  invitation: 'INVITE#',
  evidence: 'EVIDENCE#',
  currentDocument: 'CURRENT#',
  raterBiasAck: 'RATERBIASACK#',
} as const;

/** The table definition both the CDK stack and the local stack derive from (the local one via the template). */
export const TABLE_KEY_SCHEMA = {
  partitionKey: 'PK',
  sortKey: 'SK',
  gsis: [
    { indexName: GSI1, partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { indexName: GSI2, partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    { indexName: GSI3, partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
  ],
  ttlAttribute: 'expiresAt',
} as const;
