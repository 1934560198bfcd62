/**
 * Typed domain errors. Each says what is wrong in words an HR officer understands, in Bahasa Indonesia
 * (`messageId`) and English (`messageEn`), and names the field (`field`, a dotted path) when there is one.
 * All wording lives in MESSAGES, so one rule is never explained in two different ways.
 */
import type { z } from 'zod';
import type { Bilingual } from './text';

type At = { at: Bilingual };
const where = (p: At): Bilingual => ({ id: p.at.id ? `${p.at.id}: ` : '', en: p.at.en ? `${p.at.en}: ` : '' });
const msg = (p: At, id: string, en: string): Bilingual => ({ id: where(p).id + id, en: where(p).en + en });

const MESSAGES = {
  // Generic field problems (translated from schema checks).
  FIELD_REQUIRED: (p: At) => msg(p, 'wajib diisi.', 'is required.'),
  FIELD_INVALID: (p: At & { detail: string }) => msg(p, `isian tidak valid (${p.detail}).`, `is not valid (${p.detail}).`),
  TEXT_EMPTY: (p: At) => msg(p, 'tidak boleh kosong.', 'must not be empty.'),
  LIST_EMPTY: (p: At & { min: number }) => msg(p, `minimal ${p.min} isian.`, `needs at least ${p.min} item(s).`),
  NUMBER_TOO_SMALL: (p: At & { min: number; inclusive: boolean }) =>
    p.inclusive ? msg(p, `minimal ${p.min}.`, `must be at least ${p.min}.`) : msg(p, `harus lebih besar dari ${p.min}.`, `must be greater than ${p.min}.`),
  NUMBER_TOO_LARGE: (p: At & { max: number }) => msg(p, `maksimal ${p.max}.`, `must be at most ${p.max}.`),
  NOT_INTEGER: (p: At) => msg(p, 'harus bilangan bulat.', 'must be a whole number.'),
  OPTION_INVALID: (p: At & { options: string }) => msg(p, `harus salah satu dari: ${p.options}.`, `must be one of: ${p.options}.`),
  DATE_FORMAT: (p: At) => msg(p, 'harus tanggal dengan format TTTT-BB-HH.', 'must be a date as YYYY-MM-DD.'),
  NIP_FORMAT: (p: At) => msg(p, 'harus 18 digit angka.', 'must be 18 digits.'),

  // SKP (perencanaan kinerja).
  SKP_NO_MAIN_RHK: () => ({
    id: 'SKP harus memuat minimal satu RHK utama.',
    en: 'The SKP needs at least one main RHK (RHK utama).',
  }),
  DUPLICATE_ID: (p: At & { value: string }) => msg(p, `kode "${p.value}" dipakai lebih dari sekali.`, `id "${p.value}" is used more than once.`),
  RHK_PARENT_REQUIRED: (p: At) =>
    msg(
      p,
      'RHK harus dikaitkan dengan RHK atasan yang diintervensi (hanya pimpinan unit yang dikecualikan).',
      "the RHK must be linked to the superior's RHK it supports (only heads of units are exempt).",
    ),
  RHK_PARENT_UNKNOWN: (p: At & { value: string }) =>
    msg(p, `RHK atasan "${p.value}" tidak ada di SKP atasan.`, `superior's RHK "${p.value}" is not in the superior's SKP.`),
  SKP_NIP_MISMATCH: () => ({
    id: 'NIP pada SKP berbeda dari NIP pegawai yang dinilai.',
    en: "The SKP's NIP differs from the NIP of the employee being rated.",
  }),
  PERIOD_REVERSED: (p: At) => msg(p, 'tanggal mulai tidak boleh setelah tanggal selesai.', 'the start date must not be after the end date.'),
  PERIOD_OUTSIDE: (p: At & { outer: Bilingual; start: string; end: string }) =>
    msg(p, `periode harus di dalam ${p.outer.id} (${p.start} s.d. ${p.end}).`, `the period must lie within ${p.outer.en} (${p.start} to ${p.end}).`),

  // Final scoring (evaluasi).
  REALISATION_MISSING: (p: At) => msg(p, 'realisasi belum diisi.', 'has no realisation recorded.'),
  REALISATION_UNKNOWN_INDICATOR: (p: At & { value: string }) => msg(p, `indikator "${p.value}" tidak ada di SKP.`, `indicator "${p.value}" is not in the SKP.`),
  REALISATION_KIND_MISMATCH: (p: At & { quantitative: boolean }) =>
    p.quantitative
      ? msg(p, 'indikator kuantitatif memerlukan angka realisasi.', 'a quantitative indicator needs a numeric realisation.')
      : msg(
          p,
          'indikator kualitatif dinilai langsung oleh pejabat penilai (Di Atas/Sesuai/Di Bawah Ekspektasi).',
          'a qualitative indicator is judged directly by the rater (above/meets/below expectations).',
        ),
  DUPLICATE_ENTRY: (p: At) => msg(p, 'diisi lebih dari sekali.', 'is given more than once.'),
  RATING_UNKNOWN_RHK: (p: At & { value: string }) => msg(p, `RHK "${p.value}" tidak ada di SKP.`, `RHK "${p.value}" is not in the SKP.`),
  OVERRIDE_REASON_REQUIRED: (p: At & { proposed: Bilingual; chosen: Bilingual }) =>
    msg(
      p,
      `alasan tertulis wajib diisi karena rating "${p.chosen.id}" berbeda dari usulan sistem "${p.proposed.id}".`,
      `a written reason is required because the rating "${p.chosen.en}" differs from the proposed "${p.proposed.en}".`,
    ),
  ORGANISATION_RESULT_REQUIRED: () => ({
    id: 'Pimpinan unit kerja: rating hasil kerjanya sama dengan capaian kinerja organisasi, yang belum ditetapkan HR.',
    en: "Head of unit: the results rating equals the organisation's result, which HR has not set yet.",
  }),

  // Policy.
  POLICY_UNKNOWN: (p: { value: string }) => ({
    id: `Kebijakan penilaian "${p.value}" tidak dikenal.`,
    en: `Unknown scoring policy "${p.value}".`,
  }),
  POLICY_MODEL_MISMATCH: (p: { value: string; expected: Bilingual }) => ({
    id: `Kebijakan "${p.value}" bukan kebijakan ${p.expected.id}.`,
    en: `Policy "${p.value}" is not a ${p.expected.en} policy.`,
  }),

  // SKM (survei kepuasan masyarakat).
  SKM_NO_RESPONSES: () => ({
    id: 'Belum ada jawaban survei kepuasan masyarakat.',
    en: 'There are no citizen survey responses yet.',
  }),
  SKM_ANSWER_COUNT: (p: At & { count: number; expected: number }) =>
    msg(p, `harus ${p.expected} jawaban (satu per unsur), ada ${p.count}.`, `needs ${p.expected} answers (one per element), has ${p.count}.`),
  SKM_ANSWER_INVALID: (p: At) => msg(p, 'jawaban harus bilangan bulat 1 sampai 4.', 'the answer must be a whole number from 1 to 4.'),
  SKM_NO_ANSWER: (p: At) => msg(p, 'jawab setidaknya satu unsur.', 'answer at least one element.'),

  // Distribution.
  DISTRIBUTION_DUPLICATE_UNIT: (p: { value: string }) => ({
    id: `Unit "${p.value}" tercantum lebih dari sekali.`,
    en: `Unit "${p.value}" is listed more than once.`,
  }),
} satisfies Record<string, (p: never) => Bilingual>;

