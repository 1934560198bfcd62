/**
 * A small in-memory stand-in for the table behind aws-sdk-client-mock, for handler tests that follow
 * a request through the real use cases: Get; Query on the table or a GSI (equality + begins_with key
 * conditions, ScanIndexForward, Limit, ExclusiveStartKey, and the FilterExpressions the repository
 * writes: `a = :v`, `#a IN (…)`); Put and transaction Puts with `attribute_not_exists(PK)`; plain
 * `SET a = :v` / `a = a + :n` updates applied (nested paths and ADD are recorded, not applied); BatchGet.
 * Every command stays visible through `ddbMock` (e.g. to assert that a list never Scans).
 * The one memory table of the test suite: handler, authorization-matrix and store tests all use it.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DescribeExecutionCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';

type Item = Record<string, unknown>;
export const ddbMock = mockClient(DynamoDBDocumentClient);
export const sfnMock = mockClient(SFNClient);
export let table = new Map<string, Item>();
const k = (key: Item) => `${key.PK}|${key.SK}`;
const INDEX_KEYS: Record<string, [string, string]> = { '': ['PK', 'SK'], GSI1: ['GSI1PK', 'GSI1SK'], GSI2: ['GSI2PK', 'GSI2SK'], GSI3: ['GSI3PK', 'GSI3SK'] };

export function put(item: Item) {
  table.set(k(item), structuredClone(item));
}
export function get(key: Item): Item | undefined {
  return table.get(k(key));
}

function matchesFilter(item: Item, expr: string | undefined, values: Item, names: Record<string, string>): boolean {
  if (!expr) return true;
  const name = (n: string) => names[n] ?? n;
  return expr.split(/\s+AND\s+/).every((clause) => {
    const eq = /^\s*([#\w]+)\s*=\s*(:\w+)\s*$/.exec(clause);
    if (eq) return item[name(eq[1]!)] === values[eq[2]!];
    const within = /^\s*([#\w]+)\s+IN\s*\(([^)]*)\)\s*$/.exec(clause);
    if (within)
      return within[2]!
        .split(',')
        .map((v) => values[v.trim()])
        .includes(item[name(within[1]!)]);
    throw new Error(`memory-table: unsupported filter ${clause}`);
  });
}

function query(input: {
  IndexName?: string;
  KeyConditionExpression?: string;
  FilterExpression?: string;
  ExpressionAttributeValues?: Item;
  ExpressionAttributeNames?: Record<string, string>;
  ScanIndexForward?: boolean;
  Limit?: number;
  ExclusiveStartKey?: Item;
}) {
  const [pkName, skName] = INDEX_KEYS[input.IndexName ?? '']!;
  const values = input.ExpressionAttributeValues ?? {};
  const expr = input.KeyConditionExpression ?? '';
  const eq = /([#\w]+)\s*=\s*(:\w+)/.exec(expr);
  const prefix = /begins_with\(\s*([#\w]+)\s*,\s*(:\w+)\s*\)/.exec(expr);
  if (!eq) throw new Error(`memory-table: unsupported key condition ${expr}`);
  const pk = values[eq[2]!];
  const skPrefix = prefix ? String(values[prefix[2]!]) : undefined;
  const order = (i: Item) => `${i[skName]}\u0000${i.PK}\u0000${i.SK}`;
  let items = [...table.values()].filter((i) => i[pkName] === pk && (!skPrefix || String(i[skName] ?? '').startsWith(skPrefix)));
  items.sort((a, b) => order(a).localeCompare(order(b)));
  if (input.ScanIndexForward === false) items.reverse();
  if (input.ExclusiveStartKey) {
    const start = order(input.ExclusiveStartKey);
    items = items.filter((i) => (input.ScanIndexForward === false ? order(i) < start : order(i) > start));
  }
  const evaluated = input.Limit ? items.slice(0, input.Limit) : items;
  const last = evaluated[evaluated.length - 1];
  const more = input.Limit !== undefined && items.length >= input.Limit && last;
  const keyOf = (i: Item) => ({ PK: i.PK, SK: i.SK, ...(skName !== 'SK' ? { [pkName]: i[pkName], [skName]: i[skName] } : {}) });
  const out = evaluated.filter((i) => matchesFilter(i, input.FilterExpression, values, input.ExpressionAttributeNames ?? {}));
  return { Items: out.map((i) => structuredClone(i)), Count: out.length, ScannedCount: evaluated.length, ...(more ? { LastEvaluatedKey: keyOf(last) } : {}) };
}

/** Applies `SET a = :v, b = b + :n` (top-level names only); anything else is left as it is. */
function applyUpdate(input: { Key: Item; UpdateExpression?: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Item }) {
  const item = table.get(k(input.Key)) ?? { ...input.Key };
  const set = /^SET (.*?)(?: (?:ADD|REMOVE) .*)?$/.exec(input.UpdateExpression ?? '');
  if (set) {
    for (const part of set[1]!.split(/,\s*/)) {
      const m = /^([#\w]+)\s*=\s*(.+)$/.exec(part.trim());
      if (!m || m[1]!.includes('.')) continue;
      const target = input.ExpressionAttributeNames?.[m[1]!] ?? m[1]!;
      const rhs = m[2]!.trim();
      const add = /^([#\w]+)\s*\+\s*(:\w+)$/.exec(rhs);
      if (add) item[target] = Number(item[target] ?? 0) + Number(input.ExpressionAttributeValues?.[add[2]!]);
      else if (/^:\w+$/.test(rhs)) item[target] = structuredClone(input.ExpressionAttributeValues?.[rhs]);
    }
  }
  table.set(k(input.Key), item);
  return item;
}

const exists = (p: { Item: Item; ConditionExpression?: string }) => p.ConditionExpression === 'attribute_not_exists(PK)' && table.has(k(p.Item));

/** Resets the mocks and the table, seeds it, and wires the commands to it. */
export function prime(seed: () => void) {
  ddbMock.reset();
  sfnMock.reset();
  table = new Map();
  seed();
  ddbMock.onAnyCommand().resolves({});
  ddbMock.on(GetCommand).callsFake((input: { Key: Item }) => ({ Item: structuredClone(table.get(k(input.Key))) }));
  ddbMock.on(BatchGetCommand).callsFake((input: { RequestItems: Record<string, { Keys: Item[] }> }) => ({
    Responses: Object.fromEntries(
      Object.entries(input.RequestItems).map(([name, r]) => [name, r.Keys.flatMap((key) => (table.has(k(key)) ? [structuredClone(table.get(k(key))!)] : []))]),
    ),
  }));
  ddbMock.on(QueryCommand).callsFake(query);
  ddbMock.on(ScanCommand).rejects(new Error('No Scan, ever'));
  ddbMock.on(PutCommand).callsFake((input: { Item: Item; ConditionExpression?: string }) => {
    if (exists(input)) throw new ConditionalCheckFailedException({ message: 'exists', $metadata: {} });
    put(input.Item);
    return {};
  });
  ddbMock
    .on(TransactWriteCommand)
    .callsFake((input: { TransactItems: { Put?: { Item: Item; ConditionExpression?: string }; Update?: Parameters<typeof applyUpdate>[0] }[] }) => {
      const reasons = input.TransactItems.map((t) => ({ Code: t.Put && exists(t.Put) ? 'ConditionalCheckFailed' : 'None' }));
      if (reasons.some((r) => r.Code !== 'None')) throw new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: reasons });
      for (const t of input.TransactItems) {
        if (t.Put) put(t.Put.Item);
        if (t.Update) applyUpdate(t.Update);
      }
      return {};
    });
  ddbMock.on(UpdateCommand).callsFake((input: Parameters<typeof applyUpdate>[0]) => ({ Attributes: structuredClone(applyUpdate(input)) }));
  sfnMock.onAnyCommand().resolves({});
  sfnMock.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
}

const TABLE_WRITES = [PutCommand, UpdateCommand, TransactWriteCommand, DeleteCommand, BatchWriteCommand] as const;
const WORKFLOW_WRITES = [StartExecutionCommand, SendTaskSuccessCommand, SendTaskFailureCommand, SendTaskHeartbeatCommand] as const;

/** Writes the handlers sent to the table (Put, Update, TransactWrite, Delete, BatchWrite), for "nothing written" checks. */
export function writeCount(): number {
  return TABLE_WRITES.reduce((n, c) => n + ddbMock.commandCalls(c as never).length, 0);
}

/** Every write to the table and to Step Functions, one line each (for a failure message). */
export function writes(): string[] {
  return [
    ...TABLE_WRITES.flatMap((c) => ddbMock.commandCalls(c as never).map((call) => `${c.name} ${JSON.stringify(call.args[0].input).slice(0, 160)}`)),
    ...WORKFLOW_WRITES.flatMap((c) => sfnMock.commandCalls(c as never).map(() => c.name)),
  ];
}

// The events moved to ./lambda; kept importable from here.
export { type Call, type Caller, invoke, jwtEvent } from './lambda';
