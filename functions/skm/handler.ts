/**
 * SKM, the citizen satisfaction survey: citizens submit answers and read a unit's IKM without an
 * account; HR moderates comments (JWT). Validate → use case → answer; the router does the rest.
 */
import { listComments, moderateComment, submitSurvey, unitIkm } from '../../shared/application/skm/use-cases';
import { deps } from '../../shared/composition';
import { config } from '../../shared/config';
import { periodOf } from '../../shared/domain/skm/calendar';
import {
  CommentIdSchema,
  CommentListQuerySchema,
  IdempotencyKeySchema,
  IkmQuerySchema,
  MAX_SUBMISSION_BYTES,
  ModerationSchema,
  SubmissionSchema,
  UnitIdSchema,
} from '../../shared/http/contract/skm';
import { badRequest } from '../../shared/http/problem';
import { type HttpRequest, httpApi } from '../../shared/http/router';
import { surveyPageRoutes } from './pages';

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
      userAgent: req.userAgent,
      idempotencyKey: idempotencyKey(req),
    });
    return { status: 201, body: { receiptId: receipt.receiptId, period: receipt.period }, headers: replayedHeader(receipt.replayed) };
  },
  'GET /v1/public/units/{unitId}/ikm': async (req) => {
    const unitId = UnitIdSchema.parse(req.params.unitId);
    const { period } = IkmQuerySchema.parse(req.query);
    const body = await unitIkm(agencyId(), unitId, period ?? periodOf(deps.clock.now()));
    return { body, headers: { 'cache-control': 'public, max-age=300' } };
  },
  'GET /v1/skm/comments': async (req) => ({ body: await listComments(req.caller, req.caller.agencyId ?? agencyId(), CommentListQuerySchema.parse(req.query)) }),
  'POST /v1/skm/comments/{commentId}/moderation': async (req) => {
    const commentId = CommentIdSchema.parse(req.params.commentId);
    const moderation = req.body(ModerationSchema);
    const result = await moderateComment(req.caller, req.caller.agencyId ?? agencyId(), commentId, moderation, req.requestId);
    return { body: result.comment, headers: replayedHeader(result.replayed) };
  },
});
