/** Shared fixtures for handler tests: environment, keys, records and API Gateway events. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export const dir = mkdtempSync(path.join(tmpdir(), 'asn-handlers-'));
export function setEnv() {
  Object.assign(process.env, {
    TABLE_NAME: 'test-table',
    STATE_MACHINE_ARN: 'arn:aws:states:ap-southeast-3:000000000000:stateMachine:test',
    PUBLIC_BASE_URL: 'https://api.example.test',
    LINK_KEYS_FILE: path.join(dir, 'link.key'),
    MAIL_TRANSPORT: 'outbox',
    OUTBOX_DIR: path.join(dir, 'outbox'),
    AWS_REGION: 'ap-southeast-3',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
}

export const context = {
  callbackWaitsForEmptyEventLoop: false, functionName: 'test', functionVersion: '1', invokedFunctionArn: 'arn:aws:lambda:ap-southeast-3:0:function:test',
  memoryLimitInMB: '512', awsRequestId: 'req-1', logGroupName: 'g', logStreamName: 's', getRemainingTimeInMillis: () => 10_000,
  done: () => undefined, fail: () => undefined, succeed: () => undefined,
};

export const NIP = { employee: '199001012015031001', rater: '198001012005011002', approver: '197001011995031003', other: '198505052010012004' };

export const cycle = {
  PK: 'CYCLE#kec-asemrowo-2026', SK: 'META', cycleId: 'kec-asemrowo-2026', agencyId: 'kec-asemrowo', year: 2026, policyId: 'permenpanrb-6-2022/v1',
  status: 'ACTIVE', stage: 'APPROVAL', version: 3, createdAt: '2026-01-02T01:00:00.000Z',
  schedule: { id: 's', legalSource: 'x', windows: { APPROVAL: { reminderDay: 7, deadlineDay: 14, lastDay: 30 }, OBJECTION: { reminderDay: 10, deadlineDay: 14, lastDay: 30, fixedWindowDays: 14 } } },
};

export const evaluation = {
  cycleId: 'kec-asemrowo-2026', nip: NIP.employee, name: 'Siti Rahmawati', jabatan: 'Pengelola Program Kesehatan', unitId: 'seksi-kesra',
  raterNip: NIP.rater, approverNip: NIP.approver, isUnitHead: false, status: 'AWAITING_APPROVAL', version: 7, policyId: 'permenpanrb-6-2022/v1',
  updatedAt: '2027-01-20T01:00:00.000Z', predikat: 'BAIK',
};

export function httpEvent(method: string, rawPath: string, init: Partial<APIGatewayProxyEventV2> = {}): APIGatewayProxyEventV2 {
  const [pathOnly, query = ''] = rawPath.split('?');
  return {
    version: '2.0', routeKey: `${method} /v1/decisions/{decisionId}`, rawPath: pathOnly!, rawQueryString: query,
    headers: {}, queryStringParameters: Object.fromEntries(new URLSearchParams(query)), pathParameters: { decisionId: pathOnly!.split('/').pop()! },
    requestContext: {
      accountId: '0', apiId: 'a', domainName: 'api.example.test', domainPrefix: 'api', requestId: 'r1', routeKey: `${method} /v1/decisions/{decisionId}`,
      stage: '$default', time: '', timeEpoch: 0, http: { method, path: pathOnly!, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
    },
    isBase64Encoded: false,
    ...init,
  } as APIGatewayProxyEventV2;
}
