/**
 * What a cycle run costs, counted where it happens, without touching product code:
 * - DynamoMeter: a middleware on the shared DynamoDB client (shared/adapters/aws-clients.ts `dynamoClient`, whose
 *   middleware stack the document client shares) counts every command, its wall time, transaction items,
 *   attempts, and the capacity units DynamoDB reports (it adds ReturnConsumedCapacity=INDEXES).
 * - LambdaMeter: a middy middleware added (`handler.use`) to each handler module the local stack loads,
 *   so every invocation — from Step Functions or the HTTP API — is counted and timed.
 * - SfnMeter: the local Step Functions engine's events: StateEntered/StateRetried (billable transitions).
 * - HttpMeter: the local HTTP API's own request log (one line per request, with its server-side time).
 * Each meter files its counts under the current phase (the stage the cycle is in), set by the driver.
 */
import path from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { round, summarize } from './util';

export class Phase {
  current = 'setup';
}

// ── DynamoDB ───────────────────────────────────────────────────────────────────────────────────────

export interface OpStats {
  calls: number;
  errors: number;
  /** Extra attempts the SDK made (throttling, conflicts). */
  retries: number;
  ms: number;
  /** TransactWriteItems: items across all calls. */
  items: number;
  /** Capacity units as DynamoDB Local reports them (transactions already at 2× per item, indexes included). */
  rcu: number;
  wcu: number;
  /** Of which index units (DynamoDB Local doubles these for transactions too; AWS may not). */
  indexRcu: number;
  indexWcu: number;
  /** Query: items returned and items read (ScannedCount). */
  returned: number;
  scanned: number;
  errorNames: Record<string, number>;
}

const emptyOp = (): OpStats => ({
  calls: 0,
  errors: 0,
  retries: 0,
  ms: 0,
  items: 0,
  rcu: 0,
  wcu: 0,
  indexRcu: 0,
  indexWcu: 0,
  returned: 0,
  scanned: 0,
  errorNames: {},
});

const OP_NAMES: Record<string, string> = {
  TransactWrite: 'TransactWriteItems',
  TransactGet: 'TransactGetItems',
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  BatchWrite: 'BatchWriteItem',
  BatchGet: 'BatchGetItem',
};
const READ_OPS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);

interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
  LocalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

/**
 * The access pattern of a command, from its key: the key's literal words with ids replaced by *
 * ('CYCLE#kec-2026#UNIT#u1' → 'CYCLE#*#UNIT#*', 'EVAL#kec-2026#1985…' → 'EVAL#*#*'), with the index
 * and the sort-key prefix of a query.
 */
