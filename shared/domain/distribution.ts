/**
 * Calibration against the distribution curve (SE MenPAN-RB 3/2023): HR's organisation predikat selects
 * a band of rules on how many employees may (or must) hold each predikat. The check runs per unit and
 * for the whole organisation and returns what to resolve; it never changes a predikat.
 *
 * Percentages become whole people as written, never more generously:
 * - "minimal p%" needs ceil(p% × n) people (the fewest that reach p %);
 * - "sebagian besar" (most) needs more than half: floor(n / 2) + 1, as "most" everywhere in the spec;
 * - "maksimal p%" allows floor(p% × n) people (the most that stay within p %), so a cap never allows
 *   more than its percentage; 0% ("tidak ada") allows none;
 * - "harus ada" (there must be some) needs the count written (1).
 * Units too small for a percentage: a unit with fewer people than the policy's
 * `distributionMinUnitSize` (10: the smallest size where every percentage of the circular, 10 % being
 * the smallest, is at least one whole person) is not checked on its own. Every rule is NOT_APPLICABLE
 * for it with the reason "too small", the same at every size below the minimum and under every
 * organisation predikat, and its people count in the organisation's total, the next level up, which is
 * checked with the same rules. An organisation below the minimum has no level above it and is not
 * flagged either. (Rounding a percentage of 1–9 people either bans what the regulation allows — 10 % of
 * 3 is 0 — or allows several times the percentage — "at least one" is 33 % of 3.)
 * A unit of the minimum size or more can still be unable to hold a band (only with a custom policy:
 * the default bands all fit from 10 people up): a rule that conflicts with another on the same
 * predikat, or minimums that add up to more than the unit, is NOT_APPLICABLE for that unit with the
 * reason, never a violation nobody could fix.
 */
import * as z from 'zod';
import { domainError } from './errors';
import { requireExpectationPolicy } from './policies';
import { BilingualSchema, type CountBound, CountBoundSchema, type CurveRule, type Policy } from './policy';
import { type OrgPredikat, OrgPredikatSchema, orgPredikatLabel, type Predikat, PredikatSchema, predikatLabel } from './ratings';
import { type Bilingual, formatPercent, roundHalfUp } from './text';

export const ORGANISATION_SCOPE_ID = 'ORGANISASI';

export const RuleCheckSchema = z.object({
  predikats: z.array(PredikatSchema),
  bound: CountBoundSchema,
  rule: BilingualSchema,
  /** People required (min) or allowed (max) at this size, after rounding. */
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  actual: z.number().int(),
  status: z.enum(['OK', 'VIOLATED', 'NOT_APPLICABLE']),
  message: BilingualSchema,
});
export type RuleCheck = z.infer<typeof RuleCheckSchema>;

export const ScopeDistributionSchema = z.object({
  scope: z.enum(['unit', 'organisation']),
  unitId: z.string(),
  size: z.number().int(),
  counts: z.record(PredikatSchema, z.number().int()),
  /** VIOLATIONS if any rule is violated; NOT_APPLICABLE if no rule could be applied; otherwise OK. */
  status: z.enum(['OK', 'VIOLATIONS', 'NOT_APPLICABLE']),
  checks: z.array(RuleCheckSchema),
});
export type ScopeDistribution = z.infer<typeof ScopeDistributionSchema>;

export const DistributionViolationSchema = z.object({
  scope: z.enum(['unit', 'organisation']),
  unitId: z.string(),
  rule: BilingualSchema,
  actual: z.number().int(),
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  messageId: z.string(),
  messageEn: z.string(),
});
export type DistributionViolation = z.infer<typeof DistributionViolationSchema>;

export const DistributionReportSchema = z.object({
  policyId: z.string(),
  orgPredikat: OrgPredikatSchema,
  units: z.array(ScopeDistributionSchema),
  organisation: ScopeDistributionSchema,
  violations: z.array(DistributionViolationSchema),
  ok: z.boolean(),
});
export type DistributionReport = z.infer<typeof DistributionReportSchema>;

