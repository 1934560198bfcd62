import { describe, expect, it } from 'vitest';
import { type Skp, type SkpContext, validateSkp } from '../../../shared/domain';
import { CYCLE, NIP, quantitativeRhk } from './fixtures';

const skp = (over: Partial<Skp> = {}): Skp => ({
  nip: NIP,
  period: CYCLE,
  rhk: [quantitativeRhk('rhk-1'), quantitativeRhk('rhk-2', 'tambahan')],
  ...over,
});
const staff: SkpContext = { isUnitHead: false, cycle: CYCLE, superiorRhkIds: ['atasan-1', 'atasan-2'] };

describe('validateSkp', () => {
  it('accepts a valid SKP with quantitative and qualitative indicators', () => {
    const withQualitative = skp({
      rhk: [
        quantitativeRhk('rhk-1'),
        {
          id: 'rhk-2',
          jenis: 'utama',
          description: 'Laporan kegiatan kelurahan tersusun',
          parentRhkId: 'atasan-2',
          period: { start: '2027-03-01', end: '2027-06-30' },
          indicators: [{ id: 'q', description: 'Kualitas laporan', target: { kind: 'qualitative', expectation: 'Lengkap dan tepat waktu' } }],
        },
      ],
    });
    expect(validateSkp(withQualitative, staff)).toMatchObject({ ok: true, errors: [] });
  });

  it.each<[string, unknown, SkpContext, string, string, string | undefined]>([
    // [case, SKP, context, code, Indonesian text, field]
    [
      'an RHK not linked to the rater',
      skp({ rhk: [{ ...quantitativeRhk('rhk-1'), parentRhkId: undefined }] }),
      staff,
      'RHK_PARENT_REQUIRED',
      'RHK ke-1: RHK harus dikaitkan',
      'rhk.0.parentRhkId',
    ],
    [
      "a link to an RHK the rater doesn't have",
      skp({ rhk: [{ ...quantitativeRhk('rhk-1'), parentRhkId: 'hilang' }] }),
      staff,
      'RHK_PARENT_UNKNOWN',
      'RHK atasan "hilang" tidak ada',
      'rhk.0.parentRhkId',
    ],
    ['no main RHK', skp({ rhk: [quantitativeRhk('rhk-1', 'tambahan')] }), staff, 'SKP_NO_MAIN_RHK', 'minimal satu RHK utama', 'rhk'],
    [
      'an SKP period outside the cycle',
      skp({ period: { start: '2026-12-01', end: '2027-12-31' } }),
      staff,
      'PERIOD_OUTSIDE',
      'di dalam periode siklus penilaian (2027-01-01 s.d. 2027-12-31)',
      'period',
    ],
    [
      'an RHK period outside the SKP',
      skp({ period: { start: '2027-01-01', end: '2027-06-30' }, rhk: [{ ...quantitativeRhk('rhk-1'), period: { start: '2027-06-01', end: '2027-07-31' } }] }),
      staff,
      'PERIOD_OUTSIDE',
      'RHK ke-1: periode harus di dalam periode SKP',
      'rhk.0.period',
    ],
    [
      'a period that ends before it starts',
      skp({ period: { start: '2027-12-31', end: '2027-01-01' } }),
      staff,
      'PERIOD_REVERSED',
      'tanggal mulai tidak boleh setelah',
      'period',
    ],
    [
      'two RHK with one id',
      skp({ rhk: [quantitativeRhk('rhk-1'), quantitativeRhk('rhk-1')] }),
      staff,
      'DUPLICATE_ID',
      'kode "rhk-1" dipakai lebih dari sekali',
      'rhk.1.id',
    ],
    [
      'a zero target',
      skp({
        rhk: [
          {
            ...quantitativeRhk('rhk-1'),
            indicators: [{ id: 'i', description: 'x', target: { kind: 'quantitative', value: 0, unit: 'dokumen', direction: 'higherIsBetter' } }],
          },
        ],
      }),
      staff,
      'NUMBER_TOO_SMALL',
      'RHK ke-1, indikator ke-1, target, nilai: harus lebih besar dari 0',
      'rhk.0.indicators.0.target.value',
    ],
    [
      'a negative target',
      skp({
        rhk: [
          {
            ...quantitativeRhk('rhk-1'),
            indicators: [{ id: 'i', description: 'x', target: { kind: 'quantitative', value: -5, unit: 'dokumen', direction: 'higherIsBetter' } }],
          },
        ],
      }),
      staff,
      'NUMBER_TOO_SMALL',
      'harus lebih besar dari 0',
      'rhk.0.indicators.0.target.value',
    ],
    [
      'a target without unit',
      skp({
        rhk: [
          {
            ...quantitativeRhk('rhk-1'),
            indicators: [{ id: 'i', description: 'x', target: { kind: 'quantitative', value: 5, unit: ' ', direction: 'higherIsBetter' } }],
          },
        ],
      }),
      staff,
      'TEXT_EMPTY',
      'satuan: tidak boleh kosong',
      'rhk.0.indicators.0.target.unit',
    ],
    [
      'an unknown direction',
      skp({
        rhk: [
          {
            ...quantitativeRhk('rhk-1'),
            indicators: [{ id: 'i', description: 'x', target: { kind: 'quantitative', value: 5, unit: 'x', direction: 'sideways' as never } }],
          },
        ],
      }),
      staff,
      'OPTION_INVALID',
      'arah indikator: harus salah satu dari: higherIsBetter, lowerIsBetter',
      'rhk.0.indicators.0.target.direction',
    ],
    [
      'an unknown target type',
      skp({ rhk: [{ ...quantitativeRhk('rhk-1'), indicators: [{ id: 'i', description: 'x', target: { kind: 'vibes' } as never }] }] }),
      staff,
      'OPTION_INVALID',
      'quantitative, qualitative',
      'rhk.0.indicators.0.target.kind',
    ],
    [
      'an RHK without indicators',
      skp({ rhk: [{ ...quantitativeRhk('rhk-1'), indicators: [] }] }),
      staff,
      'LIST_EMPTY',
      'RHK ke-1, indikator (IKI)',
      'rhk.0.indicators',
    ],
    ['a malformed NIP', skp({ nip: '19900312' }), staff, 'NIP_FORMAT', 'NIP: harus 18 digit angka', 'nip'],
    [
      'a malformed date',
      skp({ period: { start: '2027-02-30', end: '2027-12-31' } }),
      staff,
      'DATE_FORMAT',
      'periode, tanggal mulai: harus tanggal',
      'period.start',
    ],
    [
      'a missing description',
      { ...skp(), rhk: [{ ...quantitativeRhk('rhk-1'), description: undefined }] },
      staff,
      'FIELD_REQUIRED',
      'RHK ke-1, uraian: wajib diisi',
      'rhk.0.description',
    ],
  ])('rejects %s', (_, input, ctx, code, idText, field) => {
    const result = validateSkp(input, ctx);
    expect(result.ok).toBe(false);
    const found = result.errors.find((e) => e.code === code);
    expect(found, JSON.stringify(result.errors)).toBeDefined();
    expect(found!.messageId).toContain(idText);
    expect(found!.messageEn).not.toBe(found!.messageId);
    expect(found!.field).toBe(field);
  });

  it('lets a head of unit leave RHK unlinked', () => {
    const head = skp({ rhk: [{ ...quantitativeRhk('rhk-1'), parentRhkId: undefined }] });
    expect(validateSkp(head, { isUnitHead: true, cycle: CYCLE }).ok).toBe(true);
  });

  it('reports every problem at once', () => {
    const bad = skp({ period: { start: '2027-12-31', end: '2027-01-01' }, rhk: [{ ...quantitativeRhk('rhk-1', 'tambahan'), parentRhkId: undefined }] });
    expect(
      validateSkp(bad, staff)
        .errors.map((e) => e.code)
        .sort(),
    ).toEqual(['PERIOD_REVERSED', 'RHK_PARENT_REQUIRED', 'SKP_NO_MAIN_RHK']);
  });
});
