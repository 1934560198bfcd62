/** The distribution curve per scope: from the stored calibration report, or computed now under the cycle's policy. */
import { checkDistribution, DistributionReportSchema, predikatsFromCounts, type RuleCheck, type ScopeDistribution } from '../../../domain/distribution';
import { getPolicy } from '../../../domain/policies';
import type { Policy } from '../../../domain/policy';
import { type OrgPredikat, OrgPredikatSchema, type Predikat, PredikatSchema } from '../../../domain/ratings';
import type { CycleReportSummary } from './types';
import { PREDIKAT_ORDER } from './words';

// ─── the curve per scope ─────────────────────────────────────────────────────────────────────────

/** One row of a chart: a predikat, or a group of predikat a rule counts together. */
export interface CurveRow {
  predikats: Predikat[];
  actual: number;
  /** The band after rounding, from the applicable rules on exactly this group. */
  min?: number;
  max?: number;
  /** OK / VIOLATED when a rule applies; NOT_APPLICABLE when the rules exist but cannot apply; NONE without rules. */
  status: 'OK' | 'VIOLATED' | 'NOT_APPLICABLE' | 'NONE';
  rules: RuleCheck[];
}

export const groupKey = (ps: readonly string[]) => [...ps].sort().join('+');

/** The chart rows of one scope: the five predikat, then each group a rule counts together. */
export function curveRows(counts: Record<Predikat, number>, checks: readonly RuleCheck[] | undefined): CurveRow[] {
  const byGroup = new Map<string, RuleCheck[]>();
  for (const c of checks ?? []) byGroup.set(groupKey(c.predikats), [...(byGroup.get(groupKey(c.predikats)) ?? []), c]);
  const row = (predikats: Predikat[]): CurveRow => {
    const rules = byGroup.get(groupKey(predikats)) ?? [];
    const live = rules.filter((r) => r.status !== 'NOT_APPLICABLE');
    const mins = live.flatMap((r) => (r.min !== undefined ? [r.min] : []));
    const maxs = live.flatMap((r) => (r.max !== undefined ? [r.max] : []));
    const status: CurveRow['status'] = !rules.length ? 'NONE' : !live.length ? 'NOT_APPLICABLE' : live.some((r) => r.status === 'VIOLATED') ? 'VIOLATED' : 'OK';
    return {
      predikats,
      actual: predikats.reduce((s, p) => s + counts[p], 0),
      ...(mins.length ? { min: Math.max(...mins) } : {}),
      ...(maxs.length ? { max: Math.min(...maxs) } : {}),
      status,
      rules,
    };
  };
  const singles = PREDIKAT_ORDER.map((p) => row([p]));
  const groups = [...byGroup.values()]
    .map((rs) => rs[0]!.predikats)
    .filter((ps) => ps.length > 1)
    .map((ps) => row([...ps].sort((a, b) => PREDIKAT_ORDER.indexOf(a) - PREDIKAT_ORDER.indexOf(b))));
  return [...singles, ...groups];
}

export interface ScopeView {
  id: string;
  name: string;
  size: number;
  counts: Record<Predikat, number>;
  /** People whose predikat is not one of the five (an older model's); shown as a note. */
  other: number;
  scope?: ScopeDistribution;
}

export function countsOf(distribution: Record<string, number>): { counts: Record<Predikat, number>; other: number } {
  const counts = Object.fromEntries(PredikatSchema.options.map((p) => [p, 0])) as Record<Predikat, number>;
  let other = 0;
  for (const [k, v] of Object.entries(distribution)) {
    const n = Number.isFinite(v) && v > 0 ? Math.floor(v) : 0;
    if ((PredikatSchema.options as readonly string[]).includes(k)) counts[k as Predikat] += n;
    else other += n;
  }
  return { counts, other };
}

export interface Curve {
  org: OrgPredikat;
  assumed: boolean;
  source: 'calibration' | 'computed' | 'none';
  policy?: Policy;
  units: Map<string, ScopeDistribution>;
  organisation?: ScopeDistribution;
}

export function policyOf(id: string): Policy | undefined {
  try {
    return getPolicy(id);
  } catch {
    return undefined;
  }
}

/** The stored calibration report if it parses, else the curve computed now with `checkDistribution`. */
export function curveOf(summary: CycleReportSummary, views: readonly { unitId: string; counts: Record<Predikat, number> }[]): Curve {
  const cal = summary.cycle.calibration;
  const stored = cal?.report ? DistributionReportSchema.safeParse(cal.report) : undefined;
  const orgRaw = cal?.orgPredikat ?? (stored?.success ? stored.data.orgPredikat : undefined) ?? summary.cycle.orgPredikat;
  const parsedOrg = OrgPredikatSchema.safeParse(orgRaw);
  const org: OrgPredikat = parsedOrg.success ? parsedOrg.data : 'BAIK';
  const assumed = !parsedOrg.success;
  const policy = policyOf(summary.cycle.policyId);
  const compute = (input: typeof views) => {
    if (!policy) return undefined;
    try {
      return checkDistribution(
        input.map((v) => ({ unitId: v.unitId, predikats: predikatsFromCounts(v.counts) })),
        org,
        policy,
      );
    } catch {
      return undefined; // a numeric-model policy has no curve; duplicate ids in a summary cannot be checked
    }
  };
  if (stored?.success) {
    const units = new Map(stored.data.units.map((u) => [u.unitId, u]));
    // A unit without predikat at calibration time is not in the report; it is checked on its own now.
    for (const v of views) {
      if (units.has(v.unitId)) continue;
      const one = compute([v]);
      if (one?.units[0]) units.set(v.unitId, one.units[0]);
    }
    return { org, assumed, source: 'calibration', policy, units, organisation: stored.data.organisation };
  }
  const report = compute(views);
  if (!report) return { org, assumed, source: 'none', policy, units: new Map() };
  return { org, assumed, source: 'computed', policy, units: new Map(report.units.map((u) => [u.unitId, u])), organisation: report.organisation };
}
