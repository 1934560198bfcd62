/**
 * One function's runtime for background (Event) invocations on the local stack, in a worker thread:
 * as in Lambda, a PDF being rendered never holds up the API's event loop. Loads the function's entry
 * once, runs each event it is sent, reports the outcome. The environment is the stack's (copied when
 * the worker starts).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Context } from 'aws-lambda';

const { entry, functionId } = workerData as { entry: string; functionId: string };
const loaded = import(path.resolve(entry)) as Promise<{ handler: (event: unknown, context: Context) => Promise<unknown> }>;

const context = (): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName: functionId,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:ap-southeast-3:000000000000:function:${functionId}`,
  memoryLimitInMB: '1024',
  awsRequestId: randomUUID(),
  logGroupName: `/aws/lambda/${functionId}`,
  logStreamName: 'local',
  getRemainingTimeInMillis: () => 300_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

parentPort!.on('message', (message: { id: number; event: unknown }) => {
  loaded
    .then((m) => m.handler(message.event, context()))
    .then(
      () => parentPort!.postMessage({ id: message.id, ok: true }),
      (err: unknown) => parentPort!.postMessage({ id: message.id, ok: false, error: String((err as Error)?.stack ?? err) }),
    );
});
