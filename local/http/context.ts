// A Lambda context object for local invocations, close enough to the real one for handlers,
// middy and Powertools (functionName, awsRequestId, getRemainingTimeInMillis, ARNs, log names).
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

export interface LocalContextOptions {
  functionName: string;
  /** Time the invocation may take, counted from now; getRemainingTimeInMillis counts down from it. */
  timeoutMs: number;
  region: string;
  accountId: string;
  awsRequestId?: string;
  memoryLimitInMB?: number;
  now?: () => number;
}

export function createLambdaContext(options: LocalContextOptions): Context {
  const now = options.now ?? Date.now;
  const deadline = now() + options.timeoutMs;
  const awsRequestId = options.awsRequestId ?? randomUUID();
  const day = new Date(now()).toISOString().slice(0, 10).replace(/-/g, '/');
  const unsupported = (name: string) => (): never => {
    throw new Error(`context.${name}() is not supported locally: return a value or a promise from the handler`);
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: options.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${options.region}:${options.accountId}:function:${options.functionName}`,
    memoryLimitInMB: String(options.memoryLimitInMB ?? 1024),
    awsRequestId,
    logGroupName: `/aws/lambda/${options.functionName}`,
    logStreamName: `${day}/[$LATEST]${awsRequestId.replace(/-/g, '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - now()),
    done: unsupported('done'),
    fail: unsupported('fail'),
    succeed: unsupported('succeed'),
  };
}
