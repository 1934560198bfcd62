/**
 * Documents' metadata and coaching plans on the single table (access patterns #28–#31 in
 * shared/adapters/dynamodb/keys.ts). Every write is conditional: a document is recorded once and the
 * "current" pointer moves only from the version it was read at; a plan changes only at its version.
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CoachingRepository, DocumentRecord, DocumentRegistry } from '../../application/ports';
import type { CoachingPlan } from '../../domain/coaching';
import { ddb } from '../aws-clients';
import { auditTrail } from '../dynamodb/evaluations';
import { GSI1, keys, prefixes } from '../dynamodb/keys';
import { auditPut, isConditionalFailure, queryAll, strip, table } from '../dynamodb/table';
import { transactWrite } from '../dynamodb/transact';

const POINTER_ONLY = ['pointsTo'];

export const documentRegistry: DocumentRegistry = {
  async get(code) {
    const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.document(code), ConsistentRead: true }));
    return strip<DocumentRecord>(out.Item, 'type');
  },
  async current(cycleId, subject, kind, variant) {
    const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.currentDocument(cycleId, subject, kind, variant), ConsistentRead: true }));
    return strip<DocumentRecord>(out.Item, 'type', ...POINTER_ONLY);
  },
  async currentOf(cycleId, subject) {
    const items = await queryAll<DocumentRecord>({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.currentDocument(cycleId, subject, '', '').PK, ':sk': prefixes.currentDocument },
    });
    return items.map((i) => strip<DocumentRecord>(i as unknown as Record<string, unknown>, 'type', ...POINTER_ONLY)!);
  },
  async record(doc, previous) {
    const pointer = keys.currentDocument(doc.cycleId, doc.subject, doc.kind, doc.variant);
    try {
      await transactWrite([
        { Put: { TableName: table(), Item: { ...keys.document(doc.code), type: 'DOCUMENT', ...doc }, ConditionExpression: 'attribute_not_exists(PK)' } },
        {
          Put: {
            TableName: table(),
            Item: { ...pointer, type: 'DOCUMENT_CURRENT', ...doc, pointsTo: doc.code },
            // The pointer moves only from the version this call read (none, or `previous`).
            ...(previous
              ? { ConditionExpression: 'pointsTo = :prev', ExpressionAttributeValues: { ':prev': previous.code } }
              : { ConditionExpression: 'attribute_not_exists(PK)' }),
          },
        },
        ...(previous
          ? [
              {
                Update: {
                  TableName: table(),
                  Key: keys.document(previous.code),
                  UpdateExpression: 'SET #s = :sup, supersededAt = :at, supersededBy = :by',
                  ConditionExpression: '#s = :cur',
                  ExpressionAttributeNames: { '#s': 'status' },
                  ExpressionAttributeValues: { ':sup': 'SUPERSEDED', ':cur': 'CURRENT', ':at': doc.generatedAt, ':by': doc.code },
                },
              },
            ]
          : []),
      ]);
      return 'applied';
    } catch (err) {
      if (isConditionalFailure(err)) return 'conflict';
      throw err;
    }
  },
};

const openIndex = (plan: CoachingPlan) =>
  plan.status === 'OPEN' && plan.nextSessionDue ? keys.openCoachingPlan(plan.agencyId, plan.nextSessionDue, plan.cycleId, plan.nip) : {};

export const coachingRepository: CoachingRepository = {
  async get(cycleId, nip) {
    const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.coachingPlan(cycleId, nip), ConsistentRead: true }));
    return strip<CoachingPlan>(out.Item, 'type');
  },
  async create(plan) {
    try {
      await ddb.send(
        new PutCommand({
          TableName: table(),
          Item: { ...keys.coachingPlan(plan.cycleId, plan.nip), ...openIndex(plan), type: 'COACHING_PLAN', ...plan },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalFailure(err)) return false;
      throw err;
    }
  },
  async update(plan, expectedVersion, audit) {
    try {
      await transactWrite([
        {
          Put: {
            TableName: table(),
            // A closed plan leaves the open-plans index (the GSI keys are simply not written).
            Item: { ...keys.coachingPlan(plan.cycleId, plan.nip), ...openIndex(plan), type: 'COACHING_PLAN', ...plan },
            ConditionExpression: 'version = :v',
            ExpressionAttributeValues: { ':v': expectedVersion },
          },
        },
        auditPut(plan.cycleId, plan.nip, audit),
      ]);
      return 'applied';
    } catch (err) {
      if (isConditionalFailure(err)) return 'conflict';
      throw err;
    }
  },
  async openPage(agencyId, opts) {
    const pk = keys.openCoachingPlan(agencyId, '', '', '').GSI1PK;
    const out = await ddb.send(
      new QueryCommand({
        TableName: table(),
        IndexName: GSI1,
        KeyConditionExpression: opts.dueBefore ? 'GSI1PK = :pk AND GSI1SK < :due' : 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': pk, ...(opts.dueBefore ? { ':due': opts.dueBefore } : {}) },
        Limit: opts.limit,
        ...(opts.start ? { ExclusiveStartKey: opts.start } : {}),
      }),
    );
    return { items: (out.Items ?? []).map((i) => strip<CoachingPlan>(i, 'type')!), ...(out.LastEvaluatedKey ? { next: out.LastEvaluatedKey } : {}) };
  },
};

export const auditOf = (cycleId: string, nip: string) => auditTrail(cycleId, nip);
