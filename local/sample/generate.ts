/**
 * Sample agencies, deterministically:
 * - `asemrowoSample()`: Kecamatan Asemrowo (Surabaya), about 60 people; committed as asemrowo.json.
 * - `generateAgency(n, seed)`: n employees in a realistic tree (units of 8–25 people, each with a
 *   head; up to three levels; raters are unit heads, and heads are rated by the head of the parent
 *   unit), for benchmarks up to 100,000. O(n).
 *
 * Run directly to (re)write the committed sample:
 *   npx tsx local/sample/generate.ts                          # writes local/sample/asemrowo.json
 *   npx tsx local/sample/generate.ts --employees 5000 [--seed 7] --out /tmp/agency.json
 */
import { realpathSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPlans, makeEmail, makeNip, type Profile, type RosterMember, type SkmQuality, skmResponses } from './build';
import { mulberry32, type Rng } from './random';
import { CAMAT, KOORDINATOR, type RoleTemplate, STAFF, TEAMS } from './roles';
import { asemrowoSample } from './roster-asemrowo';
import { DEFAULT_SAMPLE_FILE, type SampleAgency, type SampleEmployee, type SampleSkm, type SampleUnit } from './schema';
import {
  DEGREES_HEAD,
  DEGREES_STAFF,
  FEMALE_FIRST,
  FEMALE_LAST,
  MALE_FIRST,
  MALE_LAST,
  SKM_COMMENT_SCRIPT,
  SKM_COMMENTS_BAD,
  SKM_COMMENTS_GOOD,
  skmComplaint,
  skmPraise,
} from './texts';

export { asemrowoSample };

/** The sample as committed: pretty JSON, with short arrays (SKM answers, competencies) on one line. */
export function serialiseSample(sample: SampleAgency): string {
  return `${JSON.stringify(sample, null, 2).replace(SCALAR_ARRAY, (whole: string, indent: string, items: string) => {
    const line = `[${items.split(/,\n\s+/).join(', ')}]`;
    return indent.length + line.length <= 120 ? line : whole;
  })}\n`;
}

/** A pretty-printed array whose items are all numbers or strings (no objects, no nested arrays). */
const SCALAR = String.raw`(?:-?\d[\d.eE+-]*|"(?:[^"\\\n]|\\.)*")`;
const SCALAR_ARRAY = new RegExp(String.raw`\[\n(\s+)(${SCALAR}(?:,\n\s+${SCALAR})*)\n\s*\]`, 'g');

// ---------------------------------------------------------------------------------------------
// Generated agencies.

const YEAR = 2026;
const DOMAIN = 'kecamatan-sintetis.example';
const PLACES = [
  'Sukamaju',
  'Kedungsari',
  'Tegalrejo',
  'Sumberrejo',
  'Karangrejo',
  'Wonosari',
  'Ngagel Baru',
  'Bendul',
  'Margorejo',
  'Kebonsari',
  'Jajartunggal',
  'Kalirungkut',
  'Simomulyo',
  'Banyuurip',
  'Petemon',
  'Gundih',
  'Kemayoran',
  'Sidodadi',
] as const;
const SEKSI_NAMES: Record<string, string> = {
  pemerintahan: 'Seksi Pemerintahan',
  trantib: 'Seksi Ketenteraman dan Ketertiban Umum',
  kesra: 'Seksi Kesejahteraan Rakyat',
  ekbang: 'Seksi Perekonomian dan Pembangunan',
};
const ROOT_STAFF: readonly RoleTemplate[] = [...STAFF.umum, ...STAFF.keuangan];

interface GenUnit {
  unit: SampleUnit;
  place: string;
  level: 0 | 1 | 2;
  size: number;
  head: RoleTemplate;
  staff: readonly RoleTemplate[];
  /** The unit is a kelurahan: it serves citizens directly and gets an SKM. */
  servesPublic: boolean;
}

/**
 * An agency of `n` employees (plus the two external officials above its head). Deterministic for a
 * given (n, seed). Every employee has a plan; about 15 % are strong, 10 % weak, the rest meet.
 */
