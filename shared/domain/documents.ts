/**
 * The official documents (spec §8) as data: what each one shows, built from stored records only, and
 * the canonical form its content hash is taken of. Layouts (shared/adapters/render/documents/) turn
 * this data into PDF; nothing here knows about PDF, storage or time.
 *
 * | Kind                 | Subject        | Final when                                  |
 * |----------------------|----------------|---------------------------------------------|
 * | SKP                  | employee       | the rater approved the SKP                   |
 * | EVALUASI_PERIODIK    | employee       | the rater gave the periodic review           |
 * | EVALUASI_TAHUNAN     | employee       | the result is FINAL (follow-up recorded)     |
 * | PENETAPAN_PREDIKAT   | unit / ORG     | the cycle's follow-up closed                 |
 * | CATATAN_PEMBINAAN    | employee       | every session shown acknowledged by the employee |
 * Before that, a document can be made on demand: it is marked DRAFT.
 */

import type { BerakhlakValue } from './berakhlak';
import { berakhlakName } from './berakhlak';
import type { CoachingPlan } from './coaching';
import type { EmployeeEvaluation } from './evaluate';
import { type PeriodDef, type PeriodEntry, periodOf, periodsOf } from './lifecycle/periods';
import { periodicEvaluationOf } from './lifecycle/schedule';
import { EVALUATION_STATUSES } from './lifecycle/status';
import { type OrgPredikat, orgPredikatLabel, type Predikat, PredikatSchema, predikatLabel, type Rating, ratingLabel } from './ratings';
import type { AuditEvent, CalibrationRecord, CycleRecord, EmployeeRecord, EvaluationRecord } from './records';
import type { Indicator, Skp } from './skp';
import { formatNumber } from './text';

