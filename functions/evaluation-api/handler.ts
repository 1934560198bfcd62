/** Employee, rater and peer API: SKP, progress, feedback, mid-year review, rating, objection, detail. */
import * as z from 'zod';
import { BerakhlakValueSchema } from '../../shared/domain/berakhlak';
import { RealisationSchema } from '../../shared/domain/evaluate';
import { PredikatSchema, RatingSchema } from '../../shared/domain/ratings';
import { fileObjection, giveFeedback, isHrOf, rateEvaluation, recordProgress, reviewMidyear, submitSkp } from '../../shared/application/evaluation/actions';
import { ForbiddenError } from '../../shared/application/errors';
import { auditTrail, getCycle, getEvaluation } from '../../shared/adapters/dynamodb/repository';
import { NotFoundError } from '../../shared/application/store-errors';
import { CycleIdParam, jsonApi, NipParam, type ApiRequest } from '../../shared/http/api';
import { createDelegation } from '../../shared/application/delegation/delegation';
import { config } from '../../shared/config';
import { invitePeers, recordSelfAssessment } from '../../shared/application/evaluation/actions';
import { invitationsOf } from '../../shared/adapters/dynamodb/repository';

const Path = z.object({ cycleId: CycleIdParam, nip: NipParam });
const path = (req: ApiRequest) => Path.parse(req.params);

const Reason = z.string().trim().min(1).max(2000);
export const ProgressBody = z.object({ realisations: z.array(RealisationSchema).min(1).max(200) });
export const FeedbackBody = z.object({
  feedback: z.array(z.object({ value: BerakhlakValueSchema, rating: RatingSchema, comment: z.string().max(2000).optional() })).min(1).max(7),
});
export const MidyearBody = z.object({ rating: RatingSchema, notes: z.string().trim().min(1).max(4000) });
export const RatingBody = z.object({
  rhkRatings: z.array(z.object({ rhkId: z.string().min(1).max(100), rating: RatingSchema, reason: z.string().max(2000).optional() })).max(50).optional(),
  behaviourRating: z.object({ rating: RatingSchema, reason: z.string().max(2000).optional() }).optional(),
});
export const ObjectionBody = z.object({ reason: Reason, requestedPredikat: PredikatSchema.optional() });
export const InvitationsBody = z.object({ peerNips: z.array(NipParam).min(1).max(20) });
const Note = z.string().trim().max(2000).optional();
export const SelfAssessmentBody = z.object({
  rhk: z.array(z.object({ rhkId: z.string().min(1).max(100), rating: RatingSchema, note: Note })).max(50).optional(),
  behaviour: z.array(z.object({ value: BerakhlakValueSchema, rating: RatingSchema, note: Note })).max(7)
    .refine((b) => new Set(b.map((x) => x.value)).size === b.length, 'Setiap nilai BerAKHLAK sekali saja / each BerAKHLAK value once').optional(),
  summary: z.string().trim().min(1).max(4000).optional(),
}).refine((b) => Boolean(b.rhk?.length || b.behaviour?.length || b.summary), 'Isi minimal satu bagian / fill in at least one part');
export type SelfAssessmentBody = z.infer<typeof SelfAssessmentBody>;

const Day = z.iso.date();
export const DelegationBody = z.object({
  delegateNip: NipParam,
  delegatorNip: NipParam.optional(),
  kind: z.enum(['plt', 'plh']),
  from: Day,
  until: Day,
  reason: z.string().trim().max(1000).optional(),
});

export const handler = jsonApi({
  'POST /v1/delegations': async (req) => {
    const body = req.body(DelegationBody);
    return { status: 201, body: await createDelegation(req.caller.agencyId ?? config().AGENCY_ID, body, req.caller) };
  },
  'GET /v1/cycles/{cycleId}/evaluations/{nip}': async (req) => {
    const { cycleId, nip } = path(req);
    const e = await getEvaluation(cycleId, nip);
    if (!e) throw new NotFoundError(`evaluation ${nip}`, `Penilaian pegawai ${nip} tidak ditemukan`);
    const c = req.caller;
    // Employees see their own record; raters their team; approvers their raters' teams; HR everything.
    const cycle = await getCycle(cycleId);
    if (![e.nip, e.raterNip, e.approverNip].includes(c.nip) && !(cycle && isHrOf(c, cycle.agencyId))) {
      throw new ForbiddenError('Not in your scope', 'Di luar cakupan akses Anda');
    }
    const [audit, invitations] = await Promise.all([auditTrail(cycleId, nip), invitationsOf(cycleId, nip)]);
    return { body: { evaluation: e, audit, invitations } };
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/skp': async (req) => {
    const { cycleId, nip } = path(req);
    return { body: await submitSkp(cycleId, nip, req.body(z.unknown()), req.caller, req.requestId) };
  },
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/progress': async (req) => {
    const { cycleId, nip } = path(req);
    return { body: await recordProgress(cycleId, nip, req.body(ProgressBody).realisations, req.caller, req.requestId) };
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
  'PUT /v1/cycles/{cycleId}/evaluations/{nip}/rating': async (req) => {
    const { cycleId, nip } = path(req);
    return { body: await rateEvaluation(cycleId, nip, req.body(RatingBody), req.caller, req.requestId) };
  },
  'POST /v1/cycles/{cycleId}/evaluations/{nip}/objection': async (req) => {
    const { cycleId, nip } = path(req);
    return { status: 201, body: await fileObjection(cycleId, nip, req.body(ObjectionBody), req.caller, req.requestId) };
  },
});