export type DomainErrorCode = keyof typeof MESSAGES | 'VALIDATION_FAILED';
type ParamsOf<C extends keyof typeof MESSAGES> = Parameters<(typeof MESSAGES)[C]>[0];

export class DomainError extends Error {
  override readonly name: string = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    readonly messageId: string,
    readonly messageEn: string,
    readonly field?: string,
  ) {
    super(`${messageEn} / ${messageId}`);
  }

  toJSON(): { code: DomainErrorCode; messageId: string; messageEn: string; field?: string } {
    return { code: this.code, messageId: this.messageId, messageEn: this.messageEn, ...(this.field ? { field: this.field } : {}) };
  }
}

/** Several problems found at once, so HR can fix them all in one pass. */
export class DomainValidationError extends DomainError {
  override readonly name = 'DomainValidationError';
  /** `total` counts every problem when only the first few are listed. */
  constructor(
    readonly errors: readonly DomainError[],
    readonly total: number = errors.length,
  ) {
    const first = errors[0];
    super(
      'VALIDATION_FAILED',
      `Data belum dapat diproses (${total} masalah)${first ? `. ${first.messageId}` : '.'}`,
      `The data cannot be processed (${total} problem(s))${first ? `. ${first.messageEn}` : '.'}`,
    );
  }
}

