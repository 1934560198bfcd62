/**
 * The shape every JSON API handler shares: middy with the Powertools logger, the caller taken from
 * the JWT authorizer's claims, the body parsed by a zod schema, errors as problem+json. Handlers
 * declare routes as { routeKey: (request) => result } and stay a few lines each.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod';
import type { Caller } from '../application/evaluation/actions';
import { jwtClaimNames } from '../config';
import { logger } from '../adapters/powertools';
import { badRequest, payloadTooLarge, problemResponse, unauthorized } from './problem';

export const MAX_BODY_BYTES = 256 * 1024;
/** A roster CSV of a large agency (20,000 rows) fits; API Gateway's own limit is 10 MB. */
export const MAX_TEXT_BYTES = 6 * 1024 * 1024;

export interface ApiRequest {
  caller: Caller;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Stable per request; the idempotency key of the change (Idempotency-Key header when the client sends one). */
  requestId: string;
  body<S extends z.ZodType>(schema: S): z.infer<S>;
  /** The body as text, for routes that take CSV rather than JSON. */
  text(): string;
}

/** `body` is sent as JSON; `raw` (with its own content-type header) is sent as it is — CSV, HTML. */
export type RouteHandler = (req: ApiRequest) => Promise<{ status?: number; body?: unknown; raw?: string; headers?: Record<string, string> }>;

/** API Gateway renders list claims as "[a b]"; a real array (tests) is accepted too. */
export function listClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  const v = value.trim();
  return (v.startsWith('[') && v.endsWith(']') ? v.slice(1, -1) : v).split(/[\s,]+/).filter(Boolean);
}

export function callerFrom(event: APIGatewayProxyEventV2WithJWTAuthorizer): Caller {
  const claims = event.requestContext?.authorizer?.jwt?.claims ?? {};
  const names = jwtClaimNames();
  const nip = String(claims[names.nip] ?? '');
  if (!/^\d{18}$/.test(nip)) throw unauthorized();
  return {
    nip,
    roles: listClaim(claims[names.roles]),
    agencyId: claims[names.agencyId] ? String(claims[names.agencyId]) : undefined,
    name: claims.name ? String(claims.name) : undefined,
  };
}

function parseBody(event: APIGatewayProxyEventV2WithJWTAuthorizer): unknown {
  if (!event.body) return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) throw payloadTooLarge(MAX_BODY_BYTES);
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest('Isi permintaan bukan JSON yang sah', 'The request body is not valid JSON');
  }
}

export function jsonApi(routes: Record<string, RouteHandler>) {
  const base = async (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const route = routes[event.routeKey];
    try {
      if (!route) throw badRequest(`Rute ${event.routeKey} tidak dikenal`, `Unknown route ${event.routeKey}`);
      const caller = callerFrom(event);
      let body: unknown;
      let parsed = false;
      const req: ApiRequest = {
        caller,
        params: (event.pathParameters ?? {}) as Record<string, string>,
        query: (event.queryStringParameters ?? {}) as Record<string, string>,
        requestId: event.headers?.['idempotency-key'] ?? event.requestContext?.requestId ?? context.awsRequestId,
        text: () => {
          const raw = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
          if (Buffer.byteLength(raw) > MAX_TEXT_BYTES) throw payloadTooLarge(MAX_TEXT_BYTES);
          return raw;
        },
        body: (schema) => {
          if (!parsed) { body = parseBody(event); parsed = true; }
          const result = schema.safeParse(body);
          if (!result.success) throw result.error;
          return result.data;
        },
      };
      const out = await route(req);
      return {
        statusCode: out.status ?? 200,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...out.headers },
        body: out.raw ?? JSON.stringify(out.body),
      };
    } catch (err) {
      return problemResponse(err, event.rawPath);
    }
  };
  return middy(base).use(injectLambdaContext(logger, { resetKeys: true }));
}

export const NipParam = z.string().regex(/^\d{18}$/, 'NIP harus 18 digit / NIP must be 18 digits');
export const CycleIdParam = z.string().regex(/^[a-z0-9-]{3,64}$/, 'ID siklus tidak valid / invalid cycle id');
