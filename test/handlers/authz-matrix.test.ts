/**
 * The authorization matrix: every route of ROUTES × every role × in scope, out of scope and (for the
 * writes on an evaluation) on the caller's own evaluation, through the real handlers, on the one
 * memory table and world of test/support. The list of routes comes from ROUTES: a route without a row,
 * or a route its handler does not serve (it answers "unknown route"), fails; nothing is skipped.
 *
 * Roles, relative to the subject employee E (unit seksi-kesra, agency kec-asemrowo):
 *   self (E) · rater (E's Pejabat Penilai) · approver (the rater's rater) · peer (same unit, same rater, invited for 360° feedback on E)
 *   · unrelated (another unit, another rater) · hr (HR of kec-asemrowo, groups "[hr employee]").
 * In scope: the target is E's record (or E's unit, E's rater, a comment of kec-asemrowo) in agency
 * kec-asemrowo. Out of scope: the same request aimed at agency kec-lain (its cycle kec-lain-2026,
 * employee X, unit kel-lain) — nobody above has any relation to it, HR included. Own: an official
 * (rater, approver, HR) acting on their own evaluation: as its employee yes, as its rater or HR no.
 * The routes without a token (citizens' SKM, OpenAPI, signed decision links) have rows in PUBLIC.
 *
 * Expected: allow → neither 401 nor 403 (2xx, or a 4xx about the state such as 409/422) and never 5xx;
 * deny → 403 and no write; hidden → no write and either 403/404/422 or a 2xx that contains nothing of
 * the other agency; claims missing or garbled → 401 and no write. A cell that shows an authorization
 * hole runs as `it.fails`, with the hole named in HOLES, so the suite is green and the hole visible.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { context, jwtEvent, setEnv } from '../support/lambda';

setEnv();
const { ddbMock, get, prime, put, writes } = await import('../support/memory-table');
const W = await import('../support/world');
const { ROUTES } = await import('../../shared/http/routes');
const { API_DOCS } = await import('../../shared/http/openapi');
const { keys } = await import('../../shared/adapters/dynamodb/keys');
const { buildDecisionUrl } = await import('../../shared/adapters/links/links');
const { deps } = await import('../../shared/composition');
const { fixedClock } = await import('../../shared/adapters/clock');
type AnyHandler = (event: unknown, ctx: typeof context) => Promise<unknown>;
/** Every function that serves a route of ROUTES (a route whose function is missing here fails below). */
const HANDLERS: Record<string, AnyHandler> = {
  'hr-api': (await import('../../functions/hr-api/handler')).handler as unknown as AnyHandler,
  'evaluation-api': (await import('../../functions/evaluation-api/handler')).handler as unknown as AnyHandler,
  skm: (await import('../../functions/skm/handler')).handler as unknown as AnyHandler,
  'decision-links': (await import('../../functions/decision-links/handler')).handler as unknown as AnyHandler,
  openapi: (await import('../../functions/openapi/handler')).handler as unknown as AnyHandler,
  'me-api': (await import('../../functions/me-api/handler')).handler as unknown as AnyHandler,
  files: (await import('../../functions/files/handler')).handler as unknown as AnyHandler,
  // --- documents and coaching (issue 16) ---
  documents: (await import('../../functions/documents/handler')).handler as unknown as AnyHandler,
  coaching: (await import('../../functions/coaching/handler')).handler as unknown as AnyHandler,
};
// The documents function stores PDFs: S3 answers every call (the bytes are not looked at here).
const { S3Client } = await import('@aws-sdk/client-s3');
(await import('aws-sdk-client-mock')).mockClient(S3Client).onAnyCommand().resolves({});
const { coachingPlan } = await import('../support/documents-fixtures');

// ─── the people and the two agencies (test/support/world.ts) ──────────────────────────────────────

const { AGENCY, CYCLE, OTHER_AGENCY, OTHER_CYCLE, COMMENT } = W;
const P = {
  self: W.P.self,
  rater: W.P.rater,
  approver: W.P.head,
  peer: W.P.peer,
  unrelated: W.P.staffTambak,
  unrelatedRater: W.P.lurah,
  hr: W.P.hr,
  newcomer: W.P.newcomer,
  x: W.P.x,
  xRater: W.P.xRater,
  xApprover: W.P.xApprover,
} as const;
const ROLES = ['self', 'rater', 'approver', 'peer', 'unrelated', 'hr'] as const;
type Role = (typeof ROLES)[number];
/** The roles that are more than an employee: for them "own" (their own evaluation) is a scope of its own. */
const OFFICIALS = ['rater', 'approver', 'hr'] as const satisfies readonly Role[];
const FOREIGN = [P.x, P.xRater, P.xApprover, 'KOMENTAR-INSTANSI-LAIN'];

/** The world at a stage: E (and, for the "own" scope, the caller) in `status`, everyone else MONITORING. */
function seed(stage: string, status: string, own?: string) {
  prime(() =>
    W.seedWorld({
      stage,
      status,
      othersStatus: 'MONITORING',
      ...(own ? { alsoWithStatus: [own] } : {}),
      // The mid-year stage opens on 1 July (the clock is 15 July, before its deadline day).
      openedAt: stage === 'MIDYEAR' ? '2026-07-01T01:00:00.000Z' : '2026-01-02T01:00:00.000Z',
      calibrationFlags: [{ unitId: 'seksi-kesra', resolved: false }],
      ...(status === 'RESULT_ISSUED' ? { evaluation: Object.fromEntries([P.self, P.x, ...(own ? [own] : [])].map((nip) => [nip, { predikat: 'BAIK' }])) } : {}),
      otherAgency: true,
      // The rater invited the peer for 360° feedback on E (feedback is by invitation only).
      invitations: [[P.self, P.peer]],
      skmComments: true,
    }),
  );
}

const claimsOf = (role: Role): Record<string, string> => ({
  'custom:nip': P[role],
  'cognito:groups': role === 'hr' ? '[hr employee]' : '[employee]',
  'custom:agencyId': AGENCY,
  name: role,
});

// ─── the matrix ───────────────────────────────────────────────────────────────────────────────────

/** in: E's record in kec-asemrowo; out: the same request aimed at kec-lain; own: the caller's own evaluation. */
type Scope = 'in' | 'out' | 'own';
type Official = (typeof OFFICIALS)[number];
type Expect = 'allow' | 'deny' | 'hidden';
interface Target {
  params: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}
