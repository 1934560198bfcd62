/**
 * The long fault suite (`npm run test:chaos`, not in CI): a generated agency of 200 employees, 5 % of
 * every kind of fault, and the whole local stack killed at a random stage and started again. The
 * result must equal the domain engine's for every employee. `CHAOS_SEED` picks the run.
 */
import '../../local/sfn/polyfill';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FaultInjector } from '../../local/faults';
import { runCycle, seedRoster } from '../../local/run-cycle';
import { generateAgency } from '../../local/sample/generate';
import { type LocalStack, startLocalStack } from '../../local/stack';
import type { Stage } from '../../shared/domain/lifecycle/status';
import { expectedPredikat } from '../integration/expected';

const seed = Number(process.env.CHAOS_SEED ?? Date.now() % 1000);
// The local stack's HR tokens are for its agency (AGENCY_ID, kec-asemrowo): the generated roster is theirs.
const sample = { ...generateAgency(200, seed), agencyId: process.env.AGENCY_ID ?? 'kec-asemrowo' };
// A stage-day of ~5 s (CHAOS_TIME_SCALE to change): 200 people under 5 % faults on a busy 2-core machine
// need the days; at npm start's 1e-5 a slow machine can run past final scoring's last day (StageOverdue).
const timeScale = Number(process.env.CHAOS_TIME_SCALE ?? 6e-5);
const killAfter = (['PLANNING', 'MIDYEAR', 'FINAL_SCORING', 'CALIBRATION', 'APPROVAL'] as Stage[])[seed % 5]!;
let stack: LocalStack | undefined;
/** Progress of the long run, as npm start prints it. */
const log = (line: string) => console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}`);
afterAll(async () => {
  await stack?.stop();
});

describe(`chaos (seed ${seed}, killed after ${killAfter})`, () => {
  it('ends with the engine’s results for every employee despite faults and a kill', async () => {
    const workDir = mkdtempSync(path.join(tmpdir(), 'asn-chaos-'));
    const faults = new FaultInjector({ lambdaBefore: 0.05, lambdaAfter: 0.05, dynamoThrottle: 0.05, http503: 0.05, seed });
    stack = await startLocalStack({ workDir, persist: true, timeScale, faults });
    await seedRoster(sample);
    await runCycle(stack, sample, { stopAfter: killAfter, log });
    // The same ports after the restart (the ones the first start bound), as a restarted deployment keeps its endpoints.
    const { ports } = stack;
    await stack.stop();
    stack = await startLocalStack({ workDir, persist: true, timeScale, faults, ...ports });
    const outcome = await runCycle(stack, sample, { resume: true, log });
    expect(outcome.summary.cycle.status).toBe('COMPLETED');
    for (const e of outcome.evaluations) {
      if (e.nip !== sample.scenario.objection.nip) expect(e.predikat, e.name).toBe(expectedPredikat(sample, e.nip));
    }
    for (const s of outcome.summary.stages) expect(s.done, s.stage).toBe(s.total);
  }, 3_600_000);
});
