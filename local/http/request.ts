// Turns an HTTP request into an API Gateway HTTP API event, payload format 2.0.
//
// Field by field, as API Gateway fills them (http-api-develop-integrations-lambda):
//   headers                names lower-cased; repeated headers joined with ","; the Cookie header is
//                          moved to `cookies`; x-forwarded-for/-port/-proto and x-amzn-trace-id added.
//   cookies                every `name=value` pair of every Cookie header, in order; omitted if none.
//   rawPath / http.path    the path as sent (percent-encoded).
//   rawQueryString         the query as sent (still encoded), '' if none.
//   queryStringParameters  decoded ('+' is a space); repeated names joined with ","; omitted if none.
//   pathParameters         decoded; `{proxy+}` gets the rest of the path; omitted if none.
//   body / isBase64Encoded the body as UTF-8 text only for text/*, application/json,
//                          application/xml and application/javascript; ANY other content type
//                          (application/x-www-form-urlencoded and multipart/form-data included,
//                          and a body without Content-Type) arrives base64-encoded with
//                          isBase64Encoded=true. This matches what real HTTP APIs were measured to do
//                          (ministackorg/ministack#766); handlers must always honour isBase64Encoded.
//                          `body` is omitted when the request has none.
//   requestContext         apiId 'local', stage '$default', requestId a UUID, time in CLF form.
import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { ApiGatewayClaims } from './claims';

export type LocalHttpApiEvent = APIGatewayProxyEventV2 | APIGatewayProxyEventV2WithJWTAuthorizer;

export interface RequestFacts {
  method: string;
  /** The request target as sent: path plus optional query. */
  url: string;
  /** Node's rawHeaders: [name, value, name, value, …] in arrival order. */
  rawHeaders: readonly string[];
  body: Buffer;
  sourceIp: string;
  localPort: number;
  httpVersion: string;
}

export interface EventContext {
  routeKey: string;
  pathParameters: Record<string, string> | undefined;
  requestId: string;
  accountId: string;
  apiId: string;
  now: Date;
  jwt?: { claims: ApiGatewayClaims; scopes: null };
}

const TEXT_APPLICATION_TYPES = new Set(['application/json', 'application/xml', 'application/javascript']);

/** True when API Gateway passes a body with this Content-Type as text (not base64). */
export function isTextContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return mediaType.startsWith('text/') || TEXT_APPLICATION_TYPES.has(mediaType);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `12/Mar/2020:19:03:58 +0000`, the form of requestContext.time. */
export function formatRequestTime(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return (
    `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

/** Splits the request target into the raw path and the raw query string. */
export function splitTarget(url: string): { rawPath: string; rawQueryString: string } {
  const hash = url.indexOf('#');
  const target = hash === -1 ? url : url.slice(0, hash);
  const question = target.indexOf('?');
  const rawPath = question === -1 ? target : target.slice(0, question);
  return { rawPath: rawPath === '' ? '/' : rawPath, rawQueryString: question === -1 ? '' : target.slice(question + 1) };
}

function decodeQueryComponent(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

export function parseQueryString(rawQueryString: string): Record<string, string> | undefined {
  if (rawQueryString === '') return undefined;
  const values = new Map<string, string[]>();
  for (const pair of rawQueryString.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodeQueryComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decodeQueryComponent(pair.slice(eq + 1));
    const list = values.get(name);
    if (list) list.push(value);
    else values.set(name, [value]);
  }
  if (values.size === 0) return undefined;
  return Object.fromEntries([...values].map(([name, list]) => [name, list.join(',')]));
}

/** Lower-cased, comma-joined headers and the cookies, from Node's rawHeaders. */
export function collectHeaders(rawHeaders: readonly string[]): { headers: Record<string, string>; cookies: string[] } {
  const lists = new Map<string, string[]>();
  const cookies: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    const value = rawHeaders[i + 1]!;
    if (name === 'cookie') {
      for (const part of value.split(';')) {
        const cookie = part.trim();
        if (cookie !== '') cookies.push(cookie);
      }
      continue;
    }
    const list = lists.get(name);
    if (list) list.push(value);
    else lists.set(name, [value]);
  }
  const headers: Record<string, string> = {};
  for (const [name, list] of lists) headers[name] = list.join(',');
  return { headers, cookies };
}

function traceId(now: Date): string {
  const epochHex = Math.floor(now.getTime() / 1000)
    .toString(16)
    .padStart(8, '0');
  return `Root=1-${epochHex}-${randomBytes(12).toString('hex')}`;
}

export function buildEvent(facts: RequestFacts, context: EventContext): LocalHttpApiEvent {
  const { rawPath, rawQueryString } = splitTarget(facts.url);
  const { headers, cookies } = collectHeaders(facts.rawHeaders);
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${facts.sourceIp}` : facts.sourceIp;
  headers['x-forwarded-port'] = String(facts.localPort);
  headers['x-forwarded-proto'] = 'http';
  headers['x-amzn-trace-id'] ??= traceId(context.now);

  const domainName = headers.host ?? `127.0.0.1:${facts.localPort}`;
  const queryStringParameters = parseQueryString(rawQueryString);
  const hasBody = facts.body.length > 0;
  const base64 = hasBody && !isTextContentType(headers['content-type']);

  const requestContext = {
    accountId: context.accountId,
    apiId: context.apiId,
    domainName,
    domainPrefix: domainName.split(':')[0]?.split('.')[0] ?? domainName,
    http: {
      method: facts.method.toUpperCase(),
      path: rawPath,
      protocol: `HTTP/${facts.httpVersion}`,
      sourceIp: facts.sourceIp,
      userAgent: headers['user-agent'] ?? '',
    },
    requestId: context.requestId,
    routeKey: context.routeKey,
    stage: '$default',
    time: formatRequestTime(context.now),
    timeEpoch: context.now.getTime(),
    ...(context.jwt ? { authorizer: { jwt: { claims: context.jwt.claims, scopes: context.jwt.scopes } } } : {}),
  };

  const event: Record<string, unknown> = {
    version: '2.0',
    routeKey: context.routeKey,
    rawPath,
    rawQueryString,
  };
  if (cookies.length > 0) event.cookies = cookies;
  event.headers = headers;
  if (queryStringParameters) event.queryStringParameters = queryStringParameters;
  event.requestContext = requestContext;
  if (context.pathParameters) event.pathParameters = context.pathParameters;
  if (hasBody) event.body = base64 ? facts.body.toString('base64') : facts.body.toString('utf8');
  event.isBase64Encoded = base64;
  // `scopes: null` is what API Gateway sends; @types/aws-lambda types it as string[].
  return event as unknown as LocalHttpApiEvent;
}
