/**
 * Tindak lanjut (follow-up, spec §5): the consequences the policy attaches to each predikat, and
 * training recommendations matched to what fell short: weak RHK by competency, weak BerAKHLAK values
 * by the values a programme develops.
 */
import * as z from 'zod';
import { type BerakhlakValue, BerakhlakValueSchema } from './berakhlak';
import type { EmployeeEvaluation } from './evaluate';
import { requireExpectationPolicy } from './policies';
import { BilingualSchema, type ConsequenceCode, ConsequenceCodeSchema, type Policy } from './policy';
import { PredikatSchema } from './ratings';
import { IdSchema } from './skp';
import type { Bilingual } from './text';

export const TrainingProgrammeSchema = z.object({
  id: IdSchema,
  title: BilingualSchema,
  provider: z.string().min(1),
  /** Length in jam pelajaran (JP, lesson hours). */
  hours: z.number().int().positive(),
  mode: z.enum(['klasikal', 'e-learning', 'blended']),
  /** Competencies the programme builds; matched against a weak RHK's competencies. */
  competencies: z.array(IdSchema),
  /** BerAKHLAK values the programme develops; matched against weak values. */
  values: z.array(BerakhlakValueSchema),
  /** Words in a job title (jabatan) the programme is designed for; a tie-breaker, never a filter. */
  jabatanKeywords: z.array(z.string().min(1)).optional(),
});
export type TrainingProgramme = z.infer<typeof TrainingProgrammeSchema>;

export const CONSEQUENCE_LABEL: Record<ConsequenceCode, Bilingual> = {
  RECOGNITION: { id: 'Penghargaan', en: 'Recognition' },
  TALENT_POOL_CANDIDATE: { id: 'Kandidat kelompok rencana suksesi (talent pool)', en: 'Candidate for the talent pool' },
  TRAINING_PRIORITY: { id: 'Prioritas pengembangan kompetensi', en: 'Priority for training' },
  COACHING_PLAN: { id: 'Rencana coaching/konseling kinerja', en: 'Coaching or counselling plan' },
  MATCHED_TRAINING: { id: 'Pelatihan sesuai RHK atau nilai perilaku yang lemah', en: 'Training matched to the weak RHK or behaviour values' },
  COUNSELLING: { id: 'Konseling', en: 'Counselling' },
  DISCIPLINARY_REVIEW: { id: 'Rujukan pemeriksaan disiplin', en: 'Referral for disciplinary review' },
  IMPROVEMENT_PERIOD: { id: 'Masa perbaikan kinerja, lalu ditinjau kembali', en: 'Improvement period, then review' },
};

const NeedSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rhk'), rhkId: z.string(), competencies: z.array(z.string()) }),
  z.object({ kind: z.literal('value'), value: BerakhlakValueSchema }),
]);
type Need = z.infer<typeof NeedSchema>;

