/** One place where AWS SDK clients are made; handlers import these instead of constructing their own. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';

export const dynamoClient = new DynamoDBClient({ maxAttempts: 6 });
export const ddb = DynamoDBDocumentClient.from(dynamoClient, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});
export const sfn = new SFNClient({ maxAttempts: 4 });