/** Builds a typed error from the catalogue. The `never`-free overload keeps parameters checked per code. */
export function domainError<C extends keyof typeof MESSAGES>(code: C, params: ParamsOf<C>, field?: string): DomainError {
  const text = (MESSAGES[code] as (p: ParamsOf<C>) => Bilingual)(params);
  return new DomainError(code, text.id, text.en, field);
}

export function throwIfAny(errors: readonly DomainError[]): void {
  if (errors.length > 0) throw new DomainValidationError(errors);
}

// ---------------------------------------------------------------------------------------------
// Schema issues → HR-readable errors. The location is spelt out ("RHK ke-2, indikator ke-1, nilai
// target"), not a JSON path; the dotted path is kept in `field` for the form that shows it.

const FIELD_LABELS: Record<string, Bilingual> = {
  skp: { id: 'SKP', en: 'SKP' },
  rhk: { id: 'RHK', en: 'RHK' },
  indicators: { id: 'indikator (IKI)', en: 'indicators (IKI)' },
  nip: { id: 'NIP', en: 'NIP' },
  period: { id: 'periode', en: 'period' },
  start: { id: 'tanggal mulai', en: 'start date' },
  end: { id: 'tanggal selesai', en: 'end date' },
  jenis: { id: 'jenis RHK (utama/tambahan)', en: 'RHK type (main/additional)' },
  description: { id: 'uraian', en: 'description' },
  parentRhkId: { id: 'RHK atasan yang diintervensi', en: "superior's RHK" },
  target: { id: 'target', en: 'target' },
  kind: { id: 'jenis target (kuantitatif/kualitatif)', en: 'target type (quantitative/qualitative)' },
  value: { id: 'nilai', en: 'value' },
  unit: { id: 'satuan', en: 'unit' },
  direction: { id: 'arah indikator', en: 'indicator direction' },
  expectation: { id: 'ekspektasi', en: 'expectation' },
  competencies: { id: 'kompetensi', en: 'competencies' },
  realisations: { id: 'realisasi', en: 'realisations' },
  indicatorId: { id: 'kode indikator', en: 'indicator id' },
  rhkId: { id: 'kode RHK', en: 'RHK id' },
  judgement: { id: 'penilaian pejabat penilai', en: "rater's judgement" },
  raterRhkRatings: { id: 'rating RHK oleh pejabat penilai', en: "rater's RHK ratings" },
  raterBehaviourRating: { id: 'rating perilaku oleh pejabat penilai', en: "rater's behaviour rating" },
  behaviourFeedback: { id: 'umpan balik perilaku', en: 'behaviour feedback' },
  citizenEvidence: { id: 'bukti dari masyarakat', en: 'citizen evidence' },
  source: { id: 'sumber', en: 'source' },
  rating: { id: 'rating', en: 'rating' },
  reason: { id: 'alasan', en: 'reason' },
  comment: { id: 'komentar', en: 'comment' },
  isUnitHead: { id: 'pimpinan unit', en: 'head of unit' },
  organisationResult: { id: 'capaian kinerja organisasi', en: "organisation's result" },
  tasks: { id: 'tugas', en: 'tasks' },
  quantity: { id: 'kuantitas', en: 'quantity' },
  quality: { id: 'kualitas', en: 'quality' },
  time: { id: 'waktu', en: 'time' },
  cost: { id: 'biaya', en: 'cost' },
  realisation: { id: 'realisasi', en: 'realisation' },
  behaviourScores: { id: 'nilai perilaku', en: 'behaviour scores' },
};

