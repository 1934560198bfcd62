/** The report's input shapes (structural: `cycleSummary()`'s result fits them). */
import type { DistributionReport, DistributionViolation } from '../../../domain/distribution';
import type { FigureRow } from './figures';
import type { ReportLocale } from './labels';

// ─── input shapes (structural: `cycleSummary()`'s result fits them) ─────────────────────────────────

export interface ReportStage {
  stage: string;
  total: number;
  done: number;
  openedAt?: string | null;
  readyAt?: string | null;
  closedAt?: string | null;
}

export interface ReportUnit {
  unitId: string;
  name: string;
  employees: number;
  /** Predikat code → number of people holding it. */
  distribution: Record<string, number>;
  /** Evaluation status → number of evaluations. */
  statuses: Record<string, number>;
}

export interface ReportCalibrationFlag {
  unitId: string;
  violations?: DistributionViolation[];
  resolved?: boolean;
  resolution?: { reason: string; by?: string; at?: string };
}

export interface ReportCalibration {
  at?: string;
  orgPredikat?: string;
  report?: DistributionReport;
  flags?: ReportCalibrationFlag[];
}

export interface ReportCycle {
  cycleId: string;
  agencyId?: string;
  year?: number;
  policyId: string;
  status: string;
  stage: string;
  orgPredikat?: string;
  createdAt?: string;
  failure?: { stage: string; error: string; cause?: string; at: string };
  /** Stored by the calibration stage (see shared/application/evaluation/scoring.ts); read defensively. */
  calibration?: ReportCalibration;
}

export interface CycleReportSummary {
  cycle: ReportCycle;
  stages: readonly ReportStage[];
  units: readonly ReportUnit[];
  workflow?: { name: string; status: string; error?: string | null; cause?: string | null } | null;
}

export interface UnitIkm {
  unitId: string;
  ikm: number;
  mutu: string;
  respondents: number;
}

export interface CycleReportOptions {
  locale?: ReportLocale;
  generatedAt: Date;
  ikm?: readonly UnitIkm[];
  /**
   * The cycle's evaluations — the rows the CSV export prints. Given, every count of the report (per unit:
   * people, predikat, status; the follow-up list) is computed from them, so the report and the CSV agree.
   */
  rows?: readonly FigureRow[];
  /** Rater-bias analytics of the cycle (./rater-bias.ts); the section is left out without it. */
  raterBias?: import('./rater-bias').ReportRaterBias;
}
