/**
 * The documents function: the only one with pdfmake and its fonts. HTTP routes (list, on demand,
 * download link, public verification) and the background jobs other functions ask for
 * (`{ documentJob }`, invoked asynchronously: shared/adapters/documents/lambda-requests.ts).
 */
import type { Context } from 'aws-lambda';
import { documentFileAdapters } from '../../shared/adapters/documents/files';
import { renderVerificationPage } from '../../shared/adapters/render/documents/verify-page';
import { requireHrRole } from '../../shared/application/authz';
import { runDocumentJob } from '../../shared/application/documents/job';
import { documentOnDemand, downloadDocument, listDocuments, penetapanOnDemand, verifyDocument } from '../../shared/application/documents/queries';
import type { DocumentJob } from '../../shared/application/ports';
import { useDocumentFiles } from '../../shared/composition';
import { CyclePath, EvaluationPath } from '../../shared/http/contract/common';
import { DocumentCodeParam, DocumentRequestBody, PenetapanRequestBody } from '../../shared/http/contract/documents';
import { type HttpEvent, httpApi } from '../../shared/http/router';

useDocumentFiles(documentFileAdapters);

const http = httpApi({
  'GET /v1/cycles/{cycleId}/evaluations/{nip}/documents': async (req) => {
    const { cycleId, nip } = EvaluationPath.parse(req.params);
    return { body: { documents: await listDocuments(req.caller, cycleId, nip) } };
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/documents': async (req) => {
    const { cycleId, nip } = EvaluationPath.parse(req.params);
    const body = req.body(DocumentRequestBody);
    const out = await documentOnDemand(req.caller, cycleId, nip, body.kind, body.periodId);
    return { status: out.created ? 201 : 200, body: out };
  },
  'POST /v1/cycles/{cycleId}/documents': async (req) => {
    requireHrRole(req.caller); // authorization before any other check
    const { cycleId } = CyclePath.parse(req.params);
    const out = await penetapanOnDemand(req.caller, cycleId, req.body(PenetapanRequestBody).unitId);
    return { status: out.created ? 201 : 200, body: out };
  },
  'GET /v1/documents/{code}': async (req) => ({
    body: await downloadDocument(req.caller, DocumentCodeParam.parse(req.params.code)),
    headers: { 'cache-control': 'no-store' },
  }),
  'GET /v1/public/documents/{code}': async (req) => {
    const v = await verifyDocument(String(req.params.code ?? ''));
    return {
      status: v.found ? 200 : 404,
      raw: renderVerificationPage(v),
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        'referrer-policy': 'no-referrer',
      },
    };
  },
});

export async function handler(event: HttpEvent | { documentJob: DocumentJob }, context: Context) {
  if ('documentJob' in event) return runDocumentJob(event.documentJob);
  return http(event, context);
}
