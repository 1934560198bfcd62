/**
 * Local Step Functions endpoint: the state machines of the synthesized template, run by
 * aws-local-stepfunctions@3, behind an HTTP server speaking the Step Functions API (AWS JSON 1.0:
 * `POST /`, `X-Amz-Target: AWSStepFunctions.<Op>`), so `@aws-sdk/client-sfn` works unchanged:
 *
 *   const sfn = await startLocalStepFunctions({ stateMachines: resolveStateMachines(template), invokeLambda });
 *   new SFNClient({ endpoint: sfn.endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
 *
 * Faithful to AWS (and covered by test/integration/local-sfn.test.ts):
 *  - Operations StartExecution, DescribeExecution, StopExecution, ListExecutions, SendTaskSuccess,
 *    SendTaskFailure, SendTaskHeartbeat, DescribeStateMachine, ListStateMachines; errors come back
 *    as HTTP 400 `{__type, message}` so the SDK throws its typed exceptions (TaskTimedOut,
 *    InvalidToken, ExecutionAlreadyExists, StateMachineDoesNotExist, ExecutionDoesNotExist,
 *    InvalidOutput, InvalidName, InvalidExecutionInput, InvalidArn, ValidationException).
 *  - StartExecution idempotency (Standard): same name + same input while RUNNING returns the
 *    original response; otherwise ExecutionAlreadyExists. Name rules and the 256 KB input quota.
 *  - Task tokens: opaque, unique per task attempt, given as `$$.Task.Token`. A token whose task
 *    has closed (succeeded, failed, timed out, execution ended, sibling branch failed) answers
 *    TaskTimedOut; a token that was never issued by this scheme answers InvalidToken.
 *  - `lambda:invoke` returns `{ ExecutedVersion, Payload, StatusCode: 200 }`; a thrown error is a
 *    Lambda function error: Error = err.name, Cause = `{"errorType","errorMessage","trace"}`; throw
 *    an error named `Lambda.ServiceException` (etc.) to simulate a service error.
 *  - Callback tasks (`.waitForTaskToken`) wait for SendTaskSuccess/SendTaskFailure, TimeoutSeconds
 *    (default 99999999 s like AWS, not the library's 60 s) and HeartbeatSeconds. A timeout is
 *    States.Timeout (not matched by States.TaskFailed); a heartbeat timeout is
 *    States.HeartbeatTimeout and is also matched by States.Timeout.
 *  - Retry backoff (IntervalSeconds, BackoffRate, MaxAttempts, MaxDelaySeconds, JitterStrategy),
 *    Catch, Choice, Map (inline), Parallel, intrinsic functions: the library's implementation.
 *  - The 256 KB payload quota between states and for task results fails the execution with
 *    States.DataLimitExceeded (not catchable by States.ALL).
 *  - Also supported: `states:startExecution` (request/response, .sync, .sync:2, .waitForTaskToken)
 *    and plain Lambda ARNs as Resource. Other Resources need a `resourceHandlers` entry; a
 *    definition using one without a handler is rejected at start, as are fields the library would
 *    silently ignore (JSONata, Assign, ItemReader, ...).
 *
 * Not faithful:
 *  - Executions, tokens and state live in memory only; a restart forgets them (old tokens then
 *    answer TaskTimedOut). No GetExecutionHistory: history events are not kept (only estimated,
 *    with a warning through onEvent past 25,000). `$$.State.*` is not set. No redrive, versions, aliases, activities, map runs, Express-specific semantics.
 *  - Time is scaled by `timeScale`; no single timer can exceed 2^31-1 ms (~24.8 days) of real time
 *    inside the library, so at timeScale 1 a Wait longer than that is cut short. A Timestamp wait
 *    lasts (timestamp - now) * timeScale.
 *  - Input/Output/Cause shapes of errors the library raises itself (States.Runtime messages etc.)
 *    differ in wording. No IAM, no throttling, no request signing checks.
 *  - When a Map iteration or Parallel branch fails, callback tasks already open in its siblings are
 *    closed (TaskTimedOut), but one that a sibling opens after the failure (same millisecond or
 *    later, before the library stops it) stays open until the execution ends.
 *  - Start-up validates each definition with asl-validator (150-400 ms each, once per process);
 *    pass `validate: false` to skip.
 */

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EngineOptions, ExecutionDescription, ExecutionStatus, LocalSfnEvent, PendingTask, ResourceHandler } from './engine';
import { LocalSfnEngine, SfnApiError } from './engine';
import type { ResolvedStateMachine } from './template-asl';

export type { ExecutionDescription, ExecutionStatus, LocalSfnEvent, PendingTask, ResolvedStateMachine, ResourceHandler };

