/**
 * Pembinaan (coaching) after a low predikat (spec §5): Butuh Perbaikan, Kurang or Sangat Kurang opens a
 * coaching plan — agreed actions tied to the weak RHK or BerAKHLAK values, training from the catalogue,
 * sessions the rater records and the employee acknowledges — and a re-check at the first periodic
 * evaluation of the next cycle. Sangat Kurang adds the improvement period of PP 30/2019 Ps. 57 (6 months,
 * *configurable* as `policy.followUp.improvementPeriodMonths`) with its review date.
 *
 * Pure: dates come in as arguments (YYYY-MM-DD, Asia/Jakarta calendar days), nothing reads a clock.
 */
import { type BerakhlakValue, berakhlakName } from './berakhlak';
import type { FollowUp } from './followup';
import { type Predikat, predikatLabel } from './ratings';
import type { Bilingual } from './text';

/** The predikat that open a plan. */
export const COACHING_PREDIKATS: readonly Predikat[] = ['BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];
export const needsCoaching = (predikat: string | null | undefined): predikat is Predikat => COACHING_PREDIKATS.includes(predikat as Predikat);

/** Days between coaching sessions (a monthly conversation by default); *configurable* per agency. */
export const DEFAULT_SESSION_INTERVAL_DAYS = 30;
/** Months of the first periodic evaluation of the next cycle (semester default; 3 quarterly, 1 monthly). */
export const DEFAULT_PERIOD_MONTHS = 6;

export type CoachingTarget = { kind: 'rhk'; rhkId: string; description: string } | { kind: 'value'; value: BerakhlakValue; description: string };

export interface CoachingAction {
  actionId: string;
  target: CoachingTarget;
  /** What the employee and rater agreed to do, in words the employee reads. */
  text: string;
}

export interface CoachingSession {
  sessionId: string;
  /** The day it was held (YYYY-MM-DD). */
  heldOn: string;
  /** 'recheck' is the re-check at the next cycle's first periodic evaluation (closes the plan). */
  kind: 'session' | 'recheck';
  notes: string;
  /** Actions the session worked on. */
  actionIds: string[];
  /** A recheck's judgement: has the performance improved? */
  outcome?: 'IMPROVED' | 'NOT_IMPROVED';
  /** Competency evaluated after coaching (Format B.1.9), the rater's words. */
  competencyNote?: string;
  recordedBy: { nip: string; name?: string };
  recordedAt: string;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  employeeNote?: string;
}

export interface CoachingPlan {
  cycleId: string;
  agencyId: string;
  nip: string;
  name: string;
  jabatan: string;
  unitId: string;
  raterNip?: string;
  predikat: Predikat;
  status: 'OPEN' | 'CLOSED';
  openedOn: string;
  actions: CoachingAction[];
  training: { programmeId: string; title: Bilingual; provider: string; hours: number }[];
  sessionIntervalDays: number;
  /** The next session is due by this day (YYYY-MM-DD); absent once the plan is closed. */
  nextSessionDue?: string;
  /** The re-check at the first periodic evaluation of the next cycle. */
  recheck: { cycleYear: number; dueBy: string };
  /** Sangat Kurang only: the improvement period (PP 30/2019 Ps. 57) and its review date. */
  improvementPeriod?: { months: number; start: string; reviewOn: string };
  sessions: CoachingSession[];
  closedOn?: string;
  version: number;
  updatedAt: string;
}

// ─── calendar arithmetic on YYYY-MM-DD ─────────────────────────────────────────────────────────────

const parse = (d: string) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return { y, m, day };
};
const iso = (y: number, m: number, day: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The same day `months` later, clamped to the month's last day (31 Aug + 6 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const { y, m, day } = parse(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return iso(ny, nm, Math.min(day, daysIn(ny, nm)));
}
export function addDays(date: string, days: number): string {
  const { y, m, day } = parse(date);
  return new Date(Date.UTC(y, m - 1, day + days)).toISOString().slice(0, 10);
}

// ─── opening a plan ────────────────────────────────────────────────────────────────────────────────

