/**
 * The HTTP API's route table: the CDK HTTP API, the local HTTP server, the router (shared/http/router.ts)
 * and the OpenAPI document are all built from it. infra/ imports this file, never the reverse.
 */

/** The Lambda functions that serve HTTP routes (a subset of infra/functions.ts's ids; infra checks they exist). */
export type HttpFunctionId = 'hr-api' | 'evaluation-api' | 'skm' | 'openapi' | 'decision-links' | 'files' | 'documents' | 'coaching' | 'me-api';

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'HEAD' | 'DELETE';
  path: string;
  functionId: HttpFunctionId;
  /** 'none' only where the caller cannot have an account: citizens and email-link approvers (signed links). */
  auth: 'jwt' | 'none';
}

export const ROUTES: readonly Route[] = [
  { method: 'POST', path: '/v1/cycles', functionId: 'hr-api', auth: 'jwt' },
  { method: 'GET', path: '/v1/cycles/{cycleId}', functionId: 'hr-api', auth: 'jwt' },
  { method: 'POST', path: '/v1/cycles/{cycleId}/resume', functionId: 'hr-api', auth: 'jwt' },
  { method: 'PUT', path: '/v1/cycles/{cycleId}/organisation-predikat', functionId: 'hr-api', auth: 'jwt' },
  { method: 'GET', path: '/v1/cycles/{cycleId}/evaluations', functionId: 'hr-api', auth: 'jwt' },
  { method: 'GET', path: '/v1/cycles/{cycleId}/evaluations/{nip}', functionId: 'evaluation-api', auth: 'jwt' },
  { method: 'PUT', path: '/v1/cycles/{cycleId}/evaluations/{nip}/skp', functionId: 'evaluation-api', auth: 'jwt' },
  { method: 'PUT', path: '/v1/cycles/{cycleId}/evaluations/{nip}/progress', functionId: 'evaluation-api', auth: 'jwt' },
  { method: 'PUT', path: '/v1/cycles/{cycleId}/evaluations/{nip}/feedback', functionId: 'evaluation-api', auth: 'jwt' },
  { method: 'POST', path: '/v1/cycles/{cycleId}/evaluations/{nip}/invitations', functionId: 'evaluation-api', auth: 'jwt' },
  { method: 'PUT', path: '/v1/cycles/{cycleId}/evaluations/{nip}/self-assessment', functionId: 'evaluation-api', auth: 'jwt' },
  { method: 'PUT', path: '/v1/cycles/{cycleId}/evaluations/{nip}/midyear-review', functionId: 'evaluation-api', auth: 'jwt' },
  { method: 'PUT', path: '/v1/cycles/{cycleId}/evaluations/{nip}/rating', functionId: 'evaluation-api', auth: 'jwt' },
  { method: 'POST', path: '/v1/cycles/{cycleId}/evaluations/{nip}/objection', functionId: 'evaluation-api', auth: 'jwt' },
  { method: 'POST', path: '/v1/cycles/{cycleId}/calibration/{unitId}/resolution', functionId: 'hr-api', auth: 'jwt' },
  { method: 'GET', path: '/v1/cycles/{cycleId}/export.csv', functionId: 'hr-api', auth: 'jwt' },
  { method: 'GET', path: '/v1/cycles/{cycleId}/report', functionId: 'hr-api', auth: 'jwt' },
  { method: 'POST', path: '/v1/roster/import', functionId: 'hr-api', auth: 'jwt' },
  { method: 'POST', path: '/v1/cycles/{cycleId}/evaluations/{nip}/transfer', functionId: 'hr-api', auth: 'jwt' },
  { method: 'POST', path: '/v1/cycles/{cycleId}/raters/{nip}/handover', functionId: 'hr-api', auth: 'jwt' },
  { method: 'POST', path: '/v1/cycles/{cycleId}/members', functionId: 'hr-api', auth: 'jwt' },
  { method: 'POST', path: '/v1/delegations', functionId: 'evaluation-api', auth: 'jwt' },
  { method: 'GET', path: '/v1/skm/comments', functionId: 'skm', auth: 'jwt' },
  { method: 'POST', path: '/v1/skm/comments/{commentId}/moderation', functionId: 'skm', auth: 'jwt' },
  { method: 'POST', path: '/v1/public/units/{unitId}/skm', functionId: 'skm', auth: 'none' },
  { method: 'GET', path: '/v1/public/units/{unitId}/ikm', functionId: 'skm', auth: 'none' },
  { method: 'GET', path: '/openapi.json', functionId: 'openapi', auth: 'none' },
  { method: 'GET', path: '/v1/decisions/{decisionId}', functionId: 'decision-links', auth: 'none' },
  { method: 'HEAD', path: '/v1/decisions/{decisionId}', functionId: 'decision-links', auth: 'none' },
  { method: 'POST', path: '/v1/decisions/{decisionId}', functionId: 'decision-links', auth: 'none' },
  // --- integrity (issue #12): survey kiosks, HR issues and revokes a device token per unit ---
  { method: 'POST', path: '/v1/skm/kiosks', functionId: 'skm', auth: 'jwt' },
  { method: 'DELETE', path: '/v1/skm/kiosks/{kioskId}', functionId: 'skm', auth: 'jwt' },
  // --- periodic evaluations (h-periodic) ---
  { method: 'PUT', path: '/v1/cycles/{cycleId}/evaluations/{nip}/periods/{periodId}/review', functionId: 'evaluation-api', auth: 'jwt' },
  // --- web app (functions/me-api): who am I, Beranda, the superior's RHKs, the engine's proposal, decisions in the session ---
  { method: 'GET', path: '/v1/me', functionId: 'me-api', auth: 'jwt' },
  { method: 'GET', path: '/v1/me/tasks', functionId: 'me-api', auth: 'jwt' },
  { method: 'GET', path: '/v1/me/decisions', functionId: 'me-api', auth: 'jwt' },
  { method: 'POST', path: '/v1/me/decisions/approve-all', functionId: 'me-api', auth: 'jwt' },
  { method: 'POST', path: '/v1/me/decisions/{decisionId}', functionId: 'me-api', auth: 'jwt' },
  { method: 'GET', path: '/v1/cycles/{cycleId}/evaluations/{nip}/parent-rhk', functionId: 'me-api', auth: 'jwt' },
  { method: 'GET', path: '/v1/cycles/{cycleId}/evaluations/{nip}/proposal', functionId: 'me-api', auth: 'jwt' },
  // --- bukti dukung (evidence files and links; platform): the `files` function, the only one with the S3 SDK ---
  { method: 'GET', path: '/v1/cycles/{cycleId}/evaluations/{nip}/evidence', functionId: 'files', auth: 'jwt' },
  { method: 'POST', path: '/v1/cycles/{cycleId}/evaluations/{nip}/evidence/uploads', functionId: 'files', auth: 'jwt' },
  { method: 'POST', path: '/v1/cycles/{cycleId}/evaluations/{nip}/evidence/{evidenceId}/confirm', functionId: 'files', auth: 'jwt' },
  { method: 'POST', path: '/v1/cycles/{cycleId}/evaluations/{nip}/evidence/links', functionId: 'files', auth: 'jwt' },
  { method: 'DELETE', path: '/v1/cycles/{cycleId}/evaluations/{nip}/evidence/{evidenceId}', functionId: 'files', auth: 'jwt' },
  // --- documents and coaching (issue 16): PDFs made by their own function; coaching after a low predikat ---
  { method: 'GET', path: '/v1/cycles/{cycleId}/evaluations/{nip}/documents', functionId: 'documents', auth: 'jwt' },
  { method: 'POST', path: '/v1/cycles/{cycleId}/evaluations/{nip}/documents', functionId: 'documents', auth: 'jwt' },
  { method: 'POST', path: '/v1/cycles/{cycleId}/documents', functionId: 'documents', auth: 'jwt' },
  { method: 'GET', path: '/v1/documents/{code}', functionId: 'documents', auth: 'jwt' },
  { method: 'GET', path: '/v1/public/documents/{code}', functionId: 'documents', auth: 'none' },
  { method: 'GET', path: '/v1/cycles/{cycleId}/evaluations/{nip}/coaching', functionId: 'coaching', auth: 'jwt' },
  { method: 'POST', path: '/v1/cycles/{cycleId}/evaluations/{nip}/coaching/sessions', functionId: 'coaching', auth: 'jwt' },
  { method: 'POST', path: '/v1/cycles/{cycleId}/evaluations/{nip}/coaching/sessions/{sessionId}/acknowledgement', functionId: 'coaching', auth: 'jwt' },
  { method: 'GET', path: '/v1/coaching', functionId: 'coaching', auth: 'jwt' },
  // --- citizens' survey pages (HTML, no account) and rater-bias analytics (HR) ---
  { method: 'GET', path: '/v1/public/units/{unitId}/survey', functionId: 'skm', auth: 'none' },
  { method: 'POST', path: '/v1/public/units/{unitId}/survey', functionId: 'skm', auth: 'none' },
  { method: 'GET', path: '/v1/public/units/{unitId}/survey/thanks', functionId: 'skm', auth: 'none' },
  { method: 'GET', path: '/v1/public/units/{unitId}/poster', functionId: 'skm', auth: 'none' },
  { method: 'GET', path: '/v1/public/units/{unitId}/ikm.html', functionId: 'skm', auth: 'none' },
  { method: 'GET', path: '/v1/cycles/{cycleId}/rater-bias', functionId: 'hr-api', auth: 'jwt' },
  { method: 'POST', path: '/v1/cycles/{cycleId}/rater-bias/{raterNip}/acknowledgement', functionId: 'hr-api', auth: 'jwt' },
  // --- HR console (console): a stage's progress per unit and who it waits on; HR's reminder to a person or a unit ---
  { method: 'GET', path: '/v1/cycles/{cycleId}/progress', functionId: 'hr-api', auth: 'jwt' },
  { method: 'POST', path: '/v1/cycles/{cycleId}/reminders', functionId: 'hr-api', auth: 'jwt' },
  // --- HR console (roster): people picked by name, the agency's units, the import's preview (nothing written) ---
  { method: 'GET', path: '/v1/roster/employees', functionId: 'hr-api', auth: 'jwt' },
  { method: 'GET', path: '/v1/roster/units', functionId: 'hr-api', auth: 'jwt' },
  { method: 'POST', path: '/v1/roster/import/preview', functionId: 'hr-api', auth: 'jwt' },
];