export function generateAgency(n: number, seed = 1): SampleAgency {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`generateAgency: n must be a positive whole number, got ${n}`);
  const rng = mulberry32(seed);
  const nips = new Map<string, number>();
  const emails = new Map<string, number>();
  const kec = `Kecamatan Sintetis ${seed}`;

  // Unit sizes: 8–25 people each, adding up to n (a smaller agency is one unit).
  const sizes: number[] = [];
  for (let left = n; left > 0; ) {
    let s = rng.int(8, 25);
    if (left <= 25) s = left;
    else if (left - s < 8) s = left - 8;
    sizes.push(s);
    left -= s;
  }

  // The tree: the root, then level-1 units under it, then level-2 units spread over the level-1 ones.
  const u = sizes.length;
  const level1 = u - 1 <= 12 ? u - 1 : Math.ceil(Math.sqrt(u - 1));
  const units: GenUnit[] = [];
  units.push({
    unit: { unitId: 'unit-1', name: kec },
    place: kec.replace('Kecamatan ', ''),
    level: 0,
    size: sizes[0]!,
    head: CAMAT,
    staff: ROOT_STAFF,
    servesPublic: true,
  });
  const teamOf: (typeof TEAMS)[number][] = [];
  for (let k = 1; k < u; k++) {
    const id = `unit-${k + 1}`;
    if (k <= level1) {
      const team = TEAMS[(k - 1) % TEAMS.length]!;
      teamOf[k] = team;
      const round = Math.floor((k - 1) / TEAMS.length);
      const place = `${PLACES[round % PLACES.length]!}${round >= PLACES.length ? ` ${Math.floor(round / PLACES.length) + 1}` : ''}`;
      const name = team.kind === 'kelurahan' ? `Kelurahan ${place}` : `${SEKSI_NAMES[team.kind]!} ${round + 1}`;
      units.push({
        unit: { unitId: id, name, parentUnitId: 'unit-1' },
        place: team.kind === 'kelurahan' ? place : name,
        level: 1,
        size: sizes[k]!,
        head: team.head,
        staff: team.staff,
        servesPublic: team.kind === 'kelurahan',
      });
    } else {
      const parent = 1 + ((k - level1 - 1) % level1);
      const team = teamOf[parent]!;
      const name = `Tim ${Math.floor((k - level1 - 1) / level1) + 1} ${units[parent]!.unit.name}`;
      units.push({
        unit: { unitId: id, name, parentUnitId: units[parent]!.unit.unitId },
        place: name,
        level: 2,
        size: sizes[k]!,
        head: KOORDINATOR,
        staff: team.staff,
        servesPublic: false,
      });
    }
  }

  // The two officials above the agency.
  const walikota = external(rng, nips, emails, 'Wali Kota (sintetis)', undefined, true);
  const sekda = external(rng, nips, emails, 'Sekretaris Daerah (sintetis)', walikota.nip, false);
  const pemkot: SampleUnit = { unitId: 'pemkot', name: 'Pemerintah Kota (sintetis)', headNip: walikota.nip };

  // People, unit by unit: the head first, rated by the parent unit's head (the root's by the Sekda).
  const members: RosterMember[] = [];
  const headOf = new Map<string, string>();
  const staffOf = new Map<string, RosterMember[]>();
  for (const g of units) {
    const words = { unit: g.unit.name, place: g.place, kec };
    const raterOfHead = g.unit.parentUnitId ? headOf.get(g.unit.parentUnitId)! : sekda.nip;
    const head = person(rng, nips, emails, g, g.head, words, raterOfHead, true);
    headOf.set(g.unit.unitId, head.employee.nip);
    g.unit.headNip = head.employee.nip;
    members.push(head);
    const staff: RosterMember[] = [];
    for (let i = 1; i < g.size; i++) staff.push(person(rng, nips, emails, g, rng.pick(g.staff), words, head.employee.nip, false));
    staffOf.set(g.unit.unitId, staff);
    members.push(...staff);
  }

  // Profiles: exactly 15 % strong and 10 % weak (rounded), spread at random.
  const order = rng.shuffle(members.map((_, i) => i));
  const strong = Math.round(members.length * 0.15);
  const weak = Math.round(members.length * 0.1);
  order.forEach((idx, k) => {
    members[idx]!.profile = k < strong ? 'strong' : k < strong + weak ? 'weak' : 'normal';
  });

  const plans = buildPlans(members, rng, { year: YEAR });

  // SKM for the root's service counter and every kelurahan: mostly B–A, the last kelurahan around C.
  const serving = units.filter((g) => g.servesPublic);
  const skm: SampleSkm[] = serving.map((g, i) => {
    const quality: SkmQuality = i === 0 ? 'A' : i === serving.length - 1 && i > 1 ? 'C' : rng.pick(['A', 'B+', 'B+', 'B'] as const);
    const staff = staffOf.get(g.unit.unitId) ?? [];
    const comments: SampleSkm['comments'] = [{ text: rng.pick(SKM_COMMENTS_GOOD) }, { text: rng.pick(SKM_COMMENTS_BAD) }];
    const named = staff.length ? rng.pick(staff) : undefined;
    if (named) {
      const name = named.employee.name.split(',')[0]!;
      comments.push({ text: named.profile === 'weak' ? skmComplaint(name) : skmPraise(name), employeeNip: named.employee.nip });
    }
    if (i === serving.length - 1) comments.push({ text: SKM_COMMENT_SCRIPT });
    return { unitId: g.unit.unitId, responses: skmResponses(rng, rng.int(30, 80), quality), comments };
  });

  // The scripted events: on staff where there are staff, else on whoever there is.
  const staffMembers = members.filter((m) => !m.employee.isUnitHead);
  const pickBy = (p: Profile, skip: readonly string[] = []) =>
    staffMembers.find((m) => m.profile === p && !skip.includes(m.employee.nip)) ?? staffMembers.find((m) => !skip.includes(m.employee.nip)) ?? members[0]!;
  const returnSkp = pickBy('normal');
  const returnEvaluation = pickBy('normal', [returnSkp.employee.nip]);
  const objector = pickBy('weak');

  return {
    agencyId: `sintetis-${n}-${seed}`,
    name: `${kec} (${n} pegawai, data sintetis)`,
    year: YEAR,
    units: [...units.map((g) => g.unit), pemkot],
    employees: [...members.map((m) => m.employee), sekda, walikota],
    plans,
    skm,
    scenario: {
      returnSkpOf: returnSkp.employee.nip,
      returnEvaluationOf: returnEvaluation.employee.nip,
      objection: {
        nip: objector.employee.nip,
        reason: 'Sebagian target tidak tercapai karena saya mendapat penugasan tambahan di luar SKP selama tiga bulan; mohon dipertimbangkan kembali.',
        requestedPredikat: 'BAIK',
      },
      lateApproverNip: units[1] ? units[1].unit.headNip! : members[0]!.employee.nip,
    },
  };
}

