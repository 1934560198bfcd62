/**
 * (d) Handlers: every function in infra/functions.ts bundled with esbuild exactly as the CDK stack's
 * NodejsFunction does (infra/stateless-stack.ts: ESM, minify, source map, target node22, platform node,
 * main fields module,main, the createRequire banner), then imported in fresh `node` processes to time
 * module init.
 *
 * Two variants:
 * - `deployed`: what `cdk deploy` ships. NodejsFunction leaves the SDK out for Node ≥ 18 runtimes
 *   (`externalModules` default ['@aws-sdk/*'], plus '@smithy/*' with the feature flag
 *   @aws-cdk/aws-lambda-nodejs:sdkV3ExcludeSmithyPackages, which cdk.json sets): the runtime's own SDK
 *   is loaded at init instead. Here it is loaded from node_modules (the runtime loads it from
 *   /var/runtime/node_modules), so init time includes it.
 * - `sdk-bundled`: the SDK bundled and minified too (NodejsFunction's bundleAwsSDK: true).
 *
 * Init is timed inside the fresh process: `await import(bundle)`, with the deployed environment set
 * (config is lazy, so nothing is read until the first request), with and without
 * NODE_OPTIONS=--enable-source-maps, which the stack sets on every function.
 *
 *   npx tsx bench/handlers.ts [runs]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { FUNCTIONS } from '../infra/functions';
import { log, median, REPO_ROOT, round } from './lib/util';

const OUT_DIR = path.join(REPO_ROOT, '.local', 'bench', 'handlers');
const BUNDLE_LIMIT_KB = 600;
const INIT_LIMIT_MS = 50;

/** The CDK stack's bundling options (infra/stateless-stack.ts), as NodejsFunction passes them to esbuild. */
const CDK_BUNDLING = {
  bundle: true,
  platform: 'node' as const,
  format: 'esm' as const,
  target: 'node22',
  minify: true,
  sourcemap: true,
  mainFields: ['module', 'main'],
  banner: { js: "import { createRequire } from 'module';const require = createRequire(import.meta.url);" },
  logLevel: 'error' as const,
};
const DEPLOYED_EXTERNALS = ['@aws-sdk/*', '@smithy/*'];

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
  topInputsKb?: Record<string, number>;
}

export interface HandlerResult {
  functionId: string;
  entry: string;
  deployed: HandlerVariantResult | { error: string };
  sdkBundled: HandlerVariantResult | { error: string };
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
  return Object.fromEntries([...byGroup].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([k, v]) => [k, round(v / 1024, 1)]));
}

function timeImport(file: string, sourceMaps: boolean): Promise<number> {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  return new Promise((resolve, reject) => {
    // NODE_NO_WARNINGS: the SDK warns once at import on Node < 22; the Lambda runtime (Node 24) does not.
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_NO_WARNINGS: '1', ...DEPLOYED_ENV, ...(sourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}) };
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: path.dirname(file), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
    child.once('error', reject);
    child.once('exit', (code) => {
      const ms = Number(out);
      if (code !== 0 || !Number.isFinite(ms)) reject(new Error(`import of ${file} failed (${code}): ${err.split('\n').slice(0, 3).join(' ')}`));
      else resolve(ms);
    });
  });
}

/** What each import costs on its own, to see which ones dominate a handler's init (bundled as the stack bundles). */
const COMPONENTS: Record<string, string> = {
  // The same small schema both ways: classic zod cannot be tree-shaken (methods on classes); zod/mini can.
  'zod (classic), one small schema': "import { z } from 'zod'; globalThis.x = z.object({ cycleId: z.string().min(1), stage: z.enum(['A', 'B']), tick: z.number().int().min(0) });",
  'zod/mini, one small schema': "import { object, string, number, int, minLength, minimum, enum as zenum } from 'zod/mini'; globalThis.x = object({ cycleId: string().check(minLength(1)), stage: zenum(['A', 'B']), tick: number().check(int(), minimum(0)) });",
  'DynamoDB client + lib-dynamodb': "import { DynamoDBClient } from '@aws-sdk/client-dynamodb'; import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'; globalThis.x = DynamoDBDocumentClient.from(new DynamoDBClient({}));",
  'SFN client': "import { SFNClient } from '@aws-sdk/client-sfn'; globalThis.x = new SFNClient({});",
  'SESv2 client': "import { SESv2Client } from '@aws-sdk/client-sesv2'; globalThis.x = new SESv2Client({});",
  'Secrets Manager client': "import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'; globalThis.x = new SecretsManagerClient({});",
  'Powertools logger + metrics': "import { Logger } from '@aws-lambda-powertools/logger'; import { Metrics } from '@aws-lambda-powertools/metrics'; globalThis.x = [new Logger(), new Metrics({ namespace: 'x' })];",
  'middy core': "import middy from '@middy/core'; globalThis.x = middy;",
  'empty module': 'globalThis.x = 1;',
};

async function component(name: string, source: string, variantName: string, external: string[], runs: number): Promise<{ kb: number; initMedianMs: number }> {
  const outfile = path.join(OUT_DIR, 'components', variantName, name.replace(/[^a-z0-9]+/gi, '-'), 'index.mjs');
  mkdirSync(path.dirname(outfile), { recursive: true });
  await build({ ...CDK_BUNDLING, sourcemap: false, stdin: { contents: source, resolveDir: REPO_ROOT, loader: 'js' }, outfile, external, absWorkingDir: REPO_ROOT });
  await timeImport(outfile, false);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push(await timeImport(outfile, false));
  return { kb: round(statSync(outfile).size / 1024, 1), initMedianMs: round(median(ms), 1) };
}

