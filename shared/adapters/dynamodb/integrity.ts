/**
 * The integrity ports on the table (issue #12): the first answer of an API write by Idempotency-Key
 * (#40) and survey kiosks (#41); the survey's burst counters (#42) are written with its submission
 * (./skm-repository.ts). Keys in ./keys.ts.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ApiIdempotency, KioskRecord, SkmKiosks, StoredAnswer } from '../../application/ports';
import { ddb } from '../aws-clients';
import { keys } from './keys';
import { isConditionalFailure, strip, table } from './table';

export const apiIdempotency: ApiIdempotency = {
  async get(keyHash) {
    const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.apiIdempotency(keyHash), ConsistentRead: true }));
    return strip<StoredAnswer>(out.Item, 'type');
  },
  async put(keyHash, answer, nowSeconds) {
    try {
      await ddb.send(
        new PutCommand({
          TableName: table(),
          Item: { ...keys.apiIdempotency(keyHash), type: 'API_IDEMPOTENCY', ...answer },
          // An expired answer DynamoDB has not deleted yet does not block a new one.
          ConditionExpression: 'attribute_not_exists(PK) OR expiresAt < :now',
          ExpressionAttributeValues: { ':now': nowSeconds },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalFailure(err)) return false;
      throw err;
    }
  },
};

export const skmKiosks: SkmKiosks = {
  async put(k) {
    await ddb.send(
      new PutCommand({ TableName: table(), Item: { ...keys.skmKiosk(k.kioskId), type: 'SKM_KIOSK', ...k }, ConditionExpression: 'attribute_not_exists(PK)' }),
    );
  },
  async get(kioskId) {
    const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.skmKiosk(kioskId), ConsistentRead: true }));
    return strip<KioskRecord>(out.Item, 'type');
  },
  async revoke(kioskId, agencyId, by, at) {
    try {
      await ddb.send(
        new UpdateCommand({
          TableName: table(),
          Key: keys.skmKiosk(kioskId),
          UpdateExpression: 'SET revokedAt = :at, revokedBy = :by',
          ConditionExpression: 'attribute_exists(PK) AND agencyId = :agency AND attribute_not_exists(revokedAt)',
          ExpressionAttributeValues: { ':at': at, ':by': by, ':agency': agencyId },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalFailure(err)) return false;
      throw err;
    }
  },
};
