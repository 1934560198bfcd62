/**
 * In-process CPU profile (V8 sampling profiler through node:inspector), summarised by who spent the
 * time: the bench driver, the handlers and domain code, the local HTTP API, the local Step Functions
 * engine, the AWS SDK, zod, JWT, Node internals, GC, and idle (waiting on I/O — here, DynamoDB Local).
 */
import { Session } from 'node:inspector/promises';
import { round } from './util';

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

const CATEGORIES: [string, RegExp][] = [
  ['bench driver', /\/bench\//],
  ['handlers + domain (functions/, shared/)', /\/(functions|shared)\//],
  ['local HTTP API (local/http)', /\/infra\/local\/http\//],
  ['local Step Functions (engine + aws-local-stepfunctions)', /\/infra\/local\/sfn\/|aws-local-stepfunctions|asl-validator|jsonpath/],
  ['AWS SDK (@aws-sdk, @smithy)', /@aws-sdk|@smithy|@aws-crypto|fast-xml-parser|bowser/],
  ['zod', /\/zod\//],
  ['Powertools + middy', /@aws-lambda-powertools|@middy/],
  ['jose (JWT)', /\/jose\//],
  ['other node_modules', /node_modules/],
  ['infra (other)', /\/infra\//],
  ['Node internals', /^node:|^internal\//],
];

export class CpuProfiler {
  private session = new Session();
  private running = false;

  async start(samplingIntervalUs = 1000): Promise<void> {
    this.session = new Session();
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
    await this.session.post('Profiler.start');
    this.running = true;
  }

  /** Stops, and returns the share of wall time per category (idle = the process had nothing to run). */
  async stop(): Promise<Record<string, { ms: number; pct: number }>> {
    if (!this.running) return {};
    this.running = false;
    const { profile } = (await this.session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    await this.session.post('Profiler.disable');
    this.session.disconnect();
    return summariseProfile(profile);
  }
}

export function summariseProfile(profile: CpuProfile): Record<string, { ms: number; pct: number }> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Each sample's time is the delta to the next sample.
  for (let i = 0; i < samples.length; i++) {
    const dt = deltas[i + 1] ?? 0;
    selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + Math.max(0, dt));
  }
  const totals = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id);
    if (!n) continue;
    const cat = categorise(n);
    totals.set(cat, (totals.get(cat) ?? 0) + us);
  }
  const all = [...totals.values()].reduce((a, b) => a + b, 0) || 1;
  return Object.fromEntries([...totals].sort((a, b) => b[1] - a[1]).map(([k, us]) => [k, { ms: Math.round(us / 1000), pct: round((us / all) * 100, 1) }]));
}

function categorise(n: ProfileNode): string {
  const { url, functionName } = n.callFrame;
  if (functionName === '(idle)') return 'idle (waiting on I/O)';
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (functionName === '(program)') return 'V8/Node (program)';
  if (!url) return 'native builtins (JSON, crypto, streams, …)';
  for (const [name, re] of CATEGORIES) if (re.test(url)) return name;
  return 'other';
}