export interface LocalStepFunctionsOptions extends EngineOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface LocalStepFunctions {
  /** e.g. http://127.0.0.1:40123 — pass as the SFNClient endpoint. */
  endpoint: string;
  port: number;
  /** Aborts running executions, cancels timers, closes the server. */
  close(): Promise<void>;
  /** Resolves once the execution has left RUNNING (rejects after timeoutMs, if given). */
  waitForExecution(executionArn: string, opts?: { timeoutMs?: number }): Promise<ExecutionDescription>;
  listExecutions(filter?: { stateMachineArn?: string; statusFilter?: ExecutionStatus }): ExecutionDescription[];
  describeExecution(executionArn: string): ExecutionDescription;
  /** Callback tasks currently waiting for a token, oldest first. */
  listPendingTasks(filter?: { executionArn?: string }): PendingTask[];
  /** The in-process runtime behind the endpoint. */
  engine: LocalSfnEngine;
}

type Handler = (body: Record<string, unknown>) => unknown;

export async function startLocalStepFunctions(opts: LocalStepFunctionsOptions): Promise<LocalStepFunctions> {
  const engine = await LocalSfnEngine.create(opts);
  const ops: Record<string, Handler> = {
    StartExecution: (b) => engine.startExecution(b),
    SendTaskSuccess: (b) => (engine.sendTaskSuccess(b), {}),
    SendTaskFailure: (b) => (engine.sendTaskFailure(b), {}),
    SendTaskHeartbeat: (b) => (engine.sendTaskHeartbeat(b), {}),
    DescribeExecution: (b) => {
      const { historyEventsEstimate: _omit, ...d } = engine.describeExecution(b.executionArn);
      return { ...d, inputDetails: { included: true }, ...(d.output === undefined ? {} : { outputDetails: { included: true } }) };
    },
    StopExecution: (b) => engine.stopExecution(b),
    ListExecutions: (b) => {
      const all = engine.listExecutions({
        stateMachineArn: typeof b.stateMachineArn === 'string' ? b.stateMachineArn : undefined,
        statusFilter: typeof b.statusFilter === 'string' ? (b.statusFilter as ExecutionStatus) : undefined,
      });
      return page(
        all.map((d) => ({
          executionArn: d.executionArn,
          stateMachineArn: d.stateMachineArn,
          name: d.name,
          status: d.status,
          startDate: d.startDate,
          stopDate: d.stopDate,
        })),
        b,
        'executions',
      );
    },
    DescribeStateMachine: (b) => engine.describeStateMachine(b.stateMachineArn),
    ListStateMachines: (b) => page(engine.listStateMachines(), b, 'stateMachines'),
  };

  const server = createServer((req, res) => {
    void handle(req, res, ops);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://${host}:${port}`,
    port,
    engine,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        engine.shutdown();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
    waitForExecution: (arn, o) => engine.waitForExecution(arn, o),
    listExecutions: (f) => engine.listExecutions(f),
    describeExecution: (arn) => engine.describeExecution(arn),
    listPendingTasks: (f) => engine.listPendingTasks(f),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, ops: Record<string, Handler>): Promise<void> {
  const requestId = randomUUID();
  const send = (status: number, body: unknown): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/x-amz-json-1.0',
      'content-length': Buffer.byteLength(text),
      'x-amzn-requestid': requestId,
    });
    res.end(text);
  };
  const fail = (status: number, code: string, message: string): void => send(status, { __type: code, message });
  try {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== 'POST') return fail(400, 'UnknownOperationException', `${req.method} is not supported`);
    const target = String(req.headers['x-amz-target'] ?? '');
    const op = target.startsWith('AWSStepFunctions.') ? target.slice('AWSStepFunctions.'.length) : '';
    const handler = ops[op];
    if (!handler) return fail(400, 'UnknownOperationException', `Operation ${target || '(none)'} is not supported locally`);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = {};
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        return fail(400, 'SerializationException', 'request body is not JSON');
      }
    }
    const result = handler(typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {});
    send(200, toWire(result));
  } catch (e) {
    if (e instanceof SfnApiError) return fail(400, e.code, e.message);
    fail(500, 'InternalFailure', (e as Error)?.message ?? String(e));
  }
}

/** JSON 1.0 wire form: timestamps as epoch seconds, undefined members dropped. */
function toWire(v: unknown): unknown {
  if (v instanceof Date) return v.getTime() / 1000;
  if (Array.isArray(v)) return v.map(toWire);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = toWire(x);
    return out;
  }
  return v;
}

function page<T>(items: T[], b: Record<string, unknown>, key: string): Record<string, unknown> {
  const max = typeof b.maxResults === 'number' && b.maxResults > 0 ? Math.min(b.maxResults, 1000) : 100;
  const start = typeof b.nextToken === 'string' ? Number.parseInt(b.nextToken, 10) || 0 : 0;
  const slice = items.slice(start, start + max);
  const next = start + max < items.length ? String(start + max) : undefined;
  return { [key]: slice, ...(next === undefined ? {} : { nextToken: next }) };
}
