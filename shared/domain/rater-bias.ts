/**
 * Rater-bias analytics: how each rater's predikat and ratings compare with their peers'. Pure and
 * advisory — it reads ratings, never changes one. Four classic rater errors (Saal, Downey & Lahey 1980;
 * Myford & Wolfe 2003), each as a statistic, a threshold from the policy and a minimum team size below
 * which no flag is raised:
 *
 * - **Leniency** (far more Sangat Baik than peers) and **severity** (far more Butuh Perbaikan or below):
 *   the share of the rater's team in that band against the share among everyone else the agency rated
 *   (the rater's peers); raised when the gap is at least `minGap` *and* a one-sided exact binomial test
 *   says a gap this large is unlikely by chance (p ≤ `alpha`, the peers' share as the expected rate).
 * - **Central tendency** (everyone Baik): the share of the team rated Baik, raised when it is at least
 *   `minShare`, exceeds the peers' share by `minGap`, and the same binomial test gives p ≤ `alpha`.
 * - **Halo** (results and behaviour ratings moving together beyond what the evidence shows; Cooper 1981's
 *   "illusory halo"): the share of the team whose final results and behaviour ratings agree, minus the
 *   share whose evidence-based proposals (achievement → results; feedback → behaviour) agree. Raised when
 *   the excess is at least `minExcess` and a one-sided exact McNemar test on the changed pairs gives
 *   p ≤ `alpha` (the rater closed more gaps the evidence showed than they opened).
 *
 * The unit's and the rater's own previous cycles are reported beside the flags for context; the flags
 * compare with the agency's other raters, as a unit is often one team. Heads of units are left out of
 * the checks (on both sides): their results rating is the organisation's, set by HR, so a Camat whose
 * eight heads are all Baik under an organisation rated Baik shows no tendency of his own.
 */
import * as z from 'zod';
import { type Predikat, PredikatSchema, type Rating, RatingSchema } from './ratings';
import type { Bilingual } from './text';

// ─── policy ────────────────────────────────────────────────────────────────────────────────────────

export const RaterBiasPolicySchema = z.object({
  /** No flag for a rater with fewer rated people than this (too few to tell bias from a strong team). */
  minTeamSize: z.number().int().min(2),
  /** No flag when the peers (everyone else rated in the agency) are fewer than this. */
  minReferenceSize: z.number().int().min(1),
  /** Significance level of the one-sided exact tests. */
  alpha: z.number().gt(0).lt(1),
  leniency: z.object({ minGap: z.number().min(0).max(1) }),
  severity: z.object({ minGap: z.number().min(0).max(1) }),
  centralTendency: z.object({ minShare: z.number().min(0).max(1), minGap: z.number().min(0).max(1) }),
  halo: z.object({ minExcess: z.number().min(0).max(1), minPairs: z.number().int().min(1) }),
  source: z.array(z.string().min(1)).min(1),
});
export type RaterBiasPolicy = z.infer<typeof RaterBiasPolicySchema>;

/** The default thresholds; the reasoning and sources are in shared/domain/README.md ("Rater bias"). */
export const DEFAULT_RATER_BIAS_POLICY: RaterBiasPolicy = {
  minTeamSize: 5,
  minReferenceSize: 10,
  alpha: 0.05,
  leniency: { minGap: 0.25 },
  severity: { minGap: 0.25 },
  centralTendency: { minShare: 0.9, minGap: 0.1 },
  halo: { minExcess: 0.3, minPairs: 5 },
  source: [
    'Saal, Downey & Lahey (1980), Rating the ratings: assessing the psychometric quality of rating data, Psychological Bulletin 88(2)',
    'Cooper (1981), Ubiquitous halo, Psychological Bulletin 90(2)',
    'Myford & Wolfe (2003, 2004), Detecting and measuring rater effects using many-facet Rasch measurement, Journal of Applied Measurement 4(4), 5(2)',
  ],
};

// ─── input and output ──────────────────────────────────────────────────────────────────────────────

export const RatedPersonSchema = z.object({
  nip: z.string(),
  raterNip: z.string(),
  unitId: z.string(),
  predikat: PredikatSchema,
  /** Final ratings as the rater set them. */
  results: RatingSchema.optional(),
  behaviour: RatingSchema.optional(),
  /** What the evidence proposed (the engine, before the rater's overrides); absent for heads of units. */
  proposedResults: RatingSchema.optional(),
  proposedBehaviour: RatingSchema.optional(),
  /** A head of unit's results rating is the organisation's (set by HR), not the rater's judgement. */
  isUnitHead: z.boolean().optional(),
});
export type RatedPerson = z.infer<typeof RatedPersonSchema>;

