/**
 * The citizens' survey pages on the memory table: the form (Indonesian first, English on request, the
 * kiosk token carried), its POST (303 to the thank-you page; errors beside the field in the reader's
 * language; nothing written on bad input; a double tap counted once; the daily limit as a page), the
 * poster's QR code, the public IKM page with only approved comments, and the JSON route unchanged.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { context, httpEvent, setEnv } from '../support/lambda';

setEnv();
const memory = await import('../support/memory-table');
const { ddbMock, put, writeCount } = memory;
const { handler } = await import('../../functions/skm/handler');
const { deps } = await import('../../shared/composition');
const { fixedClock, sequentialIds } = await import('../../shared/adapters/clock');

const AGENCY = 'kec-asemrowo';
const UNIT = 'kel-asemrowo';
const UA = 'Mozilla/5.0 (Linux; Android 14) PagesTest/1.0';

function event(
  method: string,
  pathTemplate: string,
  unitId: string,
  init: { query?: Record<string, string>; body?: string; headers?: Record<string, string> } = {},
) {
  const rawPath = pathTemplate.replace('{unitId}', unitId);
  const routeKey = `${method} ${pathTemplate}`;
  const base = httpEvent(method, rawPath);
  return {
    ...base,
    routeKey,
    pathParameters: { unitId },
    queryStringParameters: init.query,
    headers: { 'user-agent': UA, ...(init.headers ?? {}) },
    body: init.body,
    requestContext: { ...base.requestContext, routeKey, http: { ...base.requestContext.http, method, sourceIp: '203.0.113.9', userAgent: UA } },
  } as APIGatewayProxyEventV2;
}
const call = (e: APIGatewayProxyEventV2) => handler(e, context) as Promise<APIGatewayProxyStructuredResultV2>;
const getPage = (path: string, query?: Record<string, string>, unitId = UNIT, headers?: Record<string, string>) =>
  call(event('GET', path, unitId, { query, headers }));
const postForm = (fields: Record<string, string>, unitId = UNIT, ua = UA) =>
  call(
    event('POST', '/v1/public/units/{unitId}/survey', unitId, {
      body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': ua },
    }),
  );
const full = (v = '3') => Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`u${i + 1}`, v]));
const body = (r: APIGatewayProxyStructuredResultV2) => String(r.body);

beforeEach(() => {
  memory.prime(() => {
    put({ PK: `AGENCY#${AGENCY}`, SK: `UNIT#${UNIT}`, unitId: UNIT, name: 'Kelurahan Asemrowo' });
  });
  deps.clock = fixedClock('2026-11-29T06:00:00Z');
  deps.newId = (() => {
    const ids = sequentialIds('pg');
    return () => ids.next().replace(/-/g, '');
  })();
});

describe('GET …/survey', () => {
  it('renders nine questions with four answers each, in Indonesian, without a script, with a one-time token', async () => {
    const res = await getPage('/v1/public/units/{unitId}/survey');
    expect(res.statusCode).toBe(200);
    expect(res.headers!['content-type']).toMatch(/^text\/html/);
    expect(res.headers!['content-security-policy']).toContain("default-src 'none'");
    const html = body(res);
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('Kelurahan Asemrowo');
    expect(html.match(/<fieldset class="q"/g)).toHaveLength(9);
    expect(html.match(/type="radio"/g)).toHaveLength(36);
    expect(html).toContain('Sangat sesuai');
    expect(html).not.toContain('<script');
    expect(html).toMatch(/name="idem" value="[0-9a-f-]{36}"/);
    expect(writeCount()).toBe(0);
  });

  it('in English with ?lang=en or an English browser, and carries ?kiosk= as a hidden field', async () => {
    expect(body(await getPage('/v1/public/units/{unitId}/survey', { lang: 'en' }))).toContain('<html lang="en">');
    expect(body(await getPage('/v1/public/units/{unitId}/survey', undefined, UNIT, { 'accept-language': 'en-GB,en;q=0.9' }))).toContain('Very suitable');
    const kiosk = body(await getPage('/v1/public/units/{unitId}/survey', { kiosk: 'kiosk-token-0123456789' }));
    expect(kiosk).toContain('<input type="hidden" name="kiosk" value="kiosk-token-0123456789">');
    expect(kiosk).toContain('href="/v1/public/units/kel-asemrowo/survey?kiosk=kiosk-token-0123456789&amp;lang=en"');
  });

  it('an unknown unit or a malformed id → a 404 page, not problem+json', async () => {
    for (const unitId of ['kel-atlantis', '-bad-id']) {
      const res = await getPage('/v1/public/units/{unitId}/survey', undefined, unitId);
      expect(res.statusCode).toBe(404);
      expect(res.headers!['content-type']).toMatch(/^text\/html/);
      expect(body(res)).toContain('Unit layanan tidak ditemukan');
    }
  });
});

describe('POST …/survey (form)', () => {
  it('records the answers and the comment (one transaction) and answers 303 to the thank-you page', async () => {
    const res = await postForm({ ...full('4'), comment: 'Pelayanan cepat', lang: 'id', idem: 'b6f0d7c2-4c1e-4e7b-9d0a-3c2b1a0f9e8d' });
    expect(res.statusCode).toBe(303);
    expect(res.headers!.location).toBe('/v1/public/units/kel-asemrowo/survey/thanks?lang=id&c=1');
    const calls = ddbMock.commandCalls(TransactWriteCommand);
    expect(calls).toHaveLength(1);
    const tx = calls[0]!.args[0].input.TransactItems!;
    expect(tx.some((t) => t.Update?.Key?.PK === 'SKM#kel-asemrowo#2026-11' && t.Update.Key.SK === 'TOTALS')).toBe(true);
    expect(tx.find((t) => t.Put?.Item?.SK === 'COMMENT')!.Put!.Item).toMatchObject({
      text: 'Pelayanan cepat',
      status: 'PENDING',
      answers: [4, 4, 4, 4, 4, 4, 4, 4, 4],
    });
    const thanks = await getPage('/v1/public/units/{unitId}/survey/thanks', { lang: 'id', c: '1' });
    expect(body(thanks)).toContain('Terima kasih');
    expect(body(thanks)).toContain('dibaca petugas');
  });

  it('a double tap (same page token) is counted once', async () => {
    const fields = { ...full('3'), lang: 'id', idem: 'a1b2c3d4-0000-4000-8000-000000000001' };
    expect((await postForm(fields)).statusCode).toBe(303);
    expect((await postForm(fields)).statusCode).toBe(303);
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it.each([
    ['an answer outside 1–4', { ...full(), u3: '7' }, 'id', 'u3', 'Pilih salah satu dari empat jawaban.'],
    ['a comment with markup, in English', { ...full(), comment: '<b>hi</b>' }, 'en', 'comment', 'must not contain HTML tags or scripts'],
    ['nothing answered', {}, 'id', 'form', 'Jawab setidaknya satu pertanyaan.'],
  ])('%s → 400, the form again with the error beside the field, nothing written', async (_name, fields, lang, field, message) => {
    const before = writeCount();
    const res = await postForm({ ...fields, lang } as Record<string, string>);
    expect(res.statusCode).toBe(400);
    const html = body(res);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(message);
    if (field !== 'form') expect(html).toContain(`id="${field}-err"`);
    expect(writeCount()).toBe(before);
  });

  it('keeps what the citizen chose when the form comes back', async () => {
    const res = await postForm({ ...full('2'), u5: '9', comment: 'Antre lama', lang: 'id' });
    const html = body(res);
    expect(html).toContain('id="u1-2" name="u1" value="2" checked');
    expect(html).toContain('>Antre lama</textarea>');
  });

  it('the daily limit → a 429 page with Retry-After, in the reader’s language', async () => {
    ddbMock.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }, { Code: 'None' }],
      }),
    );
    const res = await postForm({ ...full(), lang: 'en' });
    expect(res.statusCode).toBe(429);
    expect(res.headers!['retry-after']).toBe(String(11 * 3600)); // 13:00 WIB → midnight
    expect(body(res)).toContain('Daily limit reached');
    expect(body(res)).toContain('5 answers today');
  });
});

describe('GET …/poster', () => {
  it('is an A4 print page with an inline SVG QR code of the survey URL (PUBLIC_BASE_URL + path)', async () => {
    const res = await getPage('/v1/public/units/{unitId}/poster');
    expect(res.statusCode).toBe(200);
    const html = body(res);
    expect(html).toContain('@page{size:A4 portrait');
    expect(html).toMatch(/<svg class="qr" role="img" aria-label="Kode QR menuju survei kepuasan Kelurahan Asemrowo"/);
    expect(html).toContain(`${process.env.PUBLIC_BASE_URL!.replace(/\/$/, '')}/v1/public/units/kel-asemrowo/survey`);
  });
});

describe('GET …/ikm.html', () => {
  const comment = (id: string, text: string, status: 'APPROVED' | 'PENDING', period = '2026-11') => ({
    PK: `SKMCOMMENT#${id}`,
    SK: 'COMMENT',
    commentId: id,
    agencyId: AGENCY,
    unitId: UNIT,
    period,
    responseId: `r${id}`,
    text,
    answers: [4, 4, 4, 4, 4, 4, 4, 4, 4],
    namedNips: [],
    redactions: 0,
    status,
    createdAt: '2026-11-20T03:00:00.000Z',
    GSI2PK: `SKMCOMMENTS#${AGENCY}#${UNIT}#${status}`,
    GSI2SK: `2026-11-20T03:00:00.000Z#${id}`,
  });
  const totals = (respondents: number, sums: number[]) => ({
    PK: `SKM#${UNIT}#2026-11`,
    SK: 'TOTALS',
    respondents,
    ...Object.fromEntries(sums.map((x, u) => [`sum${u + 1}`, x])),
  });

  it('shows IKM, mutu, NRR per element in id-ID formatting, respondents, and approved comments of the month only', async () => {
    // Two respondents: all 4s, and all 3s but a 4 for cost → NRR 3.50 ×8 and 4.00 → IKM (3.5×8+4)/9 × 25 = 88.89.
    put(totals(2, [7, 7, 7, 8, 7, 7, 7, 7, 7]));
    put(comment('c000000001', 'Petugas <ramah> sekali', 'APPROVED'));
    put(comment('c000000002', 'Komentar belum dimoderasi', 'PENDING'));
    put(comment('c000000003', 'Komentar bulan lalu', 'APPROVED', '2026-10'));
    const res = await getPage('/v1/public/units/{unitId}/ikm.html', { period: '2026-11' });
    expect(res.statusCode).toBe(200);
    const html = body(res);
    expect(html).toContain('data-figure="ikm">88,89<');
    expect(html).toContain('data-figure="respondents">2<');
    expect(html).toContain('data-figure="mutu">A<');
    expect(html).toContain('<td class="num">3,50</td>');
    expect(html).toContain('<td class="num">4,00</td>');
    expect(html).toContain('Petugas &lt;ramah&gt; sekali');
    expect(html).not.toContain('Komentar belum dimoderasi');
    expect(html).not.toContain('Komentar bulan lalu');
    const en = body(await getPage('/v1/public/units/{unitId}/ikm.html', { period: '2026-11', lang: 'en' }));
    expect(en).toContain('data-figure="ikm">88.89<');
  });

  it('a month without answers says so; the JSON route still answers JSON', async () => {
    expect(body(await getPage('/v1/public/units/{unitId}/ikm.html', { period: '2026-10' }))).toContain('Belum ada responden pada periode ini.');
    put({ PK: `SKM#${UNIT}#2026-11`, SK: 'TOTALS', respondents: 1, ...Object.fromEntries(Array.from({ length: 9 }, (_, u) => [`sum${u + 1}`, 4])) });
    const res = await getPage('/v1/public/units/{unitId}/ikm', { period: '2026-11' });
    expect(res.headers!['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(body(res))).toMatchObject({ unitId: UNIT, respondents: 1, ikm: 100 });
  });
});

// --- issue 17 (api): the form's statuses are documented; an unknown kiosk token is a 403 page ---
describe('POST …/survey from a kiosk whose token is unknown', () => {
  it('answers a 403 page and writes nothing', async () => {
    const res = await postForm({ ...full('4'), lang: 'id', kiosk: 'kiosk-token-0123456789' });
    expect(res.statusCode).toBe(403);
    expect(res.headers!['content-type']).toMatch(/^text\/html/);
    expect(writeCount()).toBe(0);
  });
});
