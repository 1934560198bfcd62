/** Rater-bias use cases against in-memory ports: HR only, the analysis of stored evaluations, the acknowledgement written once and audited. */
import { beforeEach, describe, expect, it } from 'vitest';
import { usePorts } from '../../../shared/application/context';
import { ForbiddenError, NotFoundError, RuleError, StateError } from '../../../shared/application/errors';
import { acknowledgeRaterBias, ratedPersonOf, raterBiasOfCycle } from '../../../shared/application/rater-bias/rater-bias';
import type { Predikat } from '../../../shared/domain/ratings';
import type { EvaluationRecord } from '../../../shared/domain/records';
import { callers, type FakeWorld, fakePorts, OFFICE } from '../../support/fakes';

const C = OFFICE.cycle;
const LENIENT = '198001012005011002';
let world: FakeWorld;

function evaluation(nip: string, raterNip: string, predikat: Predikat, unitId = 'seksi-x'): EvaluationRecord {
  return {
    cycleId: C,
    nip,
    name: `Pegawai ${nip.slice(-4)}`,
    jabatan: 'Pelaksana',
    unitId,
    raterNip,
    isUnitHead: false,
    status: 'FINAL',
    version: 9,
    policyId: 'permenpanrb-6-2022/v1',
    predikat,
    score: {
      resultsRating: predikat === 'SANGAT_BAIK' ? 'DI_ATAS' : 'SESUAI',
      behaviour: { proposed: 'SESUAI', final: predikat === 'SANGAT_BAIK' ? 'DI_ATAS' : 'SESUAI' },
      results: { basis: 'rules', summary: {} as never },
      rhk: [{ rhkId: 'rhk-1', jenis: 'utama', achievement: 100, indicators: [], proposed: 'SESUAI', final: 'SESUAI', competencies: [] }],
    },
    updatedAt: '2027-01-20T00:00:00.000Z',
  };
}

beforeEach(async () => {
  world = fakePorts('2027-02-01T03:00:00.000Z');
  usePorts(world.ports);
  const { DEFAULT_SCHEDULE } = await import('../../../shared/domain/lifecycle/schedule');
  world.cycles.set(C, {
    cycleId: C,
    agencyId: OFFICE.agency,
    year: 2026,
    policyId: 'permenpanrb-6-2022/v1',
    status: 'COMPLETED',
    stage: 'FOLLOW_UP',
    version: 20,
    schedule: DEFAULT_SCHEDULE,
    createdAt: '2026-01-02T00:00:00.000Z',
  });
  world.units.set('seksi-x', { unitId: 'seksi-x', name: 'Seksi X' });
  world.employees.set(LENIENT, {
    nip: LENIENT,
    name: 'Ratna Lunak',
    jabatan: 'Kasi',
    unitId: 'seksi-x',
    isUnitHead: true,
    email: 'r@example.go.id',
    locale: 'id',
    competencies: [],
    jenis: 'PNS',
  });
  let n = 0;
  const nip = () => `19900101201501${String(1000 + n++)}`;
  for (let i = 0; i < 5; i++) world.evaluations.set(`${C}#x${i}`, evaluation(nip(), LENIENT, 'SANGAT_BAIK'));
  for (const r of ['197001011995031003', '197702062002031010', '198505052010012004']) {
    for (let i = 0; i < 10; i++)
      world.evaluations.set(`${C}#${r}${i}`, evaluation(nip(), r, i === 0 ? 'SANGAT_BAIK' : i === 1 ? 'BUTUH_PERBAIKAN' : 'BAIK', 'seksi-y'));
  }
  world.evaluations.set(`${C}#unrated`, { ...evaluation(nip(), LENIENT, 'BAIK'), predikat: null });
});

