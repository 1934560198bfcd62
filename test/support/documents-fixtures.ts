/** A small, complete set of records for the document builders and layouts: one employee through the whole cycle. */
import { type CoachingPlan, openCoachingPlan } from '../../shared/domain/coaching';
import type { DocumentContext } from '../../shared/domain/documents';
import type { AuditEvent, CalibrationRecord, EmployeeRecord, EvaluationRecord } from '../../shared/domain/records';

// The world's people and SKP (test/support/world.ts), repeated here: world.ts loads the memory table,
// which mocks the DynamoDB client — integration tests that use these fixtures must not load it.
export const AGENCY = 'kec-asemrowo';
export const CYCLE = `${AGENCY}-2026`;
export const P = {
  head: '197001011995031003',
  rater: '198001012005011002',
  self: '199001012015031001',
  peer: '199202022018032005',
  hr: '197702062002031010',
} as const;
const SKP = {
  nip: P.self,
  period: { start: '2026-01-01', end: '2026-12-31' },
  rhk: [
    {
      id: 'rhk-1',
      jenis: 'utama',
      description: 'Pembinaan posyandu',
      parentRhkId: 'rhk-atasan-1',
      indicators: [
        { id: 'iki-1', description: 'Posyandu aktif', target: { kind: 'quantitative', value: 90, unit: 'persen', direction: 'higherIsBetter' } },
        { id: 'iki-2', description: 'Laporan tepat waktu', target: { kind: 'qualitative', expectation: 'Paling lambat tanggal 10' } },
      ],
    },
  ],
};

const person = (nip: string, name: string, jabatan: string, unitId: string, raterNip?: string, pangkat?: string): EmployeeRecord => ({
  nip,
  name,
  jabatan,
  unitId,
  ...(raterNip ? { raterNip } : {}),
  ...(pangkat ? { pangkat } : {}),
  isUnitHead: false,
  email: `${nip}@example.go.id`,
  locale: 'id',
  competencies: ['kesehatan-masyarakat'],
  jenis: 'PNS',
});

export const docPeople = new Map<string, EmployeeRecord>([
  // The Camat has no pangkat in this roster: the documents print "-" for it.
  [P.self, person(P.self, 'Siti Rahmawati', 'Pengelola Kesehatan Masyarakat', 'seksi-kesra', P.rater, 'Penata Muda Tk. I (III/b)')],
  [P.rater, person(P.rater, 'Rina Kartika', 'Kepala Seksi Kesejahteraan Rakyat', 'seksi-kesra', P.head, 'Penata Tk. I (III/d)')],
  [P.head, person(P.head, 'Drs. Bambang Sutrisno', 'Camat Asemrowo', 'kecamatan')],
  [P.peer, person(P.peer, 'Dedi Kurniawan', 'Pengadministrasi Umum', 'seksi-kesra', P.rater)],
]);
export const docUnits = new Map([
  ['kecamatan', 'Kecamatan Asemrowo'],
  ['seksi-kesra', 'Seksi Kesejahteraan Rakyat'],
]);

export const docContext: DocumentContext = {
  agencyName: 'Kecamatan Asemrowo, Kota Surabaya',
  place: 'Surabaya',
  cycle: { cycleId: CYCLE, year: 2026, orgPredikat: 'BAIK' },
  people: docPeople,
  unitNames: docUnits,
};

export const finalEvaluation: EvaluationRecord = {
  cycleId: CYCLE,
  nip: P.self,
  name: 'Siti Rahmawati',
  jabatan: 'Pengelola Kesehatan Masyarakat',
  unitId: 'seksi-kesra',
  raterNip: P.rater,
  approverNip: P.head,
  isUnitHead: false,
  status: 'FINAL',
  version: 12,
  policyId: 'permenpanrb-6-2022',
  skp: {
    ...SKP,
    specialExpectations: [{ value: 'BERORIENTASI_PELAYANAN', text: 'Menindaklanjuti setiap keluhan posyandu dalam 2 hari kerja' }],
  } as EvaluationRecord['skp'],
  progress: [
    { indicatorId: 'iki-1', value: 42.5, evidence: ['https://drive.example.go.id/posyandu-q2.pdf'] },
    { indicatorId: 'iki-2', judgement: 'SESUAI' },
  ],
  realisations: [
    { indicatorId: 'iki-1', value: 72 },
    { indicatorId: 'iki-2', judgement: 'SESUAI' },
  ],
  feedback: {
    [P.rater]: [{ authorNip: P.rater, role: 'rater', value: 'BERORIENTASI_PELAYANAN', rating: 'DI_BAWAH', comment: 'Respons keluhan lambat' }],
  } as unknown as EvaluationRecord['feedback'],
  midyearReview: { rating: 'DI_BAWAH', notes: 'Capaian posyandu aktif baru 42,5%; perlu jadwal kunjungan mingguan.', at: '2026-07-10T02:30:00.000Z' },
  score: {
    rhk: [{ rhkId: 'rhk-1', jenis: 'utama', achievement: 80, indicators: [], proposed: 'DI_BAWAH', final: 'DI_BAWAH', competencies: [] }],
    resultsRating: 'DI_BAWAH',
    behaviour: { proposed: 'SESUAI', final: 'SESUAI', perValue: [{ value: 'BERORIENTASI_PELAYANAN', rating: 'DI_BAWAH' }] } as never,
    predikat: 'BUTUH_PERBAIKAN',
    weaknesses: { rhkIds: ['rhk-1'], values: ['BERORIENTASI_PELAYANAN'] },
  },
  predikat: 'BUTUH_PERBAIKAN',
  followUp: {
    policyId: 'permenpanrb-6-2022',
    nip: P.self,
    predikat: 'BUTUH_PERBAIKAN',
    consequences: [{ code: 'COACHING_PLAN', label: { id: 'Rencana coaching/konseling kinerja', en: 'Coaching or counselling plan' } }],
    training: [
      {
        programmeId: 'kesehatan-masyarakat-wilayah',
        title: { id: 'Pengelolaan Program Kesehatan Masyarakat', en: 'x' },
        provider: 'Dinas Kesehatan Kota Surabaya',
        hours: 32,
        reasons: [],
      },
    ],
    unmatched: { rhkIds: [], values: [] },
  },
  updatedAt: '2027-01-20T03:00:00.000Z',
};

