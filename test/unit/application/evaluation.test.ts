/** The evaluation use cases against in-memory ports: one success and one refusal each. */
import { beforeEach, describe, expect, it } from 'vitest';
import { usePorts } from '../../../shared/application/context';
import { ForbiddenError } from '../../../shared/application/errors';
import {
  decide,
  fileObjection,
  giveFeedback,
  invitePeers,
  rateEvaluation,
  recordProgress,
  recordSelfAssessment,
  resolveCalibrationFlag,
  reviewMidyear,
  submitSkp,
} from '../../../shared/application/evaluation/actions';
import { callers, type FakeWorld, fakePorts, OFFICE, OFFICE_SKP, seedOffice } from '../../support/fakes';

let world: FakeWorld;
beforeEach(() => {
  world = fakePorts();
  usePorts(world.ports);
});
const { cycle: C, self: SELF } = OFFICE;
const RATING = { rhkRatings: [{ rhkId: 'rhk-1', rating: 'SESUAI' as const }], behaviourRating: { rating: 'SESUAI' as const } };

describe('submitSkp', () => {
  it('the employee submits their SKP: a decision for the rater, a digest mark', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_DRAFT');
    const out = await submitSkp(C, SELF, OFFICE_SKP, callers.self, 'r1');
    expect(out).toEqual({ status: 'SKP_SUBMITTED', outcome: 'applied' });
    const e = world.evaluation(C, SELF)!;
    expect(world.decisions.get(e.pendingDecisionId!)).toMatchObject({ kind: 'SKP_APPROVAL', recipientNip: OFFICE.rater, status: 'PENDING' });
    expect([...world.digestDue.keys()]).toEqual([`${C}#PLANNING#${OFFICE.rater}`]);
  });
  it('a colleague may not submit it → Forbidden, nothing written', async () => {
    await seedOffice(world, 'PLANNING', 'SKP_DRAFT');
    await expect(submitSkp(C, SELF, OFFICE_SKP, callers.peer, 'r1')).rejects.toBeInstanceOf(ForbiddenError);
    expect(world.evaluation(C, SELF)!.status).toBe('SKP_DRAFT');
  });
});