export type UnitPredikats = { unitId: string; predikats: readonly Predikat[] };

/** A unit's predikat counts as the list checkDistribution takes (counts kept by unit, not per person). */
export function predikatsFromCounts(counts: Partial<Record<Predikat, number>>): Predikat[] {
  return PredikatSchema.options.flatMap((p) => Array.from({ length: Math.max(0, counts[p] ?? 0) }, () => p));
}

/** People required or allowed by one bound in a group of n (see the header for why). */
export function boundFor(bound: CountBound, n: number): { min?: number; max?: number } {
  const share = (percent: number) => roundHalfUp((percent * n) / 100, 9); // exact for whole percents
  switch (bound.kind) {
    case 'atLeastPercent':
      return { min: Math.ceil(share(bound.percent)) };
    case 'moreThanPercent':
      return { min: Math.floor(share(bound.percent)) + 1 };
    case 'atMostPercent':
      return { max: Math.floor(share(bound.percent)) };
    case 'atLeastCount':
      return { min: bound.count };
  }
}

export function checkDistribution(input: readonly UnitPredikats[], orgPredikat: OrgPredikat, policyArg: Policy): DistributionReport {
  const policy = requireExpectationPolicy(policyArg);
  const seen = new Set<string>();
  for (const u of input) {
    if (seen.has(u.unitId)) throw domainError('DISTRIBUTION_DUPLICATE_UNIT', { value: u.unitId });
    seen.add(u.unitId);
  }
  const rules = policy.distribution[orgPredikat];
  const units = input.map((u) => checkScope('unit', u.unitId, u.predikats, rules, orgPredikat, policy.distributionMinUnitSize));
  const organisation = checkScope(
    'organisation',
    ORGANISATION_SCOPE_ID,
    input.flatMap((u) => u.predikats),
    rules,
    orgPredikat,
    policy.distributionMinUnitSize,
  );
  const violations = [...units, organisation].flatMap((s) =>
    s.checks
      .filter((c) => c.status === 'VIOLATED')
      .map((c) => ({
        scope: s.scope,
        unitId: s.unitId,
        rule: c.rule,
        actual: c.actual,
        ...(c.min !== undefined ? { min: c.min } : {}),
        ...(c.max !== undefined ? { max: c.max } : {}),
        messageId: c.message.id,
        messageEn: c.message.en,
      })),
  );
  return { policyId: policy.id, orgPredikat, units, organisation, violations, ok: violations.length === 0 };
}

type Inapplicable = 'EMPTY' | 'BELOW_MIN_SIZE' | 'CONFLICT' | 'MINIMUMS_EXCEED_SIZE' | 'MAXIMUMS_BELOW_SIZE';

