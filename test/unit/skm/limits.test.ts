/**
 * The per-client daily limit, idempotency and cursors: the conditional counter in the submission's
 * transaction, what a cancelled transaction means, the keyed client hash, and tamper-proof cursors.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { setEnv } from '../../support/lambda';

setEnv();
const ddbMock = mockClient(DynamoDBDocumentClient);
const { writeSubmission } = await import('../../../shared/adapters/dynamodb/skm-repository');
const { submitSurvey } = await import('../../../shared/application/skm/use-cases');
const { SubmissionLimitError } = await import('../../../shared/application/skm/errors');
const { clientHash, normaliseIp } = await import('../../../shared/adapters/links/derived-keys');
const { verifyCursor: decodeCursor, signCursor: encodeCursor } = await import('../../../shared/http/cursors');
const { dailyLimit, DEFAULT_DAILY_LIMIT } = await import('../../../shared/domain/skm/limits');
const { deps } = await import('../../../shared/composition');
const { fixedClock } = await import('../../../shared/adapters/clock');

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });

const write = (over: Partial<Parameters<typeof writeSubmission>[0]> = {}) =>
  writeSubmission({
    response: {
      responseId: 'r1',
      agencyId: 'kec-asemrowo',
      unitId: 'kel-asemrowo',
      period: '2026-11',
      answers: [4, 3, 3, 4, 3, 4, 4, 3, 3],
      createdAt: '2026-11-29T06:00:00.000Z',
    },
    limit: { client: 'c1', day: '2026-11-29', max: 5, expiresAt: 1_800_000_000 },
    ...over,
  });

beforeEach(() => ddbMock.reset());

describe('the daily counter in the submission transaction', () => {
  it('counts in the same transaction as the response and the totals, conditional on the limit, with TTL', async () => {
    ddbMock.on(TransactWriteCommand).resolves({});
    expect(await write()).toBe('written');
    const items = ddbMock.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    const counter = items[0]!.Update!;
    expect(counter.Key).toEqual({ PK: 'SKMLIMIT#kel-asemrowo#2026-11-29#c1', SK: 'LIMIT' });
    expect(counter.ConditionExpression).toBe('attribute_not_exists(submissions) OR submissions < :max');
    expect(counter.ExpressionAttributeValues).toMatchObject({ ':max': 5, ':one': 1, ':exp': 1_800_000_000 });
    expect(counter.UpdateExpression).toContain('SET expiresAt = :exp');
    expect(items[1]!.Put!.Item).toMatchObject({ PK: 'SKM#kel-asemrowo#2026-11', SK: 'RESP#r1' });
    const totals = items[2]!.Update!;
    expect(totals.Key).toEqual({ PK: 'SKM#kel-asemrowo#2026-11', SK: 'TOTALS' });
    expect(totals.UpdateExpression).toContain('ADD respondents :one, sum1 :a0, sum2 :a1');
    expect(totals.UpdateExpression).toContain('sum9 :a8');
    expect(items).toHaveLength(3);
  });

  it('a failed counter condition means the limit is reached', async () => {
    ddbMock.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'None'));
    expect(await write()).toBe('limited');
  });

  it('a failed idempotency condition means a duplicate, even when the counter is full too', async () => {
    ddbMock.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'None', 'ConditionalCheckFailed'));
    const idempotency = { keyHash: 'h', now: 1_700_000_000, record: { receiptId: 'r1', period: '2026-11', fingerprint: 'f', expiresAt: 1_700_086_400 } };
    expect(await write({ idempotency })).toBe('duplicate');
  });

  it('a race on the shared totals item (TransactionConflict) is retried, not reported', async () => {
    ddbMock
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled('None', 'None', 'TransactionConflict'))
      .resolves({});
    expect(await write()).toBe('written');
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it('a totals item that stays contended ends in 409 (try again), never a 500', async () => {
    ddbMock.on(TransactWriteCommand).rejects(cancelled('None', 'None', 'TransactionConflict'));
    await expect(write()).rejects.toMatchObject({ name: 'ConflictError' });
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(6);
  });

  it('the limit is 5 by default and can be set per deployment', () => {
    expect(DEFAULT_DAILY_LIMIT).toBe(5);
    expect(dailyLimit({})).toBe(5);
    expect(dailyLimit({ SKM_DAILY_LIMIT: '200' })).toBe(200);
    expect(() => dailyLimit({ SKM_DAILY_LIMIT: 'lots' })).toThrow(/SKM_DAILY_LIMIT/);
    expect(() => dailyLimit({ SKM_DAILY_LIMIT: '0' })).toThrow(/SKM_DAILY_LIMIT/);
  });
});

describe('submitSurvey at the limit', () => {
  it('throws SubmissionLimitError with the seconds until the next WIB day', async () => {
    deps.clock = fixedClock('2026-11-29T16:00:00Z'); // 23:00 WIB
    ddbMock.on(GetCommand).resolves({ Item: { PK: 'AGENCY#kec-asemrowo' } });
    ddbMock.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'None'));
    const err = await submitSurvey({
      agencyId: 'kec-asemrowo',
      unitId: 'kel-asemrowo',
      submission: { answers: [4, 3, 3, 4, 3, 4, 4, 3, 3] },
      sourceIp: '203.0.113.7',
      userAgent: 'Mozilla/5.0',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SubmissionLimitError);
    expect(err).toMatchObject({ limit: 5, retryAfterSeconds: 3600 });
  });
});

describe('the client hash', () => {
  it('is keyed, stable, and differs by address only; the address is not in it (a changed User-Agent is the same client)', async () => {
    const a = await clientHash('203.0.113.7');
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await clientHash('203.0.113.7')).toBe(a);
    expect(await clientHash('203.0.113.8')).not.toBe(a);
    expect(a).not.toContain('203');
    // The port takes no User-Agent at all (issue #12: 20 of 20 accepted with varying UAs from one address).
    expect(clientHash.length).toBe(1);
  });

  it('treats an IPv6 /64 as one client (one subscriber holds a whole /64)', async () => {
    expect(normaliseIp('2001:db8:abcd:12:1::5')).toBe('2001:db8:abcd:12::/64');
    expect(normaliseIp('2001:0db8:abcd:0012:ffff:ffff:ffff:ffff')).toBe('2001:db8:abcd:12::/64');
    expect(normaliseIp('::1')).toBe('0:0:0:0::/64');
    expect(normaliseIp('203.0.113.7')).toBe('203.0.113.7');
    expect(await clientHash('2001:db8:abcd:12::1')).toBe(await clientHash('2001:db8:abcd:12:ffff::2'));
  });
});

describe('page cursors', () => {
  const key = { PK: 'SKMCOMMENT#c1', SK: 'COMMENT', GSI1PK: 'SKMCOMMENTS#kec-asemrowo#PENDING', GSI1SK: '2026-11-29T06:00:00.000Z#c1' };

  it('round-trip within their query', async () => {
    const cursor = (await encodeCursor(key, 'q1'))!;
    expect(await decodeCursor(cursor, 'q1')).toEqual(key);
    expect(await encodeCursor(undefined, 'q1')).toBeNull();
  });

  it.each([
    ['an altered payload', (c: string) => `${Buffer.from(JSON.stringify({ ...key, GSI1SK: '0' })).toString('base64url')}.${c.split('.')[1]}`],
    ['an altered signature', (c: string) => `${c.split('.')[0]}.${'A'.repeat(43)}`],
    ['no signature', (c: string) => c.split('.')[0]!],
    ['plain base64 of a key (the unsigned form)', () => Buffer.from(JSON.stringify(key)).toString('base64url')],
    ['garbage', () => '%%%'],
  ])('refuse %s with 400', async (_name, mutate) => {
    const cursor = (await encodeCursor(key, 'q1'))!;
    await expect(decodeCursor(mutate(cursor), 'q1')).rejects.toMatchObject({ status: 400 });
  });

  it('refuse a genuine cursor from another query', async () => {
    const cursor = (await encodeCursor(key, 'q1'))!;
    await expect(decodeCursor(cursor, 'q2')).rejects.toMatchObject({ status: 400 });
  });
});
