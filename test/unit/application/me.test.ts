/** The web app's use cases (shared/application/me): who am I, Beranda, the superior's RHKs, proposal, decisions in the session. */
import { beforeEach, describe, expect, it } from 'vitest';
import { usePorts } from '../../../shared/application/context';
import { ForbiddenError } from '../../../shared/application/errors';
import {
  approveAll,
  candidateCycleIds,
  decideInSession,
  myDecisions,
  myTasks,
  parentRhk,
  ratingProposal,
  stageDeadline,
  whoAmI,
} from '../../../shared/application/me/me';
import { DEFAULT_SCHEDULE } from '../../../shared/domain/lifecycle/schedule';
import type { DecisionRecord } from '../../../shared/domain/records';
import { callers, type FakeWorld, fakePorts, OFFICE, seedOffice } from '../../support/fakes';

let world: FakeWorld;
beforeEach(() => {
  world = fakePorts();
  usePorts(world.ports);
});
const C = OFFICE.cycle;
const withAgency = <T extends { nip: string; roles: string[] }>(c: T) => ({ ...c, agencyId: OFFICE.agency });

function pending(decisionId: string, subjectNip: string, recipientNip: string, kind: DecisionRecord['kind'] = 'SKP_APPROVAL'): DecisionRecord {
  return { decisionId, kind, cycleId: C, stage: 'PLANNING', subjectNip, recipientNip, status: 'PENDING', createdAt: '2026-01-05T01:00:00.000Z' };
}

describe('whoAmI and the stage deadline', () => {
  it('names the caller from the roster and lists the cycles they take part in', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_DRAFT');
    const me = await whoAmI(withAgency(callers.rater));
    expect(me).toMatchObject({ nip: OFFICE.rater, name: `Pegawai ${OFFICE.rater.slice(-4)}`, unit: { unitId: 'seksi-kesra', name: 'Seksi Kesra' } });
    expect(me.cycles).toEqual([expect.objectContaining({ cycleId: C, stage: 'PLANNING', evaluated: true, rater: true })]);
  });
  it('refuses a token without an agency', async () => {
    await expect(whoAmI(callers.self)).rejects.toBeInstanceOf(ForbiddenError);
  });
  it('looks at next, this and last year (final scoring runs into January) in WIB', () => {
    expect(candidateCycleIds('a', new Date('2026-12-31T18:00:00Z'))).toEqual(['a-2028', 'a-2027', 'a-2026']);
    expect(stageDeadline({ schedule: DEFAULT_SCHEDULE }, 'PLANNING', '2026-01-02T00:00:00.000Z')).toBe('2026-01-31T00:00:00.000Z');
    expect(stageDeadline({ schedule: DEFAULT_SCHEDULE }, 'PLANNING', undefined)).toBeUndefined();
  });
});

describe('myTasks (Beranda)', () => {
  it('the employee writes their SKP; the rater approves SKPs waiting as decisions, with the deadline', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_DRAFT');
    world.decisions.set('d1', pending('d1', OFFICE.self, OFFICE.rater));
    const mine = await myTasks(withAgency(callers.self), C);
    expect(mine.tasks.map((t) => t.kind)).toEqual(['WRITE_SKP']);
    expect(mine.tasks[0]).toMatchObject({ href: `/siklus/${C}/skp`, role: 'employee' });
    const rater = await myTasks(withAgency(callers.rater), C);
    expect(rater.tasks).toContainEqual(
      expect.objectContaining({ kind: 'APPROVE_SKP', nip: OFFICE.self, href: `/siklus/${C}/tim/${OFFICE.self}`, decisionId: 'd1' }),
    );
    expect(rater.team.map((t) => t.nip).sort()).toEqual([OFFICE.peer, OFFICE.self].sort());
    expect(rater.stage).toMatchObject({ stage: 'PLANNING', index: 0, count: 7, total: 10, done: 1 });
    expect(rater.stage?.deadline).toBe('2026-07-30T01:00:00.000Z');
  });
  it('an invited colleague sees the feedback to give; the rater sees reviews to give', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    world.invitations.set(`${C}#${OFFICE.self}#${OFFICE.peer}`, {
      cycleId: C,
      nip: OFFICE.self,
      peerNip: OFFICE.peer,
      invitedBy: OFFICE.rater,
      invitedAt: '2026-07-02T00:00:00.000Z',
    });
    const peer = await myTasks(withAgency(callers.peer), C);
    expect(peer.tasks).toContainEqual(expect.objectContaining({ kind: 'GIVE_FEEDBACK', nip: OFFICE.self, href: `/siklus/${C}/umpan-balik/${OFFICE.self}` }));
    const rater = await myTasks(withAgency(callers.rater), C);
    expect(
      rater.tasks
        .filter((t) => t.kind === 'REVIEW_MIDYEAR')
        .map((t) => t.nip)
        .sort(),
    ).toEqual([OFFICE.peer, OFFICE.self].sort());
  });
  it('a cycle of another agency is not found', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_DRAFT');
    await expect(myTasks({ ...callers.self, agencyId: 'kec-lain' }, C)).rejects.toThrow(/not found|tidak ditemukan/);
  });
});

