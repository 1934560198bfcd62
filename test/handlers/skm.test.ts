/**
 * The SKM handler with DynamoDB mocked: bad input changes nothing; a submission is one transaction with
 * its counter; the limit answers 429 with Retry-After; a retried submission gets its first receipt; IKM
 * comes from the totals; only HR moderates; cursors are tamper-proof.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { context, httpEvent, setEnv } from '../support/lambda';

setEnv();
const memory = await import('../support/memory-table');
const { ddbMock, put, writeCount: writes } = memory;
const { NIP } = await import('../support/world');
const { handler } = await import('../../functions/skm/handler');
const { computeIkm } = await import('../../shared/domain/skm/survey');
const { deps } = await import('../../shared/composition');
const { fixedClock, sequentialIds } = await import('../../shared/adapters/clock');

const AGENCY = 'kec-asemrowo';
const UNIT = 'kel-asemrowo';
const IP = '203.0.113.77';
const UA = 'Mozilla/5.0 (Linux; Android 14) SurveyTest/1.0';
const answers = [4, 3, 3, 4, 3, 4, 4, 3, 3];

// ─── events ────────────────────────────────────────────────────────────────────────────────────────

function event(
  method: string,
  pathTemplate: string,
  params: Record<string, string>,
  init: Partial<APIGatewayProxyEventV2> & { query?: Record<string, string> } = {},
) {
  const rawPath = pathTemplate.replace(/\{(\w+)\}/g, (_, k: string) => params[k]!);
  const routeKey = `${method} ${pathTemplate}`;
  const base = httpEvent(method, rawPath);
  const { query, ...rest } = init;
  return {
    ...base,
    routeKey,
    pathParameters: params,
    queryStringParameters: query,
    headers: { 'user-agent': UA, ...(init.headers ?? {}) },
    requestContext: { ...base.requestContext, routeKey, http: { ...base.requestContext.http, sourceIp: IP, userAgent: UA } },
    ...rest,
    ...(init.headers ? { headers: { 'user-agent': UA, ...init.headers } } : {}),
  } as APIGatewayProxyEventV2;
}

const submit = (body: unknown, headers: Record<string, string> = {}, unitId = UNIT) =>
  handler(
    event(
      'POST',
      '/v1/public/units/{unitId}/skm',
      { unitId },
      { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } },
    ),
    context,
  ) as Promise<APIGatewayProxyStructuredResultV2>;

/** HR is someone the comments do not name (HR never moderates a comment naming them: authz.ts requireModeratorNotNamed). */
const HR_NIP = NIP.other;
const asCaller = (roles: string[], nip: string = roles.includes('hr') ? HR_NIP : NIP.employee) => ({
  authorizer: { jwt: { claims: { 'custom:nip': nip, 'cognito:groups': `[${roles.join(' ')}]`, 'custom:agencyId': AGENCY, name: 'Petugas HR' }, scopes: null } },
});
function jwtEvent(
  method: string,
  pathTemplate: string,
  params: Record<string, string>,
  roles: string[],
  init: { query?: Record<string, string>; body?: unknown; headers?: Record<string, string> } = {},
) {
  const e = event(method, pathTemplate, params, {
    query: init.query,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    headers: init.headers ?? {},
  });
  return { ...e, requestContext: { ...e.requestContext, ...asCaller(roles) } } as unknown as APIGatewayProxyEventV2;
}
const call = (e: APIGatewayProxyEventV2) => handler(e, context) as Promise<APIGatewayProxyStructuredResultV2>;
const json = (res: APIGatewayProxyStructuredResultV2) => JSON.parse(res.body as string);
// ─── the memory table with the unit and the employee a comment may name ─────────────────────────────

function primeStore() {
  memory.prime(() => {
    put({ PK: `AGENCY#${AGENCY}`, SK: `UNIT#${UNIT}`, unitId: UNIT, name: 'Kelurahan Asemrowo' });
    put({ PK: `AGENCY#${AGENCY}`, SK: `EMP#${NIP.employee}`, nip: NIP.employee, name: 'Siti Rahmawati' });
  });
}

beforeEach(() => {
  primeStore();
  deps.clock = fixedClock('2026-11-29T06:00:00Z'); // 13:00 WIB
  deps.newId = (() => {
    const ids = sequentialIds('skm');
    return () => ids.next().replace(/-/g, '');
  })();
});

// ─── public submission ─────────────────────────────────────────────────────────────────────────────