describe('raterBiasOfCycle', () => {
  it('HR sees the lenient rater flagged, with name, unit and the thresholds; unrated evaluations are left out', async () => {
    const out = await raterBiasOfCycle(callers.hr, C);
    expect(out.rated).toBe(35);
    const r = out.raters.find((x) => x.raterNip === LENIENT)!;
    expect(r).toMatchObject({ name: 'Ratna Lunak', unitName: 'Seksi X', teamSize: 5, flags: ['LENIENCY'] });
    expect(out.raters.filter((x) => x.raterNip !== LENIENT).every((x) => x.flags.length === 0)).toBe(true);
    expect(out.policy.minTeamSize).toBe(5);
  });

  it('changes no evaluation', async () => {
    const before = structuredClone([...world.evaluations.entries()]);
    await raterBiasOfCycle(callers.hr, C);
    expect([...world.evaluations.entries()]).toEqual(before);
  });

  it('not HR → Forbidden; an unknown cycle → NotFound', async () => {
    await expect(raterBiasOfCycle(callers.rater, C)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(raterBiasOfCycle(callers.hr, 'kec-asemrowo-1999')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reads the rater’s own previous cycle', async () => {
    world.cycles.set('kec-asemrowo-2025', { ...world.cycles.get(C)!, cycleId: 'kec-asemrowo-2025', year: 2025 });
    world.evaluations.set('kec-asemrowo-2025#a', { ...evaluation('199001012015011999', LENIENT, 'BAIK'), cycleId: 'kec-asemrowo-2025' });
    const r = (await raterBiasOfCycle(callers.hr, C)).raters.find((x) => x.raterNip === LENIENT)!;
    expect(r.previous).toEqual([{ cycleId: 'kec-asemrowo-2025', year: 2025, teamSize: 1, distribution: expect.objectContaining({ BAIK: 1 }) }]);
  });
});

describe('acknowledgeRaterBias', () => {
  it('writes the note once with an audit event; a retry of the same change is a replay; another is 409', async () => {
    const out = await acknowledgeRaterBias(callers.hr, C, LENIENT, '  Dibahas dengan penilai pada 3 Februari 2027  ', 'chg-1');
    expect(out).toMatchObject({
      replayed: false,
      acknowledgement: { raterNip: LENIENT, flags: ['LENIENCY'], note: 'Dibahas dengan penilai pada 3 Februari 2027' },
    });
    expect(world.audit.at(-1)).toMatchObject({ action: 'RATER_BIAS:ACKNOWLEDGE', actor: { nip: OFFICE.hr, role: 'hr' } });
    expect((await acknowledgeRaterBias(callers.hr, C, LENIENT, 'Dibahas dengan penilai pada 3 Februari 2027', 'chg-1')).replayed).toBe(true);
    await expect(acknowledgeRaterBias(callers.hr, C, LENIENT, 'Catatan lain', 'chg-2')).rejects.toBeInstanceOf(StateError);
    expect(world.audit.filter((a) => a.action === 'RATER_BIAS:ACKNOWLEDGE')).toHaveLength(1);
    const seen = (await raterBiasOfCycle(callers.hr, C)).raters.find((x) => x.raterNip === LENIENT)!;
    expect(seen.acknowledgement?.note).toBe('Dibahas dengan penilai pada 3 Februari 2027');
  });

  it.each([
    ['an empty note', LENIENT, '   ', RuleError],
    ['a rater without flags', '197001011995031003', 'Catatan', RuleError],
    ['a NIP that rated no one', '199912312020121001', 'Catatan', NotFoundError],
  ])('%s → rejected, nothing written', async (_name, rater, note, error) => {
    await expect(acknowledgeRaterBias(callers.hr, C, rater, note, 'c')).rejects.toBeInstanceOf(error);
    expect(world.acknowledgements.size).toBe(0);
  });

  it('HR never acknowledges flags about their own ratings; a non-HR never', async () => {
    await expect(acknowledgeRaterBias({ ...callers.hr, nip: LENIENT }, C, LENIENT, 'x', 'c')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(acknowledgeRaterBias(callers.rater, C, LENIENT, 'x', 'c')).rejects.toBeInstanceOf(ForbiddenError);
    expect(world.acknowledgements.size).toBe(0);
  });
});

describe('ratedPersonOf', () => {
  it('takes the proposal of the results from the RHK proposals, not the rater’s finals', () => {
    const e = evaluation('199001012015011777', LENIENT, 'SANGAT_BAIK');
    expect(ratedPersonOf(e)).toMatchObject({ results: 'DI_ATAS', proposedResults: 'SESUAI', behaviour: 'DI_ATAS', proposedBehaviour: 'SESUAI' });
    expect(ratedPersonOf({ ...e, predikat: null })).toBeUndefined();
    expect(ratedPersonOf({ ...e, isUnitHead: true })).not.toHaveProperty('proposedResults');
  });
});
