/** Bukti dukung records (access pattern #28 in keys.ts: in the evaluation's partition, SK=EVIDENCE#id). */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { EvidenceRepository } from '../../application/ports';
import type { EvidenceItem } from '../../domain/evidence';
import { ddb } from '../aws-clients';
import { keys, prefixes } from './keys';
import { isConditionalFailure, queryAll, strip, table } from './table';

export function dynamoEvidence(): EvidenceRepository {
  return {
    async get(cycleId, nip, evidenceId) {
      const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.evidence(cycleId, nip, evidenceId), ConsistentRead: true }));
      return strip<EvidenceItem>(out.Item, 'type');
    },
    ofEvaluation(cycleId, nip) {
      return queryAll<EvidenceItem & { type?: string }>({
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': keys.evaluation(cycleId, nip).PK, ':sk': prefixes.evidence },
        ConsistentRead: true,
      }).then((items) => items.map(({ type: _t, ...i }) => i as EvidenceItem));
    },
    async create(item) {
      try {
        await ddb.send(
          new PutCommand({
            TableName: table(),
            Item: { ...keys.evidence(item.cycleId, item.nip, item.evidenceId), type: 'EVIDENCE', ...item },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        return true;
      } catch (err) {
        if (isConditionalFailure(err)) return false;
        throw err;
      }
    },
    async markStored(cycleId, nip, evidenceId, { size, storedAt }) {
      try {
        await ddb.send(
          new UpdateCommand({
            TableName: table(),
            Key: keys.evidence(cycleId, nip, evidenceId),
            UpdateExpression: 'SET #s = :stored, size = :size, storedAt = :at REMOVE expiresAt',
            ConditionExpression: '#s = :pending',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':stored': 'STORED', ':pending': 'PENDING', ':size': size, ':at': storedAt },
          }),
        );
        return true;
      } catch (err) {
        if (isConditionalFailure(err)) return false;
        throw err;
      }
    },
    async remove(cycleId, nip, evidenceId) {
      try {
        await ddb.send(new DeleteCommand({ TableName: table(), Key: keys.evidence(cycleId, nip, evidenceId), ConditionExpression: 'attribute_exists(PK)' }));
        return true;
      } catch (err) {
        if (isConditionalFailure(err)) return false;
        throw err;
      }
    },
  };
}
