/**
 * (d) Handlers: every function in infra/functions.ts bundled with esbuild exactly as the CDK stack's
 * NodejsFunction does (infra/bundling.ts, the options the stack passes: ESM, minify, source map without
 * sources content, target node22, main fields module,main, the createRequire banner, its externals),
 * then imported in fresh `node` processes to time module init.
 *
 * Two variants:
 * - `deployed`: what `cdk deploy` ships: the SDK bundled, except the modules infra/bundling.ts leaves to
 *   the runtime's own SDK (Step Functions, SES, Secrets Manager, imported lazily on first use; the
 *   credential sources Lambda never uses). Those are loaded from node_modules here, as the runtime loads
 *   them from /var/runtime/node_modules — only by an import that runs at init, and none does.
 * - `sdkExternal`: NodejsFunction's default for Node ≥ 18 runtimes (`externalModules` ['@aws-sdk/*'], plus
 *   '@smithy/*' with the feature flag @aws-cdk/aws-lambda-nodejs:sdkV3ExcludeSmithyPackages, which cdk.json
 *   sets): the whole SDK loaded from node_modules at init. What was deployed before infra/bundling.ts.
 *
 * Init is timed inside the fresh process: `await import(bundle)`, with the deployed environment set
 * (config is lazy, so nothing is read until the first request), with and without
 * NODE_OPTIONS=--enable-source-maps, which the stack sets on every function. Besides wall time, the CPU
 * time of the import (user + system, all threads) is recorded: on this shared 2-core machine it varies
 * far less with other sessions' load than wall time does.
 *
 *   npx tsx bench/handlers.ts [runs]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { esbuildOptionsOf } from '../infra/bundling';
import { FUNCTIONS } from '../infra/functions';
import { log, median, REPO_ROOT, round } from './lib/util';

const OUT_DIR = path.join(REPO_ROOT, '.local', 'bench', 'handlers');
const BUNDLE_LIMIT_KB = 600;
const INIT_LIMIT_MS = 50;

/** infra/bundling.ts as NodejsFunction passes it to esbuild; `external` is given per variant. */
const { external: DEPLOYED_EXTERNALS, ...CDK_BUNDLING } = esbuildOptionsOf();
/** NodejsFunction's default externals (Node ≥ 18 runtime, the smithy feature flag set in cdk.json). */
const SDK_EXTERNALS = ['@aws-sdk/*', '@smithy/*'];

/** What the deployed functions see at init (infra/stateless-stack.ts environment), with placeholder values. */
const DEPLOYED_ENV: Record<string, string> = {
  TABLE_NAME: 'asn-kinerja-kec-asemrowo',
  STATE_MACHINE_ARN: 'arn:aws:states:ap-southeast-3:123456789012:stateMachine:AsnKinerja-Stateless-cycle',
  AGENCY_ID: 'kec-asemrowo',
  PUBLIC_BASE_URL: 'https://abc123.execute-api.ap-southeast-3.amazonaws.com',
  MAIL_TRANSPORT: 'ses',
  MAIL_FROM: 'no-reply@kinerja.asemrowo.surabaya.go.id',
  SES_CONFIGURATION_SET: 'asn-kinerja',
  LINK_KEYS_SECRET_ARN: 'arn:aws:secretsmanager:ap-southeast-3:123456789012:secret:LinkSigningKey-abc',
  HR_EMAIL: 'kinerja-hr@asemrowo.surabaya.go.id',
  POWERTOOLS_SERVICE_NAME: 'asn-kinerja',
  AWS_REGION: 'ap-southeast-3',
  AWS_DEFAULT_REGION: 'ap-southeast-3',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'example',
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
};

export interface HandlerVariantResult {
  kb: number;
  mapKb: number;
  initMedianMs: number;
  initMinMs: number;
  initMaxMs: number;
  /** With NODE_OPTIONS=--enable-source-maps, as deployed. */
  initWithSourceMapsMedianMs: number;
  /** CPU time (user + system) of the import, median; less sensitive to other load on the machine than wall time. */
  initCpuMedianMs: number;
  initWithSourceMapsCpuMedianMs: number;
  topInputsKb?: Record<string, number>;
}

