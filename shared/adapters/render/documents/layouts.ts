/**
 * The body of each document (spec §8), as pdfmake content from the document's data: the layout keeps
 * the content of the regulation's annex and agencies' forms, not a pixel copy of one of them.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import {
  type AnnualData,
  type CoachingData,
  type DocumentContent,
  type PenetapanData,
  type PeriodicData,
  type PersonBlock,
  type SkpData,
  tanggal,
} from '../../../domain/documents';

const th = (text: string): TableCell => ({ text, style: 'th' });
const table = (widths: (string | number)[], header: string[], rows: TableCell[][]): Content => ({
  table: {
    headerRows: 1,
    widths,
    body: [header.map(th), ...(rows.length ? rows : [[{ text: '-', colSpan: header.length }, ...header.slice(1).map(() => '')]])],
  },
  layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#888', vLineColor: () => '#888', paddingTop: () => 2, paddingBottom: () => 2 },
  margin: [0, 0, 0, 4],
});

/** The identity block of the people a document names, side by side. */
function people(blocks: { label: string; p?: PersonBlock }[]): Content {
  const rows: TableCell[][] = [];
  const shown = blocks.filter((b) => b.p);
  rows.push(shown.map((b) => ({ text: b.label, style: 'th', colSpan: 2 }) as TableCell).flatMap((c) => [c, '']));
  for (const [label, get] of [
    ['Nama', (p: PersonBlock) => p.name],
    ['NIP', (p: PersonBlock) => p.nip],
    ['Pangkat/Gol. Ruang', (p: PersonBlock) => p.pangkat ?? '-'],
    ['Jabatan', (p: PersonBlock) => p.jabatan],
    ['Unit kerja', (p: PersonBlock) => p.unit],
  ] as const) {
    rows.push(shown.flatMap((b) => [{ text: label, color: '#444' }, { text: get(b.p!) }] as TableCell[]));
  }
  const widths = shown.flatMap(() => [82, '*']);
  return { table: { widths, body: rows }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 6] };
}

/** Signature blocks: names under a space for a wet signature (or a TTE), place and date above the first. */
function signatures(place: string, date: string | undefined, blocks: { label: string; p?: PersonBlock }[]): Content {
  const shown = blocks.filter((b) => b.p);
  return {
    margin: [0, 16, 0, 0],
    unbreakable: true,
    stack: [
      { text: `${place}, ${date ? tanggal(date) : '....................'}`, alignment: 'right', margin: [0, 0, 0, 6] },
      {
        columns: shown.map((b) => ({
          width: '*',
          stack: [
            { text: b.label, alignment: 'center' },
            { text: ' ', margin: [0, 22, 0, 0] },
            { text: b.p!.name, alignment: 'center', bold: true, decoration: 'underline' },
            { text: `NIP ${b.p!.nip}`, alignment: 'center' },
          ],
        })),
      },
    ],
  };
}

function skp(d: SkpData, c: DocumentContent): Content[] {
  return [
    { text: `Periode penilaian: ${tanggal(d.period.start)} s.d. ${tanggal(d.period.end)}`, style: 'subtitle' },
    people([
      { label: 'Pegawai yang dinilai', p: d.employee },
      { label: 'Pejabat Penilai Kinerja', p: d.rater },
    ]),
    { text: 'Hasil Kerja', style: 'section' },
    table(
      [16, 44, '*', 90, '*', 80],
      ['No', 'Jenis', 'Rencana Hasil Kerja (RHK)', 'RHK atasan yang diintervensi', 'Indikator Kinerja Individu', 'Target'],
      d.rhk.flatMap((r) =>
        r.indicators.map((ind, j): TableCell[] =>
          j === 0
            ? [
                { text: String(r.no), rowSpan: r.indicators.length },
                { text: r.jenis, rowSpan: r.indicators.length },
                { text: r.description, rowSpan: r.indicators.length },
                { text: r.supports ?? '-', rowSpan: r.indicators.length },
                ind.description,
                ind.target,
              ]
            : ['', '', '', '', ind.description, ind.target],
        ),
      ),
    ),
    { text: 'Perilaku Kerja (BerAKHLAK) — Ekspektasi Khusus Pimpinan', style: 'section' },
    table(
      [130, '*'],
      ['Nilai', 'Ekspektasi khusus pimpinan'],
      d.expectations.map((x) => [x.value, x.text]),
    ),
    signatures(d.place, c.approval?.at, [
      { label: 'Pegawai yang dinilai', p: d.employee },
      { label: 'Pejabat Penilai Kinerja', p: d.rater },
    ]),
  ];
}