export const FollowUpSchema = z.object({
  policyId: z.string(),
  nip: z.string(),
  predikat: PredikatSchema,
  consequences: z.array(z.object({ code: ConsequenceCodeSchema, label: BilingualSchema, months: z.number().int().optional() })),
  training: z.array(z.object({ programmeId: z.string(), title: BilingualSchema, provider: z.string(), hours: z.number(), reasons: z.array(NeedSchema) })),
  /** Weaknesses no recommended programme addresses: a gap in the catalogue for HR to fill. */
  unmatched: z.object({ rhkIds: z.array(z.string()), values: z.array(BerakhlakValueSchema) }),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

export function followUpFor(
  evaluation: EmployeeEvaluation,
  employee: { competencies: readonly string[]; jabatan?: string },
  catalogue: readonly TrainingProgramme[],
  policyArg: Policy,
): FollowUp {
  const policy = requireExpectationPolicy(policyArg);
  const codes = policy.followUp.consequences[evaluation.predikat];
  const consequences = codes.map((code) => ({
    code,
    label: CONSEQUENCE_LABEL[code],
    ...(code === 'IMPROVEMENT_PERIOD' ? { months: policy.followUp.improvementPeriodMonths } : {}),
  }));
  const base = { policyId: policy.id, nip: evaluation.nip, predikat: evaluation.predikat, consequences };
  if (!codes.includes('MATCHED_TRAINING')) return { ...base, training: [], unmatched: { rhkIds: [], values: [] } };

  const needs = needsOf(evaluation, employee.competencies);
  const training = recommend(needs, employee.jabatan, catalogue, policy.followUp.maxTrainingRecommendations);
  const covered = new Set(training.flatMap((t) => t.reasons.map(needKey)));
  const open = needs.filter((n) => !covered.has(needKey(n)));
  return {
    ...base,
    training,
    unmatched: {
      rhkIds: open.flatMap((n) => (n.kind === 'rhk' ? [n.rhkId] : [])),
      values: open.flatMap((n) => (n.kind === 'value' ? [n.value] : [])),
    },
  };
}

const norm = (s: string) => s.trim().toLowerCase();
const needKey = (n: Need) => (n.kind === 'rhk' ? `rhk:${n.rhkId}` : `value:${n.value}`);

/** A weak RHK needs the competencies it was tagged with; untagged, the employee's own competencies
 *  (the job's). A weak value needs that value. */
function needsOf(evaluation: EmployeeEvaluation, employeeCompetencies: readonly string[]): Need[] {
  const rhkNeeds = evaluation.weaknesses.rhkIds.map((rhkId): Need => {
    const tagged = evaluation.rhk.find((r) => r.rhkId === rhkId)?.competencies ?? [];
    return { kind: 'rhk', rhkId, competencies: (tagged.length ? tagged : employeeCompetencies).map(norm) };
  });
  const valueNeeds = evaluation.weaknesses.values.map((value: BerakhlakValue): Need => ({ kind: 'value', value }));
  return [...rhkNeeds, ...valueNeeds];
}

/** How closely a programme fits a need: shared competencies for an RHK, 1 for a value it develops. */
function fitOf(p: TrainingProgramme, need: Need): number {
  if (need.kind === 'value') return p.values.includes(need.value) ? 1 : 0;
  return p.competencies.filter((c) => need.competencies.includes(norm(c))).length;
}

const matches = (p: TrainingProgramme, need: Need): boolean => fitOf(p, need) > 0;

/** Greedy cover: each pick is the programme that addresses the most weaknesses not yet addressed, so a
 *  few programmes cover as much as possible. Ties go to the closer fit (more shared competencies),
 *  then to a programme designed for the employee's jabatan, then the shorter one, then by id. */
function recommend(needs: readonly Need[], jabatan: string | undefined, catalogue: readonly TrainingProgramme[], max: number): FollowUp['training'] {
  const forJob = (p: TrainingProgramme) => (jabatan && p.jabatanKeywords?.some((k) => norm(jabatan).includes(norm(k))) ? 1 : 0);
  const picked: FollowUp['training'] = [];
  const open = new Set(needs.map(needKey));
  const candidates = [...catalogue];
  while (picked.length < max && open.size > 0) {
    const scored = candidates
      .map((p) => {
        const reasons = needs.filter((n) => matches(p, n));
        const fresh = reasons.filter((n) => open.has(needKey(n))).length;
        return { p, reasons, fresh, fit: reasons.reduce((sum, n) => sum + fitOf(p, n), 0) };
      })
      .filter((c) => c.fresh > 0)
      .sort((a, b) => b.fresh - a.fresh || b.fit - a.fit || forJob(b.p) - forJob(a.p) || a.p.hours - b.p.hours || a.p.id.localeCompare(b.p.id));
    const best = scored[0];
    if (!best) break;
    picked.push({ programmeId: best.p.id, title: best.p.title, provider: best.p.provider, hours: best.p.hours, reasons: best.reasons });
    best.reasons.forEach((n) => open.delete(needKey(n)));
    candidates.splice(candidates.indexOf(best.p), 1);
  }
  return picked;
}
