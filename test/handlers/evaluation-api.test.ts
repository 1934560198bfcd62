/**
 * The evaluation API through the real handler and use cases, with DynamoDB and Step Functions mocked
 * by the memory table: per route a success and a refusal (authorization sits in the matrix; here the
 * state and the input). 360° invitations and the self-assessment in detail.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { setEnv } from '../support/lambda';

setEnv();
const { ddbMock, get, prime, put, writeCount } = await import('../support/memory-table');
const { invoke } = await import('../support/lambda');
const { AGENCY, CYCLE, P, PEOPLE, SKP, as, seedWorld } = await import('../support/world');
const { feedbackSource } = await import('../support/scoring-oracle');
const { handler } = await import('../../functions/evaluation-api/handler');
const { keys } = await import('../../shared/adapters/dynamodb/keys');
const { deps } = await import('../../shared/composition');
const { fixedClock } = await import('../../shared/adapters/clock');

type Caller = { nip: string; hr?: boolean } | null;
const EVAL = '/v1/cycles/{cycleId}/evaluations/{nip}';
const call = (method: string, suffix: string, caller: Caller, opts: { body?: unknown; nip?: string; headers?: Record<string, string> } = {}) =>
  invoke(handler, method, `${EVAL}${suffix}`, { cycleId: CYCLE, nip: opts.nip ?? P.self }, { caller, body: opts.body, headers: opts.headers });
const world = (stage: string, status: string, extra: Parameters<typeof seedWorld>[0] extends infer W ? Partial<W> : never = {}) =>
  prime(() => seedWorld({ stage, status, ...extra }));
const evaluationOf = (nip: string) => get(keys.evaluation(CYCLE, nip)) as Record<string, any>;
const invitation = (nip: string, peerNip: string) => get(keys.invitation(CYCLE, nip, peerNip));
const FEEDBACK = { feedback: [{ value: 'KOLABORATIF', rating: 'DI_ATAS', comment: 'Selalu membantu' }] };

beforeEach(() => {
  deps.clock = fixedClock('2026-07-10T03:00:00Z');
});

describe('POST …/invitations (360° feedback only when invited)', () => {
  beforeEach(() => world('MIDYEAR', 'MONITORING'));

  it('the rater invites colleagues: one conditional put per pair and one audit event, in one transaction → 201', async () => {
    const res = await call('POST', '/invitations', as.rater, { body: { peerNips: [P.peer, P.staffTambak] } });
    expect(res.status, res.raw).toBe(201);
    expect(res.body).toEqual({ invited: [P.peer, P.staffTambak], alreadyInvited: [], outcome: 'applied' });
    const tx = ddbMock.commandCalls(TransactWriteCommand);
    expect(tx).toHaveLength(1);
    const items = tx[0]!.args[0].input.TransactItems!;
    expect(items.map((i) => i.Put?.ConditionExpression)).toEqual(['attribute_not_exists(PK)', 'attribute_not_exists(PK)', 'attribute_not_exists(PK)']);
    expect(items[2]!.Put!.Item).toMatchObject({ action: 'PEERS_INVITED', actor: { nip: P.rater, role: 'rater' }, after: { peers: [P.peer, P.staffTambak] } });
    expect(invitation(P.self, P.peer)).toMatchObject({ invitedBy: P.rater, peerNip: P.peer });
  });

  it('inviting the same colleague again changes nothing and says so → 200 already', async () => {
    await call('POST', '/invitations', as.rater, { body: { peerNips: [P.peer] } });
    ddbMock.resetHistory();
    const again = await call('POST', '/invitations', as.rater, { body: { peerNips: [P.peer] } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ invited: [], alreadyInvited: [P.peer], outcome: 'already' });
    expect(writeCount()).toBe(0);
    const more = await call('POST', '/invitations', as.rater, { body: { peerNips: [P.peer, P.staffRw] } });
    expect(more.status).toBe(201);
    expect(more.body).toMatchObject({ invited: [P.staffRw], alreadyInvited: [P.peer] });
  });

  it('a lost race with the same invitation is reported as already invited, not as an error', async () => {
    // Another request wrote the pair between this one's read and its transaction.
    ddbMock.on(TransactWriteCommand).callsFakeOnce(() => {
      put({ ...keys.invitation(CYCLE, P.self, P.peer), cycleId: CYCLE, nip: P.self, peerNip: P.peer, invitedBy: P.rater, invitedAt: 'x' });
      throw Object.assign(new Error('cancelled'), { name: 'ConditionalCheckFailedException' });
    });
    const res = await call('POST', '/invitations', as.rater, { body: { peerNips: [P.peer] } });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.outcome).toBe('already');
  });

  it.each([
    ['the employee themself', as.self, { peerNips: [P.peer] }, 403],
    ['a colleague', as.peer, { peerNips: [P.staffTambak] }, 403],
    ['the rater inviting the employee', as.rater, { peerNips: [P.self] }, 422],
    ['the rater inviting themself', as.rater, { peerNips: [P.rater] }, 422],
    ['someone not in the cycle', as.rater, { peerNips: ['199912312020121099'] }, 422],
    ['no one', as.rater, { peerNips: [] }, 400],
    ['a malformed NIP', as.rater, { peerNips: ['12345'] }, 400],
  ] as const)('%s → %s, nothing written', async (_name, caller, body, status) => {
    const res = await call('POST', '/invitations', caller, { body });
    expect(res.status, res.raw).toBe(status);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.body.detail).toBeTruthy();
    expect(res.body.detail_en).toBeTruthy();
    expect(writeCount()).toBe(0);
  });

  it('after the rating → 409; in the approval stage → 409', async () => {
    world('FINAL_SCORING', 'RATED');
    expect((await call('POST', '/invitations', as.rater, { body: { peerNips: [P.peer] } })).status).toBe(409);
    world('APPROVAL', 'AWAITING_APPROVAL');
    expect((await call('POST', '/invitations', as.rater, { body: { peerNips: [P.peer] } })).status).toBe(409);
    expect(writeCount()).toBe(0);
  });
});

describe('PUT …/feedback', () => {
  beforeEach(() => world('MIDYEAR', 'MONITORING'));

  it('the rater gives feedback without an invitation, as before', async () => {
    const res = await call('PUT', '/feedback', as.rater, { body: FEEDBACK });
    expect(res.status, res.raw).toBe(200);
    expect(res.body).toMatchObject({ source: 'rater', outcome: 'applied' });
    expect(evaluationOf(P.self).feedback[P.rater][0]).toMatchObject({ source: 'rater', value: 'KOLABORATIF' });
  });

  it('a colleague who was not invited → 403, nothing written', async () => {
    const res = await call('PUT', '/feedback', as.peer, { body: FEEDBACK });
    expect(res.status).toBe(403);
    expect(res.body.detail_en).toMatch(/invited/);
    expect(writeCount()).toBe(0);
  });

  it('an invited colleague gives feedback (peer), a colleague of another unit too once invited; a subordinate is a subordinate', async () => {
    await call('POST', '/invitations', as.rater, { body: { peerNips: [P.peer, P.staffTambak] } });
    const peer = await call('PUT', '/feedback', as.peer, { body: FEEDBACK });
    expect(peer.status, peer.raw).toBe(200);
    expect(peer.body.source).toBe('peer');
    const other = await call('PUT', '/feedback', as.staffTambak, { body: FEEDBACK });
    expect(other.body.source).toBe('peer');
    // The rater's own evaluation: the head invites the rater's subordinate.
    await call('POST', '/invitations', as.head, { nip: P.rater, body: { peerNips: [P.self] } });
    const sub = await call('PUT', '/feedback', as.self, { nip: P.rater, body: FEEDBACK });
    expect(sub.body.source).toBe('subordinate');
  });

  // The scoring oracle's expected values rest on this rule: it must give every author the source the API records.
  it.each([
    ['the rater, not invited', P.rater, P.self, false],
    ['a colleague of the unit, invited', P.peer, P.self, true],
    ['a colleague of the unit, not invited', P.peer, P.self, false],
    ['a colleague of another unit, invited', P.staffTambak, P.self, true],
    ['a subordinate on their rater, invited', P.self, P.rater, true],
    ['the employee on themselves', P.self, P.self, false],
  ] as const)('test/support/scoring-oracle gives %s the source the API records', async (_name, author, nip, invited) => {
    const placement = (n: string) => PEOPLE.find((p) => p.nip === n)!;
    if (invited) expect((await call('POST', '/invitations', { nip: placement(nip).raterNip! }, { nip, body: { peerNips: [author] } })).status).toBe(201);
    const res = await call('PUT', '/feedback', { nip: author }, { nip, body: FEEDBACK });
    expect([200, 403], res.raw).toContain(res.status);
    expect(res.status === 200 ? res.body.source : undefined).toBe(feedbackSource(nip, placement(nip), placement(author), invited));
  });

  it('an invited colleague edits their feedback until the stage deadline; after it → 409', async () => {
    await call('POST', '/invitations', as.rater, { body: { peerNips: [P.peer] } });
    expect((await call('PUT', '/feedback', as.peer, { body: FEEDBACK })).status).toBe(200);
    const edited = await call('PUT', '/feedback', as.peer, { body: { feedback: [{ value: 'ADAPTIF', rating: 'SESUAI' }] } });
    expect(edited.status).toBe(200);
    expect(evaluationOf(P.self).feedback[P.peer]).toEqual([expect.objectContaining({ value: 'ADAPTIF' })]);
    // MIDYEAR opened 2026-07-01; its deadline is day 21 of the default schedule.
    deps.clock = fixedClock('2026-07-23T03:00:00Z');
    ddbMock.resetHistory();
    const late = await call('PUT', '/feedback', as.peer, { body: FEEDBACK });
    expect(late.status, late.raw).toBe(409);
    expect(late.body.detail_en).toMatch(/deadline/);
    expect(writeCount()).toBe(0);
  });

  it('on oneself → 403; in planning → 409; a bad value → 400', async () => {
    expect((await call('PUT', '/feedback', as.self, { body: FEEDBACK })).status).toBe(403);
    expect((await call('PUT', '/feedback', as.rater, { body: { feedback: [{ value: 'JUJUR', rating: 'SESUAI' }] } })).status).toBe(400);
    world('PLANNING', 'SKP_DRAFT');
    expect((await call('PUT', '/feedback', as.rater, { body: FEEDBACK })).status).toBe(409);
  });
});

describe('PUT …/self-assessment', () => {
  const BODY = {
    rhk: [{ rhkId: 'rhk-1', rating: 'DI_ATAS', note: 'Posyandu aktif 96%' }],
    behaviour: [{ value: 'BERORIENTASI_PELAYANAN', rating: 'SESUAI' }],
    summary: 'Target utama tercapai.',
  };

  it('the employee records it for the stage; the detail shows it; the score is untouched', async () => {
    world('MIDYEAR', 'MONITORING');
    const res = await call('PUT', '/self-assessment', as.self, { body: BODY });
    expect(res.status, res.raw).toBe(200);
    expect(res.body).toMatchObject({ status: 'MONITORING', stage: 'MIDYEAR', outcome: 'applied' });
    const tx = ddbMock.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(tx[1]!.Put!.Item).toMatchObject({ action: 'SELF_ASSESSED', actor: { nip: P.self, role: 'employee' } });
    const detail = await call('GET', '', as.rater);
    expect(detail.body.evaluation.selfAssessment.MIDYEAR).toMatchObject({ ...BODY, at: '2026-07-10T03:00:00.000Z' });
    expect(detail.body.evaluation.score).toBeUndefined();
  });

  it('in final scoring it is kept beside the mid-year one', async () => {
    world('FINAL_SCORING', 'AWAITING_RATING', { evaluation: { [P.self]: { selfAssessment: { MIDYEAR: { summary: 'Tengah tahun', at: 'x' } } } } });
    expect((await call('PUT', '/self-assessment', as.self, { body: { summary: 'Akhir tahun' } })).status).toBe(200);
    expect(evaluationOf(P.self).selfAssessment).toMatchObject({ MIDYEAR: { summary: 'Tengah tahun' }, FINAL_SCORING: { summary: 'Akhir tahun' } });
  });

  it.each([
    ['the rater', 'MIDYEAR', 'MONITORING', as.rater, BODY, 403],
    ['HR', 'MIDYEAR', 'MONITORING', as.hr, BODY, 403],
    ['an RHK not in the SKP', 'MIDYEAR', 'MONITORING', as.self, { rhk: [{ rhkId: 'rhk-9', rating: 'SESUAI' }] }, 422],
    ['an empty body', 'MIDYEAR', 'MONITORING', as.self, {}, 400],
    [
      'a value twice',
      'MIDYEAR',
      'MONITORING',
      as.self,
      {
        behaviour: [
          { value: 'ADAPTIF', rating: 'SESUAI' },
          { value: 'ADAPTIF', rating: 'DI_ATAS' },
        ],
      },
      400,
    ],
    ['in planning', 'PLANNING', 'SKP_APPROVED', as.self, BODY, 409],
    ['after the rating', 'FINAL_SCORING', 'RATED', as.self, BODY, 409],
  ] as const)('%s → %s, nothing written', async (_name, stage, status, caller, body, expected) => {
    world(stage, status);
    const res = await call('PUT', '/self-assessment', caller, { body });
    expect(res.status, res.raw).toBe(expected);
    expect(writeCount()).toBe(0);
  });
});

describe('the other evaluation routes: a success and a refusal each', () => {
  it('GET … detail: the record, its audit trail and its invitations; an unknown NIP → 404', async () => {
    world('MIDYEAR', 'MONITORING');
    await call('POST', '/invitations', as.rater, { body: { peerNips: [P.peer] } });
    const res = await call('GET', '', as.rater);
    expect(res.status).toBe(200);
    expect(res.body.evaluation.nip).toBe(P.self);
    expect(res.body.audit.map((a: { action: string }) => a.action)).toContain('PEERS_INVITED');
    expect(res.body.invitations).toEqual([expect.objectContaining({ peerNip: P.peer, invitedBy: P.rater })]);
    // The employee learns how many colleagues were asked, not who (360° anonymity).
    expect((await call('GET', '', as.self)).body.invitations).toEqual({ count: 1 });
    expect((await call('GET', '', as.hr, { nip: '199912312020121099' })).status).toBe(404);
  });

  it('PUT …/skp: submitted for approval; an SKP with another NIP → 422', async () => {
    world('PLANNING', 'SKP_DRAFT');
    const ok = await call('PUT', '/skp', as.self, { body: SKP });
    expect(ok.status, ok.raw).toBe(200);
    expect(ok.body.status).toBe('SKP_SUBMITTED');
    world('PLANNING', 'SKP_DRAFT');
    expect((await call('PUT', '/skp', as.self, { body: { ...SKP, nip: P.peer } })).status).toBe(422);
    expect(writeCount()).toBe(0);
  });

  it('PUT …/progress: recorded; an indicator not in the SKP → 422', async () => {
    world('MIDYEAR', 'MONITORING');
    const ok = await call('PUT', '/progress', as.self, { body: { realisations: [{ indicatorId: 'iki-1', value: 70 }] } });
    expect(ok.status, ok.raw).toBe(200);
    expect(evaluationOf(P.self).progress).toEqual([{ indicatorId: 'iki-1', value: 70 }]);
    expect((await call('PUT', '/progress', as.self, { body: { realisations: [{ indicatorId: 'iki-9', value: 70 }] } })).status).toBe(422);
  });

  it('PUT …/midyear-review: reviewed; a second review of a reviewed evaluation → 409', async () => {
    world('MIDYEAR', 'MONITORING');
    const ok = await call('PUT', '/midyear-review', as.rater, { body: { rating: 'SESUAI', notes: 'Lanjutkan' } });
    expect(ok.status, ok.raw).toBe(200);
    expect(ok.body.status).toBe('MIDYEAR_REVIEWED');
    world('MIDYEAR', 'MIDYEAR_REVIEWED');
    expect((await call('PUT', '/midyear-review', as.rater, { body: { rating: 'SESUAI', notes: 'Lagi' } })).status).toBe(409);
  });

  it('PUT …/rating: rated with a predikat; in the mid-year stage → 409', async () => {
    world('FINAL_SCORING', 'AWAITING_RATING');
    const ok = await call('PUT', '/rating', as.rater, { body: {} });
    expect(ok.status, ok.raw).toBe(200);
    expect(ok.body).toMatchObject({ status: 'RATED', outcome: 'applied' });
    expect(ok.body.predikat).toMatch(/^[A-Z_]+$/);
    world('MIDYEAR', 'MONITORING');
    expect((await call('PUT', '/rating', as.rater, { body: {} })).status).toBe(409);
  });

  it('POST …/objection: filed → 201; outside the objection window → 409', async () => {
    world('OBJECTION', 'RESULT_ISSUED', { evaluation: { [P.self]: { predikat: 'BAIK' } } });
    const ok = await call('POST', '/objection', as.self, { body: { reason: 'Capaian belum diperhitungkan', requestedPredikat: 'SANGAT_BAIK' } });
    expect(ok.status, ok.raw).toBe(201);
    expect(ok.body.status).toBe('OBJECTED');
    world('FOLLOW_UP', 'FINAL');
    expect((await call('POST', '/objection', as.self, { body: { reason: 'Terlambat' } })).status).toBe(409);
  });

  it('POST /v1/delegations: a rater appoints a Plh → 201; ending before it starts → 422', async () => {
    world('MIDYEAR', 'MONITORING');
    const body = { delegateNip: P.peer, kind: 'plh', from: '2026-07-13', until: '2026-07-17', reason: 'Cuti' };
    const ok = await invoke(handler, 'POST', '/v1/delegations', {}, { caller: as.rater, body });
    expect(ok.status, ok.raw).toBe(201);
    expect(get(keys.delegation(AGENCY, P.rater, '2026-07-13'))).toMatchObject({ delegateNip: P.peer, kind: 'plh' });
    const bad = await invoke(handler, 'POST', '/v1/delegations', {}, { caller: as.rater, body: { ...body, until: '2026-07-01' } });
    expect(bad.status).toBe(422);
  });
});
