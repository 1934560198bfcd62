/** The HR console's API answers (shapes from shared/application/queries/cycle-summary.ts and shared/http/contract/console.ts). */

export interface Bilingual {
  id: string;
  en: string;
}
export interface RuleCheck {
  predikats: string[];
  rule: Bilingual;
  min?: number;
  max?: number;
  actual: number;
  status: 'OK' | 'VIOLATED' | 'NOT_APPLICABLE';
  message: Bilingual;
}
export interface ScopeDistribution {
  scope: 'unit' | 'organisation';
  unitId: string;
  size: number;
  counts: Record<string, number>;
  status: 'OK' | 'VIOLATIONS' | 'NOT_APPLICABLE';
  checks: RuleCheck[];
}
export interface Violation {
  scope: 'unit' | 'organisation';
  unitId: string;
  rule: Bilingual;
  actual: number;
  min?: number;
  max?: number;
  messageId: string;
  messageEn: string;
}
export interface CalibrationFlag {
  unitId: string;
  violations: Violation[];
  resolved: boolean;
  resolution?: { reason: string; by: string; at: string };
}
export interface CycleSummary {
  cycle: {
    cycleId: string;
    agencyId: string;
    year: number;
    status: string;
    stage: string;
    orgPredikat?: string;
    failure?: { stage: string; error: string; cause?: string; at: string };
    calibration?: {
      at: string;
      orgPredikat: string;
      report?: { policyId: string; orgPredikat: string; units: ScopeDistribution[]; organisation: ScopeDistribution; violations: Violation[]; ok: boolean };
      flags: CalibrationFlag[];
    };
  };
  stages: { stage: string; total: number; done: number; openedAt: string | null; readyAt: string | null; closedAt: string | null }[];
  units: { unitId: string; name: string; employees: number; distribution: Record<string, number>; statuses: Record<string, number> }[];
  workflow: { name: string; status: string; error: string | null; cause: string | null } | null;
}
export interface WaitingItem {
  nip: string;
  name: string;
  jabatan: string;
  status: string;
  waitsOn: { nip: string; name: string; jabatan: string } | null;
}
export interface StageProgress {
  cycleId: string;
  stage: string;
  current: boolean;
  openedAt: string | null;
  deadline: string | null;
  daysLate: number;
  total: number;
  done: number;
  units: { unitId: string; name: string; employees: number; pending: number; done: number }[];
  waiting?: { unitId: string; items: WaitingItem[]; next: string | null };
  schedule: {
    id: string;
    legalSource: string;
    periodicEvaluation: string;
    stages: { stage: string; opensAt: string | null; reminderDay: number; deadlineDay: number; lastDay: number; fixedWindowDays?: number }[];
  };
}
export interface ReminderResult {
  stage: string;
  day: string;
  sent: { nip: string; name: string }[];
  alreadySent: { nip: string; name: string }[];
}