export const docAudit: AuditEvent[] = [
  { eventId: 'a1', at: '2026-01-20T02:00:00.000Z', actor: { nip: P.rater, role: 'approver' }, action: 'SKP_APPROVAL:APPROVE' },
  { eventId: 'a2', at: '2027-01-12T03:15:00.000Z', actor: { nip: P.head, role: 'approver' }, action: 'EVALUATION_APPROVAL:APPROVE' },
];

export const unitCalibration: CalibrationRecord = {
  cycleId: CYCLE,
  unitId: 'seksi-kesra',
  at: '2027-01-05T01:00:00.000Z',
  distribution: {
    scope: 'unit',
    unitId: 'seksi-kesra',
    size: 2,
    counts: { SANGAT_BAIK: 0, BAIK: 1, BUTUH_PERBAIKAN: 1, KURANG: 0, SANGAT_KURANG: 0 },
    status: 'OK',
    checks: [
      {
        predikats: ['BAIK'],
        bound: { max: { percent: 70 } } as never,
        rule: { id: 'Baik paling banyak 70%', en: 'Baik at most 70%' },
        actual: 1,
        status: 'OK',
        message: { id: 'ok', en: 'ok' },
      },
    ],
  },
  violations: [],
  flagged: false,
  resolved: false,
};

export const peerEvaluation: EvaluationRecord = { ...finalEvaluation, nip: P.peer, name: 'Dedi Kurniawan', jabatan: 'Pengadministrasi Umum', predikat: 'BAIK' };

export function coachingPlan(): CoachingPlan {
  return openCoachingPlan({
    cycleId: CYCLE,
    agencyId: AGENCY,
    cycleYear: 2026,
    employee: { nip: P.self, name: 'Siti Rahmawati', jabatan: 'Pengelola Kesehatan Masyarakat', unitId: 'seksi-kesra', raterNip: P.rater },
    predikat: 'BUTUH_PERBAIKAN',
    weakRhk: [{ rhkId: 'rhk-1', description: 'Pembinaan posyandu' }],
    weakValues: ['BERORIENTASI_PELAYANAN'],
    followUp: finalEvaluation.followUp,
    openedOn: '2027-01-20',
    at: '2027-01-20T03:00:00.000Z',
    improvementPeriodMonths: 6,
  })!;
}

/** The rater's own evaluation: her SKP holds the RHK the employee's RHK supports (rhk-atasan-1). */
export const raterEvaluation: EvaluationRecord = {
  ...finalEvaluation,
  nip: P.rater,
  name: 'Rina Kartika',
  jabatan: 'Kepala Seksi Kesejahteraan Rakyat',
  raterNip: P.head,
  predikat: 'BAIK',
  skp: {
    nip: P.rater,
    period: { start: '2026-01-01', end: '2026-12-31' },
    rhk: [
      {
        id: 'rhk-atasan-1',
        jenis: 'utama',
        description: 'Meningkatnya cakupan layanan kesehatan dasar di Kecamatan Asemrowo',
        indicators: [
          { id: 'iki-a1', description: 'Cakupan layanan', target: { kind: 'quantitative', value: 95, unit: 'persen', direction: 'higherIsBetter' } },
        ],
      },
    ],
  } as EvaluationRecord['skp'],
};

/** The same employee under a quarterly policy: Triwulan I reviewed, Triwulan II open without a review yet. */
export const quarterlyContext: DocumentContext = { ...docContext, cycle: { ...docContext.cycle, schedule: { periodicEvaluation: 'quarterly' } } };
export const quarterlyEvaluation: EvaluationRecord = {
  ...finalEvaluation,
  periods: {
    Q1: {
      periodId: 'Q1',
      label: { id: 'Triwulan I', en: 'Quarter I' },
      openedAt: '2026-03-31T17:00:00.000Z',
      closedAt: '2026-04-10T03:00:00.000Z',
      realisations: [
        { indicatorId: 'iki-1', value: 21.5, evidence: ['https://drive.example.go.id/posyandu-tw1.pdf'] },
        { indicatorId: 'iki-2', judgement: 'DI_ATAS' },
      ],
      realisationsAt: '2026-04-02T03:00:00.000Z',
      review: {
        rating: 'SESUAI',
        rhkFeedback: [{ rhkId: 'rhk-1', rating: 'SESUAI', comment: 'Jadwal kunjungan posyandu sudah berjalan' }],
        valueFeedback: [{ value: 'KOLABORATIF', rating: 'DI_ATAS', comment: 'Melibatkan kader PKK kelurahan' }],
        coachingNotes: 'Pertahankan kunjungan mingguan; tambahkan laporan foto.',
        by: P.rater,
        at: '2026-04-08T02:00:00.000Z',
      },
    },
    Q2: { periodId: 'Q2', label: { id: 'Triwulan II', en: 'Quarter II' }, openedAt: '2026-06-30T17:00:00.000Z' },
  },
};
