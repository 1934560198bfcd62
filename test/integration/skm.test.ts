/**
 * The citizen survey on the local stack (DynamoDB Local, the local HTTP API, the synthesized table):
 * a kelurahan's sample responses submitted over HTTP give the same IKM as the domain computes from
 * the answers; the daily limit, idempotency and size limits hold; HR moderates comments and an approved
 * comment naming an employee becomes citizen evidence for them. No cycle is run.
 */
import '../../local/sfn/polyfill';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRoster } from '../../local/run-cycle';
import { loadSampleAgency } from '../../local/sample/schema';
import { SKM_COMMENT_SCRIPT } from '../../local/sample/texts';
import { type LocalStack, startLocalStack } from '../../local/stack';
import { periodOf } from '../../shared/domain/skm/calendar';
import { computeIkm } from '../../shared/domain/skm/survey';

const sample = loadSampleAgency('local/sample/asemrowo.json');
const UNIT = 'kel-asemrowo';
const survey = sample.skm.find((s) => s.unitId === UNIT)!;
const hr = sample.employees.find((e) => /Subbagian Umum/i.test(e.jabatan) && e.isUnitHead)!;
const staff = sample.employees.find((e) => !e.external && e.nip !== hr.nip)!;
const period = periodOf(new Date());
const year = Number(period.slice(0, 4));

let stack: LocalStack;
const receipts: string[] = [];

async function post(unitId: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${stack.apiUrl}/v1/public/units/${unitId}/skm`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'asn-kinerja-test/1', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}
async function issueKiosk(unitId: string) {
  const res = await fetch(`${stack.apiUrl}/v1/skm/kiosks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await stack.token(hr.nip, ['hr', 'employee'])}`, 'content-type': 'application/json' },
    body: JSON.stringify({ unitId, label: 'Loket 1' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { kioskId: string; token: string; dailyLimit: number };
}
async function get(pathAndQuery: string, token?: string) {
  const res = await fetch(`${stack.apiUrl}${pathAndQuery}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}
