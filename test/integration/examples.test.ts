/**
 * Every example of the OpenAPI document, sent to the local stack as written (the sample roster, its 2026
 * cycle just created and in planning), answers the status this table expects — and that status is one
 * the document gives the operation. A route without a row fails, so a new route must bring its example.
 * The cycle runs at real time (timeScale 1): planning waits on people, so what each request meets is fixed.
 */
import '../../local/sfn/polyfill';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRoster } from '../../local/run-cycle';
import { loadSampleAgency } from '../../local/sample/schema';
import { type LocalStack, startLocalStack } from '../../local/stack';
import { periodOf } from '../../shared/domain/skm/calendar';
import { API_DOCS } from '../../shared/http/api-docs';
import { ROUTES, routeKeyOf } from '../../shared/http/routes';
import { documentedStatuses } from '../support/contract';

const sample = loadSampleAgency();
const C = `${sample.agencyId}-${sample.year}`;
const HR = '197702062002031010'; // Agus Setiawan, Kasubbag Umum (HR)
const RATER = '197607192004122006'; // Ratna Kusumawati
const EMP = '198908242013022005'; // Indah Puspitasari
type Who = 'hr' | 'rater' | 'employee' | 'none';

interface ExampleCall {
  as: Who;
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A path parameter comes from this earlier call's answer (the id it created or listed). */
  after?: string;
  status: number;
}
/** In the order sent: reads and stage-bound writes first, roster changes (which move people) last. */
const CALLS: [string, ExampleCall][] = [
  ['POST /v1/cycles', { as: 'hr', status: 201 }],
  ['GET /v1/cycles/{cycleId}', { as: 'hr', status: 200 }],
  ['POST /v1/cycles/{cycleId}/resume', { as: 'hr', status: 200 }],
  ['PUT /v1/cycles/{cycleId}/organisation-predikat', { as: 'hr', status: 200 }],
  ['GET /v1/cycles/{cycleId}/evaluations', { as: 'hr', query: { unitId: 'seksi-kesra' }, status: 200 }],
  ['GET /v1/cycles/{cycleId}/evaluations/{nip}', { as: 'employee', status: 200 }],
  ['PUT /v1/cycles/{cycleId}/evaluations/{nip}/skp', { as: 'employee', status: 200 }],
  ['PUT /v1/cycles/{cycleId}/evaluations/{nip}/progress', { as: 'employee', status: 409 }],
  ['PUT /v1/cycles/{cycleId}/evaluations/{nip}/feedback', { as: 'rater', status: 409 }],
  ['POST /v1/cycles/{cycleId}/evaluations/{nip}/invitations', { as: 'rater', status: 201 }],
  ['PUT /v1/cycles/{cycleId}/evaluations/{nip}/self-assessment', { as: 'employee', status: 409 }],
  ['PUT /v1/cycles/{cycleId}/evaluations/{nip}/midyear-review', { as: 'rater', status: 409 }],
  ['PUT /v1/cycles/{cycleId}/evaluations/{nip}/rating', { as: 'rater', status: 409 }],
  ['POST /v1/cycles/{cycleId}/evaluations/{nip}/objection', { as: 'employee', status: 409 }],
  ['POST /v1/cycles/{cycleId}/calibration/{unitId}/resolution', { as: 'hr', params: { unitId: 'kel-asemrowo' }, status: 409 }],
  ['GET /v1/cycles/{cycleId}/export.csv', { as: 'hr', query: { lang: 'en' }, status: 200 }],
  ['GET /v1/cycles/{cycleId}/report', { as: 'hr', status: 200 }],
  ['POST /v1/delegations', { as: 'rater', status: 201 }],
  ['POST /v1/public/units/{unitId}/skm', { as: 'none', params: { unitId: 'kel-asemrowo' }, status: 201 }],
  ['GET /v1/public/units/{unitId}/ikm', { as: 'none', params: { unitId: 'kel-asemrowo' }, query: { period: periodOf(new Date()) }, status: 200 }],
  ['GET /v1/skm/comments', { as: 'hr', query: { status: 'PENDING' }, status: 200 }],
  ['POST /v1/skm/comments/{commentId}/moderation', { as: 'hr', status: 200 }],
  ['GET /openapi.json', { as: 'none', status: 200 }],
  // The example link's signature is made up: the page refuses it and changes nothing.
  ['GET /v1/decisions/{decisionId}', { as: 'none', status: 403 }],
  ['HEAD /v1/decisions/{decisionId}', { as: 'none', status: 403 }],
  ['POST /v1/decisions/{decisionId}', { as: 'none', status: 403 }],
  // --- routes added in round 14–16 (issue 17: their examples, sent here too) ---
  ['POST /v1/skm/kiosks', { as: 'hr', status: 201 }],
  ['DELETE /v1/skm/kiosks/{kioskId}', { as: 'hr', after: 'POST /v1/skm/kiosks', status: 200 }],
  ['GET /v1/me', { as: 'employee', status: 200 }],
  ['GET /v1/me/tasks', { as: 'employee', query: { cycleId: C }, status: 200 }],
  ['GET /v1/me/decisions', { as: 'rater', query: { cycleId: C }, status: 200 }],
  ['POST /v1/me/decisions/approve-all', { as: 'rater', status: 200 }],
  ['GET /v1/cycles/{cycleId}/evaluations/{nip}/parent-rhk', { as: 'employee', status: 200 }],
  // The engine has nothing to propose before there are realisations: 200 {"available": false}.
  ['GET /v1/cycles/{cycleId}/evaluations/{nip}/proposal', { as: 'rater', status: 200 }],
  // A period's review exists once the period is opened (the sample's policy is semester: S1 opens with mid-year),
  // so while planning runs the example's period is not there yet (404). test/integration/periodic.test.ts sends it in its period.
  ['PUT /v1/cycles/{cycleId}/evaluations/{nip}/periods/{periodId}/review', { as: 'rater', params: { periodId: 'S1' }, status: 404 }],
  ['GET /v1/cycles/{cycleId}/evaluations/{nip}/evidence', { as: 'employee', status: 200 }],
  // Bukti dukung is added from mid-year on: while planning runs an upload or a link is refused (409, the stage), so
  // there is no item to confirm or delete — those two name a well-formed id that does not exist (404). Their success
  // is test/integration/local-platform.test.ts's, which runs a cycle to mid-year with the S3 endpoint.
  ['POST /v1/cycles/{cycleId}/evaluations/{nip}/evidence/uploads', { as: 'employee', status: 409 }],
  ['POST /v1/cycles/{cycleId}/evaluations/{nip}/evidence/{evidenceId}/confirm', { as: 'employee', params: { evidenceId: 'ev-01J9K2M4' }, status: 404 }],
  ['POST /v1/cycles/{cycleId}/evaluations/{nip}/evidence/links', { as: 'employee', status: 409 }],
  ['DELETE /v1/cycles/{cycleId}/evaluations/{nip}/evidence/{evidenceId}', { as: 'employee', params: { evidenceId: 'ev-01J9K2M4' }, status: 404 }],
  ['GET /v1/cycles/{cycleId}/evaluations/{nip}/documents', { as: 'employee', status: 200 }],
  // The SKP as a DRAFT PDF (it is not approved yet); its code is then downloaded and verified. The Penetapan of the
  // example's unit is a DRAFT too (no predikat is final yet).
  ['POST /v1/cycles/{cycleId}/evaluations/{nip}/documents', { as: 'employee', status: 201 }],
  ['GET /v1/documents/{code}', { as: 'employee', after: 'POST /v1/cycles/{cycleId}/evaluations/{nip}/documents', status: 200 }],
  ['GET /v1/public/documents/{code}', { as: 'none', after: 'POST /v1/cycles/{cycleId}/evaluations/{nip}/documents', status: 200 }],
  ['POST /v1/cycles/{cycleId}/documents', { as: 'hr', status: 201 }],
  // Coaching follows a low final predikat: while planning runs there is no plan to show, hold a session on or acknowledge.
  ['GET /v1/cycles/{cycleId}/evaluations/{nip}/coaching', { as: 'employee', status: 404 }],
  ['POST /v1/cycles/{cycleId}/evaluations/{nip}/coaching/sessions', { as: 'rater', status: 404 }],
  ['POST /v1/cycles/{cycleId}/evaluations/{nip}/coaching/sessions/{sessionId}/acknowledgement', { as: 'employee', params: { sessionId: 'S1' }, status: 404 }],
  ['GET /v1/coaching', { as: 'hr', status: 200 }],
  ['GET /v1/public/units/{unitId}/survey', { as: 'none', params: { unitId: 'kel-asemrowo' }, status: 200 }],
  ['POST /v1/public/units/{unitId}/survey', { as: 'none', params: { unitId: 'kel-asemrowo' }, status: 303 }],
  ['GET /v1/public/units/{unitId}/survey/thanks', { as: 'none', params: { unitId: 'kel-asemrowo' }, status: 200 }],
  ['GET /v1/public/units/{unitId}/poster', { as: 'none', params: { unitId: 'kel-asemrowo' }, status: 200 }],
  ['GET /v1/public/units/{unitId}/ikm.html', { as: 'none', params: { unitId: 'kel-asemrowo' }, query: { period: periodOf(new Date()) }, status: 200 }],
  // Rater bias compares ratings: while planning runs the report is empty and Ratna has rated nobody yet (404).
  ['GET /v1/cycles/{cycleId}/rater-bias', { as: 'hr', status: 200 }],
  ['POST /v1/cycles/{cycleId}/rater-bias/{raterNip}/acknowledgement', { as: 'hr', params: { raterNip: RATER }, status: 404 }],
  // HR reminds Ratna, whom planning waits on for Indah's submitted SKP (the example's NIP).
  ['POST /v1/cycles/{cycleId}/reminders', { as: 'hr', status: 200 }],
  // Last of the decisions in the session: it returns Indah's SKP to her (the rows above read it submitted).
  ['POST /v1/me/decisions/{decisionId}', { as: 'rater', after: 'GET /v1/me/decisions', status: 200 }],
  ['POST /v1/cycles/{cycleId}/members', { as: 'hr', status: 201 }],
  ['POST /v1/cycles/{cycleId}/evaluations/{nip}/transfer', { as: 'hr', status: 200 }],
  ['POST /v1/cycles/{cycleId}/raters/{nip}/handover', { as: 'hr', params: { nip: RATER }, status: 200 }],
  ['POST /v1/roster/import', { as: 'hr', status: 200 }],
  // --- HR console (console): a stage's progress with a unit's waiting page ---
  ['GET /v1/cycles/{cycleId}/progress', { as: 'hr', query: { unitId: 'seksi-kesra' }, status: 200 }],
  // --- HR console (roster): people picked by name, the units, the import's preview (its example has one bad row: still 200) ---
  ['GET /v1/roster/employees', { as: 'hr', status: 200 }],
  ['GET /v1/roster/units', { as: 'hr', status: 200 }],
  ['POST /v1/roster/import/preview', { as: 'hr', status: 200 }],
];