describe('parentRhk and the proposal', () => {
  it('lists the rater’s RHKs for whoever may read the evaluation, never an outsider', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_DRAFT');
    const r = await parentRhk(callers.self, C, OFFICE.self);
    expect(r).toMatchObject({
      required: true,
      superior: { nip: OFFICE.rater },
      items: [{ id: 'rhk-atasan-1', jenis: 'utama', description: 'Pembinaan posyandu' }],
    });
    expect((await parentRhk(callers.rater, C, OFFICE.self)).items).toHaveLength(1);
    await expect(parentRhk(callers.outsider, C, OFFICE.self)).rejects.toBeInstanceOf(ForbiddenError);
  });
  it('gives the rater the engine’s proposal; the employee may not ask', async () => {
    await seedOffice(world, 'FINAL_SCORING', 'AWAITING_RATING');
    const p = await ratingProposal(callers.rater, C, OFFICE.self);
    expect(p.available).toBe(true);
    expect(p.rhk?.[0]).toMatchObject({ rhkId: 'rhk-1', proposed: expect.stringMatching(/DI_ATAS|SESUAI|DI_BAWAH/) });
    await expect(ratingProposal(callers.self, C, OFFICE.self)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('decisions in the session', () => {
  it('lists the pending decisions for the caller with their details, never one about themselves', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_SUBMITTED');
    world.decisions.set('d1', pending('d1', OFFICE.self, OFFICE.rater));
    world.decisions.set('d2', pending('d2', OFFICE.rater, OFFICE.rater));
    const r = await myDecisions(withAgency(callers.rater), 'id', C);
    expect(r.items.map((d) => d.decisionId)).toEqual(['d1']);
    expect(r.items[0]).toMatchObject({ kind: 'SKP_APPROVAL', subject: { nip: OFFICE.self, unitName: 'Seksi Kesra' } });
  });
  it('decides through decide.ts: a return needs a reason, the subject may not decide, a second click changes nothing', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_SUBMITTED');
    world.decisions.set('d1', pending('d1', OFFICE.self, OFFICE.rater));
    await expect(decideInSession(callers.rater, 'd1', 'return', ' ')).rejects.toThrow(/reason/i);
    await expect(decideInSession(callers.self, 'd1', 'approve', '')).rejects.toBeInstanceOf(ForbiddenError);
    expect(await decideInSession(callers.rater, 'd1', 'return', 'Perjelas target')).toMatchObject({ result: 'decided', outcome: 'return' });
    expect(world.evaluation(C, OFFICE.self)).toMatchObject({ status: 'SKP_RETURNED', skpNotes: 'Perjelas target' });
    expect(await decideInSession(callers.rater, 'd1', 'approve', '')).toMatchObject({ result: 'already' });
  });
  it('approves all listed decisions; one it may not decide is reported beside it, the rest go through', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_SUBMITTED');
    world.decisions.set('d1', pending('d1', OFFICE.self, OFFICE.rater));
    world.decisions.set('d2', pending('d2', OFFICE.peer, OFFICE.rater));
    world.decisions.set('d3', pending('d3', OFFICE.outsider, OFFICE.head));
    const r = await approveAll(callers.rater, ['d1', 'd3', 'd2']);
    expect(r.approved).toBe(2);
    expect(r.results.map((x) => x.result)).toEqual(['decided', 'failed', 'decided']);
    expect(world.evaluation(C, OFFICE.self)!.status).toBe('SKP_APPROVED');
    expect(world.evaluation(C, OFFICE.outsider)!.status).toBe('SKP_SUBMITTED');
  });
  it('an acting official (Plt) sees the delegator’s decisions, named as acting', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_SUBMITTED');
    world.decisions.set('d1', pending('d1', OFFICE.self, OFFICE.rater));
    world.delegations.push({
      agencyId: OFFICE.agency,
      delegatorNip: OFFICE.rater,
      delegateNip: OFFICE.peer,
      kind: 'plt',
      from: '2026-07-01',
      until: '2026-07-31',
      createdBy: OFFICE.hr,
      createdAt: '2026-07-01T00:00:00.000Z',
    });
    const r = await myDecisions(withAgency(callers.peer), 'id', C);
    expect(r.items).toEqual([
      expect.objectContaining({ decisionId: 'd1', acting: { kind: 'plt', forNip: OFFICE.rater, forName: `Pegawai ${OFFICE.rater.slice(-4)}` } }),
    ]);
    expect(await decideInSession(callers.peer, 'd1', 'approve', '')).toMatchObject({ result: 'decided' });
  });
});
