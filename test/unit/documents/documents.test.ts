import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { definitionOf, qrCanvas } from '../../../shared/adapters/render/documents/pdf';
import {
  type AnnualData,
  annualDocument,
  canonicalJson,
  coachingDocument,
  hashInput,
  penetapanDocument,
  periodIdsOf,
  periodicDocument,
  type SkpData,
  skpDocument,
  tanggal,
  waktuWib,
} from '../../../shared/domain/documents';
import {
  coachingPlan,
  docAudit,
  docContext,
  finalEvaluation,
  peerEvaluation,
  quarterlyContext,
  quarterlyEvaluation,
  raterEvaluation,
  unitCalibration,
} from '../../support/documents-fixtures';
import { P } from '../../support/world';

const stamp = {
  code: 'ABCD1234EFGH5678',
  hash: 'a'.repeat(64),
  verifyUrl: 'https://kinerja.example/v1/public/documents/ABCD1234EFGH5678',
  generatedAt: '2027-01-20T03:00:00.000Z',
  signatureNote: 'Tidak ditandatangani secara elektronik',
};
/** Every text string of a pdfmake definition (its content and footer), to check what a page shows. */
function textsOf(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) node.forEach((n) => textsOf(n, out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) if (k !== 'canvas') textsOf(v, out);
  return out;
}

