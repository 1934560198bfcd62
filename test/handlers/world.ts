/**
 * A small office for handler tests, seeded into the memory table: Kecamatan Asemrowo with a unit tree
 * (kecamatan → seksi-kesra, subbag-umum, kel-tambak → rw-tambak), its people, a 2026 cycle at a given
 * stage, and every person's evaluation. The subject employee (P.self) has the given status.
 */
import { keys } from '../../shared/adapters/dynamodb/keys';
import { DEFAULT_SCHEDULE } from '../../shared/domain/lifecycle/schedule';
import { DEFAULT_POLICY_ID } from '../../shared/domain/policies';
import { put } from './memory-table';

export const AGENCY = 'kec-asemrowo';
export const CYCLE = `${AGENCY}-2026`;
export const P = {
  head: '197001011995031003', rater: '198001012005011002', self: '199001012015031001', peer: '199202022018032005',
  lurah: '197505052000031007', staffTambak: '198505052010012004', staffRw: '199303032019031012', hr: '197702062002031010',
  newcomer: '199803142024012001',
} as const;

export const UNITS = [
  { unitId: 'kecamatan', name: 'Kecamatan Asemrowo' },
  { unitId: 'seksi-kesra', name: 'Seksi Kesra', parentUnitId: 'kecamatan' },
  { unitId: 'subbag-umum', name: 'Subbagian Umum', parentUnitId: 'kecamatan' },
  { unitId: 'kel-tambak', name: 'Kelurahan Tambak', parentUnitId: 'kecamatan' },
  { unitId: 'rw-tambak', name: 'RW Tambak', parentUnitId: 'kel-tambak' },
];

export const PEOPLE = [
  { nip: P.head, name: 'Drs. Bambang Sutrisno', unitId: 'kecamatan', isUnitHead: true },
  { nip: P.rater, name: 'Rina Kartika', unitId: 'seksi-kesra', raterNip: P.head, isUnitHead: true },
  { nip: P.self, name: 'Siti Rahmawati', unitId: 'seksi-kesra', raterNip: P.rater, isUnitHead: false },
  { nip: P.peer, name: 'Dedi Kurniawan', unitId: 'seksi-kesra', raterNip: P.rater, isUnitHead: false },
  { nip: P.lurah, name: 'Hadi Prayitno', unitId: 'kel-tambak', raterNip: P.head, isUnitHead: true },
  { nip: P.staffTambak, name: 'Yuli Astuti', unitId: 'kel-tambak', raterNip: P.lurah, isUnitHead: false },
  { nip: P.staffRw, name: 'Eko Wahyudi', unitId: 'rw-tambak', raterNip: P.lurah, isUnitHead: false },
  { nip: P.hr, name: 'Agus Salim', unitId: 'subbag-umum', raterNip: P.head, isUnitHead: true },
];

export const SKP = {
  nip: P.self, period: { start: '2026-01-01', end: '2026-12-31' },
  rhk: [{ id: 'rhk-1', jenis: 'utama', description: 'Pembinaan posyandu', parentRhkId: 'rhk-atasan-1', indicators: [
    { id: 'iki-1', description: 'Posyandu aktif', target: { kind: 'quantitative', value: 90, unit: 'persen', direction: 'higherIsBetter' } },
    { id: 'iki-2', description: 'Laporan tepat waktu', target: { kind: 'qualitative', expectation: 'Paling lambat tanggal 10' } },
  ] }],
};

export interface WorldOptions {
  stage: string;
  /** Status of P.self's evaluation (others: `othersStatus`). */
  status: string;
  othersStatus?: string;
  /** Extra fields per NIP on the evaluations (e.g. a predikat). */
  evaluation?: Record<string, Record<string, unknown>>;
  /** When the current stage opened (for deadlines). */
  openedAt?: string;
  calibrationFlags?: { unitId: string; resolved: boolean }[];
}

