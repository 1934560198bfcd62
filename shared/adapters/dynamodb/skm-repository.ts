/**
 * Persistence of the survey (access patterns 21–27 in shared/adapters/dynamodb/keys.ts). A submission is one
 * TransactWriteItems: the response, the running totals (ADD per unsur and count, so IKM is one read),
 * the client's daily counter (conditional, with TTL), the idempotency record and the comment when there
 * is one. A moderation is one too: the comment's status (conditional on PENDING), its audit event and,
 * on approval, one evidence item per named employee.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../application/errors';
import { config } from '../../config';
import type {
  CommentRecord,
  EvidenceRecord,
  IdempotencyRecord,
  ModerationWrite,
  ResponseRecord,
  SubmissionOutcome,
  SubmissionWrite,
} from '../../domain/records';
import type { SkmTotals } from '../../domain/skm/ikm';
import type { CommentStatus } from '../../domain/skm/submission';
import { SKM_UNSUR } from '../../domain/skm/survey';
import { ddb } from '../aws-clients';
import { GSI1, GSI2, keys } from './keys';
import { strip } from './table';
import { cancellationCodes, isTransient, type TransactItem, transactWrite } from './transact';

const table = () => config().TABLE_NAME;

export type {
  CommentRecord,
  EvidenceRecord,
  IdempotencyRecord,
  ModerationWrite,
  ResponseRecord,
  SubmissionOutcome,
  SubmissionWrite,
} from '../../domain/records';

const sumAttr = (u: number) => `sum${u + 1}`;
/** How many respondents left unsur u blank (absent on totals written before blanks were allowed = 0). */
const blankAttr = (u: number) => `blank${u + 1}`;

/**
 * Runs a transaction under the table's one retry policy (transact.ts). Which items failed their
 * condition, by index; a transaction still contended after every attempt is a ConflictError (409,
 * "try again"), never a 500.
 */
async function transact(items: TransactItem[]): Promise<{ ok: true } | { ok: false; failed: Set<number> }> {
  try {
    await transactWrite(items);
    return { ok: true };
  } catch (err) {
    const codes = cancellationCodes(err);
    if (!codes) throw err;
    if (isTransient(err))
      throw new ConflictError('Busy: a concurrent change to the same record; try again', 'Sedang sibuk karena perubahan bersamaan; silakan coba lagi');
    const failed = new Set<number>();
    codes.forEach((c, i) => {
      if (c === 'ConditionalCheckFailed') failed.add(i);
    });
    return { ok: false, failed };
  }
}

// ─── reads ─────────────────────────────────────────────────────────────────────────────────────────

export async function unitExists(agencyId: string, unitId: string): Promise<boolean> {
  const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.unit(agencyId, unitId), ProjectionExpression: 'PK' }));
  return Boolean(out.Item);
}

export async function getTotals(unitId: string, period: string): Promise<SkmTotals | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.skmTotals(unitId, period) }));
  const item = out.Item;
  if (!item || typeof item.respondents !== 'number' || item.respondents <= 0) return undefined;
  const respondents = item.respondents;
  return {
    respondents,
    sums: SKM_UNSUR.map((_, u) => Number(item[sumAttr(u)] ?? 0)),
    counts: SKM_UNSUR.map((_, u) => respondents - Number(item[blankAttr(u)] ?? 0)),
  };
}

export async function getIdempotency(unitId: string, keyHash: string): Promise<IdempotencyRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.skmIdempotency(unitId, keyHash), ConsistentRead: true }));
  const i = out.Item;
  return i ? { receiptId: String(i.receiptId), period: String(i.period), fingerprint: String(i.fingerprint), expiresAt: Number(i.expiresAt) } : undefined;
}

export async function getComment(commentId: string): Promise<CommentRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: table(), Key: keys.skmComment(commentId), ConsistentRead: true }));
  return strip<CommentRecord>(out.Item, 'type');
}

