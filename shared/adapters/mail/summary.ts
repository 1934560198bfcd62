/**
 * What an approver sees of one pending item, in emails and on the confirmation page. Built by the
 * handler from the store; ratings and predikat are the domain's Indonesian terms, shown as given.
 */
import * as z from 'zod';

const text = z.string().min(1);
const httpUrl = z.url({ protocol: /^https?$/ });

export const EmployeeRefSchema = z.object({
  nip: text,
  name: text,
  jabatan: text,
  unitName: text,
});
export type EmployeeRef = z.infer<typeof EmployeeRefSchema>;

export const RhkJenisSchema = z.enum(['utama', 'tambahan']);
export type RhkJenis = z.infer<typeof RhkJenisSchema>;

export const EvaluationIndicatorSchema = z.object({
  name: text,
  target: z.string(),
  realisation: z.string(),
  achievementPct: z.number().optional(), // zod 4 numbers are finite
});

export const EvaluationRhkSchema = z.object({
  title: text,
  jenis: RhkJenisSchema,
  indicators: z.array(EvaluationIndicatorSchema),
  rating: z.string(),
});

export const EvaluationSummarySchema = z.object({
  decisionId: text,
  employee: EmployeeRefSchema,
  rhk: z.array(EvaluationRhkSchema),
  resultsRating: z.string(),
  behaviourRating: z.string(),
  predikat: z.string(),
  approveUrl: httpUrl,
  returnUrl: httpUrl,
});
export type EvaluationSummary = z.infer<typeof EvaluationSummarySchema>;

/** An SKP (performance plan) awaiting the rater's approval: targets, no realisations yet. */
export const SkpRhkSchema = z.object({
  title: text,
  jenis: RhkJenisSchema,
  indicators: z.array(z.object({ name: text, target: z.string() })),
  /** The rater's RHK this one supports ("intervensi"), if any. */
  intervensi: z.string().optional(),
});

export const SkpSummarySchema = z.object({
  decisionId: text,
  employee: EmployeeRefSchema,
  rhk: z.array(SkpRhkSchema),
  approveUrl: httpUrl,
  returnUrl: httpUrl,
});
export type SkpSummary = z.infer<typeof SkpSummarySchema>;

/** The item as shown on a page: the email's action URLs are not needed there. */
export type EvaluationDetails = Omit<EvaluationSummary, 'approveUrl' | 'returnUrl'>;
export type SkpDetails = Omit<SkpSummary, 'approveUrl' | 'returnUrl'>;
export type ItemDetails = EvaluationDetails | SkpDetails | ObjectionDetails;

/** An objection (keberatan) awaiting the approver: the evaluation, the employee's reason and the predikat asked for (labels). */
export const ObjectionSummarySchema = EvaluationSummarySchema.extend({
  objection: z.object({ reason: z.string(), requestedPredikat: z.string().optional(), filedAt: z.string().optional() }),
});
export type ObjectionSummary = z.infer<typeof ObjectionSummarySchema>;
export type ObjectionDetails = Omit<ObjectionSummary, 'approveUrl' | 'returnUrl'>;
