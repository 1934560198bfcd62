import { describe, expect, it } from 'vitest';
import {
  acknowledgeSession,
  addDays,
  addMonths,
  CoachingRuleError,
  isOverdue,
  needsCoaching,
  openCoachingPlan,
  recordSession,
} from '../../../shared/domain/coaching';
import { coachingPlan } from '../../support/documents-fixtures';
import { P } from '../../support/world';

const base = {
  cycleId: 'kec-asemrowo-2026',
  agencyId: 'kec-asemrowo',
  cycleYear: 2026,
  employee: { nip: P.self, name: 'Siti', jabatan: 'Pelaksana', unitId: 'seksi-kesra', raterNip: P.rater },
  weakRhk: [{ rhkId: 'rhk-1', description: 'Pembinaan posyandu' }],
  weakValues: ['AKUNTABEL' as const],
  openedOn: '2027-01-20',
  at: '2027-01-20T03:00:00.000Z',
  improvementPeriodMonths: 6,
};
const rater = { nip: P.rater, name: 'Rina' };

describe('coaching plan (spec §5)', () => {
  it.each([
    ['SANGAT_BAIK', false],
    ['BAIK', false],
    ['BUTUH_PERBAIKAN', true],
    ['KURANG', true],
    ['SANGAT_KURANG', true],
  ] as const)('%s opens a plan: %s', (predikat, opens) => {
    expect(needsCoaching(predikat)).toBe(opens);
    expect(openCoachingPlan({ ...base, predikat }) !== undefined).toBe(opens);
  });

  it('ties one agreed action to each weak RHK and each weak value, and takes the training the follow-up matched', () => {
    const plan = coachingPlan();
    expect(plan.actions.map((a) => a.target)).toEqual([
      { kind: 'rhk', rhkId: 'rhk-1', description: 'Pembinaan posyandu' },
      { kind: 'value', value: 'BERORIENTASI_PELAYANAN', description: 'Berorientasi Pelayanan' },
    ]);
    expect(plan.training.map((t) => t.programmeId)).toEqual(['kesehatan-masyarakat-wilayah']);
    expect(plan.nextSessionDue).toBe('2027-02-19');
  });

  it('re-checks at the first periodic evaluation of the next cycle (semester by default, quarterly when asked)', () => {
    expect(openCoachingPlan({ ...base, predikat: 'BUTUH_PERBAIKAN' })!.recheck).toEqual({ cycleYear: 2027, dueBy: '2027-06-30' });
    expect(openCoachingPlan({ ...base, predikat: 'BUTUH_PERBAIKAN', periodMonths: 3 })!.recheck.dueBy).toBe('2027-03-31');
  });

  it('gives Sangat Kurang the 6-month improvement period of PP 30/2019 Ps. 57 with its review date; others none', () => {
    expect(openCoachingPlan({ ...base, predikat: 'SANGAT_KURANG' })!.improvementPeriod).toEqual({ months: 6, start: '2027-01-20', reviewOn: '2027-07-20' });
    expect(openCoachingPlan({ ...base, predikat: 'KURANG' })!.improvementPeriod).toBeUndefined();
    // Month ends clamp: 31 August + 6 months is the last day of February.
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
  });

  it('a low predikat with no recorded weakness still gets one action', () => {
    expect(openCoachingPlan({ ...base, predikat: 'KURANG', weakRhk: [], weakValues: [] })!.actions).toHaveLength(1);
  });

  it('a session moves the next due date; the employee acknowledges it once; a re-check closes the plan', () => {
    const plan = coachingPlan();
    const s1 = recordSession(
      plan,
      { heldOn: '2027-02-10', kind: 'session', notes: 'Jadwal kunjungan', actionIds: ['A1'] },
      rater,
      'S1',
      '2027-02-11',
      '2027-02-11T01:00:00Z',
    );
    expect(s1.version).toBe(plan.version + 1);
    expect(s1.nextSessionDue).toBe('2027-03-12');
    const ack = acknowledgeSession(s1, 'S1', P.self, '2027-02-12T01:00:00Z', 'Setuju');
    expect(ack.sessions[0]).toMatchObject({ acknowledgedBy: P.self, employeeNote: 'Setuju' });
    expect(acknowledgeSession(ack, 'S1', P.self, '2027-02-13T01:00:00Z')).toBe(ack);
    const closed = recordSession(
      ack,
      { heldOn: '2027-06-20', kind: 'recheck', notes: 'Capaian membaik', actionIds: [], outcome: 'IMPROVED' },
      rater,
      'S2',
      '2027-06-21',
      '2027-06-21T01:00:00Z',
    );
    expect(closed).toMatchObject({ status: 'CLOSED', closedOn: '2027-06-20' });
    expect(closed.nextSessionDue).toBeUndefined();
    expect(() => recordSession(closed, { heldOn: '2027-06-22', kind: 'session', notes: 'x', actionIds: [] }, rater, 'S3', '2027-06-23', 'x')).toThrow(
      CoachingRuleError,
    );
  });

  it.each([
    [{ heldOn: '2027-03-01', kind: 'session', notes: 'x', actionIds: [] }, 'SESSION_IN_FUTURE'],
    [{ heldOn: '2027-01-01', kind: 'session', notes: 'x', actionIds: [] }, 'SESSION_BEFORE_PLAN'],
    [{ heldOn: '2027-02-01', kind: 'session', notes: 'x', actionIds: ['A9'] }, 'UNKNOWN_ACTION'],
    [{ heldOn: '2027-02-01', kind: 'recheck', notes: 'x', actionIds: [] }, 'RECHECK_NEEDS_OUTCOME'],
  ] as const)('refuses %o (%s)', (session, code) => {
    expect(() => recordSession(coachingPlan(), { ...session, actionIds: [...session.actionIds] }, rater, 'S1', '2027-02-10', 'x')).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it('is overdue once the due day has passed, never when closed', () => {
    const plan = coachingPlan();
    expect(isOverdue(plan, '2027-02-19')).toBe(false);
    expect(isOverdue(plan, '2027-02-20')).toBe(true);
    expect(isOverdue({ ...plan, status: 'CLOSED' }, '2030-01-01')).toBe(false);
  });
});
