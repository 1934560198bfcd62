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
const { ddbMock, prime, put, writes } = await import('../support/memory-table');
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
};

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
  /** A write on an evaluation: what an official may do on their own evaluation (the "own" column). */
  own?(role: Official): Expect;
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

const SPECS: Record<string, Spec> = {
  'POST /v1/cycles': {
    stage: 'PLANNING',
    status: 'SKP_DRAFT',
    // The agency comes from the token only: an agencyId in the body must not move the cycle elsewhere.
    target: (scope) => ({ params: {}, body: scope === 'in' ? { year: 2026 } : { year: 2026, agencyId: OTHER_AGENCY } }),
    expect: (role) => (role === 'hr' ? 'allow' : 'deny'),
    check: () => expect(writes().join('\n')).not.toContain(OTHER_AGENCY),
  },
  'GET /v1/cycles/{cycleId}': { stage: 'MIDYEAR', status: 'MONITORING', target: onCycle('GET /v1/cycles/{cycleId}'), expect: hrOnly },
  'POST /v1/cycles/{cycleId}/resume': { stage: 'MIDYEAR', status: 'MONITORING', target: onCycle('POST /v1/cycles/{cycleId}/resume'), expect: hrOnly },
  'PUT /v1/cycles/{cycleId}/organisation-predikat': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: onCycle('PUT /v1/cycles/{cycleId}/organisation-predikat'),
    expect: hrOnly,
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
  },
  'GET /v1/cycles/{cycleId}/export.csv': { stage: 'FOLLOW_UP', status: 'FINAL', target: onCycle('GET /v1/cycles/{cycleId}/export.csv'), expect: hrOnly },
  'GET /v1/cycles/{cycleId}/report': { stage: 'FOLLOW_UP', status: 'FINAL', target: onCycle('GET /v1/cycles/{cycleId}/report'), expect: hrOnly },
  'POST /v1/roster/import': {
    stage: 'PLANNING',
    status: 'SKP_DRAFT',
    target: () => ({ params: {}, body: API_DOCS['POST /v1/roster/import']!.body!.example }),
    // The agency comes from the token; "out of scope" is the same import (nothing to aim elsewhere).
    expect: (role) => (role === 'hr' ? 'allow' : 'deny'),
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
    target: (scope) => ({
      params: { cycleId: inOut(scope).cycleId, nip: scope === 'in' ? P.rater : P.xRater },
      body: { ...example('POST /v1/cycles/{cycleId}/raters/{nip}/handover'), toNip: scope === 'in' ? P.unrelatedRater : P.xApprover },
    }),
    expect: hrOnly,
  },
  'POST /v1/cycles/{cycleId}/members': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: (scope) => ({
      params: { cycleId: inOut(scope).cycleId },
      body: {
        ...example('POST /v1/cycles/{cycleId}/members'),
        nip: P.newcomer,
        ...(scope === 'in' ? { raterNip: P.rater } : { raterNip: P.xRater, unitId: 'kel-lain' }),
      },
    }),
    expect: hrOnly,
  },
  'POST /v1/delegations': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    // In scope: the rater delegates their own authority to a colleague; out: an official of kec-lain.
    target: (scope) => ({
      params: {},
      body: {
        ...example('POST /v1/delegations'),
        ...(scope === 'in' ? { delegatorNip: P.rater, delegateNip: P.peer } : { delegatorNip: P.xRater, delegateNip: P.xApprover }),
      },
    }),
    expect: (role, scope) => (scope === 'in' ? (role === 'rater' || role === 'hr' ? 'allow' : 'deny') : role === 'hr' ? 'hidden' : 'deny'),
  },
  'GET /v1/skm/comments': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: (scope) => ({ params: {}, query: scope === 'in' ? ({} as Record<string, string>) : { unitId: 'kel-lain' } }),
    expect: (role, scope) => (role !== 'hr' ? 'deny' : scope === 'in' ? 'allow' : 'hidden'),
  },
  'POST /v1/skm/comments/{commentId}/moderation': {
    stage: 'MIDYEAR',
    status: 'MONITORING',
    target: (scope) => ({ params: { commentId: scope === 'in' ? COMMENT.in : COMMENT.out }, body: example('POST /v1/skm/comments/{commentId}/moderation') }),
    expect: (role, scope) => (role !== 'hr' ? 'deny' : scope === 'in' ? 'allow' : 'hidden'),
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
  it('every function of ROUTES has its handler here', () => {
    expect([...new Set(ROUTES.map((r) => r.functionId))].filter((f) => !HANDLERS[f])).toEqual([]);
  });
});

async function runCell(route: (typeof ROUTES)[number], spec: Spec, role: Role, scope: Scope, expected: Expect, hole?: string) {
  const key = keyOf(route);
  seed(spec.stage, spec.status, scope === 'own' ? P[role] : undefined);
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
      const title = `${role} · ${scope === 'own' ? 'own evaluation' : `${scope} of scope`} → ${expected}${hole ? ` (${hole})` : ''}`;
      (hole ? it.fails : it)(title, () => runCell(route, spec, role, scope, expected, hole));
    }

    it.for([
      ['no authorizer context', null],
      ['no claims', {}],
      ['groups but no NIP', { 'cognito:groups': '[hr employee]', 'custom:agencyId': AGENCY }],
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
  ])('%s is not HR', async (_name, groups) => {
    seed('MIDYEAR', 'MONITORING');
    const route = ROUTES.find((r) => r.method === 'GET' && r.path === '/v1/cycles/{cycleId}')!;
    const res = await call(route, { params: { cycleId: CYCLE } }, { 'custom:nip': P.unrelated, 'cognito:groups': groups, 'custom:agencyId': AGENCY });
    expect(res.statusCode).toBe(403);
  });
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
