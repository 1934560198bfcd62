/**
 * The one router of the HTTP API: Powertools' event handler (`Router`) matches method + path for every
 * function — the JWT JSON routes, the public SKM routes and the signed-link pages alike. Each route
 * says only what it does (`(req) => result`); this file does the rest the same way everywhere:
 * the caller from the JWT authorizer's claims (jwt routes, from ROUTES), the body read once with a
 * size limit and parsed by a zod schema, JSON written so it never reads as markup, and every error
 * as problem+json (shared/http/problem.ts) unless the function renders its own error page.
 *
 * The router routes on method + path alone: it is handed the event without headers and body, the
 * route reads the event as API Gateway delivered it, and its answer goes back as it was built. (The
 * router's Web `Request` refuses header values API Gateway passes through; its Web `Response` drops a
 * CSV's byte-order mark; the body is read here, with its limit checked first.)
 */
import { ParameterValidationError, Router } from '@aws-lambda-powertools/event-handler/http';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod';
import { logger } from '../adapters/powertools';
import type { Caller } from '../application/ports';
import { jwtClaimNames } from '../config';
import { MAX_BODY_BYTES, MAX_TEXT_BYTES } from './contract/common';
import { type Answer, bind, boundChangeId, idempotencyKeyOf, REPLAYED_HEADER, remember, replayOf } from './idempotency';
import { fallbackAnswer, methodNotAllowedAnswer } from './method-not-allowed';
import { badRequest, payloadTooLarge, problemResponse, SECURITY_HEADERS, unauthorized } from './problem';
import { allowedMethods, ROUTES, type Route, type RouteKey, routeKeyOf } from './routes';

export type HttpEvent = APIGatewayProxyEventV2 | APIGatewayProxyEventV2WithJWTAuthorizer;

export interface HttpRequest {
  method: string;
  rawPath: string;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** The JWT caller; on a public route reading it answers 401. */
  readonly caller: Caller;
  /**
   * Stable per request; the change id of a write. With an Idempotency-Key on a JWT write it is derived
   * from the key bound to the caller, route and path (./idempotency.ts), so a retry finds its own change.
   */
  requestId: string;
  /** The Idempotency-Key of a JWT write, when sent (validated). */
  idempotencyKey?: string;
  /** The address API Gateway saw, never X-Forwarded-For (which the client writes); for the SKM daily limit only. */
  sourceIp: string;
  userAgent: string;
  /** The JSON body parsed by `schema` (400 with the fields when it does not fit; 413 over `maxBytes`, default the API's limit). */
  body<S extends z.ZodType>(schema: S, maxBytes?: number): z.infer<S>;
  /** The body as text (CSV, a form), up to `maxBytes`. */
  text(maxBytes?: number): string;
  event: HttpEvent;
}

/** `body` is sent as JSON; `raw` (with its own content-type header) is sent as it is — CSV, HTML. */
export interface HttpResult {
  status?: number;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}
export type HttpRoute = (req: HttpRequest) => Promise<HttpResult>;

export interface HttpApiOptions {
  /** Limit of a JSON body (default MAX_BODY_BYTES). */
  maxBodyBytes?: number;
  /** A function that answers with pages renders its own error page; undefined falls back to problem+json. */
  renderError?: (err: unknown, event: HttpEvent) => APIGatewayProxyStructuredResultV2 | undefined;
}

/** JSON whose text can never be read as markup, even by a careless client: < > & as \u escapes. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What a role name looks like ("hr", "employee"); anything else in a roles claim grants nothing. */
const ROLE_NAME = /^[a-z][a-z0-9_-]{0,31}$/;
/** What an agency id looks like (the roster's ids: lower-case letters, digits, dashes). */
const AGENCY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * A roles claim, read strictly: a real array (the agency's OIDC provider, tests), API Gateway's
 * rendering of an array ("[a b]", items separated by one space), or one exact role name ("hr").
 * Anything else — "employee hr", "hr,employee", a JSON text — grants nothing: a free-text claim
 * must never be split into roles. Items that are not role names are dropped.
 */
export function listClaim(value: unknown): string[] {
  const names = (items: unknown[]) => items.filter((i): i is string => typeof i === 'string' && ROLE_NAME.test(i));
  if (Array.isArray(value)) return names(value);
  if (typeof value !== 'string') return [];
  if (value.startsWith('[') && value.endsWith(']')) {
    const inner = value.slice(1, -1);
    return inner === '' ? [] : names(inner.split(' '));
  }
  return ROLE_NAME.test(value) ? [value] : [];
}

/**
 * The caller from the JWT authorizer's claims: an 18-digit NIP and an agency id, or 401. There is no
 * fallback agency: every HR action's agency comes from the token alone (issue #12).
 */
export function callerFrom(event: APIGatewayProxyEventV2WithJWTAuthorizer): Caller {
  const claims = event.requestContext?.authorizer?.jwt?.claims ?? {};
  const names = jwtClaimNames();
  const nip = String(claims[names.nip] ?? '');
  if (!/^\d{18}$/.test(nip)) throw unauthorized();
  const agencyId = claims[names.agencyId];
  if (typeof agencyId !== 'string' || !AGENCY_ID.test(agencyId)) throw unauthorized();
  return {
    nip,
    roles: listClaim(claims[names.roles]),
    agencyId,
    name: claims.name ? String(claims.name) : undefined,
  };
}

/** The body as text; an oversized body is refused before it is decoded (base64 is 4 characters per 3 bytes). */
function bodyText(event: HttpEvent, maxBytes: number): string {
  if (event.body === undefined || event.body === null || event.body === '') return '';
  if (event.body.length > (event.isBase64Encoded ? Math.ceil(maxBytes / 3) * 4 : maxBytes)) throw payloadTooLarge(maxBytes);
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw) > maxBytes) throw payloadTooLarge(maxBytes);
  return raw;
}

