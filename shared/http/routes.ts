/** The HTTP API's route table: the CDK HTTP API and the local HTTP server are both built from it. */
import type { FunctionId } from '../../infra/functions';

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'HEAD' | 'DELETE';
  path: string;
  functionId: FunctionId;
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
];
