/**
 * (c) HR list queries at 100,000 evaluations. A generated agency of 100,000 (generateAgency: units of
 * 8–25 under unit heads who rate their staff) is written straight into DynamoDB Local with
 * BatchWriteItem, each item in the shape createEvaluation writes (shared/adapters/dynamodb/repository.ts, keys from
 * shared/adapters/dynamodb/keys.ts: PK/SK, GSI1 by unit and status, GSI2 by rater) with the employee's SKP on it, as
 * after planning. Then, one query at a time (latency, not throughput):
 *   - evaluationsOfUnitPage(cycle, unit)            (GSI1, access pattern 7)
 *   - evaluationsOfUnitPage(cycle, unit, status)    (GSI1, begins_with STATUS#s#)
 *   - evaluationsOfRater(cycle, rater)              (GSI2, access pattern 8)
 *   - GET /v1/cycles/{id}/evaluations?unitId=       (HTTP, HR token: JWT check, handler, JSON)
 * Read amplification = items DynamoDB read (ScannedCount) ÷ items returned, and capacity per item.
 * Runs in a fresh process (child.ts): the handlers' clients are bound to this run's DynamoDB Local.
 */
import '../local/sfn/polyfill';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { benchClient } from './lib/ceiling';
import { HttpClient } from './lib/http';
import { DynamoMeter, Phase } from './lib/meters';
import { log, machine, mapLimit, Progress, round, summarize } from './lib/util';

export interface QueriesOptions {
  evaluations?: number;
  queries?: number;
  seed?: number;
}

/** As at the end of final scoring: most rated, some awaiting their rating, a few still in review. */
const STATUS_MIX: [string, number][] = [
  ['RATED', 0.7],
  ['AWAITING_RATING', 0.2],
  ['MIDYEAR_REVIEWED', 0.1],
];