let stack: LocalStack;
const tokens = {} as Record<Who, string | undefined>;
const answers = new Map<string, { status: number; body: string }>();

async function send(key: string, call: ExampleCall, extra: Record<string, string> = {}) {
  const [method, template] = key.split(' ') as [string, string];
  const doc = API_DOCS[key]!;
  const params: Record<string, string> = { cycleId: C, nip: EMP, decisionId: 'd0123456789abcdef0123456789abcdef', ...extra, ...call.params };
  const query = {
    ...call.query,
    ...(template.startsWith('/v1/decisions') && method !== 'POST'
      ? linkQuery(doc.body?.example ?? API_DOCS['POST /v1/decisions/{decisionId}']!.body!.example)
      : {}),
  };
  const target =
    template.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(params[n] ?? '')) + (Object.keys(query).length ? `?${new URLSearchParams(query)}` : '');
  const contentType = doc.body?.contentType ?? 'application/json';
  const example = doc.body?.example;
  const body =
    example === undefined
      ? undefined
      : contentType === 'application/json'
        ? JSON.stringify(example)
        : contentType === 'application/x-www-form-urlencoded'
          ? new URLSearchParams(example as Record<string, string>).toString()
          : String(example);
  const res = await fetch(`${stack.apiUrl}${target}`, {
    method,
    redirect: 'manual', // the survey form answers 303: its status is the one documented
    headers: { ...(tokens[call.as] ? { authorization: `Bearer ${tokens[call.as]}` } : {}), ...(body ? { 'content-type': contentType } : {}) },
    ...(body ? { body } : {}),
  });
  return { status: res.status, body: method === 'HEAD' ? '' : await res.text() };
}
/** The ids an earlier answer names (a kiosk, an evidence item, the first decision of a list), as path parameters. */
function idsFrom(body: string | undefined): Record<string, string> {
  const json = body ? (JSON.parse(body) as Record<string, any>) : {};
  const item = json.item ?? json.evidence ?? json;
  const decision = (json.decisions ?? json.items ?? [])[0];
  return {
    ...(json.kioskId ? { kioskId: json.kioskId } : {}),
    ...(item?.evidenceId ? { evidenceId: item.evidenceId } : {}),
    ...(decision?.decisionId ? { decisionId: decision.decisionId } : {}),
    ...(json.document?.code ? { code: json.document.code } : {}),
  };
}
/** The signed fields of the decision form's example, as a link's query. */
const linkQuery = (form: unknown) => {
  const { a, r, e, k, s } = form as Record<string, string>;
  return { a: a!, r: r!, e: e!, k: k!, s: s! };
};

