/**
 * The one TransactWriteItems helper and its one retry policy. A transaction cancelled only because
 * another transaction held one of its items (TransactionConflict) or by throttling is retried with
 * full jitter (the shared counters — stage, unit, survey totals — are in many transactions at once,
 * and the SDK does not retry a cancelled transaction). A failed condition is never retried.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../aws-clients';

export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

export const ATTEMPTS = 6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Full jitter, capped at a second: the wait before attempt `attempt + 1`. */
export const backoff = (attempt: number) => sleep(Math.random() * Math.min(1000, 25 * 2 ** attempt));

/** The cancellation reason codes of a cancelled transaction (by item index), or undefined for any other error. */
export function cancellationCodes(err: unknown): (string | undefined)[] | undefined {
  if (!(err instanceof TransactionCanceledException) && (err as { name?: string })?.name !== 'TransactionCanceledException') return undefined;
  return ((err as TransactionCanceledException).CancellationReasons ?? []).map((r) => r.Code);
}

/** Cancelled only by a race or throttling (no condition failed): worth another attempt. */
export function isTransient(err: unknown): boolean {
  const codes = cancellationCodes(err) ?? [];
  return codes.some((c) => c === 'TransactionConflict' || c === 'ThrottlingError') && !codes.includes('ConditionalCheckFailed');
}

/** TransactWriteItems under the retry policy above; after `attempts` the last error is thrown. */
export async function transactWrite(items: TransactItem[], attempts = ATTEMPTS): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ddb.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (err) {
      if (!isTransient(err) || attempt >= attempts) throw err;
      await backoff(attempt);
    }
  }
}