export interface PreviousCycle {
  cycleId: string;
  year: number;
  people: readonly RatedPerson[];
}

export type BiasKind = 'LENIENCY' | 'SEVERITY' | 'CENTRAL_TENDENCY' | 'HALO';
export const BIAS_KINDS: readonly BiasKind[] = ['LENIENCY', 'SEVERITY', 'CENTRAL_TENDENCY', 'HALO'];

/** Why a check raised no flag although it was computed, or could not be computed. */
export type NotAssessed = 'TEAM_TOO_SMALL' | 'REFERENCE_TOO_SMALL' | 'TOO_FEW_PAIRS';

export interface BiasCheck {
  kind: BiasKind;
  raised: boolean;
  notAssessed?: NotAssessed;
  /** The rater's figure: a share (0–1) of the team, or for halo the excess agreement. */
  value: number;
  /** The peers' share (for halo: the agreement the evidence shows). */
  reference: number;
  /** One-sided exact p-value (1 when not computed). */
  pValue: number;
  /** The thresholds applied, as in the policy. */
  threshold: { minGap?: number; minShare?: number; minExcess?: number; alpha: number; minTeamSize: number };
  explanation: Bilingual;
}

export type Distribution = Record<Predikat, number>;

export interface RaterBias {
  raterNip: string;
  teamSize: number;
  /** The unit most of the team belongs to. */
  unitId: string;
  distribution: Distribution;
  ratings: { results: Record<Rating, number>; behaviour: Record<Rating, number> };
  /** Everyone in the rater's unit (the team included), and everyone the agency rated. */
  unit: { size: number; distribution: Distribution };
  agency: { size: number; distribution: Distribution };
  previous: { cycleId: string; year: number; teamSize: number; distribution: Distribution }[];
  checks: BiasCheck[];
  flags: BiasKind[];
}

export interface RaterBiasReport {
  policy: RaterBiasPolicy;
  rated: number;
  raters: RaterBias[];
}

// ─── statistics ────────────────────────────────────────────────────────────────────────────────────

