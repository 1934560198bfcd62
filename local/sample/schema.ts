/**
 * The sample-agency file: the roster of an agency (units, employees, raters), each employee's SKP with
 * mid-year and final realisations, behaviour feedback, citizen survey (SKM) answers, and the scripted
 * events of the demo cycle. `loadSampleAgency` reads and checks one; a corrupt file gets ONE error that
 * names the file, the first problems with their JSON paths, and how to get a good file back.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { BerakhlakValueSchema } from '../../shared/domain/berakhlak';
import { RealisationSchema } from '../../shared/domain/evaluate';
import { PredikatSchema, RatingSchema } from '../../shared/domain/ratings';
import { IdSchema, NipSchema, SkpSchema, skpRuleErrors } from '../../shared/domain/skp';

/** The committed sample of Kecamatan Asemrowo, next to this file. */
export const DEFAULT_SAMPLE_FILE = fileURLToPath(new URL('./asemrowo.json', import.meta.url));

export const SAMPLE_FIX_HINT = 'restore it with `git checkout local/sample/asemrowo.json` or regenerate it with `npx tsx local/sample/generate.ts`';

const Text = z.string().trim().min(1);
const Reason = z.string().trim().min(1).max(2000);

export const SampleUnitSchema = z.object({
  unitId: IdSchema,
  name: Text,
  parentUnitId: IdSchema.optional(),
  headNip: NipSchema.optional(),
});
export type SampleUnit = z.infer<typeof SampleUnitSchema>;

export const SampleEmployeeSchema = z.object({
  nip: NipSchema,
  name: Text,
  jabatan: Text,
  unitId: IdSchema,
  /** The Pejabat Penilai Kinerja; absent only for the top of the external chain (e.g. the Wali Kota). */
  raterNip: NipSchema.optional(),
  isUnitHead: z.boolean(),
  email: z.email(),
  locale: z.enum(['id', 'en']),
  competencies: z.array(IdSchema),
  jenis: z.enum(['PNS', 'PPPK']),
  /** Pangkat/golongan ruang as the documents print it ("Penata Muda Tk. I (III/b)"); optional. */
  pangkat: z.string().trim().min(1).max(80).optional(),
  /** An official outside the agency (e.g. the Sekda and Wali Kota rating the Camat): no plan of their own. */
  external: z.boolean().optional(),
});
export type SampleEmployee = z.infer<typeof SampleEmployeeSchema>;

export const SampleFeedbackSchema = z.object({
  fromNip: NipSchema,
  value: BerakhlakValueSchema,
  rating: RatingSchema,
  comment: z.string().trim().min(1).max(2000).optional(),
});
export type SampleFeedback = z.infer<typeof SampleFeedbackSchema>;

/** The rater's departures from the system's proposal; each needs a written reason. */
export const SampleRaterOverrideSchema = z.object({
  rhkRatings: z
    .array(z.object({ rhkId: IdSchema, rating: RatingSchema, reason: Reason }))
    .min(1)
    .optional(),
  behaviourRating: z.object({ rating: RatingSchema, reason: Reason }).optional(),
});
export type SampleRaterOverride = z.infer<typeof SampleRaterOverrideSchema>;

export const SamplePlanSchema = z.object({
  nip: NipSchema,
  skp: SkpSchema,
  midyear: z.array(RealisationSchema),
  final: z.array(RealisationSchema),
  feedback: z.array(SampleFeedbackSchema),
  raterOverride: SampleRaterOverrideSchema.optional(),
});
export type SamplePlan = z.infer<typeof SamplePlanSchema>;

/** One respondent: the nine SKM elements (unsur), each 1–4 (PermenPAN-RB 14/2017). */
export const SkmResponseSchema = z.array(z.number().int().min(1).max(4)).length(9);

export const SampleSkmSchema = z.object({
  unitId: IdSchema,
  responses: z.array(SkmResponseSchema),
  comments: z.array(z.object({ text: z.string().trim().min(1).max(2000), employeeNip: NipSchema.optional() })),
});
export type SampleSkm = z.infer<typeof SampleSkmSchema>;