/** mulberry32, so every run asks for the same units and raters. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runQueriesBench(options: QueriesOptions = {}) {
  const n = options.evaluations ?? 100_000;
  const queries = options.queries ?? 500;
  const seed = options.seed ?? 7;
  const machineBefore = machine();
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  delete process.env.POWERTOOLS_DEV;

  const phase = new Phase();
  const meter = new DynamoMeter(phase);
  const { dynamoClient } = await import('../shared/adapters/aws-clients');
  meter.install(dynamoClient);
  const { startLocalStack } = await import('../local/stack');
  const { generateAgency } = await import('../local/sample/generate');
  const { keys } = await import('../shared/adapters/dynamodb/keys');
  const repo = await import('../shared/adapters/dynamodb/repository');
  const domain = await import('../shared/domain');
  const policy = domain.getPolicy(domain.DEFAULT_POLICY_ID);

  const workDir = mkdtempSync(path.join(tmpdir(), 'asn-bench-queries-'));
  process.env.LOCAL_HTTP_LOG = '1';
  const httpErrors: string[] = [];
  const httpFailures: Record<number, number> = {};
  const stack = await startLocalStack({
    workDir,
    log: (line) => {
      if (/ERROR/.test(line) && httpErrors.length < 20) {
        httpErrors.push(line.slice(0, 2000));
        log(`  ${line.slice(0, 2000)}`);
      }
    },
  });
  const http = new HttpClient(8);
  try {
    const g0 = performance.now();
    const sample = generateAgency(n, seed);
    const agencyId = stack.agencyId;
    const cycleId = `${agencyId}-${sample.year}`;
    const people = sample.employees.filter((e) => !(e as { external?: boolean }).external);
    const byNip = new Map(sample.employees.map((e) => [e.nip, e]));
    const planOf = new Map(sample.plans.map((p) => [p.nip, p]));
    const units = sample.units.filter((u) => u.unitId !== 'pemkot');
    log(
      `  generated ${people.length.toLocaleString('en')} employees in ${units.length.toLocaleString('en')} units (${((performance.now() - g0) / 1000).toFixed(1)} s)`,
    );

    // Items exactly as the repository writes them (createEvaluation, putUnit, createCycle), via BatchWriteItem.
    const rand = prng(seed);
    const at = new Date().toISOString();
    const statusOf = new Map<string, string>();
    const items: Record<string, unknown>[] = [];
    for (const e of people) {
      const x = rand();
      let acc = 0;
      const status = STATUS_MIX.find(([, p]) => (acc += p) >= x)?.[0] ?? 'SKP_APPROVED';
      statusOf.set(e.nip, status);
      const approverNip = e.raterNip ? byNip.get(e.raterNip)?.raterNip : undefined;
      const plan = planOf.get(e.nip)!;
      // The evaluation as the cycle's writes leave it: SKP, mid-year progress and review, final
      // realisations, 360° feedback by author, and (when rated) the engine's score and predikat.
      const feedback: Record<string, unknown[]> = {};
      for (const f of plan.feedback) (feedback[f.fromNip] ??= []).push({ ...f, source: f.fromNip === e.raterNip ? 'rater' : 'peer' });
      let score: ReturnType<typeof domain.evaluateEmployee> | undefined;
      if (status === 'RATED') {
        try {
          score = domain.evaluateEmployee(
            {
              nip: e.nip,
              isUnitHead: e.isUnitHead,
              skp: plan.skp as never,
              realisations: plan.final as never,
              behaviourFeedback: plan.feedback.map((f) => ({ source: f.fromNip === e.raterNip ? 'rater' : 'peer', value: f.value, rating: f.rating })) as never,
              ...(e.isUnitHead ? { organisationResult: 'BAIK' as const } : {}),
            },
            policy,
          );
        } catch {
          score = undefined;
        }
      }
      const record = {
        cycleId,
        nip: e.nip,
        name: e.name,
        jabatan: e.jabatan,
        unitId: e.unitId,
        raterNip: e.raterNip,
        approverNip,
        isUnitHead: e.isUnitHead,
        status,
        version: 9,
        policyId: domain.DEFAULT_POLICY_ID,
        updatedAt: at,
        skp: plan.skp,
        progress: plan.midyear,
        midyearReview: { rating: 'SESUAI', notes: 'Capaian tengah tahun sesuai rencana; lanjutkan dan lengkapi bukti dukung.', at },
        ...(status !== 'MIDYEAR_REVIEWED' ? { realisations: plan.final, feedback } : {}),
        ...(score ? { rating: plan.raterOverride ?? {}, score, predikat: score.predikat } : {}),
        lastChangeId: `bench:${e.nip}`,
      };
      items.push({
        ...keys.evaluation(cycleId, e.nip),
        ...keys.evaluationByUnit(cycleId, e.unitId, status, e.nip),
        ...(e.raterNip ? keys.evaluationByRater(cycleId, e.raterNip, e.nip) : {}),
        type: 'EVALUATION',
        ...record,
      });
    }
    for (const u of units) items.push({ ...keys.unit(agencyId, u.unitId), type: 'UNIT', agencyId, ...u });
    items.push({
      ...keys.cycle(cycleId),
      ...keys.cycleByAgency(agencyId, sample.year),
      type: 'CYCLE',
      cycleId,
      agencyId,
      year: sample.year,
      policyId: 'permenpanrb-6-2022',
      status: 'ACTIVE',
      stage: 'PLANNING',
      version: 1,
      schedule: {},
      createdAt: at,
    });
    const avgItemBytes = round(items.slice(0, 2000).reduce((a, i) => a + JSON.stringify(i).length, 0) / 2000);

    const doc = DynamoDBDocumentClient.from(benchClient(stack.dynamoEndpoint), { marshallOptions: { removeUndefinedValues: true } });
    const batches: Record<string, unknown>[][] = [];
    for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
    const progress = new Progress('seeded items', items.length, 5000);
    const s0 = performance.now();
    await mapLimit(batches, 8, async (batch) => {
      let request: Record<string, unknown>[] = batch.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; request.length; attempt++) {
        const out = await doc.send(new BatchWriteCommand({ RequestItems: { [stack.tableName]: request as never } }));
        request = (out.UnprocessedItems?.[stack.tableName] ?? []) as Record<string, unknown>[];
        if (request.length) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
      }
      progress.tick(batch.length);
    });
    progress.done();
    const seedMs = performance.now() - s0;
    doc.destroy();

    // Who is asked: random units and raters (the same on every run).
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    const raters = [...new Set(people.map((e) => e.raterNip).filter((r): r is string => Boolean(r) && statusOf.has(r!)))];
    const hrNip = people.find((e) => e.isUnitHead)!.nip;
    const token = await stack.token(hrNip, ['hr', 'employee']);

    // The four queries take turns (round-robin), so each sees the same machine: other sessions share
    // these two cores, and a burst of their load would otherwise land on one query type only.
    const kinds: { key: string; name: string; fn: () => Promise<number> }[] = [
      {
        key: 'evaluationsOfUnitPage',
        name: 'evaluationsOfUnitPage',
        fn: async () => (await repo.evaluationsOfUnitPage(cycleId, pick(units).unitId)).items.length,
      },
      {
        key: 'evaluationsOfUnitPageByStatus',
        name: 'evaluationsOfUnitPage+status',
        fn: async () => (await repo.evaluationsOfUnitPage(cycleId, pick(units).unitId, undefined, 100, 'RATED')).items.length,
      },
      { key: 'evaluationsOfRater', name: 'evaluationsOfRater', fn: async () => (await repo.evaluationsOfRater(cycleId, pick(raters))).length },
      {
        key: 'httpUnitList',
        name: 'GET /v1/cycles/{id}/evaluations?unitId=',
        fn: async () => {
          const r = await http.request('GET', `${stack.apiUrl}/v1/cycles/${cycleId}/evaluations?unitId=${encodeURIComponent(pick(units).unitId)}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          if (r.status !== 200) {
            httpFailures[r.status] = (httpFailures[r.status] ?? 0) + 1;
            return 0;
          }
          return (JSON.parse(r.text) as { items: unknown[] }).items.length;
        },
      },
    ];
    for (const k of kinds) {
      phase.current = `warm:${k.name}`;
      for (let i = 0; i < 20; i++) await k.fn();
    }
    const ms = new Map<string, number[]>(kinds.map((k) => [k.key, []]));
    const returned = new Map<string, number>(kinds.map((k) => [k.key, 0]));
    const loadDuring: number[] = [];
    const progressQ = new Progress('queries', queries * kinds.length, 5000);
    for (let i = 0; i < queries; i++) {
      for (const k of kinds) {
        phase.current = k.name;
        const t = performance.now();
        returned.set(k.key, returned.get(k.key)! + (await k.fn()));
        ms.get(k.key)!.push(performance.now() - t);
      }
      progressQ.tick(kinds.length);
      if (i % 100 === 0) loadDuring.push(round(machine().loadAvg[0]!, 2));
    }
    progressQ.done();
    const results: Record<string, unknown> = {};
    for (const k of kinds) {
      const ops = meter.totals([k.name]).get('Query');
      const d = summarize(ms.get(k.key)!, 2);
      log(`  ${k.name}: p50 ${d.p50} ms, p95 ${d.p95} ms over ${queries} queries`);
      results[k.key] = {
        queries,
        p50Ms: d.p50,
        p95Ms: d.p95,
        p99Ms: d.p99,
        maxMs: d.max,
        itemsReturned: returned.get(k.key)!,
        avgItemsPerQuery: round(returned.get(k.key)! / queries, 1),
        itemsRead: ops?.scanned ?? null,
        readAmplification: ops && ops.returned ? round(ops.scanned / ops.returned, 3) : null,
        rcuPerItemReturned: ops && ops.returned ? round(ops.rcu / ops.returned, 3) : null,
        dynamoCalls: ops?.calls ?? 0,
      };
    }

    // The HR cycle summary reads every evaluation of the cycle: once, to show what that costs at this size.
    phase.current = 'summary';
    const t = performance.now();
    const summary = await http.request('GET', `${stack.apiUrl}/v1/cycles/${cycleId}`, { headers: { authorization: `Bearer ${token}` } });
    const summaryMs = performance.now() - t;
    const sOps = meter.totals(['summary']).get('Query');
    log(
      `  GET /v1/cycles/{id} (summary): ${summary.status} in ${(summaryMs / 1000).toFixed(1)} s, ${sOps?.calls ?? 0} queries, ${sOps?.scanned ?? 0} items read`,
    );

    return {
      evaluations: people.length,
      units: units.length,
      raters: raters.length,
      avgItemBytes,
      seedMs: Math.round(seedMs),
      seedItemsPerSec: Math.round(items.length / (seedMs / 1000)),
      machineBefore,
      machineAfter: machine(),
      ...results,
      loadAvgDuringQueries: loadDuring,
      httpFailures,
      httpErrors,
      cycleSummary: {
        status: summary.status,
        ms: Math.round(summaryMs),
        queries: sOps?.calls ?? 0,
        itemsRead: sOps?.scanned ?? 0,
        rcu: round(sOps?.rcu ?? 0, 1),
        note: 'GET /v1/cycles/{id} reads every evaluation, one unit after another; the local API ends a request after 30 s as API Gateway does',
      },
    };
  } finally {
    http.close();
    await stack.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}
