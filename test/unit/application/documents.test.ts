import { beforeEach, describe, expect, it } from 'vitest';
import {
  acknowledgeCoachingSession,
  getCoachingPlan,
  listCoachingPlans,
  openCoachingPlans,
  recordCoachingSession,
} from '../../../shared/application/coaching/coaching';
import { runDocumentJob } from '../../../shared/application/documents/job';
import { documentOnDemand, downloadDocument, listDocuments, penetapanOnDemand, verifyDocument } from '../../../shared/application/documents/queries';
import type { EvaluationRecord } from '../../../shared/domain/records';
import { fakeDocumentPorts } from '../../support/documents-fakes';
import { callers, type FakeWorld, fakePorts, OFFICE, seedOffice } from '../../support/fakes';

let world: FakeWorld;
let d: ReturnType<typeof fakeDocumentPorts>;

const low: Partial<EvaluationRecord> = {
  predikat: 'BUTUH_PERBAIKAN',
  score: {
    rhk: [{ rhkId: 'rhk-1', jenis: 'utama', achievement: 70, indicators: [], proposed: 'DI_BAWAH', final: 'DI_BAWAH', competencies: [] }],
    resultsRating: 'DI_BAWAH',
    behaviour: { proposed: 'SESUAI', final: 'SESUAI', perValue: [] },
    predikat: 'BUTUH_PERBAIKAN',
    weaknesses: { rhkIds: ['rhk-1'], values: [] },
  },
};
const good: Partial<EvaluationRecord> = { ...low, predikat: 'BAIK', score: { ...low.score, predikat: 'BAIK', weaknesses: { rhkIds: [], values: [] } } };

beforeEach(async () => {
  world = fakePorts('2027-01-20T03:00:00.000Z');
  await seedOffice(world, 'FOLLOW_UP', 'FINAL', {
    [OFFICE.self]: low,
    [OFFICE.peer]: good,
    [OFFICE.rater]: good,
    [OFFICE.head]: good,
    [OFFICE.hr]: good,
    [OFFICE.outsider]: good,
  });
  d = fakeDocumentPorts(world);
});

const cycle = () => world.cycles.get(OFFICE.cycle)!;

