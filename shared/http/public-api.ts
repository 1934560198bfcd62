/**
 * Kept so existing imports resolve: the public SKM routes are served by the one router (./router.ts),
 * which takes the JWT-or-public rule from the route table and maps the daily limit to 429 + Retry-After
 * in ./problem.ts.
 */
import { type HttpRequest, type HttpRoute, httpApi } from './router';

export { safeJson } from './router';
export type PublicRequest = HttpRequest;
export type PublicRouteHandler = HttpRoute;
export const publicJsonApi = (routes: Record<string, HttpRoute>, options: { maxBodyBytes: number }) => httpApi(routes, options);