export interface HandlerResult {
  functionId: string;
  entry: string;
  deployed: HandlerVariantResult | { error: string };
  sdkExternal: HandlerVariantResult | { error: string };
  meetsSize: boolean;
  meetsInit: boolean;
}

/** Bytes in the output per package (node_modules/<pkg>) or per top folder of this repository. */
function topInputs(metafile: Metafile, outfile: string, limit = 8): Record<string, number> {
  const output = Object.entries(metafile.outputs).find(([k]) => path.resolve(k) === path.resolve(outfile))?.[1];
  const byGroup = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const nm = input.lastIndexOf('node_modules/');
    let group: string;
    if (nm >= 0) {
      const rest = input.slice(nm + 'node_modules/'.length).split('/');
      group = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
    } else {
      group = input.split('/').slice(0, 2).join('/');
    }
    byGroup.set(group, (byGroup.get(group) ?? 0) + bytesInOutput);
  }
  return Object.fromEntries(
    [...byGroup]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([k, v]) => [k, round(v / 1024, 1)]),
  );
}

interface ImportTiming {
  wallMs: number;
  cpuMs: number;
}

function timeImport(file: string, sourceMaps: boolean): Promise<ImportTiming> {
  const script = `const c = process.cpuUsage(); const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); const w = performance.now() - t; const u = process.cpuUsage(c); process.stdout.write(JSON.stringify([w, (u.user + u.system) / 1000]));`;
  return new Promise((resolve, reject) => {
    // NODE_NO_WARNINGS: the SDK warns once at import on Node < 22; the Lambda runtime (Node 24) does not.
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_NO_WARNINGS: '1',
      ...DEPLOYED_ENV,
      ...(sourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
    };
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: path.dirname(file), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(out);
      } catch {
        parsed = undefined;
      }
      if (code !== 0 || !Array.isArray(parsed)) reject(new Error(`import of ${file} failed (${code}): ${err.split('\n').slice(0, 3).join(' ')}`));
      else resolve({ wallMs: Number(parsed[0]), cpuMs: Number(parsed[1]) });
    });
  });
}

/** What each import costs on its own, to see which ones dominate a handler's init (bundled as the stack bundles). */
const COMPONENTS: Record<string, string> = {
  // The same small schema three ways. `import { z }` binds zod's namespace object, so esbuild keeps all of
  // zod classic (locales, JSON Schema); `import * as z` lets it drop what is unused; zod/mini is functional.
  'zod classic, import { z }, one small schema':
    "import { z } from 'zod'; globalThis.x = z.object({ cycleId: z.string().min(1), stage: z.enum(['A', 'B']), tick: z.number().int().min(0) });",
  'zod classic, import * as z, one small schema':
    "import * as z from 'zod'; globalThis.x = z.object({ cycleId: z.string().min(1), stage: z.enum(['A', 'B']), tick: z.number().int().min(0) });",
  'zod/mini, one small schema':
    "import { object, string, number, int, minLength, minimum, enum as zenum } from 'zod/mini'; globalThis.x = object({ cycleId: string().check(minLength(1)), stage: zenum(['A', 'B']), tick: number().check(int(), minimum(0)) });",
  'DynamoDB client + lib-dynamodb':
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb'; import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'; globalThis.x = DynamoDBDocumentClient.from(new DynamoDBClient({}));",
  // Deployed, these three are left to the runtime's SDK and imported on first use: their figure is that first use.
  'SFN client': "import { SFNClient } from '@aws-sdk/client-sfn'; globalThis.x = new SFNClient({});",
  'SESv2 client': "import { SESv2Client } from '@aws-sdk/client-sesv2'; globalThis.x = new SESv2Client({});",
  'Secrets Manager client': "import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'; globalThis.x = new SecretsManagerClient({});",
  'Powertools logger + metrics':
    "import { Logger } from '@aws-lambda-powertools/logger'; import { Metrics } from '@aws-lambda-powertools/metrics'; globalThis.x = [new Logger(), new Metrics({ namespace: 'x' })];",
  'middy core': "import middy from '@middy/core'; globalThis.x = middy;",
  'empty module': 'globalThis.x = 1;',
};

