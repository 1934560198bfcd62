/**
 * SKM, the citizen satisfaction survey: citizens submit answers and read a unit's IKM without an
 * account; HR moderates comments (JWT). Validate → use case → answer; the router does the rest.
 */
import { requireHrRole, tokenAgency } from '../../shared/application/authz';
import { issueKiosk, listComments, moderateComment, revokeKiosk, submitSurvey, unitIkm } from '../../shared/application/skm/use-cases';
import { deps } from '../../shared/composition';
import { config } from '../../shared/config';
import { periodOf } from '../../shared/domain/skm/calendar';
import {
  CommentIdSchema,
  CommentListQuerySchema,
  IdempotencyKeySchema,
  IkmQuerySchema,
  KIOSK_TOKEN_HEADER,
  KioskBody,
  KioskIdParam,
  KioskTokenSchema,
  MAX_SUBMISSION_BYTES,
  ModerationSchema,
  SubmissionSchema,
  UnitIdSchema,
} from '../../shared/http/contract/skm';
import { badRequest } from '../../shared/http/problem';
import { type HttpRequest, httpApi } from '../../shared/http/router';
import { surveyPageRoutes } from './pages';

/** The public survey's agency: the deployment's (citizens have no token). HR routes take the token's. */
const agencyId = () => config().AGENCY_ID;
const replayedHeader = (replayed: boolean): Record<string, string> => (replayed ? { 'idempotent-replayed': 'true' } : {});

function idempotencyKey(req: HttpRequest): string | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const key = IdempotencyKeySchema.safeParse(raw);
  if (key.success) return key.data;
  const message = key.error.issues[0]!.message;
  throw badRequest('Header Idempotency-Key tidak valid', 'Invalid Idempotency-Key header', [{ field: 'Idempotency-Key', id: message, en: message }]);
}

/** A kiosk's device token (header X-Kiosk-Token), when the request carries one. */
function kioskTokenOf(req: HttpRequest): { kioskToken?: string } {
  const raw = req.headers[KIOSK_TOKEN_HEADER];
  if (raw === undefined) return {};
  const token = KioskTokenSchema.safeParse(raw.trim());
  if (!token.success) throw badRequest('Header X-Kiosk-Token tidak valid', 'Invalid X-Kiosk-Token header');
  return { kioskToken: token.data };
}

export const handler = httpApi({
  // The citizens' HTML pages: survey form, thank-you, poster with QR code, public IKM page (./pages.ts).
  ...surveyPageRoutes,
  'POST /v1/public/units/{unitId}/skm': async (req) => {
    const unitId = UnitIdSchema.parse(req.params.unitId);
    const submission = req.body(SubmissionSchema, MAX_SUBMISSION_BYTES);
    const receipt = await submitSurvey({
      agencyId: agencyId(),
      unitId,
      submission,
      sourceIp: req.sourceIp,
      idempotencyKey: idempotencyKey(req),
      ...kioskTokenOf(req),
    });
    // Held for HR's review (a suspicious burst): accepted, not counted yet.
    if (receipt.held)
      return { status: 202, body: { receiptId: receipt.receiptId, period: receipt.period, held: true }, headers: replayedHeader(receipt.replayed) };
    return { status: 201, body: { receiptId: receipt.receiptId, period: receipt.period }, headers: replayedHeader(receipt.replayed) };
  },
  'GET /v1/public/units/{unitId}/ikm': async (req) => {
    const unitId = UnitIdSchema.parse(req.params.unitId);
    const { period } = IkmQuerySchema.parse(req.query);
    const body = await unitIkm(agencyId(), unitId, period ?? periodOf(deps.clock.now()));
    return { body, headers: { 'cache-control': 'public, max-age=300' } };
  },
  // HR routes: the role before anything else is read, the agency from the token alone.
  'GET /v1/skm/comments': async (req) => {
    requireHrRole(req.caller);
    return { body: await listComments(req.caller, tokenAgency(req.caller), CommentListQuerySchema.parse(req.query)) };
  },
  // --- integrity (issue #12): HR issues and revokes survey kiosk tokens ---
  'POST /v1/skm/kiosks': async (req) => {
    requireHrRole(req.caller);
    const body = req.body(KioskBody);
    return { status: 201, body: await issueKiosk(req.caller, tokenAgency(req.caller), body.unitId, body.label) };
  },
  'DELETE /v1/skm/kiosks/{kioskId}': async (req) => {
    requireHrRole(req.caller);
    return { body: await revokeKiosk(req.caller, tokenAgency(req.caller), KioskIdParam.parse(req.params.kioskId)) };
  },
  'POST /v1/skm/comments/{commentId}/moderation': async (req) => {
    requireHrRole(req.caller);
    const commentId = CommentIdSchema.parse(req.params.commentId);
    const moderation = req.body(ModerationSchema);
    const result = await moderateComment(req.caller, tokenAgency(req.caller), commentId, moderation, req.requestId);
    return { body: result.comment, headers: replayedHeader(result.replayed) };
  },
});