interface Spec {
  stage: string;
  status: string;
  target(scope: Scope, role: Role): Target;
  expect(role: Role, scope: Scope): Expect;
  /**
   * The "self" column, required on every write route: what an official (rater, approver, HR) may do
   * when the target is their own record — their own evaluation, a team they are in, a comment naming
   * them, themself as the acting official or as the newcomer. On a route with no person's record
   * (cycles, import, calibration) it says what HR, whose own evaluation is in the cycle, may still do.
   */
  own?(role: Official): Expect;
  /** Extra items for the "self" cell (seeded after the world). */
  ownSeed?(role: Official): void;
  /** Extra items for every cell (seeded after the world). */
  extraSeed?(): void;
  /** Extra checks on an allowed answer. */
  check?(role: Role, scope: Scope, res: APIGatewayProxyStructuredResultV2): void;
}

const example = (key: string) => structuredClone(API_DOCS[key]!.body!.example) as Record<string, unknown>;
const inOut = (scope: Scope, role?: Role) =>
  scope === 'out'
    ? { cycleId: OTHER_CYCLE, nip: P.x, unitId: 'kel-lain' }
    : { cycleId: CYCLE, nip: scope === 'own' ? P[role!] : P.self, unitId: 'seksi-kesra' };
const onEvaluation =
  (key: string, extra: (scope: Scope, role: Role) => Record<string, unknown> = () => ({})) =>
  (scope: Scope, role: Role): Target => {
    const { cycleId, nip } = inOut(scope, role);
    return { params: { cycleId, nip }, ...(API_DOCS[key]!.body ? { body: { ...example(key), ...extra(scope, role) } } : {}) };
  };
const onCycle =
  (key: string) =>
  (scope: Scope): Target => ({ params: { cycleId: inOut(scope).cycleId }, ...(API_DOCS[key]!.body ? { body: example(key) } : {}) });
const only =
  (...roles: Role[]) =>
  (role: Role, scope: Scope): Expect =>
    scope === 'in' && roles.includes(role) ? 'allow' : 'deny';
const hrOnly = only('hr');
/** On one's own evaluation an official acts as the employee (SKP, progress, self-assessment, objection)… */
const mine = (): Expect => 'allow';
/** …and never as its rater, reviewer or HR (a rating, a review, invitations, a transfer of oneself). */
const notMine = (): Expect => 'deny';
/** A route on the agency, not on a person's record: HR still acts while their own evaluation is in the cycle. */
const agencyWide = (role: Official): Expect => (role === 'hr' ? 'allow' : 'deny');
/** A pending SKM comment of kec-asemrowo that names `nip` (an approved one is evidence for their evaluation). */
const COMMENT_NAMING = 'cmt00000000000000099';
function seedCommentNaming(nip: string) {
  const at = '2026-11-02T01:00:00.000Z';
  put({
    ...keys.skmComment(COMMENT_NAMING),
    ...keys.skmCommentsByStatus(AGENCY, 'PENDING', at, COMMENT_NAMING),
    ...keys.skmCommentsByUnit(AGENCY, 'seksi-kesra', 'PENDING', at, COMMENT_NAMING),
    type: 'SKMCOMMENT',
    commentId: COMMENT_NAMING,
    agencyId: AGENCY,
    unitId: 'seksi-kesra',
    period: '2026-11',
    responseId: `r-${COMMENT_NAMING}`,
    text: `Terima kasih Bapak/Ibu NIP ${nip}`,
    answers: [4, 4, 4, 4, 4, 4, 4, 4, 4],
    namedNips: [nip],
    redactions: 0,
    status: 'PENDING',
    createdAt: at,
  });
}

/** A survey kiosk of each agency (DELETE /v1/skm/kiosks/{kioskId}). */
const KIOSK = { in: 'kiosk0000000000000001', out: 'kiosk0000000000000002' };
function seedKiosks() {
  for (const [kioskId, agencyId, unitId] of [
    [KIOSK.in, AGENCY, 'seksi-kesra'],
    [KIOSK.out, OTHER_AGENCY, 'kel-lain'],
  ] as const) {
    put({ ...keys.skmKiosk(kioskId), type: 'SKM_KIOSK', kioskId, agencyId, unitId, secretHash: 'x', createdBy: P.hr, createdAt: '2026-07-01T01:00:00.000Z' });
  }
}

/** A pending SKP approval: E's for E's rater (in), X's for X's rater (out). */
/** A pending SKP approval: of E for E's rater (in), of X in the other agency (out), of the caller for the caller (own). */
function pendingSkpDecision(scope: Scope, role?: Role) {
  const [decisionId, cycleId, subjectNip, recipientNip] =
    scope === 'out'
      ? ['dec-out-0000001', OTHER_CYCLE, P.x, P.xRater]
      : scope === 'own'
        ? ['dec-own-0000001', CYCLE, P[role!], P[role!]]
        : ['dec-in-00000001', CYCLE, P.self, P.rater];
  const d = {
    decisionId,
    kind: 'SKP_APPROVAL',
    cycleId,
    stage: 'PLANNING',
    subjectNip,
    recipientNip,
    status: 'PENDING',
    createdAt: '2026-01-05T01:00:00.000Z',
  };
  put({ ...keys.decision(decisionId), ...keys.decisionTodo(cycleId, recipientNip, 'SKP_APPROVAL', decisionId), type: 'DECISION', ...d });
}

/** A link the evaluation's employee added as evidence (a link: confirming or deleting it calls no S3). */
function evidenceItem(scope: Scope, role: Role): Target {
  const { cycleId, nip } = inOut(scope, role);
  put({
    ...keys.evidence(cycleId, nip, 'ev-1'),
    type: 'EVIDENCE',
    evidenceId: 'ev-1',
    cycleId,
    nip,
    rhkId: 'rhk-1',
    period: 'MIDYEAR',
    kind: 'link',
    status: 'STORED',
    title: 'Berita',
    url: 'https://example.go.id/b',
    uploadedBy: nip,
    createdAt: '2026-07-02T01:00:00.000Z',
  });
  return { params: { cycleId, nip, evidenceId: 'ev-1' } };
}

/** A coaching plan of the target's subject (test/support/documents-fixtures.ts), put in the table before the call. */
const coachingTarget =
  (key: string) =>
  (scope: Scope, role: Role): Target => {
    const t = onEvaluation(key)(scope, role);
    const { cycleId, nip } = t.params as { cycleId: string; nip: string };
    const plan = { ...coachingPlan(), cycleId, nip, agencyId: scope === 'out' ? OTHER_AGENCY : AGENCY };
    put({ ...keys.coachingPlan(cycleId, nip), type: 'COACHING_PLAN', ...plan });
    return t;
  };

