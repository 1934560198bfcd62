/**
 * 360° anonymity (issue #12, finding 6) through GET /v1/cycles/{cycleId}/evaluations/{nip}: the employee,
 * their rater and approver see peers' and subordinates' feedback aggregated per BerAKHLAK value with
 * counts, never authors, and only from MIN_VOICES_360 voices on ("Belum cukup masukan" below); the
 * rater's own feedback stays named; HR sees the authors. Before the fix the employee read every
 * author's NIP and whether they were a peer or a subordinate.
 */
import { describe, expect, it } from 'vitest';
import { setEnv } from '../support/lambda';

setEnv();
const { prime, put } = await import('../support/memory-table');
const { invoke } = await import('../support/lambda');
const { CYCLE, P, as, seedWorld } = await import('../support/world');
const { handler } = await import('../../functions/evaluation-api/handler');
const { keys } = await import('../../shared/adapters/dynamodb/keys');
const { MIN_VOICES_360 } = await import('../../shared/domain/feedback-anonymity');
const { EvaluationViewSchema } = await import('../../shared/http/contract/evaluation');

const SUB = '199505052020011001';
const PEER2 = '199606062021012002';
const fb = (source: string, value: string, rating: string, fromNip: string, comment?: string) => ({
  source,
  value,
  rating,
  fromNip,
  ...(comment ? { comment } : {}),
});
/** KOLABORATIF: three voices (two peers, a subordinate); HARMONIS: two (below the floor); the rater names AKUNTABEL. */
const FEEDBACK = {
  [P.rater]: [fb('rater', 'AKUNTABEL', 'DI_ATAS', P.rater, 'Tertib administrasi')],
  [P.peer]: [fb('peer', 'KOLABORATIF', 'DI_ATAS', P.peer, 'Selalu membantu'), fb('peer', 'HARMONIS', 'SESUAI', P.peer)],
  [PEER2]: [fb('peer', 'KOLABORATIF', 'SESUAI', PEER2)],
  [SUB]: [fb('subordinate', 'KOLABORATIF', 'DI_BAWAH', SUB, 'Jarang hadir rapat'), fb('subordinate', 'HARMONIS', 'DI_BAWAH', SUB)],
};

function world() {
  prime(() => {
    seedWorld({ stage: 'FINAL_SCORING', status: 'AWAITING_RATING', evaluation: { [P.self]: { feedback: FEEDBACK } } });
    for (const [nip, at] of [
      [P.peer, '2026-01-05T01:00:00.000Z'],
      [SUB, '2026-01-06T01:00:00.000Z'],
    ] as const) {
      put({
        ...keys.audit(CYCLE, P.self, at, `fb-${at.slice(8, 10)}`),
        type: 'AUDIT',
        eventId: `fb-${at.slice(8, 10)}`,
        at,
        actor: { nip, role: 'peer' },
        action: 'FEEDBACK_GIVEN',
        after: { source: nip === SUB ? 'subordinate' : 'peer', values: 2 },
      });
    }
  });
}
const read = (caller: { nip: string; hr?: boolean }) =>
  invoke(handler, 'GET', '/v1/cycles/{cycleId}/evaluations/{nip}', { cycleId: CYCLE, nip: P.self }, { caller });

describe('360° feedback is anonymous to the employee, their rater and approver', () => {
  it.each([
    ['the employee', as.self],
    ['their rater', as.rater],
    ['their approver', as.head],
  ])('%s: aggregated per value with counts, no author, no peer/subordinate split', async (_who, caller) => {
    world();
    const res = await read(caller);
    expect(res.status, res.raw).toBe(200);
    expect(EvaluationViewSchema.safeParse(res.body).success, res.raw).toBe(true);
    for (const author of [P.peer, PEER2, SUB]) expect(res.raw).not.toContain(author);
    expect(res.raw).not.toContain('subordinate');
    expect(res.body.evaluation.feedback).toBeUndefined();
    const byValue = Object.fromEntries(res.body.feedback360.colleagues.map((v: { value: string }) => [v.value, v]));
    expect(MIN_VOICES_360).toBe(3);
    expect(byValue.KOLABORATIF).toEqual({
      value: 'KOLABORATIF',
      enough: true,
      voices: 3,
      counts: { DI_ATAS: 1, SESUAI: 1, DI_BAWAH: 1 },
      comments: ['Jarang hadir rapat', 'Selalu membantu'],
    });
    // Two voices on HARMONIS: nothing of them is shown.
    expect(byValue.HARMONIS).toEqual({ value: 'HARMONIS', enough: false, note: 'Belum cukup masukan', note_en: 'Not enough feedback yet' });
    // The rater's own feedback stays named.
    expect(res.body.feedback360.rater).toEqual([expect.objectContaining({ value: 'AKUNTABEL', rating: 'DI_ATAS', fromNip: P.rater })]);
    // The audit trail says feedback was given, not by whom.
    const given = res.body.audit.filter((a: { action: string }) => a.action === 'FEEDBACK_GIVEN');
    expect(given).toHaveLength(2);
    for (const g of given) expect(g.actor.nip).toBe('');
  });

  it('HR of the agency keeps the authors (and the audit keeps who gave what)', async () => {
    world();
    const res = await read(as.hr);
    expect(res.status, res.raw).toBe(200);
    expect(Object.keys(res.body.evaluation.feedback).sort()).toEqual([P.rater, P.peer, PEER2, SUB].sort());
    expect(res.raw).toContain('subordinate');
    expect(res.body.audit.filter((a: { action: string }) => a.action === 'FEEDBACK_GIVEN').map((a: { actor: { nip: string } }) => a.actor.nip)).toEqual([
      P.peer,
      SUB,
    ]);
  });
});
