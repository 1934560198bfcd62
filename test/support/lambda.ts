/**
 * The Lambda side of handler tests: the environment the handlers read, a context, and API Gateway
 * (HTTP API v2) events — with JWT claims for the authenticated routes, without for the public ones.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export const dir = mkdtempSync(path.join(tmpdir(), 'asn-handlers-'));

/** Call before the handlers are imported: they read the environment once (shared/config.ts). */
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
    // The files function's bucket (presigned URLs are signed locally; S3 itself is mocked where called).
    FILES_BUCKET: 'asn-kinerja-files-test',
  });
}

export const context = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'test',
  functionVersion: '1',
  invokedFunctionArn: 'arn:aws:lambda:ap-southeast-3:0:function:test',
  memoryLimitInMB: '512',
  awsRequestId: 'req-1',
  logGroupName: 'g',
  logStreamName: 's',
  getRemainingTimeInMillis: () => 10_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

/** An unauthenticated event (decision links, public SKM), from a path with its query string. */
export function httpEvent(method: string, rawPath: string, init: Partial<APIGatewayProxyEventV2> = {}): APIGatewayProxyEventV2 {
  const [pathOnly, query = ''] = rawPath.split('?');
  return {
    version: '2.0',
    routeKey: `${method} /v1/decisions/{decisionId}`,
    rawPath: pathOnly!,
    rawQueryString: query,
    headers: {},
    queryStringParameters: Object.fromEntries(new URLSearchParams(query)),
    pathParameters: { decisionId: pathOnly!.split('/').pop()! },
    requestContext: {
      accountId: '0',
      apiId: 'a',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      requestId: 'r1',
      routeKey: `${method} /v1/decisions/{decisionId}`,
      stage: '$default',
      time: '',
      timeEpoch: 0,
      http: { method, path: pathOnly!, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
    },
    isBase64Encoded: false,
    ...init,
  } as APIGatewayProxyEventV2;
}

export interface Caller {
  nip: string;
  hr?: boolean;
  agencyId?: string;
}
export interface Call {
  query?: Record<string, string>;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  /** Who calls; null: no authorizer context at all. */
  caller: Caller | null;
  /** Raw JWT claims instead of the caller's (missing or garbled claims); null: no authorizer context. */
  claims?: Record<string, string> | null;
}

export function claimsOf(caller: Caller): Record<string, string> {
  return {
    'custom:nip': caller.nip,
    'cognito:groups': caller.hr ? '[hr employee]' : '[employee]',
    'custom:agencyId': caller.agencyId ?? 'kec-asemrowo',
    name: 'Uji',
  };
}

/** An HTTP API event for a route template (`/v1/cycles/{cycleId}`) with its path parameters. */
export function jwtEvent(method: string, template: string, params: Record<string, string>, opts: Call): APIGatewayProxyEventV2WithJWTAuthorizer {
  const rawPath = template.replace(/\{(\w+)\}/g, (_, n: string) => params[n]!);
  const routeKey = `${method} ${template}`;
  const claims = opts.claims !== undefined ? opts.claims : opts.caller ? claimsOf(opts.caller) : null;
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: new URLSearchParams(opts.query ?? {}).toString(),
    headers: { 'content-type': 'application/json', ...opts.headers },
    ...(opts.query && Object.keys(opts.query).length ? { queryStringParameters: opts.query } : {}),
    ...(Object.keys(params).length ? { pathParameters: params } : {}),
    ...(opts.raw !== undefined ? { body: opts.raw } : opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: '0',
      apiId: 'a',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey,
      stage: '$default',
      time: '',
      timeEpoch: 0,
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'test' },
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
    },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

export interface Answer {
  status: number;
  body: any;
  headers: Record<string, unknown>;
  raw: string;
}

type AnyHandler = (event: unknown, ctx: typeof context) => Promise<unknown>;
/** Calls a handler with a JWT event and parses the answer (JSON when it is JSON). */
export async function invoke(handler: unknown, method: string, template: string, params: Record<string, string>, opts: Call): Promise<Answer> {
  const res = (await (handler as AnyHandler)(jwtEvent(method, template, params, opts), context)) as APIGatewayProxyStructuredResultV2;
  let body: any;
  try {
    body = JSON.parse(String(res.body));
  } catch {
    body = res.body;
  }
  return { status: res.statusCode!, body, headers: res.headers ?? {}, raw: String(res.body) };
}
