/**
 * SKM, the citizen satisfaction survey: citizens submit answers and read a unit's IKM without an
 * account; HR moderates comments (JWT). Validate → use case → problem+json; no logic here.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import { config } from '../../shared/config';
import { badRequest } from '../../shared/http/problem';
import { jsonApi } from '../../shared/http/api';
import {
  CommentIdSchema,
  CommentListQuerySchema,
  IdempotencyKeySchema,
  IkmQuerySchema,
  MAX_SUBMISSION_BYTES,
  ModerationSchema,
  publicJsonApi,
  SubmissionSchema,
  UnitIdSchema,
  listComments,
  moderateComment,
  submitSurvey,
  unitIkm,
} from '../../shared/application/skm';
import { deps } from '../../shared/composition';
import { periodOf } from '../../shared/domain/skm/calendar';

const agencyId = () => config().AGENCY_ID;
const replayedHeader = (replayed: boolean): Record<string, string> => (replayed ? { 'idempotent-replayed': 'true' } : {});

const publicRoutes = publicJsonApi(
  {
    'POST /v1/public/units/{unitId}/skm': async (req) => {
      const unitId = UnitIdSchema.parse(req.params.unitId);
      const submission = req.body(SubmissionSchema);
      const rawKey = req.headers['idempotency-key'];
      const key = rawKey === undefined ? undefined : IdempotencyKeySchema.safeParse(rawKey);
      if (key && !key.success) throw badRequest('Header Idempotency-Key tidak valid', 'Invalid Idempotency-Key header', [{ field: 'Idempotency-Key', id: key.error.issues[0]!.message, en: key.error.issues[0]!.message }]);
      const receipt = await submitSurvey({
        agencyId: agencyId(), unitId, submission, sourceIp: req.sourceIp, userAgent: req.userAgent, idempotencyKey: key?.data,
      });
      return {
        status: 201,
        body: { receiptId: receipt.receiptId, period: receipt.period },
        headers: replayedHeader(receipt.replayed),
      };
    },
    'GET /v1/public/units/{unitId}/ikm': async (req) => {
      const unitId = UnitIdSchema.parse(req.params.unitId);
      const { period } = IkmQuerySchema.parse(req.query);
      const body = await unitIkm(agencyId(), unitId, period ?? periodOf(deps.clock.now()));
      return { body, headers: { 'cache-control': 'public, max-age=300' } };
    },
  },
  { maxBodyBytes: MAX_SUBMISSION_BYTES },
);

const hrRoutes = jsonApi({
  'GET /v1/skm/comments': async (req) => {
    const query = CommentListQuerySchema.parse(req.query);
    return { body: await listComments(req.caller, req.caller.agencyId ?? agencyId(), query) };
  },
  'POST /v1/skm/comments/{commentId}/moderation': async (req) => {
    const commentId = CommentIdSchema.parse(req.params.commentId);
    const moderation = req.body(ModerationSchema);
    const result = await moderateComment(req.caller, req.caller.agencyId ?? agencyId(), commentId, moderation, req.requestId);
    return { body: result.comment, headers: replayedHeader(result.replayed) };
  },
});

const PUBLIC = new Set(['POST /v1/public/units/{unitId}/skm', 'GET /v1/public/units/{unitId}/ikm']);

export const handler = (event: APIGatewayProxyEventV2 | APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) =>
  PUBLIC.has(event.routeKey)
    ? publicRoutes(event as APIGatewayProxyEventV2, context)
    : hrRoutes(event as APIGatewayProxyEventV2WithJWTAuthorizer, context);