export const SampleScenarioSchema = z.object({
  /** The rater returns this employee's SKP once, with notes, before approving it. */
  returnSkpOf: NipSchema,
  /** The approver returns this employee's final evaluation once, with a reason. */
  returnEvaluationOf: NipSchema,
  /** This employee objects to the result (keberatan). */
  objection: z.object({ nip: NipSchema, reason: Reason, requestedPredikat: PredikatSchema }),
  /** This rater acts late, so reminders and escalation can be seen. */
  lateApproverNip: NipSchema.optional(),
});
export type SampleScenario = z.infer<typeof SampleScenarioSchema>;

export const SampleAgencySchema = z.object({
  agencyId: IdSchema,
  name: Text,
  /** The year of the cycle the sample is for. */
  year: z.number().int().min(2000).max(2100),
  units: z.array(SampleUnitSchema).min(1),
  employees: z.array(SampleEmployeeSchema).min(1),
  plans: z.array(SamplePlanSchema),
  skm: z.array(SampleSkmSchema),
  scenario: SampleScenarioSchema,
});
export type SampleAgency = z.infer<typeof SampleAgencySchema>;

// ---------------------------------------------------------------------------------------------
// Problems between records (references, duplicates, cycles), each with a JSON path.

export interface SampleProblem {
  /** A JSON path into the file, e.g. `employees[12].raterNip`. */
  path: string;
  message: string;
}

export function jsonPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out ? `.${String(s)}` : String(s);
  return out || '(root)';
}

/**
 * Every reference problem in a schema-valid sample: unknown units, raters, heads, plan and feedback
 * NIPs; duplicate NIPs and ids; cycles in the unit tree and the rater chain; SKPs that break the SKP
 * rules (including `parentRhkId` not in the rater's SKP); realisations that do not fit their SKP.
 * Runs in O(size of the file).
 */
