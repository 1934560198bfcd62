/** Decisions by id and the pending ones of a recipient (access patterns #18, #19). */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Actor, DecisionRecord } from '../../domain/records';
import { ddb } from '../aws-clients';
import { GSI1, keys } from './keys';
import { isConditionalFailure, queryAll, strip, type TransactItem, table } from './table';

// ─── decisions ─────────────────────────────────────────────────────────────────────────────────────

export function decisionPut(d: DecisionRecord): TransactItem {
  return {
    Put: {
      TableName: table(),
      Item: { ...keys.decision(d.decisionId), ...keys.decisionTodo(d.cycleId, d.recipientNip, d.kind, d.decisionId), type: 'DECISION', ...d },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

export async function getDecision(decisionId: string): Promise<DecisionRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.decision(decisionId), ConsistentRead: true }));
  return strip(out.Item) as DecisionRecord | undefined;
}

/** Marks a pending decision decided, inside the caller's transaction; fails if anyone decided first. */
export function decideDecisionUpdate(decisionId: string, by: Actor, at: string, outcome: string, comment?: string): TransactItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.decision(decisionId),
      UpdateExpression: 'SET #status = :decided, decidedBy = :by, decidedAt = :at, outcome = :outcome, #comment = :comment REMOVE GSI1PK, GSI1SK',
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status', '#comment': 'comment' },
      ExpressionAttributeValues: { ':decided': 'DECIDED', ':pending': 'PENDING', ':by': by, ':at': at, ':outcome': outcome, ':comment': comment ?? '' },
    },
  };
}

export function pendingDecisionsOf(cycleId: string, recipientNip: string) {
  return queryAll<DecisionRecord>({
    IndexName: GSI1,
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': `CYCLE#${cycleId}#TODO#${recipientNip}` },
  });
}

/** Moves a pending decision to a new recipient (transfer, handover), inside the caller's transaction. */
export function reassignDecisionUpdate(d: DecisionRecord, recipientNip: string): TransactItem {
  const todo = keys.decisionTodo(d.cycleId, recipientNip, d.kind, d.decisionId);
  return {
    Update: {
      TableName: table(),
      Key: keys.decision(d.decisionId),
      UpdateExpression: 'SET recipientNip = :r, previousRecipients = list_append(if_not_exists(previousRecipients, :empty), :prev), GSI1PK = :pk, GSI1SK = :sk',
      ConditionExpression: '#status = :pending AND recipientNip = :old',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':r': recipientNip,
        ':prev': [d.recipientNip],
        ':empty': [],
        ':pk': todo.GSI1PK,
        ':sk': todo.GSI1SK,
        ':pending': 'PENDING',
        ':old': d.recipientNip,
      },
    },
  };
}

export async function markDecisionEscalated(decisionId: string, to: string[]): Promise<void> {
  await ddb
    .send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.decision(decisionId),
        UpdateExpression: 'SET escalatedTo = :to',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':to': to, ':pending': 'PENDING' },
      }),
    )
    .catch((err) => {
      if (!isConditionalFailure(err)) throw err;
    });
}
