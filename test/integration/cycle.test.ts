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
import { readOutbox } from '../../shared/adapters/mail/outbox';
import { predikatFor } from '../../shared/domain/predikat';
import type { Rating } from '../../shared/domain/ratings';
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

// --- messages: what people read, over the whole run's outbox ---
describe('the whole run’s emails and stored results', () => {
  // The outbox is read once for these checks.
  let outbox: ReturnType<typeof readOutbox> | undefined;
  const readAll = () => (outbox ??= readOutbox(stack.outboxDir));
  it('keeps every email’s HTML under 100 KB (Gmail clips at ~102 KB)', async () => {
    const mails = await readAll();
    expect(mails.length).toBeGreaterThan(50);
    for (const m of mails) expect(Buffer.byteLength(m.html), m.subject).toBeLessThan(100_000);
  });

  it('sends the sample’s objection as an objection: the reason, the result, the predikat asked for, both choices', async () => {
    const mails = await readAll();
    const objection = mails.find((m) => m.tags.kind === 'digest' && m.tags.stage === 'OBJECTION');
    expect(objection?.subject).toMatch(/^Keberatan atas hasil penilaian kinerja/);
    const words = sample.scenario.objection.reason.split(' ').slice(0, 8).join(' ');
    for (const text of [words, 'Hasil yang diajukan keberatan', 'Predikat yang diminta pegawai', 'Kabulkan keberatan', 'Tolak keberatan'])
      expect(objection?.text).toContain(text);
    expect(objection?.text).not.toContain('Setujui:');
  });

  it('tells each person the outcome that concerns them, once: the returned SKP, the returned evaluation, the objection', async () => {
    const mails = await readAll();
    const to = (nip: string) => sample.employees.find((e) => e.nip === nip)!.email.toLowerCase();
    const notices = (nip: string) => mails.filter((m) => m.tags.kind === 'notice' && m.to.some((a) => a.toLowerCase().includes(to(nip))));
    const returned = notices(sample.scenario.returnSkpOf).filter((m) => /dikembalikan|returned/.test(m.subject));
    expect(returned).toHaveLength(1);
    const reason = (await auditTrail(outcome.cycleId, sample.scenario.returnSkpOf)).find((a) => a.action === 'SKP_APPROVAL:RETURN')?.reason;
    expect(returned[0]?.text).toContain(reason);
    const rater = sample.employees.find((e) => e.nip === sample.scenario.returnEvaluationOf)!.raterNip!;
    expect(notices(rater).filter((m) => m.subject.includes('dikembalikan kepada Anda') || m.subject.includes('returned to you'))).toHaveLength(1);
    const decided = notices(sample.scenario.objection.nip).filter((m) => /Keberatan|objection/i.test(m.subject));
    expect(decided).toHaveLength(1);
    expect(decided[0]?.subject).toMatch(/dikabulkan|granted/);
    // The result notice offers the objection online, within the window.
    const result = mails.find((m) => m.tags.kind === 'result' && m.to.some((a) => a.toLowerCase().includes(to(sample.scenario.objection.nip))));
    expect(result?.links.some((l) => l.endsWith(`/siklus/${outcome.cycleId}/hasil`))).toBe(true);
  });

  it('stores no predikat that contradicts its stored ratings (the matrix), objection included', async () => {
    for (const { nip, name } of outcome.evaluations) {
      const e = await getEvaluation(outcome.cycleId, nip);
      const score = e?.score as { resultsRating?: Rating; behaviour?: { final?: Rating }; predikat?: string } | undefined;
      expect(score?.resultsRating && score.behaviour?.final, name).toBeTruthy();
      expect(e?.predikat, name).toBe(predikatFor(score!.resultsRating!, score!.behaviour!.final!));
      expect(score?.predikat, name).toBe(e?.predikat);
    }
  });

  it('links only to pages a browser can open: decision pages answer 200, app pages never 401, no JSON API', async () => {
    const links = new Set((await readAll()).flatMap((m) => m.links));
    const byPath = new Map<string, string>();
    for (const l of links) byPath.set(new URL(l).pathname.startsWith('/v1/decisions/') ? l : new URL(l).pathname, l);
    for (const [key, url] of byPath) {
      const path = new URL(url).pathname;
      if (path.startsWith('/v1/')) expect(path, url).toMatch(/^\/v1\/decisions\//);
      if (!key.startsWith('/') || path.startsWith('/v1/decisions/')) continue;
      const res = await fetch(url, { headers: { accept: 'text/html' } });
      await res.arrayBuffer();
      expect(res.status, url).not.toBe(401);
    }
    // A sample of decision links (each a GET: shows, changes nothing).
    for (const url of [...links].filter((l) => l.includes('/v1/decisions/')).slice(0, 10)) {
      const res = await fetch(url);
      await res.arrayBuffer();
      expect(res.status, url).toBe(200);
    }
  });
});
