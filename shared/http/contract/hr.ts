/** Request schemas of the HR routes (functions/hr-api): cycles, roster changes, calibration, export, report. */
import * as z from 'zod';
import { PeriodicEvaluationSchema } from '../../domain/lifecycle/periods';
import { DEFAULT_POLICY_ID } from '../../domain/policies';
import { OrgPredikatSchema } from '../../domain/ratings';
import { LangQuery, LocaleSchema, NipParam, ProblemSchema, Reason } from './common';

export { EvaluationListQuery } from '../../application/queries/evaluation-list';

export const CreateCycleBody = z.object({
  year: z.number().int().min(2022).max(2100),
  policyId: z.string().default(DEFAULT_POLICY_ID),
  orgPredikat: OrgPredikatSchema.optional(),
  /** Periodic evaluations: semester (default: the mid-year stage only), quarterly or monthly (periods of their own). */
  periodicEvaluation: PeriodicEvaluationSchema.optional(),
});
export const OrgPredikatBody = z.object({ orgPredikat: OrgPredikatSchema });
export const CalibrationResolutionBody = z.object({ reason: Reason });
export const TransferBody = z.object({ unitId: z.string().min(1).max(64).optional(), raterNip: NipParam, reason: Reason });
export const HandoverBody = z.object({ toNip: NipParam, reason: Reason });
export const JoinBody = z.object({
  nip: NipParam,
  name: z.string().trim().min(1).max(200),
  jabatan: z.string().trim().min(1).max(200),
  unitId: z.string().min(1).max(64),
  raterNip: NipParam,
  email: z.email(),
  locale: LocaleSchema.optional(),
  competencies: z.array(z.string().max(64)).max(30).optional(),
  jenis: z.enum(['PNS', 'PPPK']).optional(),
  isUnitHead: z.boolean().optional(),
});

export const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Periode YYYY-MM / period YYYY-MM');
export const ExportQuery = z.object({ lang: LangQuery });
export const ReportQuery = z.object({ lang: LangQuery, period: Period.optional() });

/** `POST /v1/roster/import`: a CSV file (shared/application/roster/roster-import.ts: header row, `;` `,` or tab, UTF-8). */
export const RosterCsv = z.string().min(1);
/** Its 422 (problem+json): every bad row in `errors` (field "baris N · column") and as `rows`, nothing stored. */
export const RosterImportErrors = ProblemSchema.extend({
  imported: z.literal(false),
  rows: z.array(z.object({ line: z.number().int().min(0), field: z.string().optional(), id: z.string(), en: z.string() })),
});
/** Its 503 (problem+json, Retry-After): the writes did not finish within the time budget; the same file again completes them. */
export const RosterImportIncomplete = ProblemSchema.extend({
  imported: z.literal(false),
  written: z.number().int().min(0),
  total: z.number().int().min(0),
});
