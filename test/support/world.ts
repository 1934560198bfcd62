/**
 * The one world of handler tests, seeded into the memory table: Kecamatan Asemrowo with a unit tree
 * (kecamatan → seksi-kesra, subbag-umum, kel-tambak → rw-tambak), its people, a 2026 cycle at a given
 * stage, and every person's evaluation. The subject employee (P.self) has the given status.
 * Optionally a second agency (kec-lain, with its own subject X) that nobody above relates to, the
 * invitations for 360° feedback, and SKM comments of both agencies (the authorization matrix).
 */
import { keys } from '../../shared/adapters/dynamodb/keys';
import { DEFAULT_SCHEDULE } from '../../shared/domain/lifecycle/schedule';
import { DEFAULT_POLICY_ID } from '../../shared/domain/policies';
import { put } from './memory-table';

export const AGENCY = 'kec-asemrowo';
export const CYCLE = `${AGENCY}-2026`;
export const P = {
  head: '197001011995031003',
  rater: '198001012005011002',
  self: '199001012015031001',
  peer: '199202022018032005',
  lurah: '197505052000031007',
  staffTambak: '198505052010012004',
  staffRw: '199303032019031012',
  hr: '197702062002031010',
  newcomer: '199803142024012001',
  // agency kec-lain
  x: '198803032012031008',
  xRater: '197808082003121009',
  xApprover: '196912121990031011',
} as const;

export const OTHER_AGENCY = 'kec-lain';
export const OTHER_CYCLE = `${OTHER_AGENCY}-2026`;
/** SKM comments, one per agency (seeded with `skmComments`). */
export const COMMENT = { in: 'cmt00000000000000001', out: 'cmt00000000000000002' };

export const UNITS = [
  { unitId: 'kecamatan', name: 'Kecamatan Asemrowo' },
  { unitId: 'seksi-kesra', name: 'Seksi Kesra', parentUnitId: 'kecamatan' },
  { unitId: 'subbag-umum', name: 'Subbagian Umum', parentUnitId: 'kecamatan' },
  { unitId: 'kel-tambak', name: 'Kelurahan Tambak', parentUnitId: 'kecamatan' },
  { unitId: 'rw-tambak', name: 'RW Tambak', parentUnitId: 'kel-tambak' },
];