function checkScope(
  scope: 'unit' | 'organisation',
  unitId: string,
  predikats: readonly Predikat[],
  rules: readonly CurveRule[],
  org: OrgPredikat,
  minSize: number,
): ScopeDistribution {
  const n = predikats.length;
  const counts = Object.fromEntries(PredikatSchema.options.map((p) => [p, 0])) as Record<Predikat, number>;
  for (const p of predikats) counts[p] += 1;

  const bounds = rules.map((r) => ({ rule: r, group: [...r.predikats].sort().join('+'), ...boundFor(r.bound, n) }));
  const inapplicable = new Map<number, Inapplicable>();
  if (n === 0) bounds.forEach((_, i) => inapplicable.set(i, 'EMPTY'));
  else if (n < minSize) bounds.forEach((_, i) => inapplicable.set(i, 'BELOW_MIN_SIZE'));

  // Rules on one group that cannot both hold at this size (e.g. more than half, yet at most 70%, of 4).
  const groups = new Map<string, { lo: number; hi: number; rules: number[] }>();
  bounds.forEach((b, i) => {
    const g = groups.get(b.group) ?? { lo: 0, hi: n, rules: [] };
    groups.set(b.group, { lo: Math.max(g.lo, b.min ?? 0), hi: Math.min(g.hi, b.max ?? n), rules: [...g.rules, i] });
  });
  for (const g of groups.values()) if (g.lo > g.hi) g.rules.forEach((i) => inapplicable.has(i) || inapplicable.set(i, 'CONFLICT'));

  // Groups are disjoint (the policy schema checks it), so the minimums must fit together in n people,
  // and if the groups cover every predikat, the maximums must leave room for all n.
  const live = (i: number) => !inapplicable.has(i);
  const minRules = bounds.flatMap((b, i) => (b.min !== undefined && live(i) ? [i] : []));
  const perGroupMin = new Map<string, number>();
  minRules.forEach((i) => perGroupMin.set(bounds[i]!.group, Math.max(perGroupMin.get(bounds[i]!.group) ?? 0, bounds[i]!.min!)));
  if ([...perGroupMin.values()].reduce((a, b) => a + b, 0) > n) minRules.forEach((i) => inapplicable.set(i, 'MINIMUMS_EXCEED_SIZE'));
  const covered = new Set(rules.flatMap((r) => r.predikats));
  if (covered.size === PredikatSchema.options.length) {
    const maxRules = bounds.flatMap((b, i) => (b.max !== undefined && live(i) ? [i] : []));
    const perGroupMax = new Map<string, number>();
    maxRules.forEach((i) => perGroupMax.set(bounds[i]!.group, Math.min(perGroupMax.get(bounds[i]!.group) ?? n, bounds[i]!.max!)));
    const room = [...groups.keys()].reduce((sum, g) => sum + (perGroupMax.get(g) ?? n), 0);
    if (room < n) maxRules.forEach((i) => inapplicable.set(i, 'MAXIMUMS_BELOW_SIZE'));
  }

  const checks = bounds.map((b, i): RuleCheck => {
    const actual = b.rule.predikats.reduce((sum, p) => sum + counts[p], 0);
    const rule = ruleText(b.rule.predikats, b.rule.bound);
    const limits = { ...(b.min !== undefined ? { min: b.min } : {}), ...(b.max !== undefined ? { max: b.max } : {}) };
    const why = inapplicable.get(i);
    const outside = (b.min !== undefined && actual < b.min) || (b.max !== undefined && actual > b.max);
    const status = why ? 'NOT_APPLICABLE' : outside ? 'VIOLATED' : 'OK';
    const where = scopeName(scope, unitId);
    const message =
      status === 'NOT_APPLICABLE'
        ? notApplicableText(where, rule, n, why!, scope, minSize)
        : status === 'VIOLATED'
          ? violationText(where, b.rule.predikats, actual, n, rule, org, limits)
          : { id: `${where.id}: ${rule.id} — terpenuhi.`, en: `${where.en}: ${rule.en} — met.` };
    return { predikats: [...b.rule.predikats], bound: b.rule.bound, rule, ...limits, actual, status, message };
  });

  const status = checks.some((c) => c.status === 'VIOLATED') ? 'VIOLATIONS' : checks.every((c) => c.status === 'NOT_APPLICABLE') ? 'NOT_APPLICABLE' : 'OK';
  return { scope, unitId, size: n, counts, status, checks };
}

const names = (ps: readonly Predikat[]): Bilingual => ({
  id: ps.map((p) => predikatLabel[p].id).join(' atau '),
  en: ps.map((p) => predikatLabel[p].id).join(' or '), // the predikat names are official Indonesian terms
});