export function accessPattern(op: string, input: Record<string, unknown>): string {
  // Upper-case words are the key's literals (EVAL, CYCLE, UNIT, …); anything else is an id.
  const shape = (v: unknown) =>
    typeof v === 'string'
      ? v
          .split('#')
          .map((w) => (/^[A-Z][A-Z_]*$/.test(w) || w === '' ? w : '*'))
          .join('#')
      : '?';
  const index = typeof input.IndexName === 'string' ? `${input.IndexName} ` : '';
  if (op === 'Query') {
    const values = (input.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
    const pk = values[':pk'] ?? Object.values(values)[0];
    const sk = values[':sk'];
    return `Query ${index}${shape(pk)}${sk !== undefined ? ` ^${shape(sk)}` : ''}`;
  }
  if (op === 'GetItem' || op === 'UpdateItem' || op === 'DeleteItem') return `${op} ${shape((input.Key as Record<string, unknown> | undefined)?.PK)}`;
  if (op === 'PutItem') return `${op} ${shape((input.Item as Record<string, unknown> | undefined)?.PK)}`;
  if (op === 'TransactWriteItems') {
    const parts = ((input.TransactItems ?? []) as Record<string, { Key?: Record<string, unknown>; Item?: Record<string, unknown> }>[]).map((t) => {
      const [kind, body] = Object.entries(t)[0] ?? ['?', {}];
      return `${kind}:${shape((body.Key ?? body.Item)?.PK)}`;
    });
    return `${op} [${parts.join(', ')}]`;
  }
  return op;
}

export interface PatternStats {
  calls: number;
  rcu: number;
  wcu: number;
  returned: number;
  scanned: number;
  ms: number;
}

export class DynamoMeter {
  readonly byPhase = new Map<string, Map<string, OpStats>>();
  /** phase → access pattern → stats */
  readonly patterns = new Map<string, Map<string, PatternStats>>();
  enabled = true;
  constructor(
    private readonly phase: Phase,
    private readonly withCapacity = true,
  ) {}

  install(client: DynamoDBClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (!this.enabled) return next(args);
        const op = normaliseOp(context.commandName ?? 'Unknown');
        const input = args.input as Record<string, unknown>;
        if (this.withCapacity && input && input.ReturnConsumedCapacity === undefined) input.ReturnConsumedCapacity = 'INDEXES';
        const phase = this.phase.current;
        const started = performance.now();
        try {
          const out = await next(args);
          this.record(phase, op, input, out.output as unknown as Record<string, unknown>, performance.now() - started);
          return out;
        } catch (err) {
          const s = this.stats(phase, op);
          s.calls++;
          s.errors++;
          s.ms += performance.now() - started;
          const name = (err as Error).name ?? 'Error';
          const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
          const key = reasons ? `${name}(${reasons.map((r) => r.Code ?? 'None').join(',')})` : name;
          s.errorNames[key] = (s.errorNames[key] ?? 0) + 1;
          const attempts = (err as { $metadata?: { attempts?: number } }).$metadata?.attempts;
          if (attempts && attempts > 1) s.retries += attempts - 1;
          if (op === 'TransactWriteItems') s.items += (input.TransactItems as unknown[] | undefined)?.length ?? 0;
          throw err;
        }
      },
      { step: 'initialize', name: 'asnBenchDynamoMeter', priority: 'high', override: true },
    );
  }

  private stats(phase: string, op: string): OpStats {
    let m = this.byPhase.get(phase);
    if (!m) this.byPhase.set(phase, (m = new Map()));
    let s = m.get(op);
    if (!s) m.set(op, (s = emptyOp()));
    return s;
  }

  private record(phase: string, op: string, input: Record<string, unknown>, output: Record<string, unknown>, ms: number): void {
    const before = { ...this.stats(phase, op) };
    this.recordOp(phase, op, input, output, ms);
    const after = this.stats(phase, op);
    let pm = this.patterns.get(phase);
    if (!pm) this.patterns.set(phase, (pm = new Map()));
    const key = accessPattern(op, input);
    let p = pm.get(key);
    if (!p) pm.set(key, (p = { calls: 0, rcu: 0, wcu: 0, returned: 0, scanned: 0, ms: 0 }));
    p.calls++;
    p.ms += ms;
    p.rcu += after.rcu - before.rcu;
    p.wcu += after.wcu - before.wcu;
    p.returned += after.returned - before.returned;
    p.scanned += after.scanned - before.scanned;
  }

  /** Access patterns over the named phases, most capacity first. */
  patternReport(phases?: readonly string[], limit = 40) {
    const merged = new Map<string, PatternStats>();
    for (const [phase, m] of this.patterns) {
      if (phases && !phases.includes(phase)) continue;
      for (const [k, v] of m) {
        const t = merged.get(k) ?? { calls: 0, rcu: 0, wcu: 0, returned: 0, scanned: 0, ms: 0 };
        t.calls += v.calls;
        t.rcu += v.rcu;
        t.wcu += v.wcu;
        t.returned += v.returned;
        t.scanned += v.scanned;
        t.ms += v.ms;
        merged.set(k, t);
      }
    }
    return Object.fromEntries(
      [...merged]
        .sort((a, b) => b[1].calls - a[1].calls)
        .slice(0, limit)
        .map(([k, v]) => [
          k,
          {
            calls: v.calls,
            rcu: round(v.rcu, 1),
            wcu: round(v.wcu, 1),
            ...(v.scanned ? { returned: v.returned, scanned: v.scanned } : {}),
            totalMs: Math.round(v.ms),
          },
        ]),
    );
  }

  private recordOp(phase: string, op: string, input: Record<string, unknown>, output: Record<string, unknown>, ms: number): void {
    const s = this.stats(phase, op);
    s.calls++;
    s.ms += ms;
    const attempts = (output.$metadata as { attempts?: number } | undefined)?.attempts;
    if (attempts && attempts > 1) s.retries += attempts - 1;
    if (op === 'TransactWriteItems') s.items += (input.TransactItems as unknown[] | undefined)?.length ?? 0;
    if (op === 'BatchWriteItem') s.items += Object.values((input.RequestItems ?? {}) as Record<string, unknown[]>).reduce((a, l) => a + l.length, 0);
    if (op === 'Query' || op === 'Scan') {
      s.returned += Number(output.Count ?? 0);
      s.scanned += Number(output.ScannedCount ?? 0);
    }
    const cc = output.ConsumedCapacity as Capacity | Capacity[] | undefined;
    for (const c of Array.isArray(cc) ? cc : cc ? [cc] : []) {
      const total = c.CapacityUnits ?? (c.ReadCapacityUnits ?? 0) + (c.WriteCapacityUnits ?? 0);
      const index =
        Object.values(c.GlobalSecondaryIndexes ?? {}).reduce((a, g) => a + (g.CapacityUnits ?? 0), 0) +
        Object.values(c.LocalSecondaryIndexes ?? {}).reduce((a, g) => a + (g.CapacityUnits ?? 0), 0);
      if (READ_OPS.has(op)) {
        s.rcu += total;
        s.indexRcu += index;
      } else {
        s.wcu += total;
        s.indexWcu += index;
      }
    }
  }

  /** Every phase's ops added together (or only the named phases). */
  totals(phases?: readonly string[]): Map<string, OpStats> {
    const out = new Map<string, OpStats>();
    for (const [phase, ops] of this.byPhase) {
      if (phases && !phases.includes(phase)) continue;
      for (const [op, s] of ops) {
        const t = out.get(op) ?? emptyOp();
        t.calls += s.calls;
        t.errors += s.errors;
        t.retries += s.retries;
        t.ms += s.ms;
        t.items += s.items;
        t.rcu += s.rcu;
        t.wcu += s.wcu;
        t.indexRcu += s.indexRcu;
        t.indexWcu += s.indexWcu;
        t.returned += s.returned;
        t.scanned += s.scanned;
        for (const [k, v] of Object.entries(s.errorNames)) t.errorNames[k] = (t.errorNames[k] ?? 0) + v;
        out.set(op, t);
      }
    }
    return out;
  }

  static report(ops: Map<string, OpStats>) {
    return Object.fromEntries(
      [...ops]
        .sort((a, b) => b[1].calls - a[1].calls)
        .map(([op, s]) => [
          op,
          {
            calls: s.calls,
            errors: s.errors,
            retries: s.retries,
            avgMs: round(s.ms / Math.max(1, s.calls), 2),
            totalMs: Math.round(s.ms),
            ...(s.items ? { items: s.items } : {}),
            rcu: round(s.rcu, 1),
            wcu: round(s.wcu, 1),
            indexWcu: round(s.indexWcu, 1),
            ...(s.scanned ? { returned: s.returned, scanned: s.scanned } : {}),
            ...(Object.keys(s.errorNames).length ? { errorNames: s.errorNames } : {}),
          },
        ]),
    );
  }
}