export const DOCUMENT_KINDS = ['SKP', 'EVALUASI_PERIODIK', 'EVALUASI_TAHUNAN', 'PENETAPAN_PREDIKAT', 'CATATAN_PEMBINAAN'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_TITLE: Record<DocumentKind, string> = {
  SKP: 'Sasaran Kinerja Pegawai (SKP)',
  EVALUASI_PERIODIK: 'Evaluasi Kinerja Pegawai Periodik',
  EVALUASI_TAHUNAN: 'Dokumen Evaluasi Kinerja Pegawai (Tahunan)',
  PENETAPAN_PREDIKAT: 'Penetapan Predikat Kinerja Pegawai',
  CATATAN_PEMBINAAN: 'Catatan Pembinaan Kinerja Pegawai',
};
/** The part of a file name that says what the document is. */
export const DOCUMENT_SLUG: Record<DocumentKind, string> = {
  SKP: 'skp',
  EVALUASI_PERIODIK: 'evaluasi-periodik',
  EVALUASI_TAHUNAN: 'evaluasi-tahunan',
  PENETAPAN_PREDIKAT: 'penetapan-predikat',
  CATATAN_PEMBINAAN: 'catatan-pembinaan',
};

/** Whose document it is: an employee's NIP, a unit (`UNIT-<id>`) or the organisation (`ORG`). */
export const unitSubject = (unitId: string) => `UNIT-${unitId}`;
export const ORG_SUBJECT = 'ORG';

export interface PersonBlock {
  name: string;
  nip: string;
  jabatan: string;
  unit: string;
  /** PNS or PPPK. */
  jenis?: string;
  /** Pangkat/golongan ruang from the roster ("Penata Muda Tk. I (III/b)"); a layout shows "-" when absent. */
  pangkat?: string;
}

/** Who approved the content in the system, and when: the stand-in for a wet signature where no TTE exists. */
export interface Approval {
  role: string;
  name: string;
  nip?: string;
  at: string;
  onBehalfOf?: string;
}

interface Base {
  agency: string;
  cycleId: string;
  year: number;
  /** Where and on which day it is signed (the place is the agency's; the day the approval's). */
  place: string;
}

export interface SkpData extends Base {
  kind: 'SKP';
  period: { start: string; end: string };
  employee: PersonBlock;
  rater?: PersonBlock;
  rhk: { no: number; jenis: string; description: string; supports?: string; indicators: { description: string; target: string }[] }[];
  expectations: { value: string; text: string }[];
}

export interface PeriodicData extends Base {
  kind: 'EVALUASI_PERIODIK';
  /** S1 (the semester policy's mid-year check), Q1–Q4 or M01–M12. */
  periodId: string;
  periodLabel: string;
  /** The months the period covers: "Januari s.d. Maret 2026". */
  periodRange: string;
  employee: PersonBlock;
  rater?: PersonBlock;
  rhk: {
    no: number;
    description: string;
    indicators: { description: string; target: string; realisation: string; evidence: string[] }[];
    /** The rater's feedback on this RHK in the period (quarterly / monthly policy). */
    feedback?: string;
  }[];
  behaviour: { value: string; feedback: string }[];
  rating: string;
  feedback: string;
}

export interface AnnualData extends Base {
  kind: 'EVALUASI_TAHUNAN';
  employee: PersonBlock;
  rater?: PersonBlock;
  approver?: PersonBlock;
  organisationResult: string;
  /** Every periodic evaluation of the year, in order (the final evaluation reads them all). */
  periods: { label: string; rating: string; reviewedAt: string; notes: string }[];
  rhk: { no: number; description: string; achievement: string; rating: string }[];
  behaviour: { value: string; rating: string }[];
  resultsRating: string;
  behaviourRating: string;
  predikat: string;
  objection?: string;
  followUp: string[];
  training: string[];
}

export interface PenetapanData extends Base {
  kind: 'PENETAPAN_PREDIKAT';
  scope: 'unit' | 'organisation';
  unitName: string;
  organisationPredikat: string;
  curve: { rule: string; actual: number; status: string }[];
  counts: { predikat: string; count: number }[];
  employees: { no: number; nip: string; name: string; jabatan: string; unit: string; predikat: string }[];
  resolution?: string;
}

export interface CoachingData extends Base {
  kind: 'CATATAN_PEMBINAAN';
  employee: PersonBlock;
  rater?: PersonBlock;
  predikat: string;
  openedOn: string;
  actions: { id: string; target: string; text: string }[];
  training: string[];
  sessions: { heldOn: string; kind: string; notes: string; actions: string; outcome?: string; competency?: string; acknowledged: string }[];
  nextSessionDue?: string;
  recheck: string;
  improvementPeriod?: string;
  status: string;
}

export type DocumentData = SkpData | PeriodicData | AnnualData | PenetapanData | CoachingData;

/** What a document shows: its data, whether it is final, and who approved it. */
export interface DocumentContent {
  kind: DocumentKind;
  subject: string;
  /** Distinguishes several documents of one kind and subject (a period, a unit); '' when there is one. */
  variant: string;
  title: string;
  draft: boolean;
  approval?: Approval;
  data: DocumentData;
}

// ─── canonical form and its hash input ─────────────────────────────────────────────────────────────

/** JSON with keys sorted at every level and undefined dropped: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The text a document's content hash (SHA-256) is taken of: everything it shows but its own stamp. */
export const hashInput = (c: DocumentContent): string =>
  canonicalJson({ kind: c.kind, subject: c.subject, variant: c.variant, draft: c.draft, approval: c.approval, data: c.data });

// ─── formatting ────────────────────────────────────────────────────────────────────────────────────

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
/** "2026-07-01" or an ISO instant → "1 Juli 2026" (the calendar day in WIB for an instant). */
export function tanggal(dateOrInstant: string): string {
  const day = dateOrInstant.length > 10 ? new Date(Date.parse(dateOrInstant) + 7 * 3600_000).toISOString().slice(0, 10) : dateOrInstant;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
/** An ISO instant as WIB date and time: "1 Juli 2026 09.30 WIB". */
export function waktuWib(instant: string): string {
  const t = new Date(Date.parse(instant) + 7 * 3600_000).toISOString();
  return `${tanggal(t.slice(0, 10))} ${t.slice(11, 13)}.${t.slice(14, 16)} WIB`;
}

export function targetText(t: Indicator['target']): string {
  return t.kind === 'quantitative'
    ? `${formatNumber(t.value, 'id')} ${t.unit}${t.direction === 'lowerIsBetter' ? ' (makin kecil makin baik)' : ''}`
    : t.expectation;
}
const ratingText = (r: string | undefined) => (r ? (ratingLabel[r as Rating]?.id ?? r) : '-');
const predikatText = (p: string | null | undefined) => (p ? (predikatLabel[p as Predikat]?.id ?? p) : '-');
const valueName = (v: string) => berakhlakName(v as BerakhlakValue)?.id ?? v;

// ─── inputs the builders read ──────────────────────────────────────────────────────────────────────

export interface DocumentContext {
  agencyName: string;
  place: string;
  cycle: Pick<CycleRecord, 'cycleId' | 'year' | 'orgPredikat' | 'orgResult'> & { schedule?: Pick<CycleRecord['schedule'], 'periodicEvaluation'> };
  people: ReadonlyMap<string, EmployeeRecord>;
  unitNames: ReadonlyMap<string, string>;
}

function person(ctx: DocumentContext, nip: string | null | undefined, fallback?: { name: string; jabatan: string; unitId: string }): PersonBlock | undefined {
  if (!nip) return undefined;
  const p = ctx.people.get(nip);
  const name = p?.name ?? fallback?.name ?? nip;
  const unitId = p?.unitId ?? fallback?.unitId ?? '';
  return {
    name,
    nip,
    jabatan: p?.jabatan ?? fallback?.jabatan ?? '-',
    unit: ctx.unitNames.get(unitId) ?? unitId,
    ...(p?.jenis ? { jenis: p.jenis } : {}),
    ...(p?.pangkat ? { pangkat: p.pangkat } : {}),
  };
}
const base = (ctx: DocumentContext): Base => ({ agency: ctx.agencyName, cycleId: ctx.cycle.cycleId, year: ctx.cycle.year, place: ctx.place });

/** The newest audit event whose action is one of `actions`, as an approval (undefined when none). */
export function approvalFrom(audit: readonly AuditEvent[], actions: readonly string[], role: string, ctx: DocumentContext): Approval | undefined {
  const ev = [...audit]
    .filter((a) => actions.includes(a.action))
    .sort((a, b) => (a.at < b.at ? -1 : 1))
    .pop();
  if (!ev) return undefined;
  const nip = ev.actor.nip;
  const name = (nip ? ctx.people.get(nip)?.name : undefined) ?? ev.actor.name ?? (ev.actor.role === 'system' ? 'Sistem' : (nip ?? '-'));
  return { role, name, ...(nip ? { nip } : {}), at: ev.at, ...(ev.actor.onBehalfOf ? { onBehalfOf: ev.actor.onBehalfOf } : {}) };
}

/** An SKP is final once approved: every status from SKP_APPROVED to FINAL in the lifecycle's order (WITHDRAWN excluded). */
const SKP_FINAL: readonly string[] = EVALUATION_STATUSES.slice(EVALUATION_STATUSES.indexOf('SKP_APPROVED'), EVALUATION_STATUSES.indexOf('FINAL') + 1);

// ─── builders ──────────────────────────────────────────────────────────────────────────────────────

/**
 * The SKP: final once the rater approved it. Undefined when no SKP was submitted. `superiorRhk`: the
 * RHK of the rater's own SKP by id, so "RHK atasan yang diintervensi" shows their text (the id when the
 * superior's SKP does not hold it).
 */
export function skpDocument(
  e: EvaluationRecord,
  audit: readonly AuditEvent[],
  ctx: DocumentContext,
  superiorRhk: ReadonlyMap<string, string> = new Map(),
): DocumentContent | undefined {
  const skp = e.skp as Skp | undefined;
  if (!skp) return undefined;
  const data: SkpData = {
    ...base(ctx),
    kind: 'SKP',
    period: skp.period,
    employee: person(ctx, e.nip, e)!,
    ...(e.raterNip ? { rater: person(ctx, e.raterNip) } : {}),
    rhk: skp.rhk.map((r, i) => ({
      no: i + 1,
      jenis: r.jenis === 'utama' ? 'Utama' : 'Tambahan',
      description: r.description,
      ...(r.parentRhkId ? { supports: superiorRhk.get(r.parentRhkId) ?? r.parentRhkId } : {}),
      indicators: r.indicators.map((ind) => ({ description: ind.description, target: targetText(ind.target) })),
    })),
    expectations: (skp.specialExpectations ?? []).map((x) => ({ value: valueName(x.value), text: x.text })),
  };
  const draft = !SKP_FINAL.includes(e.status);
  const approval = draft ? undefined : approvalFrom(audit, ['SKP_APPROVAL:APPROVE'], 'Pejabat Penilai Kinerja', ctx);
  return { kind: 'SKP', subject: e.nip, variant: '', title: DOCUMENT_TITLE.SKP, draft, ...(approval ? { approval } : {}), data };
}

/** "Januari s.d. Maret 2026" ("Juli 2026" for one month). */
export function periodRange(p: Pick<PeriodDef, 'fromMonth' | 'toMonth'>, year: number): string {
  return p.fromMonth === p.toMonth ? `${MONTHS[p.fromMonth - 1]} ${year}` : `${MONTHS[p.fromMonth - 1]} s.d. ${MONTHS[p.toMonth - 1]} ${year}`;
}

/** The periodic evaluations an evaluation has under its cycle's policy: S1 (the mid-year check) under semester, else every period it took part in. */
export function periodIdsOf(e: Pick<EvaluationRecord, 'periods' | 'midyearReview' | 'skp'>, ctx: Pick<DocumentContext, 'cycle'>): string[] {
  const policy = periodicEvaluationOf(ctx.cycle.schedule ?? {});
  if (policy === 'semester') return e.skp ? ['S1'] : [];
  return periodsOf(policy)
    .map((p) => p.periodId)
    .filter((id) => e.periods?.[id]);
}

const realisationText = (r: { value?: number; judgement?: string } | undefined) =>
  r?.value !== undefined ? formatNumber(r.value, 'id') : r?.judgement ? ratingText(r.judgement) : '-';
const feedbackText = (f: { rating?: string; comment?: string }) =>
  `${f.rating ? ratingText(f.rating) : ''}${f.rating && f.comment ? ' — ' : ''}${f.comment ?? ''}` || '-';

/**
 * One periodic evaluation (Evaluasi Kinerja Pegawai Periodik) for `periodId`. Under the semester policy
 * S1 is the mid-year check (the evaluation's progress and `midyearReview`); under a quarterly or
 * monthly policy the period's own record (`periods[periodId]`: its realisations with evidence, the
 * rater's periodic rating, feedback per RHK and per BerAKHLAK value, coaching notes). Final once the
 * rater reviewed it. Undefined when the evaluation has no SKP or did not take part in that period.
 */
export function periodicDocument(e: EvaluationRecord, ctx: DocumentContext, periodId = 'S1'): DocumentContent | undefined {
  const skp = e.skp as Skp | undefined;
  if (!skp) return undefined;
  const policy = periodicEvaluationOf(ctx.cycle.schedule ?? {});
  const def = periodOf(policy, periodId) ?? periodOf('semester', periodId);
  if (!def) return undefined;
  const entry: PeriodEntry | undefined = policy === 'semester' ? undefined : e.periods?.[periodId];
  if (policy !== 'semester' && !entry) return undefined;
  const label = policy === 'semester' ? 'Semester I' : def.label.id;

  const progress = new Map((entry ? (entry.realisations ?? []) : (e.progress ?? [])).map((r) => [r.indicatorId, r]));
  let review: { rating: string; notes: string; at: string; by?: string } | undefined;
  let behaviour: PeriodicData['behaviour'];
  const rhkFeedback = new Map<string, string>();
  if (entry) {
    const r = entry.review;
    review = r ? { rating: r.rating, notes: r.coachingNotes ?? '-', at: r.at, by: r.by } : undefined;
    behaviour = (r?.valueFeedback ?? []).map((f) => ({ value: valueName(f.value), feedback: feedbackText(f) }));
    for (const f of r?.rhkFeedback ?? []) rhkFeedback.set(f.rhkId, feedbackText(f));
  } else {
    const m = e.midyearReview;
    review = m ? { rating: m.rating, notes: m.notes, at: m.at } : undefined;
    const raterFeedback = e.raterNip ? (e.feedback?.[e.raterNip] ?? []) : [];
    behaviour = raterFeedback.map((f) => ({ value: valueName(f.value), feedback: `${ratingText(f.rating)}${f.comment ? ` — ${f.comment}` : ''}` }));
  }
  const data: PeriodicData = {
    ...base(ctx),
    kind: 'EVALUASI_PERIODIK',
    periodId,
    periodLabel: label,
    periodRange: periodRange(def, ctx.cycle.year),
    employee: person(ctx, e.nip, e)!,
    ...(e.raterNip ? { rater: person(ctx, e.raterNip) } : {}),
    rhk: skp.rhk.map((r, i) => ({
      no: i + 1,
      description: r.description,
      indicators: r.indicators.map((ind) => {
        const p = progress.get(ind.id);
        return { description: ind.description, target: targetText(ind.target), realisation: realisationText(p), evidence: p?.evidence ?? [] };
      }),
      ...(rhkFeedback.has(r.id) ? { feedback: rhkFeedback.get(r.id)! } : {}),
    })),
    behaviour,
    rating: ratingText(review?.rating),
    feedback: review?.notes ?? '-',
  };
  const reviewer = review?.by ?? e.raterNip;
  const approval: DocumentContent['approval'] =
    review && reviewer ? { role: 'Pejabat Penilai Kinerja', name: ctx.people.get(reviewer)?.name ?? reviewer, nip: reviewer, at: review.at } : undefined;
  return {
    kind: 'EVALUASI_PERIODIK',
    subject: e.nip,
    variant: label,
    title: DOCUMENT_TITLE.EVALUASI_PERIODIK,
    draft: !review,
    ...(approval ? { approval } : {}),
    data,
  };
}

/** Every periodic evaluation of the year as the annual evaluation lists it, under the cycle's policy. */
export function periodsSummary(e: EvaluationRecord, ctx: DocumentContext): AnnualData['periods'] {
  const policy = periodicEvaluationOf(ctx.cycle.schedule ?? {});
  if (policy === 'semester') {
    const m = e.midyearReview;
    return [
      { label: 'Semester I', rating: ratingText(m?.rating), reviewedAt: m ? tanggal(m.at) : '-', notes: m?.notes ?? '-' },
      { label: 'Semester II (Akhir)', rating: 'dinilai dalam evaluasi tahunan ini', reviewedAt: '-', notes: '-' },
    ];
  }
  return periodsOf(policy).map((p) => {
    const r = e.periods?.[p.periodId]?.review;
    const taking = e.periods?.[p.periodId] !== undefined;
    return {
      label: p.label.id,
      rating: r ? ratingText(r.rating) : taking ? 'belum dinilai' : 'tidak diikuti',
      reviewedAt: r ? tanggal(r.at) : '-',
      notes: r?.coachingNotes ?? '-',
    };
  });
}

/** The annual evaluation: final when the result is FINAL; the approver's approval is the one shown. */
export function annualDocument(e: EvaluationRecord, audit: readonly AuditEvent[], ctx: DocumentContext): DocumentContent | undefined {
  const score = e.score as Partial<EmployeeEvaluation> | undefined;
  if (!score?.rhk || !e.skp) return undefined;
  const skp = e.skp as Skp;
  const orgResult = ctx.cycle.orgResult ?? ctx.cycle.orgPredikat;
  const data: AnnualData = {
    ...base(ctx),
    kind: 'EVALUASI_TAHUNAN',
    employee: person(ctx, e.nip, e)!,
    ...(e.raterNip ? { rater: person(ctx, e.raterNip) } : {}),
    ...(e.approverNip ? { approver: person(ctx, e.approverNip) } : {}),
    organisationResult: orgResult ? (orgPredikatLabel[orgResult as OrgPredikat]?.id ?? orgResult) : '-',
    periods: periodsSummary(e, ctx),
    rhk: score.rhk.map((r, i) => ({
      no: i + 1,
      description: skp.rhk.find((x) => x.id === r.rhkId)?.description ?? r.rhkId,
      achievement: r.achievement === null || r.achievement === undefined ? 'kualitatif' : `${formatNumber(r.achievement, 'id')}%`,
      rating: ratingText(r.final),
    })),
    behaviour: (score.behaviour?.perValue ?? []).map((v) => ({ value: valueName(v.value), rating: ratingText(v.rating) })),
    resultsRating: ratingText(score.resultsRating),
    behaviourRating: ratingText(score.behaviour?.final),
    predikat: predikatText(e.predikat ?? score.predikat),
    ...(e.objection?.decision
      ? { objection: `Keberatan ${e.objection.decision === 'GRANTED' ? 'dikabulkan' : 'ditolak'}${e.objection.comment ? `: ${e.objection.comment}` : ''}` }
      : {}),
    followUp: (e.followUp?.consequences ?? []).map((c) => `${c.label.id}${c.months ? ` (${c.months} bulan)` : ''}`),
    training: (e.followUp?.training ?? []).map((t) => `${t.title.id} — ${t.provider}, ${t.hours} JP`),
  };
  const draft = e.status !== 'FINAL';
  const approval = approvalFrom(audit, ['EVALUATION_APPROVAL:APPROVE'], 'Atasan Pejabat Penilai Kinerja', ctx);
  return { kind: 'EVALUASI_TAHUNAN', subject: e.nip, variant: '', title: DOCUMENT_TITLE.EVALUASI_TAHUNAN, draft, ...(approval ? { approval } : {}), data };
}

/**
 * Penetapan Predikat for a unit (its calibration record and its employees) or the organisation (every
 * employee). Final when every evaluation shown is FINAL; approved by the HR officer who closed it.
 */
export function penetapanDocument(
  scope: { kind: 'unit'; unitId: string } | { kind: 'organisation' },
  evaluations: readonly EvaluationRecord[],
  calibration: CalibrationRecord | undefined,
  approval: Approval | undefined,
  ctx: DocumentContext,
): DocumentContent {
  const rows = [...evaluations]
    .filter((e) => e.status !== 'WITHDRAWN')
    .sort((a, b) => (a.unitId === b.unitId ? a.nip.localeCompare(b.nip) : a.unitId.localeCompare(b.unitId)))
    .map((e, i) => ({
      no: i + 1,
      nip: e.nip,
      name: e.name,
      jabatan: e.jabatan,
      unit: ctx.unitNames.get(e.unitId) ?? e.unitId,
      predikat: predikatText(e.predikat),
    }));
  const counts = [...PredikatSchema.options]
    .reverse()
    .map((p) => ({ predikat: predikatLabel[p].id, count: evaluations.filter((e) => e.predikat === p).length }));
  const org = ctx.cycle.orgPredikat;
  const data: PenetapanData = {
    ...base(ctx),
    kind: 'PENETAPAN_PREDIKAT',
    scope: scope.kind,
    unitName: scope.kind === 'unit' ? (ctx.unitNames.get(scope.unitId) ?? scope.unitId) : ctx.agencyName,
    organisationPredikat: org ? (orgPredikatLabel[org as OrgPredikat]?.id ?? org) : '-',
    curve: (calibration?.distribution.checks ?? []).map((c) => ({
      rule: c.rule.id,
      actual: c.actual,
      status: c.status === 'OK' ? 'sesuai' : c.status === 'VIOLATED' ? 'tidak sesuai' : 'tidak berlaku',
    })),
    counts,
    employees: rows,
    ...(calibration?.resolution ? { resolution: `Catatan HR: ${calibration.resolution.reason}` } : {}),
  };
  const draft = evaluations.some((e) => e.status !== 'FINAL' && e.status !== 'WITHDRAWN');
  const subject = scope.kind === 'unit' ? unitSubject(scope.unitId) : ORG_SUBJECT;
  return {
    kind: 'PENETAPAN_PREDIKAT',
    subject,
    variant: '',
    title: DOCUMENT_TITLE.PENETAPAN_PREDIKAT,
    draft,
    ...(approval && !draft ? { approval } : {}),
    data,
  };
}

const ACTION_TARGET = (a: CoachingPlan['actions'][number]) => (a.target.kind === 'rhk' ? `RHK: ${a.target.description}` : `Nilai: ${a.target.description}`);

/** The coaching record (Catatan Pembinaan, Format B.1.8/B.1.9): final once the plan is closed by its re-check. */
export function coachingDocument(plan: CoachingPlan, ctx: DocumentContext): DocumentContent {
  const data: CoachingData = {
    ...base(ctx),
    kind: 'CATATAN_PEMBINAAN',
    employee: person(ctx, plan.nip, plan)!,
    ...(plan.raterNip ? { rater: person(ctx, plan.raterNip) } : {}),
    predikat: predikatText(plan.predikat),
    openedOn: tanggal(plan.openedOn),
    actions: plan.actions.map((a) => ({ id: a.actionId, target: ACTION_TARGET(a), text: a.text })),
    training: plan.training.map((t) => `${t.title.id} — ${t.provider}, ${t.hours} JP`),
    sessions: plan.sessions.map((s) => ({
      heldOn: tanggal(s.heldOn),
      kind: s.kind === 'recheck' ? 'Pemeriksaan ulang' : 'Sesi pembinaan',
      notes: s.notes,
      actions: s.actionIds.join(', ') || '-',
      ...(s.outcome ? { outcome: s.outcome === 'IMPROVED' ? 'Membaik' : 'Belum membaik' } : {}),
      ...(s.competencyNote ? { competency: s.competencyNote } : {}),
      acknowledged: s.acknowledgedAt ? `Diakui pegawai ${waktuWib(s.acknowledgedAt)}${s.employeeNote ? ` — "${s.employeeNote}"` : ''}` : 'Belum diakui pegawai',
    })),
    ...(plan.nextSessionDue ? { nextSessionDue: tanggal(plan.nextSessionDue) } : {}),
    recheck: `Evaluasi periodik pertama siklus ${plan.recheck.cycleYear}, paling lambat ${tanggal(plan.recheck.dueBy)}`,
    ...(plan.improvementPeriod
      ? {
          improvementPeriod: `${plan.improvementPeriod.months} bulan sejak ${tanggal(plan.improvementPeriod.start)}; ditinjau ${tanggal(plan.improvementPeriod.reviewOn)} (PP 30/2019 Ps. 57)`,
        }
      : {}),
    status: plan.status === 'OPEN' ? 'Berjalan' : `Ditutup ${plan.closedOn ? tanggal(plan.closedOn) : ''}`.trim(),
  };
  // Final once every session shown was acknowledged by the employee (both sides agreed what it says).
  const draft = plan.sessions.length === 0 || plan.sessions.some((s) => !s.acknowledgedAt);
  const last = plan.sessions[plan.sessions.length - 1];
  const approval: Approval | undefined =
    last && !draft
      ? {
          role: 'Pejabat Penilai Kinerja, diakui pegawai',
          name: ctx.people.get(last.recordedBy.nip)?.name ?? last.recordedBy.name ?? last.recordedBy.nip,
          nip: last.recordedBy.nip,
          at: last.acknowledgedAt!,
        }
      : undefined;
  return { kind: 'CATATAN_PEMBINAAN', subject: plan.nip, variant: '', title: DOCUMENT_TITLE.CATATAN_PEMBINAAN, draft, ...(approval ? { approval } : {}), data };
}

/** Verification states the public page shows. */
export type VerificationState = 'CURRENT' | 'SUPERSEDED';
export const VERIFICATION_TEXT: Record<VerificationState, { id: string; en: string }> = {
  CURRENT: { id: 'asli / berlaku', en: 'genuine / current' },
  SUPERSEDED: { id: 'diganti', en: 'superseded' },
};
