/**
 * One whole cycle of n generated employees on the local stack, measured (runs in a fresh process; see
 * child.ts). Used by the `cycle` benchmark (1,000 and 10,000) and by `cost` (1,000, with INFO logs
 * captured so their bytes can be priced).
 */
import '../../local/sfn/polyfill';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { benchClient, type CeilingResult, measureCeiling } from './ceiling';
import { type DriverResult, STAGES as STAGE_NAMES, type StageName } from './driver';
import { DynamoMeter, HttpMeter, LambdaMeter, Phase, SfnMeter } from './meters';
import { CpuProfiler } from './profile';
import { findPid, log, machine, processCpuSeconds, REPO_ROOT, round, selfCpuSeconds } from './util';

export interface CycleRunOptions {
  n: number;
  seed?: number;
  concurrency?: number;
  /** Real seconds per stage-day (the local clock compression); see chooseDaySeconds. */
  daySeconds?: number;
  /** Cap on the calendar gap between stages (months until the mid-year check), ms. */
  maxStageGapMs?: number;
  /** Cost mode: handlers log at INFO (as deployed) and the bytes they write are counted. */
  captureLogs?: boolean;
  profile?: boolean;
  ceilingMs?: number;
}

export interface CycleRun {
  n: number;
  seed: number;
  concurrency: number;
  daySeconds: number;
  maxStageGapMs: number;
  machineBefore: ReturnType<typeof machine>;
  machineAfter: ReturnType<typeof machine>;
  startupMs: number;
  seedMs: number;
  ceilingBefore: CeilingResult;
  ceilingAfter: CeilingResult;
  driver: DriverResult;
  dynamo: {
    cycle: ReturnType<typeof DynamoMeter.report>;
    byStage: Record<string, ReturnType<typeof DynamoMeter.report>>;
    patterns: ReturnType<DynamoMeter['patternReport']>;
    patternsByStage: Record<string, ReturnType<DynamoMeter['patternReport']>>;
  };
  lambda: { cycle: ReturnType<typeof LambdaMeter.report>; byStage: Record<string, ReturnType<typeof LambdaMeter.report>>; notInstrumented: string[] };
  sfn: {
    transitions: number;
    retried: number;
    executions: number;
    byState: Record<string, number>;
    byStage: Record<string, number>;
    taskMs: Record<string, { n: number; p50: number; p95: number; totalMs: number }>;
    maxHistoryEvents: number;
    totalHistoryEvents: number;
    warnings: string[];
  };
  http: { requests: number; byRoute: ReturnType<HttpMeter['report']>; byStage: Record<string, number>; errors: string[]; driverRequests: number };
  emails: { total: number; bytes: number; byKind: Record<string, number> };
  logs?: { lines: number; bytes: number; byLevel: Record<string, number> };
  /** What the table holds after the cycle (cost mode): items and approximate bytes, by type, and index copies. */
  storage?: { items: number; bytes: number; gsi1Bytes: number; gsi2Bytes: number; byType: Record<string, { items: number; bytes: number }> };
  profile?: Record<string, Record<string, { ms: number; pct: number }>>;
}

/**
 * Seconds per stage-day. A stage fails as overdue after its lastDay (45 for final scoring) and sends
 * reminders from its reminderDay (10), so a day must be long enough for the stage's work; the
 * objection window (14 days) and each planning digest round (one day) cost whole days of waiting.
 */
export function chooseDaySeconds(n: number): number {
  // 1.5 s up to 2,000 people. A stage must end before its last day (FINAL_SCORING: 45), counted in
  // deadline ticks: at 0.864 s (npm start's 1e-5) FINAL_SCORING's 5,000 requests at 1,000 people (~50 s
  // at load average ~10 here) failed as overdue once the daily deadline check stopped taking seconds
  // (2026-11-29). Beyond 2,000, a stage's work grows with the cohort: 10,000 → 45 s a day.
  return n <= 2000 ? 1.5 : Math.min(90, round(n * 0.0045, 1));
}

