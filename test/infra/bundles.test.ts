/**
 * Every function's bundle, built with the stack's own bundling options (infra/bundling.ts), stays within
 * the size budget of issue 7 (≤ 600 KB minified) and loads nothing at init that the deployed bundle
 * leaves to the runtime. Init time itself is measured by `npm run bench -- handlers`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { esbuildOptionsOf, RUNTIME_SDK_MODULES } from '../../infra/bundling';
import { FUNCTIONS } from '../../infra/functions';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = mkdtempSync(path.join(os.tmpdir(), 'bundles-'));
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe('function bundles (infra/bundling.ts)', () => {
  it.each(Object.entries(FUNCTIONS))('%s: within its budget (600 KB unless it says), runtime-SDK modules imported only lazily', async (id, spec) => {
    const outfile = path.join(OUT, id, 'index.mjs');
    const result = await build({ ...esbuildOptionsOf(), entryPoints: [path.join(ROOT, spec.entry)], outfile, metafile: true, absWorkingDir: ROOT });
    expect(statSync(outfile).size / 1024).toBeLessThanOrEqual((spec as { bundleBudgetKb?: number }).bundleBudgetKb ?? 600);
    const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint)!;
    const eager = output.imports.filter((i) => i.external && i.kind === 'import-statement' && RUNTIME_SDK_MODULES.includes(i.path));
    expect(
      eager.map((i) => i.path),
      'import these with `await import(…)` where they are used (see shared/adapters/aws-clients.ts)',
    ).toEqual([]);
  });
});