function normaliseOp(commandName: string): string {
  const base = commandName.replace(/Command$/, '');
  return OP_NAMES[base] ?? base;
}

// ── Lambda ─────────────────────────────────────────────────────────────────────────────────────────

interface Middyfied {
  use(m: { before?: (r: object) => void; after?: (r: object) => void; onError?: (r: object) => void }): unknown;
}

export interface FunctionStats {
  invocations: number;
  errors: number;
  durations: number[];
}

export class LambdaMeter {
  readonly byPhase = new Map<string, Map<string, FunctionStats>>();
  readonly missing: string[] = [];
  constructor(private readonly phase: Phase) {}

  /** Adds a timing middleware to each function's handler; the local stack imports the same module instances. */
  async install(functions: Record<string, { entry: string }>, root: string): Promise<void> {
    for (const [id, spec] of Object.entries(functions)) {
      let handler: unknown;
      try {
        // The same specifier the local stack uses (an absolute path), so the module instance is shared.
        handler = ((await import(path.resolve(root, spec.entry))) as { handler?: unknown }).handler;
      } catch (err) {
        this.missing.push(`${id}: ${(err as Error).message.split('\n')[0]}`);
        continue;
      }
      if (!handler || typeof (handler as Middyfied).use !== 'function') {
        this.missing.push(`${id}: handler is not a middy handler`);
        continue;
      }
      const started = new WeakMap<object, { t: number; phase: string }>();
      const done = (request: object, failed: boolean) => {
        const s = started.get(request);
        if (!s) return;
        started.delete(request);
        const st = this.stats(s.phase, id);
        st.invocations++;
        if (failed) st.errors++;
        st.durations.push(performance.now() - s.t);
      };
      (handler as Middyfied).use({
        before: (request) => {
          started.set(request, { t: performance.now(), phase: this.phase.current });
        },
        after: (request) => done(request, false),
        onError: (request) => done(request, true),
      });
    }
  }

