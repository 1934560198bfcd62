// Route table of the local HTTP API, matched the way API Gateway HTTP APIs pick a route.
//
// API Gateway's documented priorities (http-api-develop-routes, "Routing API requests"):
//   1. a full match for a route and method (static segments and `{param}` segments),
//   2. a match for a route and method with a greedy path variable (`{proxy+}`),
//   3. the `$default` route.
// Nothing matched → 404 {"message":"Not Found"} (HTTP APIs never answer 405).
//
// Ties inside one priority class are broken here as follows (our reading of "most specific"):
//   - segment by segment from the left, a static segment beats a `{param}`;
//   - among greedy routes, the longer fixed prefix wins;
//   - for the same path, a route for the exact method beats `ANY`.
//
// HEAD is faithful to API Gateway: a HEAD request matches only `HEAD` or `ANY` routes, never a
// `GET` route (unlike most web frameworks). A GET-only resource therefore answers HEAD with 404.

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export type RouteMethod = HttpMethod | 'ANY';

export interface LocalRoute {
  /** `GET`, `POST`, … or `ANY`. Ignored for the `$default` route. */
  method: string;
  /** `/evaluations/{id}`, `/files/{proxy+}`, or `$default` for the catch-all route. */
  path: string;
  /** Passed to `invoke`; becomes the Lambda context's functionName. */
  functionId: string;
  /** `jwt`: the route has the HTTP API's JWT authorizer; `none`: open route. */
  auth: 'jwt' | 'none';
}

type Segment = { kind: 'static'; value: string } | { kind: 'param'; name: string } | { kind: 'greedy'; name: string };

export interface CompiledRoute {
  readonly route: LocalRoute;
  /** `GET /evaluations/{id}` or `$default`: the event's routeKey. */
  readonly routeKey: string;
  readonly method: RouteMethod | '$default';
  readonly segments: readonly Segment[];
  readonly isDefault: boolean;
  readonly isGreedy: boolean;
}

export interface RouteMatch {
  readonly compiled: CompiledRoute;
  /** Decoded path parameters, or undefined when the route has none (as in API Gateway events). */
  readonly pathParameters: Record<string, string> | undefined;
}

const PARAM_NAME = /^[A-Za-z0-9._-]+$/;

export class RouteConfigError extends Error {
  override readonly name = 'RouteConfigError';
}

function compileRoute(route: LocalRoute): CompiledRoute {
  if (typeof route.functionId !== 'string' || route.functionId === '') {
    throw new RouteConfigError(`route ${route.method} ${route.path}: functionId is required`);
  }
  if (route.auth !== 'jwt' && route.auth !== 'none') {
    throw new RouteConfigError(`route ${route.method} ${route.path}: auth must be 'jwt' or 'none'`);
  }
  if (route.path === '$default') {
    return { route, routeKey: '$default', method: '$default', segments: [], isDefault: true, isGreedy: false };
  }
  const method = route.method.toUpperCase();
  if (method !== 'ANY' && !(HTTP_METHODS as readonly string[]).includes(method)) {
    throw new RouteConfigError(`route ${route.method} ${route.path}: unknown method (use ${HTTP_METHODS.join(', ')} or ANY)`);
  }
  if (!route.path.startsWith('/')) {
    throw new RouteConfigError(`route ${route.method} ${route.path}: path must start with '/' (or be '$default')`);
  }
  const parts = route.path === '/' ? [] : route.path.slice(1).split('/');
  const names = new Set<string>();
  const segments: Segment[] = parts.map((part, index) => {
    const variable = /^\{(.+)\}$/.exec(part);
    if (!variable) {
      if (part.includes('{') || part.includes('}')) {
        throw new RouteConfigError(`route ${method} ${route.path}: a path variable must be a whole segment ('${part}')`);
      }
      return { kind: 'static', value: part };
    }
    const raw = variable[1] ?? '';
    const greedy = raw.endsWith('+');
    const name = greedy ? raw.slice(0, -1) : raw;
    if (!PARAM_NAME.test(name)) {
      throw new RouteConfigError(`route ${method} ${route.path}: invalid path variable '{${raw}}'`);
    }
    if (names.has(name)) throw new RouteConfigError(`route ${method} ${route.path}: duplicate path variable '${name}'`);
    names.add(name);
    if (greedy && index !== parts.length - 1) {
      throw new RouteConfigError(`route ${method} ${route.path}: the greedy variable '{${raw}}' must be the last segment`);
    }
    return greedy ? { kind: 'greedy', name } : { kind: 'param', name };
  });
  return {
    route,
    routeKey: `${method} ${route.path}`,
    method: method as RouteMethod,
    segments,
    isDefault: false,
    isGreedy: segments.at(-1)?.kind === 'greedy',
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed percent-encoding: pass it through as sent
  }
}

