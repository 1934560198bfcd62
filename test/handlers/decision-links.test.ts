/**
 * The decision-link handler with AWS mocked: GET and HEAD never write; only a POST from the
 * confirmation page decides; a decided item shows who decided; bad links change nothing.
 */
import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { context, httpEvent, setEnv } from '../support/lambda';

setEnv();
const { ddbMock, sfnMock, prime, put } = await import('../support/memory-table');
const { CYCLE, NIP, seedWorld } = await import('../support/world');
const { keys: tableKeys } = await import('../../shared/adapters/dynamodb/keys');

const { handler } = await import('../../functions/decision-links/handler');
const { buildDecisionUrl } = await import('../../shared/adapters/links/links');
const { deps } = await import('../../shared/composition');

const DECISION_ID = 'd0000000000000000000000000000001';
const pending = {
  decisionId: DECISION_ID,
  kind: 'EVALUATION_APPROVAL',
  cycleId: CYCLE,
  stage: 'APPROVAL',
  subjectNip: NIP.employee,
  recipientNip: NIP.approver,
  status: 'PENDING',
  createdAt: '2027-01-20T01:00:00.000Z',
};

let link: string;
beforeAll(async () => {
  const keys = await deps.linkKeys().keys();
  link = buildDecisionUrl(
    'https://api.example.test',
    { decisionId: DECISION_ID, action: 'approve', recipient: NIP.approver, expiresAt: Math.floor(Date.now() / 1000) + 3600 },
    keys.current,
  );
});

/** The world at the approval stage (E awaiting approval by the rater's rater), the decision and the stage's task token. */
function primeStore(decision: Record<string, unknown>) {
  prime(() => {
    seedWorld({ stage: 'APPROVAL', status: 'AWAITING_APPROVAL', othersStatus: 'MONITORING', evaluation: { [NIP.employee]: { predikat: 'BAIK' } } });
    put({ ...tableKeys.decision(DECISION_ID), type: 'DECISION', ...decision });
    put({ ...tableKeys.stage(CYCLE, 'APPROVAL'), type: 'STAGE', cycleId: CYCLE, stage: 'APPROVAL', total: 1, done: 1, taskToken: 'secret-task-token' });
  });
}

