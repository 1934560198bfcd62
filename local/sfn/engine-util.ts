/** Helpers of the local Step Functions runtime: validation, AWS-shaped errors and limits, long timers. */
import { StateMachine } from 'aws-local-stepfunctions';
import { type ErrorCtor, type Execution, type ExecutionDescription, type LibraryEvent, PAYLOAD_LIMIT_BYTES, SfnApiError } from './engine-types';
import { MAX_TIMER_MS } from './prepare';
import type { ResolvedStateMachine } from './template-asl';

/** asl-validator takes 150-400 ms per definition: validate each distinct definition once per process. */
const validDefinitions = new Set<string>();

export function validateOnce(sm: ResolvedStateMachine): void {
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
export function statesTimeoutErrorClass(): Promise<ErrorCtor> {
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

export function describe(e: Execution): ExecutionDescription {
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

export function estimateHistoryEvents(ev: LibraryEvent): number {
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

export function parseArn(arn: string): { partition: string; region: string; account: string } {
  const [, partition = 'aws', , region = 'ap-southeast-3', account = '000000000000'] = arn.split(':');
  return { partition, region, account };
}

export function requireString(v: unknown, field: string): string {
  if (typeof v !== 'string' || v === '') {
    throw new SfnApiError('ValidationException', `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must not be null`);
  }
  return v;
}

export function positiveInt(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw fatal('States.Runtime', `${field} must point to a positive integer, got ${JSON.stringify(v)}`);
  }
  return v;
}

/** A task failure that Retry/Catch match by `name` (the Error), with `message` as the Cause. */
export function taskError(name: string, cause: string): Error {
  const e = new Error(cause);
  e.name = name;
  return e;
}

/** An error Retry/Catch must not handle (States.Runtime, States.DataLimitExceeded, local aborts). */
export function fatal(name: string, message: string): Error {
  return Object.assign(taskError(name, message), { isRetryable: false, isCatchable: false });
}

export function dataLimit(what: string): { error: string; cause: string } {
  return {
    error: 'States.DataLimitExceeded',
    cause: `${what} has a size exceeding the maximum number of bytes service limit (${PAYLOAD_LIMIT_BYTES})`,
  };
}

/** JSON round trip (what crossing AWS does to a value), failing like AWS over the payload quota. */
export function checkedJson(value: unknown, stateName: string): unknown {
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
export function lambdaError(e: unknown): Error {
  const err = toError(e);
  const name = err.name || 'Error';
  if (name.startsWith('Lambda.') || name.startsWith('States.')) return taskError(name, err.message);
  const trace = (err.stack ?? '')
    .split('\n')
    .slice(1)
    .map((l) => l.trim());
  return taskError(name, JSON.stringify({ errorType: name, errorMessage: err.message, trace }));
}

export function toError(e: unknown): Error {
  if (e instanceof Error) return e;
  if (isRecord(e) && typeof e.errorType === 'string') return taskError(e.errorType, String(e.errorMessage ?? ''));
  return new Error(typeof e === 'string' ? e : JSON.stringify(e));
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