interface ComponentResult {
  kb: number;
  initMedianMs: number;
  initCpuMedianMs: number;
}

async function component(name: string, source: string, variantName: string, external: string[], runs: number): Promise<ComponentResult> {
  const outfile = path.join(OUT_DIR, 'components', variantName, name.replace(/[^a-z0-9]+/gi, '-'), 'index.mjs');
  mkdirSync(path.dirname(outfile), { recursive: true });
  await build({
    ...CDK_BUNDLING,
    sourcemap: false,
    stdin: { contents: source, resolveDir: REPO_ROOT, loader: 'js' },
    outfile,
    external,
    absWorkingDir: REPO_ROOT,
  });
  await timeImport(outfile, false);
  const t: ImportTiming[] = [];
  for (let i = 0; i < runs; i++) t.push(await timeImport(outfile, false));
  return {
    kb: round(statSync(outfile).size / 1024, 1),
    initMedianMs: round(median(t.map((x) => x.wallMs)), 1),
    initCpuMedianMs: round(median(t.map((x) => x.cpuMs)), 1),
  };
}

async function variant(id: string, entry: string, name: string, external: string[], runs: number): Promise<HandlerVariantResult> {
  const outfile = path.join(OUT_DIR, name, id, 'index.mjs');
  mkdirSync(path.dirname(outfile), { recursive: true });
  const result = await build({ ...CDK_BUNDLING, entryPoints: [path.join(REPO_ROOT, entry)], outfile, external, metafile: true, absWorkingDir: REPO_ROOT });
  const kb = statSync(outfile).size / 1024;
  const mapKb = statSync(`${outfile}.map`).size / 1024;
  await timeImport(outfile, false); // warm the file cache
  const plain: ImportTiming[] = [];
  const withMaps: ImportTiming[] = [];
  for (let i = 0; i < runs; i++) {
    plain.push(await timeImport(outfile, false));
    withMaps.push(await timeImport(outfile, true));
  }
  const wall = plain.map((x) => x.wallMs);
  return {
    kb: round(kb, 1),
    mapKb: round(mapKb, 1),
    initMedianMs: round(median(wall), 1),
    initMinMs: round(Math.min(...wall), 1),
    initMaxMs: round(Math.max(...wall), 1),
    initWithSourceMapsMedianMs: round(median(withMaps.map((x) => x.wallMs)), 1),
    initCpuMedianMs: round(median(plain.map((x) => x.cpuMs)), 1),
    initWithSourceMapsCpuMedianMs: round(median(withMaps.map((x) => x.cpuMs)), 1),
    topInputsKb: topInputs(result.metafile, outfile),
  };
}

type Components = Record<string, { deployed: ComponentResult; sdkExternal: ComponentResult } | { error: string }>;

