/**
 * Turns a roster (people, their jabatan and raters) into a full sample: each employee's SKP with
 * mid-year and final realisations, behaviour feedback, and the rater's overrides; plus helpers for
 * NIPs, e-mail addresses and citizen survey answers. Shared by the Asemrowo sample and the generator.
 * Everything is drawn from one seeded Rng, so the same roster and seed always give the same sample.
 */
import { BERAKHLAK, type BerakhlakValue } from '../../shared/domain/berakhlak';
import type { Realisation } from '../../shared/domain/evaluate';
import { DEFAULT_POLICY_ID, getPolicy, requireExpectationPolicy } from '../../shared/domain/policies';
import type { Rating } from '../../shared/domain/ratings';
import { achievementPercent, lowestRating, ratingForAchievement, resultsRatingFromRhk } from '../../shared/domain/results';
import type { Indicator, Rhk, Skp } from '../../shared/domain/skp';
import type { Rng } from './random';
import type { IndicatorTemplate, RoleTemplate } from './roles';
import type { SampleEmployee, SampleFeedback, SamplePlan, SampleRaterOverride } from './schema';
import { FEEDBACK_COMMENTS } from './texts';

const POLICY = requireExpectationPolicy(getPolicy(DEFAULT_POLICY_ID));

/** How an employee's year went: shapes the final realisations and the feedback. */
export type Profile = 'strong' | 'normal' | 'weak';

export interface RosterMember {
  employee: SampleEmployee;
  /** The jabatan's SKP template; absent for external officials, who have no plan here. */
  role?: RoleTemplate;
  /** Values for the template's placeholders. */
  words?: { unit: string; place: string; kec: string };
  profile: Profile;
  /** Forces the rating each RHK's final realisations land on (same order as the template's RHK). */
  bands?: readonly Rating[];
  /** The rater departs from the system's proposal, with a written reason. */
  override?: {
    rhk?: { index: number; rating: Rating; reason: string }[];
    behaviour?: { rating: Rating; reason: string };
    /** A lenient rater: every RHK and the behaviour rated Di Atas whatever the evidence, with this reason. */
    allAbove?: string;
  };
  specialExpectations?: Skp['specialExpectations'];
}

export interface BuildOptions {
  year: number;
  /** Adds an evidence reference (bukti dukung) to each final realisation. */
  evidence?: boolean;
}

