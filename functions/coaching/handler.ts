/** Coaching after a low predikat: the plan, sessions (rater), acknowledgement (employee), HR's list of open and overdue plans. */
import '../../shared/composition';
import { requireHrRole, tokenAgency } from '../../shared/application/authz';
import { acknowledgeCoachingSession, getCoachingPlan, listCoachingPlans, recordCoachingSession } from '../../shared/application/coaching/coaching';
import { EvaluationPath } from '../../shared/http/contract/common';
import { AcknowledgementBody, CoachingListQuery, CoachingSessionBody, SessionIdParam } from '../../shared/http/contract/documents';
import { type HttpRequest, httpApi } from '../../shared/http/router';

const path = (req: HttpRequest) => EvaluationPath.parse(req.params);

export const handler = httpApi({
  'GET /v1/cycles/{cycleId}/evaluations/{nip}/coaching': async (req) => {
    const { cycleId, nip } = path(req);
    return { body: await getCoachingPlan(req.caller, cycleId, nip) };
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/coaching/sessions': async (req) => {
    const { cycleId, nip } = path(req);
    return { status: 201, body: await recordCoachingSession(req.caller, cycleId, nip, req.body(CoachingSessionBody), req.requestId) };
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/coaching/sessions/{sessionId}/acknowledgement': async (req) => {
    const { cycleId, nip } = path(req);
    const sessionId = SessionIdParam.parse(req.params.sessionId);
    return { body: await acknowledgeCoachingSession(req.caller, cycleId, nip, sessionId, req.body(AcknowledgementBody).note, req.requestId) };
  },
  'GET /v1/coaching': async (req) => {
    requireHrRole(req.caller); // authorization before any other check
    const q = CoachingListQuery.parse(req.query);
    return {
      body: await listCoachingPlans(req.caller, tokenAgency(req.caller), {
        overdue: q.status === 'overdue',
        ...(q.cursor ? { cursor: q.cursor } : {}),
        limit: q.limit,
      }),
    };
  },
});