  private stats(phase: string, id: string): FunctionStats {
    let m = this.byPhase.get(phase);
    if (!m) this.byPhase.set(phase, (m = new Map()));
    let s = m.get(id);
    if (!s) m.set(id, (s = { invocations: 0, errors: 0, durations: [] }));
    return s;
  }

  totals(phases?: readonly string[]): Map<string, FunctionStats> {
    const out = new Map<string, FunctionStats>();
    for (const [phase, fns] of this.byPhase) {
      if (phases && !phases.includes(phase)) continue;
      for (const [id, s] of fns) {
        const t = out.get(id) ?? { invocations: 0, errors: 0, durations: [] };
        t.invocations += s.invocations;
        t.errors += s.errors;
        t.durations.push(...s.durations);
        out.set(id, t);
      }
    }
    return out;
  }

  static report(fns: Map<string, FunctionStats>) {
    return Object.fromEntries(
      [...fns]
        .sort((a, b) => b[1].invocations - a[1].invocations)
        .map(([id, s]) => {
          const d = summarize(s.durations, 1);
          const billedMs = s.durations.reduce((a, x) => a + Math.max(1, Math.ceil(x)), 0);
          return [
            id,
            {
              invocations: s.invocations,
              errors: s.errors,
              p50Ms: d.p50,
              p95Ms: d.p95,
              maxMs: d.max,
              totalMs: Math.round(s.durations.reduce((a, b) => a + b, 0)),
              billedMs,
            },
          ];
        }),
    );
  }
}

// ── Step Functions ─────────────────────────────────────────────────────────────────────────────────

export class SfnMeter {
  /** phase → state name → entries */
  readonly entered = new Map<string, Map<string, number>>();
  retried = 0;
  executions = 0;
  readonly warnings: string[] = [];
  private taskStart = new Map<string, number>();
  /** Time each task state spent, keyed by its name without the stage prefix (e.g. 'Open'). */
  readonly taskMs = new Map<string, number[]>();
  constructor(private readonly phase: Phase) {}

  onEvent = (raw: unknown): void => {
    const e = raw as {
      type: string;
      executionArn?: string;
      stateName?: string;
      message?: string;
      event?: { type: string; timestamp: number; state?: { name: string; type: string } };
    };
    if (e.type === 'ExecutionStarted') this.executions++;
    else if (e.type === 'Warning' && e.message) {
      if (this.warnings.length < 50) this.warnings.push(e.message);
    } else if (e.type === 'StateEvent' && e.event?.state) {
      const ev = e.event;
      const name = ev.state!.name;
      const key = `${e.executionArn}|${name}`;
      if (ev.type === 'StateEntered') {
        let m = this.entered.get(this.phase.current);
        if (!m) this.entered.set(this.phase.current, (m = new Map()));
        m.set(name, (m.get(name) ?? 0) + 1);
        if (ev.state!.type === 'Task') this.taskStart.set(key, ev.timestamp);
      } else if (ev.type === 'StateRetried') {
        this.retried++;
      } else if ((ev.type === 'StateExited' || ev.type === 'StateFailed' || ev.type === 'StateCaught') && this.taskStart.has(key)) {
        const short = name.includes('.') ? name.slice(name.indexOf('.') + 1) : name;
        const list = this.taskMs.get(short) ?? [];
        list.push(ev.timestamp - this.taskStart.get(key)!);
        this.taskMs.set(short, list);
        this.taskStart.delete(key);
      }
    }
  };

