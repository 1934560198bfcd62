/**
 * Before/after for `handlers`: every function bundled at a git ref (as the stack bundled it then) and as
 * it is now (infra/bundling.ts), the two imported alternately in fresh processes with
 * NODE_OPTIONS=--enable-source-maps, so both see the same load on this shared machine.
 *
 *   npx tsx bench/handlers-ab.ts <ref> [runs=9]
 *
 * The ref is extracted with `git archive` into .local/ab/<ref>/ (node_modules linked, so both use
 * today's packages). A ref without infra/bundling.ts is bundled with the stack's options before it:
 * ESM, minified, source map with sources content, the SDK external (NodejsFunction's default).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { esbuildOptionsOf } from '../infra/bundling';
import { FUNCTIONS } from '../infra/functions';
import { median, REPO_ROOT, round } from './lib/util';

const [ref, runsArg] = process.argv.slice(2);
if (!ref) throw new Error('usage: npx tsx bench/handlers-ab.ts <git ref> [runs]');
const runs = Number(runsArg ?? 9);
const dir = path.join(REPO_ROOT, '.local', 'ab', ref.replace(/[^\w.-]+/g, '_'));
const src = path.join(dir, 'src');
rmSync(dir, { recursive: true, force: true });
mkdirSync(src, { recursive: true });
execFileSync('sh', ['-c', `git archive ${JSON.stringify(ref)} | tar -x -C ${JSON.stringify(src)}`], { cwd: REPO_ROOT });
symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(src, 'node_modules'));

const before = existsSync(path.join(src, 'infra', 'bundling.ts'))
  ? ((await import(pathToFileURL(path.join(src, 'infra', 'bundling.ts')).href)) as { esbuildOptionsOf: typeof esbuildOptionsOf }).esbuildOptionsOf()
  : { ...esbuildOptionsOf(), sourcesContent: true, external: ['@aws-sdk/*', '@smithy/*'] };
const { FUNCTIONS: BEFORE_FUNCTIONS } = (await import(pathToFileURL(path.join(src, 'infra', 'functions.ts')).href)) as {
  FUNCTIONS: Record<string, { entry: string }>;
};

const ENV: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NODE_NO_WARNINGS: '1',
  NODE_OPTIONS: '--enable-source-maps',
  TABLE_NAME: 'asn-kinerja-kec-asemrowo',
  AGENCY_ID: 'kec-asemrowo',
  MAIL_TRANSPORT: 'ses',
  POWERTOOLS_SERVICE_NAME: 'asn-kinerja',
  AWS_REGION: 'ap-southeast-3',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'example',
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
};
const SCRIPT =
  'const c = process.cpuUsage(); const t = performance.now(); await import(process.argv[1]); const u = process.cpuUsage(c); process.stdout.write(JSON.stringify([performance.now() - t, (u.user + u.system) / 1000]));';
function time(file: string): [number, number] {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT, pathToFileURL(file).href], {
    env: ENV,
    encoding: 'utf8',
    cwd: path.dirname(file),
  });
  if (r.status !== 0) throw new Error(`import of ${file} failed: ${r.stderr.split('\n').slice(0, 3).join(' ')}`);
  return JSON.parse(r.stdout) as [number, number];
}

const rows: Record<string, unknown>[] = [];
for (const [id, spec] of Object.entries(FUNCTIONS)) {
  const a = path.join(dir, 'before', id, 'index.mjs');
  const b = path.join(dir, 'after', id, 'index.mjs');
  const beforeEntry = BEFORE_FUNCTIONS[id]?.entry;
  if (beforeEntry) await build({ ...before, entryPoints: [path.join(src, beforeEntry)], outfile: a, absWorkingDir: src });
  await build({ ...esbuildOptionsOf(), entryPoints: [path.join(REPO_ROOT, spec.entry)], outfile: b, absWorkingDir: REPO_ROOT });
  const A: [number, number][] = [];
  const B: [number, number][] = [];
  if (beforeEntry) time(a);
  time(b);
  for (let i = 0; i < runs; i++) {
    if (beforeEntry) A.push(time(a));
    B.push(time(b));
  }
  const m = (xs: [number, number][], k: 0 | 1) => (xs.length ? round(median(xs.map((x) => x[k])), 1) : '-');
  rows.push({
    function: id,
    'before KB': beforeEntry ? round(statSync(a).size / 1024, 1) : '-',
    'before init ms': m(A, 0),
    'before CPU ms': m(A, 1),
    'after KB': round(statSync(b).size / 1024, 1),
    'after init ms': m(B, 0),
    'after CPU ms': m(B, 1),
  });
}
console.table(rows);
