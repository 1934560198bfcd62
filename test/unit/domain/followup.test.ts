import { describe, expect, it } from 'vitest';
import {
  BERAKHLAK,
  type ConsequenceCode,
  type EmployeeEvaluation,
  evaluateEmployee,
  FollowUpSchema,
  followUpFor,
  type Predikat,
  type Rating,
  sampleTrainingCatalogue,
  TrainingProgrammeSchema,
} from '../../../shared/domain';
import { employee, main, policy, workedExample } from './fixtures';

const A = 'DI_ATAS' as const;
const S = 'SESUAI' as const;
const B = 'DI_BAWAH' as const;

/** An evaluation with the given RHK ratings, value ratings and RHK competencies. */
function evaluation(rhk: Rating[], values: Rating[], competencies: string[][] = []): EmployeeEvaluation {
  const input = employee(main(...rhk), values);
  input.skp.rhk.forEach((r, i) => competencies[i] && (r.competencies = competencies[i]));
  return evaluateEmployee(input, policy);
}

describe('consequences per predikat (configurable in the policy)', () => {
  it.each<[Predikat, Rating[], Rating[], ConsequenceCode[]]>([
    ['SANGAT_BAIK', [A], [A, A, A, A, S, S, S], ['RECOGNITION', 'TALENT_POOL_CANDIDATE', 'TRAINING_PRIORITY']],
    ['BAIK', [S], [S, S, S, S, S, S, S], []],
    ['BUTUH_PERBAIKAN', [B], [S, S, S, S, S, S, S], ['COACHING_PLAN', 'MATCHED_TRAINING']],
    ['KURANG', [S], [B, B, B, B, S, S, S], ['COUNSELLING', 'DISCIPLINARY_REVIEW']],
    ['SANGAT_KURANG', [B], [B, B, B, B, S, S, S], ['IMPROVEMENT_PERIOD']],
  ])('%s → %j', (predikat, rhk, values, codes) => {
    const ev = evaluation(rhk, values);
    expect(ev.predikat).toBe(predikat);
    const followUp = followUpFor(ev, { competencies: [] }, sampleTrainingCatalogue, policy);
    expect(followUp.consequences.map((c) => c.code)).toEqual(codes);
    expect(FollowUpSchema.parse(followUp)).toEqual(followUp);
  });

  it('gives the improvement period its length (PP 30/2019 Ps. 57: 6 months)', () => {
    const followUp = followUpFor(evaluation([B], [B, B, B, B, S, S, S]), { competencies: [] }, sampleTrainingCatalogue, policy);
    expect(followUp.consequences[0]).toMatchObject({ code: 'IMPROVEMENT_PERIOD', months: 6, label: { id: 'Masa perbaikan kinerja, lalu ditinjau kembali' } });
  });

  it('recommends no training where the policy attaches none (Sangat Baik: the worked example)', () => {
    const followUp = followUpFor(evaluateEmployee(workedExample, policy), { competencies: ['layanan-digital'] }, sampleTrainingCatalogue, policy);
    expect(followUp.consequences.map((c) => c.label.en)).toEqual(['Recognition', 'Candidate for the talent pool', 'Priority for training']);
    expect(followUp.training).toEqual([]);
  });
});

describe('training matched to weaknesses (Butuh Perbaikan)', () => {
  it('sends the IT officer with a weak digital-service RHK to digital-service training', () => {
    const ev = evaluation([B, S], [S, S, S, S, S, S, S], [['layanan-digital', 'pengelolaan-aplikasi'], ['kearsipan']]);
    const followUp = followUpFor(ev, { competencies: ['layanan-digital'], jabatan: 'Pranata Komputer Ahli Pertama' }, sampleTrainingCatalogue, policy);
    expect(followUp.training.map((t) => t.programmeId)).toEqual(['digital-layanan-publik']);
    expect(followUp.training[0]!.reasons).toEqual([{ kind: 'rhk', rhkId: 'rhk-1', competencies: ['layanan-digital', 'pengelolaan-aplikasi'] }]);
    expect(followUp.unmatched).toEqual({ rhkIds: [], values: [] });
  });

  it("matches an untagged weak RHK by the employee's own competencies: the health-programme officer", () => {
    const ev = evaluation([B], [B, S, S, S, S, S, S]); // weak RHK and weak Berorientasi Pelayanan
    const followUp = followUpFor(ev, { competencies: ['kesehatan-masyarakat'], jabatan: 'Pengelola Program Kesehatan' }, sampleTrainingCatalogue, policy);
    // One programme covers both weaknesses.
    expect(followUp.training.map((t) => t.programmeId)).toEqual(['kesehatan-masyarakat-wilayah']);
    expect(followUp.training[0]!.reasons.map((r) => r.kind)).toEqual(['rhk', 'value']);
  });

  it('covers several weak values with as few programmes as possible', () => {
    const ev = evaluation([B], [S, S, S, B, S, S, B]); // Harmonis and Kolaboratif weak
    const followUp = followUpFor(ev, { competencies: [] }, sampleTrainingCatalogue, policy);
    expect(followUp.training.map((t) => t.programmeId)).toEqual(['kolaborasi-tim']);
    expect(followUp.unmatched).toEqual({ rhkIds: ['rhk-1'], values: [] }); // no competency to match the RHK by
  });

  it('reports a weakness the catalogue cannot address', () => {
    const ev = evaluation([B], [S, S, S, S, S, S, S], [['hukum-pertanahan']]);
    expect(followUpFor(ev, { competencies: [] }, sampleTrainingCatalogue, policy)).toMatchObject({ training: [], unmatched: { rhkIds: ['rhk-1'] } });
  });

  it('recommends at most the policy maximum (3)', () => {
    const ev = evaluation(
      [B, B, B, B],
      [S, S, S, S, S, S, S],
      [['kearsipan'], ['ketenteraman-ketertiban'], ['perencanaan-anggaran'], ['kesehatan-masyarakat']],
    );
    const followUp = followUpFor(ev, { competencies: [] }, sampleTrainingCatalogue, policy);
    expect(followUp.training).toHaveLength(3);
    expect(followUp.unmatched.rhkIds).toHaveLength(1);
  });
});

describe('the sample catalogue for Kecamatan Asemrowo', () => {
  it('is valid, with unique ids', () => {
    for (const p of sampleTrainingCatalogue) expect(TrainingProgrammeSchema.parse(p)).toEqual(p);
    expect(new Set(sampleTrainingCatalogue.map((p) => p.id)).size).toBe(sampleTrainingCatalogue.length);
  });

  it('develops every BerAKHLAK value', () => {
    for (const v of BERAKHLAK)
      expect(
        sampleTrainingCatalogue.some((p) => p.values.includes(v.value)),
        v.value,
      ).toBe(true);
  });

  it.each([
    ['digital-service training for IT staff', 'layanan-digital'],
    ['public-health programme training', 'kesehatan-masyarakat'],
    ['service excellence', 'pelayanan-prima'],
    ['administration and archives', 'kearsipan'],
    ['leadership', 'kepemimpinan'],
  ])('offers %s', (_, competency) => {
    expect(sampleTrainingCatalogue.some((p) => p.competencies.includes(competency))).toBe(true);
  });
});