/** The rule as HR reads it in the circular: "Sangat Baik maksimal 10%". */
export function ruleText(ps: readonly Predikat[], bound: CountBound): Bilingual {
  const x = names(ps);
  switch (bound.kind) {
    case 'atLeastPercent':
      return { id: `${x.id} minimal ${bound.percent}%`, en: `${x.en} at least ${bound.percent}%` };
    case 'moreThanPercent':
      return { id: `${x.id} sebagian besar (lebih dari ${bound.percent}%)`, en: `${x.en} the majority (more than ${bound.percent}%)` };
    case 'atMostPercent':
      return bound.percent === 0
        ? { id: `tidak ada ${x.id}`, en: `no ${x.en}` }
        : { id: `${x.id} maksimal ${bound.percent}%`, en: `${x.en} at most ${bound.percent}%` };
    case 'atLeastCount':
      return { id: `harus ada minimal ${bound.count} orang ${x.id}`, en: `at least ${bound.count} ${x.en}` };
  }
}

function scopeName(scope: 'unit' | 'organisation', unitId: string): Bilingual {
  return scope === 'organisation' ? { id: 'Seluruh organisasi', en: 'Whole organisation' } : { id: `Unit ${unitId}`, en: `Unit ${unitId}` };
}

function violationText(
  where: Bilingual,
  ps: readonly Predikat[],
  actual: number,
  n: number,
  rule: Bilingual,
  org: OrgPredikat,
  limits: { min?: number; max?: number },
): Bilingual {
  const x = names(ps);
  const pct = (actual * 100) / n;
  const limit =
    limits.min !== undefined
      ? { id: `minimal ${limits.min} orang`, en: `at least ${limits.min} person(s)` }
      : { id: `maksimal ${limits.max} orang`, en: `at most ${limits.max} person(s)` };
  return {
    id: `${where.id}: ${x.id} ${actual} dari ${n} pegawai (${formatPercent(pct, 'id')}); untuk organisasi berpredikat ${orgPredikatLabel[org].id} ketentuannya ${rule.id}, yaitu ${limit.id} pada ${n} pegawai.`,
    en: `${where.en}: ${x.en} is ${actual} of ${n} employees (${formatPercent(pct, 'en')}); for an organisation rated ${orgPredikatLabel[org].id} the rule is ${rule.en}, i.e. ${limit.en} of ${n}.`,
  };
}

const INAPPLICABLE: Record<Inapplicable, Bilingual> = {
  EMPTY: { id: 'tidak ada pegawai', en: 'there are no employees' },
  BELOW_MIN_SIZE: { id: 'unit terlalu kecil untuk persentase', en: 'the unit is too small for a percentage' },
  CONFLICT: {
    id: 'setelah pembulatan bertentangan dengan ketentuan lain untuk predikat yang sama',
    en: 'after rounding it contradicts another rule on the same predikat',
  },
  MINIMUMS_EXCEED_SIZE: {
    id: 'jumlah minimal semua ketentuan melebihi jumlah pegawai',
    en: 'the minimums together exceed the number of employees',
  },
  MAXIMUMS_BELOW_SIZE: {
    id: 'jumlah maksimal semua ketentuan kurang dari jumlah pegawai',
    en: 'the maximums together leave no room for every employee',
  },
};

function notApplicableText(where: Bilingual, rule: Bilingual, n: number, why: Inapplicable, scope: 'unit' | 'organisation', minSize: number): Bilingual {
  const reason =
    why === 'BELOW_MIN_SIZE'
      ? { id: `${INAPPLICABLE[why].id}, kurang dari ${minSize} pegawai`, en: `${INAPPLICABLE[why].en}, fewer than ${minSize} employees` }
      : INAPPLICABLE[why];
  const later = scope === 'unit' ? { id: '; diperiksa pada tingkat organisasi', en: '; it is checked for the whole organisation' } : { id: '', en: '' };
  return {
    id: `${where.id}: ketentuan "${rule.id}" tidak dapat diterapkan pada ${n} pegawai (${reason.id})${later.id}.`,
    en: `${where.en}: the rule "${rule.en}" cannot apply to ${n} employees (${reason.en})${later.en}.`,
  };
}