/** "METHOD /path/{param}", the key API Gateway puts in `event.routeKey`. */
export type RouteKey = `${Route['method']} ${string}`;
export const routeKeyOf = (r: Route): RouteKey => `${r.method} ${r.path}`;

// --- 405 for a method no route serves (issue 17, api): derived from ROUTES above, never listed by hand ---

/**
 * One `ANY` route per known path, served by the function that serves the path's routes and answered with
 * 405 and `Allow` by the router (shared/http/router.ts) — never with data, so it has no authorizer.
 *
 * API Gateway HTTP APIs pick a route by method and path, and `ANY` "matches all methods that you haven't
 * defined for a resource" (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html,
 * "Create routes for HTTP APIs" and "Routing API requests"): `GET /v1/cycles/{cycleId}` keeps its GETs, and
 * only the other methods on that path reach `ANY /v1/cycles/{cycleId}`. Without it API Gateway answers
 * 404 for a path it knows. A HEAD is a method of its own there (never served by a GET route), so a
 * GET-only path answers HEAD with 405 too, and Allow lists HEAD only where a route serves it.
 * CORS: the API has no CORS configuration (the app is on the same origin, through CloudFront), so an
 * OPTIONS reaches these routes and gets 405; were CORS configured, API Gateway would answer preflights
 * itself before any route (http-api-cors.html), and these routes, having no authorizer, never block one.
 */
