/** Plt/Plh delegations (access pattern #4 in keys.ts: under the agency, one item per delegator and start day). */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../../config';
import type { Delegation } from '../../domain/records';
import { ddb } from '../aws-clients';
import { keys, prefixes } from './keys';
import { queryAll } from './table';

export async function putDelegation(agencyId: string, d: Delegation): Promise<void> {
  await ddb.send(
    new PutCommand({
      TableName: config().TABLE_NAME,
      Item: { ...keys.delegation(agencyId, d.delegatorNip, d.from), type: 'DELEGATION', agencyId, ...d },
    }),
  );
}

export function delegationsOf(agencyId: string, delegatorNip: string): Promise<Delegation[]> {
  return queryAll<Delegation>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': `AGENCY#${agencyId}`, ':sk': prefixes.delegation(delegatorNip) },
  });
}