const SPECS: Record<string, Spec> = {
  'POST /v1/cycles': {
    stage: 'PLANNING',
    status: 'SKP_DRAFT',
    // The agency comes from the token only: an agencyId in the body must not move the cycle elsewhere.
    target: (scope) => ({ params: {}, body: scope === 'in' ? { year: 2026 } : { year: 2026, agencyId: OTHER_AGENCY } }),
    expect: (role) => (role === 'hr' ? 'allow' : 'deny'),
    own: agencyWide,
    check: () => expect(writes().join('\n')).not.toContain(OTHER_AGENCY),
  },
  'GET /v1/cycles/{cycleId}': { stage: 'MIDYEAR', status: 'MONITORING', target: onCycle('GET /v1/cycles/{cycleId}'), expect: hrOnly },
  'POST /v1/cycles/{cycleId}/resume': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: onCycle('POST /v1/cycles/{cycleId}/resume'),
    expect: hrOnly,
    own: agencyWide,
  },
  'PUT /v1/cycles/{cycleId}/organisation-predikat': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: onCycle('PUT /v1/cycles/{cycleId}/organisation-predikat'),
    expect: hrOnly,
    own: agencyWide,
  },
  'GET /v1/cycles/{cycleId}/evaluations': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: (scope) => ({ params: { cycleId: inOut(scope).cycleId }, query: { unitId: inOut(scope).unitId } }),
    // HR lists a unit; anyone else gets their own team only (possibly empty).
    expect: (role, scope) => (scope === 'in' ? 'allow' : role === 'hr' ? 'deny' : 'hidden'),
    check: (role, _scope, res) => {
      if (role === 'hr') return;
      const items = JSON.parse(res.body!).items as { raterNip: string }[];
      expect(items.every((i) => i.raterNip === P[role])).toBe(true);
    },
  },
  'GET /v1/cycles/{cycleId}/evaluations/{nip}': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: onEvaluation('GET /v1/cycles/{cycleId}/evaluations/{nip}'),
    expect: only('self', 'rater', 'approver', 'hr'),
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/skp': {
    stage: 'PLANNING',
    status: 'SKP_DRAFT',
    target: onEvaluation('PUT /v1/cycles/{cycleId}/evaluations/{nip}/skp', (scope, role) => ({ nip: inOut(scope, role).nip })),
    expect: only('self', 'hr'),
    own: mine,
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/progress': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: onEvaluation('PUT /v1/cycles/{cycleId}/evaluations/{nip}/progress'),
    expect: only('self', 'hr'),
    own: mine,
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/feedback': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: onEvaluation('PUT /v1/cycles/{cycleId}/evaluations/{nip}/feedback'),
    expect: only('rater', 'peer'),
    own: notMine,
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/invitations': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: onEvaluation('POST /v1/cycles/{cycleId}/evaluations/{nip}/invitations', (scope) => ({ peerNips: [scope !== 'out' ? P.unrelated : P.xRater] })),
    expect: only('rater', 'hr'),
    own: notMine,
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/self-assessment': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: onEvaluation('PUT /v1/cycles/{cycleId}/evaluations/{nip}/self-assessment'),
    expect: only('self'),
    own: mine,
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/midyear-review': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: onEvaluation('PUT /v1/cycles/{cycleId}/evaluations/{nip}/midyear-review'),
    expect: only('rater', 'hr'),
    own: notMine,
  },
  // --- periodic evaluations (h-periodic): the same people as the mid-year review ---
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/periods/{periodId}/review': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: (scope, role) => {
      const t = onEvaluation('PUT /v1/cycles/{cycleId}/evaluations/{nip}/periods/{periodId}/review')(scope, role);
      return { ...t, params: { ...t.params, periodId: 'Q1' } };
    },
    expect: only('rater', 'hr'),
    own: notMine,
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/rating': {
    stage: 'FINAL_SCORING',
    status: 'AWAITING_RATING',
    target: onEvaluation('PUT /v1/cycles/{cycleId}/evaluations/{nip}/rating'),
    expect: only('rater', 'hr'),
    own: notMine,
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/objection': {
    stage: 'OBJECTION',
    status: 'RESULT_ISSUED',
    target: onEvaluation('POST /v1/cycles/{cycleId}/evaluations/{nip}/objection'),
    expect: only('self'),
    own: mine,
  },
  'POST /v1/cycles/{cycleId}/calibration/{unitId}/resolution': {
    stage: 'CALIBRATION',
    status: 'RATED',
    target: (scope) => ({
      params: { cycleId: inOut(scope).cycleId, unitId: inOut(scope).unitId },
      body: example('POST /v1/cycles/{cycleId}/calibration/{unitId}/resolution'),
    }),
    expect: hrOnly,
    // A unit's curve note changes no predikat; HR resolves it whatever unit they are in.
    own: agencyWide,
  },
  'GET /v1/cycles/{cycleId}/export.csv': { stage: 'FOLLOW_UP', status: 'FINAL', target: onCycle('GET /v1/cycles/{cycleId}/export.csv'), expect: hrOnly },
  'GET /v1/cycles/{cycleId}/report': { stage: 'FOLLOW_UP', status: 'FINAL', target: onCycle('GET /v1/cycles/{cycleId}/report'), expect: hrOnly },
  'POST /v1/roster/import': {
    stage: 'PLANNING',
    status: 'SKP_DRAFT',
    target: () => ({ params: {}, body: API_DOCS['POST /v1/roster/import']!.body!.example }),
    // The agency comes from the token; "out of scope" is the same import (nothing to aim elsewhere).
    expect: (role) => (role === 'hr' ? 'allow' : 'deny'),
    own: agencyWide,
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/transfer': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: onEvaluation('POST /v1/cycles/{cycleId}/evaluations/{nip}/transfer', (scope) =>
      scope !== 'out' ? { unitId: 'kel-tambak', raterNip: P.unrelatedRater } : { unitId: 'kec-lain', raterNip: P.xApprover },
    ),
    expect: hrOnly,
    own: notMine,
  },
  'POST /v1/cycles/{cycleId}/raters/{nip}/handover': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    // Self: the team of the approver (the head), which HR and the rater are in — HR would choose their own rater.
    target: (scope) => ({
      params: { cycleId: inOut(scope).cycleId, nip: scope === 'in' ? P.rater : scope === 'own' ? P.approver : P.xRater },
      body: { ...example('POST /v1/cycles/{cycleId}/raters/{nip}/handover'), toNip: scope === 'out' ? P.xApprover : P.unrelatedRater },
    }),
    expect: hrOnly,
    own: notMine,
  },
  'POST /v1/cycles/{cycleId}/members': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: (scope, role) => ({
      params: { cycleId: inOut(scope).cycleId },
      body: {
        ...example('POST /v1/cycles/{cycleId}/members'),
        // Self: the caller enrols themself (as the newcomer).
        nip: scope === 'own' ? P[role] : P.newcomer,
        ...(scope === 'out' ? { raterNip: P.xRater, unitId: 'kel-lain' } : { raterNip: P.rater }),
      },
    }),
    expect: hrOnly,
    own: notMine,
  },
  'POST /v1/delegations': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    // In scope: the rater delegates their own authority to a colleague; out: an official of kec-lain;
    // self: the caller names themself acting official for someone else (HR recording it included).
    target: (scope, role) => ({
      params: {},
      body: {
        ...example('POST /v1/delegations'),
        ...(scope === 'in'
          ? { delegatorNip: P.rater, delegateNip: P.peer }
          : scope === 'own'
            ? { delegatorNip: role === 'rater' ? P.approver : P.rater, delegateNip: P[role] }
            : { delegatorNip: P.xRater, delegateNip: P.xApprover }),
      },
    }),
    expect: (role, scope) => (scope === 'in' ? (role === 'rater' || role === 'hr' ? 'allow' : 'deny') : role === 'hr' ? 'hidden' : 'deny'),
    own: notMine,
  },
  'GET /v1/skm/comments': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: (scope) => ({ params: {}, query: scope === 'in' ? ({} as Record<string, string>) : { unitId: 'kel-lain' } }),
    expect: (role, scope) => (role !== 'hr' ? 'deny' : scope === 'in' ? 'allow' : 'hidden'),
  },
  // --- web app (functions/me-api) ---
  'GET /v1/me': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    // Nothing to aim elsewhere: "out of scope" asks in English; the answer names only the caller's agency.
    target: (scope) => ({ params: {}, query: (scope === 'in' ? {} : { lang: 'en' }) as Record<string, string> }),
    expect: (_role, scope) => (scope === 'in' ? 'allow' : 'hidden'),
  },
  'GET /v1/me/tasks': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: (scope) => ({ params: {}, query: { cycleId: inOut(scope).cycleId } }),
    expect: (_role, scope) => (scope === 'in' ? 'allow' : 'hidden'),
  },
  'GET /v1/me/decisions': {
    stage: 'PLANNING',
    status: 'SKP_SUBMITTED',
    target: (scope) => {
      pendingSkpDecision(scope);
      return { params: {}, query: { cycleId: inOut(scope).cycleId } };
    },
    expect: (_role, scope) => (scope === 'in' ? 'allow' : 'hidden'),
    // Only the recipient sees it; nobody else, never the subject.
    check: (role, _scope, res) =>
      expect(JSON.parse(res.body!).items.map((d: { decisionId: string }) => d.decisionId)).toEqual(role === 'rater' ? ['dec-in-00000001'] : []),
  },
  'POST /v1/me/decisions/approve-all': {
    stage: 'PLANNING',
    status: 'SKP_SUBMITTED',
    target: (scope, role) => {
      pendingSkpDecision(scope, role);
      const id = scope === 'in' ? 'dec-in-00000001' : scope === 'own' ? 'dec-own-0000001' : 'dec-out-0000001';
      return { params: {}, body: { decisionIds: [id] } };
    },
    // Each decision is authorized on its own: one the caller may not decide is reported as failed, nothing written.
    expect: (role, scope) => (scope === 'in' && role === 'rater' ? 'allow' : 'hidden'),
    // A decision about one's own record (routed to oneself) is never approved, even in a batch.
    own: () => 'hidden',
    check: (role, _scope, res) => expect(JSON.parse(res.body!).approved).toBe(role === 'rater' ? 1 : 0),
  },
  'POST /v1/me/decisions/{decisionId}': {
    stage: 'PLANNING',
    status: 'SKP_SUBMITTED',
    target: (scope, role) => {
      pendingSkpDecision(scope, role);
      const id = scope === 'in' ? 'dec-in-00000001' : scope === 'own' ? 'dec-own-0000001' : 'dec-out-0000001';
      return { params: { decisionId: id }, body: { decision: 'approve' } };
    },
    expect: only('rater'),
    own: notMine,
  },
  'GET /v1/cycles/{cycleId}/evaluations/{nip}/parent-rhk': {
    stage: 'PLANNING',
    status: 'SKP_DRAFT',
    target: onEvaluation('GET /v1/cycles/{cycleId}/evaluations/{nip}/parent-rhk'),
    expect: only('self', 'rater', 'approver', 'hr'),
  },
  'GET /v1/cycles/{cycleId}/evaluations/{nip}/proposal': {
    stage: 'FINAL_SCORING',
    status: 'AWAITING_RATING',
    target: onEvaluation('GET /v1/cycles/{cycleId}/evaluations/{nip}/proposal'),
    expect: only('rater', 'hr'),
    own: notMine,
  },
  'POST /v1/skm/comments/{commentId}/moderation': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    // Self: a comment that names the caller (approving it is evidence for their own evaluation).
    target: (scope) => ({
      params: { commentId: scope === 'in' ? COMMENT.in : scope === 'own' ? COMMENT_NAMING : COMMENT.out },
      body: example('POST /v1/skm/comments/{commentId}/moderation'),
    }),
    expect: (role, scope) => (role !== 'hr' ? 'deny' : scope === 'in' ? 'allow' : 'hidden'),
    own: notMine,
    ownSeed: (role) => seedCommentNaming(P[role]),
  },
  // --- integrity (issue #12): survey kiosks (HR of the unit's agency; a unit or kiosk of kec-lain is hidden) ---
  'POST /v1/skm/kiosks': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: (scope) => ({ params: {}, body: { unitId: scope === 'out' ? 'kel-lain' : 'seksi-kesra', label: 'Loket 1' } }),
    expect: (role, scope) => (role !== 'hr' ? 'deny' : scope === 'in' ? 'allow' : 'hidden'),
    // A kiosk is a unit's device, not anyone's record: HR issues one for their own unit too.
    own: agencyWide,
  },
  'DELETE /v1/skm/kiosks/{kioskId}': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: (scope) => ({ params: { kioskId: scope === 'out' ? KIOSK.out : KIOSK.in } }),
    expect: (role, scope) => (role !== 'hr' ? 'deny' : scope === 'in' ? 'allow' : 'hidden'),
    own: agencyWide,
    extraSeed: seedKiosks,
  },
  // --- bukti dukung (evidence; platform) ---
  'GET /v1/cycles/{cycleId}/evaluations/{nip}/evidence': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: onEvaluation('GET /v1/cycles/{cycleId}/evaluations/{nip}/evidence'),
    expect: only('self', 'rater', 'approver', 'hr'),
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/evidence/uploads': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: onEvaluation('POST /v1/cycles/{cycleId}/evaluations/{nip}/evidence/uploads'),
    // Evidence is the employee's own: not even HR uploads it for them.
    expect: only('self'),
    own: mine,
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/evidence/links': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: onEvaluation('POST /v1/cycles/{cycleId}/evaluations/{nip}/evidence/links'),
    expect: only('self'),
    own: mine,
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/evidence/{evidenceId}/confirm': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: evidenceItem,
    expect: only('self'),
    own: mine,
  },
  'DELETE /v1/cycles/{cycleId}/evaluations/{nip}/evidence/{evidenceId}': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: evidenceItem,
    expect: only('self'),
    own: mine,
  },
  // --- documents and coaching (issue 16) ---
  'GET /v1/cycles/{cycleId}/evaluations/{nip}/documents': {
    stage: 'FOLLOW_UP',
    status: 'FINAL',
    target: onEvaluation('GET /v1/cycles/{cycleId}/evaluations/{nip}/documents'),
    expect: only('self', 'rater', 'approver', 'hr'),
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/documents': {
    stage: 'FOLLOW_UP',
    status: 'FINAL',
    target: onEvaluation('POST /v1/cycles/{cycleId}/evaluations/{nip}/documents'),
    // Whoever may see the evaluation may have its document made (it shows only what they can see).
    expect: only('self', 'rater', 'approver', 'hr'),
    own: mine,
  },
  'POST /v1/cycles/{cycleId}/documents': {
    stage: 'FOLLOW_UP',
    status: 'FINAL',
    target: (scope) => ({ params: { cycleId: inOut(scope).cycleId }, body: { unitId: inOut(scope).unitId } }),
    expect: hrOnly,
    own: agencyWide,
  },
  'GET /v1/documents/{code}': {
    stage: 'FOLLOW_UP',
    status: 'FINAL',
    // A document of E (or of X in the other agency), recorded as the documents function records one.
    target: (scope) => {
      const { cycleId, nip } = inOut(scope);
      const code = scope === 'out' ? 'OUTDOC0000000000' : 'INDOC00000000000';
      const doc = {
        code,
        agencyId: scope === 'out' ? OTHER_AGENCY : AGENCY,
        cycleId,
        kind: 'SKP',
        subject: nip,
        variant: '',
        title: 'SKP',
        draft: false,
        hash: 'h',
        fileKey: `documents/${cycleId}/${nip}/skp-${code}.pdf`,
        fileName: 'skp.pdf',
        bytes: 1,
        generatedAt: '2026-07-01T00:00:00.000Z',
        signed: false,
        status: 'CURRENT',
      };
      put({ ...keys.document(code), type: 'DOCUMENT', ...doc });
      return { params: { code } };
    },
    expect: only('self', 'rater', 'approver', 'hr'),
  },
  'GET /v1/cycles/{cycleId}/evaluations/{nip}/coaching': {
    stage: 'FOLLOW_UP',
    status: 'FINAL',
    target: coachingTarget('GET /v1/cycles/{cycleId}/evaluations/{nip}/coaching'),
    expect: only('self', 'rater', 'approver', 'hr'),
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/coaching/sessions': {
    stage: 'FOLLOW_UP',
    status: 'FINAL',
    target: coachingTarget('POST /v1/cycles/{cycleId}/evaluations/{nip}/coaching/sessions'),
    // The rater (or HR as rater) records sessions; never on their own plan.
    expect: only('rater', 'hr'),
    own: notMine,
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/coaching/sessions/{sessionId}/acknowledgement': {
    stage: 'FOLLOW_UP',
    status: 'FINAL',
    target: (scope, role) => ({
      ...coachingTarget('POST /v1/cycles/{cycleId}/evaluations/{nip}/coaching/sessions/{sessionId}/acknowledgement')(scope, role),
      params: { ...inOut(scope, role), sessionId: 'S1' },
    }),
    // Only the employee acknowledges their own sessions.
    expect: only('self'),
    own: mine,
  },
  'GET /v1/coaching': {
    stage: 'FOLLOW_UP',
    status: 'FINAL',
    target: () => ({ params: {} }),
    // The agency comes from the token; "out of scope" is the same list.
    expect: (role) => (role === 'hr' ? 'allow' : 'deny'),
  },
  // --- rater-bias analytics (HR of the cycle's agency; never about one's own ratings) ---
  'GET /v1/cycles/{cycleId}/rater-bias': { stage: 'FOLLOW_UP', status: 'FINAL', target: onCycle('GET /v1/cycles/{cycleId}/rater-bias'), expect: hrOnly },
  'POST /v1/cycles/{cycleId}/rater-bias/{raterNip}/acknowledgement': {
    stage: 'FOLLOW_UP',
    status: 'FINAL',
    target: (scope, role) => ({
      params: { cycleId: inOut(scope).cycleId, raterNip: scope === 'own' ? P[role] : scope === 'in' ? P.rater : P.xRater },
      body: example('POST /v1/cycles/{cycleId}/rater-bias/{raterNip}/acknowledgement'),
    }),
    expect: hrOnly,
    own: notMine,
  },
  // --- HR console (console): a stage's progress and HR's reminders (HR of the cycle's agency) ---
  'GET /v1/cycles/{cycleId}/progress': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: (scope) => ({ params: { cycleId: inOut(scope).cycleId }, query: { unitId: inOut(scope).unitId } }),
    expect: hrOnly,
  },
  'POST /v1/cycles/{cycleId}/reminders': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    // In scope: E's rater, whom E's mid-year review waits on. Own: HR reminding themself is an agency-wide act (not a change to their record).
    target: (scope, role) => ({
      params: { cycleId: inOut(scope).cycleId },
      body: { nip: scope === 'own' ? P[role] : scope === 'in' ? P.rater : P.xRater },
    }),
    expect: hrOnly,
    own: agencyWide,
  },
  // --- HR console (roster): the agency comes from the token; "out of scope" is the same request ---
  'GET /v1/roster/employees': { stage: 'PLANNING', status: 'SKP_DRAFT', target: () => ({ params: {} }), expect: (role) => (role === 'hr' ? 'allow' : 'deny') },
  'GET /v1/roster/units': { stage: 'PLANNING', status: 'SKP_DRAFT', target: () => ({ params: {} }), expect: (role) => (role === 'hr' ? 'allow' : 'deny') },
  'POST /v1/roster/import/preview': {
    stage: 'PLANNING',
    status: 'SKP_DRAFT',
    target: () => ({ params: {}, body: API_DOCS['POST /v1/roster/import/preview']!.body!.example }),
    expect: (role) => (role === 'hr' ? 'allow' : 'deny'),
    // Writes nothing; whose rows the file holds does not matter.
    own: agencyWide,
  },
};

