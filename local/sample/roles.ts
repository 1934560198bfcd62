/**
 * The jabatan of a Surabaya kecamatan and the SKP each one typically writes, as data in `roles.json`:
 * Rencana Hasil Kerja (RHK) with indicators (IKI) and targets, and which RHK of the rater each one
 * supports (`parent`, the intervensi). In texts, `{unit}` is replaced by the unit's name ("Kelurahan
 * Genting Kalianak"), `{place}` by its short name ("Genting Kalianak") and `{kec}` by the kecamatan's
 * name. Competencies use the vocabulary of shared/domain/catalogue.ts, so training recommendations match.
 *
 * In the file, a quantitative indicator is `{ d, value, unit, direction? }` (`"direction": "turun"` when
 * lower is better) and a qualitative one `{ d, expectation }`; how a unit is recorded (counted over the
 * year or a rate, its precision, its cap) follows from the unit here, not from each entry. Quantitative
 * targets avoid percentages above 90: "above expectations" needs 110 % of the target, which a target of
 * 95 % could never reach.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type RhkJenis, RhkJenisSchema } from '../../shared/domain/skp';

export type IndicatorTemplate =
  | {
      kind: 'quantitative';
      d: string;
      value: number;
      unit: string;
      lowerIsBetter: boolean;
      /** Counted over the year (half of it by mid-year), rather than a rate or an average. */
      cumulative: boolean;
      /** The precision realisations are recorded in. */
      step: number;
      /** A realisation cannot exceed this (percentages, indices). */
      cap?: number;
    }
  | { kind: 'qualitative'; d: string; expectation: string };

export interface RhkTemplate {
  jenis: RhkJenis;
  d: string;
  /** Index of the rater's RHK this one supports (taken modulo the rater's RHK count). */
  parent: number;
  competencies: string[];
  indicators: IndicatorTemplate[];
}

export interface RoleTemplate {
  key: string;
  jabatan: string;
  /** The employee's competencies (the roster's `competencies`). */
  competencies: string[];
  rhk: RhkTemplate[];
}

const Text = z.string().min(1);
const IndicatorEntrySchema = z.union([
  z.strictObject({ d: Text, value: z.number().positive(), unit: Text, direction: z.enum(['naik', 'turun']).optional() }),
  z.strictObject({ d: Text, expectation: Text }),
]);
const RoleEntrySchema = z.strictObject({
  key: Text,
  jabatan: Text,
  competencies: z.array(Text),
  rhk: z
    .array(
      z.strictObject({
        jenis: RhkJenisSchema,
        d: Text,
        parent: z.number().int().min(0),
        competencies: z.array(Text),
        indicators: z.array(IndicatorEntrySchema).min(1),
      }),
    )
    .min(1),
});
const TEAM_KINDS = ['kelurahan', 'pemerintahan', 'trantib', 'kesra', 'ekbang'] as const;
const Keys = z.array(Text).min(1);
export const RolesFileSchema = z.strictObject({
  roles: z.array(RoleEntrySchema).min(1),
  /** Staff role keys by the kind of unit they work in (the Sekretariat's two Subbagian, then the teams). */
  staff: z.strictObject({ umum: Keys, keuangan: Keys, kelurahan: Keys, pemerintahan: Keys, trantib: Keys, kesra: Keys, ekbang: Keys }),
  teams: z.array(z.strictObject({ kind: z.enum(TEAM_KINDS), head: Text, subHead: Text, staff: z.enum(['umum', 'keuangan', ...TEAM_KINDS]) })).min(1),
});
export type RolesFile = z.infer<typeof RolesFileSchema>;

/** Rates and indices are recorded to 0.1 and not summed over the year; percentages and indices stop at 100. */
const RATE_UNITS = new Set(['%', 'indeks', 'hari', 'jam']);

function indicatorTemplate(entry: z.infer<typeof IndicatorEntrySchema>): IndicatorTemplate {
  if ('expectation' in entry) return { kind: 'qualitative', d: entry.d, expectation: entry.expectation };
  const rate = RATE_UNITS.has(entry.unit);
  return {
    kind: 'quantitative',
    d: entry.d,
    value: entry.value,
    unit: entry.unit,
    lowerIsBetter: entry.direction === 'turun',
    cumulative: !rate,
    step: rate ? 0.1 : 1,
    ...(entry.unit === '%' || entry.unit === 'indeks' ? { cap: 100 } : {}),
  };
}

export const ROLES_FILE = new URL('./roles.json', import.meta.url);

/** Reads and checks a roles file; a bad one stops with the first problems and their JSON paths. */
export function loadRoles(file: URL | string = ROLES_FILE): { byKey: Map<string, RoleTemplate>; file: RolesFile } {
  const parsed = RolesFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  const where = String(file);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('\n');
    throw new Error(`Berkas jabatan tidak valid / invalid roles file ${where}:\n${problems}`);
  }
  const byKey = new Map<string, RoleTemplate>();
  for (const r of parsed.data.roles) {
    if (byKey.has(r.key)) throw new Error(`Jabatan ganda / duplicate role key "${r.key}" in ${where}`);
    byKey.set(r.key, { ...r, rhk: r.rhk.map((h) => ({ ...h, indicators: h.indicators.map(indicatorTemplate) })) });
  }
  const refs = [...Object.values(parsed.data.staff).flat(), ...parsed.data.teams.flatMap((t) => [t.head, t.subHead])];
  const unknown = refs.filter((k) => !byKey.has(k));
  if (unknown.length) throw new Error(`Jabatan tidak dikenal / unknown role keys in ${where}: ${[...new Set(unknown)].join(', ')}`);
  return { byKey, file: parsed.data };
}

const { byKey: BY_KEY, file: ROLES } = loadRoles();

export function roleByKey(key: string): RoleTemplate {
  const r = BY_KEY.get(key);
  if (!r) throw new Error(`unknown role template "${key}"`);
  return r;
}

export const CAMAT = roleByKey('camat');
export const KOORDINATOR = roleByKey('koordinator');

/** Staff roles by the kind of unit they work in. */
type StaffGroup = keyof RolesFile['staff'];
export const STAFF: { readonly [group in StaffGroup]: readonly RoleTemplate[] } = Object.fromEntries(
  (Object.keys(ROLES.staff) as StaffGroup[]).map((group) => [group, ROLES.staff[group].map(roleByKey)]),
) as Record<StaffGroup, RoleTemplate[]>;

/** Teams that a generated agency's units can be; each with its head and its staff. */
export const TEAMS: readonly { kind: RolesFile['teams'][number]['kind']; head: RoleTemplate; subHead: RoleTemplate; staff: readonly RoleTemplate[] }[] =
  ROLES.teams.map((t) => ({ kind: t.kind, head: roleByKey(t.head), subHead: roleByKey(t.subHead), staff: STAFF[t.staff] }));
