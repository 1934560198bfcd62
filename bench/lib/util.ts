/** Small helpers the benchmarks share: statistics, bounded concurrency, progress lines, results, CPU readings. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BENCH_DIR = path.resolve(new URL('..', import.meta.url).pathname);
export const REPO_ROOT = path.resolve(BENCH_DIR, '..');
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function round(x: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export function summarize(values: readonly number[], digits = 1): Summary {
  const s = [...values].sort((a, b) => a - b);
  const sum = s.reduce((a, b) => a + b, 0);
  return {
    n: s.length,
    p50: round(percentile(s, 50), digits),
    p95: round(percentile(s, 95), digits),
    p99: round(percentile(s, 99), digits),
    mean: round(s.length ? sum / s.length : Number.NaN, digits),
    max: round(s.length ? s[s.length - 1]! : Number.NaN, digits),
  };
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** Runs `fn` over items with at most `limit` in flight; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  });
  await Promise.all(workers);
  return out;
}

/** Progress for long runs: one line on stderr at most every `everyMs`, and a final line. */
export class Progress {
  private count = 0;
  private last = 0;
  private readonly started = performance.now();
  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly everyMs = 3000,
  ) {}
  tick(n = 1): void {
    this.count += n;
    const now = performance.now();
    if (now - this.last >= this.everyMs) {
      this.last = now;
      this.print();
    }
  }
  done(): void {
    this.print();
  }
  private print(): void {
    const s = (performance.now() - this.started) / 1000;
    const pct = this.total ? ` (${((this.count / this.total) * 100).toFixed(1)} %)` : '';
    process.stderr.write(
      `    ${this.label} ${this.count.toLocaleString('en')}/${this.total.toLocaleString('en')}${pct} · ${s.toFixed(1)} s · ${Math.round(this.count / Math.max(s, 0.001)).toLocaleString('en')}/s\n`,
    );
  }
}

export const log = (line: string) => process.stderr.write(`${line}\n`);

/** yyyy-mm-dd (UTC), the date part of result file names. */
export const today = () => new Date().toISOString().slice(0, 10);

export function writeResult(name: string, result: Record<string, unknown>): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}-${today()}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** The newest result file of a benchmark, if any (e.g. `cost` reads the handlers' init times). */
export function latestResult<T = Record<string, unknown>>(name: string): T | undefined {
  try {
    const files = readdirSync(RESULTS_DIR)
      .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.json'))
      .sort();
    const f = files[files.length - 1];
    return f ? (JSON.parse(readFileSync(path.join(RESULTS_DIR, f), 'utf8')) as T) : undefined;
  } catch {
    return undefined;
  }
}

/** The machine as the run saw it: other sessions share these two cores, so the load is part of every figure. */
export function machine() {
  return {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    loadAvg: os.loadavg().map((x) => round(x, 2)),
    memGB: round(os.totalmem() / 2 ** 30, 1),
  };
}

const CLK_TCK = 100;

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); undefined elsewhere. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return undefined;
  }
}

/** The pid of a process whose command line contains every one of `parts` (e.g. DynamoDB Local on its port). */
export function findPid(parts: readonly string[]): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      if (parts.every((p) => cmd.includes(p))) return Number(entry);
    } catch {
      /* gone */
    }
  }
  return undefined;
}

/** CPU seconds of this process (all threads), for splitting a stage's time between Node and DynamoDB Local. */
export const selfCpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