beforeAll(async () => {
  stack = await startLocalStack({ workDir: mkdtempSync(path.join(tmpdir(), 'asn-examples-')), timeScale: 1 });
  await seedRoster(sample);
  tokens.hr = await stack.token(HR, ['hr', 'employee']);
  tokens.rater = await stack.token(RATER, ['employee']);
  tokens.employee = await stack.token(EMP, ['employee']);
  tokens.none = undefined;
  for (const [key, call] of CALLS) {
    if (key === 'GET /v1/cycles/{cycleId}') {
      // Planning opens asynchronously after the cycle is created: wait for the employee's evaluation.
      for (let i = 0; i < 150; i++) {
        const r = await fetch(`${stack.apiUrl}/v1/cycles/${C}/evaluations/${EMP}`, { headers: { authorization: `Bearer ${tokens.employee}` } });
        if (r.status === 200) break;
        await new Promise((ok) => setTimeout(ok, 200));
      }
    }
    let extra: Record<string, string> = {};
    if (key === 'POST /v1/skm/comments/{commentId}/moderation') {
      const list = JSON.parse(answers.get('GET /v1/skm/comments')!.body) as { items: { commentId: string }[] };
      extra = { commentId: list.items[0]?.commentId ?? 'c0000000000' };
    }
    if (call.after) extra = idsFrom(answers.get(call.after)?.body);
    answers.set(key, await send(key, call, extra));
  }
}, 170_000);
afterAll(async () => {
  await stack?.stop();
});

describe('every documented example, sent to the local stack, answers its documented status', () => {
  const documented = documentedStatuses();
  it('every call here is a route of the route table', () => {
    const routes = new Set<string>(ROUTES.map(routeKeyOf));
    expect(CALLS.map(([k]) => k).filter((k) => !routes.has(k))).toEqual([]);
  });
  it('every route of the route table has its row here (a new route brings its example)', () => {
    const called = new Set<string>(CALLS.map(([k]) => k));
    expect(ROUTES.map(routeKeyOf).filter((k) => !called.has(k))).toEqual([]);
  });
  it.each(CALLS)('%s', (key, call) => {
    const got = answers.get(key)!;
    expect(documented.get(key), `${key}: ${call.status} is documented`).toContain(call.status);
    expect(got.status, `${key} → ${got.body.slice(0, 400)}`).toBe(call.status);
  });
});