function periodic(d: PeriodicData, c: DocumentContent): Content[] {
  const withFeedback = d.rhk.some((r) => r.feedback);
  return [
    { text: `Periode: ${d.periodLabel} ${d.year} (${d.periodRange})`, style: 'subtitle' },
    people([
      { label: 'Pegawai yang dinilai', p: d.employee },
      { label: 'Pejabat Penilai Kinerja', p: d.rater },
    ]),
    { text: 'Hasil Kerja: realisasi dan bukti dukung', style: 'section' },
    table(
      withFeedback ? [16, '*', '*', 60, 50, '*', '*'] : [16, '*', '*', 70, 60, '*'],
      ['No', 'RHK', 'Indikator', 'Target', 'Realisasi', 'Bukti dukung', ...(withFeedback ? ['Umpan balik Pejabat Penilai'] : [])],
      d.rhk.flatMap((r) =>
        r.indicators.map((ind, j): TableCell[] => [
          j === 0 ? { text: String(r.no), rowSpan: r.indicators.length } : '',
          j === 0 ? { text: r.description, rowSpan: r.indicators.length } : '',
          ind.description,
          ind.target,
          ind.realisation,
          { text: ind.evidence.join('\n') || '-', fontSize: 7.5 },
          ...(withFeedback ? [j === 0 ? ({ text: r.feedback ?? '-', rowSpan: r.indicators.length } as TableCell) : ''] : []),
        ]),
      ),
    ),
    { text: 'Perilaku Kerja: umpan balik Pejabat Penilai', style: 'section' },
    table(
      [130, '*'],
      ['Nilai BerAKHLAK', 'Umpan balik'],
      d.behaviour.map((b) => [b.value, b.feedback]),
    ),
    { text: 'Rating periodik dan umpan balik berkelanjutan', style: 'section' },
    table([130, '*'], ['Rating periodik', 'Catatan / pembinaan'], [[{ text: d.rating, bold: true }, d.feedback]]),
    signatures(d.place, c.approval?.at, [{ label: 'Pejabat Penilai Kinerja', p: d.rater }]),
  ];
}

function annual(d: AnnualData, c: DocumentContent): Content[] {
  return [
    { text: `Periode penilaian: 1 Januari s.d. 31 Desember ${d.year}`, style: 'subtitle' },
    people([
      { label: 'Pegawai yang dinilai', p: d.employee },
      { label: 'Pejabat Penilai Kinerja', p: d.rater },
    ]),
    ...(d.approver ? [people([{ label: 'Atasan Pejabat Penilai Kinerja', p: d.approver }])] : []),
    { text: `Capaian kinerja organisasi: ${d.organisationResult}`, margin: [0, 2, 0, 2] },
    { text: 'Evaluasi kinerja periodik', style: 'section' },
    table(
      [90, 110, 82, '*'],
      ['Periode', 'Rating periodik', 'Dinilai', 'Catatan / pembinaan'],
      d.periods.map((p) => [p.label, p.rating, p.reviewedAt, p.notes]),
    ),
    { text: 'Hasil Kerja', style: 'section' },
    table(
      [16, '*', 60, 110],
      ['No', 'Rencana Hasil Kerja', 'Capaian', 'Rating'],
      d.rhk.map((r) => [String(r.no), r.description, r.achievement, r.rating]),
    ),
    { text: 'Perilaku Kerja (BerAKHLAK)', style: 'section' },
    table(
      ['*', 110],
      ['Nilai', 'Rating'],
      d.behaviour.map((b) => [b.value, b.rating]),
    ),
    { text: 'Hasil Evaluasi', style: 'section' },
    table(
      ['*', '*', '*'],
      ['Rating Hasil Kerja', 'Rating Perilaku Kerja', 'Predikat Kinerja Pegawai'],
      [[d.resultsRating, d.behaviourRating, { text: d.predikat, bold: true }]],
    ),
    ...(d.objection ? [{ text: d.objection, margin: [0, 2, 0, 2] } as Content] : []),
    { text: 'Catatan dan rekomendasi (tindak lanjut)', style: 'section' },
    { ul: [...(d.followUp.length ? d.followUp : ['-']), ...d.training.map((t) => `Pelatihan: ${t}`)] },
    signatures(d.place, c.approval?.at, [
      { label: 'Pegawai yang dinilai', p: d.employee },
      { label: 'Pejabat Penilai Kinerja', p: d.rater },
    ]),
  ];
}