describe('POST /v1/public/units/{unitId}/skm', () => {
  it('records the response, the totals, the counter and a PENDING comment in one transaction → 201 receipt', async () => {
    const res = await submit({
      answers,
      comment: 'Terima kasih Bu Siti (NIP 199001012015031001), hubungi saya 0812 3456 7890',
      service: 'KTP',
      respondent: { ageGroup: '30_39', gender: 'P' },
    });
    expect(res.statusCode).toBe(201);
    expect(json(res)).toEqual({ receiptId: 'skm000001', period: '2026-11' });
    const calls = ddbMock.commandCalls(TransactWriteCommand);
    expect(calls).toHaveLength(1);
    const tx = calls[0]!.args[0].input.TransactItems!;
    // limit counter, response, totals, burst counter (issue #12: identical answers from one address), comment
    expect(tx.map((i) => Object.keys(i)[0])).toEqual(['Update', 'Put', 'Update', 'Update', 'Put']);
    expect(tx[3]!.Update!.Key!.PK).toMatch(/^SKMBURST#kel-asemrowo#[A-Za-z0-9_-]{22}#/);
    expect(tx[0]!.Update!.Key!.PK).toMatch(/^SKMLIMIT#kel-asemrowo#2026-11-29#[A-Za-z0-9_-]{22}$/);
    expect(tx[2]!.Update!.Key).toEqual({ PK: 'SKM#kel-asemrowo#2026-11', SK: 'TOTALS' });
    const comment = tx[4]!.Put!.Item!;
    expect(comment).toMatchObject({
      PK: 'SKMCOMMENT#skm000002',
      status: 'PENDING',
      namedNips: [NIP.employee],
      unitId: UNIT,
      period: '2026-11',
      GSI1PK: `SKMCOMMENTS#${AGENCY}#PENDING`,
      GSI2PK: `SKMCOMMENTS#${AGENCY}#${UNIT}#PENDING`,
      redactions: 1,
    });
    expect(comment.text).toBe('Terima kasih Bu Siti (NIP 199001012015031001), hubungi saya [disamarkan]');
    // No personal data of the citizen: not the address, not the user agent.
    const stored = JSON.stringify(tx);
    expect(stored).not.toContain(IP);
    expect(stored).not.toContain('SurveyTest');
    expect(stored).not.toContain('0812');
    expect(res.headers?.['cache-control']).toBe('no-store');
  });

  it('a partly answered form (null = blank) → 201; the totals count the blank unsur as not answered', async () => {
    const res = await submit({ answers: [4, null, 3, 4, 3, 4, null, 3, 3] });
    expect(res.statusCode).toBe(201);
    const totals = ddbMock.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![2]!.Update!;
    expect(totals.UpdateExpression).toContain('blank2 :one');
    expect(totals.UpdateExpression).toContain('blank7 :one');
    expect(totals.UpdateExpression).not.toContain('blank1 ');
    expect(totals.ExpressionAttributeValues![':a1']).toBe(0);
  });

  it('a form with every unsur blank → 422, nothing written', async () => {
    const res = await submit({ answers: Array(9).fill(null) });
    expect(res.statusCode).toBe(422);
    expect(json(res).errors).toEqual([expect.objectContaining({ field: 'answers' })]);
    expect(writes()).toBe(0);
  });

  it('without a comment, writes no comment item; the period defaults to this month in Jakarta', async () => {
    deps.clock = fixedClock('2026-11-30T17:30:00Z'); // 00:30 WIB on 1 December
    const res = await submit({ answers });
    expect(res.statusCode).toBe(201);
    expect(json(res).period).toBe('2026-12');
    const tx = ddbMock.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(tx).toHaveLength(4);
  });

  it.each([
    ['8 answers', { answers: answers.slice(0, 8) }, 422],
    ['10 answers', { answers: [...answers, 4] }, 422],
    ['an answer 0', { answers: [0, ...answers.slice(1)] }, 422],
    ['an answer 5', { answers: [...answers.slice(0, 8), 5] }, 422],
    ['an answer 2.5', { answers: [2.5, ...answers.slice(1)] }, 422],
    ['answers as strings', { answers: answers.map(String) }, 400],
    ['no answers', { comment: 'bagus' }, 400],
    ['an unknown field', { answers, name: 'Budi Santoso' }, 400],
    ['contact data in the respondent', { answers, respondent: { email: 'budi@example.com' } }, 400],
    ['a <script> in the comment', { answers, comment: 'Pelayanannya lambat sekali <script>alert(1)</script> tolong diperbaiki' }, 400],
    ['a comment over 1000 characters', { answers, comment: 'x'.repeat(1001) }, 400],
    ['a period two months back', { answers, period: '2026-09' }, 422],
    ['a future period', { answers, period: '2026-12' }, 422],
    ['not JSON', '{answers: [1,2', 400],
    ['an empty body', '', 400],
  ])('%s → %i, nothing written', async (_name, body, status) => {
    const res = await submit(body);
    expect(res.statusCode).toBe(status);
    expect(res.headers?.['content-type']).toBe('application/problem+json');
    const problem = json(res);
    expect(problem.status).toBe(status);
    expect(problem.detail).toBeTruthy();
    expect(problem.detail_en).toBeTruthy();
    expect(writes()).toBe(0);
  });

  it('names the field of a wrong answer', async () => {
    const problem = json(await submit({ answers: [...answers.slice(0, 8), 5] }));
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'answers.8' })]);
    expect(problem.errors[0].id).toMatch(/Sarana dan prasarana/);
  });

  it('a body over 8 KB → 413 before it is parsed, nothing written', async () => {
    const res = await submit({ answers, comment: 'a'.repeat(9000) });
    expect(res.statusCode).toBe(413);
    const b64 = await call({
      ...event('POST', '/v1/public/units/{unitId}/skm', { unitId: UNIT }),
      body: Buffer.from(JSON.stringify({ answers, service: 'x'.repeat(9000) })).toString('base64'),
      isBase64Encoded: true,
    });
    expect(b64.statusCode).toBe(413);
    expect(writes()).toBe(0);
    expect(ddbMock.commandCalls(GetCommand)).toHaveLength(0);
  });

  it('an unknown unit → 404, nothing written', async () => {
    const res = await submit({ answers }, {}, 'kel-tidak-ada');
    expect(res.statusCode).toBe(404);
    expect(json(res).detail).toMatch(/tidak ditemukan/);
    expect(writes()).toBe(0);
  });

  it('a unit id that could forge a key → 400', async () => {
    expect((await submit({ answers }, {}, 'kel#x')).statusCode).toBe(400);
    expect(writes()).toBe(0);
  });

  it('over the daily limit → 429 with Retry-After until the next WIB day; the cancelled transaction wrote nothing', async () => {
    ddbMock.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }, { Code: 'None' }],
      }),
    );
    const res = await submit({ answers, comment: 'tes' });
    expect(res.statusCode).toBe(429);
    expect(res.headers?.['retry-after']).toBe(String(11 * 3600)); // 13:00 WIB → midnight
    expect(json(res)).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(json(res).detail).toMatch(/5 isian/);
    expect(memory.table.size).toBe(2); // only the seeded unit and employee
  });

  it('an idempotent retry returns the same receipt and is counted once (one transaction)', async () => {
    const headers = { 'idempotency-key': '3b241101-e2bb-4255-8caf-4136c566a962' };
    const first = await submit({ answers, comment: 'Cepat' }, headers);
    const second = await submit({ answers, comment: 'Cepat' }, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(json(second).receiptId).toBe(json(first).receiptId);
    expect(second.headers?.['idempotent-replayed']).toBe('true');
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(1);
    const tx = ddbMock.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    const idem = tx.find((t) => String(t.Put?.Item?.PK).startsWith('SKMIDEM#'))!.Put!;
    expect(idem.ConditionExpression).toBe('attribute_not_exists(PK) OR expiresAt < :now');
    expect(JSON.stringify(idem.Item)).not.toContain(headers['idempotency-key']);
  });

  it('a retry that crosses midnight at the month’s end is still the same submission, in its first period', async () => {
    const headers = { 'idempotency-key': 'month-end-retry-0001' };
    deps.clock = fixedClock('2026-11-30T16:59:50Z'); // 23:59:50 WIB, 30 November
    const first = await submit({ answers }, headers);
    deps.clock = fixedClock('2026-11-30T17:00:20Z'); // 00:00:20 WIB, 1 December
    const retry = await submit({ answers }, headers);
    expect(json(retry)).toEqual(json(first));
    expect(json(retry).period).toBe('2026-11');
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('the same Idempotency-Key with a different submission → 422, nothing more written', async () => {
    const headers = { 'idempotency-key': '3b241101-e2bb-4255-8caf-4136c566a962' };
    await submit({ answers }, headers);
    const res = await submit({ answers: [1, 1, 1, 1, 1, 1, 1, 1, 1] }, headers);
    expect(res.statusCode).toBe(422);
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('a malformed Idempotency-Key → 400', async () => {
    expect((await submit({ answers }, { 'idempotency-key': 'x' })).statusCode).toBe(400);
    expect(writes()).toBe(0);
  });
});

// ─── public IKM ────────────────────────────────────────────────────────────────────────────────────

describe('GET /v1/public/units/{unitId}/ikm', () => {
  const responses = [answers, [3, 3, 3, 3, 3, 3, 3, 3, 3], [4, 4, 4, 4, 4, 4, 4, 4, 2]];
  const getIkm = (query?: Record<string, string>, unitId = UNIT) => call(event('GET', '/v1/public/units/{unitId}/ikm', { unitId }, { query }));

  it('reads the totals (one item) and computes the IKM as the domain does; cacheable for 5 minutes', async () => {
    const sums = Array.from({ length: 9 }, (_, u) => responses.reduce((s, r) => s + r[u]!, 0));
    put({ ...{ PK: `SKM#${UNIT}#2026-10`, SK: 'TOTALS' }, respondents: 3, ...Object.fromEntries(sums.map((s, u) => [`sum${u + 1}`, s])) });
    const res = await getIkm({ period: '2026-10' });
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['cache-control']).toBe('public, max-age=300');
    const expected = computeIkm(responses);
    expect(json(res)).toEqual({
      unitId: UNIT,
      period: '2026-10',
      respondents: 3,
      // NRR to two decimals (3.3333333333333335 → 3.33); IKM from the exact values.
      nrr: expected.nrr.map((x) => (x === null ? null : Math.round(x * 100) / 100)),
      ikm: expected.ikm,
      mutu: expected.mutu,
      kinerjaUnit: expected.kinerjaUnit,
      kinerjaUnitEn: expected.kinerjaUnitEn,
      policyId: expected.policyId,
    });
    expect(ddbMock.commandCalls(GetCommand)).toHaveLength(1);
    expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('totals with blanks: each unsur over its own answers, as computeIkm on the forms', async () => {
    const forms = [answers, [3, null, 3, 3, 3, 3, 3, 3, 3], [null, 4, 4, 4, 4, 4, 4, 4, 2]];
    const sums = Array.from({ length: 9 }, (_, u) => forms.reduce((s, r) => s + (r[u] ?? 0), 0));
    put({ PK: `SKM#${UNIT}#2026-10`, SK: 'TOTALS', respondents: 3, blank1: 1, blank2: 1, ...Object.fromEntries(sums.map((s, u) => [`sum${u + 1}`, s])) });
    const res = await getIkm({ period: '2026-10' });
    expect(res.statusCode).toBe(200);
    const expected = computeIkm(forms);
    expect(json(res)).toMatchObject({ respondents: 3, nrr: expected.nrr.map((x) => (x === null ? null : Math.round(x * 100) / 100)), ikm: expected.ikm });
  });

  it('no responses yet → 404 that says so', async () => {
    const res = await getIkm();
    expect(res.statusCode).toBe(404);
    expect(json(res).detail).toMatch(/Belum ada responden/);
    expect(json(res).detail).toMatch(/2026-11/);
  });

  it('an unknown unit → 404 that says so', async () => {
    const res = await getIkm({}, 'kel-tidak-ada');
    expect(res.statusCode).toBe(404);
    expect(json(res).detail).toMatch(/Unit layanan kel-tidak-ada tidak ditemukan/);
  });

  it('a bad period → 400', async () => {
    expect((await getIkm({ period: '2026-13' })).statusCode).toBe(400);
  });
});

// ─── HR moderation ─────────────────────────────────────────────────────────────────────────────────

const pendingComment = (id = 'c0000000001', over: Record<string, unknown> = {}) => ({
  PK: `SKMCOMMENT#${id}`,
  SK: 'COMMENT',
  type: 'SKM_COMMENT',
  commentId: id,
  agencyId: AGENCY,
  unitId: UNIT,
  period: '2026-11',
  responseId: 'r1',
  text: 'Pelayanan <b>cepat</b> & ramah, Bu Siti 199001012015031001',
  answers,
  namedNips: [NIP.employee],
  redactions: 0,
  status: 'PENDING',
  createdAt: '2026-11-29T05:00:00.000Z',
  GSI1PK: `SKMCOMMENTS#${AGENCY}#PENDING`,
  GSI1SK: `2026-11-29T05:00:00.000Z#${id}`,
  GSI2PK: `SKMCOMMENTS#${AGENCY}#${UNIT}#PENDING`,
  GSI2SK: `2026-11-29T05:00:00.000Z#${id}`,
  ...over,
});

describe('GET /v1/skm/comments', () => {
  const list = (roles: string[], query: Record<string, string> = {}) => call(jwtEvent('GET', '/v1/skm/comments', {}, roles, { query }));

  it('HR gets the queue from GSI1 (a Query, never a Scan), text escaped for HTML next to the plain text', async () => {
    ddbMock.on(QueryCommand).resolves({ Items: [pendingComment()] });
    const res = await list(['hr', 'employee']);
    expect(res.statusCode).toBe(200);
    const body = json(res);
    expect(body.next).toBeNull();
    expect(body.items[0]).toMatchObject({
      commentId: 'c0000000001',
      status: 'PENDING',
      text: 'Pelayanan <b>cepat</b> & ramah, Bu Siti 199001012015031001',
      textHtml: 'Pelayanan &lt;b&gt;cepat&lt;/b&gt; &amp; ramah, Bu Siti 199001012015031001',
      namedNips: [NIP.employee],
      citizenRating: 'DI_ATAS',
    });
    expect(body.items[0]).not.toHaveProperty('PK');
    const q = ddbMock.commandCalls(QueryCommand)[0]!.args[0].input;
    expect(q).toMatchObject({ IndexName: 'GSI1', ExpressionAttributeValues: { ':pk': `SKMCOMMENTS#${AGENCY}#PENDING` } });
  });

  it('a unit filter uses GSI2, per unit and status', async () => {
    ddbMock.on(QueryCommand).resolves({ Items: [] });
    await list(['hr'], { unitId: UNIT, status: 'APPROVED' });
    expect(ddbMock.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({
      IndexName: 'GSI2',
      ExpressionAttributeValues: { ':pk': `SKMCOMMENTS#${AGENCY}#${UNIT}#APPROVED` },
    });
  });

  it('pages with a signed cursor that only works for the same query; a forged one → 400 and no query', async () => {
    const last = { PK: 'SKMCOMMENT#c1', SK: 'COMMENT', GSI1PK: `SKMCOMMENTS#${AGENCY}#PENDING`, GSI1SK: '2026-11-29T05:00:00.000Z#c1' };
    ddbMock.on(QueryCommand).resolves({ Items: [pendingComment('c1')], LastEvaluatedKey: last });
    const first = json(await list(['hr'], { limit: '1' }));
    expect(first.next).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    await list(['hr'], { limit: '1', cursor: first.next });
    expect(ddbMock.commandCalls(QueryCommand)[1]!.args[0].input.ExclusiveStartKey).toEqual(last);

    ddbMock.resetHistory();
    const forged = `${Buffer.from(JSON.stringify({ ...last, GSI1PK: 'SKMCOMMENTS#other-agency#PENDING' })).toString('base64url')}.${first.next.split('.')[1]}`;
    for (const cursor of [forged, Buffer.from(JSON.stringify(last)).toString('base64url'), 'bm90LWEtY3Vyc29y']) {
      const res = await list(['hr'], { cursor });
      expect(res.statusCode).toBe(400);
    }
    expect((await list(['hr'], { status: 'APPROVED', cursor: first.next })).statusCode).toBe(400); // another query's cursor
    expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('an employee → 403, nothing read', async () => {
    const res = await list(['employee']);
    expect(res.statusCode).toBe(403);
    expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('no token → 401', async () => {
    const res = await call(event('GET', '/v1/skm/comments', {}));
    expect(res.statusCode).toBe(401);
  });
});

describe('POST /v1/skm/comments/{commentId}/moderation', () => {
  const moderate = (roles: string[], body: unknown, id = 'c0000000001', headers: Record<string, string> = {}) =>
    call(jwtEvent('POST', '/v1/skm/comments/{commentId}/moderation', { commentId: id }, roles, { body, headers }));

  it('approve: PENDING → APPROVED conditionally, with its audit event and evidence for the named employee, in one transaction', async () => {
    put(pendingComment());
    const res = await moderate(['hr'], { decision: 'approve' });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ status: 'APPROVED', linkedNips: [NIP.employee], moderatedBy: { nip: HR_NIP } });
    const tx = ddbMock.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(tx.map((i) => Object.keys(i)[0])).toEqual(['Update', 'Put', 'Put']);
    expect(tx[0]!.Update!.ConditionExpression).toBe('#status = :pending AND agencyId = :agency');
    expect(tx[0]!.Update!.ExpressionAttributeValues).toMatchObject({
      ':to': 'APPROVED',
      ':g1': `SKMCOMMENTS#${AGENCY}#APPROVED`,
      ':g2': `SKMCOMMENTS#${AGENCY}#${UNIT}#APPROVED`,
    });
    expect(tx[1]!.Put!.Item).toMatchObject({ PK: 'SKMCOMMENT#c0000000001', action: 'SKM_COMMENT:APPROVE', actor: { nip: HR_NIP, role: 'hr' } });
    expect(String(tx[1]!.Put!.Item!.SK)).toMatch(/^AUDIT#2026-11-29T06:00:00.000Z#/);
    expect(tx[2]!.Put!.Item).toMatchObject({ PK: `SKMEVIDENCE#${AGENCY}#${NIP.employee}`, SK: '2026-11#c0000000001', answers });
  });

  it('reject (with a reason): no evidence; a NIP not on the roster is never linked', async () => {
    put(pendingComment('c0000000002', { namedNips: ['199912312020121999'] }));
    const res = await moderate(['hr'], { decision: 'reject', reason: 'Bukan tentang layanan' }, 'c0000000002');
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ status: 'REJECTED', moderationReason: 'Bukan tentang layanan', linkedNips: [] });
    const tx = ddbMock.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(tx).toHaveLength(2);
    expect(tx[1]!.Put!.Item).toMatchObject({ action: 'SKM_COMMENT:REJECT', reason: 'Bukan tentang layanan' });
  });

  it('an already moderated comment → 409 saying when, nothing written', async () => {
    put(pendingComment('c0000000001', { status: 'REJECTED', moderatedAt: '2026-11-29T05:30:00.000Z', lastChangeId: 'other' }));
    const res = await moderate(['hr'], { decision: 'approve' });
    expect(res.statusCode).toBe(409);
    expect(json(res).detail).toBe('Komentar sudah ditolak pada 29 November 2026 pukul 12.30 WIB');
    expect(writes()).toBe(0);
  });

  it('a race lost at the condition → 409 after reading who won', async () => {
    put(pendingComment());
    ddbMock.on(TransactWriteCommand).callsFake(() => {
      put(pendingComment('c0000000001', { status: 'APPROVED', moderatedAt: '2026-11-29T06:00:00.000Z', lastChangeId: 'someone-else' }));
      throw new TransactionCanceledException({
        message: 'x',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }, { Code: 'None' }],
      });
    });
    const res = await moderate(['hr'], { decision: 'approve' });
    expect(res.statusCode).toBe(409);
  });

  it('a retry with the same Idempotency-Key reports the first result, not a conflict', async () => {
    put(pendingComment('c0000000001'));
    const first = await moderate(['hr'], { decision: 'approve' }, 'c0000000001', { 'idempotency-key': 'mod-key-000001' });
    expect(first.statusCode).toBe(200);
    const before = writes();
    const res = await moderate(['hr'], { decision: 'approve' }, 'c0000000001', { 'idempotency-key': 'mod-key-000001' });
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['idempotent-replayed']).toBe('true');
    // The first answer again (shared/http/idempotency.ts), nothing written the second time.
    expect(res.body).toBe(first.body);
    expect(writes()).toBe(before);
  });

  it('an employee → 403, nothing read or written', async () => {
    put(pendingComment());
    const res = await moderate(['employee'], { decision: 'approve' });
    expect(res.statusCode).toBe(403);
    expect(writes()).toBe(0);
    expect(ddbMock.commandCalls(GetCommand)).toHaveLength(0);
  });

  it('another agency’s or an unknown comment → 404', async () => {
    put(pendingComment('c0000000003', { agencyId: 'kec-lain' }));
    expect((await moderate(['hr'], { decision: 'approve' }, 'c0000000003')).statusCode).toBe(404);
    expect((await moderate(['hr'], { decision: 'approve' }, 'c0000000404')).statusCode).toBe(404);
    expect(writes()).toBe(0);
  });

  it('a bad decision or markup in the reason → 400', async () => {
    put(pendingComment());
    expect((await moderate(['hr'], { decision: 'delete' })).statusCode).toBe(400);
    expect((await moderate(['hr'], { decision: 'reject', reason: '<script>x</script>' })).statusCode).toBe(400);
    expect(writes()).toBe(0);
  });
});
