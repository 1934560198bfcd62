/**
 * The latest results (bench/results/*.json) as Markdown, for the README's Performance section:
 *   npx tsx bench/summary.ts
 */

import type { CycleRun } from './lib/cycle-run';
import { cycleRow } from './lib/rows';
import { latestResult, round } from './lib/util';

type Json = Record<string, any>;

function table(rows: Record<string, unknown>[]): string {
  if (!rows.length) return '_no result yet_\n';
  const cols = Object.keys(rows[0]!);
  const line = (cells: unknown[]) => `| ${cells.map((c) => String(c ?? '')).join(' | ')} |`;
  return [line(cols), line(cols.map(() => '---')), ...rows.map((r) => line(cols.map((c) => r[c])))].join('\n') + '\n';
}

const out: string[] = [];
const when = (r: Json | undefined) => (r ? ` (${String(r.at).slice(0, 16).replace('T', ' ')} UTC, load ${r.machine?.loadAvg?.[0] ?? '?'})` : '');

const cycle = latestResult<Json>('cycle');
out.push(`### Whole cycle on the local stack${when(cycle)}\n`);
out.push(
  table(((cycle?.runs ?? []) as (CycleRun | { n: number; error: string })[]).map((r) => ('error' in r ? { employees: r.n, error: r.error } : cycleRow(r)))),
);

const cost = latestResult<Json>('cost');
out.push(`### Cost per employee-cycle, ap-southeast-3${when(cost)}\n`);
if (cost) {
  out.push(
    table(
      (cost.agency100k.lines as Json[]).map((l) => ({
        service: l.service,
        [`n=${cost.measured.employees}`]: (() => {
          const m = (cost.measured.lines as Json[]).find((x) => x.service === l.service);
          return m ? `$${Number(m.usd).toFixed(6)}` : '—';
        })(),
        [`n=${cost.agency100k.employees}`]: `$${Number(l.usd).toFixed(6)}`,
        basis: l.basis,
      })),
    ),
  );
  out.push(
    `Total at ${cost.agency100k.employees.toLocaleString('en')}: **$${cost.agency100k.totalUsd}** per employee-cycle (without Cognito $${cost.agency100k.withoutCognitoUsd}); prices as of ${cost.pricesAsOf}.\n`,
  );
}

const queries = latestResult<Json>('queries');
out.push(`### HR list queries at ${queries?.evaluations?.toLocaleString('en') ?? '100,000'} evaluations${when(queries)}\n`);
if (queries) {
  out.push(
    table(
      ['evaluationsOfUnitPage', 'evaluationsOfUnitPageByStatus', 'evaluationsOfRater', 'httpUnitList'].map((k) => ({
        query: k,
        'p50 ms': queries[k].p50Ms,
        'p95 ms': queries[k].p95Ms,
        'items/query': queries[k].avgItemsPerQuery,
        'items read/returned': queries[k].readAmplification,
      })),
    ),
  );
}

const handlers = latestResult<Json>('handlers');
out.push(`### Handlers${when(handlers)}\n`);
if (handlers) {
  out.push(
    table(
      (handlers.handlers as Json[]).map((h) => ({
        function: h.functionId,
        'deployed KB': h.deployed.kb,
        'deployed init ms (+source maps)': h.deployed.initWithSourceMapsMedianMs,
        'init CPU ms (+source maps)': h.deployed.initWithSourceMapsCpuMedianMs,
        'SDK external KB': h.sdkExternal?.kb,
        'SDK external init ms (+source maps)': h.sdkExternal?.initWithSourceMapsMedianMs,
      })),
    ),
  );
}

const scoring = latestResult<Json>('scoring');
out.push(`### Scoring${when(scoring)}\n`);
if (scoring)
  out.push(
    `${Number(scoring.employees).toLocaleString('en')} employees in ${round(Number(scoring.ms) / 1000, 1)} s: ${Number(scoring.perSecond).toLocaleString('en')}/s.\n`,
  );

process.stdout.write(out.join('\n'));