/**
 * Cells that show an authorization hole run as `it.fails`, named here (`route|role|scope`), so a hole
 * stays visible while the suite is green. When a rule closes one, its cell fails: remove it from here.
 * The cross-agency hole this matrix once found is closed (`isHrOf`: cycle.agencyId === custom:agencyId).
 * Open: HR acts as the rater and as HR on their own evaluation (`isHrOf` lets HR pass requireRater and
 * the HR-only routes whoever the subject is); the rule "not on one's own evaluation" belongs in
 * shared/application/authz.ts.
 */
const HOLES: Record<string, string> = {};

const observed: { cell: string; status: number; writes: number; hole?: string; body?: string }[] = [];
const jwtRoutes = ROUTES.filter((r) => r.auth === 'jwt');
const publicRoutes = ROUTES.filter((r) => r.auth !== 'jwt');
const keyOf = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

/** The handler's answer to a route it does not serve (jsonApi, publicApi); a cell must never get it. */
const isUnknownRoute = (res: APIGatewayProxyStructuredResultV2) =>
  [400, 404, 405].includes(res.statusCode!) && /Unknown route|Route not found|Rute .* tidak dikenal/i.test(String(res.body));

async function call(route: (typeof ROUTES)[number], t: Target, claims: Record<string, string> | null) {
  const handler = HANDLERS[route.functionId];
  if (!handler) throw new Error(`No handler for function ${route.functionId} (route ${keyOf(route)}): add it to HANDLERS`);
  const event = jwtEvent(route.method, route.path, t.params, { query: t.query, body: t.body, caller: null, claims, headers: { 'user-agent': 'authz-matrix' } });
  const res = (await handler(event, context)) as APIGatewayProxyStructuredResultV2;
  expect(isUnknownRoute(res), `${keyOf(route)}: its handler (${route.functionId}) does not serve it: ${res.statusCode} ${String(res.body).slice(0, 200)}`).toBe(
    false,
  );
  return res;
}

