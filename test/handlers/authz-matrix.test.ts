/**
 * The authorization matrix: every JWT route × every role × in scope and out of scope, through the real
 * handlers with DynamoDB and Step Functions mocked (a small in-memory table answers Get and Query).
 *
 * Roles, relative to the subject employee E (unit seksi-kesra, agency kec-asemrowo):
 *   self (E) · rater (E's Pejabat Penilai) · approver (the rater's rater) · peer (same unit, same rater, invited for 360° feedback on E)
 *   · unrelated (another unit, another rater) · hr (HR of kec-asemrowo, groups "[hr employee]").
 * In scope: the target is E's record (or E's unit, E's rater, a comment of kec-asemrowo) in agency
 * kec-asemrowo. Out of scope: the same request aimed at agency kec-lain (its cycle kec-lain-2026,
 * employee X, unit kel-lain) — nobody above has any relation to it, HR included.
 *
 * Expected: allow → neither 401 nor 403 (2xx, or a 4xx about the state such as 409/422) and never 5xx;
 * deny → 403 and no write; hidden → no write and either 403/404/422 or a 2xx that contains nothing of
 * the other agency; claims missing or garbled → 401 and no write. A cell that shows an authorization
 * hole runs as `it.fails`, with the hole named in HOLES, so the suite is green and the hole visible.
 */