async function moderate(commentId: string, body: unknown, token: string) {
  const res = await fetch(`${stack.apiUrl}/v1/skm/comments/${commentId}/moderation`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

beforeAll(async () => {
  stack = await startLocalStack({ workDir: mkdtempSync(path.join(tmpdir(), 'asn-skm-')), timeScale: 1e-5 });
  await seedRoster(sample);
  // The respondents answer on the unit's counter kiosk (every request here comes from one address,
  // whose own budget is 5 a day): HR issues its token. Comment i goes with response i, and a comment
  // about an employee names their NIP, as a citizen reading a name tag would.
  const kiosk = await issueKiosk(UNIT);
  for (const [i, answers] of survey.responses.entries()) {
    const c = survey.comments[i];
    const comment = c ? (c.employeeNip ? `${c.text} (NIP ${c.employeeNip})` : c.text) : undefined;
    const res = await post(UNIT, { answers, ...(comment ? { comment, service: 'Surat keterangan' } : {}) }, { 'x-kiosk-token': kiosk.token });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    receipts.push(res.body.receiptId);
  }
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

describe('public survey over HTTP', () => {
  it('gives every respondent a distinct receipt', () => {
    expect(receipts).toHaveLength(survey.responses.length);
    expect(new Set(receipts).size).toBe(receipts.length);
  });

  it('publishes the IKM the domain computes from the same answers, from the running totals', async () => {
    const res = await get(`/v1/public/units/${UNIT}/ikm?period=${period}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const expected = computeIkm(survey.responses);
    expect(res.body).toMatchObject({
      unitId: UNIT,
      period,
      respondents: expected.respondents,
      nrr: expected.nrr.map((x) => (x === null ? null : Math.round(x * 100) / 100)),
      ikm: expected.ikm,
      mutu: expected.mutu,
      kinerjaUnit: expected.kinerjaUnit,
    });
  });

  it('refuses a comment with a script and counts nothing', async () => {
    const unit = 'kel-tambak-sarioso';
    const res = await post(unit, { answers: [3, 3, 3, 3, 3, 3, 3, 3, 3], comment: SKM_COMMENT_SCRIPT });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await get(`/v1/public/units/${unit}/ikm`)).status).toBe(404);
  });

  it('limits one device to 5 submissions per unit per day: the 6th gets 429 with Retry-After and is not counted', async () => {
    const unit = 'kec-asemrowo';
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 6; i++) {
      const res = await post(
        unit,
        // Different answers each time: the same answers repeated from one address would be held (a burst).
        { answers: [1 + (i % 4), 4, 3, 3, 4, 4, 4, 3, 1 + Math.floor(i / 4)], ...(i === 0 ? { comment: 'Antrean < 10 menit & petugas "ramah"' } : {}) },
        { 'user-agent': 'kiosk-tablet/1' },
      );
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(86_400);
    expect((await get(`/v1/public/units/${unit}/ikm`)).body.respondents).toBe(5);
  });

  it('counts a retried submission (same Idempotency-Key) once and returns the same receipt', async () => {
    const unit = 'kel-genting-kalianak';
    const headers = { 'idempotency-key': `it-${Date.now()}-0001`, 'user-agent': 'retrying-phone/1' };
    const first = await post(unit, { answers: survey.responses[0] }, headers);
    const again = await post(unit, { answers: survey.responses[0] }, headers);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.receiptId).toBe(first.body.receiptId);
    expect((await get(`/v1/public/units/${unit}/ikm`)).body.respondents).toBe(1);
  });

  it('counts concurrent submissions to one unit exactly (the totals item is updated in each transaction)', async () => {
    const unit = 'kel-tambak-sarioso';
    const batch = sample.skm.find((s) => s.unitId === unit)!.responses.slice(0, 12);
    const kiosk = await issueKiosk(unit);
    const results = await Promise.all(batch.map((answers) => post(unit, { answers }, { 'x-kiosk-token': kiosk.token })));
    expect(results.map((r) => r.status)).toEqual(batch.map(() => 201));
    const ikm = (await get(`/v1/public/units/${unit}/ikm`)).body;
    expect(ikm).toMatchObject({
      respondents: batch.length,
      ikm: computeIkm(batch).ikm,
      nrr: computeIkm(batch).nrr.map((x) => (x === null ? null : Math.round(x * 100) / 100)),
    });
  });

  it('answers 404 for an unknown unit and 413 for an oversized body', async () => {
    expect((await post('kel-tidak-ada', { answers: [3, 3, 3, 3, 3, 3, 3, 3, 3] })).status).toBe(404);
    expect((await get('/v1/public/units/kel-tidak-ada/ikm')).status).toBe(404);
    expect((await post(UNIT, { answers: [3, 3, 3, 3, 3, 3, 3, 3, 3], comment: 'x'.repeat(9000) })).status).toBe(413);
  });
});

describe('moderation by HR', () => {
  it('pages the unit’s PENDING queue with a signed cursor; only HR may read it', async () => {
    const token = await stack.token(hr.nip, ['hr', 'employee']);
    const first = await get(`/v1/skm/comments?status=PENDING&unitId=${UNIT}&limit=2`, token);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.next).toBeTruthy();
    const rest = await get(`/v1/skm/comments?status=PENDING&unitId=${UNIT}&limit=2&cursor=${first.body.next}`, token);
    const all = [...first.body.items, ...rest.body.items];
    expect(all).toHaveLength(survey.comments.length);
    expect(new Set(all.map((c: any) => c.commentId)).size).toBe(all.length);

    const forged = `${Buffer.from(JSON.stringify({ PK: 'x', SK: 'y' })).toString('base64url')}.${String(first.body.next).split('.')[1]}`;
    expect((await get(`/v1/skm/comments?status=PENDING&cursor=${forged}`, token)).status).toBe(400);
    expect((await get('/v1/skm/comments', await stack.token(staff.nip, ['employee']))).status).toBe(403);
  });

  it('approves a comment naming an employee (evidence for them), rejects another, and refuses a second decision', async () => {
    const token = await stack.token(hr.nip, ['hr', 'employee']);
    const queue = (await get(`/v1/skm/comments?unitId=${UNIT}`, token)).body.items as any[];
    const named = survey.comments.find((c) => c.employeeNip)!;
    const naming = queue.find((c) => c.namedNips.includes(named.employeeNip))!;
    const other = queue.find((c) => c.namedNips.length === 0)!;

    const approved = await moderate(naming.commentId, { decision: 'approve' }, token);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', linkedNips: [named.employeeNip], moderatedBy: { nip: hr.nip } });
    const rejected = await moderate(other.commentId, { decision: 'reject', reason: 'Tidak terkait layanan' }, token);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', moderationReason: 'Tidak terkait layanan' });
    expect((await moderate(naming.commentId, { decision: 'reject' }, token)).status).toBe(409);
    expect((await moderate(other.commentId, { decision: 'approve' }, await stack.token(staff.nip, ['employee']))).status).toBe(403);

    const approvedList = (await get(`/v1/skm/comments?status=APPROVED&unitId=${UNIT}`, token)).body.items as any[];
    expect(approvedList.map((c) => c.commentId)).toEqual([naming.commentId]);
    expect((await get(`/v1/skm/comments?status=PENDING&unitId=${UNIT}`, token)).body.items).toHaveLength(survey.comments.length - 2);

    const answers = survey.responses[survey.comments.indexOf(named)]!;
    // Imported here, after the stack set the environment (its logger reads the log level on import).
    const { approvedCitizenEvidence, citizenRating } = await import('../../shared/application/skm');
    const evidence = await approvedCitizenEvidence(sample.agencyId, named.employeeNip!, year);
    expect(evidence).toEqual([
      { rating: citizenRating(answers), comment: `${named.text} (NIP ${named.employeeNip})`, reference: expect.stringContaining(naming.commentId) },
    ]);
    expect(await approvedCitizenEvidence(sample.agencyId, named.employeeNip!, year - 1)).toEqual([]);
  });

  it('gives comment text as plain text with an HTML-escaped copy', async () => {
    const token = await stack.token(hr.nip, ['hr', 'employee']);
    const items = (await get('/v1/skm/comments?unitId=kec-asemrowo', token)).body.items as any[];
    expect(items).toHaveLength(1);
    expect(items[0].text).toBe('Antrean < 10 menit & petugas "ramah"');
    expect(items[0].textHtml).toBe('Antrean &lt; 10 menit &amp; petugas &quot;ramah&quot;');
  });
});

/**
 * Flooding (issue #12, finding 3): before, 20 of 20 submissions from one address were accepted by
 * changing the User-Agent, and all-1 answers moved a unit's IKM from A to C.
 */
describe('the survey resists flooding without shutting out a busy counter', () => {
  const FLOODED = 'kel-genting-kalianak';

  it('a changed User-Agent does not lift the per-address budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const answers = [1 + Math.floor(i / 4), 1, 1, 1, 1, 1, 1, 1, 1 + (i % 4)]; // all different: no burst here
      const res = await post('kel-tambak-sarioso', { answers }, { 'user-agent': `flood/${i}` });
      statuses.push(res.status);
    }
    // Earlier answers to this unit came from a kiosk (or were refused), so this address has its whole budget: 5, then 429.
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
  });

  it('the same answers again and again from one address are held for HR, not counted; HR approving one counts it', async () => {
    const before = (await get(`/v1/public/units/${FLOODED}/ikm`)).body.respondents as number;
    const allOnes = [1, 1, 1, 1, 1, 1, 1, 1, 1];
    const first = await post(FLOODED, { answers: allOnes }, { 'user-agent': 'burst/1' });
    const second = await post(FLOODED, { answers: allOnes }, { 'user-agent': 'burst/2' });
    const third = await post(FLOODED, { answers: allOnes }, { 'user-agent': 'burst/3' });
    expect([first.status, second.status, third.status]).toEqual([201, 201, 202]);
    expect(third.body).toMatchObject({ held: true, receiptId: expect.any(String) });
    expect((await get(`/v1/public/units/${FLOODED}/ikm`)).body.respondents).toBe(before + 2);

    const token = await stack.token(hr.nip, ['hr', 'employee']);
    const queue = (await get(`/v1/skm/comments?status=PENDING&unitId=${FLOODED}`, token)).body.items as any[];
    const held = queue.filter((c) => c.held === 'BURST');
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ text: '', citizenRating: expect.any(String) });
    expect((await moderate(held[0].commentId, { decision: 'approve' }, token)).status).toBe(200);
    expect((await get(`/v1/public/units/${FLOODED}/ikm`)).body.respondents).toBe(before + 3);
  });

  it('a kiosk token has its own, higher budget; a token for another unit or a revoked one is refused (403) and counts nothing', async () => {
    const unit = 'kec-asemrowo'; // this address's budget for it is used up above (5, then 429)
    expect((await post(unit, { answers: [3, 3, 3, 3, 3, 3, 3, 3, 2] })).status).toBe(429);
    const kiosk = await issueKiosk(unit);
    expect(kiosk.dailyLimit).toBeGreaterThan(5);
    const before = (await get(`/v1/public/units/${unit}/ikm`)).body.respondents as number;
    const statuses: number[] = [];
    // A busy counter: the same answers many times are not a burst on a kiosk.
    for (let i = 0; i < 8; i++) statuses.push((await post(unit, { answers: [4, 4, 4, 4, 4, 4, 4, 4, 4] }, { 'x-kiosk-token': kiosk.token })).status);
    expect(statuses).toEqual(Array(8).fill(201));
    expect((await get(`/v1/public/units/${unit}/ikm`)).body.respondents).toBe(before + 8);

    expect((await post(UNIT, { answers: [4, 4, 4, 4, 4, 4, 4, 4, 4] }, { 'x-kiosk-token': kiosk.token })).status).toBe(403);
    expect((await post(unit, { answers: [4, 4, 4, 4, 4, 4, 4, 4, 4] }, { 'x-kiosk-token': `${kiosk.kioskId}.${'A'.repeat(64)}` })).status).toBe(403);
    const token = await stack.token(hr.nip, ['hr', 'employee']);
    const revoke = await fetch(`${stack.apiUrl}/v1/skm/kiosks/${kiosk.kioskId}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(revoke.status).toBe(200);
    expect((await post(unit, { answers: [4, 4, 4, 4, 4, 4, 4, 4, 4] }, { 'x-kiosk-token': kiosk.token })).status).toBe(403);
    expect((await get(`/v1/public/units/${unit}/ikm`)).body.respondents).toBe(before + 8);
    // The token is shown once and stored only as a hash.
    const { skmKiosks } = await import('../../shared/adapters/dynamodb/integrity');
    const stored = await skmKiosks.get(kiosk.kioskId);
    expect(stored).toMatchObject({ unitId: unit, revokedBy: hr.nip });
    expect(JSON.stringify(stored)).not.toContain(kiosk.token.split('.')[1]);
  });
});
