/**
 * A whole cycle on the local stack: the synthesized state machine, DynamoDB Local, the local HTTP API,
 * simulated people acting over HTTP and through email links. The sample roster has ~60 employees.
 */
import '../../local/sfn/polyfill';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CycleOutcome, runCycle, seedRoster } from '../../local/run-cycle';
import { loadSampleAgency } from '../../local/sample/schema';
import { type LocalStack, startLocalStack } from '../../local/stack';
import { auditTrail, getEvaluation } from '../../shared/adapters/dynamodb/repository';
import { expectedPredikat } from './expected';

const sample = loadSampleAgency('local/sample/asemrowo.json');
let stack: LocalStack;
let outcome: CycleOutcome;

beforeAll(async () => {
  stack = await startLocalStack({
    workDir: mkdtempSync(path.join(tmpdir(), 'asn-cycle-')),
    timeScale: 1e-5,
    log: process.env.LOCAL_HTTP_LOG ? (l) => console.log(l) : undefined,
  });
  await seedRoster(sample);
  outcome = await runCycle(stack, sample, { log: (l) => console.log(l) });
}, 600_000);
afterAll(async () => {
  await stack?.stop();
});

describe('a whole cycle on the sample roster', () => {
  const evaluated = sample.employees.filter((e) => !e.external);

  it('brings every employee through every stage to a final, locked result', () => {
    expect(evaluated.length).toBeGreaterThanOrEqual(50);
    expect(outcome.evaluations).toHaveLength(evaluated.length);
    expect(outcome.evaluations.every((e) => e.status === 'FINAL' && e.predikat)).toBe(true);
    expect(outcome.summary.cycle.status).toBe('COMPLETED');
  });

  it('keeps per-unit counters equal to the evaluations they count (the summary reads only counters)', () => {
    const byUnit = new Map<string, { employees: number; statuses: Record<string, number>; distribution: Record<string, number> }>();
    for (const e of outcome.evaluations) {
      const u = byUnit.get(e.unitId) ?? { employees: 0, statuses: {}, distribution: {} };
      u.employees++;
      u.statuses[e.status] = (u.statuses[e.status] ?? 0) + 1;
      if (e.predikat) u.distribution[e.predikat] = (u.distribution[e.predikat] ?? 0) + 1;
      byUnit.set(e.unitId, u);
    }
    const fromCounters = Object.fromEntries(
      outcome.summary.units.map((u: { unitId: string; employees: number; statuses: object; distribution: object }) => [
        u.unitId,
        { employees: u.employees, statuses: u.statuses, distribution: u.distribution },
      ]),
    );
    expect(fromCounters).toEqual(Object.fromEntries(byUnit));
    // The calibration is stored per unit and shown as one report; the cycle record stays small.
    expect(outcome.summary.cycle.calibration.report.units.length).toBe(byUnit.size);
    expect(JSON.stringify(outcome.summary.cycle).length).toBeLessThan(200_000);
  });

  it('gives every employee the predikat the domain engine gives from the same data (objection aside)', () => {
    for (const e of outcome.evaluations) {
      if (e.nip === sample.scenario.objection.nip) continue;
      expect(e.predikat, `${e.name}`).toBe(expectedPredikat(sample, e.nip));
    }
  });

  it('ran the synthesized state machine, one execution per stage with a deterministic name', () => {
    const names = stack.sfn
      .listExecutions()
      .map((e) => e.name)
      .sort();
    expect(names).toEqual(
      ['APPROVAL', 'CALIBRATION', 'FINAL_SCORING', 'FOLLOW_UP', 'MIDYEAR', 'OBJECTION', 'PLANNING'].map((s) => `${outcome.cycleId}-${s}`).sort(),
    );
    expect(stack.sfn.listExecutions().every((e) => e.status === 'SUCCEEDED')).toBe(true);
  });

  it('records a returned SKP and its resubmission in the audit trail', async () => {
    const trail = await auditTrail(outcome.cycleId, sample.scenario.returnSkpOf);
    const actions = trail.map((a) => a.action);
    expect(actions).toContain('SKP_APPROVAL:RETURN');
    expect(actions.filter((a) => a === 'SKP_SUBMITTED')).toHaveLength(2);
    expect(trail.find((a) => a.action === 'SKP_APPROVAL:RETURN')?.reason).toBeTruthy();
  });

  it('records a returned evaluation, its re-rating and the final approval', async () => {
    const actions = (await auditTrail(outcome.cycleId, sample.scenario.returnEvaluationOf)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['EVALUATION_APPROVAL:RETURN', 'RERATED', 'EVALUATION_APPROVAL:APPROVE']));
  });

  it('lets an objection change the result, decided by the approver, final', async () => {
    const e = await getEvaluation(outcome.cycleId, sample.scenario.objection.nip);
    expect(e?.predikat).toBe(sample.scenario.objection.requestedPredikat);
    expect((e?.objection as { decision?: string }).decision).toBe('GRANTED');
    const trail = await auditTrail(outcome.cycleId, sample.scenario.objection.nip);
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(['OBJECTION_FILED', 'OBJECTION:APPROVE', 'RESULT_FINAL']));
  });

  it('took every approval through the email links; no email carries a task token', () => {
    expect(outcome.decisionsByLink).toBeGreaterThanOrEqual(evaluated.length * 2);
    for (const f of readdirSync(stack.outboxDir).filter((n) => n.endsWith('.eml'))) {
      const text = readFileSync(path.join(stack.outboxDir, f), 'utf8');
      expect(text).not.toMatch(/taskToken|Task\.Token/i);
    }
  });

  it('records follow-up for every final result', async () => {
    const e = await getEvaluation(outcome.cycleId, evaluated[evaluated.length - 1]!.nip);
    expect((e?.followUp as { consequences?: unknown[] })?.consequences).toBeDefined();
  });
});