/** Builds the plans of every member with a role, in roster order. A rater must come before the people they rate. */
export function buildPlans(members: readonly RosterMember[], rng: Rng, opts: BuildOptions): SamplePlan[] {
  const byNip = new Map<string, RosterMember>();
  const unitMembers = new Map<string, string[]>();
  const ratees = new Map<string, string[]>();
  for (const m of members) {
    const e = m.employee;
    byNip.set(e.nip, m);
    push(unitMembers, e.unitId, e.nip);
    if (e.raterNip) push(ratees, e.raterNip, e.nip);
  }

  const rhkCount = new Map<string, number>();
  const plans: SamplePlan[] = [];
  for (const m of members) {
    if (!m.role || m.employee.external) continue;
    const e = m.employee;
    const raterCount = e.raterNip ? rhkCount.get(e.raterNip) : undefined;
    const rater = e.raterNip ? byNip.get(e.raterNip) : undefined;
    if (rater && rater.role && !rater.employee.external && raterCount === undefined)
      throw new Error(`roster order: ${e.nip}'s rater ${e.raterNip} must come before them`);

    const skp = buildSkp(m, raterCount, opts.year);
    rhkCount.set(e.nip, skp.rhk.length);
    const bands = chooseBands(m, skp, rng);
    const midyear: Realisation[] = [];
    const final: Realisation[] = [];
    skp.rhk.forEach((r, i) => {
      const band = bands[i]!;
      r.indicators.forEach((ind, j) => {
        const tpl = m.role!.rhk[i]!.indicators[j]!;
        midyear.push(midyearRealisation(ind, tpl, m.profile, rng));
        const real: Realisation = { indicatorId: ind.id, ...finalValue(ind, tpl, band, rng) };
        if (opts.evidence) real.evidence = [`bukti-dukung/${opts.year}/${e.nip}/${ind.id}.pdf`];
        final.push(real);
      });
    });

    const peers = choosePeers(m, byNip, unitMembers, ratees, rng);
    const plan: SamplePlan = {
      nip: e.nip,
      skp,
      midyear,
      final,
      feedback: buildFeedback(m, peers, rng),
    };
    const override = raterOverride(m, skp, final);
    if (override) plan.raterOverride = override;
    plans.push(plan);
  }
  return plans;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const filled = new WeakMap<NonNullable<RosterMember['words']>, Map<string, string>>();

/** The template text with the placeholders filled in; cached per unit, as a unit's people share their words. */
function fill(text: string, words: RosterMember['words']): string {
  if (!words) return text;
  let cache = filled.get(words);
  if (!cache) filled.set(words, (cache = new Map()));
  let out = cache.get(text);
  if (out === undefined) {
    out = text.replaceAll('{unit}', words.unit).replaceAll('{place}', words.place).replaceAll('{kec}', words.kec);
    cache.set(text, out);
  }
  return out;
}

function buildSkp(m: RosterMember, raterRhkCount: number | undefined, year: number): Skp {
  const rhk = m.role!.rhk.map((t, i): Rhk => {
    const id = `rhk-${i + 1}`;
    return {
      id,
      jenis: t.jenis,
      description: fill(t.d, m.words),
      // Intervensi: every RHK supports one of the rater's, unless the rater is outside the agency.
      ...(raterRhkCount ? { parentRhkId: `rhk-${(t.parent % raterRhkCount) + 1}` } : {}),
      indicators: t.indicators.map(
        (ind, j): Indicator => ({
          id: `${id}-iki-${j + 1}`,
          description: fill(ind.d, m.words),
          target:
            ind.kind === 'quantitative'
              ? { kind: 'quantitative', value: ind.value, unit: ind.unit, direction: ind.lowerIsBetter ? 'lowerIsBetter' : 'higherIsBetter' }
              : { kind: 'qualitative', expectation: ind.expectation },
        }),
      ),
      competencies: [...t.competencies],
    };
  });
  return {
    nip: m.employee.nip,
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    rhk,
    ...(m.specialExpectations ? { specialExpectations: m.specialExpectations } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Results: which rating each RHK lands on, and realisations that produce it under the policy.

function chooseBands(m: RosterMember, skp: Skp, rng: Rng): Rating[] {
  if (m.bands) return skp.rhk.map((_, i) => m.bands![i] ?? 'SESUAI');
  const main = skp.rhk.flatMap((r, i) => (r.jenis === 'utama' ? [i] : []));
  const all = (rating: Rating): Rating[] => skp.rhk.map(() => rating);
  const summary = (bands: Rating[]) =>
    resultsRatingFromRhk(
      skp.rhk.map((r, i) => ({ jenis: r.jenis, rating: bands[i]! })),
      POLICY,
    ).rating;

  if (m.profile === 'strong') return all('DI_ATAS');
  if (m.profile === 'weak') {
    // Below on most main RHK; with three or more main RHK, one of them still meets.
    const bands = skp.rhk.map((r): Rating => (r.jenis === 'utama' ? 'DI_BAWAH' : 'SESUAI'));
    if (main.length >= 3) bands[rng.pick(main)] = 'SESUAI';
    return summary(bands) === 'DI_BAWAH' ? bands : skp.rhk.map(() => 'DI_BAWAH');
  }
  // Normal: meets, sometimes one RHK above, now and then one main RHK below (allowed when "a few").
  const bands = all('SESUAI');
  if (rng.chance(0.25)) bands[rng.int(0, bands.length - 1)] = 'DI_ATAS';
  if (main.length >= 3 && rng.chance(0.3)) bands[rng.pick(main)] = 'DI_BAWAH';
  return summary(bands) === 'SESUAI' ? bands : all('SESUAI');
}

type Quantitative = Extract<IndicatorTemplate, { kind: 'quantitative' }>;

const roundTo = (x: number, step: number): number => (step >= 1 ? Math.round(x / step) * step : Number((Math.round(x / step) * step).toFixed(1)));

function ratingOf(tpl: Quantitative, value: number): Rating {
  const target = {
    kind: 'quantitative' as const,
    value: tpl.value,
    unit: tpl.unit,
    direction: tpl.lowerIsBetter ? ('lowerIsBetter' as const) : ('higherIsBetter' as const),
  };
  return ratingForAchievement(achievementPercent(target, value), POLICY);
}

const RATIO: Record<Rating, readonly [number, number]> = { DI_ATAS: [1.12, 1.3], SESUAI: [1.0, 1.07], DI_BAWAH: [0.7, 0.93] };

/** A realisation whose achievement falls in the band (at the recorded precision, within the cap). */
function realiseInBand(tpl: Quantitative, band: Rating, rng: Rng): number {
  const [lo, hi] = RATIO[band];
  const a = rng.float(lo, hi);
  const valid = (v: number) => v >= 0 && (tpl.cap === undefined || v <= tpl.cap);
  const start = roundTo(Math.min(tpl.cap ?? Infinity, Math.max(0, tpl.lowerIsBetter ? tpl.value * (2 - a) : tpl.value * a)), tpl.step);
  if (ratingOf(tpl, start) === band) return start;
  for (let k = 1; k <= 400; k++) {
    for (const dir of [1, -1]) {
      const v = roundTo(start + dir * k * tpl.step, tpl.step);
      if (valid(v) && ratingOf(tpl, v) === band) return v;
    }
  }
  return tpl.value; // exactly on target: always "meets"
}

function finalValue(ind: Indicator, tpl: IndicatorTemplate, band: Rating, rng: Rng): Pick<Realisation, 'value' | 'judgement'> {
  if (ind.target.kind === 'qualitative' || tpl.kind === 'qualitative') return { judgement: band };
  return { value: realiseInBand(tpl, band, rng) };
}

/** Mid-year: counts about half-way (40–60 % of the year's target), rates and averages near target. */
function midyearRealisation(ind: Indicator, tpl: IndicatorTemplate, profile: Profile, rng: Rng): Realisation {
  if (tpl.kind === 'qualitative') {
    return { indicatorId: ind.id, judgement: profile === 'strong' ? 'DI_ATAS' : profile === 'weak' ? 'DI_BAWAH' : 'SESUAI' };
  }
  let v: number;
  if (tpl.cumulative) v = tpl.value * rng.float(0.4, 0.6);
  else v = tpl.lowerIsBetter ? tpl.value * rng.float(0.95, 1.15) : tpl.value * rng.float(0.9, 1.05);
  v = roundTo(Math.min(tpl.cap ?? Infinity, v), tpl.step);
  return { indicatorId: ind.id, value: v };
}

function raterOverride(m: RosterMember, skp: Skp, final: Realisation[]): SampleRaterOverride | undefined {
  if (!m.override) return undefined;
  const out: SampleRaterOverride = {};
  if (m.override.allAbove) {
    const reason = m.override.allAbove;
    const realOf = new Map(final.map((r) => [r.indicatorId, r]));
    const raised = skp.rhk.filter((r) => proposedRating(r, realOf) !== 'DI_ATAS').map((r) => ({ rhkId: r.id, rating: 'DI_ATAS' as const, reason }));
    if (raised.length) out.rhkRatings = raised;
    out.behaviourRating = { rating: 'DI_ATAS', reason };
    return out;
  }
  if (m.override.rhk?.length) {
    const realOf = new Map(final.map((r) => [r.indicatorId, r]));
    out.rhkRatings = m.override.rhk.map(({ index, rating, reason }) => {
      const rhk = skp.rhk[index];
      if (!rhk) throw new Error(`override of RHK ${index + 1}, which ${m.employee.nip}'s SKP does not have`);
      const proposed = proposedRating(rhk, realOf);
      if (proposed === rating) throw new Error(`override of ${m.employee.nip} ${rhk.id} equals the proposal ${proposed}`);
      return { rhkId: rhk.id, rating, reason };
    });
  }
  if (m.override.behaviour) out.behaviourRating = { ...m.override.behaviour };
  return out;
}

/** The system's proposal for one RHK: its lowest indicator rating (as shared/domain/evaluate does). */
export function proposedRating(rhk: Rhk, realOf: ReadonlyMap<string, Realisation>): Rating {
  return lowestRating(
    rhk.indicators.map((ind) => {
      const real = realOf.get(ind.id)!;
      return ind.target.kind === 'quantitative' ? ratingForAchievement(achievementPercent(ind.target, real.value!), POLICY) : real.judgement!;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Behaviour feedback: the rater on all seven values, two colleagues on three to seven.

const VALUES: readonly BerakhlakValue[] = BERAKHLAK.map((v) => v.value);
const WEAK_SPOTS: readonly BerakhlakValue[] = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'ADAPTIF'];

function choosePeers(
  m: RosterMember,
  byNip: ReadonlyMap<string, RosterMember>,
  unitMembers: ReadonlyMap<string, string[]>,
  ratees: ReadonlyMap<string, string[]>,
  rng: Rng,
): string[] {
  const e = m.employee;
  const sameUnit = unitMembers.get(e.unitId) ?? [];
  const sameRater = e.raterNip ? (ratees.get(e.raterNip) ?? []) : [];
  const team = ratees.get(e.nip) ?? [];
  // Staff: colleagues in the unit first. Heads: fellow heads with the same rater, then their own team.
  const pools = e.isUnitHead ? [sameRater, sameUnit, team] : [sameUnit, sameRater, team];
  const ok = (n: string | undefined, chosen: readonly string[]): n is string =>
    n !== undefined &&
    n !== e.nip &&
    n !== e.raterNip &&
    !chosen.includes(n) &&
    byNip.get(n)?.employee.external !== true &&
    // Staff hear from colleagues, not from the head of their unit (who is their rater or approver).
    (e.isUnitHead || byNip.get(n)?.employee.isUnitHead !== true);
  const chosen: string[] = [];
  for (const pool of pools) {
    // A few random draws find two colleagues in O(1) in a large pool; a small pool is filtered instead.
    for (let tries = 0; chosen.length < 2 && pool.length > 8 && tries < 8; tries++) {
      const n = pool[rng.int(0, pool.length - 1)];
      if (ok(n, chosen)) chosen.push(n);
    }
    if (chosen.length >= 2) break;
    chosen.push(
      ...rng.sample(
        pool.filter((n) => ok(n, chosen)),
        2 - chosen.length,
      ),
    );
  }
  return chosen;
}

function entry(fromNip: string, value: BerakhlakValue, rating: Rating, commentChance: number, rng: Rng): SampleFeedback {
  const f: SampleFeedback = { fromNip, value, rating };
  if (rating !== 'SESUAI' || rng.chance(commentChance)) f.comment = rng.pick(FEEDBACK_COMMENTS[value][rating]);
  return f;
}

/** Marks `k` of the seven values at random (partial Fisher–Yates over value indices). */
function pickValues(rng: Rng, k: number): boolean[] {
  const idx = [0, 1, 2, 3, 4, 5, 6];
  const marked = [false, false, false, false, false, false, false];
  for (let i = 0; i < k; i++) {
    const j = rng.int(i, 6);
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
    marked[idx[i]!] = true;
  }
  return marked;
}

function buildFeedback(m: RosterMember, peers: readonly string[], rng: Rng): SampleFeedback[] {
  const out: SampleFeedback[] = [];
  const raterNip = m.employee.raterNip;
  if (raterNip) {
    const ratings: Rating[] = VALUES.map(() => 'SESUAI');
    if (!m.override?.behaviour) {
      if (m.profile === 'strong') pickValues(rng, rng.int(4, 6)).forEach((on, i) => on && (ratings[i] = 'DI_ATAS'));
      else if (m.profile === 'weak') for (const v of rng.sample(WEAK_SPOTS, rng.int(1, 2))) ratings[VALUES.indexOf(v)] = 'DI_BAWAH';
      else {
        if (rng.chance(0.25)) ratings[rng.int(0, 6)] = 'DI_ATAS';
        if (rng.chance(0.06)) ratings[rng.int(0, 6)] = 'DI_BAWAH';
      }
    }
    VALUES.forEach((v, i) => out.push(entry(raterNip, v, ratings[i]!, 0.3, rng)));
  }
  for (const peer of peers) {
    const chosen = pickValues(rng, rng.int(3, 7));
    VALUES.forEach((v, i) => {
      if (!chosen[i]) return;
      const x = rng.next();
      const rating: Rating =
        m.profile === 'strong'
          ? x < 0.6
            ? 'DI_ATAS'
            : 'SESUAI'
          : m.profile === 'weak'
            ? x < 0.3
              ? 'DI_BAWAH'
              : 'SESUAI'
            : x < 0.07
              ? 'DI_ATAS'
              : x < 0.1
                ? 'DI_BAWAH'
                : 'SESUAI';
      out.push(entry(peer, v, rating, 0.4, rng));
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// People: NIP and e-mail.

/**
 * A NIP as BKN issues it: birth date (YYYYMMDD), month of appointment (YYYYMM), gender (1 man,
 * 2 woman) and a 3-digit sequence. `used` keeps NIPs unique.
 */
export function makeNip(rng: Rng, used: Map<string, number>, opts: { born: readonly [number, number]; gender: 'L' | 'P'; jenis: 'PNS' | 'PPPK' }): string {
  const year = rng.int(opts.born[0], opts.born[1]);
  const month = rng.int(1, 12);
  const day = rng.int(1, daysIn(year, month));
  const appointedYear = opts.jenis === 'PPPK' ? rng.int(2022, 2025) : Math.min(2024, year + rng.int(23, 30));
  const appointedMonth = opts.jenis === 'PPPK' ? rng.pick([1, 3, 7, 12]) : rng.pick([1, 2, 3, 4, 12]);
  const prefix = `${year}${pad(month, 2)}${pad(day, 2)}${appointedYear}${pad(appointedMonth, 2)}${opts.gender === 'L' ? 1 : 2}`;
  const seq = (used.get(prefix) ?? rng.int(0, 9)) + 1;
  if (seq > 999) throw new Error(`NIP sequence exhausted for ${prefix}`);
  used.set(prefix, seq);
  return `${prefix}${pad(seq, 3)}`;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

const HONORIFIC = /^(drs|dra|dr|ir|h|hj|prof)\.$/i;

/** `nama.belakang` from a name, without degrees (after the comma) or honorifics; unique within `used`. */
export function makeEmail(name: string, domain: string, used: Map<string, number>): string {
  const words = (name.split(',')[0] ?? name)
    .split(/\s+/)
    .filter((w) => !HONORIFIC.test(w))
    .map((w) => w.toLowerCase().replace(/[^a-z]/g, ''))
    .filter(Boolean);
  const local = words.length > 1 ? `${words[0]}.${words[words.length - 1]}` : (words[0] ?? 'pegawai');
  const n = (used.get(local) ?? 0) + 1;
  used.set(local, n);
  return `${n === 1 ? local : `${local}${n}`}@${domain}`;
}

// ---------------------------------------------------------------------------------------------
// Citizen survey (SKM): nine answers 1–4 per respondent.

/** Probabilities of answering 1, 2, 3, 4; the IKM they give on average is noted. */
export const SKM_QUALITY = {
  A: [0, 0.02, 0.4, 0.58], // ≈ 89: A (Sangat Baik)
  'B+': [0, 0.05, 0.55, 0.4], // ≈ 84: B (Baik)
  B: [0.01, 0.08, 0.62, 0.29], // ≈ 80: B (Baik)
  C: [0.04, 0.25, 0.58, 0.13], // ≈ 70: C (Kurang Baik)
} as const satisfies Record<string, readonly [number, number, number, number]>;
export type SkmQuality = keyof typeof SKM_QUALITY;

/** Element 4 (biaya) is free of charge in Surabaya, so it scores higher; element 9 (sarana) lower. */
const ELEMENT_SHIFT = [0, 0, -0.05, 0.15, 0, 0, 0, 0, -0.1];

export function skmResponses(rng: Rng, count: number, quality: SkmQuality): number[][] {
  const p = SKM_QUALITY[quality];
  const out: number[][] = [];
  for (let r = 0; r < count; r++) {
    const answers: number[] = [];
    for (let u = 0; u < 9; u++) {
      const shift = ELEMENT_SHIFT[u]!;
      const p4 = Math.min(1, Math.max(0, p[3] + shift));
      const p3 = Math.max(0, p[2] - shift);
      const x = rng.next() * (p[0] + p[1] + p3 + p4);
      answers.push(x < p[0] ? 1 : x < p[0] + p[1] ? 2 : x < p[0] + p[1] + p3 ? 3 : 4);
    }
    out.push(answers);
  }
  return out;
}
