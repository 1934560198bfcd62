/** 360° invitations of an evaluation (access pattern #14). */
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent, InvitationRecord } from '../../domain/records';
import { ddb } from '../aws-clients';
import { keys, prefixes } from './keys';
import { auditPut, isConditionalFailure, queryAll, strip, type TransactItem, table } from './table';

export function invitationsOf(cycleId: string, nip: string) {
  return queryAll<InvitationRecord>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': keys.evaluation(cycleId, nip).PK, ':sk': prefixes.invitation },
  });
}

export async function getInvitation(cycleId: string, nip: string, peerNip: string): Promise<InvitationRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.invitation(cycleId, nip, peerNip), ConsistentRead: true }));
  return strip(out.Item) as InvitationRecord | undefined;
}

/**
 * Writes new invitations and their one audit event in one transaction; each invitation only if that
 * pair has none yet. 'exists' when any of them was written meanwhile (the caller re-reads).
 */
export async function putInvitations(invitations: InvitationRecord[], audit: AuditEvent): Promise<'applied' | 'exists'> {
  const first = invitations[0];
  if (!first) return 'applied';
  try {
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          ...invitations.map(
            (i): TransactItem => ({
              Put: {
                TableName: table(),
                Item: { ...keys.invitation(i.cycleId, i.nip, i.peerNip), type: 'INVITATION', ...i },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            }),
          ),
          auditPut(first.cycleId, first.nip, audit),
        ],
      }),
    );
    return 'applied';
  } catch (err) {
    if (isConditionalFailure(err)) return 'exists';
    throw err;
  }
}
