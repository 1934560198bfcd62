/** The web app's own routes: who am I, Beranda, the superior's RHKs, the rating proposal, decisions through the session. */
import '../../shared/composition';
import { approveAll, decideInSession, myDecisions, myTasks, parentRhk, ratingProposal, whoAmI } from '../../shared/application/me/me';
import { EvaluationPath } from '../../shared/http/contract/common';
import { ApproveAllBody, MeQuery, MyDecisionBody, MyDecisionPath, MyDecisionsQuery, TasksQuery } from '../../shared/http/contract/me';
import { type HttpRequest, httpApi } from '../../shared/http/router';

const path = (req: HttpRequest) => EvaluationPath.parse(req.params);

export const handler = httpApi({
  'GET /v1/me': async (req) => {
    MeQuery.parse(req.query);
    return { body: await whoAmI(req.caller) };
  },
  'GET /v1/me/tasks': async (req) => {
    const q = TasksQuery.parse(req.query);
    return { body: await myTasks(req.caller, q.cycleId, q.lang ?? 'id') };
  },
  'GET /v1/me/decisions': async (req) => {
    const q = MyDecisionsQuery.parse(req.query);
    return { body: await myDecisions(req.caller, q.lang ?? 'id', q.cycleId) };
  },
  'POST /v1/me/decisions/approve-all': async (req) => {
    const body = req.body(ApproveAllBody);
    return { body: await approveAll(req.caller, body.decisionIds, body.comment ?? '') };
  },
  'POST /v1/me/decisions/{decisionId}': async (req) => {
    const { decisionId } = MyDecisionPath.parse(req.params);
    const body = req.body(MyDecisionBody);
    return { body: await decideInSession(req.caller, decisionId, body.decision, body.comment ?? '') };
  },
  'GET /v1/cycles/{cycleId}/evaluations/{nip}/parent-rhk': async (req) => {
    const { cycleId, nip } = path(req);
    return { body: await parentRhk(req.caller, cycleId, nip) };
  },
  'GET /v1/cycles/{cycleId}/evaluations/{nip}/proposal': async (req) => {
    const { cycleId, nip } = path(req);
    return { body: await ratingProposal(req.caller, cycleId, nip) };
  },
});
