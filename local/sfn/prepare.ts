/**
 * Rewrites an ASL definition so that aws-local-stepfunctions@3 runs it the way AWS would,
 * with time compressed by `timeScale`. Pure: no timers, no I/O.
 *
 * What the rewrite does (and why):
 *  - Every Task gets a plan (how the local runtime executes its Resource), its Parameters are
 *    wrapped as `{ params, timeout?, heartbeat? }` so TimeoutSecondsPath/HeartbeatSecondsPath are
 *    evaluated by the library's own JSONPath against the state's effective input, and its
 *    library-side TimeoutSeconds is set to the largest safe timer: the runtime enforces the real
 *    (scaled) timeout itself. The library would otherwise default to 60 s (AWS: 99999999 s) and
 *    overflow setTimeout past ~24.8 days.
 *  - Retry IntervalSeconds/MaxDelaySeconds are scaled in place, so BackoffRate, MaxAttempts and
 *    JitterStrategy keep their meaning.
 *  - Wait with Seconds -> a per-state wait override in ms (scaled, capped). Wait with SecondsPath,
 *    Timestamp or TimestampPath -> a Task whose local handler sleeps the scaled remaining time.
 *  - `ResultPath: "$"` is dropped (same meaning; the library would write a key named "$").
 *  - Pass with a falsy `Result` (false, 0, "", null) -> a Task returning it (the library ignores it).
 *  - ErrorEquals listing States.Timeout also lists States.HeartbeatTimeout (AWS: a heartbeat
 *    timeout matches both names; the library matches one name per error).
 *  - Fields the library would silently ignore or mis-run (JSONata, Assign, Output, Arguments,
 *    ItemReader, ItemBatcher, ResultWriter, ToleratedFailure*, Credentials) are rejected.
 */

/** Largest delay setTimeout accepts; longer ones fire after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
const MAX_TIMER_S = MAX_TIMER_MS / 1000;
/** AWS default Task TimeoutSeconds. */
export const DEFAULT_TASK_TIMEOUT_SECONDS = 99_999_999;

export type TaskKind =
  | { kind: 'lambda-invoke'; waitForToken: boolean }
  | { kind: 'lambda-function'; functionArn: string }
  | { kind: 'start-execution'; mode: 'request' | 'sync' | 'sync2' | 'token' }
  | { kind: 'handler'; resource: string; waitForToken: boolean }
  | { kind: 'wait' }
  | { kind: 'pass'; result: unknown };

export interface TaskPlan {
  stateName: string;
  resource: string;
  task: TaskKind;
  /** Scaled task timeout in ms, when static. */
  timeoutMs?: number;
  /** Scaled heartbeat in ms, when static. */
  heartbeatMs?: number;
  /** Enclosing Map/Parallel state names, innermost last. */
  ancestors: string[];
}

export interface PreparedDefinition {
  definition: Record<string, unknown>;
  tasks: Map<string, TaskPlan>;
  waitTimeOverrides: Record<string, number>;
}

export interface PrepareOptions {
  timeScale: number;
  /** Resources with a caller-supplied handler (partition-normalized, see normalizeResource). */
  handledResources?: ReadonlySet<string>;
}

/** The wrapped Task input the runtime's handlers receive. */
export interface WrappedInput {
  params: unknown;
  timeout?: unknown;
  heartbeat?: unknown;
  wait_seconds?: unknown;
  wait_timestamp?: unknown;
}

const UNSUPPORTED_FIELDS = [
  'Assign',
  'Output',
  'Arguments',
  'Items',
  'ItemReader',
  'ItemBatcher',
  'ResultWriter',
  'ToleratedFailurePercentage',
  'ToleratedFailurePercentagePath',
  'ToleratedFailureCount',
  'ToleratedFailureCountPath',
  'Credentials',
] as const;

export function normalizeResource(resource: string): string {
  return resource.replace(/^arn:[^:]+:/, 'arn:aws:');
}

/** `seconds` of definition time -> ms of local time. */
export function scaleToMs(seconds: number, timeScale: number): number {
  return seconds * 1000 * timeScale;
}