export async function benchHandlers(runs = 9): Promise<{
  runs: number;
  limits: { kb: number; initMs: number };
  deployedExternals: string[];
  loadAverage: number[];
  handlers: HandlerResult[];
  components: Components;
  summary: Record<string, unknown>;
}> {
  rmSync(OUT_DIR, { recursive: true, force: true });
  const loadBefore = os.loadavg();
  log('  components: what each import costs alone…');
  const components: Components = {};
  for (const [name, source] of Object.entries(COMPONENTS)) {
    try {
      components[name] = {
        deployed: await component(name, source, 'deployed', DEPLOYED_EXTERNALS, runs),
        sdkExternal: await component(name, source, 'sdk-external', SDK_EXTERNALS, runs),
      };
    } catch (err) {
      components[name] = { error: (err as Error).message.split('\n')[0]!.slice(0, 200) };
    }
  }
  const handlers: HandlerResult[] = [];
  for (const [id, spec] of Object.entries(FUNCTIONS)) {
    log(`  ${id}: bundling and timing ${runs} fresh imports per variant…`);
    const attempt = async (name: string, external: string[]) => {
      try {
        return await variant(id, spec.entry, name, external, runs);
      } catch (err) {
        return { error: (err as Error).message.split('\n')[0]!.slice(0, 300) };
      }
    };
    const deployed = await attempt('deployed', DEPLOYED_EXTERNALS);
    const sdkExternal = await attempt('sdk-external', SDK_EXTERNALS);
    const d = 'kb' in deployed ? deployed : undefined;
    handlers.push({
      functionId: id,
      entry: spec.entry,
      deployed,
      sdkExternal,
      // Judged on what is deployed (source maps on); the SDK-external variant is reported beside it.
      meetsSize: Boolean(d && d.kb <= BUNDLE_LIMIT_KB),
      meetsInit: Boolean(d && d.initWithSourceMapsMedianMs <= INIT_LIMIT_MS),
    });
  }
  const ok = (h: HandlerResult, v: 'deployed' | 'sdkExternal') => ('kb' in h[v] ? (h[v] as HandlerVariantResult) : undefined);
  const summary = {
    bundlesOver600KbDeployed: handlers.filter((h) => (ok(h, 'deployed')?.kb ?? Infinity) > BUNDLE_LIMIT_KB).map((h) => h.functionId),
    initOver50MsDeployed: handlers.filter((h) => (ok(h, 'deployed')?.initWithSourceMapsMedianMs ?? Infinity) > INIT_LIMIT_MS).map((h) => h.functionId),
    initCpuOver50MsDeployed: handlers.filter((h) => (ok(h, 'deployed')?.initWithSourceMapsCpuMedianMs ?? Infinity) > INIT_LIMIT_MS).map((h) => h.functionId),
    bundlesOver600KbSdkExternal: handlers.filter((h) => (ok(h, 'sdkExternal')?.kb ?? Infinity) > BUNDLE_LIMIT_KB).map((h) => h.functionId),
    initOver50MsSdkExternal: handlers.filter((h) => (ok(h, 'sdkExternal')?.initWithSourceMapsMedianMs ?? Infinity) > INIT_LIMIT_MS).map((h) => h.functionId),
    failed: handlers.filter((h) => !ok(h, 'deployed') || !ok(h, 'sdkExternal')).map((h) => h.functionId),
  };
  const loadAverage = [...loadBefore, ...os.loadavg()].map((x) => round(x, 2));
  return { runs, limits: { kb: BUNDLE_LIMIT_KB, initMs: INIT_LIMIT_MS }, deployedExternals: DEPLOYED_EXTERNALS, loadAverage, handlers, components, summary };
}

/** One row per handler for the console table. */
export function handlerRows(r: Awaited<ReturnType<typeof benchHandlers>>) {
  return r.handlers.map((h) => {
    const d = 'kb' in h.deployed ? h.deployed : undefined;
    const x = 'kb' in h.sdkExternal ? h.sdkExternal : undefined;
    return {
      function: h.functionId,
      'deployed KB': d?.kb ?? 'error',
      'init ms': d?.initMedianMs ?? '-',
      'init ms +maps': d?.initWithSourceMapsMedianMs ?? '-',
      'init CPU ms +maps': d?.initWithSourceMapsCpuMedianMs ?? '-',
      'SDK external KB': x?.kb ?? 'error',
      'SDK external init ms +maps': x?.initWithSourceMapsMedianMs ?? '-',
      'SDK external init CPU ms +maps': x?.initWithSourceMapsCpuMedianMs ?? '-',
      ok: h.meetsSize && h.meetsInit ? 'yes' : 'NO',
    };
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchHandlers(Number(process.argv[2] ?? 9));
  console.table(handlerRows(r));
}