async function variant(id: string, entry: string, name: string, external: string[], runs: number): Promise<HandlerVariantResult> {
  const outfile = path.join(OUT_DIR, name, id, 'index.mjs');
  mkdirSync(path.dirname(outfile), { recursive: true });
  const result = await build({ ...CDK_BUNDLING, entryPoints: [path.join(REPO_ROOT, entry)], outfile, external, metafile: true, absWorkingDir: REPO_ROOT });
  const kb = statSync(outfile).size / 1024;
  const mapKb = statSync(`${outfile}.map`).size / 1024;
  await timeImport(outfile, false); // warm the file cache
  const plain: number[] = [];
  const withMaps: number[] = [];
  for (let i = 0; i < runs; i++) {
    plain.push(await timeImport(outfile, false));
    withMaps.push(await timeImport(outfile, true));
  }
  return {
    kb: round(kb, 1),
    mapKb: round(mapKb, 1),
    initMedianMs: round(median(plain), 1),
    initMinMs: round(Math.min(...plain), 1),
    initMaxMs: round(Math.max(...plain), 1),
    initWithSourceMapsMedianMs: round(median(withMaps), 1),
    topInputsKb: topInputs(result.metafile, outfile),
  };
}

export async function benchHandlers(runs = 9): Promise<{ runs: number; limits: { kb: number; initMs: number }; deployedExternals: string[]; handlers: HandlerResult[]; components: Record<string, { deployed: { kb: number; initMedianMs: number }; sdkBundled: { kb: number; initMedianMs: number } } | { error: string }>; summary: Record<string, unknown> }> {
  rmSync(OUT_DIR, { recursive: true, force: true });
  log('  components: what each import costs alone…');
  const components: Record<string, { deployed: { kb: number; initMedianMs: number }; sdkBundled: { kb: number; initMedianMs: number } } | { error: string }> = {};
  for (const [name, source] of Object.entries(COMPONENTS)) {
    try {
      components[name] = { deployed: await component(name, source, 'deployed', DEPLOYED_EXTERNALS, runs), sdkBundled: await component(name, source, 'sdk-bundled', [], runs) };
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
    const sdkBundled = await attempt('sdk-bundled', []);
    const d = 'kb' in deployed ? deployed : undefined;
    handlers.push({
      functionId: id,
      entry: spec.entry,
      deployed,
      sdkBundled,
      // Judged on what is deployed (SDK from the runtime, source maps on); the bundled variant is reported beside it.
      meetsSize: Boolean(d && d.kb <= BUNDLE_LIMIT_KB),
      meetsInit: Boolean(d && d.initWithSourceMapsMedianMs <= INIT_LIMIT_MS),
    });
  }
  const ok = (h: HandlerResult, v: 'deployed' | 'sdkBundled') => ('kb' in h[v] ? (h[v] as HandlerVariantResult) : undefined);
  const summary = {
    bundlesOver600KbDeployed: handlers.filter((h) => (ok(h, 'deployed')?.kb ?? Infinity) > BUNDLE_LIMIT_KB).map((h) => h.functionId),
    bundlesOver600KbSdkBundled: handlers.filter((h) => (ok(h, 'sdkBundled')?.kb ?? Infinity) > BUNDLE_LIMIT_KB).map((h) => h.functionId),
    initOver50MsDeployed: handlers.filter((h) => (ok(h, 'deployed')?.initWithSourceMapsMedianMs ?? Infinity) > INIT_LIMIT_MS).map((h) => h.functionId),
    initOver50MsSdkBundled: handlers.filter((h) => (ok(h, 'sdkBundled')?.initWithSourceMapsMedianMs ?? Infinity) > INIT_LIMIT_MS).map((h) => h.functionId),
    failed: handlers.filter((h) => !ok(h, 'deployed') || !ok(h, 'sdkBundled')).map((h) => h.functionId),
  };
  return { runs, limits: { kb: BUNDLE_LIMIT_KB, initMs: INIT_LIMIT_MS }, deployedExternals: DEPLOYED_EXTERNALS, handlers, components, summary };
}

/** One row per handler for the console table. */
export function handlerRows(r: Awaited<ReturnType<typeof benchHandlers>>) {
  return r.handlers.map((h) => {
    const d = 'kb' in h.deployed ? h.deployed : undefined;
    const b = 'kb' in h.sdkBundled ? h.sdkBundled : undefined;
    return {
      function: h.functionId,
      'deployed KB': d?.kb ?? 'error',
      'deployed init ms': d?.initMedianMs ?? '-',
      'deployed init ms (+source maps)': d?.initWithSourceMapsMedianMs ?? '-',
      'SDK bundled KB': b?.kb ?? 'error',
      'SDK bundled init ms': b?.initMedianMs ?? '-',
      'SDK bundled init ms (+source maps)': b?.initWithSourceMapsMedianMs ?? '-',
      ok: h.meetsSize && h.meetsInit ? 'yes' : 'NO',
    };
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchHandlers(Number(process.argv[2] ?? 9));
  console.table(handlerRows(r));
}