export function seedWorld(o: WorldOptions) {
  for (const u of UNITS) put({ ...keys.unit(AGENCY, u.unitId), type: 'UNIT', agencyId: AGENCY, ...u });
  put({
    ...keys.cycle(CYCLE), ...keys.cycleByAgency(AGENCY, 2026), type: 'CYCLE', cycleId: CYCLE, agencyId: AGENCY, year: 2026, policyId: DEFAULT_POLICY_ID,
    status: 'ACTIVE', stage: o.stage, version: 3, orgPredikat: 'BAIK', schedule: DEFAULT_SCHEDULE,
    createdAt: '2026-01-02T01:00:00.000Z',
    ...(o.calibrationFlags ? { calibration: { at: '2026-01-02T01:00:00.000Z', orgPredikat: 'BAIK', policyId: DEFAULT_POLICY_ID, flagCount: o.calibrationFlags.length } } : {}),
  });
  for (const f of o.calibrationFlags ?? []) {
    put({ ...keys.calibration(CYCLE, f.unitId), type: 'CALIBRATION', cycleId: CYCLE, unitId: f.unitId, at: '2026-01-02T01:00:00.000Z', flagged: true, resolved: f.resolved, violations: [], distribution: {} });
  }
  put({ ...keys.stage(CYCLE, o.stage), type: 'STAGE', cycleId: CYCLE, stage: o.stage, total: 10, done: 1, openedAt: o.openedAt ?? '2026-07-01T01:00:00.000Z' });
  for (const p of PEOPLE) {
    const rater = PEOPLE.find((q) => q.nip === p.raterNip);
    put({ ...keys.employee(AGENCY, p.nip), ...(p.raterNip ? keys.employeeByRater(AGENCY, p.raterNip, p.nip) : {}), type: 'EMPLOYEE', agencyId: AGENCY, ...p, jabatan: 'Pelaksana', email: `${p.nip}@example.go.id`, locale: 'id', competencies: [], jenis: 'PNS' });
    const status = p.nip === P.self ? o.status : (o.othersStatus ?? o.status);
    const e = {
      cycleId: CYCLE, nip: p.nip, name: p.name, jabatan: 'Pelaksana', unitId: p.unitId, raterNip: p.raterNip, approverNip: rater?.raterNip,
      isUnitHead: p.isUnitHead, status, version: 4, policyId: DEFAULT_POLICY_ID, updatedAt: '2026-06-01T01:00:00.000Z',
      skp: { ...SKP, nip: p.nip, rhk: SKP.rhk.map((r) => (p.isUnitHead ? { ...r, id: 'rhk-atasan-1', parentRhkId: undefined } : r)) },
      realisations: [{ indicatorId: 'iki-1', value: 95 }, { indicatorId: 'iki-2', judgement: 'DI_ATAS' }],
      ...o.evaluation?.[p.nip],
    };
    const predikat = (e as { predikat?: string }).predikat;
    put({
      ...keys.evaluation(CYCLE, p.nip), ...keys.evaluationByUnit(CYCLE, p.unitId, status, p.nip), ...(p.raterNip ? keys.evaluationByRater(CYCLE, p.raterNip, p.nip) : {}),
      ...(predikat ? keys.evaluationByPredikat(CYCLE, predikat, p.unitId, p.nip) : {}), type: 'EVALUATION', ...e,
    });
    put({ ...keys.audit(CYCLE, p.nip, '2026-01-03T01:00:00.000Z', `ev-${p.nip}`), type: 'AUDIT', eventId: `ev-${p.nip}`, at: '2026-01-03T01:00:00.000Z', actor: { role: 'system' }, action: 'EVALUATION_CREATED' });
  }
}

export const as = {
  self: { nip: P.self }, rater: { nip: P.rater }, peer: { nip: P.peer }, head: { nip: P.head }, lurah: { nip: P.lurah },
  staffTambak: { nip: P.staffTambak }, hr: { nip: P.hr, hr: true },
} as const;