export function checkSampleAgency(sample: SampleAgency): SampleProblem[] {
  const problems: SampleProblem[] = [];
  const add = (path: PropertyKey[], message: string) => problems.push({ path: jsonPath(path), message });

  const units = new Map<string, SampleUnit>();
  sample.units.forEach((u, i) => {
    if (units.has(u.unitId)) add(['units', i, 'unitId'], `duplicate unitId "${u.unitId}"`);
    else units.set(u.unitId, u);
  });

  const employees = new Map<string, SampleEmployee>();
  sample.employees.forEach((e, i) => {
    if (employees.has(e.nip)) add(['employees', i, 'nip'], `duplicate NIP ${e.nip}`);
    else employees.set(e.nip, e);
  });

  sample.units.forEach((u, i) => {
    if (u.parentUnitId !== undefined && !units.has(u.parentUnitId))
      add(['units', i, 'parentUnitId'], `parent unit "${u.parentUnitId}" is not a unit in this file`);
    if (u.headNip !== undefined) {
      const head = employees.get(u.headNip);
      if (!head) add(['units', i, 'headNip'], `head ${u.headNip} is not an employee in this file`);
      else if (head.unitId !== u.unitId) add(['units', i, 'headNip'], `head ${u.headNip} belongs to unit "${head.unitId}", not "${u.unitId}"`);
    }
  });
  firstCycle(sample.units.map((u) => [u.unitId, u.parentUnitId] as const)).forEach((i) =>
    add(['units', i, 'parentUnitId'], `the unit tree has a cycle through "${sample.units[i]!.unitId}"`),
  );

  sample.employees.forEach((e, i) => {
    const unit = units.get(e.unitId);
    if (!unit) add(['employees', i, 'unitId'], `unit "${e.unitId}" is not a unit in this file`);
    else if (e.isUnitHead && unit.headNip !== e.nip)
      add(['employees', i, 'isUnitHead'], `marked head of unit "${e.unitId}", whose headNip is ${unit.headNip ?? 'not set'}`);
    if (e.raterNip !== undefined) {
      if (e.raterNip === e.nip) add(['employees', i, 'raterNip'], 'an employee cannot be their own rater');
      else if (!employees.has(e.raterNip)) add(['employees', i, 'raterNip'], `rater ${e.raterNip} is not an employee in this file`);
    } else if (!e.external) add(['employees', i, 'raterNip'], 'every employee of the agency needs a rater');
  });
  firstCycle(sample.employees.map((e) => [e.nip, e.raterNip] as const)).forEach((i) =>
    add(['employees', i, 'raterNip'], `the rater chain has a cycle through ${sample.employees[i]!.nip}`),
  );

  const plans = new Map<string, SamplePlan>();
  sample.plans.forEach((p, i) => {
    if (plans.has(p.nip)) add(['plans', i, 'nip'], `duplicate plan for ${p.nip}`);
    else plans.set(p.nip, p);
  });
  const cycle = { start: `${sample.year}-01-01`, end: `${sample.year}-12-31` };
  sample.plans.forEach((p, i) => {
    const emp = employees.get(p.nip);
    if (!emp) add(['plans', i, 'nip'], `plan for ${p.nip}, who is not an employee in this file`);
    else if (emp.external) add(['plans', i, 'nip'], `plan for ${p.nip}, an external official`);
    if (p.skp.nip !== p.nip) add(['plans', i, 'skp', 'nip'], `SKP NIP ${p.skp.nip} does not match the plan's NIP ${p.nip}`);

    const raterPlan = emp?.raterNip !== undefined ? plans.get(emp.raterNip) : undefined;
    const ctx = {
      isUnitHead: emp?.isUnitHead ?? false,
      cycle,
      ...(raterPlan ? { superiorRhkIds: raterPlan.skp.rhk.map((r) => r.id) } : {}),
    };
    for (const err of skpRuleErrors(p.skp, ctx)) add(['plans', i, 'skp', ...(err.field ? err.field.split('.').map(segment) : [])], err.messageEn);

    const indicators = new Map<string, 'quantitative' | 'qualitative'>();
    for (const r of p.skp.rhk) for (const ind of r.indicators) indicators.set(ind.id, ind.target.kind);
    for (const stage of ['midyear', 'final'] as const) {
      const seen = new Set<string>();
      p[stage].forEach((real, k) => {
        const kind = indicators.get(real.indicatorId);
        if (!kind) return add(['plans', i, stage, k, 'indicatorId'], `indicator "${real.indicatorId}" is not in this SKP`);
        if (seen.has(real.indicatorId)) return add(['plans', i, stage, k, 'indicatorId'], `indicator "${real.indicatorId}" is realised twice`);
        seen.add(real.indicatorId);
        if (kind === 'quantitative' && (real.value === undefined || real.judgement !== undefined))
          add(['plans', i, stage, k], 'a quantitative indicator needs a numeric value (and no judgement)');
        if (kind === 'qualitative' && (real.judgement === undefined || real.value !== undefined))
          add(['plans', i, stage, k], "a qualitative indicator needs the rater's judgement (and no value)");
      });
      if (stage === 'final') for (const id of indicators.keys()) if (!seen.has(id)) add(['plans', i, 'final'], `indicator "${id}" has no final realisation`);
    }

    p.feedback.forEach((f, k) => {
      if (!employees.has(f.fromNip)) add(['plans', i, 'feedback', k, 'fromNip'], `feedback from ${f.fromNip}, who is not an employee in this file`);
      else if (f.fromNip === p.nip) add(['plans', i, 'feedback', k, 'fromNip'], 'an employee cannot give feedback on themselves');
    });
    const rhkIds = new Set(p.skp.rhk.map((r) => r.id));
    p.raterOverride?.rhkRatings?.forEach((r, k) => {
      if (!rhkIds.has(r.rhkId)) add(['plans', i, 'raterOverride', 'rhkRatings', k, 'rhkId'], `RHK "${r.rhkId}" is not in this SKP`);
    });
  });

  sample.skm.forEach((s, i) => {
    if (!units.has(s.unitId)) add(['skm', i, 'unitId'], `unit "${s.unitId}" is not a unit in this file`);
    s.comments.forEach((c, k) => {
      if (c.employeeNip !== undefined && !employees.has(c.employeeNip))
        add(['skm', i, 'comments', k, 'employeeNip'], `employee ${c.employeeNip} is not in this file`);
    });
  });

  const { scenario } = sample;
  const needsPlan = (path: PropertyKey[], nip: string) => {
    if (!plans.has(nip)) add(path, `${nip} has no plan in this file`);
  };
  needsPlan(['scenario', 'returnSkpOf'], scenario.returnSkpOf);
  needsPlan(['scenario', 'returnEvaluationOf'], scenario.returnEvaluationOf);
  needsPlan(['scenario', 'objection', 'nip'], scenario.objection.nip);
  if (scenario.lateApproverNip !== undefined && !employees.has(scenario.lateApproverNip))
    add(['scenario', 'lateApproverNip'], `${scenario.lateApproverNip} is not an employee in this file`);
  return problems;
}