function penetapan(d: PenetapanData): Content[] {
  return [
    { text: `${d.scope === 'unit' ? 'Unit kerja' : 'Instansi'}: ${d.unitName} · Tahun ${d.year}`, style: 'subtitle' },
    { text: `Predikat kinerja organisasi: ${d.organisationPredikat}`, bold: true },
    { text: 'Kurva distribusi yang diterapkan', style: 'section' },
    table(
      ['*', 50, 70],
      ['Ketentuan', 'Jumlah', 'Status'],
      d.curve.map((c) => [c.rule, String(c.actual), c.status]),
    ),
    ...(d.resolution ? [{ text: d.resolution, italics: true } as Content] : []),
    { text: 'Sebaran predikat', style: 'section' },
    table(
      d.counts.map(() => '*'),
      d.counts.map((c) => c.predikat),
      [d.counts.map((c) => String(c.count))],
    ),
    { text: 'Predikat kinerja pegawai', style: 'section' },
    table(
      [16, 92, '*', '*', 80, 62],
      ['No', 'NIP', 'Nama', 'Jabatan', 'Unit', 'Predikat'],
      d.employees.map((e) => [String(e.no), e.nip, e.name, e.jabatan, e.unit, e.predikat]),
    ),
    {
      margin: [0, 16, 0, 0],
      unbreakable: true,
      stack: [
        { text: `${d.place}, ....................`, alignment: 'right' },
        { text: 'Pimpinan Instansi', alignment: 'right', margin: [0, 4, 0, 30] },
        { text: '(ditandatangani oleh pimpinan instansi)', alignment: 'right', italics: true },
      ],
    },
  ];
}

function coaching(d: CoachingData, c: DocumentContent): Content[] {
  return [
    { text: `Tahun penilaian ${d.year} · Predikat: ${d.predikat} · Dibuka ${d.openedOn} · Status: ${d.status}`, style: 'subtitle' },
    people([
      { label: 'Pegawai yang dibina', p: d.employee },
      { label: 'Pejabat Penilai Kinerja (pembina)', p: d.rater },
    ]),
    { text: 'Tindakan yang disepakati', style: 'section' },
    table(
      [22, 150, '*'],
      ['Kode', 'Terkait', 'Tindakan'],
      d.actions.map((a) => [a.id, a.target, a.text]),
    ),
    { text: 'Pelatihan yang direkomendasikan', style: 'section' },
    { ul: d.training.length ? d.training : ['-'] },
    { text: 'Sesi pembinaan', style: 'section' },
    table(
      [62, 62, '*', 40, '*'],
      ['Tanggal', 'Jenis', 'Catatan (dan evaluasi kompetensi)', 'Tindakan', 'Pengakuan pegawai'],
      d.sessions.map((s) => [
        s.heldOn,
        s.kind + (s.outcome ? `: ${s.outcome}` : ''),
        s.notes + (s.competency ? `\nEvaluasi kompetensi: ${s.competency}` : ''),
        s.actions,
        s.acknowledged,
      ]),
    ),
    { text: 'Jadwal', style: 'section' },
    {
      ul: [
        ...(d.nextSessionDue ? [`Sesi berikutnya paling lambat ${d.nextSessionDue}`] : []),
        `Pemeriksaan ulang: ${d.recheck}`,
        ...(d.improvementPeriod ? [`Masa perbaikan kinerja: ${d.improvementPeriod}`] : []),
      ],
    },
    signatures(d.place, c.approval?.at, [
      { label: 'Pegawai yang dibina', p: d.employee },
      { label: 'Pejabat Penilai Kinerja', p: d.rater },
    ]),
  ];
}

export function layoutOf(c: DocumentContent): Content[] {
  const d = c.data;
  switch (d.kind) {
    case 'SKP':
      return skp(d, c);
    case 'EVALUASI_PERIODIK':
      return periodic(d, c);
    case 'EVALUASI_TAHUNAN':
      return annual(d, c);
    case 'PENETAPAN_PREDIKAT':
      return penetapan(d);
    case 'CATATAN_PEMBINAAN':
      return coaching(d, c);
  }
}