/** The other agency: its head, a lurah and the subject X; nobody in kec-asemrowo relates to them. */
export const OTHER_UNITS = [
  { unitId: 'kec-lain', name: 'Kecamatan Lain' },
  { unitId: 'kel-lain', name: 'Kelurahan Lain', parentUnitId: 'kec-lain' },
];
export const OTHER_PEOPLE = [
  { nip: P.xApprover, name: 'Camat Lain', unitId: 'kec-lain', isUnitHead: true },
  { nip: P.xRater, name: 'Lurah Lain', unitId: 'kel-lain', raterNip: P.xApprover, isUnitHead: true },
  { nip: P.x, name: 'Pegawai Lain', unitId: 'kel-lain', raterNip: P.xRater, isUnitHead: false },
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

export interface WorldOptions {
  stage: string;
  /** Status of P.self's evaluation (and of X's in the other agency); others: `othersStatus`. */
  status: string;
  othersStatus?: string;
  /** Extra fields per NIP on the evaluations (e.g. a predikat). */
  evaluation?: Record<string, Record<string, unknown>>;
  /** When the current stage opened (for deadlines). */
  openedAt?: string;
  calibrationFlags?: { unitId: string; resolved: boolean }[];
  /** Other NIPs whose evaluation has `status` too (a caller acting on their own evaluation). */
  alsoWithStatus?: string[];
  /** Seed kec-lain too (its cycle at the same stage; its subject X has `status`). */
  otherAgency?: boolean;
  /** Colleagues invited for 360° feedback: [employee, peer] in kec-asemrowo's cycle. */
  invitations?: [string, string][];
  /** One PENDING SKM comment per agency (COMMENT.in, COMMENT.out). */
  skmComments?: boolean;
}

type Person = { nip: string; name: string; unitId: string; raterNip?: string; isUnitHead: boolean };
interface Office {
  agency: string;
  cycleId: string;
  subject: string;
  units: { unitId: string }[];
  people: Person[];
  flags: { unitId: string; resolved: boolean }[];
}

function seedOffice(w: Office, o: WorldOptions) {
  for (const u of w.units) put({ ...keys.unit(w.agency, u.unitId), type: 'UNIT', agencyId: w.agency, ...u });
  put({
    ...keys.cycle(w.cycleId),
    ...keys.cycleByAgency(w.agency, 2026),
    type: 'CYCLE',
    cycleId: w.cycleId,
    agencyId: w.agency,
    year: 2026,
    policyId: DEFAULT_POLICY_ID,
    status: 'ACTIVE',
    stage: o.stage,
    version: 3,
    orgPredikat: 'BAIK',
    schedule: DEFAULT_SCHEDULE,
    createdAt: '2026-01-02T01:00:00.000Z',
    ...(w.flags.length ? { calibration: { at: '2026-01-02T01:00:00.000Z', orgPredikat: 'BAIK', policyId: DEFAULT_POLICY_ID, flagCount: w.flags.length } } : {}),
  });
  for (const f of w.flags) {
    put({
      ...keys.calibration(w.cycleId, f.unitId),
      type: 'CALIBRATION',
      cycleId: w.cycleId,
      unitId: f.unitId,
      at: '2026-01-02T01:00:00.000Z',
      flagged: true,
      resolved: f.resolved,
      violations: [],
      distribution: {},
    });
  }
  put({
    ...keys.stage(w.cycleId, o.stage),
    type: 'STAGE',
    cycleId: w.cycleId,
    stage: o.stage,
    total: 10,
    done: 1,
    openedAt: o.openedAt ?? '2026-07-01T01:00:00.000Z',
  });
  for (const p of w.people) {
    const rater = w.people.find((q) => q.nip === p.raterNip);
    put({
      ...keys.employee(w.agency, p.nip),
      ...(p.raterNip ? keys.employeeByRater(w.agency, p.raterNip, p.nip) : {}),
      type: 'EMPLOYEE',
      agencyId: w.agency,
      ...p,
      jabatan: 'Pelaksana',
      email: `${p.nip}@example.go.id`,
      locale: 'id',
      competencies: [],
      jenis: 'PNS',
    });
    const status = p.nip === w.subject || o.alsoWithStatus?.includes(p.nip) ? o.status : (o.othersStatus ?? o.status);
    const e = {
      cycleId: w.cycleId,
      nip: p.nip,
      name: p.name,
      jabatan: 'Pelaksana',
      unitId: p.unitId,
      raterNip: p.raterNip,
      approverNip: rater?.raterNip,
      isUnitHead: p.isUnitHead,
      status,
      version: 4,
      policyId: DEFAULT_POLICY_ID,
      updatedAt: '2026-06-01T01:00:00.000Z',
      // A head's own plan holds the RHK its team's plans support ("intervensi").
      skp: { ...SKP, nip: p.nip, rhk: SKP.rhk.map((r) => (p.isUnitHead ? { ...r, id: 'rhk-atasan-1', parentRhkId: undefined } : r)) },
      realisations: [
        { indicatorId: 'iki-1', value: 95 },
        { indicatorId: 'iki-2', judgement: 'DI_ATAS' },
      ],
      ...o.evaluation?.[p.nip],
    };
    const predikat = (e as { predikat?: string }).predikat;
    put({
      ...keys.evaluation(w.cycleId, p.nip),
      ...keys.evaluationByUnit(w.cycleId, p.unitId, status, p.nip),
      ...(p.raterNip ? keys.evaluationByRater(w.cycleId, p.raterNip, p.nip) : {}),
      ...(predikat ? keys.evaluationByPredikat(w.cycleId, predikat, p.unitId, p.nip) : {}),
      type: 'EVALUATION',
      ...e,
    });
    put({
      ...keys.audit(w.cycleId, p.nip, '2026-01-03T01:00:00.000Z', `ev-${p.nip}`),
      type: 'AUDIT',
      eventId: `ev-${p.nip}`,
      at: '2026-01-03T01:00:00.000Z',
      actor: { role: 'system' },
      action: 'EVALUATION_CREATED',
    });
  }
}

function seedComment(id: string, agency: string, unitId: string, text: string) {
  const at = '2026-11-01T01:00:00.000Z';
  put({
    ...keys.skmComment(id),
    ...keys.skmCommentsByStatus(agency, 'PENDING', at, id),
    ...keys.skmCommentsByUnit(agency, unitId, 'PENDING', at, id),
    type: 'SKMCOMMENT',
    commentId: id,
    agencyId: agency,
    unitId,
    period: '2026-11',
    responseId: `r-${id}`,
    text,
    answers: [4, 3, 3, 4, 3, 4, 4, 3, 3],
    namedNips: [],
    redactions: 0,
    status: 'PENDING',
    createdAt: at,
  });
}

export function seedWorld(o: WorldOptions) {
  const flags = o.calibrationFlags ?? [];
  seedOffice({ agency: AGENCY, cycleId: CYCLE, subject: P.self, units: UNITS, people: PEOPLE, flags }, o);
  if (o.otherAgency) {
    const otherFlags = flags.length ? [{ unitId: 'kel-lain', resolved: false }] : [];
    seedOffice({ agency: OTHER_AGENCY, cycleId: OTHER_CYCLE, subject: P.x, units: OTHER_UNITS, people: OTHER_PEOPLE, flags: otherFlags }, o);
  }
  for (const [nip, peerNip] of o.invitations ?? []) {
    put({
      ...keys.invitation(CYCLE, nip, peerNip),
      type: 'INVITATION',
      cycleId: CYCLE,
      nip,
      peerNip,
      invitedBy: PEOPLE.find((p) => p.nip === nip)?.raterNip,
      invitedAt: '2026-07-01T01:00:00.000Z',
    });
  }
  if (o.skmComments) {
    seedComment(COMMENT.in, AGENCY, 'seksi-kesra', 'Pelayanan ramah');
    if (o.otherAgency) seedComment(COMMENT.out, OTHER_AGENCY, 'kel-lain', 'KOMENTAR-INSTANSI-LAIN');
  }
}

export const as = {
  self: { nip: P.self },
  rater: { nip: P.rater },
  peer: { nip: P.peer },
  head: { nip: P.head },
  lurah: { nip: P.lurah },
  staffTambak: { nip: P.staffTambak },
  hr: { nip: P.hr, hr: true },
} as const;

/** The roles by their old names in the decision-link and SKM tests. */
export const NIP = { employee: P.self, rater: P.rater, approver: P.head, other: P.staffTambak } as const;