/** Counts (and keeps off the console) the JSON log lines the handlers write to stdout. */
function captureHandlerLogs(): { stats: { lines: number; bytes: number; byLevel: Record<string, number> }; restore(): void } {
  const stats = { lines: 0, bytes: 0, byLevel: {} as Record<string, number> };
  const original = process.stdout.write.bind(process.stdout);
  (process.stdout as { write: unknown }).write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.startsWith('{') && text.includes('"level"')) {
      for (const line of text.split('\n').filter(Boolean)) {
        stats.lines++;
        stats.bytes += Buffer.byteLength(line) + 1;
        const level = /"level":"([A-Z]+)"/.exec(line)?.[1] ?? '?';
        stats.byLevel[level] = (stats.byLevel[level] ?? 0) + 1;
      }
      const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      cb?.();
      return true;
    }
    return (original as (c: unknown, ...r: unknown[]) => boolean)(chunk, ...rest);
  };
  return {
    stats,
    restore: () => {
      (process.stdout as { write: unknown }).write = original;
    },
  };
}

export async function runCycleBench(options: CycleRunOptions): Promise<CycleRun> {
  const n = options.n;
  const seed = options.seed ?? 1;
  const concurrency = options.concurrency ?? 16;
  const daySeconds = options.daySeconds ?? chooseDaySeconds(n);
  const maxStageGapMs = options.maxStageGapMs ?? 200;
  const machineBefore = machine();

  // Configuration the handlers read when their modules load (the logger is made at import).
  process.env.LOCAL_HTTP_LOG = '1';
  process.env.POWERTOOLS_LOG_LEVEL = options.captureLogs ? 'INFO' : 'ERROR';
  delete process.env.POWERTOOLS_DEV;
  const logs = options.captureLogs ? captureHandlerLogs() : undefined;

  const phase = new Phase();
  const dynamoMeter = new DynamoMeter(phase);
  const lambdaMeter = new LambdaMeter(phase);
  const sfnMeter = new SfnMeter(phase);
  const { dynamoClient } = await import('../../shared/adapters/aws-clients');
  dynamoMeter.install(dynamoClient);
  const { FUNCTIONS } = await import('../../infra/functions');
  const { ROUTES } = await import('../../shared/http/routes');
  await lambdaMeter.install(FUNCTIONS, REPO_ROOT);
  const httpMeter = new HttpMeter(phase, ROUTES);

  const { startLocalStack } = await import('../../local/stack');
  const { generateAgency } = await import('../../local/sample/generate');
  const { seedRoster } = await import('../../local/run-cycle');
  const { BulkDriver } = await import('./driver');

  const workDir = mkdtempSync(path.join(tmpdir(), `asn-bench-cycle-${n}-`));
  const t0 = performance.now();
  const stack = await startLocalStack({
    workDir,
    timeScale: daySeconds / 86_400,
    maxStageGapMs,
    onStateEvent: sfnMeter.onEvent,
    log: (line) => {
      if (line.startsWith('http ')) httpMeter.line(line.slice(5));
    },
  });
  const startupMs = performance.now() - t0;
  const dynamoPid = findPid(['DynamoDBLocal.jar', `-port ${new URL(stack.dynamoEndpoint).port}`]);
  const cpu = () => ({ node: selfCpuSeconds(), ...(dynamoPid ? { dynamo: processCpuSeconds(dynamoPid) } : {}) });
  try {
    log(`  cycle n=${n}: stack up in ${(startupMs / 1000).toFixed(1)} s (a stage-day = ${daySeconds} s, concurrency ${concurrency})`);
    const sample = { ...generateAgency(n, seed), agencyId: stack.agencyId };
    phase.current = 'seed';
    const s0 = performance.now();
    await seedRoster(sample);
    const seedMs = performance.now() - s0;
    log(`  roster of ${sample.employees.length} people and ${sample.units.length} units seeded in ${(seedMs / 1000).toFixed(1)} s`);

    const ceilingBefore = await measureCeiling(stack.dynamoEndpoint, stack.tableName, {
      concurrency: 16,
      durationMs: options.ceilingMs ?? 4000,
      tag: 'before',
      dynamoPid,
    });
    log(
      `  DynamoDB Local ceiling (c=16): ${ceilingBefore.putItemPerSec} conditional PutItem/s, ${ceilingBefore.transactWrite2PerSec} two-item TransactWriteItems/s`,
    );

    const profiler = options.profile ? new CpuProfiler() : undefined;
    const profiles: Record<string, Record<string, { ms: number; pct: number }>> = {};
    let profiling: string | undefined;
    let profileChain = Promise.resolve();

    const driver = new BulkDriver(stack, sample, {
      concurrency,
      phase,
      log,
      cpu,
      timeoutMs: Math.max(40 * 60_000, n * 720),
      onStage: (stage) => {
        phase.current = stage;
        if (profiler) {
          profileChain = profileChain.then(async () => {
            if (profiling) profiles[profiling] = await profiler.stop();
            profiling = stage === 'DONE' ? undefined : stage;
            if (profiling) await profiler.start();
          });
        }
      },
    });
    phase.current = 'PLANNING';
    let progressTimer: NodeJS.Timeout | undefined;
    const started = performance.now();
    progressTimer = setInterval(async () => {
      const current = phase.current;
      const st = (STAGE_NAMES as readonly string[]).includes(current) ? await driver.observer.stage(current as StageName).catch(() => undefined) : undefined;
      const tx = dynamoMeter.totals().get('TransactWriteItems')?.calls ?? 0;
      log(
        `    [${((performance.now() - started) / 1000).toFixed(0)} s] ${current}${st ? ` ${st.done ?? 0}/${st.total ?? 0} done` : ''} · ${driver.actionCount.toLocaleString('en')} requests by people · ${tx.toLocaleString('en')} transactions`,
      );
    }, 10_000);
    let result: DriverResult;
    try {
      result = await driver.run();
    } finally {
      clearInterval(progressTimer);
      progressTimer = undefined;
    }
    await profileChain;
    if (profiler && profiling) {
      profiles[profiling] = await profiler.stop();
      profiling = undefined;
    }
    phase.current = 'after';

    const ceilingAfter = await measureCeiling(stack.dynamoEndpoint, stack.tableName, {
      concurrency: 16,
      durationMs: options.ceilingMs ?? 4000,
      tag: 'after',
      dynamoPid,
    });
    log(`  DynamoDB Local ceiling after the cycle: ${ceilingAfter.putItemPerSec} PutItem/s, ${ceilingAfter.transactWrite2PerSec} TransactWriteItems/s`);

    // Every stage's phase, including one the cycle failed in.
    const cycleStages: string[] = [...STAGE_NAMES];
    const executions = stack.sfn.listExecutions();
    const taskMs = Object.fromEntries(
      [...sfnMeter.taskMs].map(([k, v]) => {
        const sorted = [...v].sort((a, b) => a - b);
        return [
          k,
          {
            n: v.length,
            p50: sorted[Math.floor(v.length / 2)] ?? 0,
            p95: sorted[Math.min(v.length - 1, Math.ceil(v.length * 0.95) - 1)] ?? 0,
            totalMs: v.reduce((a, b) => a + b, 0),
          },
        ];
      }),
    );
    const emails = outboxStats(stack.outboxDir);
    const storage = options.captureLogs ? await tableStorage(stack.dynamoEndpoint, stack.tableName) : undefined;
    return {
      n,
      seed,
      concurrency,
      daySeconds,
      maxStageGapMs,
      machineBefore,
      machineAfter: machine(),
      startupMs: Math.round(startupMs),
      seedMs: Math.round(seedMs),
      ceilingBefore,
      ceilingAfter,
      driver: result,
      dynamo: {
        cycle: DynamoMeter.report(dynamoMeter.totals(cycleStages)),
        byStage: Object.fromEntries(cycleStages.map((s) => [s, DynamoMeter.report(dynamoMeter.totals([s]))])),
        patterns: dynamoMeter.patternReport(cycleStages, 60),
        patternsByStage: Object.fromEntries(cycleStages.map((s) => [s, dynamoMeter.patternReport([s], 15)])),
      },
      lambda: {
        cycle: LambdaMeter.report(lambdaMeter.totals(cycleStages)),
        byStage: Object.fromEntries(cycleStages.map((s) => [s, LambdaMeter.report(lambdaMeter.totals([s]))])),
        notInstrumented: lambdaMeter.missing,
      },
      sfn: {
        transitions: sfnMeter.transitions(),
        retried: sfnMeter.retried,
        executions: sfnMeter.executions,
        byState: sfnMeter.byState(),
        byStage: Object.fromEntries(cycleStages.map((s) => [s, sfnMeter.transitions([s])])),
        taskMs,
        maxHistoryEvents: Math.max(0, ...executions.map((e) => e.historyEventsEstimate ?? 0)),
        totalHistoryEvents: executions.reduce((a, e) => a + (e.historyEventsEstimate ?? 0), 0),
        warnings: sfnMeter.warnings,
      },
      http: {
        requests: httpMeter.requests(cycleStages),
        byRoute: httpMeter.report(cycleStages),
        byStage: Object.fromEntries(cycleStages.map((s) => [s, httpMeter.requests([s])])),
        errors: httpMeter.errors,
        driverRequests: result.httpRequests,
      },
      emails,
      ...(logs ? { logs: logs.stats } : {}),
      ...(storage ? { storage } : {}),
      ...(profiler ? { profile: profiles } : {}),
    };
  } finally {
    logs?.restore();
    await stack.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

function outboxStats(dir: string): CycleRun['emails'] {
  const byKind: Record<string, number> = {};
  let bytes = 0;
  let total = 0;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.eml') || name.startsWith('.')) continue;
    total++;
    bytes += statSync(path.join(dir, name)).size;
    const kind = name.split('_')[0] ?? 'other';
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  }
  return { total, bytes, byKind };
}

/**
 * Approximate stored size (DynamoDB counts attribute names and values, about their JSON length), read
 * through the bench's own client. Items under BENCH# (the ceiling's) are left out. Both indexes project
 * ALL attributes, so an item with GSI1/GSI2 keys is stored again in each.
 */
async function tableStorage(endpoint: string, tableName: string): Promise<NonNullable<CycleRun['storage']>> {
  const { DynamoDBDocumentClient, ScanCommand } = await import('@aws-sdk/lib-dynamodb');
  const doc = DynamoDBDocumentClient.from(benchClient(endpoint));
  const out: NonNullable<CycleRun['storage']> = { items: 0, bytes: 0, gsi1Bytes: 0, gsi2Bytes: 0, byType: {} };
  let cursor: Record<string, unknown> | undefined;
  try {
    do {
      const page = await doc.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: cursor }));
      for (const item of page.Items ?? []) {
        if (String(item.PK).startsWith('BENCH#')) continue;
        const bytes = Buffer.byteLength(JSON.stringify(item));
        const type = String(item.type ?? String(item.PK).split('#')[0]);
        out.items++;
        out.bytes += bytes;
        if (item.GSI1PK) out.gsi1Bytes += bytes;
        if (item.GSI2PK) out.gsi2Bytes += bytes;
        const t = (out.byType[type] ??= { items: 0, bytes: 0 });
        t.items++;
        t.bytes += bytes;
      }
      cursor = page.LastEvaluatedKey;
    } while (cursor);
  } finally {
    doc.destroy();
  }
  return out;
}
