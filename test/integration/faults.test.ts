/**
 * A whole cycle with injected faults: 5 % of workflow Lambda invocations fail before running, 5 % fail
 * after doing their work, 5 % of DynamoDB calls are throttled, 5 % of HTTP requests get a 503. The
 * result must equal a clean run's, with no audit event lost or doubled and no email sent twice.
 */
import '../../local/sfn/polyfill';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultInjector } from '../../local/faults';
import { type CycleOutcome, runCycle, seedRoster } from '../../local/run-cycle';
import { loadSampleAgency } from '../../local/sample/schema';
import { type LocalStack, startLocalStack } from '../../local/stack';
import { auditTrail } from '../../shared/adapters/dynamodb/repository';
import { readOutbox } from '../../shared/adapters/mail/outbox';
import { expectedPredikat } from './expected';

const sample = loadSampleAgency('local/sample/asemrowo.json');
const faults = new FaultInjector({ lambdaBefore: 0.05, lambdaAfter: 0.05, dynamoThrottle: 0.05, http503: 0.05, seed: Number(process.env.FAULT_SEED ?? 7) });
let stack: LocalStack;
let outcome: CycleOutcome;

beforeAll(async () => {
  stack = await startLocalStack({ workDir: mkdtempSync(path.join(tmpdir(), 'asn-faults-')), timeScale: 2e-5, faults });
  await seedRoster(sample);
  outcome = await runCycle(stack, sample);
}, 900_000);
afterAll(async () => {
  await stack?.stop();
});

describe('a cycle under injected faults', () => {
  it('really injected every kind of fault', () => {
    expect(faults.counters.lambdaBefore).toBeGreaterThan(0);
    expect(faults.counters.lambdaAfter).toBeGreaterThan(0);
    expect(faults.counters.dynamoThrottle).toBeGreaterThan(0);
    expect(faults.counters.http503).toBeGreaterThan(0);
  });

  it('ends with the results of a clean run', () => {
    expect(outcome.summary.cycle.status).toBe('COMPLETED');
    expect(outcome.evaluations.every((e) => e.status === 'FINAL')).toBe(true);
    for (const e of outcome.evaluations) {
      if (e.nip !== sample.scenario.objection.nip) expect(e.predikat, e.name).toBe(expectedPredikat(sample, e.nip));
    }
  });

  it('keeps each stage count exact: done equals total', () => {
    for (const s of outcome.summary.stages) expect(s.done, s.stage).toBe(s.total);
  });

  it('writes each once-only audit event exactly once', async () => {
    for (const e of outcome.evaluations) {
      const actions = (await auditTrail(outcome.cycleId, e.nip)).map((a) => a.action);
      for (const once of [
        'EVALUATION_CREATED',
        'STAGE_OPENED:MIDYEAR',
        'STAGE_OPENED:FINAL_SCORING',
        'STAGE_OPENED:APPROVAL',
        'STAGE_OPENED:OBJECTION',
        'RESULT_FINAL',
        'MIDYEAR_REVIEWED',
      ]) {
        expect(
          actions.filter((a) => a === once),
          `${e.name}: ${once}`,
        ).toHaveLength(1);
      }
    }
  });

  it('sends no email twice', async () => {
    const keys = (await readOutbox(stack.outboxDir)).map((m) => m.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
