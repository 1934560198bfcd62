/**
 * Bukti dukung (evidence): upload URLs, confirmation, links, the list with download URLs, deletion.
 * The one HTTP function with the S3 SDK and its presigner (useFileStore); the others stay without.
 */

import { addEvidenceLink, confirmEvidenceUpload, deleteEvidence, listEvidence, requestEvidenceUpload } from '../../shared/application/evidence/evidence';
import { useFileStore } from '../../shared/composition';
import { EvaluationPath } from '../../shared/http/contract/common';
import { EvidenceLinkBody, EvidencePath, EvidenceUploadBody } from '../../shared/http/contract/evidence';
import { type HttpRequest, httpApi } from '../../shared/http/router';

useFileStore();

const path = (req: HttpRequest) => EvaluationPath.parse(req.params);

export const handler = httpApi({
  'GET /v1/cycles/{cycleId}/evaluations/{nip}/evidence': async (req) => {
    const { cycleId, nip } = path(req);
    // Download URLs live minutes: never cached by a browser or CloudFront.
    return { body: await listEvidence(cycleId, nip, req.caller), headers: { 'cache-control': 'no-store' } };
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/evidence/uploads': async (req) => {
    const { cycleId, nip } = path(req);
    return { status: 201, body: await requestEvidenceUpload(cycleId, nip, req.body(EvidenceUploadBody), req.caller), headers: { 'cache-control': 'no-store' } };
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/evidence/{evidenceId}/confirm': async (req) => {
    const { cycleId, nip, evidenceId } = EvidencePath.parse(req.params);
    return { body: await confirmEvidenceUpload(cycleId, nip, evidenceId, req.caller) };
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/evidence/links': async (req) => {
    const { cycleId, nip } = path(req);
    return { status: 201, body: await addEvidenceLink(cycleId, nip, req.body(EvidenceLinkBody), req.caller) };
  },
  'DELETE /v1/cycles/{cycleId}/evaluations/{nip}/evidence/{evidenceId}': async (req) => {
    const { cycleId, nip, evidenceId } = EvidencePath.parse(req.params);
    return { body: await deleteEvidence(cycleId, nip, evidenceId, req.caller) };
  },
});
