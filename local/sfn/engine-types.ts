/** The local Step Functions runtime's types, its API error and AWS's limits (shared by engine.ts and its parts). */
import type { StateMachine } from 'aws-local-stepfunctions';
import type { PreparedDefinition, TaskPlan } from './prepare';
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

export type LibraryRun = ReturnType<StateMachine['run']>;
export type JsonInput = Parameters<StateMachine['run']>[0];
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
export const HISTORY_LIMIT = 25_000;
export const TOKEN_KEY = 'asn-kinerja/local-sfn/task-token';
export const TOKEN_BYTES = 480;
export const NAME_FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;
export const ARN_RE = /^arn:[^:]+:states:[^:]+:\d{12}:(stateMachine|execution):/;

export interface Machine {
  resolved: ResolvedStateMachine;
  prepared: PreparedDefinition;
  runner: StateMachine;
  creationDate: Date;
}

export interface Execution {
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

export interface TaskRun {
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

export type ErrorCtor = new () => Error;