describe('documents: data from stored records (spec §8)', () => {
  it('canonical JSON sorts keys at every level and drops undefined, so equal content hashes equally', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"z":1}]},"b":1}');
    const a = skpDocument(finalEvaluation, docAudit, docContext)!;
    const b = skpDocument({ ...finalEvaluation, updatedAt: 'later', version: 99 }, [...docAudit].reverse(), docContext)!;
    expect(hashInput(a)).toBe(hashInput(b));
    const changed = skpDocument({ ...finalEvaluation, name: 'Siti R.' }, docAudit, { ...docContext, people: new Map() })!;
    expect(hashInput(changed)).not.toBe(hashInput(a));
  });

  it('SKP: identities, RHK with the superior RHK, indicators and targets, expectations; approved by the rater when approved', () => {
    const c = skpDocument(finalEvaluation, docAudit, docContext)!;
    expect(c.draft).toBe(false);
    expect(c.approval).toMatchObject({ name: 'Rina Kartika', nip: P.rater, at: '2026-01-20T02:00:00.000Z' });
    expect(c.data).toMatchObject({
      employee: { name: 'Siti Rahmawati', nip: P.self, unit: 'Seksi Kesejahteraan Rakyat' },
      rater: { name: 'Rina Kartika', nip: P.rater },
      rhk: [{ no: 1, jenis: 'Utama', supports: 'rhk-atasan-1', indicators: [{ target: '90 persen' }, { target: 'Paling lambat tanggal 10' }] }],
      expectations: [{ value: 'Berorientasi Pelayanan' }],
    });
    const draft = skpDocument({ ...finalEvaluation, status: 'SKP_SUBMITTED' }, docAudit, docContext)!;
    expect(draft.draft).toBe(true);
    expect(draft.approval).toBeUndefined();
  });

  it('periodic: realisation and evidence per indicator, the rater’s feedback per value, the periodic rating', () => {
    const c = periodicDocument(finalEvaluation, docContext, 'S1')!;
    expect(c).toMatchObject({ draft: false, variant: 'Semester I', approval: { nip: P.rater, at: '2026-07-10T02:30:00.000Z' } });
    expect(c.data).toMatchObject({
      rhk: [{ indicators: [{ realisation: '42,5', evidence: ['https://drive.example.go.id/posyandu-q2.pdf'] }, { realisation: 'Sesuai Ekspektasi' }] }],
      behaviour: [{ value: 'Berorientasi Pelayanan', feedback: 'Di Bawah Ekspektasi — Respons keluhan lambat' }],
      rating: 'Di Bawah Ekspektasi',
    });
    expect(c.data).toMatchObject({ periodId: 'S1', periodLabel: 'Semester I', periodRange: 'Januari s.d. Juni 2026' });
    expect(periodicDocument({ ...finalEvaluation, midyearReview: undefined }, docContext)!.draft).toBe(true);
  });

  it('periodic under a quarterly policy: the period’s own record (realisations, rating, feedback per RHK and value, coaching notes)', () => {
    expect(periodIdsOf(quarterlyEvaluation, quarterlyContext)).toEqual(['Q1', 'Q2']);
    expect(periodIdsOf(quarterlyEvaluation, docContext)).toEqual(['S1']);
    const q1 = periodicDocument(quarterlyEvaluation, quarterlyContext, 'Q1')!;
    expect(q1).toMatchObject({ variant: 'Triwulan I', draft: false, approval: { nip: P.rater, name: 'Rina Kartika', at: '2026-04-08T02:00:00.000Z' } });
    expect(q1.data).toMatchObject({
      periodId: 'Q1',
      periodLabel: 'Triwulan I',
      periodRange: 'Januari s.d. Maret 2026',
      rhk: [
        {
          feedback: 'Sesuai Ekspektasi — Jadwal kunjungan posyandu sudah berjalan',
          indicators: [{ realisation: '21,5', evidence: ['https://drive.example.go.id/posyandu-tw1.pdf'] }, { realisation: 'Di Atas Ekspektasi' }],
        },
      ],
      behaviour: [{ value: 'Kolaboratif', feedback: 'Di Atas Ekspektasi — Melibatkan kader PKK kelurahan' }],
      rating: 'Sesuai Ekspektasi',
      feedback: 'Pertahankan kunjungan mingguan; tambahkan laporan foto.',
    });
    // Not the semester's mid-year data: its progress (42,5) and review are not what Triwulan I shows.
    expect(JSON.stringify(q1.data)).not.toContain('42,5');
    const q2 = periodicDocument(quarterlyEvaluation, quarterlyContext, 'Q2')!;
    expect(q2).toMatchObject({ variant: 'Triwulan II', draft: true });
    expect(q2.data).toMatchObject({ periodRange: 'April s.d. Juni 2026', rating: '-' });
    expect(periodicDocument(quarterlyEvaluation, quarterlyContext, 'Q3')).toBeUndefined();
    expect(hashInput(q1)).not.toBe(hashInput(q2));
  });

  it('annual: lists every periodic evaluation of the year under the cycle’s policy', () => {
    const quarterly = annualDocument(quarterlyEvaluation, docAudit, quarterlyContext)!.data as AnnualData;
    expect(quarterly.periods).toEqual([
      { label: 'Triwulan I', rating: 'Sesuai Ekspektasi', reviewedAt: '8 April 2026', notes: 'Pertahankan kunjungan mingguan; tambahkan laporan foto.' },
      { label: 'Triwulan II', rating: 'belum dinilai', reviewedAt: '-', notes: '-' },
      { label: 'Triwulan III', rating: 'tidak diikuti', reviewedAt: '-', notes: '-' },
      { label: 'Triwulan IV (Akhir)', rating: 'tidak diikuti', reviewedAt: '-', notes: '-' },
    ]);
    const semester = annualDocument(finalEvaluation, docAudit, docContext)!.data as AnnualData;
    expect(semester.periods[0]).toEqual({
      label: 'Semester I',
      rating: 'Di Bawah Ekspektasi',
      reviewedAt: '10 Juli 2026',
      notes: 'Capaian posyandu aktif baru 42,5%; perlu jadwal kunjungan mingguan.',
    });
    expect(semester.periods).toHaveLength(2);
  });

  it('pangkat/golongan of each person from the roster ("-" when the roster has none); the superior’s RHK text on the SKP', () => {
    const annual = annualDocument(finalEvaluation, docAudit, docContext)!.data as AnnualData;
    expect(annual.employee.pangkat).toBe('Penata Muda Tk. I (III/b)');
    expect(annual.rater?.pangkat).toBe('Penata Tk. I (III/d)');
    expect(annual.approver?.pangkat).toBeUndefined();
    const text = textsOf(definitionOf(annualDocument(finalEvaluation, docAudit, docContext)!, stamp).content);
    expect(text).toContain('Pangkat/Gol. Ruang');
    expect(text).toContain('Penata Muda Tk. I (III/b)');
    expect(text).toContain('-');
    const superior = new Map((raterEvaluation.skp as { rhk: { id: string; description: string }[] }).rhk.map((r) => [r.id, r.description]));
    const skp = skpDocument(finalEvaluation, docAudit, docContext, superior)!.data as SkpData;
    expect(skp.rhk[0]!.supports).toBe('Meningkatnya cakupan layanan kesehatan dasar di Kecamatan Asemrowo');
    expect((skpDocument(finalEvaluation, docAudit, docContext)!.data as SkpData).rhk[0]!.supports).toBe('rhk-atasan-1');
  });

  it('annual: ratings, predikat, follow-up and training; the approver’s approval; final only when FINAL', () => {
    const c = annualDocument(finalEvaluation, docAudit, docContext)!;
    expect(c).toMatchObject({ draft: false, approval: { nip: P.head, name: 'Drs. Bambang Sutrisno', at: '2027-01-12T03:15:00.000Z' } });
    expect(c.data).toMatchObject({
      approver: { nip: P.head },
      organisationResult: 'Baik',
      rhk: [{ achievement: '80%', rating: 'Di Bawah Ekspektasi' }],
      resultsRating: 'Di Bawah Ekspektasi',
      behaviourRating: 'Sesuai Ekspektasi',
      predikat: 'Butuh Perbaikan',
      followUp: ['Rencana coaching/konseling kinerja'],
    });
    expect(annualDocument({ ...finalEvaluation, status: 'RESULT_ISSUED' }, docAudit, docContext)!.draft).toBe(true);
  });

  it('Penetapan Predikat: the curve applied, counts and every employee’s predikat; DRAFT while any is not final', () => {
    const c = penetapanDocument(
      { kind: 'unit', unitId: 'seksi-kesra' },
      [peerEvaluation, finalEvaluation],
      unitCalibration,
      { role: 'x', name: 'y', at: 'z' },
      docContext,
    );
    expect(c.subject).toBe('UNIT-seksi-kesra');
    expect(c.draft).toBe(false);
    expect(c.data).toMatchObject({
      unitName: 'Seksi Kesejahteraan Rakyat',
      organisationPredikat: 'Baik',
      curve: [{ rule: 'Baik paling banyak 70%', actual: 1, status: 'sesuai' }],
      employees: [
        { nip: P.self, predikat: 'Butuh Perbaikan' },
        { nip: P.peer, predikat: 'Baik' },
      ],
    });
    expect((c.data as { counts: { predikat: string; count: number }[] }).counts).toContainEqual({ predikat: 'Baik', count: 1 });
    const draft = penetapanDocument(
      { kind: 'organisation' },
      [{ ...peerEvaluation, status: 'RESULT_ISSUED' }],
      undefined,
      { role: 'x', name: 'y', at: 'z' },
      docContext,
    );
    expect(draft).toMatchObject({ subject: 'ORG', draft: true });
    expect(draft.approval).toBeUndefined();
  });

  it('coaching record: actions, training, sessions with acknowledgement; final once every session is acknowledged', () => {
    const open = coachingDocument(coachingPlan(), docContext);
    expect(open.draft).toBe(true);
    const plan = coachingPlan();
    const acked = {
      ...plan,
      sessions: [
        {
          sessionId: 'S1',
          heldOn: '2027-02-10',
          kind: 'session' as const,
          notes: 'Jadwal',
          actionIds: ['A1'],
          recordedBy: { nip: P.rater },
          recordedAt: '2027-02-10T02:00:00Z',
          acknowledgedAt: '2027-02-11T02:00:00Z',
          acknowledgedBy: P.self,
        },
      ],
    };
    const c = coachingDocument(acked, docContext);
    expect(c).toMatchObject({ draft: false, approval: { nip: P.rater, at: '2027-02-11T02:00:00Z' } });
    expect(c.data).toMatchObject({
      predikat: 'Butuh Perbaikan',
      actions: [{ id: 'A1' }, { id: 'A2' }],
      sessions: [{ heldOn: '10 Februari 2027', acknowledged: expect.stringContaining('Diakui pegawai') }],
    });
  });

  it('dates in WIB, Indonesian month names', () => {
    expect(tanggal('2026-07-01')).toBe('1 Juli 2026');
    expect(waktuWib('2026-12-31T18:30:00.000Z')).toBe('1 Januari 2027 01.30 WIB');
  });
});