export interface MethodFallbackRoute {
  method: 'ANY';
  path: string;
  functionId: HttpFunctionId;
  auth: 'none';
}

/** A path's shape as API Gateway compares paths: variable names do not count (`/v1/cycles/{}`). */
const shapeOf = (path: string) => path.replace(/\{[^}]+\}/g, '{}');

/** The fallback routes of a route table: one per path (first route's path and function), in table order. */
export function methodFallbackRoutes(routes: readonly Route[] = ROUTES): MethodFallbackRoute[] {
  const seen = new Map<string, MethodFallbackRoute>();
  for (const r of routes) {
    const shape = shapeOf(r.path);
    if (!seen.has(shape)) seen.set(shape, { method: 'ANY', path: r.path, functionId: r.functionId, auth: 'none' });
  }
  return [...seen.values()];
}
export const METHOD_FALLBACK_ROUTES: readonly MethodFallbackRoute[] = methodFallbackRoutes();

/** A record, so a method added to Route['method'] must be placed here (tsc). */
const METHOD_ORDER: Record<Route['method'], number> = { GET: 0, HEAD: 1, POST: 2, PUT: 3, DELETE: 4 };
/** The methods the route table serves on a path template (for 405's `Allow`), in a stable order. */
export function allowedMethods(path: string, routes: readonly Route[] = ROUTES): Route['method'][] {
  const served = new Set(routes.filter((r) => shapeOf(r.path) === shapeOf(path)).map((r) => r.method));
  return [...served].sort((a, b) => METHOD_ORDER[a] - METHOD_ORDER[b]);
}

/** The path of a fallback route's key (`ANY /v1/cycles/{cycleId}` → `/v1/cycles/{cycleId}`), else undefined. */
export const fallbackPathOf = (routeKey: string | undefined): string | undefined => (routeKey?.startsWith('ANY /') ? routeKey.slice(4) : undefined);
