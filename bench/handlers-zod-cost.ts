/**
 * Experiment: what zod costs a function at init — its own init plus every schema our modules build at
 * import. Each function is bundled as deployed (infra/bundling.ts) twice: with zod, and with zod aliased
 * to a stand-in whose schemas cost nothing to build (the bundle imports but is not meant to run), then
 * both are imported alternately in fresh processes (`--enable-source-maps`), CPU time compared.
 *
 *   npx tsx bench/handlers-zod-cost.ts [function ids…]   (default: hr-api stage-open skm)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { esbuildOptionsOf } from '../infra/bundling';
import { FUNCTIONS, type FunctionId } from '../infra/functions';
import { median, REPO_ROOT, round } from './lib/util';

const DIR = path.join(REPO_ROOT, '.local', 'bench', 'zod-cost');
const STAND_IN = path.join(DIR, 'zod-stand-in.mjs');
mkdirSync(DIR, { recursive: true });
// Every name the bundled code takes from 'zod' (grep "z\.[a-zA-Z]+" in shared/ and functions/).
const NAMES = [
  'ZodObject',
  'ZodType',
  'array',
  'boolean',
  'coerce',
  'core',
  'discriminatedUnion',
  'email',
  'iso',
  'literal',
  'number',
  'object',
  'record',
  'registry',
  'strictObject',
  'string',
  'toJSONSchema',
  'unknown',
  'url',
];
writeFileSync(
  STAND_IN,
  [
    "const handler = { get: (_t, p) => (p === 'then' ? undefined : p === Symbol.toPrimitive ? () => '' : fake), apply: () => fake, construct: () => fake };",
    'const fake = new Proxy(function () {}, handler);',
    'export class ZodError extends Error {}',
    `export const ${NAMES.map((n) => `${n} = fake`).join(', ')};`,
    'const enum_ = fake; export { enum_ as enum };',
  ].join('\n'),
);

const ENV: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NODE_NO_WARNINGS: '1',
  NODE_OPTIONS: '--enable-source-maps',
  AWS_REGION: 'ap-southeast-3',
  TABLE_NAME: 't',
};
const SCRIPT =
  'const c = process.cpuUsage(); await import(process.argv[1]); const u = process.cpuUsage(c); process.stdout.write(String((u.user + u.system) / 1000));';
const cpu = (file: string) =>
  Number(spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT, `file://${file}`], { env: ENV, encoding: 'utf8' }).stdout);

const ids = (process.argv.length > 2 ? process.argv.slice(2) : ['hr-api', 'stage-open', 'skm']) as FunctionId[];
const rows = [];
for (const id of ids) {
  const withZod = path.join(DIR, 'zod', id, 'index.mjs');
  const withStandIn = path.join(DIR, 'stand-in', id, 'index.mjs');
  const entryPoints = [path.join(REPO_ROOT, FUNCTIONS[id].entry)];
  await build({ ...esbuildOptionsOf(), entryPoints, outfile: withZod, absWorkingDir: REPO_ROOT });
  await build({ ...esbuildOptionsOf(), entryPoints, outfile: withStandIn, absWorkingDir: REPO_ROOT, alias: { zod: STAND_IN } });
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 11; i++) {
    a.push(cpu(withZod));
    b.push(cpu(withStandIn));
  }
  rows.push({
    function: id,
    'init CPU ms with zod': round(median(a), 1),
    'with a free stand-in': round(median(b), 1),
    'zod at init': round(median(a) - median(b), 1),
  });
}
console.table(rows);