beforeEach(() => {
  deps.clock = fixedClock('2026-07-15T03:00:00Z');
});

describe('every route of ROUTES has a row in the matrix', () => {
  it('SPECS covers exactly the JWT routes, PUBLIC exactly the others', () => {
    expect(Object.keys(SPECS).sort()).toEqual(jwtRoutes.map(keyOf).sort());
    expect(Object.keys(PUBLIC).sort()).toEqual(publicRoutes.map(keyOf).sort());
  });
  it('every write route has a "self" column (nobody acts on their own record, in any role)', () => {
    const writesWithoutSelf = jwtRoutes.filter((r) => r.method !== 'GET' && r.method !== 'HEAD' && !SPECS[keyOf(r)]?.own).map(keyOf);
    expect(writesWithoutSelf).toEqual([]);
  });
  it('every function of ROUTES has its handler here', () => {
    expect([...new Set(ROUTES.map((r) => r.functionId))].filter((f) => !HANDLERS[f])).toEqual([]);
  });
});

async function runCell(route: (typeof ROUTES)[number], spec: Spec, role: Role, scope: Scope, expected: Expect, hole?: string) {
  const key = keyOf(route);
  seed(spec.stage, spec.status, scope === 'own' ? P[role] : undefined);
  spec.extraSeed?.();
  if (scope === 'own') spec.ownSeed?.(role as Official);
  const res = await call(route, spec.target(scope, role), claimsOf(role));
  const w = writes();
  observed.push({
    cell: `${key} · ${role} · ${scope}`,
    status: res.statusCode!,
    writes: w.length,
    body: String(res.body).slice(0, 240),
    ...(hole ? { hole } : {}),
  });
  const detail = `${res.statusCode} ${String(res.body).slice(0, 300)}\nwrites: ${w.join('\n')}`;
  expect(res.statusCode, detail).toBeLessThan(500);
  if (expected === 'allow') {
    expect([401, 403], detail).not.toContain(res.statusCode);
    spec.check?.(role, scope, res);
  } else if (expected === 'deny') {
    expect(res.statusCode, detail).toBe(403);
    expect(w, detail).toEqual([]);
  } else {
    expect(w, detail).toEqual([]);
    if (res.statusCode! >= 200 && res.statusCode! < 300) for (const f of FOREIGN) expect(String(res.body), detail).not.toContain(f);
    else expect([403, 404, 422], detail).toContain(res.statusCode);
  }
}

