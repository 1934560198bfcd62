#!/usr/bin/env node
/**
 * `npm run bench`: measurements, printed as a table and written to bench/results/<name>-<date>.json so
 * runs can be compared. Long runs stay out of `npm test`.
 *   npm run bench                 # all
 *   npm run bench -- scoring      # one
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchScoring } from './scoring';

const benches: Record<string, () => Promise<Record<string, unknown>>> = {
  scoring: async () => benchScoring(100_000),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const outDir = path.resolve('bench/results');
mkdirSync(outDir, { recursive: true });
for (const [name, run] of Object.entries(benches)) {
  if (wanted.length && !wanted.includes(name)) continue;
  process.stdout.write(`${name}: running…\n`);
  const result = { name, at: new Date().toISOString(), node: process.version, ...(await run()) };
  console.table(result);
  writeFileSync(path.join(outDir, `${name}-${result.at.slice(0, 10)}.json`), `${JSON.stringify(result, null, 2)}\n`);
}