describe('recordProgress', () => {
  it('the employee records progress in the mid-year stage', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    expect(await recordProgress(C, SELF, [{ indicatorId: 'iki-1', value: 50 }], callers.self, 'p1')).toEqual({ status: 'MONITORING', outcome: 'applied' });
    expect(world.evaluation(C, SELF)!.progress).toEqual([{ indicatorId: 'iki-1', value: 50 }]);
  });
  it('the rater may not → Forbidden', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    await expect(recordProgress(C, SELF, [{ indicatorId: 'iki-1', value: 50 }], callers.rater, 'p1')).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('giveFeedback', () => {
  it('the rater gives feedback, kept per author', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    const out = await giveFeedback(C, SELF, [{ value: 'KOLABORATIF', rating: 'DI_ATAS' }], callers.rater, 'f1');
    expect(out).toEqual({ source: 'rater', outcome: 'applied' });
    expect(world.evaluation(C, SELF)!.feedback).toEqual({
      [OFFICE.rater]: [{ value: 'KOLABORATIF', rating: 'DI_ATAS', source: 'rater', fromNip: OFFICE.rater }],
    });
  });
  it('on oneself → Forbidden; an uninvited colleague → Forbidden', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    await expect(giveFeedback(C, SELF, [{ value: 'KOLABORATIF', rating: 'DI_ATAS' }], callers.self, 'f1')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(giveFeedback(C, SELF, [{ value: 'KOLABORATIF', rating: 'DI_ATAS' }], callers.peer, 'f2')).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('invitePeers', () => {
  it('the rater invites a colleague, who may then give feedback', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    world.advance(-3 * 86_400_000); // before the stage's deadline
    expect(await invitePeers(C, SELF, [OFFICE.peer], callers.rater, 'i1')).toMatchObject({ invited: [OFFICE.peer], outcome: 'applied' });
    expect(await giveFeedback(C, SELF, [{ value: 'ADAPTIF', rating: 'SESUAI' }], callers.peer, 'f1')).toEqual({ source: 'peer', outcome: 'applied' });
  });
  it('a colleague may not invite → Forbidden', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    await expect(invitePeers(C, SELF, [OFFICE.outsider], callers.peer, 'i1')).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('recordSelfAssessment', () => {
  it('the employee assesses themself, per stage', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    expect(await recordSelfAssessment(C, SELF, { summary: 'Baik' }, callers.self, 's1')).toEqual({
      status: 'MONITORING',
      stage: 'MIDYEAR',
      outcome: 'applied',
    });
    expect(world.evaluation(C, SELF)!.selfAssessment?.MIDYEAR).toMatchObject({ summary: 'Baik' });
  });
  it('HR may not do it for them → Forbidden', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    await expect(recordSelfAssessment(C, SELF, { summary: 'Baik' }, callers.hr, 's1')).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('reviewMidyear', () => {
  it('the rater reviews; the stage counter moves', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    expect(await reviewMidyear(C, SELF, { rating: 'SESUAI', notes: 'Lanjutkan' }, callers.rater, 'm1')).toEqual({
      status: 'MIDYEAR_REVIEWED',
      outcome: 'applied',
    });
    expect(world.stages.get(`${C}#MIDYEAR`)!.done).toBe(2);
  });
  it('the employee may not review themself → Forbidden', async () => {
    await seedOffice(world, 'MIDYEAR', 'MONITORING');
    await expect(reviewMidyear(C, SELF, { rating: 'DI_ATAS', notes: 'Saya hebat' }, callers.self, 'm1')).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('rateEvaluation', () => {
  it('the rater rates; the predikat is the engine’s', async () => {
    await seedOffice(world, 'FINAL_SCORING', 'AWAITING_RATING');
    const out = await rateEvaluation(C, SELF, RATING, callers.rater, 'r1');
    expect(out).toMatchObject({ status: 'RATED', outcome: 'applied' });
    expect(world.evaluation(C, SELF)!.predikat).toBe((out as { predikat: string }).predikat);
  });
  it('HR may rate someone else, but never their own evaluation (issue #12) → Forbidden, nothing written', async () => {
    await seedOffice(world, 'FINAL_SCORING', 'AWAITING_RATING');
    await expect(rateEvaluation(C, OFFICE.hr, RATING, callers.hr, 'r1')).rejects.toBeInstanceOf(ForbiddenError);
    expect(world.evaluation(C, OFFICE.hr)!.status).toBe('AWAITING_RATING');
    expect(await rateEvaluation(C, SELF, RATING, callers.hr, 'r2')).toMatchObject({ status: 'RATED' });
  });
});

describe('fileObjection', () => {
  it('the employee objects: a decision for the approver, counted in the objection stage', async () => {
    await seedOffice(world, 'OBJECTION', 'RESULT_ISSUED');
    expect(await fileObjection(C, SELF, { reason: 'Tidak sesuai' }, callers.self, 'o1')).toEqual({ status: 'OBJECTED', outcome: 'applied' });
    expect(world.decisions.get(world.evaluation(C, SELF)!.pendingDecisionId!)).toMatchObject({ kind: 'OBJECTION', recipientNip: OFFICE.head });
  });
  it('nobody objects on someone’s behalf → Forbidden', async () => {
    await seedOffice(world, 'OBJECTION', 'RESULT_ISSUED');
    await expect(fileObjection(C, SELF, { reason: 'x' }, callers.hr, 'o1')).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('decide', () => {
  async function pendingSkp(recipientNip: string) {
    await seedOffice(world, 'PLANNING', 'SKP_SUBMITTED');
    world.decisions.set('d1', {
      decisionId: 'd1',
      kind: 'SKP_APPROVAL',
      cycleId: C,
      stage: 'PLANNING',
      subjectNip: SELF,
      recipientNip,
      status: 'PENDING',
      createdAt: '2026-07-01T00:00:00Z',
    });
  }
  it('the recipient approves; a second decision has no second effect', async () => {
    await pendingSkp(OFFICE.rater);
    expect((await decide('d1', 'approve', '', OFFICE.rater)).kind).toBe('decided');
    expect(world.evaluation(C, SELF)!.status).toBe('SKP_APPROVED');
    expect((await decide('d1', 'return', 'x', OFFICE.rater)).kind).toBe('already');
  });
  it('someone else → Forbidden; a Plt/Plh who is the subject → Forbidden', async () => {
    await pendingSkp(OFFICE.rater);
    await expect(decide('d1', 'approve', '', OFFICE.peer)).rejects.toBeInstanceOf(ForbiddenError);
    world.delegations.push({
      agencyId: OFFICE.agency,
      delegatorNip: OFFICE.rater,
      delegateNip: SELF,
      kind: 'plh',
      from: '2026-07-01',
      until: '2026-07-31',
      createdBy: OFFICE.rater,
      createdAt: 'x',
    });
    await expect(decide('d1', 'approve', '', SELF)).rejects.toBeInstanceOf(ForbiddenError);
    expect(world.evaluation(C, SELF)!.status).toBe('SKP_SUBMITTED');
  });
  it('an escalation superior who is the subject → Forbidden', async () => {
    await pendingSkp(OFFICE.rater);
    world.decisions.set('d1', { ...world.decisions.get('d1')!, escalatedTo: [SELF] });
    await expect(decide('d1', 'approve', '', SELF)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('resolveCalibrationFlag', () => {
  it('HR resolves a flag once', async () => {
    await seedOffice(world, 'CALIBRATION', 'RATED');
    world.calibrations.set(`${C}#seksi-kesra`, {
      cycleId: C,
      unitId: 'seksi-kesra',
      at: 'x',
      distribution: {} as never,
      violations: [],
      flagged: true,
      resolved: false,
    });
    expect(await resolveCalibrationFlag(C, 'seksi-kesra', 'Wajar', callers.hr)).toEqual({ resolved: true, already: false });
    expect(await resolveCalibrationFlag(C, 'seksi-kesra', 'Wajar', callers.hr)).toEqual({ resolved: true, already: true });
  });
  it('anyone else → Forbidden', async () => {
    await seedOffice(world, 'CALIBRATION', 'RATED');
    await expect(resolveCalibrationFlag(C, 'seksi-kesra', 'Wajar', callers.head)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