for (const route of jwtRoutes) {
  const key = keyOf(route);
  const spec = SPECS[key];
  describe(key, () => {
    // A route without a row fails here (and in the coverage test above), never silently.
    if (!spec) {
      it('has a row in SPECS', () => expect.fail(`${key} is in ROUTES but has no row in the authorization matrix`));
      return;
    }
    const cells: [Role, Scope, Expect][] = [
      ...(['in', 'out'] as const).flatMap((scope) => ROLES.map((role): [Role, Scope, Expect] => [role, scope, spec.expect(role, scope)])),
      ...(spec.own ? OFFICIALS.map((role): [Role, Scope, Expect] => [role, 'own', spec.own!(role)]) : []),
    ];
    for (const [role, scope, expected] of cells) {
      const hole = HOLES[`${key}|${role}|${scope}`];
      const title = `${role} · ${scope === 'own' ? 'self (own record)' : `${scope} of scope`} → ${expected}${hole ? ` (${hole})` : ''}`;
      (hole ? it.fails : it)(title, () => runCell(route, spec, role, scope, expected, hole));
    }

    it.for([
      ['no authorizer context', null],
      ['no claims', {}],
      ['groups but no NIP', { 'cognito:groups': '[hr employee]', 'custom:agencyId': AGENCY }],
      // No fallback to the deployment's agency (issue #12): a token without an agency is no caller.
      ['an HR token without an agency claim', { 'custom:nip': P.hr, 'cognito:groups': '[hr employee]' }],
      ['an HR token with an empty agency claim', { 'custom:nip': P.hr, 'cognito:groups': '[hr employee]', 'custom:agencyId': '' }],
      ['a 17-digit NIP', { 'custom:nip': P.self.slice(1), 'cognito:groups': '[hr employee]' }],
      ['a NIP with an injection', { 'custom:nip': `${P.self}' OR '1'='1`, 'cognito:groups': '[hr]' }],
      ['a NIP with a trailing newline', { 'custom:nip': `${P.hr}\n`, 'cognito:groups': '[hr]' }],
      ['a NIP in Arabic-Indic digits', { 'custom:nip': '١٩٩٠٠١٠١٢٠١٥٠٣١٠٠١٢', 'cognito:groups': '[hr]' }],
    ] as const)('%s → 401, nothing written', async ([, claims]) => {
      seed(spec.stage, spec.status);
      const res = await call(route, spec.target('in', 'self'), claims as Record<string, string> | null);
      expect(res.statusCode, String(res.body)).toBe(401);
      expect(res.headers?.['content-type']).toBe('application/problem+json');
      expect(writes()).toEqual([]);
    });
  });
}

