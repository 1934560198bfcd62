/**
 * Sasaran Kinerja Pegawai (SKP) under PermenPAN-RB 6/2022: Rencana Hasil Kerja (RHK, main or
 * additional), each measured by indicators (Indikator Kinerja Individu, IKI) with a target that is
 * either a number with a unit and a direction, or a qualitative expectation. Every RHK of an employee
 * who is not the head of the unit supports ("intervensi") an RHK of the rater.
 */
import * as z from 'zod';
import { BerakhlakValueSchema } from './berakhlak';
import { type DomainError, domainError, fromZodIssues } from './errors';
import type { Bilingual } from './text';

export const NipSchema = z.string().regex(/^\d{18}$/, { error: 'NIP_FORMAT' });
export const IdSchema = z.string().trim().min(1).max(100);
export const IsoDateSchema = z.iso.date();

export const PeriodSchema = z.object({ start: IsoDateSchema, end: IsoDateSchema });
export type Period = z.infer<typeof PeriodSchema>;

export const QuantitativeTargetSchema = z.object({
  kind: z.literal('quantitative'),
  value: z.number().finite().positive(),
  unit: z.string().trim().min(1),
  /** Lower is better for counts of complaints, days to finish a service, and the like. */
  direction: z.enum(['higherIsBetter', 'lowerIsBetter']),
});
export type QuantitativeTarget = z.infer<typeof QuantitativeTargetSchema>;

export const QualitativeTargetSchema = z.object({
  kind: z.literal('qualitative'),
  expectation: z.string().trim().min(1),
});

export const TargetSchema = z.discriminatedUnion('kind', [QuantitativeTargetSchema, QualitativeTargetSchema]);
export type Target = z.infer<typeof TargetSchema>;

export const IndicatorSchema = z.object({
  id: IdSchema,
  description: z.string().trim().min(1),
  target: TargetSchema,
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const RhkJenisSchema = z.enum(['utama', 'tambahan']);
export type RhkJenis = z.infer<typeof RhkJenisSchema>;

export const RhkSchema = z.object({
  id: IdSchema,
  jenis: RhkJenisSchema,
  description: z.string().trim().min(1),
  /** The rater's RHK this one supports; required for everyone but a head of unit. */
  parentRhkId: IdSchema.optional(),
  /** Defaults to the SKP's period; shorter for work that starts or ends mid-year. */
  period: PeriodSchema.optional(),
  indicators: z.array(IndicatorSchema).min(1),
  /** Competencies the work draws on, used to match training when the RHK falls short. */
  competencies: z.array(IdSchema).optional(),
});
export type Rhk = z.infer<typeof RhkSchema>;

export const SkpSchema = z.object({
  nip: NipSchema,
  period: PeriodSchema,
  rhk: z.array(RhkSchema).min(1),
  /** Ekspektasi khusus pimpinan: the leader's special expectation per BerAKHLAK value (optional). */
  specialExpectations: z.array(z.object({ value: BerakhlakValueSchema, text: z.string().trim().min(1) })).optional(),
});
export type Skp = z.infer<typeof SkpSchema>;

export type SkpContext = {
  isUnitHead: boolean;
  /** The cycle's period: the SKP's period must lie inside it. */
  cycle?: Period;
  /** The rater's RHK ids: when given, every parentRhkId must be one of them. */
  superiorRhkIds?: readonly string[];
};

export type SkpValidation = { ok: true; skp: Skp; errors: [] } | { ok: false; errors: DomainError[] };

const SKP_PERIOD: Bilingual = { id: 'periode SKP', en: "the SKP's period" };
const CYCLE_PERIOD: Bilingual = { id: 'periode siklus penilaian', en: "the cycle's period" };

/** Validates an SKP as submitted for approval: the schema first, then the rules between fields. */
export function validateSkp(input: unknown, ctx: SkpContext): SkpValidation {
  const parsed = SkpSchema.safeParse(input, { reportInput: true }); // reportInput: "missing" vs "wrong"
  if (!parsed.success) return { ok: false, errors: fromZodIssues(parsed.error.issues) };
  const errors = skpRuleErrors(parsed.data, ctx);
  return errors.length === 0 ? { ok: true, skp: parsed.data, errors: [] } : { ok: false, errors };
}

/** The rules between fields of a parsed SKP (the evaluation re-checks the same ones). */
export function skpRuleErrors(skp: Skp, ctx: SkpContext): DomainError[] {
  const errors: DomainError[] = [];

  if (!skp.rhk.some((r) => r.jenis === 'utama')) errors.push(domainError('SKP_NO_MAIN_RHK', undefined, 'rhk'));

  errors.push(...periodErrors(skp.period, { id: 'periode SKP', en: 'SKP period' }, 'period', ctx.cycle, CYCLE_PERIOD));

  const rhkIds = new Set<string>();
  const indicatorIds = new Set<string>();
  const superior = ctx.superiorRhkIds ? new Set(ctx.superiorRhkIds) : undefined;
  skp.rhk.forEach((rhk, i) => {
    if (rhkIds.has(rhk.id)) errors.push(domainError('DUPLICATE_ID', { at: rhkAt(i), value: rhk.id }, `rhk.${i}.id`));
    rhkIds.add(rhk.id);

    if (!ctx.isUnitHead && !rhk.parentRhkId) errors.push(domainError('RHK_PARENT_REQUIRED', { at: rhkAt(i) }, `rhk.${i}.parentRhkId`));
    if (rhk.parentRhkId && superior && !superior.has(rhk.parentRhkId))
      errors.push(domainError('RHK_PARENT_UNKNOWN', { at: rhkAt(i), value: rhk.parentRhkId }, `rhk.${i}.parentRhkId`));

    if (rhk.period) errors.push(...periodErrors(rhk.period, rhkAt(i), `rhk.${i}.period`, skp.period, SKP_PERIOD));

    rhk.indicators.forEach((ind, j) => {
      if (indicatorIds.has(ind.id)) errors.push(domainError('DUPLICATE_ID', { at: indicatorAt(i, j), value: ind.id }, `rhk.${i}.indicators.${j}.id`));
      indicatorIds.add(ind.id);
    });
  });
  return errors;
}

const rhkAt = (i: number): Bilingual => ({ id: `RHK ke-${i + 1}`, en: `RHK ${i + 1}` });
export const indicatorAt = (i: number, j: number, id?: string): Bilingual => ({
  id: `RHK ke-${i + 1}, indikator ke-${j + 1}${id ? ` (${id})` : ''}`,
  en: `RHK ${i + 1}, indicator ${j + 1}${id ? ` (${id})` : ''}`,
});

function periodErrors(p: Period, at: Bilingual, field: string, outer: Period | undefined, outerName: Bilingual): DomainError[] {
  // ISO dates (YYYY-MM-DD) compare correctly as strings.
  if (p.start > p.end) return [domainError('PERIOD_REVERSED', { at }, field)];
  if (outer && (p.start < outer.start || p.end > outer.end))
    return [domainError('PERIOD_OUTSIDE', { at, outer: outerName, start: outer.start, end: outer.end }, field)];
  return [];
}