const formBody = (fields: Record<string, string>) => Buffer.from(new URLSearchParams(fields).toString()).toString('base64');
function hiddenFields(page: string): Record<string, string> {
  return Object.fromEntries([...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

describe('decision links', () => {
  beforeEach(() => primeStore(pending));

  it('GET shows the confirmation page and writes nothing', async () => {
    const res = await handler(httpEvent('GET', link.replace('https://api.example.test', '')), context);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Siti Rahmawati');
    expect(res.body).toContain('Seksi Kesra');
    expect(res.body).toMatch(/<form method="post"/);
    // No unit list is read for one item.
    expect(ddbMock.commandCalls(QueryCommand).filter((c) => String(c.args[0].input.ExpressionAttributeValues?.[':sk']).startsWith('UNIT#'))).toHaveLength(0);
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
    expect(ddbMock.commandCalls(UpdateCommand)).toHaveLength(0);
    expect(sfnMock.commandCalls(SendTaskSuccessCommand)).toHaveLength(0);
    expect(res.body).not.toContain('secret-task-token');
  });

  it('HEAD (a link scanner) gets headers only and writes nothing', async () => {
    const res = await handler(httpEvent('HEAD', link.replace('https://api.example.test', '')), context);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('POST from the page decides: one transaction with the audit event and counters, then releases the stage', async () => {
    const page = (await handler(httpEvent('GET', link.replace('https://api.example.test', '')), context)).body as string;
    const fields = { ...hiddenFields(page), decision: 'approve', comment: 'Setuju' };
    const res = await handler(httpEvent('POST', `/v1/decisions/${DECISION_ID}`, { body: formBody(fields), isBase64Encoded: true }), context);
    expect(res.statusCode).toBe(200);
    const tx = ddbMock.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    // evaluation, audit event, the unit's counters, the decision, the stage's counter
    expect(tx.map((i) => Object.keys(i)[0])).toEqual(['Update', 'Put', 'Update', 'Update', 'Update']);
    expect(JSON.stringify(tx)).toContain('AUDIT#');
    expect(tx[2]!.Update!.Key!.SK).toBe('UNITSTAT#seksi-kesra');
    expect(tx[2]!.Update!.UpdateExpression).toContain('ADD');
    expect(sfnMock.commandCalls(SendTaskSuccessCommand)[0]!.args[0].input.taskToken).toBe('secret-task-token');
  });

  it('POST reads what it needs once: the decision, the cycle, the evaluation, then the stage record', async () => {
    const page = (await handler(httpEvent('GET', link.replace('https://api.example.test', '')), context)).body as string;
    ddbMock.resetHistory();
    const res = await handler(
      httpEvent('POST', `/v1/decisions/${DECISION_ID}`, { body: formBody({ ...hiddenFields(page), decision: 'approve', comment: '' }), isBase64Encoded: true }),
      context,
    );
    expect(res.statusCode).toBe(200);
    const reads = ddbMock.commandCalls(GetCommand).map((c) => String(c.args[0].input.Key!.SK));
    expect(reads).toEqual(['DECISION', 'META', 'EVAL', 'STAGE#APPROVAL']);
    // The link is the recipient's own: no delegation look-up.
    expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(0);
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('POST to return without a reason is refused and changes nothing', async () => {
    const page = (await handler(httpEvent('GET', link.replace('https://api.example.test', '')), context)).body as string;
    const res = await handler(
      httpEvent('POST', `/v1/decisions/${DECISION_ID}`, { body: formBody({ ...hiddenFields(page), decision: 'return', comment: ' ' }), isBase64Encoded: true }),
      context,
    );
    expect(res.statusCode).toBe(422);
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('a second click shows who decided and when, with no second effect', async () => {
    primeStore({
      ...pending,
      status: 'DECIDED',
      outcome: 'approve',
      decidedAt: '2027-01-21T03:00:00.000Z',
      decidedBy: { nip: NIP.approver, role: 'approver' },
    });
    const res = await handler(httpEvent('GET', link.replace('https://api.example.test', '')), context);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Drs. Bambang Sutrisno');
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it.each([
    ['tampered signature', (u: string) => u.replace(/s=[^&]+/, 's=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), 403],
    ['another decision id', (u: string) => u.replace(DECISION_ID, 'd0000000000000000000000000000002'), 403],
    ['altered expiry', (u: string) => u.replace(/e=\d+/, 'e=9999999999'), 403],
    ['malformed', (u: string) => u.split('?')[0]!, 400],
  ])('a %s link ends on a clear page and changes nothing', async (_name, mutate, status) => {
    const res = await handler(httpEvent('GET', mutate(link.replace('https://api.example.test', ''))), context);
    expect(res.statusCode).toBe(status);
    expect(res.headers?.['content-type']).toMatch(/text\/html/);
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('an expired link (signed, past its expiry) says how to get a new one, with 410', async () => {
    const keys = await deps.linkKeys().keys();
    const expired = buildDecisionUrl(
      'https://api.example.test',
      { decisionId: DECISION_ID, action: 'approve', recipient: NIP.approver, expiresAt: Math.floor(Date.now() / 1000) - 1 },
      keys.current,
    );
    const res = await handler(httpEvent('GET', expired.replace('https://api.example.test', '')), context);
    expect(res.statusCode).toBe(410);
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('a link issued to someone else does not decide', async () => {
    const keys = await deps.linkKeys().keys();
    const forOther = buildDecisionUrl(
      'https://api.example.test',
      { decisionId: DECISION_ID, action: 'approve', recipient: NIP.other, expiresAt: Math.floor(Date.now() / 1000) + 3600 },
      keys.current,
    );
    const res = await handler(httpEvent('GET', forOther.replace('https://api.example.test', '')), context);
    expect(res.statusCode).toBe(403);
  });

  it('a task token that already timed out is not an error for the person deciding', async () => {
    sfnMock.on(SendTaskSuccessCommand).rejects(Object.assign(new Error('closed'), { name: 'TaskTimedOut' }));
    const page = (await handler(httpEvent('GET', link.replace('https://api.example.test', '')), context)).body as string;
    const res = await handler(
      httpEvent('POST', `/v1/decisions/${DECISION_ID}`, { body: formBody({ ...hiddenFields(page), decision: 'approve', comment: '' }), isBase64Encoded: true }),
      context,
    );
    expect(res.statusCode).toBe(200);
  });
});