const LIST_ITEM_LABELS: Record<string, Bilingual> = {
  rhk: { id: 'RHK ke-', en: 'RHK ' },
  indicators: { id: 'indikator ke-', en: 'indicator ' },
  realisations: { id: 'realisasi ke-', en: 'realisation ' },
  raterRhkRatings: { id: 'rating RHK ke-', en: 'RHK rating ' },
  behaviourFeedback: { id: 'umpan balik ke-', en: 'feedback ' },
  citizenEvidence: { id: 'bukti masyarakat ke-', en: 'citizen evidence ' },
  tasks: { id: 'tugas ke-', en: 'task ' },
  behaviourScores: { id: 'nilai perilaku ke-', en: 'behaviour score ' },
};

/** "RHK ke-2, indikator ke-1, nilai target" for the path ['rhk', 1, 'indicators', 0, 'target', 'value']. */
export function describePath(path: readonly PropertyKey[], root?: Bilingual): Bilingual {
  const parts: Bilingual[] = root ? [root] : [];
  path.forEach((seg, i) => {
    if (typeof seg === 'number') {
      const list = LIST_ITEM_LABELS[String(path[i - 1])];
      const n = seg + 1;
      parts.push(list ? { id: `${list.id}${n}`, en: `${list.en}${n}` } : { id: `no. ${n}`, en: `no. ${n}` });
      return;
    }
    const next = path[i + 1];
    if (typeof next === 'number' && LIST_ITEM_LABELS[String(seg)]) return; // the item label says it
    const label = FIELD_LABELS[String(seg)] ?? { id: String(seg), en: String(seg) };
    parts.push(label);
  });
  return { id: parts.map((p) => p.id).join(', '), en: parts.map((p) => p.en).join(', ') };
}

const CATALOGUE_CODES = new Set<string>(Object.keys(MESSAGES));

/** Translates zod issues (parsed with `reportInput: true`) into domain errors. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], root?: Bilingual): DomainError[] {
  return issues.map((issue) => {
    const at = describePath(issue.path, root);
    const field = issue.path.map(String).join('.') || undefined;
    // Schemas may name a catalogue code as their message (e.g. NIP_FORMAT).
    if (CATALOGUE_CODES.has(issue.message)) {
      return domainError(issue.message as 'NIP_FORMAT', { at }, field);
    }
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined
          ? domainError('FIELD_REQUIRED', { at }, field)
          : issue.expected === 'int'
            ? domainError('NOT_INTEGER', { at }, field)
            : domainError('FIELD_INVALID', { at, detail: `${issue.expected}` }, field);
      case 'too_small':
        if (issue.origin === 'string') return domainError('TEXT_EMPTY', { at }, field);
        if (issue.origin === 'array' || issue.origin === 'set') return domainError('LIST_EMPTY', { at, min: Number(issue.minimum) }, field);
        return domainError('NUMBER_TOO_SMALL', { at, min: Number(issue.minimum), inclusive: issue.inclusive ?? true }, field);
      case 'too_big':
        return domainError('NUMBER_TOO_LARGE', { at, max: Number(issue.maximum) }, field);
      case 'invalid_format':
        return issue.format === 'date' ? domainError('DATE_FORMAT', { at }, field) : domainError('FIELD_INVALID', { at, detail: issue.format }, field);
      case 'invalid_value':
        return domainError('OPTION_INVALID', { at, options: issue.values.map(String).join(', ') }, field);
      case 'invalid_union': {
        // A discriminated union reports the discriminator's allowed values (zod 4 adds `options`).
        const options = (issue as { options?: unknown[] }).options ?? [];
        return domainError('OPTION_INVALID', { at, options: options.map(String).join(', ') || '?' }, field);
      }
      default:
        return domainError('FIELD_INVALID', { at, detail: issue.message }, field);
    }
  });
}

/** Parses with a schema or throws a DomainValidationError listing every problem. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, root?: Bilingual): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  // Only a failure pays for `reportInput`, which tells a missing field from a wrong one.
  const reported = schema.safeParse(input, { reportInput: true });
  throw new DomainValidationError(fromZodIssues((reported.error ?? parsed.error).issues, root));
}
