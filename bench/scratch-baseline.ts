import '../infra/local/sfn/polyfill';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateAgency } from '../infra/local/sample/generate';
import { startLocalStack } from '../infra/local/stack';
import { runCycle, seedRoster } from '../infra/local/run-cycle';
const n = Number(process.argv[2] ?? 1000);
const t0 = Date.now();
const log = (l: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}] ${l}`);
const stack = await startLocalStack({ workDir: mkdtempSync(path.join(tmpdir(), 'asn-bench-')), timeScale: Number(process.env.TS ?? 1e-5), log });
const g = generateAgency(n, 1);
const sample = { ...g, agencyId: stack.agencyId };
await seedRoster(sample);
log('seeded');
try { const o = await runCycle(stack, sample, { log, timeoutMs: 20 * 60_000 }); log(`done ${o.evaluations.length} emails ${o.emails}`); }
catch (e) { log(`FAILED ${(e as Error).message}`); }
await stack.stop();
process.exit(0);