  transitions(phases?: readonly string[]): number {
    let n = 0;
    for (const [phase, m] of this.entered) if (!phases || phases.includes(phase)) for (const v of m.values()) n += v;
    return n + (phases ? 0 : this.retried);
  }

  /** Entries per state (stage prefix removed: 'Planning.Open' → 'Open'). */
  byState(phases?: readonly string[]): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [phase, m] of this.entered) {
      if (phases && !phases.includes(phase)) continue;
      for (const [name, v] of m) {
        const short = name.includes('.') ? name.slice(name.indexOf('.') + 1) : name;
        out[short] = (out[short] ?? 0) + v;
      }
    }
    return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
  }
}

// ── HTTP API (its request log) ─────────────────────────────────────────────────────────────────────

export interface RouteLike {
  method: string;
  path: string;
  functionId: string;
}

export class HttpMeter {
  readonly byPhase = new Map<string, Map<string, { count: number; statuses: Record<string, number>; ms: number[] }>>();
  readonly errors: string[] = [];
  private readonly matchers: { key: string; method: string; re: RegExp }[];
  constructor(
    private readonly phase: Phase,
    routes: readonly RouteLike[],
  ) {
    this.matchers = routes.map((r) => ({
      key: `${r.method} ${r.path}`,
      method: r.method,
      re: new RegExp(`^${r.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  /** Takes one line of the local HTTP API's log: `METHOD /path STATUS Nms`. */
  line = (line: string): void => {
    const m = /^(GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS) (\S+) (\d{3}) (\d+)ms$/.exec(line);
    if (!m) {
      if (/ERROR/.test(line) && this.errors.length < 50) this.errors.push(line.slice(0, 500));
      return;
    }
    const [, method, rawPath, status, ms] = m;
    const p = rawPath!.split('?')[0]!;
    const key = this.matchers.find((r) => r.method === method && r.re.test(p))?.key ?? `${method} (unmatched)`;
    let byRoute = this.byPhase.get(this.phase.current);
    if (!byRoute) this.byPhase.set(this.phase.current, (byRoute = new Map()));
    let s = byRoute.get(key);
    if (!s) byRoute.set(key, (s = { count: 0, statuses: {}, ms: [] }));
    s.count++;
    s.statuses[status!] = (s.statuses[status!] ?? 0) + 1;
    s.ms.push(Number(ms));
  };

  requests(phases?: readonly string[]): number {
    let n = 0;
    for (const [phase, m] of this.byPhase) if (!phases || phases.includes(phase)) for (const s of m.values()) n += s.count;
    return n;
  }

  report(phases?: readonly string[]) {
    const merged = new Map<string, { count: number; statuses: Record<string, number>; ms: number[] }>();
    for (const [phase, m] of this.byPhase) {
      if (phases && !phases.includes(phase)) continue;
      for (const [k, s] of m) {
        const t = merged.get(k) ?? { count: 0, statuses: {}, ms: [] };
        t.count += s.count;
        for (const [st, v] of Object.entries(s.statuses)) t.statuses[st] = (t.statuses[st] ?? 0) + v;
        t.ms.push(...s.ms);
        merged.set(k, t);
      }
    }
    return Object.fromEntries(
      [...merged]
        .sort((a, b) => b[1].count - a[1].count)
        .map(([k, s]) => {
          const d = summarize(s.ms, 0);
          return [k, { count: s.count, statuses: s.statuses, p50Ms: d.p50, p95Ms: d.p95, totalMs: s.ms.reduce((a, b) => a + b, 0) }];
        }),
    );
  }
}
