#!/usr/bin/env node
/**
 * `npm run bench`: measurements, printed as tables and written to bench/results/<name>-<date>.json so
 * runs can be compared. Long runs stay out of `npm test`.
 *   npm run bench                                   # all, in this order: scoring, handlers, queries, cycle, cost
 *   npm run bench -- scoring                        # (e) domain scoring throughput
 *   npm run bench -- handlers [--runs=9]            # (d) bundle size and module init of every handler
 *   npm run bench -- queries [--queries=500]        # (c) HR list queries at 100,000 evaluations
 *   npm run bench -- cycle [--sizes=1000,10000] [--concurrency=16] [--day-seconds=…] [--profile]
 *                                                   # (a) a whole cycle on the local stack
 *   npm run bench -- cost [--reuse]                 # (b) US$ per employee-cycle from a 1,000-employee cycle
 *                                                   #     (--reuse: re-price the run saved by the last cost result)
 * Benchmarks that start a local stack run in a fresh Node process each (bench/lib/child.ts).
 */
import { benchCost, type CostResult, costRows } from './cost';
import { benchDocuments } from './documents';
import { benchHandlers, handlerRows } from './handlers';
import { runInChild } from './lib/child';
import type { CycleRun } from './lib/cycle-run';
import { cycleRow } from './lib/rows';
import { log, machine, writeResult } from './lib/util';
import { benchScoring } from './scoring';

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const hit = argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return hit === undefined ? undefined : hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : 'true';
};
const wanted = argv.filter((a) => !a.startsWith('-'));

type Bench = () => Promise<{ result: Record<string, unknown>; rows: Record<string, unknown>[] | Record<string, Record<string, unknown>> }>;

/** Metrics as rows, one column per run (wide rows read better turned). */
function transpose(rows: Record<string, unknown>[], key: string): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const row of rows) {
    const column = String(row[key]);
    for (const [metric, value] of Object.entries(row)) {
      if (metric === key) continue;
      (out[metric] ??= {})[column] = value;
    }
  }
  return out;
}

