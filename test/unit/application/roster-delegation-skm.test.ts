/** Roster changes, delegation, the survey's HR use cases and the read rule, against in-memory ports. */
import { beforeEach, describe, expect, it } from 'vitest';
import { canViewEvaluation } from '../../../shared/application/authz';
import { usePorts } from '../../../shared/application/context';
import { activeDelegateOf, createDelegation } from '../../../shared/application/delegation/delegation';
import { ForbiddenError, StateError } from '../../../shared/application/errors';
import { handoverRater, joinEmployee, transferEmployee } from '../../../shared/application/roster/roster-changes';
import { listComments, moderateComment } from '../../../shared/application/skm/use-cases';
import { callers, type FakeWorld, fakePorts, OFFICE, seedOffice } from '../../support/fakes';

let world: FakeWorld;
beforeEach(() => {
  world = fakePorts();
  usePorts(world.ports);
});
const C = OFFICE.cycle;

describe('transferEmployee', () => {
  it('HR moves an employee to another rater; the roster follows', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    const out = await transferEmployee(C, OFFICE.self, { raterNip: OFFICE.head, reason: 'Mutasi' }, callers.hr, 't1');
    expect(out).toMatchObject({ outcome: 'applied', raterNip: OFFICE.head });
    expect(world.employees.get(OFFICE.self)!.raterNip).toBe(OFFICE.head);
  });
  it('a non-HR → Forbidden; HR moving their own evaluation → Forbidden', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    await expect(transferEmployee(C, OFFICE.self, { raterNip: OFFICE.head, reason: 'x' }, callers.rater, 't1')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(transferEmployee(C, OFFICE.hr, { raterNip: OFFICE.rater, reason: 'x' }, callers.hr, 't2')).rejects.toBeInstanceOf(ForbiddenError);
    expect(world.evaluation(C, OFFICE.hr)!.raterNip).toBe(OFFICE.head);
  });
});

describe('handoverRater', () => {
  it('HR hands a rater’s team to a successor', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    expect(await handoverRater(C, OFFICE.rater, OFFICE.outsider, 'Pensiun', callers.hr, 'h1')).toEqual({ from: OFFICE.rater, to: OFFICE.outsider, moved: 2 });
    expect(world.evaluation(C, OFFICE.peer)!.raterNip).toBe(OFFICE.outsider);
  });
  it('HR handing over a team they are in → Forbidden (their own evaluation would move)', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    await expect(handoverRater(C, OFFICE.head, OFFICE.rater, 'x', callers.hr, 'h1')).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('joinEmployee', () => {
  const JOINER = { nip: '199803142024012001', name: 'Baru', jabatan: 'Pelaksana', unitId: 'seksi-kesra', raterNip: OFFICE.rater, email: 'baru@example.go.id' };
  it('HR adds a joiner in planning: counted in the stage', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_DRAFT');
    expect(await joinEmployee(C, JOINER, callers.hr)).toEqual({ nip: JOINER.nip, created: true, catchingUp: false });
    expect(world.stages.get(`${C}#PLANNING`)!.total).toBe(11);
  });
  it('after mid-year → StateError; a non-HR → Forbidden', async () => {
    await seedOffice(world, 'FINAL_SCORING', 'AWAITING_RATING');
    await expect(joinEmployee(C, JOINER, callers.hr)).rejects.toBeInstanceOf(StateError);
    await expect(joinEmployee(C, JOINER, callers.rater)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('createDelegation', () => {
  it('an official names a Plh, who is told; the delegation is active on its days', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_DRAFT');
    await createDelegation(OFFICE.agency, { delegateNip: OFFICE.peer, kind: 'plh', from: '2026-07-01', until: '2026-07-31' }, callers.rater);
    expect(world.sent.map((m) => m.subject)).toEqual(['delegation delegate', 'delegation delegator']);
    expect(await activeDelegateOf(OFFICE.agency, OFFICE.rater)).toBe(OFFICE.peer);
  });
  it('for someone else’s authority, without HR → Forbidden', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_DRAFT');
    await expect(
      createDelegation(
        OFFICE.agency,
        { delegatorNip: OFFICE.head, delegateNip: OFFICE.peer, kind: 'plt', from: '2026-07-01', until: '2026-07-31' },
        callers.rater,
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('SKM moderation', () => {
  beforeEach(() => {
    world.comments.set('k1', {
      commentId: 'k1',
      agencyId: OFFICE.agency,
      unitId: 'kel-tambak',
      period: '2026-07',
      responseId: 'r1',
      text: 'Ramah <b>',
      answers: [4, 4, 4, 4, 4, 4, 4, 4, 4],
      namedNips: [OFFICE.outsider],
      redactions: 0,
      status: 'PENDING',
      createdAt: '2026-07-05T00:00:00Z',
    });
  });
  it('HR lists and approves; the named employee on the roster is linked', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_DRAFT');
    const list = await listComments(callers.hr, OFFICE.agency, { status: 'PENDING', limit: 20 });
    expect(list.items.map((c) => c.textHtml)).toEqual(['Ramah &#60;b&#62;']);
    const out = await moderateComment(callers.hr, OFFICE.agency, 'k1', { decision: 'approve' }, 'c1');
    expect(out).toMatchObject({ replayed: false, comment: { status: 'APPROVED', linkedNips: [OFFICE.outsider] } });
  });
  it('a non-HR → Forbidden', async () => {
    await expect(listComments(callers.rater, OFFICE.agency, { status: 'PENDING', limit: 20 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(moderateComment(callers.rater, OFFICE.agency, 'k1', { decision: 'approve' }, 'c1')).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('canViewEvaluation', () => {
  const e = { nip: OFFICE.self, raterNip: OFFICE.rater, approverNip: OFFICE.head };
  const cycle = { agencyId: OFFICE.agency };
  it('the employee, rater, approver and HR of the agency', () => {
    for (const c of [callers.self, callers.rater, callers.head, callers.hr]) expect(canViewEvaluation(c, e, cycle)).toBe(true);
  });
  it('not a colleague, nor HR of another agency, nor HR without a cycle', () => {
    expect(canViewEvaluation(callers.peer, e, cycle)).toBe(false);
    expect(canViewEvaluation({ ...callers.hr, agencyId: 'other' }, e, cycle)).toBe(false);
    expect(canViewEvaluation(callers.hr, e, undefined)).toBe(false);
  });
});
