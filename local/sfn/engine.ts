/**
 * In-memory Step Functions runtime: executions, task tokens and timers around
 * aws-local-stepfunctions. The HTTP face is server.ts; see its header for what is faithful to AWS.
 * Its parts: engine-types.ts (types, limits), task-work.ts (what each Task does), task-tokens.ts
 * (callback tokens and heartbeats), engine-util.ts (validation, AWS-shaped errors, timers).
 */
import './polyfill';
import { randomUUID } from 'node:crypto';
import { ExecutionAbortedError, ExecutionError, ExecutionTimeoutError, StateMachine } from 'aws-local-stepfunctions';
import {
  ARN_RE,
  type EngineOptions,
  type ErrorCtor,
  type Execution,
  type ExecutionDescription,
  type ExecutionStatus,
  HISTORY_LIMIT,
  type JsonInput,
  type LibraryEvent,
  type LibraryRun,
  type LocalSfnEvent,
  type Machine,
  NAME_FORBIDDEN,
  PAYLOAD_LIMIT_BYTES,
  type PendingTask,
  type ResourceHandler,
  SfnApiError,
  type TaskRun,
} from './engine-types';
import {
  dataLimit,
  describe,
  estimateHistoryEvents,
  fatal,
  isRecord,
  longTimeout,
  parseArn,
  positiveInt,
  requireString,
  statesTimeoutErrorClass,
  taskError,
  validateOnce,
} from './engine-util';
import type { PreparedDefinition, TaskPlan, WrappedInput } from './prepare';
import { normalizeResource, prepareDefinition, scaleToMs } from './prepare';
import { TaskTokens } from './task-tokens';
import { startWork, type TaskHost } from './task-work';

export type {
  EngineOptions,
  ExecutionDescription,
  ExecutionStatus,
  LibraryEvent,
  LocalSfnEvent,
  PendingTask,
  ResourceHandler,
  ResourceHandlerContext,
  TaskTokenOutcome,
} from './engine-types';
export { PAYLOAD_LIMIT_BYTES, SfnApiError } from './engine-types';
export { longTimeout } from './engine-util';

export class LocalSfnEngine {
  private readonly machines = new Map<string, Machine>();
  private readonly executions = new Map<string, Execution>();
  private readonly timeScale: number;
  private readonly maxWaitMs: number;
  private readonly handlers = new Map<string, ResourceHandler>();
  private readonly tokens = new TaskTokens({
    addTimer: (run, ms, fn) => this.addTimer(run, ms, fn),
    timeoutError: (name) => this.timeoutError(name),
    emit: (e) => this.emit(e),
  });
  /** What task-work.ts may use of the engine. */
  private readonly host: TaskHost = {
    tokens: this.tokens,
    handlers: this.handlers,
    invoke: (fn, payload) => this.invoke(fn, payload),
    waitMs: (w) => this.waitMs(w),
    addTimer: (run, ms, fn) => this.addTimer(run, ms, fn),
    emit: (e) => this.emit(e),
    startExecution: (req) => this.startExecution(req),
    waitForExecution: (arn) => this.waitForExecution(arn),
  };
  private closed = false;

  private constructor(
    private readonly opts: EngineOptions,
    private readonly TimeoutError: ErrorCtor,
  ) {
    this.timeScale = opts.timeScale ?? 1;
    this.maxWaitMs = opts.maxWaitMs ?? Number.POSITIVE_INFINITY;
    for (const [resource, handler] of Object.entries(opts.resourceHandlers ?? {})) {
      this.handlers.set(normalizeResource(resource), handler);
    }
    const handled = new Set(this.handlers.keys());
    for (const sm of opts.stateMachines) {
      if (this.machines.has(sm.arn)) throw new Error(`Two state machines share the ARN ${sm.arn}`);
      if (opts.validate !== false) validateOnce(sm);
      let prepared: PreparedDefinition;
      try {
        prepared = prepareDefinition(sm.definition, { timeScale: this.timeScale, handledResources: handled });
      } catch (e) {
        throw new Error(`State machine ${sm.name}: ${(e as Error).message}`);
      }
      const runner = new StateMachine(prepared.definition as never, { validationOptions: { noValidate: true } });
      this.machines.set(sm.arn, { resolved: sm, prepared, runner, creationDate: new Date() });
    }
  }

  static async create(opts: EngineOptions): Promise<LocalSfnEngine> {
    return new LocalSfnEngine(opts, await statesTimeoutErrorClass());
  }