const segment = (s: string): string | number => (/^\d+$/.test(s) ? Number(s) : s);

/** Indices of the entries that lie on a cycle of the `id → parent` relation (each cycle reported once). */
function firstCycle(edges: readonly (readonly [string, string | undefined])[]): number[] {
  const index = new Map<string, number>();
  edges.forEach(([id], i) => {
    if (!index.has(id)) index.set(id, i);
  });
  const state = new Uint8Array(edges.length); // 0 unvisited, 1 on the current walk, 2 done
  const found: number[] = [];
  for (let start = 0; start < edges.length; start++) {
    const walk: number[] = [];
    let i: number | undefined = start;
    while (i !== undefined && state[i] === 0) {
      state[i] = 1;
      walk.push(i);
      const parent: string | undefined = edges[i]![1];
      i = parent === undefined ? undefined : index.get(parent);
    }
    if (i !== undefined && state[i] === 1) found.push(i);
    for (const w of walk) state[w] = 2;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Loading.

/** A sample file that cannot be used; `problems` lists everything found, the message the first few. */
export class SampleFileError extends Error {
  override readonly name = 'SampleFileError';
  constructor(
    readonly file: string,
    readonly problems: readonly SampleProblem[],
    summary: string,
  ) {
    super(summary);
  }
}

const SHOWN = 5;

/** Reads, parses and checks a sample file. Throws one SampleFileError naming the file, the problems and the fix. */
export function loadSampleAgency(path: string = DEFAULT_SAMPLE_FILE): SampleAgency {
  const file = displayPath(path);
  const fail = (problems: SampleProblem[], what: string): never => {
    const lines = problems.slice(0, SHOWN).map((p) => `  - ${p.path}: ${p.message}`);
    if (problems.length > SHOWN) lines.push(`  … and ${problems.length - SHOWN} more`);
    throw new SampleFileError(file, problems, [`Sample file ${file} ${what}:`, ...lines, `Fix: ${SAMPLE_FIX_HINT}.`].join('\n'));
  };

  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail([{ path: '(file)', message: code === 'ENOENT' ? 'the file does not exist' : `cannot be read (${code ?? String(err)})` }], 'cannot be read');
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail([{ path: jsonErrorLocation(text, err), message: `not valid JSON (${(err as Error).message})` }], 'is corrupt');
  }

  const parsed = SampleAgencySchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issueMessage(issue) }));
    return fail(problems, `is corrupt (${problems.length} problem${problems.length === 1 ? '' : 's'})`);
  }
  const problems = checkSampleAgency(parsed.data);
  if (problems.length > 0) return fail(problems, `is corrupt (${problems.length} problem${problems.length === 1 ? '' : 's'})`);
  return parsed.data;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.message === 'NIP_FORMAT') return 'a NIP must be 18 digits';
  return issue.message;
}

/** "line 12, column 5" when the engine reports a position, else the whole file. */
function jsonErrorLocation(text: string, err: unknown): string {
  const m = /position (\d+)/.exec((err as Error).message ?? '');
  if (!m) return '(file)';
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `(line ${line}, column ${column})`;
}

function displayPath(path: string): string {
  const abs = resolve(path);
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}