// ─── the routes without a token ───────────────────────────────────────────────────────────────────

/**
 * public: a citizen's route, answered without a token (never 401/403), the same with an HR token.
 * signed: an email link; without its signature it decides nothing and writes nothing, token or not.
 */
interface PublicSpec {
  kind: 'public' | 'signed';
  target: Target;
}
const SKM_ANSWERS = [4, 3, 3, 4, 3, 4, 4, 3, 3];
const PUBLIC: Record<string, PublicSpec> = {
  'POST /v1/public/units/{unitId}/skm': { kind: 'public', target: { params: { unitId: 'seksi-kesra' }, body: { answers: SKM_ANSWERS } } },
  'GET /v1/public/units/{unitId}/ikm': { kind: 'public', target: { params: { unitId: 'seksi-kesra' } } },
  'GET /openapi.json': { kind: 'public', target: { params: {} } },
  // --- the citizens' survey pages ---
  'GET /v1/public/units/{unitId}/survey': { kind: 'public', target: { params: { unitId: 'seksi-kesra' } } },
  'POST /v1/public/units/{unitId}/survey': {
    kind: 'public',
    target: { params: { unitId: 'seksi-kesra' }, body: 'u1=4&u2=3&u3=3&u4=4&u5=3&u6=4&u7=4&u8=3&u9=3' },
  },
  'GET /v1/public/units/{unitId}/survey/thanks': { kind: 'public', target: { params: { unitId: 'seksi-kesra' } } },
  'GET /v1/public/units/{unitId}/poster': { kind: 'public', target: { params: { unitId: 'seksi-kesra' } } },
  'GET /v1/public/units/{unitId}/ikm.html': { kind: 'public', target: { params: { unitId: 'seksi-kesra' } } },
  'GET /v1/decisions/{decisionId}': { kind: 'signed', target: { params: { decisionId: 'd0000000000000000000000000000001' } } },
  'HEAD /v1/decisions/{decisionId}': { kind: 'signed', target: { params: { decisionId: 'd0000000000000000000000000000001' } } },
  'POST /v1/decisions/{decisionId}': { kind: 'signed', target: { params: { decisionId: 'd0000000000000000000000000000001' }, body: 'decision=approve' } },
  // --- documents (issue 16): the verification page is public (it shows what the printed document shows) ---
  'GET /v1/public/documents/{code}': { kind: 'public', target: { params: { code: 'ABCDEF0123456789' } } },
};

for (const route of publicRoutes) {
  const key = keyOf(route);
  const spec = PUBLIC[key];
  describe(key, () => {
    if (!spec) {
      it('has a row in PUBLIC', () => expect.fail(`${key} is in ROUTES but has no row in the authorization matrix`));
      return;
    }
    it.for([
      ['no token', null],
      ['an HR token', claimsOf('hr')],
    ] as const)(`%s → ${spec.kind}`, async ([, claims]) => {
      seed('MIDYEAR', 'MONITORING');
      const res = await call(route, spec.target, claims);
      const detail = `${res.statusCode} ${String(res.body).slice(0, 300)}`;
      observed.push({ cell: `${key} · ${claims ? 'hr token' : 'no token'}`, status: res.statusCode!, writes: writes().length });
      expect(res.statusCode, detail).toBeLessThan(500);
      if (spec.kind === 'public') expect([401, 403], detail).not.toContain(res.statusCode);
      else {
        expect(res.statusCode, detail).toBeGreaterThanOrEqual(400);
        expect(writes(), detail).toEqual([]);
      }
    });
  });
}

describe('group claims are read strictly', () => {
  it.each([
    ['a group that only contains "hr"', '[hr-admin employee]'],
    ['the group as a quoted JSON array', '["employee"]'],
    ['no groups at all', ''],
    ['one string naming two roles, space-separated', 'employee hr'],
    ['one string naming two roles, comma-separated', 'employee,hr'],
  ])('%s is not HR', async (_name, groups) => {
    seed('MIDYEAR', 'MONITORING');
    const route = ROUTES.find((r) => r.method === 'GET' && r.path === '/v1/cycles/{cycleId}')!;
    const res = await call(route, { params: { cycleId: CYCLE } }, { 'custom:nip': P.unrelated, 'cognito:groups': groups, 'custom:agencyId': AGENCY });
    expect(res.statusCode).toBe(403);
  });
});

/**
 * Authorization before any other check (issue #12): a caller without the HR role gets 403 on every
 * HR-only route whatever the stage, the cycle (even one that does not exist) or the body — so nobody
 * learns a cycle's stage, or what a valid body looks like, from the answer. transfer, members and
 * handover checked the stage first.
 */
const hrOnlyRoutes = jwtRoutes.filter((r) => {
  const spec = SPECS[keyOf(r)]!;
  return spec.expect('hr', 'in') === 'allow' && ROLES.filter((role) => role !== 'hr').every((role) => spec.expect(role, 'in') === 'deny');
});
describe('authorization before any other check', () => {
  it('the HR-only routes are the ones expected', () => {
    expect(hrOnlyRoutes.length).toBeGreaterThanOrEqual(12);
  });
  for (const route of hrOnlyRoutes) {
    const key = keyOf(route);
    it(`${key}: a non-HR caller gets 403 at every stage, on an unknown cycle, with a garbage body`, async () => {
      for (const stage of ['PLANNING', 'MIDYEAR', 'FINAL_SCORING', 'CALIBRATION', 'APPROVAL', 'OBJECTION', 'FOLLOW_UP']) {
        seed(stage, 'MONITORING');
        const res = await call(route, SPECS[key]!.target('in', 'rater'), claimsOf('rater'));
        expect(res.statusCode, `${stage}: ${res.body}`).toBe(403);
      }
      seed('MIDYEAR', 'MONITORING');
      const garbage: Target = {
        params: { cycleId: 'tidak-ada-2099', nip: '1', unitId: 'BUKAN UNIT', commentId: 'x' },
        query: { limit: 'banyak', status: 'APA' },
        body: { '<script>': [null], year: 'tahun ini' },
      };
      for (const who of ['self', 'rater', 'approver', 'peer', 'unrelated'] as const) {
        const res = await call(route, garbage, claimsOf(who));
        expect(res.statusCode, `${who}: ${res.body}`).toBe(403);
      }
      expect(writes()).toEqual([]);
    });
  }
});

