/**
 * HR's acknowledgements of rater-bias flags (access patterns 35–36 in keys.ts): one item per rater per
 * cycle, written once (conditional on not existing) together with its audit event.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { RaterBiasAcknowledgement } from '../../domain/rater-bias';
import type { AuditEvent } from '../../domain/records';
import { ddb } from '../aws-clients';
import { keys, prefixes } from './keys';
import { strip, table } from './table';
import { cancellationCodes, transactWrite } from './transact';

export async function acknowledgementsOf(cycleId: string): Promise<RaterBiasAcknowledgement[]> {
  const out: RaterBiasAcknowledgement[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': keys.cycle(cycleId).PK, ':sk': prefixes.raterBiasAck },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) out.push(strip<RaterBiasAcknowledgement>(item, 'type')!);
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

export async function getAcknowledgement(cycleId: string, raterNip: string): Promise<RaterBiasAcknowledgement | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.raterBiasAck(cycleId, raterNip), ConsistentRead: true }));
  return strip<RaterBiasAcknowledgement>(out.Item, 'type');
}

/** Written once: false when an acknowledgement of this rater in this cycle already exists (nothing written). */
export async function putAcknowledgement(ack: RaterBiasAcknowledgement, audit: AuditEvent): Promise<boolean> {
  try {
    await transactWrite([
      {
        Put: {
          TableName: table(),
          Item: { ...keys.raterBiasAck(ack.cycleId, ack.raterNip), type: 'RATERBIAS_ACK', ...ack },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Put: {
          TableName: table(),
          Item: { ...keys.raterBiasAudit(ack.cycleId, ack.raterNip, audit.at, audit.eventId), type: 'AUDIT', ...audit },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ]);
    return true;
  } catch (err) {
    if (cancellationCodes(err)?.includes('ConditionalCheckFailed')) return false;
    throw err;
  }
}
