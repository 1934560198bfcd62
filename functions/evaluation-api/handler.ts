/** Employee, rater and peer API: SKP, progress, feedback, self-assessment, mid-year review, rating, objection, detail. */
import '../../shared/composition';
import * as z from 'zod';
import { auditTrail, getCycle, getEvaluation, invitationsOf } from '../../shared/adapters/dynamodb/repository';
import { canViewEvaluation, tokenAgency } from '../../shared/application/authz';
import { createDelegation } from '../../shared/application/delegation/delegation';
import { documentsOfEvaluation } from '../../shared/application/documents/queries';
import { ForbiddenError, NotFoundError } from '../../shared/application/errors';
import {
  fileObjection,
  giveFeedback,
  invitePeers,
  rateEvaluation,
  recordProgress,
  recordSelfAssessment,
  reviewMidyear,
  submitSkp,
} from '../../shared/application/evaluation/actions';
import { reviewPeriod } from '../../shared/application/evaluation/review-period';
import { evaluationView } from '../../shared/application/queries/evaluation-view';
import { EvaluationPath } from '../../shared/http/contract/common';
import {
  DelegationBody,
  FeedbackBody,
  InvitationsBody,
  MidyearBody,
  ObjectionBody,
  PeriodPath,
  PeriodReviewBody,
  ProgressBody,
  RatingBody,
  SelfAssessmentBody,
} from '../../shared/http/contract/evaluation';
import { type HttpRequest, httpApi } from '../../shared/http/router';

/** Kept so existing imports resolve: the schemas live in the contract (shared/http/contract/evaluation.ts). */
export { DelegationBody, FeedbackBody, InvitationsBody, MidyearBody, ObjectionBody, ProgressBody, RatingBody, SelfAssessmentBody };

const path = (req: HttpRequest) => EvaluationPath.parse(req.params);

export const handler = httpApi({
  'POST /v1/delegations': async (req) => ({
    status: 201,
    body: await createDelegation(tokenAgency(req.caller), req.body(DelegationBody), req.caller),
  }),
  'GET /v1/cycles/{cycleId}/evaluations/{nip}': async (req) => {
    const { cycleId, nip } = path(req);
    const e = await getEvaluation(cycleId, nip);
    if (!e) throw new NotFoundError(`evaluation ${nip}`, `Penilaian pegawai ${nip} tidak ditemukan`);
    // Who may read (authz.ts canViewEvaluation) and what each reader sees (360° anonymity): the query.
    const cycle = await getCycle(cycleId);
    if (!canViewEvaluation(req.caller, e, cycle)) throw new ForbiddenError('Not in your scope', 'Di luar cakupan akses Anda');
    const [audit, invitations, documents] = await Promise.all([auditTrail(cycleId, nip), invitationsOf(cycleId, nip), documentsOfEvaluation(cycleId, nip)]);
    return { body: { ...evaluationView(req.caller, e, cycle, audit, invitations), documents } };
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/skp': async (req) => {
    const { cycleId, nip } = path(req);
    return { body: await submitSkp(cycleId, nip, req.body(z.unknown()), req.caller, req.requestId) };
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/progress': async (req) => {
    const { cycleId, nip } = path(req);
    const body = req.body(ProgressBody);
    return { body: await recordProgress(cycleId, nip, body.realisations, req.caller, req.requestId, body.periodId) };
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/feedback': async (req) => {
    const { cycleId, nip } = path(req);
    return { body: await giveFeedback(cycleId, nip, req.body(FeedbackBody).feedback, req.caller, req.requestId) };
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/invitations': async (req) => {
    const { cycleId, nip } = path(req);
    const result = await invitePeers(cycleId, nip, req.body(InvitationsBody).peerNips, req.caller, req.requestId);
    return { status: result.outcome === 'applied' ? 201 : 200, body: result };
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/self-assessment': async (req) => {
    const { cycleId, nip } = path(req);
    return { body: await recordSelfAssessment(cycleId, nip, req.body(SelfAssessmentBody), req.caller, req.requestId) };
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/midyear-review': async (req) => {
    const { cycleId, nip } = path(req);
    return { body: await reviewMidyear(cycleId, nip, req.body(MidyearBody), req.caller, req.requestId) };
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/periods/{periodId}/review': async (req) => {
    const { cycleId, nip, periodId } = PeriodPath.parse(req.params);
    return { body: await reviewPeriod(cycleId, nip, periodId, req.body(PeriodReviewBody), req.caller, req.requestId) };
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/rating': async (req) => {
    const { cycleId, nip } = path(req);
    return { body: await rateEvaluation(cycleId, nip, req.body(RatingBody), req.caller, req.requestId) };
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/objection': async (req) => {
    const { cycleId, nip } = path(req);
    return { status: 201, body: await fileObjection(cycleId, nip, req.body(ObjectionBody), req.caller, req.requestId) };
  },
});
