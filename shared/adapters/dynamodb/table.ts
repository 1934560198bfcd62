/** What every repository of the table shares: its name, reading items back without keys, paged queries. */

import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { config } from '../../config';
import type { AuditEvent } from '../../domain/records';
import { ddb } from '../aws-clients';
import { keys } from './keys';
import { backoff, type TransactItem } from './transact';

export type { TransactItem };

export const table = () => config().TABLE_NAME;

const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK'];

/** An item as a record: the key and index attributes (and any `also` named) removed. */
export function strip<T = Record<string, unknown>>(item: Record<string, unknown> | undefined, ...also: string[]): T | undefined {
  if (!item) return undefined;
  const drop = new Set([...KEY_ATTRIBUTES, ...also]);
  return Object.fromEntries(Object.entries(item).filter(([k]) => !drop.has(k))) as T;
}

export function auditPut(cycleId: string, nip: string, audit: AuditEvent): TransactItem {
  return {
    Put: {
      TableName: table(),
      Item: { ...keys.audit(cycleId, nip, audit.at, audit.eventId), type: 'AUDIT', cycleId, nip, ...audit },
      // The event id is derived from the change, so a replayed change cannot write a second event.
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

export function isConditionalFailure(err: unknown): boolean {
  if (err instanceof TransactionCanceledException) {
    return (err.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');
  }
  return (err as { name?: string })?.name === 'ConditionalCheckFailedException';
}

/**
 * Items by key with BatchGetItem (100 keys a call; keys DynamoDB leaves unprocessed are asked again):
 * the same read units as one GetItem each, a hundredth of the round trips. Missing items are absent.
 */
export async function batchGet(itemKeys: readonly { PK: string; SK: string }[], consistent = false): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  const unique = [...new Map(itemKeys.map((k) => [`${k.PK}\u0000${k.SK}`, k])).values()];
  for (let i = 0; i < unique.length; i += 100) {
    let pending: Record<string, unknown>[] = unique.slice(i, i + 100);
    for (let attempt = 0; pending.length; attempt++) {
      const res = await ddb.send(new BatchGetCommand({ RequestItems: { [table()]: { Keys: pending, ConsistentRead: consistent } } }));
      out.push(...(res?.Responses?.[table()] ?? []));
      pending = (res?.UnprocessedKeys?.[table()]?.Keys ?? []) as Record<string, unknown>[];
      if (pending.length) await backoff(attempt);
    }
  }
  return out;
}

export async function queryPage<T>(
  input: Omit<QueryCommandInput, 'TableName'>,
  cursor?: Record<string, unknown>,
  limit = 100,
): Promise<{ items: T[]; next?: Record<string, unknown> }> {
  const out = await ddb.send(new QueryCommand({ TableName: table(), ...input, ExclusiveStartKey: cursor, Limit: limit }));
  return { items: (out.Items ?? []).map((i) => strip(i) as T), next: out.LastEvaluatedKey };
}

export async function queryAll<T>(input: Omit<QueryCommandInput, 'TableName'>): Promise<T[]> {
  const all: T[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await queryPage<T>(input, cursor, 500);
    all.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return all;
}