export function prepareDefinition(original: Record<string, unknown>, opts: PrepareOptions): PreparedDefinition {
  const { timeScale } = opts;
  if (!(Number.isFinite(timeScale) && timeScale > 0)) throw new Error(`timeScale must be a finite number > 0`);
  const definition = structuredClone(original);
  const tasks = new Map<string, TaskPlan>();
  const waitTimeOverrides: Record<string, number> = {};
  const seen = new Set<string>();

  if (definition.QueryLanguage === 'JSONata') throw unsupported('(top level)', 'QueryLanguage JSONata');
  if (typeof definition.TimeoutSeconds === 'number') {
    definition.TimeoutSeconds = Math.min(MAX_TIMER_S, Math.max(0.001, definition.TimeoutSeconds * timeScale));
  }

  const visitMachine = (machine: Record<string, unknown>, ancestors: string[]): void => {
    const states = machine.States;
    if (!isRecord(states)) throw new Error('definition has no States');
    for (const [name, raw] of Object.entries(states)) {
      if (!isRecord(raw)) continue;
      if (seen.has(name)) throw new Error(`State name "${name}" is used more than once (AWS requires unique names)`);
      seen.add(name);
      states[name] = visitState(name, raw, ancestors);
    }
  };

  const visitState = (name: string, state: Record<string, unknown>, ancestors: string[]): Record<string, unknown> => {
    if (state.QueryLanguage === 'JSONata') throw unsupported(name, 'QueryLanguage JSONata');
    for (const f of UNSUPPORTED_FIELDS) if (f in state) throw unsupported(name, f);
    if (state.ResultPath === '$') delete state.ResultPath;
    scaleRetry(state, timeScale);
    fixCatch(state);

    switch (state.Type) {
      case 'Task':
        return prepareTask(name, state, ancestors);
      case 'Wait':
        return prepareWait(name, state, ancestors);
      case 'Pass':
        if ('Result' in state && !state.Result) {
          const plan: TaskPlan = { stateName: name, resource: 'local:pass', task: { kind: 'pass', result: state.Result }, ancestors };
          tasks.set(name, plan);
          return taskShell(state, { 'params.$': '$' });
        }
        return state;
      case 'Map': {
        const inner = isRecord(state.ItemProcessor) ? state.ItemProcessor : isRecord(state.Iterator) ? state.Iterator : undefined;
        if (!inner) throw new Error(`Map state "${name}" has no ItemProcessor`);
        visitMachine(inner, [...ancestors, name]);
        return state;
      }
      case 'Parallel': {
        const branches = Array.isArray(state.Branches) ? state.Branches : [];
        for (const b of branches) if (isRecord(b)) visitMachine(b, [...ancestors, name]);
        return state;
      }
      default:
        return state;
    }
  };

  const prepareTask = (name: string, state: Record<string, unknown>, ancestors: string[]): Record<string, unknown> => {
    const resource = typeof state.Resource === 'string' ? state.Resource : '';
    const task = classify(name, resource, opts.handledResources);
    const plan: TaskPlan = { stateName: name, resource, task, ancestors };
    const wrapper: Record<string, unknown> = 'Parameters' in state ? { params: state.Parameters } : { 'params.$': '$' };

    if (typeof state.TimeoutSecondsPath === 'string') {
      wrapper['timeout.$'] = state.TimeoutSecondsPath;
    } else {
      const s = typeof state.TimeoutSeconds === 'number' ? state.TimeoutSeconds : DEFAULT_TASK_TIMEOUT_SECONDS;
      plan.timeoutMs = Math.max(1, scaleToMs(s, timeScale));
    }
    if (typeof state.HeartbeatSecondsPath === 'string') {
      wrapper['heartbeat.$'] = state.HeartbeatSecondsPath;
    } else if (typeof state.HeartbeatSeconds === 'number') {
      plan.heartbeatMs = Math.max(1, scaleToMs(state.HeartbeatSeconds, timeScale));
    }
    delete state.TimeoutSecondsPath;
    delete state.HeartbeatSeconds;
    delete state.HeartbeatSecondsPath;
    state.Parameters = wrapper;
    state.TimeoutSeconds = MAX_TIMER_S;
    tasks.set(name, plan);
    return state;
  };

  const prepareWait = (name: string, state: Record<string, unknown>, ancestors: string[]): Record<string, unknown> => {
    if (typeof state.Seconds === 'number') {
      waitTimeOverrides[name] = Math.min(MAX_TIMER_MS, Math.max(0, scaleToMs(state.Seconds, timeScale)));
      return state;
    }
    const wrapper: Record<string, unknown> = { 'params.$': '$' };
    if (typeof state.SecondsPath === 'string') wrapper['wait_seconds.$'] = state.SecondsPath;
    else if (typeof state.TimestampPath === 'string') wrapper['wait_timestamp.$'] = state.TimestampPath;
    else if (typeof state.Timestamp === 'string') wrapper.wait_timestamp = state.Timestamp;
    else throw new Error(`Wait state "${name}" has no Seconds, SecondsPath, Timestamp or TimestampPath`);
    tasks.set(name, { stateName: name, resource: 'local:wait', task: { kind: 'wait' }, ancestors });
    return taskShell(state, wrapper);
  };

  visitMachine(definition, []);
  return { definition, tasks, waitTimeOverrides };
}

