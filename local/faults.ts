/**
 * Fault injection for the local stack (reliability tests only; never in AWS code paths): Lambda
 * invocations that fail before or after doing their work, DynamoDB throttling, HTTP 503s. Seeded, so
 * a failing run can be replayed.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';

export interface FaultOptions {
  /** Share of workflow Lambda invocations that fail before running (the function never ran). */
  lambdaBefore?: number;
  /** Share that fail after running (the work is done, the caller sees an error and retries). */
  lambdaAfter?: number;
  /** Share of DynamoDB calls throttled (the SDK retries these with backoff). */
  dynamoThrottle?: number;
  /** Share of HTTP requests answered 503 before reaching the handler (clients retry). */
  http503?: number;
  seed?: number;
}

export interface FaultCounters {
  lambdaBefore: number;
  lambdaAfter: number;
  dynamoThrottle: number;
  http503: number;
}

export class FaultInjector {
  readonly counters: FaultCounters = { lambdaBefore: 0, lambdaAfter: 0, dynamoThrottle: 0, http503: 0 };
  private state: number;
  constructor(readonly options: FaultOptions) {
    this.state = options.seed ?? 1;
  }
  /** mulberry32 */
  private next(): number {
    let t = (this.state += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  private hit(kind: keyof FaultCounters): boolean {
    const rate = this.options[kind] ?? 0;
    if (rate > 0 && this.next() < rate) {
      this.counters[kind]++;
      return true;
    }
    return false;
  }

  wrapLambda<T>(invoke: () => Promise<T>): Promise<T> {
    if (this.hit('lambdaBefore'))
      return Promise.reject(Object.assign(new Error('Injected fault before the function ran'), { name: 'Lambda.ServiceException' }));
    return invoke().then((result) => {
      if (this.hit('lambdaAfter')) throw Object.assign(new Error('Injected fault after the function ran'), { name: 'Lambda.ServiceException' });
      return result;
    });
  }

  http503(): boolean {
    return this.hit('http503');
  }

  /** Throttles a share of DynamoDB calls before they are sent; the SDK's retry strategy takes them. */
  attachTo(client: DynamoDBClient): void {
    client.middlewareStack.add(
      (next) => async (args) => {
        if (this.hit('dynamoThrottle')) {
          throw new ProvisionedThroughputExceededException({ message: 'Injected throttling', $metadata: { httpStatusCode: 400 } });
        }
        return next(args);
      },
      { step: 'finalizeRequest', name: 'injectThrottling', override: true },
    );
  }
}
