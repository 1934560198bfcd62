/**
 * The shape of the public (no account) survey routes — the counterpart of shared/http/api.ts's
 * `jsonApi`, which needs a JWT caller. middy with the Powertools logger; a body size limit checked
 * before anything is decoded; the body parsed by a zod schema; errors as RFC 9457 problem+json, with
 * 429 + Retry-After for the daily limit. Only the source address and user agent are taken from the
 * request for the limit, and they go nowhere else (not into logs, not into the table).
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import { badRequest, HttpProblem, payloadTooLarge, problemResponse } from './problem';
import { logger } from '../adapters/powertools';
import { SubmissionLimitError } from '../application/skm/errors';

export interface PublicRequest {
  params: Record<string, string>;
  query: Record<string, string>;
  /** Header names lower-cased, as API Gateway delivers them. */
  headers: Record<string, string>;
  sourceIp: string;
  userAgent: string;
  body<S extends z.ZodType>(schema: S): z.infer<S>;
}

export type PublicRouteHandler = (req: PublicRequest) => Promise<{ status?: number; body: unknown; headers?: Record<string, string> }>;

const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff' } as const;

/** JSON whose text can never be read as markup, even by a careless client: < > & as \u escapes. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function readBody(event: APIGatewayProxyEventV2, maxBytes: number): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  // Refuse an oversized body before decoding it: base64 is 4 characters per 3 bytes.
  if (event.body.length > (event.isBase64Encoded ? Math.ceil(maxBytes / 3) * 4 : maxBytes)) throw payloadTooLarge(maxBytes);
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw) > maxBytes) throw payloadTooLarge(maxBytes);
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest('Isi permintaan bukan JSON yang sah', 'The request body is not valid JSON');
  }
}

function limitProblem(err: SubmissionLimitError): HttpProblem {
  return new HttpProblem(
    429,
    'Too Many Requests',
    `Batas ${err.limit} isian survei per hari untuk unit ini dari perangkat yang sama sudah tercapai; silakan coba lagi besok`,
    `The limit of ${err.limit} survey submissions per day for this unit from the same device has been reached; please try again tomorrow`,
  );
}

export function publicJsonApi(routes: Record<string, PublicRouteHandler>, options: { maxBodyBytes: number }) {
  const base = async (event: APIGatewayProxyEventV2, _context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const route = routes[event.routeKey];
    try {
      if (!route) throw badRequest(`Rute ${event.routeKey} tidak dikenal`, `Unknown route ${event.routeKey}`);
      const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v ?? ''])) as Record<string, string>;
      let body: unknown;
      let parsed = false;
      const req: PublicRequest = {
        params: (event.pathParameters ?? {}) as Record<string, string>,
        query: (event.queryStringParameters ?? {}) as Record<string, string>,
        headers,
        // The address API Gateway saw, never X-Forwarded-For (which the client writes).
        sourceIp: event.requestContext?.http?.sourceIp ?? '',
        userAgent: headers['user-agent'] ?? event.requestContext?.http?.userAgent ?? '',
        body: (schema) => {
          if (!parsed) { body = readBody(event, options.maxBodyBytes); parsed = true; }
          const result = schema.safeParse(body);
          if (!result.success) throw result.error;
          return result.data;
        },
      };
      const out = await route(req);
      return {
        statusCode: out.status ?? 200,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS, ...out.headers },
        body: safeJson(out.body),
      };
    } catch (err) {
      const res = problemResponse(err instanceof SubmissionLimitError ? limitProblem(err) : err, event.rawPath);
      return {
        ...res,
        headers: {
          ...res.headers,
          ...SECURITY_HEADERS,
          ...(err instanceof SubmissionLimitError ? { 'retry-after': String(err.retryAfterSeconds) } : {}),
        },
      };
    }
  };
  return middy(base).use(injectLambdaContext(logger, { resetKeys: true }));
}