/** A Task standing in for a Wait/Pass: same input/output processing, Next/End and Comment. */
function taskShell(state: Record<string, unknown>, parameters: Record<string, unknown>): Record<string, unknown> {
  const t: Record<string, unknown> = {
    Type: 'Task',
    Resource: 'arn:aws:states:::local:internal',
    Parameters: parameters,
    TimeoutSeconds: MAX_TIMER_S,
  };
  for (const k of ['Comment', 'InputPath', 'OutputPath', 'ResultPath', 'Next', 'End'] as const) {
    if (k in state) t[k] = state[k];
  }
  if (state.Type === 'Wait') delete t.ResultPath;
  return t;
}

function classify(name: string, resource: string, handled: ReadonlySet<string> | undefined): TaskKind {
  const r = normalizeResource(resource);
  if (handled?.has(r)) return { kind: 'handler', resource: r, waitForToken: false };
  const sfnIntegration = /^arn:aws:states:::(.+)$/.exec(r)?.[1];
  if (sfnIntegration !== undefined) {
    switch (sfnIntegration) {
      case 'lambda:invoke':
        return { kind: 'lambda-invoke', waitForToken: false };
      case 'lambda:invoke.waitForTaskToken':
        return { kind: 'lambda-invoke', waitForToken: true };
      case 'states:startExecution':
        return { kind: 'start-execution', mode: 'request' };
      case 'states:startExecution.sync':
        return { kind: 'start-execution', mode: 'sync' };
      case 'states:startExecution.sync:2':
        return { kind: 'start-execution', mode: 'sync2' };
      case 'states:startExecution.waitForTaskToken':
        return { kind: 'start-execution', mode: 'token' };
    }
    if (sfnIntegration.endsWith('.waitForTaskToken')) {
      const base = r.slice(0, -'.waitForTaskToken'.length);
      if (handled?.has(base)) return { kind: 'handler', resource: base, waitForToken: true };
    }
  } else if (/^arn:aws:lambda:[^:]+:[^:]+:function:[^:]+(:[^:]+)?$/.test(r)) {
    return { kind: 'lambda-function', functionArn: resource };
  }
  throw new Error(`Task state "${name}": resource ${resource} is not supported locally; pass a handler for it in resourceHandlers`);
}

function scaleRetry(state: Record<string, unknown>, timeScale: number): void {
  if (!Array.isArray(state.Retry)) return;
  for (const r of state.Retry) {
    if (!isRecord(r)) continue;
    const interval = typeof r.IntervalSeconds === 'number' ? r.IntervalSeconds : 1;
    r.IntervalSeconds = interval * timeScale;
    const maxDelay = typeof r.MaxDelaySeconds === 'number' ? r.MaxDelaySeconds * timeScale : Infinity;
    r.MaxDelaySeconds = Math.min(MAX_TIMER_S, maxDelay);
    addHeartbeatAlias(r);
  }
}

function fixCatch(state: Record<string, unknown>): void {
  if (!Array.isArray(state.Catch)) return;
  for (const c of state.Catch) {
    if (!isRecord(c)) continue;
    if (c.ResultPath === '$') delete c.ResultPath;
    addHeartbeatAlias(c);
  }
}

function addHeartbeatAlias(r: Record<string, unknown>): void {
  const eq = r.ErrorEquals;
  if (Array.isArray(eq) && eq.includes('States.Timeout') && !eq.includes('States.HeartbeatTimeout')) {
    r.ErrorEquals = [...eq, 'States.HeartbeatTimeout'];
  }
}

function unsupported(state: string, what: string): Error {
  return new Error(`State "${state}": ${what} is not supported by the local Step Functions runner (aws-local-stepfunctions would ignore or mis-run it)`);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
