/**
 * The statuses each route really answers, recorded from every test that goes through a router (handler
 * tests, the local stack's integration and hostile suites: the handlers run in the test's process), so
 * the contract test (test/contract/statuses.test.ts) can check them against the OpenAPI document.
 *
 * A setup file of the unit, handlers and integration projects: it observes every router answer
 * (`observeAnswers` in shared/http/router.ts) and, after the file's tests, writes what it saw to
 * `test-results/contract/<run>-<pid>-<n>.json`. `<run>` is the vitest main process (the workers' parent),
 * so the contract test reads this run's observations only.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import { observeAnswers } from '../../shared/http/router';

export const OBSERVATIONS_DIR = path.resolve(__dirname, '../../test-results/contract');
/** The vitest run this process belongs to: workers are forks of the main process. */
export const RUN_ID = String(process.env.VITEST_POOL_ID ? process.ppid : process.pid);

export type Observed = Record<string, { statuses: number[]; examples: Record<number, string> }>;

/** What this run's test files recorded, merged: route key → statuses (and one path that gave each). */
export function readObservations(run = RUN_ID, dir = OBSERVATIONS_DIR): Observed {
  const out: Observed = {};
  let files: string[] = [];
  try {
    files = readdirSync(dir);
  } catch {
    return out;
  }
  for (const f of files) {
    const full = path.join(dir, f);
    if (!f.startsWith(`${run}-`)) {
      // Another run's: removed once it is a day old, so the folder does not grow.
      if (Date.now() - statSync(full).mtimeMs > 86_400_000) rmSync(full, { force: true });
      continue;
    }
    const part = JSON.parse(readFileSync(full, 'utf8')) as Observed;
    for (const [route, seen] of Object.entries(part)) {
      const into = (out[route] ??= { statuses: [], examples: {} });
      for (const s of seen.statuses) if (!into.statuses.includes(s)) into.statuses.push(s);
      for (const [s, where] of Object.entries(seen.examples)) into.examples[Number(s)] ??= where;
    }
  }
  for (const v of Object.values(out)) v.statuses.sort((a, b) => a - b);
  return out;
}

let seen: Observed = {};
observeAnswers(({ route, method, rawPath, status }) => {
  if (!route) return;
  const into = (seen[route] ??= { statuses: [], examples: {} });
  if (!into.statuses.includes(status)) {
    into.statuses.push(status);
    into.examples[status] = `${method} ${rawPath} (${path.relative(process.cwd(), expect.getState().testPath ?? '?')})`;
  }
});

let written = 0;
afterAll(() => {
  if (Object.keys(seen).length === 0) return;
  mkdirSync(OBSERVATIONS_DIR, { recursive: true });
  writeFileSync(path.join(OBSERVATIONS_DIR, `${RUN_ID}-${process.pid}-${Date.now()}-${written++}.json`), JSON.stringify(seen));
  seen = {};
});