/** Returns decoded parameters if the route's path matches, otherwise undefined. */
function matchPath(compiled: CompiledRoute, rawSegments: readonly string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  const { segments } = compiled;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.kind === 'greedy') {
      const rest = rawSegments.slice(i);
      // A greedy variable needs at least one non-empty segment: `/files/{proxy+}` does not match `/files`.
      if (rest.length === 0 || rest.join('/') === '') return undefined;
      params[segment.name] = rest.map(decodeSegment).join('/');
      return params;
    }
    const raw = rawSegments[i];
    if (raw === undefined) return undefined;
    if (segment.kind === 'static') {
      if (decodeSegment(raw) !== segment.value) return undefined;
    } else {
      if (raw === '') return undefined; // `{id}` never matches an empty segment
      params[segment.name] = decodeSegment(raw);
    }
  }
  return rawSegments.length === segments.length ? params : undefined;
}

/** Negative when `a` is more specific than `b`. */
function compareSpecificity(a: CompiledRoute, b: CompiledRoute): number {
  if (a.isGreedy !== b.isGreedy) return a.isGreedy ? 1 : -1;
  if (a.isGreedy && b.isGreedy && a.segments.length !== b.segments.length) {
    return b.segments.length - a.segments.length; // longer fixed prefix first
  }
  const length = Math.min(a.segments.length, b.segments.length);
  for (let i = 0; i < length; i++) {
    const rank = (s: Segment): number => (s.kind === 'static' ? 0 : s.kind === 'param' ? 1 : 2);
    const diff = rank(a.segments[i]!) - rank(b.segments[i]!);
    if (diff !== 0) return diff;
  }
  if (a.method !== b.method) return a.method === 'ANY' ? 1 : b.method === 'ANY' ? -1 : 0;
  return 0;
}

export class RouteTable {
  private readonly routes: CompiledRoute[];
  private readonly defaultRoute: CompiledRoute | undefined;

  constructor(routes: readonly LocalRoute[]) {
    const compiled = routes.map(compileRoute);
    const seen = new Map<string, CompiledRoute>();
    for (const c of compiled) {
      // Two routes that differ only in variable names are the same route to API Gateway.
      const shape = c.isDefault
        ? '$default'
        : `${c.method} /${c.segments.map((s) => (s.kind === 'static' ? s.value : s.kind === 'param' ? '{}' : '{+}')).join('/')}`;
      const clash = seen.get(shape);
      if (clash) throw new RouteConfigError(`routes '${clash.routeKey}' and '${c.routeKey}' conflict`);
      seen.set(shape, c);
    }
    this.defaultRoute = compiled.find((c) => c.isDefault);
    this.routes = compiled.filter((c) => !c.isDefault).sort(compareSpecificity);
  }

  get all(): readonly CompiledRoute[] {
    return this.defaultRoute ? [...this.routes, this.defaultRoute] : this.routes;
  }

  /**
   * Finds the route for a request. `rawPath` is the path as sent (percent-encoded, no query).
   * Candidates are already sorted most-specific first, so the first match wins.
   */
  match(method: string, rawPath: string): RouteMatch | undefined {
    const upper = method.toUpperCase();
    const rawSegments = rawPath === '/' ? [] : rawPath.replace(/^\//, '').split('/');
    for (const compiled of this.routes) {
      if (compiled.method !== 'ANY' && compiled.method !== upper) continue;
      const params = matchPath(compiled, rawSegments);
      if (params) {
        return { compiled, pathParameters: Object.keys(params).length > 0 ? params : undefined };
      }
    }
    return this.defaultRoute ? { compiled: this.defaultRoute, pathParameters: undefined } : undefined;
  }
}