import {
  DescribeExecutionCommand, SendTaskFailureCommand, SendTaskHeartbeatCommand, SendTaskSuccessCommand, SFNClient, StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import {
  BatchWriteCommand, DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it, type TestContext } from 'vitest';
import { context, setEnv } from './fixtures';

setEnv();
const ddbMock = mockClient(DynamoDBDocumentClient);
const sfnMock = mockClient(SFNClient);

const { ROUTES } = await import('../../shared/http/routes');
const { API_DOCS } = await import('../../shared/http/openapi');
const { keys } = await import('../../shared/adapters/dynamodb/keys');
const { DEFAULT_SCHEDULE } = await import('../../shared/domain/lifecycle/schedule');
const { DEFAULT_POLICY_ID } = await import('../../shared/domain/policies');
const { buildDecisionUrl } = await import('../../shared/adapters/links/links');
const { deps } = await import('../../shared/composition');
const { fixedClock } = await import('../../shared/adapters/clock');
type AnyHandler = (event: unknown, ctx: typeof context) => Promise<unknown>;
const HANDLERS: Record<string, AnyHandler> = {
  'hr-api': (await import('../../functions/hr-api/handler')).handler as unknown as AnyHandler,
  'evaluation-api': (await import('../../functions/evaluation-api/handler')).handler as unknown as AnyHandler,
  skm: (await import('../../functions/skm/handler')).handler as unknown as AnyHandler,
  'decision-links': (await import('../../functions/decision-links/handler')).handler as unknown as AnyHandler,
};

// ─── the people and the two agencies ───────────────────────────────────────────────────────────────

const AGENCY = 'kec-asemrowo';
const OTHER_AGENCY = 'kec-lain';
const CYCLE = `${AGENCY}-2026`;
const OTHER_CYCLE = `${OTHER_AGENCY}-2026`;
const P = {
  self: '199001012015031001', rater: '198001012005011002', approver: '197001011995031003', peer: '199202022018032005',
  unrelated: '198505052010012004', unrelatedRater: '197505052000031007', hr: '197702062002031010', newcomer: '199803142024012001',
  // agency kec-lain
  x: '198803032012031008', xRater: '197808082003121009', xApprover: '196912121990031011',
} as const;
const ROLES = ['self', 'rater', 'approver', 'peer', 'unrelated', 'hr'] as const;
type Role = (typeof ROLES)[number];
const FOREIGN = [P.x, P.xRater, P.xApprover, 'KOMENTAR-INSTANSI-LAIN'];

interface Person { nip: string; name: string; unitId: string; raterNip?: string; isUnitHead: boolean; agency: string }
const PEOPLE: Person[] = [
  { nip: P.approver, name: 'Drs. Bambang Sutrisno', unitId: 'kecamatan', isUnitHead: true, agency: AGENCY },
  { nip: P.rater, name: 'Rina Kartika, S.Sos.', unitId: 'seksi-kesra', raterNip: P.approver, isUnitHead: true, agency: AGENCY },
  { nip: P.self, name: 'Siti Rahmawati', unitId: 'seksi-kesra', raterNip: P.rater, isUnitHead: false, agency: AGENCY },
  { nip: P.peer, name: 'Dedi Kurniawan', unitId: 'seksi-kesra', raterNip: P.rater, isUnitHead: false, agency: AGENCY },
  { nip: P.unrelatedRater, name: 'Hadi Prayitno', unitId: 'kel-tambak', raterNip: P.approver, isUnitHead: true, agency: AGENCY },
  { nip: P.unrelated, name: 'Yuli Astuti', unitId: 'kel-tambak', raterNip: P.unrelatedRater, isUnitHead: false, agency: AGENCY },
  { nip: P.hr, name: 'Agus Salim', unitId: 'subbag-umum', raterNip: P.approver, isUnitHead: true, agency: AGENCY },
  { nip: P.xApprover, name: 'Camat Lain', unitId: 'kec-lain', isUnitHead: true, agency: OTHER_AGENCY },
  { nip: P.xRater, name: 'Lurah Lain', unitId: 'kel-lain', raterNip: P.xApprover, isUnitHead: true, agency: OTHER_AGENCY },
  { nip: P.x, name: 'Pegawai Lain', unitId: 'kel-lain', raterNip: P.xRater, isUnitHead: false, agency: OTHER_AGENCY },
];
const UNITS = [
  [AGENCY, 'kecamatan'], [AGENCY, 'seksi-kesra'], [AGENCY, 'kel-tambak'], [AGENCY, 'subbag-umum'], [OTHER_AGENCY, 'kec-lain'], [OTHER_AGENCY, 'kel-lain'],
] as const;
const COMMENT = { in: 'cmt00000000000000001', out: 'cmt00000000000000002' };

const SKP = {
  nip: P.self, period: { start: '2026-01-01', end: '2026-12-31' },
  rhk: [{ id: 'rhk-1', jenis: 'utama', description: 'Pembinaan posyandu', parentRhkId: 'rhk-atasan-1', indicators: [
    { id: 'iki-1', description: 'Posyandu aktif', target: { kind: 'quantitative', value: 90, unit: 'persen', direction: 'higherIsBetter' } },
    { id: 'iki-2', description: 'Laporan tepat waktu', target: { kind: 'qualitative', expectation: 'Paling lambat tanggal 10' } },
  ] }],
};

// ─── a tiny table: Get and Query answered from memory, Puts kept, every write recorded ─────────────

type Item = Record<string, unknown>;
let table: Map<string, Item>;
const k = (key: Item) => `${key.PK}|${key.SK}`;

function seed(stage: string, status: string) {
  table = new Map();
  const put = (item: Item) => table.set(k(item), item);
  for (const [agency, unitId] of UNITS) put({ ...keys.unit(agency, unitId), type: 'UNIT', agencyId: agency, unitId, name: unitId });
  for (const [cycleId, agency, flagUnit] of [[CYCLE, AGENCY, 'seksi-kesra'], [OTHER_CYCLE, OTHER_AGENCY, 'kel-lain']] as const) {
    put({
      ...keys.cycle(cycleId), type: 'CYCLE', cycleId, agencyId: agency, year: 2026, policyId: DEFAULT_POLICY_ID, status: 'ACTIVE', stage, version: 3,
      schedule: DEFAULT_SCHEDULE, createdAt: '2026-01-02T01:00:00.000Z',
      calibration: { at: '2026-01-02T01:00:00.000Z', orgPredikat: 'BAIK', policyId: DEFAULT_POLICY_ID, flagCount: 1 },
    });
    put({ ...keys.calibration(cycleId, flagUnit), cycleId, unitId: flagUnit, at: '2026-01-02T01:00:00.000Z', flagged: true, resolved: false, violations: [], distribution: {} });
    // The mid-year stage opens on 1 July (the clock is 15 July, before its deadline day).
    put({ ...keys.stage(cycleId, stage), cycleId, stage, total: 10, done: 1, openedAt: stage === 'MIDYEAR' ? '2026-07-01T01:00:00.000Z' : '2026-01-02T01:00:00.000Z' });
  }
  for (const p of PEOPLE) {
    const cycleId = p.agency === AGENCY ? CYCLE : OTHER_CYCLE;
    const rater = PEOPLE.find((q) => q.nip === p.raterNip);
    put({ ...keys.employee(p.agency, p.nip), type: 'EMPLOYEE', nip: p.nip, name: p.name, jabatan: 'Pelaksana', unitId: p.unitId, raterNip: p.raterNip, isUnitHead: p.isUnitHead, email: `${p.nip}@example.go.id`, locale: 'id', competencies: [], jenis: 'PNS' });
    const subject = p.nip === P.self || p.nip === P.x;
    const e = {
      cycleId, nip: p.nip, name: p.name, jabatan: 'Pelaksana', unitId: p.unitId, raterNip: p.raterNip, approverNip: rater?.raterNip, isUnitHead: p.isUnitHead,
      status: subject ? status : 'MONITORING', version: 4, policyId: DEFAULT_POLICY_ID, updatedAt: '2026-06-01T01:00:00.000Z',
      // A rater's own plan holds the RHK its team's plans support ("intervensi").
      skp: { ...SKP, nip: p.nip, rhk: SKP.rhk.map((r) => (p.isUnitHead ? { ...r, id: 'rhk-atasan-1', parentRhkId: undefined } : r)) },
      realisations: [{ indicatorId: 'iki-1', value: 95 }, { indicatorId: 'iki-2', judgement: 'DI_ATAS' }],
      ...(status === 'RESULT_ISSUED' && subject ? { predikat: 'BAIK' } : {}),
    };
    put({ ...keys.evaluation(cycleId, p.nip), ...keys.evaluationByUnit(cycleId, p.unitId, e.status, p.nip), ...(p.raterNip ? keys.evaluationByRater(cycleId, p.raterNip, p.nip) : {}), type: 'EVALUATION', ...e });
    put({ ...keys.audit(cycleId, p.nip, '2026-01-03T01:00:00.000Z', `ev-${p.nip}`), type: 'AUDIT', eventId: `ev-${p.nip}`, at: '2026-01-03T01:00:00.000Z', actor: { role: 'system' }, action: 'OPENED' });
  }
  // The rater invited the peer for 360° feedback on E (feedback is by invitation only).
  put({ ...keys.invitation(CYCLE, P.self, P.peer), type: 'INVITATION', cycleId: CYCLE, nip: P.self, peerNip: P.peer, invitedBy: P.rater, invitedAt: '2026-07-01T01:00:00.000Z' });
  for (const [id, agency, unitId, text] of [[COMMENT.in, AGENCY, 'seksi-kesra', 'Pelayanan ramah'], [COMMENT.out, OTHER_AGENCY, 'kel-lain', 'KOMENTAR-INSTANSI-LAIN']] as const) {
    put({
      ...keys.skmComment(id), ...keys.skmCommentsByStatus(agency, 'PENDING', '2026-11-01T01:00:00.000Z', id), ...keys.skmCommentsByUnit(agency, unitId, 'PENDING', '2026-11-01T01:00:00.000Z', id),
      type: 'SKMCOMMENT', commentId: id, agencyId: agency, unitId, period: '2026-11', responseId: `r-${id}`, text, answers: [4, 3, 3, 4, 3, 4, 4, 3, 3],
      namedNips: [], redactions: 0, status: 'PENDING', createdAt: '2026-11-01T01:00:00.000Z',
    });
  }
}

/** Answers a Query from the table: `A = :v` on the partition key, optionally `begins_with(B, :p)` on the sort key. */
function query(input: { KeyConditionExpression?: string; ExpressionAttributeValues?: Item; ExpressionAttributeNames?: Record<string, string>; ExclusiveStartKey?: Item; Limit?: number; IndexName?: string }) {
  const expr = input.KeyConditionExpression ?? '';
  const name = (n: string) => input.ExpressionAttributeNames?.[n] ?? n;
  const eq = /([#\w]+)\s*=\s*(:\w+)/.exec(expr);
  const prefix = /begins_with\(\s*([#\w]+)\s*,\s*(:\w+)\s*\)/.exec(expr);
  if (!eq) throw new Error(`unsupported key condition ${expr}`);
  const [pkName, pkValue] = [name(eq[1]!), input.ExpressionAttributeValues?.[eq[2]!]];
  const skName = prefix ? name(prefix[1]!) : undefined;
  const skPrefix = prefix ? String(input.ExpressionAttributeValues?.[prefix[2]!]) : undefined;
  // Sorted by the sort key, from ExclusiveStartKey, at most Limit items: what DynamoDB pages like.
  const sortKey = input.IndexName ? `${input.IndexName}SK` : 'SK';
  const after = input.ExclusiveStartKey ? String(input.ExclusiveStartKey[sortKey] ?? '') : undefined;
  const all = [...table.values()]
    .filter((i) => i[pkName] === pkValue && (!skName || String(i[skName] ?? '').startsWith(skPrefix!)))
    .sort((a, b) => String(a[sortKey] ?? '').localeCompare(String(b[sortKey] ?? '')))
    .filter((i) => after === undefined || String(i[sortKey] ?? '') > after);
  const items = input.Limit ? all.slice(0, input.Limit) : all;
  const last = items.length < all.length ? items[items.length - 1] : undefined;
  return { Items: items.map((i) => structuredClone(i)), Count: items.length, ...(last ? { LastEvaluatedKey: { PK: last.PK, SK: last.SK, [sortKey]: last[sortKey] } } : {}) };
}

const WRITE_COMMANDS = [PutCommand, UpdateCommand, TransactWriteCommand, DeleteCommand, BatchWriteCommand] as const;
const SFN_WRITES = [StartExecutionCommand, SendTaskSuccessCommand, SendTaskFailureCommand, SendTaskHeartbeatCommand] as const;
function writes(): string[] {
  return [
    ...WRITE_COMMANDS.flatMap((c) => ddbMock.commandCalls(c as never).map((call) => `${c.name} ${JSON.stringify(call.args[0].input).slice(0, 160)}`)),
    ...SFN_WRITES.flatMap((c) => sfnMock.commandCalls(c as never).map(() => c.name)),
  ];
}

function prime(stage: string, status: string) {
  ddbMock.reset();
  sfnMock.reset();
  seed(stage, status);
  ddbMock.onAnyCommand().resolves({});
  ddbMock.on(GetCommand).callsFake((input: { Key: Item }) => ({ Item: structuredClone(table.get(k(input.Key))) }));
  ddbMock.on(QueryCommand).callsFake(query);
  ddbMock.on(PutCommand).callsFake((input: { Item: Item }) => { table.set(k(input.Item), input.Item); return {}; });
  ddbMock.on(TransactWriteCommand).callsFake((input: { TransactItems: { Put?: { Item: Item } }[] }) => {
    for (const t of input.TransactItems) if (t.Put) table.set(k(t.Put.Item), t.Put.Item);
    return {};
  });
  ddbMock.on(UpdateCommand).resolves({ Attributes: {} });
  sfnMock.onAnyCommand().resolves({});
  sfnMock.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
}

// ─── events ───────────────────────────────────────────────────────────────────────────────────────

const claimsOf = (role: Role): Record<string, string> => ({
  'custom:nip': P[role], 'cognito:groups': role === 'hr' ? '[hr employee]' : '[employee]', 'custom:agencyId': AGENCY, name: role,
});

function event(method: string, template: string, params: Record<string, string>, opts: { query?: Record<string, string>; body?: unknown; claims?: Record<string, string> | null } = {}) {
  const rawPath = template.replace(/\{(\w+)\}/g, (_, n: string) => params[n]!);
  const routeKey = `${method} ${template}`;
  const rawQueryString = new URLSearchParams(opts.query ?? {}).toString();
  return {
    version: '2.0', routeKey, rawPath, rawQueryString,
    headers: { 'content-type': 'application/json', 'user-agent': 'authz-matrix' },
    ...(opts.query && Object.keys(opts.query).length ? { queryStringParameters: opts.query } : {}),
    ...(Object.keys(params).length ? { pathParameters: params } : {}),
    ...(opts.body !== undefined ? { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) } : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: '0', apiId: 'a', domainName: 'api.example.test', domainPrefix: 'api', requestId: `req-${Math.random().toString(36).slice(2)}`, routeKey,
      stage: '$default', time: '', timeEpoch: 0, http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'authz-matrix' },
      ...(opts.claims === null ? {} : { authorizer: { jwt: { claims: opts.claims ?? {}, scopes: null } } }),
    },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

// ─── the matrix ───────────────────────────────────────────────────────────────────────────────────

type Scope = 'in' | 'out';
type Expect = 'allow' | 'deny' | 'hidden';
interface Target { params: Record<string, string>; query?: Record<string, string>; body?: unknown }
interface Spec {
  stage: string;
  status: string;
  target(scope: Scope): Target;
  expect(role: Role, scope: Scope): Expect;
  /** Extra checks on an allowed answer. */
  check?(role: Role, scope: Scope, res: APIGatewayProxyStructuredResultV2): void;
}

const example = (key: string) => structuredClone(API_DOCS[key]!.body!.example) as Record<string, unknown>;
const inOut = (scope: Scope) => (scope === 'in' ? { cycleId: CYCLE, nip: P.self, unitId: 'seksi-kesra' } : { cycleId: OTHER_CYCLE, nip: P.x, unitId: 'kel-lain' });
const onEvaluation = (key: string, extra: (scope: Scope) => Record<string, unknown> = () => ({})) => (scope: Scope): Target => {
  const { cycleId, nip } = inOut(scope);
  return { params: { cycleId, nip }, ...(API_DOCS[key]!.body ? { body: { ...example(key), ...extra(scope) } } : {}) };
};
const onCycle = (key: string) => (scope: Scope): Target => ({ params: { cycleId: inOut(scope).cycleId }, ...(API_DOCS[key]!.body ? { body: example(key) } : {}) });
const only = (...roles: Role[]) => (role: Role, scope: Scope): Expect => (scope === 'in' && roles.includes(role) ? 'allow' : 'deny');
const hrOnly = only('hr');

const SPECS: Record<string, Spec> = {
  'POST /v1/cycles': {
    stage: 'PLANNING', status: 'SKP_DRAFT',
    // The agency comes from the token only: an agencyId in the body must not move the cycle elsewhere.
    target: (scope) => ({ params: {}, body: scope === 'in' ? { year: 2026 } : { year: 2026, agencyId: OTHER_AGENCY } }),
    expect: (role) => (role === 'hr' ? 'allow' : 'deny'),
    check: () => expect(writes().join('\n')).not.toContain(OTHER_AGENCY),
  },
  'GET /v1/cycles/{cycleId}': { stage: 'MIDYEAR', status: 'MONITORING', target: onCycle('GET /v1/cycles/{cycleId}'), expect: hrOnly },
  'POST /v1/cycles/{cycleId}/resume': { stage: 'MIDYEAR', status: 'MONITORING', target: onCycle('POST /v1/cycles/{cycleId}/resume'), expect: hrOnly },
  'PUT /v1/cycles/{cycleId}/organisation-predikat': { stage: 'MIDYEAR', status: 'MONITORING', target: onCycle('PUT /v1/cycles/{cycleId}/organisation-predikat'), expect: hrOnly },
  'GET /v1/cycles/{cycleId}/evaluations': {
    stage: 'MIDYEAR', status: 'MONITORING',
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
    stage: 'MIDYEAR', status: 'MONITORING', target: onEvaluation('GET /v1/cycles/{cycleId}/evaluations/{nip}'), expect: only('self', 'rater', 'approver', 'hr'),
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/skp': {
    stage: 'PLANNING', status: 'SKP_DRAFT', target: onEvaluation('PUT /v1/cycles/{cycleId}/evaluations/{nip}/skp', (scope) => ({ nip: inOut(scope).nip })),
    expect: only('self', 'hr'),
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/progress': {
    stage: 'MIDYEAR', status: 'MONITORING', target: onEvaluation('PUT /v1/cycles/{cycleId}/evaluations/{nip}/progress'), expect: only('self', 'hr'),
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/feedback': {
    stage: 'MIDYEAR', status: 'MONITORING', target: onEvaluation('PUT /v1/cycles/{cycleId}/evaluations/{nip}/feedback'), expect: only('rater', 'peer'),
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/invitations': {
    stage: 'MIDYEAR', status: 'MONITORING', target: onEvaluation('POST /v1/cycles/{cycleId}/evaluations/{nip}/invitations', (scope) => ({ peerNips: [scope === 'in' ? P.unrelated : P.xRater] })),
    expect: only('rater', 'hr'),
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/self-assessment': {
    stage: 'MIDYEAR', status: 'MONITORING', target: onEvaluation('PUT /v1/cycles/{cycleId}/evaluations/{nip}/self-assessment'), expect: only('self'),
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/midyear-review': {
    stage: 'MIDYEAR', status: 'MONITORING', target: onEvaluation('PUT /v1/cycles/{cycleId}/evaluations/{nip}/midyear-review'), expect: only('rater', 'hr'),
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/rating': {
    stage: 'FINAL_SCORING', status: 'AWAITING_RATING', target: onEvaluation('PUT /v1/cycles/{cycleId}/evaluations/{nip}/rating'), expect: only('rater', 'hr'),
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/objection': {
    stage: 'OBJECTION', status: 'RESULT_ISSUED', target: onEvaluation('POST /v1/cycles/{cycleId}/evaluations/{nip}/objection'), expect: only('self'),
  },
  'POST /v1/cycles/{cycleId}/calibration/{unitId}/resolution': {
    stage: 'CALIBRATION', status: 'RATED',
    target: (scope) => ({ params: { cycleId: inOut(scope).cycleId, unitId: inOut(scope).unitId }, body: example('POST /v1/cycles/{cycleId}/calibration/{unitId}/resolution') }),
    expect: hrOnly,
  },
  'GET /v1/cycles/{cycleId}/export.csv': { stage: 'FOLLOW_UP', status: 'FINAL', target: onCycle('GET /v1/cycles/{cycleId}/export.csv'), expect: hrOnly },
  'GET /v1/cycles/{cycleId}/report': { stage: 'FOLLOW_UP', status: 'FINAL', target: onCycle('GET /v1/cycles/{cycleId}/report'), expect: hrOnly },
  'POST /v1/roster/import': {
    stage: 'PLANNING', status: 'SKP_DRAFT', target: () => ({ params: {}, body: API_DOCS['POST /v1/roster/import']!.body!.example }),
    // The agency comes from the token; "out of scope" is the same import (nothing to aim elsewhere).
    expect: (role) => (role === 'hr' ? 'allow' : 'deny'),
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/transfer': {
    stage: 'MIDYEAR', status: 'MONITORING',
    target: onEvaluation('POST /v1/cycles/{cycleId}/evaluations/{nip}/transfer', (scope) => (scope === 'in' ? { unitId: 'kel-tambak', raterNip: P.unrelatedRater } : { unitId: 'kec-lain', raterNip: P.xApprover })),
    expect: hrOnly,
  },
  'POST /v1/cycles/{cycleId}/raters/{nip}/handover': {
    stage: 'MIDYEAR', status: 'MONITORING',
    target: (scope) => ({
      params: { cycleId: inOut(scope).cycleId, nip: scope === 'in' ? P.rater : P.xRater },
      body: { ...example('POST /v1/cycles/{cycleId}/raters/{nip}/handover'), toNip: scope === 'in' ? P.unrelatedRater : P.xApprover },
    }),
    expect: hrOnly,
  },
  'POST /v1/cycles/{cycleId}/members': {
    stage: 'MIDYEAR', status: 'MONITORING',
    target: (scope) => ({
      params: { cycleId: inOut(scope).cycleId },
      body: { ...example('POST /v1/cycles/{cycleId}/members'), nip: P.newcomer, ...(scope === 'in' ? { raterNip: P.rater } : { raterNip: P.xRater, unitId: 'kel-lain' }) },
    }),
    expect: hrOnly,
  },
  'POST /v1/delegations': {
    stage: 'MIDYEAR', status: 'MONITORING',
    // In scope: the rater delegates their own authority to a colleague; out: an official of kec-lain.
    target: (scope) => ({
      params: {},
      body: { ...example('POST /v1/delegations'), ...(scope === 'in' ? { delegatorNip: P.rater, delegateNip: P.peer } : { delegatorNip: P.xRater, delegateNip: P.xApprover }) },
    }),
    expect: (role, scope) => (scope === 'in' ? (role === 'rater' || role === 'hr' ? 'allow' : 'deny') : role === 'hr' ? 'hidden' : 'deny'),
  },
  'GET /v1/skm/comments': {
    stage: 'MIDYEAR', status: 'MONITORING', target: (scope) => ({ params: {}, query: scope === 'in' ? {} as Record<string, string> : { unitId: 'kel-lain' } }),
    expect: (role, scope) => (role !== 'hr' ? 'deny' : scope === 'in' ? 'allow' : 'hidden'),
  },
  'POST /v1/skm/comments/{commentId}/moderation': {
    stage: 'MIDYEAR', status: 'MONITORING',
    target: (scope) => ({ params: { commentId: scope === 'in' ? COMMENT.in : COMMENT.out }, body: example('POST /v1/skm/comments/{commentId}/moderation') }),
    expect: (role, scope) => (role !== 'hr' ? 'deny' : scope === 'in' ? 'allow' : 'hidden'),
  },
};

/**
 * Cells that show an authorization hole run as `it.fails`, named here, so a hole stays visible while
 * the suite is green. None open: HR is bound to its own agency (`isHrOf`, cycle.agencyId ===
 * custom:agencyId) since the cross-agency hole this matrix found was closed.
 */
const HOLES: Record<string, string> = {};

const observed: { cell: string; status: number; writes: number; hole?: string; body?: string }[] = [];
const jwtRoutes = ROUTES.filter((r) => r.auth === 'jwt');

const isUnknownRoute = (res: APIGatewayProxyStructuredResultV2) => res.statusCode === 400 && /Unknown route/.test(String(res.body));

async function call(route: (typeof ROUTES)[number], t: Target, claims: Record<string, string> | null) {
  const res = (await HANDLERS[route.functionId]!(event(route.method, route.path, t.params, { query: t.query, body: t.body, claims }), context)) as APIGatewayProxyStructuredResultV2;
  return res;
}

beforeEach(() => {
  deps.clock = fixedClock('2026-07-15T03:00:00Z');
});

describe('every JWT route has a row in the matrix', () => {
  it('SPECS covers exactly the JWT routes of ROUTES', () => {
    expect(Object.keys(SPECS).sort()).toEqual(jwtRoutes.map((r) => `${r.method} ${r.path}`).sort());
  });
});

for (const route of jwtRoutes) {
  const key = `${route.method} ${route.path}`;
  const spec = SPECS[key];
  describe(key, () => {
    if (!spec) return;
    for (const scope of ['in', 'out'] as const) {
      for (const role of ROLES) {
        const expected = spec.expect(role, scope);
        const hole = HOLES[`${key}|${role}|${scope}`];
        const title = `${role} · ${scope} of scope → ${expected}${hole ? ` (${hole})` : ''}`;
        (hole ? it.fails : it)(title, async (ctx: TestContext) => {
          prime(spec.stage, spec.status);
          const res = await call(route, spec.target(scope), claimsOf(role));
          if (isUnknownRoute(res)) return ctx.skip(); // the route's handler has not landed yet
          const w = writes();
          observed.push({ cell: `${key} · ${role} · ${scope}`, status: res.statusCode!, writes: w.length, body: String(res.body).slice(0, 240), ...(hole ? { hole } : {}) });
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
        });
      }
    }

    it.for([
      ['no authorizer context', null],
      ['no claims', {}],
      ['groups but no NIP', { 'cognito:groups': '[hr employee]', 'custom:agencyId': AGENCY }],
      ['a 17-digit NIP', { 'custom:nip': P.self.slice(1), 'cognito:groups': '[hr employee]' }],
      ['a NIP with an injection', { 'custom:nip': `${P.self}' OR '1'='1`, 'cognito:groups': '[hr]' }],
      ['a NIP with a trailing newline', { 'custom:nip': `${P.hr}\n`, 'cognito:groups': '[hr]' }],
      ['a NIP in Arabic-Indic digits', { 'custom:nip': '١٩٩٠٠١٠١٢٠١٥٠٣١٠٠١٢', 'cognito:groups': '[hr]' }],
    ] as const)('%s → 401, nothing written', async ([, claims], ctx) => {
      prime(spec?.stage ?? 'MIDYEAR', spec?.status ?? 'MONITORING');
      const res = await call(route, spec!.target('in'), claims as Record<string, string> | null);
      if (isUnknownRoute(res)) return ctx.skip();
      expect(res.statusCode, String(res.body)).toBe(401);
      expect(res.headers?.['content-type']).toBe('application/problem+json');
      expect(writes()).toEqual([]);
    });
  });
}

describe('group claims are read strictly', () => {
  it.each([
    ['a group that only contains "hr"', '[hr-admin employee]'],
    ['the group as a quoted JSON array', '["employee"]'],
    ['no groups at all', ''],
  ])('%s is not HR', async (_name, groups) => {
    prime('MIDYEAR', 'MONITORING');
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
    prime('PLANNING', 'SKP_SUBMITTED');
    const decisionId = 'dself000000000000000000000000001';
    table.set(`DECISION#${decisionId}|DECISION`, {
      ...keys.decision(decisionId), decisionId, kind: 'SKP_APPROVAL', cycleId: CYCLE, stage: 'PLANNING', counts: true, subjectNip: P.self,
      recipientNip: P.rater, status: 'PENDING', createdAt: '2026-07-10T01:00:00.000Z',
    });
    const delegations = ROUTES.find((r) => r.path === '/v1/delegations')!;
    const created = await call(delegations, { params: {}, body: { delegateNip: P.self, kind: 'plh', from: '2026-07-14', until: '2026-07-20', reason: 'Cuti' } }, claimsOf('rater'));
    // Refusing the delegation itself (a delegate who is one of the delegator's subjects) closes the hole too.
    if (created.statusCode !== 201) return;
    ddbMock.resetHistory();
    const keySet = await deps.linkKeys().keys();
    const url = buildDecisionUrl('https://api.example.test', { decisionId, action: 'approve', recipient: P.self, expiresAt: Math.floor(Date.parse('2026-07-30T00:00:00Z') / 1000) }, keySet.current);
    const query = Object.fromEntries(new URL(url).searchParams);
    const form = new URLSearchParams({ ...query, decision: 'approve', comment: '' }).toString();
    const link = ROUTES.find((r) => r.method === 'POST' && r.path === '/v1/decisions/{decisionId}')!;
    const ev = event('POST', link.path, { decisionId }, { claims: null });
    const res = (await HANDLERS['decision-links']!({ ...ev, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from(form).toString('base64'), isBase64Encoded: true }, context)) as APIGatewayProxyStructuredResultV2;
    observed.push({ cell: 'POST /v1/decisions/{decisionId} · delegate who is the subject', status: res.statusCode!, writes: writes().length });
    expect(res.statusCode).toBe(403);
    expect(ddbMock.commandCalls(TransactWriteCommand), `${res.statusCode}: the employee decided on their own SKP`).toHaveLength(0);
  });
});

afterAll(() => {
  // AUTHZ_REPORT=all prints every cell's status; AUTHZ_REPORT=0 prints nothing.
  if (process.env.AUTHZ_REPORT === 'all') console.log(observed.map((o) => `  ${o.cell}: ${o.status}, ${o.writes} write(s) ${o.status >= 400 ? o.body : ''}`).join('\n'));
  const holes = observed.filter((o) => o.hole);
  if (holes.length && process.env.AUTHZ_REPORT !== '0') {
    console.log(`authorization matrix: ${observed.length} cells run; holes observed:\n${holes.map((h) => `  ${h.cell}: ${h.status}, ${h.writes} write(s) — ${h.hole}`).join('\n')}`);
  }
});
