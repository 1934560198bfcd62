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
  // --- HR console (roster): people picked by name, the agency's units, the import's preview (nothing written) ---
  { method: 'GET', path: '/v1/roster/employees', functionId: 'hr-api', auth: 'jwt' },
  { method: 'GET', path: '/v1/roster/units', functionId: 'hr-api', auth: 'jwt' },
  { method: 'POST', path: '/v1/roster/import/preview', functionId: 'hr-api', auth: 'jwt' },
];

/** "METHOD /path/{param}", the key API Gateway puts in `event.routeKey`. */
export type RouteKey = `${Route['method']} ${string}`;
export const routeKeyOf = (r: Route): RouteKey => `${r.method} ${r.path}`;