function jsonBody(event: HttpEvent, maxBytes: number): unknown {
  const raw = bodyText(event, maxBytes);
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest('Isi permintaan bukan JSON yang sah', 'The request body is not valid JSON');
  }
}

function requestOf(route: Route, event: HttpEvent, context: Context, routerParams: Record<string, string>, maxBodyBytes: number): HttpRequest {
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v ?? ''])) as Record<string, string>;
  // 401 before anything else is read on a JWT route.
  const caller = route.auth === 'jwt' ? callerFrom(event as APIGatewayProxyEventV2WithJWTAuthorizer) : undefined;
  // A JWT write's Idempotency-Key is bound to the caller, route and path (./idempotency.ts).
  const key = idempotencyKeyOf(route.method, route.auth, headers);
  let parsed: { value: unknown } | undefined;
  return {
    method: event.requestContext?.http?.method ?? route.method,
    rawPath: event.rawPath,
    params: (event.pathParameters ?? routerParams) as Record<string, string>,
    query: (event.queryStringParameters ?? {}) as Record<string, string>,
    headers,
    get caller(): Caller {
      if (!caller) throw unauthorized();
      return caller;
    },
    requestId:
      key && caller
        ? boundChangeId(key, caller, routeKeyOf(route), event.rawPath)
        : headers['idempotency-key'] || event.requestContext?.requestId || context?.awsRequestId,
    idempotencyKey: key,
    sourceIp: event.requestContext?.http?.sourceIp ?? '',
    userAgent: headers['user-agent'] ?? event.requestContext?.http?.userAgent ?? '',
    body: (schema, maxBytes = maxBodyBytes) => {
      parsed ??= { value: jsonBody(event, maxBytes) };
      // reportInput: problem.ts words each issue in both languages with zod's locales, which need the input.
      const result = schema.safeParse(parsed.value, { reportInput: true });
      if (!result.success) throw result.error;
      return result.data;
    },
    text: (maxBytes = MAX_TEXT_BYTES) => bodyText(event, maxBytes),
    event,
  };
}

/** A stored first answer, sent again. */
function replayed(a: Answer): APIGatewayProxyStructuredResultV2 {
  return toResult({ status: a.statusCode, raw: a.body, headers: { [REPLAYED_HEADER]: 'true' } });
}

function toResult(out: HttpResult): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: out.status ?? 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS, ...out.headers },
    body: out.raw ?? (out.body === undefined ? '' : safeJson(out.body)),
  };
}

/**
 * The methods the route table serves on this path (for 405's Allow), when the event does not name the
 * path's template: the template a static segment matches wins over one whose variable would (as API Gateway picks).
 */
const allowedOn = (rawPath: string) => {
  const matching = ROUTES.filter((r) => new RegExp(`^${r.path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`).test(rawPath));
  const statics = (p: string) => p.split('/').filter((s) => !s.startsWith('{')).length;
  const best = matching.sort((a, b) => statics(b.path) - statics(a.path))[0];
  return best ? allowedMethods(best.path) : [];
};
const ROUTER_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const unknownRoute = (event: HttpEvent) => badRequest(`Rute ${event.routeKey} tidak dikenal`, `Unknown route ${event.routeKey}`);
/** The router's own copy of the event: method and path only (see the file comment). */
const ORIGINAL = Symbol('event');
const ANSWER = Symbol('answer');
type RoutingEvent = APIGatewayProxyEventV2 & { [ORIGINAL]: HttpEvent; [ANSWER]?: APIGatewayProxyStructuredResultV2 };
/** What a route gives the router; the real answer is kept on the routing event. */
const answered = (event: unknown, answer: APIGatewayProxyStructuredResultV2) => {
  (event as RoutingEvent)[ANSWER] = answer;
  return { statusCode: answer.statusCode ?? 200, body: '' } as never;
};

/** What every router answered: the route (undefined when none matched), the method, the path, the status. */
export interface AnswerObservation {
  route: RouteKey | undefined;
  method: string;
  rawPath: string;
  status: number;
}
const answerObservers = new Set<(o: AnswerObservation) => void>();
/**
 * Observes every answer of every router in this process (the contract test records the statuses each
 * route really gives, test/support/contract-observations.ts). Returns the way to stop observing.
 */
