/**
 * Survei Kepuasan Masyarakat (SKM) and its Indeks Kepuasan Masyarakat (IKM), PermenPAN-RB 14/2017:
 * nine elements (unsur) answered 1–4; NRR per element = sum / number of answers;
 * IKM = Σ (NRR × 1/9) × 25, on 25–100; mutu and unit performance by band of the IKM rounded to 2 decimals.
 *
 * A respondent may leave an unsur blank (`null`): the regulation divides by "total unsur yang terisi",
 * so each unsur's NRR is its sum over the answers it received, and a blank neither lowers nor raises it.
 * A form must answer at least one unsur. An unsur that nobody answered has no NRR (`null`) and is left
 * out, the weight becoming 1 / (number of unsur with answers), so the IKM stays on 25–100.
 */
import * as z from 'zod';
import { type DomainError, DomainValidationError, domainError } from '../errors';
import { DEFAULT_POLICY_ID, getPolicy } from '../policies';
import { MutuSchema, type Policy } from '../policy';
import { type Bilingual, roundHalfUp } from '../text';

export const SKM_UNSUR: readonly { no: number; name: Bilingual }[] = [
  { no: 1, name: { id: 'Persyaratan', en: 'Requirements' } },
  { no: 2, name: { id: 'Sistem, mekanisme, dan prosedur', en: 'System, mechanism and procedure' } },
  { no: 3, name: { id: 'Waktu penyelesaian', en: 'Time to complete' } },
  { no: 4, name: { id: 'Biaya/tarif', en: 'Cost/fee' } },
  { no: 5, name: { id: 'Produk spesifikasi jenis pelayanan', en: 'Service product specification' } },
  { no: 6, name: { id: 'Kompetensi pelaksana', en: 'Competence of staff' } },
  { no: 7, name: { id: 'Perilaku pelaksana', en: 'Conduct of staff' } },
  { no: 8, name: { id: 'Penanganan pengaduan, saran, dan masukan', en: 'Handling of complaints, suggestions and input' } },
  { no: 9, name: { id: 'Sarana dan prasarana', en: 'Facilities and infrastructure' } },
];

export const IkmResultSchema = z.object({
  policyId: z.string(),
  respondents: z.number().int(),
  /** Nilai rata-rata per unsur, in the order of SKM_UNSUR, unrounded; null for an unsur nobody answered. */
  nrr: z.array(z.number().nullable()),
  /** How many answers each unsur received (a blank does not count), in SKM_UNSUR order. */
  answered: z.array(z.number().int()),
  /** IKM rounded to 2 decimals: the figure published and the one the bands compare. */
  ikm: z.number(),
  mutu: MutuSchema,
  kinerjaUnit: z.string(),
  kinerjaUnitEn: z.string(),
});
export type IkmResult = z.infer<typeof IkmResultSchema>;

/** Reports at most this many answer errors; a broken import should not yield 10,000 messages. */
const MAX_ERRORS = 20;

/** One answer: 1–4, or null when the respondent left the unsur blank. */
export type SkmAnswer = number | null;

export function computeIkm(responses: readonly (readonly SkmAnswer[])[], policy: Policy = getPolicy(DEFAULT_POLICY_ID)): IkmResult {
  throwIfInvalid(responses);
  const answered = SKM_UNSUR.map((_, u) => responses.reduce((n, r) => n + (r[u] == null ? 0 : 1), 0));
  const nrr = SKM_UNSUR.map((_, u) => (answered[u]! === 0 ? null : responses.reduce((sum, r) => sum + (r[u] ?? 0), 0) / answered[u]!));
  const present = nrr.filter((x): x is number => x !== null);
  // 1/9 exact when every unsur has answers (the regulation's worked example rounds it to 0.11).
  const weight = 1 / present.length;
  const ikm = roundHalfUp(present.reduce((sum, x) => sum + x * weight, 0) * 25, 2);
  const band = mutuForIkm(ikm, policy);
  return {
    policyId: policy.id,
    respondents: responses.length,
    nrr,
    answered,
    ikm,
    mutu: band.mutu,
    kinerjaUnit: band.kinerjaUnit.id,
    kinerjaUnitEn: band.kinerjaUnit.en,
  };
}

/** The band of an IKM: 88.31–100 A, 76.61–88.30 B, 65.00–76.60 C, 25.00–64.99 D (default policy).
 *  The value is rounded to 2 decimals first, as the regulation's table is written in 2 decimals. */
export function mutuForIkm(ikm: number, policy: Policy = getPolicy(DEFAULT_POLICY_ID)): Policy['skm']['bands'][number] {
  const rounded = roundHalfUp(ikm, 2);
  const bands = policy.skm.bands;
  return bands.find((b) => rounded >= b.minIkm) ?? bands[bands.length - 1]!;
}

function throwIfInvalid(responses: readonly (readonly SkmAnswer[])[]): void {
  if (responses.length === 0) throw domainError('SKM_NO_RESPONSES', undefined);
  const errors: DomainError[] = [];
  let total = 0;
  responses.forEach((answers, i) => {
    const at = { id: `Responden ke-${i + 1}`, en: `Respondent ${i + 1}` };
    if (!Array.isArray(answers) || answers.length !== SKM_UNSUR.length) {
      total += 1;
      if (errors.length < MAX_ERRORS)
        errors.push(domainError('SKM_ANSWER_COUNT', { at, count: Array.isArray(answers) ? answers.length : 0, expected: SKM_UNSUR.length }, `responses.${i}`));
      return;
    }
    if (answers.every((a) => a === null)) {
      total += 1;
      if (errors.length < MAX_ERRORS) errors.push(domainError('SKM_NO_ANSWER', { at }, `responses.${i}`));
      return;
    }
    answers.forEach((a, u) => {
      if (a === null || (Number.isInteger(a) && a >= 1 && a <= 4)) return;
      total += 1;
      if (errors.length >= MAX_ERRORS) return;
      const unsur = SKM_UNSUR[u]!.name;
      const where = { id: `${at.id}, unsur ${unsur.id}`, en: `${at.en}, ${unsur.en}` };
      errors.push(domainError('SKM_ANSWER_INVALID', { at: where }, `responses.${i}.${u}`));
    });
  });
  if (total > 0) throw new DomainValidationError(errors, total);
}