/** One page of the moderation queue, oldest first: GSI1 per agency and status, or GSI2 per unit. */
export async function commentsPage(
  agencyId: string,
  status: CommentStatus,
  unitId: string | undefined,
  cursor: Record<string, string> | undefined,
  limit: number,
): Promise<{ items: CommentRecord[]; next?: Record<string, unknown> }> {
  const byUnit = unitId !== undefined;
  const pk = byUnit ? keys.skmCommentsByUnit(agencyId, unitId, status, '', '').GSI2PK : keys.skmCommentsByStatus(agencyId, status, '', '').GSI1PK;
  const out = await ddb.send(
    new QueryCommand({
      TableName: table(),
      IndexName: byUnit ? GSI2 : GSI1,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': byUnit ? 'GSI2PK' : 'GSI1PK' },
      ExpressionAttributeValues: { ':pk': pk },
      ExclusiveStartKey: cursor,
      Limit: limit,
    }),
  );
  return { items: (out.Items ?? []).map((i) => strip<CommentRecord>(i, 'type')!), next: out.LastEvaluatedKey };
}

/** Approved evidence naming an employee, for the periods of one year (SK `YYYY-MM#id`). */
export async function evidenceOfYear(agencyId: string, nip: string, year: number): Promise<EvidenceRecord[]> {
  const all: EvidenceRecord[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const out = await ddb.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :year)',
        ExpressionAttributeValues: { ':pk': keys.skmEvidence(agencyId, nip, '', '').PK, ':year': `${String(year).padStart(4, '0')}-` },
        ExclusiveStartKey: cursor,
      }),
    );
    all.push(...(out.Items ?? []).map((i) => strip<EvidenceRecord>(i, 'type')!));
    cursor = out.LastEvaluatedKey;
  } while (cursor);
  return all;
}

// ─── submission ────────────────────────────────────────────────────────────────────────────────────

/** One response added to its unit's running totals for the month. */
function totalsUpdate(r: Pick<ResponseRecord, 'agencyId' | 'unitId' | 'period' | 'answers' | 'createdAt'>): TransactItem {
  const sums = SKM_UNSUR.map((_, u) => `${sumAttr(u)} :a${u}`)
    .concat(SKM_UNSUR.flatMap((_, u) => (r.answers[u] == null ? [`${blankAttr(u)} :one`] : [])))
    .join(', ');
  return {
    Update: {
      TableName: table(),
      Key: keys.skmTotals(r.unitId, r.period),
      UpdateExpression: `SET agencyId = :agency, unitId = :unit, #period = :period, #type = :type, updatedAt = :at ADD respondents :one, ${sums}`,
      ExpressionAttributeNames: { '#period': 'period', '#type': 'type' },
      ExpressionAttributeValues: {
        ':agency': r.agencyId,
        ':unit': r.unitId,
        ':period': r.period,
        ':type': 'SKM_TOTALS',
        ':at': r.createdAt,
        ':one': 1,
        ...Object.fromEntries(r.answers.map((a, u) => [`:a${u}`, a ?? 0])),
      },
    },
  };
}