describe('documents use cases', () => {
  it('a document is made once per content: the same content returns the current one; a change supersedes it', async () => {
    const first = await documentOnDemand(callers.self, OFFICE.cycle, OFFICE.self, 'SKP');
    expect(first.created).toBe(true);
    expect(first.document).toMatchObject({ kind: 'SKP', status: 'CURRENT', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(world.objects.get(d.docs.get(first.document.code)!.fileKey)).toMatchObject({ contentType: 'application/pdf' });
    expect(d.docs.get(first.document.code)!.fileKey).toMatch(/^documents\/kec-asemrowo-2026\/199001012015031001\/skp-[A-Za-z0-9]+\.pdf$/);
    const again = await documentOnDemand(callers.rater, OFFICE.cycle, OFFICE.self, 'SKP');
    expect(again).toMatchObject({ created: false, document: { code: first.document.code } });
    expect(d.rendered).toHaveLength(1);

    world.evaluations.set(`${OFFICE.cycle}#${OFFICE.self}`, { ...world.evaluation(OFFICE.cycle, OFFICE.self)!, name: 'Nama Baru' });
    world.employees.delete(OFFICE.self);
    const changed = await documentOnDemand(callers.self, OFFICE.cycle, OFFICE.self, 'SKP');
    expect(changed.created).toBe(true);
    expect(changed.document.code).not.toBe(first.document.code);
    expect(await verifyDocument(first.document.code)).toMatchObject({
      found: true,
      state: 'SUPERSEDED',
      text: { id: 'diganti' },
      document: { currentCode: changed.document.code },
    });
    expect(await verifyDocument(changed.document.code)).toMatchObject({ state: 'CURRENT', text: { id: 'asli / berlaku' } });
    expect(await verifyDocument('NOPE0000NOPE0000')).toMatchObject({ found: false });
    expect(await verifyDocument('../../etc')).toMatchObject({ found: false });
  });

  it('before its data is final a document is a DRAFT', async () => {
    world.evaluations.set(`${OFFICE.cycle}#${OFFICE.self}`, { ...world.evaluation(OFFICE.cycle, OFFICE.self)!, status: 'RESULT_ISSUED' });
    const out = await documentOnDemand(callers.self, OFFICE.cycle, OFFICE.self, 'EVALUASI_TAHUNAN');
    expect(out.document.draft).toBe(true);
    expect(out.document.fileName).toMatch(/-DRAFT\.pdf$/);
  });

  it('whoever may see the evaluation may list and download its documents; nobody else', async () => {
    const { document } = await documentOnDemand(callers.self, OFFICE.cycle, OFFICE.self, 'SKP');
    for (const c of [callers.self, callers.rater, callers.head, callers.hr]) {
      expect((await downloadDocument(c, document.code)).url).toContain(`name=${encodeURIComponent(document.fileName)}`);
      expect((await listDocuments(c, OFFICE.cycle, OFFICE.self)).map((x) => x.code)).toEqual([document.code]);
    }
    for (const c of [callers.peer, callers.outsider]) {
      await expect(downloadDocument(c, document.code)).rejects.toMatchObject({ name: 'ForbiddenError' });
      await expect(listDocuments(c, OFFICE.cycle, OFFICE.self)).rejects.toMatchObject({ name: 'ForbiddenError' });
    }
  });

  it('Penetapan Predikat: HR only, per unit or for the organisation', async () => {
    await expect(penetapanOnDemand(callers.head, OFFICE.cycle, 'seksi-kesra')).rejects.toMatchObject({ name: 'ForbiddenError' });
    const unit = await penetapanOnDemand(callers.hr, OFFICE.cycle, 'seksi-kesra');
    const org = await penetapanOnDemand(callers.hr, OFFICE.cycle, undefined);
    expect(d.docs.get(unit.document.code)).toMatchObject({ subject: 'UNIT-seksi-kesra', kind: 'PENETAPAN_PREDIKAT' });
    expect(d.docs.get(org.document.code)).toMatchObject({ subject: 'ORG' });
    await expect(downloadDocument(callers.self, unit.document.code)).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(penetapanOnDemand(callers.hr, OFFICE.cycle, 'no-such-unit')).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('after FOLLOW_UP closes the job makes each annual evaluation and coaching record, then the Penetapan per unit and organisation', async () => {
    await openCoachingPlans(cycle(), [...world.evaluations.values()], '2027-01-20T03:00:00.000Z');
    const out = await runDocumentJob({ type: 'stage-closed', cycleId: OFFICE.cycle, stage: 'FOLLOW_UP' });
    const kinds = [...d.docs.values()].map((x) => `${x.kind}:${x.subject}`);
    expect(kinds.filter((k) => k.startsWith('EVALUASI_TAHUNAN'))).toHaveLength(6);
    expect(kinds.filter((k) => k.startsWith('CATATAN_PEMBINAAN'))).toEqual([`CATATAN_PEMBINAAN:${OFFICE.self}`]);
    expect(kinds).toContain('PENETAPAN_PREDIKAT:ORG');
    expect(out.generated).toBe(d.docs.size);
    // A retried job makes nothing new.
    expect((await runDocumentJob({ type: 'stage-closed', cycleId: OFFICE.cycle, stage: 'FOLLOW_UP' })).generated).toBe(0);
    // Stages that make nothing final make nothing.
    expect((await runDocumentJob({ type: 'stage-closed', cycleId: OFFICE.cycle, stage: 'CALIBRATION' })).generated).toBe(0);
  });
  it('under a quarterly policy: MIDYEAR makes no periodic document; a closed quarter makes one per evaluation that took part in it', async () => {
    const c = cycle();
    world.cycles.set(OFFICE.cycle, { ...c, schedule: { ...c.schedule, periodicEvaluation: 'quarterly' } });
    expect((await runDocumentJob({ type: 'stage-closed', cycleId: OFFICE.cycle, stage: 'MIDYEAR' })).generated).toBe(0);
    const self = world.evaluation(OFFICE.cycle, OFFICE.self)!;
    world.evaluations.set(`${OFFICE.cycle}#${OFFICE.self}`, {
      ...self,
      periods: {
        Q1: {
          periodId: 'Q1',
          label: { id: 'Triwulan I', en: 'Quarter I' },
          openedAt: '2026-03-31T17:00:00.000Z',
          review: { rating: 'SESUAI', rhkFeedback: [], valueFeedback: [], by: OFFICE.rater, at: '2026-04-08T02:00:00.000Z' },
        },
      },
    });
    const out = await runDocumentJob({ type: 'period-closed', cycleId: OFFICE.cycle, periodId: 'Q1' });
    expect(out.generated).toBe(1);
    const [doc] = [...d.docs.values()];
    expect(doc).toMatchObject({ kind: 'EVALUASI_PERIODIK', subject: OFFICE.self, variant: 'Triwulan I', draft: false });
    // Another quarter nobody took part in makes nothing; the same quarter again makes nothing new.
    expect((await runDocumentJob({ type: 'period-closed', cycleId: OFFICE.cycle, periodId: 'Q2' })).generated).toBe(0);
    expect((await runDocumentJob({ type: 'period-closed', cycleId: OFFICE.cycle, periodId: 'Q1' })).generated).toBe(0);
    // On demand, a period by id (the latest one by default).
    expect((await documentOnDemand(callers.self, OFFICE.cycle, OFFICE.self, 'EVALUASI_PERIODIK')).document.code).toBe(doc!.code);
    expect((await documentOnDemand(callers.self, OFFICE.cycle, OFFICE.self, 'EVALUASI_PERIODIK', 'Q1')).document.code).toBe(doc!.code);
    await expect(documentOnDemand(callers.self, OFFICE.cycle, OFFICE.self, 'EVALUASI_PERIODIK', 'Q3')).rejects.toMatchObject({ name: 'StateError' });
  });
});

describe('coaching use cases', () => {
  it('opens a plan for a final low predikat only, once', async () => {
    expect(await openCoachingPlans(cycle(), [...world.evaluations.values()], '2027-01-20T03:00:00.000Z')).toBe(1);
    expect(await openCoachingPlans(cycle(), [...world.evaluations.values()], '2027-01-20T03:00:00.000Z')).toBe(0);
    expect([...d.plans.keys()]).toEqual([`${OFFICE.cycle}#${OFFICE.self}`]);
  });

  it('the rater records a session, the employee acknowledges it; each asks for the coaching record again', async () => {
    await openCoachingPlans(cycle(), [...world.evaluations.values()], '2027-01-20T03:00:00.000Z');
    world.advance(10 * 86400_000);
    const plan = await recordCoachingSession(
      callers.rater,
      OFFICE.cycle,
      OFFICE.self,
      { heldOn: '2027-01-29', kind: 'session', notes: 'Target antara', actionIds: ['A1'] },
      'req-1',
    );
    expect(plan.sessions).toHaveLength(1);
    expect(plan.awaitingAcknowledgement).toBe(1);
    // The same request again records nothing new.
    expect(
      (
        await recordCoachingSession(
          callers.rater,
          OFFICE.cycle,
          OFFICE.self,
          { heldOn: '2027-01-29', kind: 'session', notes: 'Target antara', actionIds: ['A1'] },
          'req-1',
        )
      ).sessions,
    ).toHaveLength(1);
    await expect(acknowledgeCoachingSession(callers.rater, OFFICE.cycle, OFFICE.self, 'S1', undefined, 'r2')).rejects.toMatchObject({ name: 'ForbiddenError' });
    const acked = await acknowledgeCoachingSession(callers.self, OFFICE.cycle, OFFICE.self, 'S1', 'Setuju', 'r3');
    expect(acked.awaitingAcknowledgement).toBe(0);
    expect(d.jobs).toEqual([
      { type: 'coaching', cycleId: OFFICE.cycle, nip: OFFICE.self },
      { type: 'coaching', cycleId: OFFICE.cycle, nip: OFFICE.self },
    ]);
    expect(d.planAudit.map((a) => a.action)).toEqual(['COACHING_SESSION_RECORDED', 'COACHING_SESSION_ACKNOWLEDGED']);
    await expect(acknowledgeCoachingSession(callers.self, OFFICE.cycle, OFFICE.self, 'S9', undefined, 'r4')).rejects.toMatchObject({ name: 'RuleError' });
  });

  it('nobody records a session on their own plan, nor a colleague who is not the rater', async () => {
    await openCoachingPlans(cycle(), [...world.evaluations.values()], '2027-01-20T03:00:00.000Z');
    const session = { heldOn: '2027-01-20', kind: 'session' as const, notes: 'x', actionIds: [] };
    await expect(recordCoachingSession(callers.self, OFFICE.cycle, OFFICE.self, session, 'a')).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(recordCoachingSession(callers.peer, OFFICE.cycle, OFFICE.self, session, 'b')).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(recordCoachingSession({ ...callers.hr, nip: OFFICE.self }, OFFICE.cycle, OFFICE.self, session, 'c')).rejects.toMatchObject({
      name: 'ForbiddenError',
    });
    await expect(getCoachingPlan(callers.outsider, OFFICE.cycle, OFFICE.self)).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(recordCoachingSession(callers.rater, OFFICE.cycle, OFFICE.self, { ...session, heldOn: '2027-03-01' }, 'd')).rejects.toMatchObject({
      name: 'RuleError',
    });
  });

  it('HR sees open plans and, after the due day, the overdue ones; others may not', async () => {
    await openCoachingPlans(cycle(), [...world.evaluations.values()], '2027-01-20T03:00:00.000Z');
    expect((await listCoachingPlans(callers.hr, OFFICE.agency, {})).items.map((p) => p.nip)).toEqual([OFFICE.self]);
    expect((await listCoachingPlans(callers.hr, OFFICE.agency, { overdue: true })).items).toEqual([]);
    world.advance(40 * 86400_000);
    const overdue = await listCoachingPlans(callers.hr, OFFICE.agency, { overdue: true });
    expect(overdue.items.map((p) => [p.nip, p.overdue])).toEqual([[OFFICE.self, true]]);
    await expect(listCoachingPlans(callers.rater, OFFICE.agency, {})).rejects.toMatchObject({ name: 'ForbiddenError' });
  });
});