describe('documents: layouts (shared/adapters/render/documents)', () => {
  it('every page carries who approved it and when, the verification code, the content hash, the link and a QR', () => {
    const def = definitionOf(annualDocument(finalEvaluation, docAudit, docContext)!, stamp);
    const footer = (def.footer as (p: number, n: number) => unknown)(1, 2);
    const text = textsOf(footer).join(' ');
    expect(text).toContain('Disetujui dalam sistem oleh Drs. Bambang Sutrisno (NIP 197001011995031003)');
    expect(text).toContain('12 Januari 2027 10.15 WIB');
    expect(text).toContain(stamp.code);
    expect(text).toContain(stamp.hash);
    expect(text).toContain(stamp.verifyUrl);
    expect(text).toContain('halaman 1 dari 2');
    expect(JSON.stringify(footer)).toContain('"canvas"');
  });

  it('a draft says so and carries the DRAFT watermark; a final one does not', () => {
    const draft = definitionOf(coachingDocument(coachingPlan(), docContext), stamp);
    expect(draft.watermark).toMatchObject({ text: 'DRAFT' });
    expect(textsOf(draft.content).join(' ')).toContain('DRAFT — belum final');
    expect(definitionOf(skpDocument(finalEvaluation, docAudit, docContext)!, stamp).watermark).toBeUndefined();
  });

  it('the layout shows the data: names, NIPs, RHK, predikat', () => {
    const text = textsOf(definitionOf(annualDocument(finalEvaluation, docAudit, docContext)!, stamp).content).join(' ');
    for (const s of ['Siti Rahmawati', P.self, 'Rina Kartika', P.rater, 'Pembinaan posyandu', 'Butuh Perbaikan', '80%']) expect(text).toContain(s);
  });

  it('the QR code is drawn from the verification URL (a square of vector modules, the same for the same URL)', () => {
    const a = qrCanvas(stamp.verifyUrl, 64) as { canvas: { x: number; y: number }[] };
    expect(a.canvas.length).toBeGreaterThan(50);
    expect(qrCanvas(stamp.verifyUrl, 64)).toEqual(a);
    expect(qrCanvas(`${stamp.verifyUrl}X`, 64)).not.toEqual(a);
    expect(
      createHash('sha256')
        .update(hashInput(skpDocument(finalEvaluation, docAudit, docContext)!))
        .digest('hex'),
    ).toMatch(/^[0-9a-f]{64}$/);
  });
});
