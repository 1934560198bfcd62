import type { EvaluationSummary, ObjectionSummary, SkpSummary } from '../../../shared/adapters/mail/summary';

export const XSS = '<script>alert("x")</script>';

export function evaluation(n: number, overrides: Partial<EvaluationSummary> = {}): EvaluationSummary {
  const id = `01JH8Z6QK3V4TB2N9W7C5XRY${String(n).padStart(2, '0')}`;
  return {
    decisionId: id,
    employee: {
      nip: `1980010120050110${String(n).padStart(2, '0')}`,
      name: `Pegawai Nomor ${n}`,
      jabatan: 'Pengadministrasi Perkantoran',
      unitName: 'Kelurahan Asemrowo',
    },
    rhk: [
      {
        title: `Terlaksananya pelayanan administrasi kependudukan ${n}`,
        jenis: 'utama',
        rating: 'Di Atas Ekspektasi',
        indicators: [
          { name: 'Persentase dokumen selesai tepat waktu', target: '90 %', realisation: '97 %', achievementPct: 107.8 },
          { name: 'Jumlah keluhan masyarakat', target: '≤ 5 keluhan', realisation: '2 keluhan' },
        ],
      },
      {
        title: 'Tersusunnya laporan kegiatan bulanan',
        jenis: 'tambahan',
        rating: 'Sesuai Ekspektasi',
        indicators: [{ name: 'Laporan tersusun', target: '12 laporan', realisation: '12 laporan', achievementPct: 100 }],
      },
    ],
    resultsRating: 'Di Atas Ekspektasi',
    behaviourRating: 'Sesuai Ekspektasi',
    predikat: 'Baik',
    approveUrl: `https://kinerja.local/v1/decisions/${id}?a=approve&r=AbCdEfGhIjKlMnOp&e=1800000000&k=k1&s=${'s'.repeat(43)}`,
    returnUrl: `https://kinerja.local/v1/decisions/${id}?a=return&r=AbCdEfGhIjKlMnOp&e=1800000000&k=k1&s=${'t'.repeat(43)}`,
    ...overrides,
  };
}

export function skp(n: number): SkpSummary {
  const e = evaluation(n);
  return {
    decisionId: e.decisionId,
    employee: e.employee,
    rhk: [
      {
        title: 'Terlaksananya pelayanan administrasi kependudukan',
        jenis: 'utama',
        intervensi: 'Meningkatnya kualitas pelayanan publik kecamatan',
        indicators: [{ name: 'Persentase dokumen selesai tepat waktu', target: '90 %' }],
      },
    ],
    approveUrl: e.approveUrl,
    returnUrl: e.returnUrl,
  };
}

export function hostile(): EvaluationSummary {
  const e = evaluation(1);
  return {
    ...e,
    employee: { nip: '198001012005011001', name: `Siti ${XSS}`, jabatan: `<img src=x onerror=alert(1)>`, unitName: 'Unit "A" & B' },
    rhk: [
      {
        title: `RHK ${XSS}`,
        jenis: 'utama',
        rating: `<b>bold</b>`,
        indicators: [{ name: `<iframe src="https://evil">`, target: "'><svg onload=alert(1)>", realisation: '<script>', achievementPct: 50 }],
      },
    ],
    resultsRating: XSS,
    behaviourRating: XSS,
    predikat: XSS,
  };
}

/** Markup that must never appear unescaped in output built from hostile input. */
export const DANGEROUS = [/<script/i, /<img/i, /<iframe/i, /<svg/i, /<b>bold/];

export function objection(n: number): ObjectionSummary {
  return {
    ...evaluation(n, { resultsRating: 'Di Bawah Ekspektasi', predikat: 'Butuh Perbaikan' }),
    objection: { reason: 'Beban tugas tambahan verifikasi bansos Juni–Agustus belum dipertimbangkan.', requestedPredikat: 'Baik' },
  };
}
