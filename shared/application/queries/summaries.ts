/** What approvers see of an item, built from the stored evaluation (for emails and confirmation pages). */
import type { EmployeeEvaluation, Realisation } from '../../domain/evaluate';
import { type Predikat, predikatLabel, type Rating, ratingLabel } from '../../domain/ratings';
import type { EvaluationRecord } from '../../domain/records';
import type { Skp } from '../../domain/skp';
import type { EvaluationDetails, SkpDetails } from '../ports';

type Locale = 'id' | 'en';

function targetText(t: Skp['rhk'][number]['indicators'][number]['target']): string {
  return t.kind === 'quantitative' ? `${t.value} ${t.unit}${t.direction === 'lowerIsBetter' ? ' (↓)' : ''}` : t.expectation;
}

function employeeRef(e: EvaluationRecord, units: Map<string, string>) {
  return { nip: e.nip, name: e.name, jabatan: e.jabatan, unitName: units.get(e.unitId) ?? e.unitId };
}

export function skpDetails(e: EvaluationRecord, decisionId: string, units: Map<string, string>): SkpDetails {
  const skp = e.skp as Skp | undefined;
  return {
    decisionId,
    employee: employeeRef(e, units),
    rhk: (skp?.rhk ?? []).map((r) => ({
      title: r.description,
      jenis: r.jenis,
      indicators: r.indicators.map((i) => ({ name: i.description, target: targetText(i.target) })),
      ...(r.parentRhkId ? { intervensi: r.parentRhkId } : {}),
    })),
  };
}

export function evaluationDetails(e: EvaluationRecord, decisionId: string, units: Map<string, string>, locale: Locale): EvaluationDetails {
  const skp = e.skp as Skp | undefined;
  const score = e.score as EmployeeEvaluation | undefined;
  const realisations = new Map(((e.realisations as Realisation[] | undefined) ?? []).map((r) => [r.indicatorId, r]));
  const label = (r: Rating | undefined) => (r ? ratingLabel[r][locale] : '—');
  return {
    decisionId,
    employee: employeeRef(e, units),
    rhk: (skp?.rhk ?? []).map((r) => {
      const result = score?.rhk.find((x) => x.rhkId === r.id);
      return {
        title: r.description,
        jenis: r.jenis,
        indicators: r.indicators.map((i) => {
          const real = realisations.get(i.id);
          const ind = result?.indicators.find((x) => x.indicatorId === i.id);
          return {
            name: i.description,
            target: targetText(i.target),
            realisation: real?.value !== undefined ? String(real.value) : real?.judgement ? label(real.judgement) : '—',
            ...(ind?.achievement != null ? { achievementPct: ind.achievement } : {}),
          };
        }),
        rating: label(result?.final),
      };
    }),
    resultsRating: label(score?.resultsRating),
    behaviourRating: label(score?.behaviour.final),
    predikat: score ? predikatLabel[(e.predikat ?? score.predikat) as Predikat][locale] : '—',
  };
}