export function observeAnswers(observer: (o: AnswerObservation) => void): () => void {
  answerObservers.add(observer);
  return () => answerObservers.delete(observer);
}
function observed(route: RouteKey | undefined, event: HttpEvent, answer: APIGatewayProxyStructuredResultV2): APIGatewayProxyStructuredResultV2 {
  if (answerObservers.size) {
    const o = { route, method: event.requestContext?.http?.method ?? '', rawPath: event.rawPath, status: answer.statusCode ?? 200 };
    for (const observe of answerObservers) observe(o);
  }
  return answer;
}

/**
 * One Lambda handler for the routes of one function, keyed as in ROUTES ("POST /v1/cycles"); whether a
 * route needs a JWT comes from ROUTES, so a route cannot be served with another auth than it is deployed with.
 */
export function httpApi(routes: Partial<Record<RouteKey, HttpRoute>>, options: HttpApiOptions = {}) {
  const app = new Router();
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const fail = (err: unknown, event: HttpEvent) => options.renderError?.(err, event) ?? problemResponse(err, event.rawPath);
  for (const [key, run] of Object.entries(routes) as [RouteKey, HttpRoute][]) {
    const route = ROUTES.find((r) => routeKeyOf(r) === key);
    if (!route) throw new Error(`${key} is not in the route table (shared/http/routes.ts)`);
    const path = route.path.replace(/\{(\w+)\}/g, ':$1') as `/${string}`;
    app.route(
      async ({ event, context, params }) => {
        const original = (event as RoutingEvent)[ORIGINAL];
        try {
          const req = requestOf(route, original, context, params, maxBodyBytes);
          if (!req.idempotencyKey) return answered(event, observed(key, original, toResult(await run(req))));
          // Same key, same caller, route, path and body: the first answer again; otherwise 422 (./idempotency.ts).
          const bound = await bind(
            req.idempotencyKey,
            req.caller,
            routeKeyOf(route),
            original.rawPath,
            `${original.isBase64Encoded ? 'b64:' : ''}${original.body ?? ''}`,
          );
          const earlier = await replayOf(bound);
          if (earlier) return answered(event, observed(key, original, replayed(earlier)));
          const result = toResult(await run(req));
          const kept = await remember(bound, { statusCode: result.statusCode ?? 200, body: String(result.body ?? '') });
          return answered(event, observed(key, original, kept.replayed ? replayed(kept) : result));
        } catch (err) {
          return answered(event, observed(key, original, fail(err, original)));
        }
      },
      { method: route.method, path },
    );
  }
  // No route of this function for the method and path. A known path with a method the route table does
  // not serve there (an event API Gateway would have sent to the path's ANY route) is 405 with Allow;
  // anything else never comes from API Gateway (a route wired to the wrong function): 400.
  const notServed = async (_err: Error, { event }: { event: unknown }) => {
    const original = (event as RoutingEvent)[ORIGINAL];
    const method = original.requestContext?.http?.method ?? '';
    const allow: string[] = allowedOn(original.rawPath);
    const answer =
      allow.length && !allow.includes(method)
        ? methodNotAllowedAnswer(method, allow, original.rawPath)
        : problemResponse(unknownRoute(original), original.rawPath);
    return answered(event, observed(undefined, original, answer));
  };
  app.notFound(notServed);
  app.methodNotAllowed(notServed);
  // The router refuses a path parameter that is only whitespace before any route runs: bad input, not a fault.
  app.errorHandler(ParameterValidationError, async (_err: Error, { event }: { event: unknown }) => {
    const original = (event as RoutingEvent)[ORIGINAL];
    const problem = badRequest('Parameter alamat kosong atau tidak valid', 'An empty or invalid path parameter');
    return answered(event, observed(undefined, original, fail(problem, original)));
  });

  const base = async (event: HttpEvent, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const method = event.requestContext?.http?.method ?? '';
    // The path's ANY route (METHOD_FALLBACK_ROUTES): API Gateway sends it only the methods no route of
    // the path serves, so it is always 405 with the path's methods — problem+json, also on a function
    // that renders its errors as pages (the header is what a client acts on).
    const fallback = fallbackAnswer(event);
    if (fallback) return observed(undefined, event, fallback);
    // A method the router cannot even represent (TRACE, CONNECT…): 405 with what the path allows.
    if (!ROUTER_METHODS.has(method)) {
      const allow = allowedOn(event.rawPath);
      return observed(undefined, event, allow.length ? methodNotAllowedAnswer(method, allow, event.rawPath) : fail(unknownRoute(event), event));
    }
    const routing = { ...event, headers: {}, cookies: undefined, body: undefined, isBase64Encoded: false, [ORIGINAL]: event } as RoutingEvent;
    try {
      const res = await app.resolve(routing, context);
      return routing[ANSWER] ?? res;
    } catch (err) {
      return observed(undefined, event, fail(err, event));
    }
  };
  return middy(base).use(injectLambdaContext(logger, { resetKeys: true }));
}
