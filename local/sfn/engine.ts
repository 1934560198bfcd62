/**
 * In-memory Step Functions runtime: executions, task tokens and timers around
 * aws-local-stepfunctions. The HTTP face is server.ts; see its header for what is faithful to AWS.
 */
import './polyfill';
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { ExecutionAbortedError, ExecutionError, ExecutionTimeoutError, StateMachine } from 'aws-local-stepfunctions';
import { MAX_TIMER_MS, normalizeResource, prepareDefinition, scaleToMs } from './prepare';
import type { PreparedDefinition, TaskPlan, WrappedInput } from './prepare';
import type { ResolvedStateMachine } from './template-asl';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** Shaped like the SDK's DescribeExecutionOutput (dates as Date, input/output as JSON strings). */
export interface ExecutionDescription {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  /** Not an AWS field: rough count of the history events AWS would have recorded (limit 25,000). */
  historyEventsEstimate: number;
}

export interface PendingTask {
  taskToken: string;
  executionArn: string;
  stateName: string;
  resource: string;
  startedAt: Date;
  /** What was sent to the worker (the Lambda Payload, the child execution input, ...). */
  payload: unknown;
}

type LibraryRun = ReturnType<StateMachine['run']>;
type JsonInput = Parameters<StateMachine['run']>[0];
/** An event of aws-local-stepfunctions' execution log (StateEntered, StateExited, StateRetried, ...). */
export type LibraryEvent = LibraryRun['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

export type TaskTokenOutcome = 'success' | 'failure' | 'timeout' | 'heartbeat-timeout' | 'worker-error' | 'closed';

export type LocalSfnEvent =
  | { type: 'ExecutionStarted'; executionArn: string; stateMachineArn: string; name: string; input: string }
  | {
      type: 'ExecutionFinished';
      executionArn: string;
      status: Exclude<ExecutionStatus, 'RUNNING'>;
      output?: string;
      error?: string;
      cause?: string;
    }
  | { type: 'TaskStarted'; executionArn: string; stateName: string; resource: string; target?: string }
  | { type: 'TaskTokenIssued'; executionArn: string; stateName: string; resource: string; taskToken: string }
  | { type: 'TaskTokenClosed'; executionArn: string; stateName: string; taskToken: string; outcome: TaskTokenOutcome }
  | { type: 'StateEvent'; executionArn: string; event: LibraryEvent }
  | { type: 'Warning'; executionArn?: string; message: string };

export interface ResourceHandlerContext {
  executionArn: string;
  stateName: string;
  /** Set for `.waitForTaskToken` resources: the token the worker must send back. */
  taskToken?: string;
}

/** Runs a Task Resource the runtime does not know (e.g. `arn:aws:states:::dynamodb:putItem`). */
export type ResourceHandler = (parameters: unknown, ctx: ResourceHandlerContext) => unknown;

export interface EngineOptions {
  stateMachines: readonly ResolvedStateMachine[];
  invokeLambda(functionArnOrName: string, payload: unknown): Promise<unknown>;
  /** Multiplies every Wait, TimeoutSeconds, HeartbeatSeconds and Retry interval. Default 1. */
  timeScale?: number;
  /**
   * Caps a SecondsPath/Timestamp Wait (after scaling), in ms. The calendar gaps between stages (months
   * until the mid-year check) would otherwise dominate a compressed local run. Default: no cap.
   */
  maxWaitMs?: number;
  onEvent?: (e: LocalSfnEvent) => void;
  /** Keyed by Resource ARN (any partition); `.waitForTaskToken` variants use the base ARN's handler. */
  resourceHandlers?: Record<string, ResourceHandler>;
  /** Validate each original definition with asl-validator at start. Default true. */
  validate?: boolean;
}

/** An API error: HTTP 400 with `__type` = code (the SDK throws an exception named code). */
export class SfnApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

/** AWS payload quota for execution input, state input/output and task output. */
export const PAYLOAD_LIMIT_BYTES = 262_144;
const HISTORY_LIMIT = 25_000;
const TOKEN_KEY = 'asn-kinerja/local-sfn/task-token';
const TOKEN_BYTES = 480;
const NAME_FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;
const ARN_RE = /^arn:[^:]+:states:[^:]+:\d{12}:(stateMachine|execution):/;

interface Machine {
  resolved: ResolvedStateMachine;
  prepared: PreparedDefinition;
  runner: StateMachine;
  creationDate: Date;
}

interface Execution {
  arn: string;
  machine: Machine;
  name: string;
  input: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
  abort?: () => void;
  tasks: Set<TaskRun>;
  waiters: Array<() => void>;
  historyEvents: number;
  historyWarned: boolean;
}

interface TaskRun {
  exec: Execution;
  plan: TaskPlan;
  createdAt: number;
  token?: string;
  payload?: unknown;
  settled: boolean;
  cancels: Set<() => void>;
  heartbeatMs?: number;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

type ErrorCtor = new () => Error;

export class LocalSfnEngine {
  private readonly machines = new Map<string, Machine>();
  private readonly executions = new Map<string, Execution>();
  private readonly tokens = new Map<string, TaskRun | 'closed'>();
  private readonly timeScale: number;
  private readonly maxWaitMs: number;
  private readonly placeholder = `__LOCAL_SFN_TASK_TOKEN_${randomUUID()}__`;
  private readonly handlers = new Map<string, ResourceHandler>();
  private readonly heartbeatCancels = new WeakMap<TaskRun, () => void>();
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
    const run = this.openTask(req.taskToken);
    let value: unknown;
    try {
      value = JSON.parse(output);
    } catch {
      throw new SfnApiError('InvalidOutput', `Invalid Output: 'output is not valid JSON'`);
    }
    this.closeToken(run, 'success');
    run.resolve(value);
  }

  sendTaskFailure(req: { taskToken?: unknown; error?: unknown; cause?: unknown }): void {
    const error = req.error === undefined || req.error === null ? '' : String(req.error);
    const cause = req.cause === undefined || req.cause === null ? '' : String(req.cause);
    if (error.length > 256 || cause.length > 32_768) {
      throw new SfnApiError('ValidationException', 'error must be at most 256 and cause at most 32768 characters');
    }
    const run = this.openTask(req.taskToken);
    this.closeToken(run, 'failure');
    run.reject(taskError(error, cause));
  }

  sendTaskHeartbeat(req: { taskToken?: unknown }): void {
    const run = this.openTask(req.taskToken);
    if (run.heartbeatMs !== undefined) this.armHeartbeat(run);
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
          Task: { Token: this.placeholder },
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
          this.closeToken(run, 'closed');
          run.reject(fatal('States.Runtime', `task abandoned: ${parent} failed`));
        }
      }
    }
  }

  private finish(
    exec: Execution,
    status: Exclude<ExecutionStatus, 'RUNNING'>,
    result: { output?: string; error?: string; cause?: string },
  ): void {
    if (exec.status !== 'RUNNING') return;
    exec.status = status;
    exec.stopDate = new Date();
    exec.output = result.output;
    exec.error = result.error;
    exec.cause = result.cause;
    if (status !== 'SUCCEEDED') exec.abort?.();
    exec.abort = undefined; // let the library's run state be collected
    for (const run of [...exec.tasks]) {
      this.closeToken(run, 'closed');
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
          this.closeToken(run, 'timeout');
          run.reject(this.timeoutError('States.Timeout'));
        });
      }
      let heartbeatMs = plan.heartbeatMs;
      if (w.heartbeat !== undefined) heartbeatMs = scaleToMs(positiveInt(w.heartbeat, 'HeartbeatSecondsPath'), this.timeScale);
      this.startWork(run, w, heartbeatMs);
    } catch (e) {
      run.reject(e instanceof Error ? e : new Error(String(e)));
    }
    return promise;
  }

  private startWork(run: TaskRun, w: WrappedInput, heartbeatMs: number | undefined): void {
    const { plan, exec } = run;
    const task = plan.task;
    const ok = (value: unknown): void => {
      try {
        run.resolve(checkedJson(value, plan.stateName));
      } catch (e) {
        run.reject(e as Error);
      }
    };
    const started = (target?: string): void =>
      this.emit({ type: 'TaskStarted', executionArn: exec.arn, stateName: plan.stateName, resource: plan.resource, target });

    switch (task.kind) {
      case 'pass':
        ok(task.result);
        return;
      case 'wait': {
        const ms = this.waitMs(w);
        this.addTimer(run, ms, () => run.resolve(w.params));
        return;
      }
      case 'lambda-function':
        started(task.functionArn);
        this.invoke(task.functionArn, w.params).then(ok, (e) => run.reject(lambdaError(e)));
        return;
      case 'lambda-invoke': {
        const p = isRecord(w.params) ? w.params : {};
        const fn = p.FunctionName;
        if (typeof fn !== 'string' || fn === '') throw fatal('States.Runtime', `${plan.stateName}: Parameters.FunctionName is required`);
        started(fn);
        if (task.waitForToken) {
          const token = this.issueToken(run, heartbeatMs);
          const payload = this.withToken(p.Payload ?? {}, token);
          run.payload = payload;
          this.invoke(fn, payload).then(
            () => undefined,
            (e) => {
              if (p.InvocationType === 'Event' || run.settled) return;
              this.closeToken(run, 'worker-error');
              run.reject(lambdaError(e));
            },
          );
          return;
        }
        const payload = p.Payload === undefined ? {} : p.Payload;
        run.payload = payload;
        if (p.InvocationType === 'Event') {
          this.invoke(fn, payload).catch((e: unknown) =>
            this.emit({ type: 'Warning', executionArn: exec.arn, message: `async invoke of ${fn} failed: ${String(e)}` }),
          );
          ok({ Payload: '', StatusCode: 202 });
          return;
        }
        if (p.InvocationType === 'DryRun') {
          ok({ Payload: '', StatusCode: 204 });
          return;
        }
        this.invoke(fn, payload).then(
          (result) => ok({ ExecutedVersion: '$LATEST', Payload: result === undefined ? null : result, StatusCode: 200 }),
          (e) => run.reject(lambdaError(e)),
        );
        return;
      }
      case 'start-execution': {
        const p = isRecord(w.params) ? w.params : {};
        const token = task.mode === 'token' ? this.issueToken(run, heartbeatMs) : undefined;
        let input: unknown = p.Input === undefined ? {} : p.Input;
        if (token !== undefined) input = this.withToken(input, token);
        run.payload = input;
        started(String(p.StateMachineArn));
        let child: { executionArn: string; startDate: Date };
        try {
          child = this.startExecution({
            stateMachineArn: p.StateMachineArn,
            name: p.Name,
            input: typeof input === 'string' ? input : JSON.stringify(input),
          });
        } catch (e) {
          const err = e as Error;
          throw taskError(`StepFunctions.${err.name}Exception`.replace('ExceptionException', 'Exception'), err.message);
        }
        if (task.mode === 'request') {
          ok({ ExecutionArn: child.executionArn, StartDate: child.startDate.getTime() });
        } else if (task.mode === 'sync' || task.mode === 'sync2') {
          void this.waitForExecution(child.executionArn).then((d) => {
            const parse = task.mode === 'sync2';
            const out = {
              ExecutionArn: d.executionArn,
              Input: parse ? JSON.parse(d.input) : d.input,
              InputDetails: { Included: true },
              Name: d.name,
              Output: d.output === undefined ? undefined : parse ? JSON.parse(d.output) : d.output,
              OutputDetails: { Included: true },
              StartDate: d.startDate.getTime(),
              StateMachineArn: d.stateMachineArn,
              Status: d.status,
              StopDate: d.stopDate?.getTime(),
            };
            if (d.status === 'SUCCEEDED') ok(out);
            else run.reject(taskError('States.TaskFailed', JSON.stringify({ ...out, Error: d.error, Cause: d.cause })));
          });
        }
        return;
      }
      case 'handler': {
        const handler = this.handlers.get(task.resource);
        if (!handler) throw fatal('States.Runtime', `no handler for ${task.resource}`);
        started(task.resource);
        const token = task.waitForToken ? this.issueToken(run, heartbeatMs) : undefined;
        const params = token === undefined ? w.params : this.withToken(w.params, token);
        run.payload = params;
        Promise.resolve()
          .then(() => handler(params, { executionArn: exec.arn, stateName: plan.stateName, taskToken: token }))
          .then(
            (result) => {
              if (token === undefined) ok(result);
            },
            (e: unknown) => {
              if (run.settled) return;
              if (token !== undefined) this.closeToken(run, 'worker-error');
              run.reject(toError(e));
            },
          );
        return;
      }
    }
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

  // ---------------------------------------------------------------- tokens

  private issueToken(run: TaskRun, heartbeatMs: number | undefined): string {
    const token = mintToken();
    run.token = token;
    this.tokens.set(token, run);
    if (heartbeatMs !== undefined) {
      run.heartbeatMs = Math.max(1, heartbeatMs);
      this.armHeartbeat(run);
    }
    this.emit({
      type: 'TaskTokenIssued',
      executionArn: run.exec.arn,
      stateName: run.plan.stateName,
      resource: run.plan.resource,
      taskToken: token,
    });
    return token;
  }

  private armHeartbeat(run: TaskRun): void {
    const prev = this.heartbeatCancels.get(run);
    if (prev) {
      prev();
      run.cancels.delete(prev);
    }
    const cancel = this.addTimer(run, run.heartbeatMs ?? 1, () => {
      this.closeToken(run, 'heartbeat-timeout');
      run.reject(this.timeoutError('States.HeartbeatTimeout'));
    });
    this.heartbeatCancels.set(run, cancel);
  }

  /** The open task behind a token, or the API error AWS would return. */
  private openTask(tokenValue: unknown): TaskRun {
    const token = requireString(tokenValue, 'taskToken');
    if (token.length > 2048) throw new SfnApiError('ValidationException', 'taskToken must be at most 2048 characters');
    if (!isWellFormedToken(token)) throw new SfnApiError('InvalidToken', `Invalid Token: 'Invalid token'`);
    const run = this.tokens.get(token);
    if (run === undefined || run === 'closed' || run.settled) {
      throw new SfnApiError('TaskTimedOut', `Task Timed Out: 'Provided task does not exist anymore'`);
    }
    return run;
  }

  private closeToken(run: TaskRun, outcome: TaskTokenOutcome): void {
    if (run.token === undefined || run.settled) return;
    if (this.tokens.get(run.token) === 'closed') return;
    this.tokens.set(run.token, 'closed');
    this.emit({
      type: 'TaskTokenClosed',
      executionArn: run.exec.arn,
      stateName: run.plan.stateName,
      taskToken: run.token,
      outcome,
    });
  }

  private withToken(value: unknown, token: string): unknown {
    if (typeof value === 'string') return value.split(this.placeholder).join(token);
    if (Array.isArray(value)) return value.map((v) => this.withToken(v, token));
    if (isRecord(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.withToken(v, token);
      return out;
    }
    return value;
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

// ------------------------------------------------------------------ module helpers

/** asl-validator takes 150-400 ms per definition: validate each distinct definition once per process. */
const validDefinitions = new Set<string>();

function validateOnce(sm: ResolvedStateMachine): void {
  const key = JSON.stringify(sm.definition);
  if (validDefinitions.has(key)) return;
  try {
    new StateMachine(sm.definition as never);
  } catch (e) {
    throw new Error(`State machine ${sm.name}: ${(e as Error).message}`);
  }
  validDefinitions.add(key);
}

let timeoutCtor: Promise<ErrorCtor> | undefined;

/**
 * The library's StatesTimeoutError class is not exported, and its Retry/Catch logic tests
 * `instanceof StatesTimeoutError` so that States.TaskFailed does not match a timeout.
 * Obtain the class once by letting a 1 ms Task time out.
 */
function statesTimeoutErrorClass(): Promise<ErrorCtor> {
  timeoutCtor ??= (async () => {
    const sm = new StateMachine(
      { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::local:probe', TimeoutSeconds: 0.001, End: true } } },
      { validationOptions: { noValidate: true } },
    );
    try {
      await sm.run({}, { overrides: { taskResourceLocalHandlers: { T: () => new Promise<never>(() => undefined) } } }).result;
    } catch (e) {
      const cause = (e as { cause?: unknown }).cause;
      if (cause instanceof Error && cause.name === 'States.Timeout') return cause.constructor as ErrorCtor;
    }
    throw new Error('aws-local-stepfunctions did not produce a States.Timeout error; check the library version');
  })();
  return timeoutCtor;
}

/** setTimeout for any delay: longer than 2^31-1 ms is chained instead of overflowing to 1 ms. */
export function longTimeout(ms: number, fn: () => void): () => void {
  let handle: NodeJS.Timeout | undefined;
  const due = Date.now() + ms;
  const arm = (): void => {
    const left = due - Date.now();
    if (left > MAX_TIMER_MS) {
      handle = setTimeout(arm, MAX_TIMER_MS);
    } else {
      handle = setTimeout(fn, Math.max(0, left));
    }
  };
  if (ms > MAX_TIMER_MS) arm();
  else handle = setTimeout(fn, Math.max(0, ms));
  return () => clearTimeout(handle);
}

function describe(e: Execution): ExecutionDescription {
  const d: ExecutionDescription = {
    executionArn: e.arn,
    stateMachineArn: e.machine.resolved.arn,
    name: e.name,
    status: e.status,
    startDate: e.startDate,
    input: e.input,
    historyEventsEstimate: e.historyEvents,
  };
  if (e.stopDate) d.stopDate = e.stopDate;
  if (e.output !== undefined) d.output = e.output;
  if (e.error !== undefined) d.error = e.error;
  if (e.cause !== undefined) d.cause = e.cause;
  return d;
}

function estimateHistoryEvents(ev: LibraryEvent): number {
  switch (ev.type) {
    case 'StateEntered':
      // Task: TaskStateEntered + TaskScheduled + TaskStarted + TaskSucceeded/Failed (+ Exited below)
      return ev.state.type === 'Task' ? 4 : 1;
    case 'StateRetried':
      return 3;
    default:
      return 1;
  }
}

function mintToken(): string {
  const id = randomBytes(18);
  const mac = createHmac('sha256', TOKEN_KEY).update(id).digest().subarray(0, 18);
  // Pad to a realistic length (AWS task tokens are several hundred characters).
  const pad = Buffer.alloc(TOKEN_BYTES - 36);
  for (let i = 0, block = 0; i < pad.length; block++) {
    const chunk = createHmac('sha256', TOKEN_KEY).update(id).update(String(block)).digest();
    chunk.copy(pad, i);
    i += chunk.length;
  }
  return `AQ${Buffer.concat([id, mac, pad]).toString('base64url')}`;
}

function isWellFormedToken(token: string): boolean {
  if (!token.startsWith('AQ') || !/^[A-Za-z0-9_-]+$/.test(token.slice(2))) return false;
  const raw = Buffer.from(token.slice(2), 'base64url');
  if (raw.length !== TOKEN_BYTES) return false;
  const id = raw.subarray(0, 18);
  const expected = createHmac('sha256', TOKEN_KEY).update(id).digest().subarray(0, 18);
  return timingSafeEqual(expected, raw.subarray(18, 36));
}

function parseArn(arn: string): { partition: string; region: string; account: string } {
  const [, partition = 'aws', , region = 'ap-southeast-3', account = '000000000000'] = arn.split(':');
  return { partition, region, account };
}

function requireString(v: unknown, field: string): string {
  if (typeof v !== 'string' || v === '') {
    throw new SfnApiError(
      'ValidationException',
      `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return v;
}

function positiveInt(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw fatal('States.Runtime', `${field} must point to a positive integer, got ${JSON.stringify(v)}`);
  }
  return v;
}

/** A task failure that Retry/Catch match by `name` (the Error), with `message` as the Cause. */
function taskError(name: string, cause: string): Error {
  const e = new Error(cause);
  e.name = name;
  return e;
}

/** An error Retry/Catch must not handle (States.Runtime, States.DataLimitExceeded, local aborts). */
function fatal(name: string, message: string): Error {
  return Object.assign(taskError(name, message), { isRetryable: false, isCatchable: false });
}

function dataLimit(what: string): { error: string; cause: string } {
  return {
    error: 'States.DataLimitExceeded',
    cause: `${what} has a size exceeding the maximum number of bytes service limit (${PAYLOAD_LIMIT_BYTES})`,
  };
}

/** JSON round trip (what crossing AWS does to a value), failing like AWS over the payload quota. */
function checkedJson(value: unknown, stateName: string): unknown {
  const text = JSON.stringify(value === undefined ? null : value);
  if (Buffer.byteLength(text) > PAYLOAD_LIMIT_BYTES) {
    const d = dataLimit(`the result of state '${stateName}'`);
    throw fatal(d.error, d.cause);
  }
  return JSON.parse(text);
}

/**
 * A thrown invokeLambda error as Step Functions reports a Lambda function error: Error = the
 * error's name (errorType), Cause = the Lambda error JSON. Names such as
 * `Lambda.ServiceException` pass through with their message as Cause.
 */
function lambdaError(e: unknown): Error {
  const err = toError(e);
  const name = err.name || 'Error';
  if (name.startsWith('Lambda.') || name.startsWith('States.')) return taskError(name, err.message);
  const trace = (err.stack ?? '').split('\n').slice(1).map((l) => l.trim());
  return taskError(name, JSON.stringify({ errorType: name, errorMessage: err.message, trace }));
}

function toError(e: unknown): Error {
  if (e instanceof Error) return e;
  if (isRecord(e) && typeof e.errorType === 'string') return taskError(e.errorType, String(e.errorMessage ?? ''));
  return new Error(typeof e === 'string' ? e : JSON.stringify(e));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
