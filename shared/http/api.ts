/**
 * Kept so existing imports resolve: the JWT JSON routes are served by the one router (./router.ts);
 * the shared request pieces live in the contract (./contract/common.ts).
 */
import { type HttpRequest, type HttpRoute, httpApi } from './router';

export { CycleIdParam, MAX_BODY_BYTES, MAX_TEXT_BYTES, NipParam } from './contract/common';
export { callerFrom, listClaim } from './router';
export type ApiRequest = HttpRequest;
export type RouteHandler = HttpRoute;
export const jsonApi = (routes: Record<string, HttpRoute>) => httpApi(routes);