const benches: Record<string, Bench> = {
  documents: async () => {
    const r = await benchDocuments(Number(flag('runs') ?? 15));
    return { result: r, rows: r.rows.map((row) => ({ ...row, bundleKb: r.bundleKb, loadMs: r.loadMs, firstRenderMs: r.firstRenderMs })) };
  },
  scoring: async () => {
    const r = await benchScoring(100_000);
    return { result: { ...r }, rows: [{ ...r }] };
  },
  handlers: async () => {
    const r = await benchHandlers(Number(flag('runs') ?? 9));
    console.table(
      Object.fromEntries(
        Object.entries(r.components).map(([k, v]) => [
          k,
          'error' in v
            ? { error: v.error }
            : {
                'deployed KB': v.deployed.kb,
                'deployed init ms': v.deployed.initMedianMs,
                'deployed init CPU ms': v.deployed.initCpuMedianMs,
                'SDK external KB': v.sdkExternal.kb,
                'SDK external init ms': v.sdkExternal.initMedianMs,
                'SDK external init CPU ms': v.sdkExternal.initCpuMedianMs,
              },
        ]),
      ),
    );
    return { result: r, rows: handlerRows(r) };
  },
  queries: async () => {
    const r = await runInChild<Record<string, any>>('queries', {
      evaluations: Number(flag('evaluations') ?? 100_000),
      queries: Number(flag('queries') ?? 500),
    });
    const rows = ['evaluationsOfUnitPage', 'evaluationsOfUnitPageByStatus', 'evaluationsOfRater', 'httpUnitList'].map((k) => ({
      query: k,
      'p50 ms': r[k].p50Ms,
      'p95 ms': r[k].p95Ms,
      'items/query': r[k].avgItemsPerQuery,
      'read amplification': r[k].readAmplification,
      'RRU/item': r[k].rcuPerItemReturned,
      target: r[k].p95Ms <= 50 && (r[k].readAmplification ?? 1) <= 1.1 ? 'met' : 'MISSED',
    }));
    return { result: r, rows };
  },
  cycle: async () => {
    const sizes = (flag('sizes') ?? '1000,10000')
      .split(',')
      .map(Number)
      .filter((x) => x > 0);
    const runs: (CycleRun | { n: number; error: string })[] = [];
    for (const n of sizes) {
      log(`  cycle of ${n.toLocaleString('en')} employees (a fresh process and stack)…`);
      try {
        runs.push(
          await runInChild<CycleRun>('cycle', {
            n,
            concurrency: Number(flag('concurrency') ?? 16),
            ...(flag('day-seconds') ? { daySeconds: Number(flag('day-seconds')) } : {}),
            ...(flag('profile') ? { profile: true } : {}),
          }),
        );
      } catch (err) {
        runs.push({ n, error: (err as Error).message });
      }
    }
    const rows = runs.map((r) => ('error' in r ? { employees: r.n, error: r.error } : cycleRow(r)));
    return { result: { runs, summary: rows }, rows: transpose(rows as Record<string, unknown>[], 'employees') };
  },
  cost: async () => {
    const r: CostResult = await benchCost({ n: Number(flag('n') ?? 1000), reuse: Boolean(flag('reuse')) });
    const rows = [
      ...costRows(r),
      {
        service: 'TOTAL (all services)',
        [`per employee, n=${r.measured.employees.toLocaleString('en')}`]: `$${r.measured.totalUsd.toFixed(6)}`,
        [`per employee, n=${r.agency100k.employees.toLocaleString('en')}`]: `$${r.agency100k.totalUsd.toFixed(6)}`,
        share: '100 %',
        basis: r.meetsTarget ? 'target met (≤ $0.003)' : 'target MISSED (≤ $0.003)',
      },
      {
        service: 'TOTAL without Cognito',
        [`per employee, n=${r.measured.employees.toLocaleString('en')}`]: `$${r.measured.withoutCognitoUsd.toFixed(6)}`,
        [`per employee, n=${r.agency100k.employees.toLocaleString('en')}`]: `$${r.agency100k.withoutCognitoUsd.toFixed(6)}`,
        share: '',
        basis: '',
      },
    ];
    return { result: r as unknown as Record<string, unknown>, rows };
  },
  app: async () => (await import('./app')).benchApp(Number(flag('runs') ?? 5)),
  // npm run bench -- roster-import [--rows=20000] [--concurrency=4,16,32] [--handler]: a roster CSV through importRoster (bench/roster-import.ts)
  'roster-import': async () => {
    const { benchRosterImport, rosterImportRows } = await import('./roster-import');
    const r = await benchRosterImport({
      rows: Number(flag('rows') ?? 20_000),
      concurrency: (flag('concurrency') ?? '4,16,32')
        .split(',')
        .map(Number)
        .filter((x) => x > 0),
      handler: Boolean(flag('handler')),
    });
    return { result: r, rows: rosterImportRows(r) };
  },
};

async function main(): Promise<void> {
  const unknown = wanted.filter((w) => !(w in benches));
  if (unknown.length) throw new Error(`unknown benchmark(s): ${unknown.join(', ')} (known: ${Object.keys(benches).join(', ')})`);
  for (const [name, run] of Object.entries(benches)) {
    if (wanted.length && !wanted.includes(name)) continue;
    process.stdout.write(`${name}: running…\n`);
    const at = new Date().toISOString();
    const started = performance.now();
    const { result, rows } = await run();
    const full = { name, at, node: process.version, machine: machine(), wallMs: Math.round(performance.now() - started), ...result };
    console.table(rows);
    const file = writeResult(name, full);
    process.stdout.write(`${name}: ${file}\n`);
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(`bench failed: ${err.stack ?? err.message}`);
    process.exit(1);
  },
);