  // ---------------------------------------------------------------- API operations

  startExecution(req: { stateMachineArn?: unknown; name?: unknown; input?: unknown }): {
    executionArn: string;
    startDate: Date;
  } {
    if (this.closed) throw new SfnApiError('ServiceUnavailable', 'The local Step Functions endpoint is shutting down');
    const smArn = requireString(req.stateMachineArn, 'stateMachineArn');
    if (!ARN_RE.test(smArn)) throw new SfnApiError('InvalidArn', `Invalid Arn: '${smArn}'`);
    const machine = this.machines.get(smArn);
    if (!machine) throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${smArn}'`);
    const name = req.name === undefined || req.name === null ? randomUUID() : String(req.name);
    if (name.length < 1 || name.length > 80 || NAME_FORBIDDEN.test(name)) {
      throw new SfnApiError('InvalidName', `Invalid Name: '${name}'`);
    }
    const input = req.input === undefined || req.input === null ? '{}' : String(req.input);
    if (Buffer.byteLength(input) > PAYLOAD_LIMIT_BYTES) {
      throw new SfnApiError(
        'ValidationException',
        `1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less than or equal to ${PAYLOAD_LIMIT_BYTES}`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(input);
    } catch {
      throw new SfnApiError('InvalidExecutionInput', `Invalid State Machine Execution Input: 'input is not valid JSON'`);
    }
    const { partition, region, account } = parseArn(smArn);
    const arn = `arn:${partition}:states:${region}:${account}:execution:${machine.resolved.name}:${name}`;
    const existing = this.executions.get(arn);
    if (existing) {
      // AWS (Standard): same name + same input while RUNNING is idempotent; anything else is an error.
      if (existing.status === 'RUNNING' && existing.input === input) {
        return { executionArn: existing.arn, startDate: existing.startDate };
      }
      throw new SfnApiError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
    }
    const exec: Execution = {
      arn,
      machine,
      name,
      input,
      status: 'RUNNING',
      startDate: new Date(),
      tasks: new Set(),
      waiters: [],
      historyEvents: 0,
      historyWarned: false,
    };
    this.executions.set(arn, exec);
    this.emit({ type: 'ExecutionStarted', executionArn: arn, stateMachineArn: smArn, name, input });
    this.run(exec, parsed);
    return { executionArn: arn, startDate: exec.startDate };
  }

  sendTaskSuccess(req: { taskToken?: unknown; output?: unknown }): void {
    const output = requireString(req.output, 'output');
    if (Buffer.byteLength(output) > PAYLOAD_LIMIT_BYTES) {
      throw new SfnApiError(
        'ValidationException',
        `1 validation error detected: Value at 'output' failed to satisfy constraint: Member must have length less than or equal to ${PAYLOAD_LIMIT_BYTES}`,
      );
    }
    const run = this.tokens.open(req.taskToken);
    let value: unknown;
    try {
      value = JSON.parse(output);
    } catch {
      throw new SfnApiError('InvalidOutput', `Invalid Output: 'output is not valid JSON'`);
    }
    this.tokens.close(run, 'success');
    run.resolve(value);
  }

  sendTaskFailure(req: { taskToken?: unknown; error?: unknown; cause?: unknown }): void {
    const error = req.error === undefined || req.error === null ? '' : String(req.error);
    const cause = req.cause === undefined || req.cause === null ? '' : String(req.cause);
    if (error.length > 256 || cause.length > 32_768) {
      throw new SfnApiError('ValidationException', 'error must be at most 256 and cause at most 32768 characters');
    }
    const run = this.tokens.open(req.taskToken);
    this.tokens.close(run, 'failure');
    run.reject(taskError(error, cause));
  }

  sendTaskHeartbeat(req: { taskToken?: unknown }): void {
    const run = this.tokens.open(req.taskToken);
    if (run.heartbeatMs !== undefined) this.tokens.armHeartbeat(run);
  }

  describeExecution(executionArn: unknown): ExecutionDescription {
    return describe(this.getExecution(executionArn));
  }

  stopExecution(req: { executionArn?: unknown; error?: unknown; cause?: unknown }): { stopDate: Date } {
    const exec = this.getExecution(req.executionArn);
    if (exec.status === 'RUNNING') {
      this.finish(exec, 'ABORTED', {
        error: req.error === undefined || req.error === null ? undefined : String(req.error),
        cause: req.cause === undefined || req.cause === null ? undefined : String(req.cause),
      });
    }
    return { stopDate: exec.stopDate ?? new Date() };
  }

  listExecutions(filter: { stateMachineArn?: string; statusFilter?: ExecutionStatus } = {}): ExecutionDescription[] {
    if (filter.stateMachineArn !== undefined && !this.machines.has(filter.stateMachineArn)) {
      throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${filter.stateMachineArn}'`);
    }
    return [...this.executions.values()]
      .filter((e) => filter.stateMachineArn === undefined || e.machine.resolved.arn === filter.stateMachineArn)
      .filter((e) => filter.statusFilter === undefined || e.status === filter.statusFilter)
      .sort((a, b) => b.startDate.getTime() - a.startDate.getTime())
      .map(describe);
  }

  describeStateMachine(stateMachineArn: unknown): {
    stateMachineArn: string;
    name: string;
    status: 'ACTIVE';
    definition: string;
    roleArn: string;
    type: 'STANDARD' | 'EXPRESS';
    creationDate: Date;
  } {
    const arn = requireString(stateMachineArn, 'stateMachineArn');
    const m = this.machines.get(arn);
    if (!m) throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    const { account, partition } = parseArn(arn);
    return {
      stateMachineArn: arn,
      name: m.resolved.name,
      status: 'ACTIVE',
      definition: JSON.stringify(m.resolved.definition),
      roleArn: `arn:${partition}:iam::${account}:role/local-step-functions`,
      type: m.resolved.type,
      creationDate: m.creationDate,
    };
  }

  listStateMachines(): Array<{ stateMachineArn: string; name: string; type: string; creationDate: Date }> {
    return [...this.machines.values()].map((m) => ({
      stateMachineArn: m.resolved.arn,
      name: m.resolved.name,
      type: m.resolved.type,
      creationDate: m.creationDate,
    }));
  }

  /** Resolves when the execution is no longer RUNNING (rejects after timeoutMs, if given). */
  waitForExecution(executionArn: string, opts: { timeoutMs?: number } = {}): Promise<ExecutionDescription> {
    let exec: Execution;
    try {
      exec = this.getExecution(executionArn);
    } catch (e) {
      return Promise.reject(e);
    }
    if (exec.status !== 'RUNNING') return Promise.resolve(describe(exec));
    return new Promise((resolve, reject) => {
      let cancel: (() => void) | undefined;
      const waiter = (): void => {
        cancel?.();
        resolve(describe(exec));
      };
      exec.waiters.push(waiter);
      if (opts.timeoutMs !== undefined) {
        cancel = longTimeout(opts.timeoutMs, () => {
          exec.waiters = exec.waiters.filter((w) => w !== waiter);
          reject(new Error(`Execution ${executionArn} still ${exec.status} after ${opts.timeoutMs} ms`));
        });
      }
    });
  }

  /** Tasks waiting for SendTaskSuccess/SendTaskFailure, oldest first. */
  listPendingTasks(filter: { executionArn?: string } = {}): PendingTask[] {
    const out: PendingTask[] = [];
    for (const exec of this.executions.values()) {
      if (filter.executionArn !== undefined && exec.arn !== filter.executionArn) continue;
      for (const run of exec.tasks) {
        if (run.token === undefined || run.settled) continue;
        out.push({
          taskToken: run.token,
          executionArn: exec.arn,
          stateName: run.plan.stateName,
          resource: run.plan.resource,
          startedAt: new Date(run.createdAt),
          payload: run.payload,
        });
      }
    }
    return out.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  }

  /** Aborts every running execution and cancels every timer. */
  shutdown(): void {
    this.closed = true;
    for (const exec of this.executions.values()) {
      if (exec.status === 'RUNNING') this.finish(exec, 'ABORTED', { error: 'LocalShutdown', cause: 'local endpoint closed' });
    }
  }

  // ---------------------------------------------------------------- execution

  private run(exec: Execution, input: unknown): void {
    const { machine } = exec;
    const taskHandlers: Record<string, (input: unknown) => Promise<never>> = {};
    for (const [name, plan] of machine.prepared.tasks) {
      taskHandlers[name] = (taskInput) => this.runTask(exec, plan, taskInput) as Promise<never>;
    }
    const { partition, account } = parseArn(exec.arn);
    let run: LibraryRun;
    try {
      run = machine.runner.run(input as JsonInput, {
        overrides: {
          taskResourceLocalHandlers: taskHandlers,
          waitTimeOverrides: machine.prepared.waitTimeOverrides,
        },
        context: {
          Execution: {
            Id: exec.arn,
            Name: exec.name,
            RoleArn: `arn:${partition}:iam::${account}:role/local-step-functions`,
            RedriveCount: 0,
          },
          StateMachine: { Id: machine.resolved.arn, Name: machine.resolved.name },
          // The library never sets $$.Task.Token: a placeholder that each callback task swaps for its own token.
          Task: { Token: this.tokens.placeholder },
        },
      });
    } catch (e) {
      this.finish(exec, 'FAILED', { error: 'States.Runtime', cause: (e as Error).message });
      return;
    }
    exec.abort = run.abort;
    void this.consumeEvents(exec, run.eventLogs);
    run.result.then(
      (output) => {
        if (exec.status !== 'RUNNING') return;
        const text = JSON.stringify(output ?? null);
        if (Buffer.byteLength(text) > PAYLOAD_LIMIT_BYTES) {
          this.finish(exec, 'FAILED', dataLimit('the execution output'));
        } else {
          this.finish(exec, 'SUCCEEDED', { output: text });
        }
      },
      (err: unknown) => {
        if (exec.status !== 'RUNNING') return;
        if (err instanceof ExecutionTimeoutError) {
          this.finish(exec, 'TIMED_OUT', { error: 'States.Timeout', cause: 'The execution ran longer than its TimeoutSeconds' });
        } else if (err instanceof ExecutionAbortedError) {
          this.finish(exec, 'ABORTED', {});
        } else if (err instanceof ExecutionError && err.cause instanceof Error) {
          const c = err.cause;
          const isDefaultFail = c.name === 'FailStateError' && c.message === 'Execution failed because of a Fail state';
          this.finish(exec, 'FAILED', {
            error: c.name === 'FailStateError' ? undefined : c.name,
            cause: isDefaultFail || c.message === '' ? undefined : c.message,
          });
        } else {
          this.finish(exec, 'FAILED', { error: 'States.Runtime', cause: String((err as Error)?.message ?? err) });
        }
      },
    );
  }

  private async consumeEvents(exec: Execution, events: AsyncGenerator<LibraryEvent>): Promise<void> {
    try {
      for await (const ev of events) {
        this.onLibraryEvent(exec, ev);
      }
    } catch (e) {
      this.emit({ type: 'Warning', executionArn: exec.arn, message: `event log failed: ${(e as Error).message}` });
    }
  }

  private onLibraryEvent(exec: Execution, ev: LibraryEvent): void {
    exec.historyEvents += estimateHistoryEvents(ev);
    if (!exec.historyWarned && exec.historyEvents > HISTORY_LIMIT) {
      exec.historyWarned = true;
      this.emit({
        type: 'Warning',
        executionArn: exec.arn,
        message: `about ${exec.historyEvents} history events so far; AWS fails an execution above ${HISTORY_LIMIT}`,
      });
    }
    this.emit({ type: 'StateEvent', executionArn: exec.arn, event: ev });
    if (exec.status !== 'RUNNING') return;
    if (ev.type === 'StateExited' && ev.state.output !== undefined) {
      if (Buffer.byteLength(JSON.stringify(ev.state.output)) > PAYLOAD_LIMIT_BYTES) {
        this.finish(exec, 'FAILED', dataLimit(`the output of state '${ev.state.name}'`));
      }
    }
    if (ev.type === 'MapIterationFailed' || ev.type === 'ParallelBranchFailed') {
      // The library aborts the sibling iterations/branches but cannot tell the tasks inside them:
      // close those tasks so their tokens answer TaskTimedOut, like AWS.
      const parent = ev.parentState.name;
      for (const run of [...exec.tasks]) {
        if (run.createdAt < ev.timestamp && run.plan.ancestors.includes(parent)) {
          this.tokens.close(run, 'closed');
          run.reject(fatal('States.Runtime', `task abandoned: ${parent} failed`));
        }
      }
    }
  }

  private finish(exec: Execution, status: Exclude<ExecutionStatus, 'RUNNING'>, result: { output?: string; error?: string; cause?: string }): void {
    if (exec.status !== 'RUNNING') return;
    exec.status = status;
    exec.stopDate = new Date();
    exec.output = result.output;
    exec.error = result.error;
    exec.cause = result.cause;
    if (status !== 'SUCCEEDED') exec.abort?.();
    exec.abort = undefined; // let the library's run state be collected
    for (const run of [...exec.tasks]) {
      this.tokens.close(run, 'closed');
      run.reject(fatal('States.Runtime', `execution ${status.toLowerCase()}`));
    }
    this.emit({ type: 'ExecutionFinished', executionArn: exec.arn, status, ...result });
    const waiters = exec.waiters;
    exec.waiters = [];
    for (const w of waiters) w();
  }

  // ---------------------------------------------------------------- tasks

  private runTask(exec: Execution, plan: TaskPlan, rawInput: unknown): Promise<unknown> {
    if (exec.status !== 'RUNNING') return Promise.reject(fatal('States.Runtime', 'execution is not running'));
    let resolve!: (value: unknown) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<unknown>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const run: TaskRun = {
      exec,
      plan,
      createdAt: Date.now(),
      settled: false,
      cancels: new Set(),
      resolve: (value) => settle(() => resolve(value)),
      reject: (error) => settle(() => reject(error)),
    };
    const settle = (fn: () => void): void => {
      if (run.settled) return;
      run.settled = true;
      for (const c of run.cancels) c();
      run.cancels.clear();
      exec.tasks.delete(run);
      fn();
    };
    exec.tasks.add(run);
    try {
      const w: WrappedInput = isRecord(rawInput) ? { params: undefined, ...rawInput } : { params: rawInput };
      let timeoutMs = plan.timeoutMs;
      if (w.timeout !== undefined) timeoutMs = scaleToMs(positiveInt(w.timeout, 'TimeoutSecondsPath'), this.timeScale);
      if (timeoutMs !== undefined) {
        this.addTimer(run, Math.max(1, timeoutMs), () => {
          this.tokens.close(run, 'timeout');
          run.reject(this.timeoutError('States.Timeout'));
        });
      }
      let heartbeatMs = plan.heartbeatMs;
      if (w.heartbeat !== undefined) heartbeatMs = scaleToMs(positiveInt(w.heartbeat, 'HeartbeatSecondsPath'), this.timeScale);
      startWork(this.host, run, w, heartbeatMs);
    } catch (e) {
      run.reject(e instanceof Error ? e : new Error(String(e)));
    }
    return promise;
  }

  private invoke(fn: string, payload: unknown): Promise<unknown> {
    try {
      return Promise.resolve(this.opts.invokeLambda(fn, JSON.parse(JSON.stringify(payload ?? null))));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  private waitMs(w: WrappedInput): number {
    return Math.min(this.maxWaitMs, this.scaledWaitMs(w));
  }

  private scaledWaitMs(w: WrappedInput): number {
    if (w.wait_seconds !== undefined) {
      const s = w.wait_seconds;
      if (typeof s !== 'number' || !Number.isInteger(s) || s < 0) {
        throw fatal('States.Runtime', `SecondsPath must point to a non-negative integer, got ${JSON.stringify(s)}`);
      }
      return scaleToMs(s, this.timeScale);
    }
    const ts = w.wait_timestamp;
    const t = typeof ts === 'string' ? Date.parse(ts) : NaN;
    if (Number.isNaN(t)) throw fatal('States.Runtime', `TimestampPath must point to an ISO 8601 timestamp, got ${JSON.stringify(ts)}`);
    return Math.max(0, (t - Date.now()) * this.timeScale);
  }

  // ---------------------------------------------------------------- helpers

  private addTimer(run: TaskRun, ms: number, fn: () => void): () => void {
    const cancel = longTimeout(ms, () => {
      run.cancels.delete(cancel);
      fn();
    });
    run.cancels.add(cancel);
    return cancel;
  }

  private timeoutError(name: 'States.Timeout' | 'States.HeartbeatTimeout'): Error {
    // An instance of the library's own StatesTimeoutError: States.TaskFailed must not match it.
    const e = new this.TimeoutError();
    e.name = name;
    return e;
  }

  private getExecution(arnValue: unknown): Execution {
    const arn = requireString(arnValue, 'executionArn');
    if (!ARN_RE.test(arn)) throw new SfnApiError('InvalidArn', `Invalid Arn: '${arn}'`);
    const exec = this.executions.get(arn);
    if (!exec) throw new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return exec;
  }

  private emit(e: LocalSfnEvent): void {
    if (!this.opts.onEvent) return;
    try {
      this.opts.onEvent(e);
    } catch {
      // A logging hook must never break an execution.
    }
  }
}
