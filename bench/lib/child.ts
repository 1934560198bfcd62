/**
 * Benchmarks that start a local stack run in a fresh Node process each: the handlers' SDK clients
 * resolve their endpoints once per process, so two stacks in one process would share the first one's.
 *   parent: runInChild('cycle', { n: 1000 })  →  child: bench/lib/child.ts cycle '{"n":1000}' <out.json>
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REPO_ROOT } from './util';

const SELF = fileURLToPath(import.meta.url);

export type ChildTask = 'cycle' | 'queries';

export async function runInChild<T>(task: ChildTask, args: Record<string, unknown>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'asn-bench-child-'));
  const out = path.join(dir, 'result.json');
  try {
    const code = await new Promise<number>((resolve, reject) => {
      // process.execArgv carries tsx's loader flags, so the child runs TypeScript like this process.
      const child = spawn(process.execPath, [...process.execArgv, SELF, task, JSON.stringify(args), out], {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, NODE_NO_WARNINGS: '1' },
      });
      child.once('error', reject);
      child.once('exit', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
    });
    if (code !== 0) throw new Error(`bench child '${task}' exited with ${code}`);
    return JSON.parse(readFileSync(out, 'utf8')) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const [task, json, out] = process.argv.slice(2);
  const args = JSON.parse(json ?? '{}') as Record<string, unknown>;
  let result: unknown;
  if (task === 'cycle') {
    const { runCycleBench } = await import('./cycle-run');
    result = await runCycleBench(args as unknown as Parameters<typeof runCycleBench>[0]);
  } else if (task === 'queries') {
    const { runQueriesBench } = await import('../queries');
    result = await runQueriesBench(args as unknown as Parameters<typeof runQueriesBench>[0]);
  } else {
    throw new Error(`unknown bench child task ${task}`);
  }
  writeFileSync(out!, JSON.stringify(result));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Exiting runs the 'exit' handlers, which stop DynamoDB Local (local/dynamodb.ts): no orphaned Java.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
  main().then(
    () => process.exit(0),
    (err: Error) => {
      process.stderr.write(`bench child failed: ${err.stack ?? err.message}\n`);
      process.exit(1);
    },
  );
}