export interface OpenPlanInput {
  cycleId: string;
  agencyId: string;
  cycleYear: number;
  employee: { nip: string; name: string; jabatan: string; unitId: string; raterNip?: string };
  predikat: Predikat;
  /** The weak RHK (id and description) and values of the final evaluation. */
  weakRhk: { rhkId: string; description: string }[];
  weakValues: BerakhlakValue[];
  followUp?: Pick<FollowUp, 'training'>;
  /** The day the result became final (YYYY-MM-DD). */
  openedOn: string;
  at: string;
  improvementPeriodMonths: number;
  sessionIntervalDays?: number;
  /** Length of the next cycle's first period (1, 3 or 6 months). */
  periodMonths?: number;
}

/** The plan a low predikat opens; undefined for Baik or Sangat Baik. */
export function openCoachingPlan(input: OpenPlanInput): CoachingPlan | undefined {
  if (!needsCoaching(input.predikat)) return undefined;
  const interval = input.sessionIntervalDays ?? DEFAULT_SESSION_INTERVAL_DAYS;
  const actions: CoachingAction[] = [
    ...input.weakRhk.map(
      (r, i): CoachingAction => ({
        actionId: `A${i + 1}`,
        target: { kind: 'rhk', rhkId: r.rhkId, description: r.description },
        text: `Menyusun langkah perbaikan dan target antara untuk RHK "${r.description}", dipantau bersama Pejabat Penilai setiap sesi.`,
      }),
    ),
    ...input.weakValues.map(
      (v, i): CoachingAction => ({
        actionId: `A${input.weakRhk.length + i + 1}`,
        target: { kind: 'value', value: v, description: berakhlakName(v).id },
        text: `Menunjukkan perilaku ${berakhlakName(v).id} dalam tugas sehari-hari, dengan contoh yang dibahas pada sesi pembinaan.`,
      }),
    ),
  ];
  // A low predikat with no recorded weakness (e.g. a behaviour rating set by the rater alone) still gets one action.
  if (actions.length === 0)
    actions.push({
      actionId: 'A1',
      target: { kind: 'value', value: 'KOMPETEN', description: berakhlakName('KOMPETEN').id },
      text: `Menyepakati rencana peningkatan kinerja untuk predikat ${predikatLabel[input.predikat].id}.`,
    });
  const nextYear = input.cycleYear + 1;
  const periodMonths = input.periodMonths ?? DEFAULT_PERIOD_MONTHS;
  return {
    cycleId: input.cycleId,
    agencyId: input.agencyId,
    nip: input.employee.nip,
    name: input.employee.name,
    jabatan: input.employee.jabatan,
    unitId: input.employee.unitId,
    ...(input.employee.raterNip ? { raterNip: input.employee.raterNip } : {}),
    predikat: input.predikat,
    status: 'OPEN',
    openedOn: input.openedOn,
    actions,
    training: (input.followUp?.training ?? []).map((t) => ({ programmeId: t.programmeId, title: t.title, provider: t.provider, hours: t.hours })),
    sessionIntervalDays: interval,
    nextSessionDue: addDays(input.openedOn, interval),
    // The first periodic evaluation of the next cycle ends with its first period.
    recheck: { cycleYear: nextYear, dueBy: addDays(addMonths(`${nextYear}-01-01`, periodMonths), -1) },
    ...(input.predikat === 'SANGAT_KURANG'
      ? {
          improvementPeriod: {
            months: input.improvementPeriodMonths,
            start: input.openedOn,
            reviewOn: addMonths(input.openedOn, input.improvementPeriodMonths),
          },
        }
      : {}),
    sessions: [],
    version: 1,
    updatedAt: input.at,
  };
}

// ─── sessions ──────────────────────────────────────────────────────────────────────────────────────

export type CoachingRuleCode = 'PLAN_CLOSED' | 'UNKNOWN_ACTION' | 'SESSION_IN_FUTURE' | 'SESSION_BEFORE_PLAN' | 'RECHECK_NEEDS_OUTCOME' | 'UNKNOWN_SESSION';

export class CoachingRuleError extends Error {
  override name = 'CoachingRuleError';
  constructor(
    readonly code: CoachingRuleCode,
    readonly text: Bilingual,
  ) {
    super(text.en);
  }
}