/** P(X ≥ k) for X ~ Binomial(n, p), exact (log-space sum of the probability mass). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logP = Math.log(p);
  const logQ = Math.log(1 - p);
  // log C(n, i) built up from i = 0
  let logC = 0;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    if (i > 0) logC += Math.log(n - i + 1) - Math.log(i);
    if (i >= k) sum += Math.exp(logC + i * logP + (n - i) * logQ);
  }
  return Math.min(1, sum);
}

const emptyDistribution = (): Distribution => ({ SANGAT_KURANG: 0, KURANG: 0, BUTUH_PERBAIKAN: 0, BAIK: 0, SANGAT_BAIK: 0 });
const emptyRatings = (): Record<Rating, number> => ({ DI_BAWAH: 0, SESUAI: 0, DI_ATAS: 0 });

export function distributionOf(people: readonly Pick<RatedPerson, 'predikat'>[]): Distribution {
  const d = emptyDistribution();
  for (const p of people) d[p.predikat] += 1;
  return d;
}

const BANDS: Record<'LENIENCY' | 'SEVERITY' | 'CENTRAL_TENDENCY', readonly Predikat[]> = {
  LENIENCY: ['SANGAT_BAIK'],
  SEVERITY: ['BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'],
  CENTRAL_TENDENCY: ['BAIK'],
};

/** A share as percent with at most one decimal, in the reader's decimal separator (16,7 / 16.7). */
const pctIn = (x: number, lang: 'id' | 'en') => {
  const v = `${Math.round(x * 1000) / 10}`;
  return lang === 'id' ? v.replace('.', ',') : v;
};
/** "p = 0,034" / "p < 0,001". */
const pIn = (p: number, lang: 'id' | 'en') => {
  const text = p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`;
  return `p ${lang === 'id' ? text.replace('.', ',') : text}`;
};
const alphaIn = (a: number, lang: 'id' | 'en') => (lang === 'id' ? String(a).replace('.', ',') : String(a));

function bandCheck(
  kind: 'LENIENCY' | 'SEVERITY' | 'CENTRAL_TENDENCY',
  team: readonly RatedPerson[],
  /** The peers' count in the band (k) of all peers (n). */
  peers: { k: number; n: number },
  policy: RaterBiasPolicy,
): BiasCheck {
  const band = BANDS[kind];
  const k = team.filter((p) => band.includes(p.predikat)).length;
  const n = team.length;
  const value = n ? k / n : 0;
  const reference = peers.n ? peers.k / peers.n : 0;
  const pValue = n ? binomialUpperTail(k, n, reference) : 1;
  const minGap = kind === 'LENIENCY' ? policy.leniency.minGap : kind === 'SEVERITY' ? policy.severity.minGap : policy.centralTendency.minGap;
  const minShare = kind === 'CENTRAL_TENDENCY' ? policy.centralTendency.minShare : undefined;
  const threshold = { minGap, ...(minShare !== undefined ? { minShare } : {}), alpha: policy.alpha, minTeamSize: policy.minTeamSize };
  const notAssessed: NotAssessed | undefined =
    n < policy.minTeamSize ? 'TEAM_TOO_SMALL' : peers.n < policy.minReferenceSize ? 'REFERENCE_TOO_SMALL' : undefined;
  const raised = !notAssessed && value - reference >= minGap - 1e-12 && (minShare === undefined || value >= minShare - 1e-12) && pValue <= policy.alpha;
  const name: Record<typeof kind, Bilingual> = {
    LENIENCY: { id: 'Sangat Baik', en: 'Sangat Baik' },
    SEVERITY: { id: 'Butuh Perbaikan atau lebih rendah', en: 'Butuh Perbaikan or lower' },
    CENTRAL_TENDENCY: { id: 'Baik', en: 'Baik' },
  };
  return {
    kind,
    raised,
    ...(notAssessed ? { notAssessed } : {}),
    value,
    reference,
    pValue,
    threshold,
    explanation: {
      id: `${k} dari ${n} (${pctIn(value, 'id')} %) dinilai ${name[kind].id}, dibanding ${pctIn(reference, 'id')} % pada penilai lain (${pIn(pValue, 'id')}; ambang selisih ${pctIn(minGap, 'id')} poin${minShare !== undefined ? `, minimal ${pctIn(minShare, 'id')} %` : ''}, p ≤ ${alphaIn(policy.alpha, 'id')}).`,
      en: `${k} of ${n} (${pctIn(value, 'en')}%) rated ${name[kind].en}, against ${pctIn(reference, 'en')}% among other raters (${pIn(pValue, 'en')}; threshold gap ${pctIn(minGap, 'en')} points${minShare !== undefined ? `, at least ${pctIn(minShare, 'en')}%` : ''}, p ≤ ${alphaIn(policy.alpha, 'en')}).`,
    },
  };
}

function haloCheck(team: readonly RatedPerson[], policy: RaterBiasPolicy): BiasCheck {
  const pairs = team.filter((p) => p.results && p.behaviour && p.proposedResults && p.proposedBehaviour);
  const n = pairs.length;
  const agreeFinal = pairs.filter((p) => p.results === p.behaviour).length;
  const agreeEvidence = pairs.filter((p) => p.proposedResults === p.proposedBehaviour).length;
  // McNemar: pairs the rater brought together (evidence apart, final together) against those moved apart.
  const closed = pairs.filter((p) => p.proposedResults !== p.proposedBehaviour && p.results === p.behaviour).length;
  const opened = pairs.filter((p) => p.proposedResults === p.proposedBehaviour && p.results !== p.behaviour).length;
  const pValue = closed + opened > 0 ? binomialUpperTail(closed, closed + opened, 0.5) : 1;
  const value = n ? (agreeFinal - agreeEvidence) / n : 0;
  const reference = n ? agreeEvidence / n : 0;
  const notAssessed: NotAssessed | undefined = team.length < policy.minTeamSize ? 'TEAM_TOO_SMALL' : n < policy.halo.minPairs ? 'TOO_FEW_PAIRS' : undefined;
  const raised = !notAssessed && value >= policy.halo.minExcess - 1e-12 && pValue <= policy.alpha;
  return {
    kind: 'HALO',
    raised,
    ...(notAssessed ? { notAssessed } : {}),
    value,
    reference,
    pValue,
    threshold: { minExcess: policy.halo.minExcess, alpha: policy.alpha, minTeamSize: policy.minTeamSize },
    explanation: {
      id: `Hasil kerja dan perilaku sama pada ${agreeFinal} dari ${n} pegawai, sedangkan bukti (capaian dan umpan balik) hanya menunjukkan ${agreeEvidence}; ${closed} selisih ditutup oleh penilai (${pIn(pValue, 'id')}; ambang kelebihan ${pctIn(policy.halo.minExcess, 'id')} poin, p ≤ ${alphaIn(policy.alpha, 'id')}).`,
      en: `Results and behaviour agree for ${agreeFinal} of ${n} employees, while the evidence (achievement and feedback) shows ${agreeEvidence}; the rater closed ${closed} gaps (${pIn(pValue, 'en')}; threshold excess ${pctIn(policy.halo.minExcess, 'en')} points, p ≤ ${alphaIn(policy.alpha, 'en')}).`,
    },
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const mostCommon = (values: readonly string[]): string => {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
};

/**
 * Per rater of `people` (the rated evaluations of one cycle), their distribution against their unit,
 * their agency and their previous cycles, and the four checks. Raters in NIP order.
 */
export function analyseRaterBias(
  people: readonly RatedPerson[],
  options: { previous?: readonly PreviousCycle[]; policy?: RaterBiasPolicy } = {},
): RaterBiasReport {
  const policy = options.policy ?? DEFAULT_RATER_BIAS_POLICY;
  // One pass each (O(n) for the whole agency): teams, units, the band totals the peers are taken from.
  const teams = groupBy(people, (p) => p.raterNip);
  const units = new Map([...groupBy(people, (p) => p.unitId)].map(([u, list]) => [u, { size: list.length, distribution: distributionOf(list) }]));
  const judgedAll = people.filter((p) => !p.isUnitHead);
  const inBand = (kind: keyof typeof BANDS, list: readonly RatedPerson[]) => list.filter((p) => BANDS[kind].includes(p.predikat)).length;
  const bandTotal = {
    LENIENCY: inBand('LENIENCY', judgedAll),
    SEVERITY: inBand('SEVERITY', judgedAll),
    CENTRAL_TENDENCY: inBand('CENTRAL_TENDENCY', judgedAll),
  };
  const previousTeams = (options.previous ?? []).map((c) => ({ cycle: c, teams: groupBy(c.people, (p) => p.raterNip) }));
  const agency = { size: people.length, distribution: distributionOf(people) };
  const raters = [...teams.keys()].sort().map((raterNip): RaterBias => {
    const team = teams.get(raterNip)!;
    const judged = team.filter((p) => !p.isUnitHead);
    const peersOf = (kind: keyof typeof BANDS) => ({ k: bandTotal[kind] - inBand(kind, judged), n: judgedAll.length - judged.length });
    const unitId = mostCommon(team.map((p) => p.unitId));
    const ratings = { results: emptyRatings(), behaviour: emptyRatings() };
    for (const p of team) {
      if (p.results) ratings.results[p.results] += 1;
      if (p.behaviour) ratings.behaviour[p.behaviour] += 1;
    }
    const checks = [
      bandCheck('LENIENCY', judged, peersOf('LENIENCY'), policy),
      bandCheck('SEVERITY', judged, peersOf('SEVERITY'), policy),
      bandCheck('CENTRAL_TENDENCY', judged, peersOf('CENTRAL_TENDENCY'), policy),
      haloCheck(judged, policy),
    ];
    return {
      raterNip,
      teamSize: team.length,
      unitId,
      distribution: distributionOf(team),
      ratings,
      unit: units.get(unitId)!,
      agency,
      previous: previousTeams
        .map(({ cycle: c, teams: before }) => {
          const list = before.get(raterNip) ?? [];
          return { cycleId: c.cycleId, year: c.year, teamSize: list.length, distribution: distributionOf(list) };
        })
        .filter((c) => c.teamSize > 0)
        .sort((a, b) => b.year - a.year),
      checks,
      flags: checks.filter((c) => c.raised).map((c) => c.kind),
    };
  });
  return { policy, rated: people.length, raters };
}

// ─── acknowledgement ───────────────────────────────────────────────────────────────────────────────

export const ACK_NOTE_MAX = 2000;

/** HR's acknowledgement of a rater's flags: who, when, which flags, and the note (a conversation held, a reason). */
export interface RaterBiasAcknowledgement {
  cycleId: string;
  raterNip: string;
  flags: BiasKind[];
  note: string;
  by: { nip: string; name?: string };
  at: string;
  changeId: string;
}
