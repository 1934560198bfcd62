/** approvedCitizenEvidence: approved comments naming an employee, as the domain's CitizenEvidence. */
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { CitizenEvidenceSchema } from '../../../shared/domain/behaviour';
import { setEnv } from '../../support/lambda';

setEnv();
const ddbMock = mockClient(DynamoDBDocumentClient);
await import('../../../shared/composition');
const { approvedCitizenEvidence } = await import('../../../shared/application/skm');

const NIP = '199407042024032006';
const evidence = (commentId: string, period: string, a6: number, a7: number, text: string) => ({
  PK: `SKMEVIDENCE#kec-asemrowo#${NIP}`,
  SK: `${period}#${commentId}`,
  type: 'SKM_EVIDENCE',
  agencyId: 'kec-asemrowo',
  nip: NIP,
  commentId,
  unitId: 'kel-asemrowo',
  period,
  text,
  answers: [3, 3, 3, 3, 3, a6, a7, 3, 3],
  approvedAt: '2026-11-30T01:00:00.000Z',
});

describe('approvedCitizenEvidence', () => {
  it('queries the employee’s evidence for the year by key (no scan), following pages, and maps answers to ratings', async () => {
    ddbMock.reset();
    ddbMock
      .on(QueryCommand)
      .resolvesOnce({ Items: [evidence('c1', '2026-03', 4, 4, 'Terima kasih Bu Siti <3')], LastEvaluatedKey: { PK: 'x', SK: 'y' } })
      .resolvesOnce({ Items: [evidence('c2', '2026-11', 2, 2, 'Kurang ramah')] });
    const out = await approvedCitizenEvidence('kec-asemrowo', NIP, 2026);
    expect(out).toEqual([
      { rating: 'DI_ATAS', comment: 'Terima kasih Bu Siti <3', reference: 'SKM kel-asemrowo 2026-03 #c1' },
      { rating: 'DI_BAWAH', comment: 'Kurang ramah', reference: 'SKM kel-asemrowo 2026-11 #c2' },
    ]);
    out.forEach((e) => expect(CitizenEvidenceSchema.parse(e)).toEqual(e));
    const calls = ddbMock.commandCalls(QueryCommand);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.args[0].input).toMatchObject({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :year)',
      ExpressionAttributeValues: { ':pk': `SKMEVIDENCE#kec-asemrowo#${NIP}`, ':year': '2026-' },
    });
    expect(calls[1]!.args[0].input.ExclusiveStartKey).toEqual({ PK: 'x', SK: 'y' });
  });

  it('is empty for an employee nobody named', async () => {
    ddbMock.reset();
    ddbMock.on(QueryCommand).resolves({ Items: [] });
    expect(await approvedCitizenEvidence('kec-asemrowo', NIP, 2026)).toEqual([]);
  });
});