function fullName(rng: Rng, gender: 'L' | 'P', head: boolean): string {
  const first = rng.pick(gender === 'L' ? MALE_FIRST : FEMALE_FIRST);
  const last = rng.pick(gender === 'L' ? MALE_LAST : FEMALE_LAST);
  const degree = rng.pick(head ? DEGREES_HEAD : DEGREES_STAFF);
  return `${first} ${last}${degree ? `, ${degree}` : ''}`;
}

function person(
  rng: Rng,
  nips: Map<string, number>,
  emails: Map<string, number>,
  g: GenUnit,
  role: RoleTemplate,
  words: { unit: string; place: string; kec: string },
  raterNip: string,
  isHead: boolean,
): RosterMember {
  const gender = rng.chance(0.5) ? 'L' : 'P';
  const jenis = !isHead && rng.chance(0.2) ? 'PPPK' : 'PNS';
  const name = fullName(rng, gender, isHead);
  const employee: SampleEmployee = {
    nip: makeNip(rng, nips, { born: isHead ? [1970, 1985] : jenis === 'PPPK' ? [1980, 1996] : [1980, 1998], gender, jenis }),
    name,
    jabatan: role.jabatan.replaceAll('{place}', words.place).replaceAll('{unit}', words.unit),
    unitId: g.unit.unitId,
    raterNip,
    isUnitHead: isHead,
    email: makeEmail(name, DOMAIN, emails),
    locale: rng.chance(0.05) ? 'en' : 'id',
    competencies: [...role.competencies],
    jenis,
  };
  return { employee, role, words, profile: 'normal' };
}

function external(
  rng: Rng,
  nips: Map<string, number>,
  emails: Map<string, number>,
  jabatan: string,
  raterNip: string | undefined,
  isHead: boolean,
): SampleEmployee {
  const name = fullName(rng, 'L', true);
  return {
    nip: makeNip(rng, nips, { born: [1965, 1972], gender: 'L', jenis: 'PNS' }),
    name,
    jabatan,
    unitId: 'pemkot',
    ...(raterNip ? { raterNip } : {}),
    isUnitHead: isHead,
    email: makeEmail(name, DOMAIN, emails),
    locale: 'id',
    competencies: ['kepemimpinan'],
    jenis: 'PNS',
    external: true,
  };
}

// ---------------------------------------------------------------------------------------------
// CLI.

function main(argv: readonly string[]): void {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const employees = arg('--employees');
  const seed = Number(arg('--seed') ?? 1);
  const out = resolve(arg('--out') ?? DEFAULT_SAMPLE_FILE);
  if (employees !== undefined && (!/^\d+$/.test(employees) || Number(employees) < 1)) {
    console.error(`--employees must be a positive whole number, got "${employees}"`);
    process.exitCode = 2;
    return;
  }
  if (employees === undefined && argv.includes('--seed')) {
    console.error('--seed applies to --employees N only; the Asemrowo sample always uses its own seed');
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const sample = employees === undefined ? asemrowoSample() : generateAgency(Number(employees), seed);
  writeFileSync(out, serialiseSample(sample));
  const people = sample.employees.filter((e) => !e.external).length;
  console.log(
    `Wrote ${out}: ${people} employees in ${sample.units.length} units, ${sample.plans.length} plans (${Math.round(performance.now() - started)} ms).`,
  );
}

const invokedDirectly = (() => {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();
if (invokedDirectly) main(process.argv.slice(2));