const RULE_TEXT: Record<CoachingRuleCode, Bilingual> = {
  PLAN_CLOSED: { id: 'Rencana pembinaan ini sudah ditutup', en: 'This coaching plan is closed' },
  UNKNOWN_ACTION: { id: 'Tindakan yang disebut tidak ada dalam rencana pembinaan', en: 'An action named is not in the coaching plan' },
  SESSION_IN_FUTURE: { id: 'Tanggal sesi belum terjadi', en: 'The session date is in the future' },
  SESSION_BEFORE_PLAN: { id: 'Tanggal sesi sebelum rencana pembinaan dibuka', en: 'The session date is before the plan was opened' },
  RECHECK_NEEDS_OUTCOME: { id: 'Pemeriksaan ulang memerlukan hasil (membaik / belum membaik)', en: 'A re-check needs its outcome (improved / not improved)' },
  UNKNOWN_SESSION: { id: 'Sesi pembinaan tidak ditemukan', en: 'Coaching session not found' },
};
const fail = (code: CoachingRuleCode): never => {
  throw new CoachingRuleError(code, RULE_TEXT[code]);
};

export interface SessionInput {
  heldOn: string;
  kind: 'session' | 'recheck';
  notes: string;
  actionIds: string[];
  outcome?: 'IMPROVED' | 'NOT_IMPROVED';
  competencyNote?: string;
}

/** The plan with a session the rater recorded; a re-check closes it. `today` is the WIB calendar day. */
export function recordSession(
  plan: CoachingPlan,
  session: SessionInput,
  by: { nip: string; name?: string },
  sessionId: string,
  today: string,
  at: string,
): CoachingPlan {
  if (plan.status !== 'OPEN') fail('PLAN_CLOSED');
  if (session.heldOn > today) fail('SESSION_IN_FUTURE');
  if (session.heldOn < plan.openedOn) fail('SESSION_BEFORE_PLAN');
  const known = new Set(plan.actions.map((a) => a.actionId));
  if (session.actionIds.some((id) => !known.has(id))) fail('UNKNOWN_ACTION');
  if (session.kind === 'recheck' && !session.outcome) fail('RECHECK_NEEDS_OUTCOME');
  const recorded: CoachingSession = {
    sessionId,
    heldOn: session.heldOn,
    kind: session.kind,
    notes: session.notes,
    actionIds: session.actionIds,
    ...(session.outcome ? { outcome: session.outcome } : {}),
    ...(session.competencyNote ? { competencyNote: session.competencyNote } : {}),
    recordedBy: by,
    recordedAt: at,
  };
  const sessions = [...plan.sessions, recorded];
  const base = { ...plan, sessions, version: plan.version + 1, updatedAt: at };
  if (session.kind === 'recheck') {
    const { nextSessionDue: _, ...rest } = base;
    return { ...rest, status: 'CLOSED', closedOn: session.heldOn };
  }
  // ISO days sort as text: the latest session held (or the opening day).
  const last = [plan.openedOn, ...sessions.map((s) => s.heldOn)].sort().pop()!;
  return { ...base, nextSessionDue: addDays(last, plan.sessionIntervalDays) };
}

/** The employee acknowledges a session (and may add a note); acknowledging twice changes nothing. */
export function acknowledgeSession(plan: CoachingPlan, sessionId: string, employeeNip: string, at: string, note?: string): CoachingPlan {
  const i = plan.sessions.findIndex((s) => s.sessionId === sessionId);
  if (i < 0) fail('UNKNOWN_SESSION');
  const s = plan.sessions[i]!;
  if (s.acknowledgedAt) return plan;
  const sessions = plan.sessions.map((x, j) =>
    j === i ? { ...x, acknowledgedAt: at, acknowledgedBy: employeeNip, ...(note ? { employeeNote: note } : {}) } : x,
  );
  return { ...plan, sessions, version: plan.version + 1, updatedAt: at };
}

/** Overdue: open, and the next session's day has passed. */
export const isOverdue = (plan: Pick<CoachingPlan, 'status' | 'nextSessionDue'>, today: string): boolean =>
  plan.status === 'OPEN' && plan.nextSessionDue !== undefined && plan.nextSessionDue < today;

/** Sessions still waiting for the employee's acknowledgement. */
export const unacknowledged = (plan: CoachingPlan) => plan.sessions.filter((s) => !s.acknowledgedAt);