export async function writeSubmission(w: SubmissionWrite): Promise<SubmissionOutcome> {
  const { response: r, comment: c } = w;
  const items: TransactItem[] = [
    {
      Update: {
        TableName: table(),
        Key: keys.skmDailyLimit(r.unitId, w.limit.day, w.limit.client),
        UpdateExpression: 'SET expiresAt = :exp ADD submissions :one',
        ConditionExpression: 'attribute_not_exists(submissions) OR submissions < :max',
        ExpressionAttributeValues: { ':exp': w.limit.expiresAt, ':one': 1, ':max': w.limit.max },
      },
    },
    {
      Put: {
        TableName: table(),
        Item: { ...keys.skmResponse(r.unitId, r.period, r.responseId), type: 'SKM_RESPONSE', ...r },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    // A held submission (a suspicious burst) waits for HR: it is not counted until approved.
    ...(r.held ? [] : [totalsUpdate(r)]),
  ];
  // A suspicious burst: the same answers from this client already counted `max` times in this window.
  const burstIndex = w.burst ? items.length : -1;
  if (w.burst) {
    items.push({
      Update: {
        TableName: table(),
        Key: keys.skmBurst(w.burst.key),
        UpdateExpression: 'SET expiresAt = :exp ADD submissions :one',
        ConditionExpression: 'attribute_not_exists(submissions) OR submissions < :max',
        ExpressionAttributeValues: { ':exp': w.burst.expiresAt, ':one': 1, ':max': w.burst.max },
      },
    });
  }
  const idemIndex = w.idempotency ? items.length : -1;
  if (w.idempotency) {
    items.push({
      Put: {
        TableName: table(),
        Item: { ...keys.skmIdempotency(r.unitId, w.idempotency.keyHash), type: 'SKM_IDEMPOTENCY', ...w.idempotency.record },
        // An expired record that DynamoDB has not deleted yet does not block a new submission.
        ConditionExpression: 'attribute_not_exists(PK) OR expiresAt < :now',
        ExpressionAttributeValues: { ':now': w.idempotency.now },
      },
    });
  }
  if (c) {
    items.push({
      Put: {
        TableName: table(),
        Item: {
          ...keys.skmComment(c.commentId),
          ...keys.skmCommentsByStatus(c.agencyId, c.status, c.createdAt, c.commentId),
          ...keys.skmCommentsByUnit(c.agencyId, c.unitId, c.status, c.createdAt, c.commentId),
          type: 'SKM_COMMENT',
          ...c,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    });
  }
  const out = await transact(items);
  if (out.ok) return 'written';
  // A retried submission whose first attempt went through is a duplicate, even when the client's
  // counter is now full; otherwise a full counter is the reason.
  if (out.failed.has(idemIndex)) return 'duplicate';
  if (out.failed.has(0)) return 'limited';
  if (out.failed.has(burstIndex)) return 'burst';
  throw new Error('SKM submission cancelled: a fresh id collided'); // response/comment ids are random
}

// ─── moderation ────────────────────────────────────────────────────────────────────────────────────

/** PENDING → APPROVED/REJECTED with its audit event and evidence; false if the comment was no longer PENDING. */
export async function writeModeration(m: ModerationWrite): Promise<boolean> {
  const c = m.comment;
  const items: TransactItem[] = [
    {
      Update: {
        TableName: table(),
        Key: keys.skmComment(c.commentId),
        UpdateExpression:
          'SET #status = :to, GSI1PK = :g1, GSI2PK = :g2, moderatedAt = :at, moderatedBy = :by, lastChangeId = :change, linkedNips = :linked' +
          (m.reason ? ', moderationReason = :reason' : ''),
        ConditionExpression: '#status = :pending AND agencyId = :agency',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':to': m.to,
          ':g1': keys.skmCommentsByStatus(c.agencyId, m.to, c.createdAt, c.commentId).GSI1PK,
          ':g2': keys.skmCommentsByUnit(c.agencyId, c.unitId, m.to, c.createdAt, c.commentId).GSI2PK,
          ':at': m.at,
          ':by': m.by,
          ':change': m.changeId,
          ':linked': m.linkedNips,
          ':pending': 'PENDING',
          ':agency': c.agencyId,
          ...(m.reason ? { ':reason': m.reason } : {}),
        },
      },
    },
    {
      Put: {
        TableName: table(),
        Item: {
          ...keys.skmCommentAudit(c.commentId, m.at, m.eventId),
          type: 'AUDIT',
          eventId: m.eventId,
          at: m.at,
          actor: { nip: m.by.nip, role: 'hr', ...(m.by.name ? { name: m.by.name } : {}) },
          action: `SKM_COMMENT:${m.to === 'APPROVED' ? 'APPROVE' : 'REJECT'}`,
          before: { status: 'PENDING' },
          after: { status: m.to, linkedNips: m.linkedNips },
          ...(m.reason ? { reason: m.reason } : {}),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    ...(m.to === 'APPROVED'
      ? m.linkedNips.map(
          (nip): TransactItem => ({
            Put: {
              TableName: table(),
              Item: {
                ...keys.skmEvidence(c.agencyId, nip, c.period, c.commentId),
                type: 'SKM_EVIDENCE',
                agencyId: c.agencyId,
                nip,
                commentId: c.commentId,
                unitId: c.unitId,
                period: c.period,
                text: c.text,
                answers: c.answers,
                approvedAt: m.at,
              } satisfies Record<string, unknown> & EvidenceRecord,
            },
          }),
        )
      : []),
    // A held submission HR approves is counted now, in the month it was submitted for.
    ...(m.to === 'APPROVED' && c.held ? [totalsUpdate({ agencyId: c.agencyId, unitId: c.unitId, period: c.period, answers: c.answers, createdAt: m.at })] : []),
  ];
  const out = await transact(items);
  return out.ok;
}