/**
 * Beyond the route × role grid: self-approval through a Plt/Plh delegation. Any official may delegate
 * their authority to any colleague (shared/application/delegation/delegation.ts), and an active delegate decides the
 * delegator's pending decisions (shared/application/evaluation/actions.ts decide(); functions/decision-links/handler.ts
 * whoIsLink) — so a rater who names the employee as Plh must still not let the employee approve their
 * own SKP. decide() refuses an actor who is the decision's subject; this keeps it that way.
 */
describe('delegation cannot be used to decide on oneself', () => {
  it('the rater names the employee Plh; the employee’s own SKP link still does not decide it', async () => {
    seed('PLANNING', 'SKP_SUBMITTED');
    const decisionId = 'dself000000000000000000000000001';
    put({
      ...keys.decision(decisionId),
      decisionId,
      kind: 'SKP_APPROVAL',
      cycleId: CYCLE,
      stage: 'PLANNING',
      counts: true,
      subjectNip: P.self,
      recipientNip: P.rater,
      status: 'PENDING',
      createdAt: '2026-07-10T01:00:00.000Z',
    });
    const delegations = ROUTES.find((r) => r.path === '/v1/delegations')!;
    const created = await call(
      delegations,
      { params: {}, body: { delegateNip: P.self, kind: 'plh', from: '2026-07-14', until: '2026-07-20', reason: 'Cuti' } },
      claimsOf('rater'),
    );
    // Refusing the delegation itself (a delegate who is one of the delegator's subjects) closes the hole too;
    // any other answer (a 5xx, a validation error) would leave this test proving nothing.
    if (created.statusCode !== 201) {
      expect(created.statusCode, String(created.body)).toBe(403);
      return;
    }
    ddbMock.resetHistory();
    const keySet = await deps.linkKeys().keys();
    const url = buildDecisionUrl(
      'https://api.example.test',
      { decisionId, action: 'approve', recipient: P.self, expiresAt: Math.floor(Date.parse('2026-07-30T00:00:00Z') / 1000) },
      keySet.current,
    );
    const query = Object.fromEntries(new URL(url).searchParams);
    const form = new URLSearchParams({ ...query, decision: 'approve', comment: '' }).toString();
    const link = ROUTES.find((r) => r.method === 'POST' && r.path === '/v1/decisions/{decisionId}')!;
    const ev = jwtEvent('POST', link.path, { decisionId }, { caller: null });
    const res = (await HANDLERS['decision-links']!(
      { ...ev, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from(form).toString('base64'), isBase64Encoded: true },
      context,
    )) as APIGatewayProxyStructuredResultV2;
    observed.push({ cell: 'POST /v1/decisions/{decisionId} · delegate who is the subject', status: res.statusCode!, writes: writes().length });
    expect(res.statusCode).toBe(403);
    expect(ddbMock.commandCalls(TransactWriteCommand), `${res.statusCode}: the employee decided on their own SKP`).toHaveLength(0);
  });
});

/**
 * The decide path (POST of a signed link) for the other acting roles: an escalation superior and an
 * objection decider who are the decision's subject decide nothing. The rule is authz.ts requireDecider
 * (requireNotOwnRecord on the subject), which decide() calls whoever the link is for.
 */
async function postLink(decisionId: string, recipient: string, decision: 'approve' | 'return') {
  const keySet = await deps.linkKeys().keys();
  const url = buildDecisionUrl(
    'https://api.example.test',
    { decisionId, action: decision, recipient, expiresAt: Math.floor(Date.parse('2026-07-30T00:00:00Z') / 1000) },
    keySet.current,
  );
  const form = new URLSearchParams({ ...Object.fromEntries(new URL(url).searchParams), decision, comment: 'Alasan' }).toString();
  const link = ROUTES.find((r) => r.method === 'POST' && r.path === '/v1/decisions/{decisionId}')!;
  const ev = jwtEvent('POST', link.path, { decisionId }, { caller: null });
  return (await HANDLERS['decision-links']!(
    { ...ev, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from(form).toString('base64'), isBase64Encoded: true },
    context,
  )) as APIGatewayProxyStructuredResultV2;
}
describe('nobody decides on their own record through a link, in any deciding role', () => {
  it.each([
    ['an escalation superior who is the subject', 'EVALUATION_APPROVAL', 'APPROVAL', 'AWAITING_APPROVAL', { recipientNip: P.approver, escalatedTo: [P.self] }],
    ['an objection decider who is the subject', 'OBJECTION', 'OBJECTION', 'OBJECTED', { recipientNip: P.self }],
  ] as const)('%s → 403, nothing decided', async (_name, kind, stage, status, who) => {
    seed(stage, status);
    const decisionId = `dself${kind.toLowerCase().replace(/_/g, '')}`.padEnd(32, '0').slice(0, 32);
    put({
      ...keys.decision(decisionId),
      decisionId,
      kind,
      cycleId: CYCLE,
      stage,
      counts: true,
      subjectNip: P.self,
      status: 'PENDING',
      createdAt: '2026-07-10T01:00:00.000Z',
      ...who,
    });
    ddbMock.resetHistory();
    const res = await postLink(decisionId, P.self, 'approve');
    observed.push({ cell: `POST /v1/decisions/{decisionId} · ${_name}`, status: res.statusCode!, writes: writes().length });
    expect(res.statusCode, String(res.body).slice(0, 300)).toBe(403);
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
    // Control: the same link machinery for a decider who is not the subject does decide (so the 403 above is the own-record rule).
    put({ ...get(keys.decision(decisionId))!, recipientNip: P.approver, escalatedTo: [] });
    // 'return' (with its reason): granting an objection also needs the re-rating, which is not the point here.
    const control = await postLink(decisionId, P.approver, 'return');
    expect(control.statusCode, String(control.body).slice(0, 200)).toBe(200);
    expect(ddbMock.commandCalls(TransactWriteCommand).length).toBeGreaterThan(0);
  });
});

afterAll(() => {
  // AUTHZ_REPORT=all prints every cell's status; AUTHZ_REPORT=0 prints nothing.
  if (process.env.AUTHZ_REPORT === 'all')
    console.log(observed.map((o) => `  ${o.cell}: ${o.status}, ${o.writes} write(s) ${o.status >= 400 ? o.body : ''}`).join('\n'));
  const holes = observed.filter((o) => o.hole);
  if (holes.length && process.env.AUTHZ_REPORT !== '0') {
    console.log(
      `authorization matrix: ${observed.length} cells run; holes observed:\n${holes.map((h) => `  ${h.cell}: ${h.status}, ${h.writes} write(s) — ${h.hole}`).join('\n')}`,
    );
  }
});
