/** HR's rater-bias routes (shared/application/rater-bias): the analysis of a cycle, and a flag acknowledgement with a note. */
import { requireHrRole } from '../../shared/application/authz';
import { acknowledgeRaterBias, raterBiasOfCycle } from '../../shared/application/rater-bias/rater-bias';
import { RaterBiasAckBody, RaterNipParam } from '../../shared/http/contract/citizens';
import { CyclePath } from '../../shared/http/contract/common';
import type { HttpRoute } from '../../shared/http/router';

export const raterBiasRoutes = {
  'GET /v1/cycles/{cycleId}/rater-bias': async (req) => {
    requireHrRole(req.caller); // authorization before any other check
    return { body: await raterBiasOfCycle(req.caller, CyclePath.parse(req.params).cycleId) };
  },
  'POST /v1/cycles/{cycleId}/rater-bias/{raterNip}/acknowledgement': async (req) => {
    requireHrRole(req.caller);
    const { cycleId } = CyclePath.parse(req.params);
    const raterNip = RaterNipParam.parse(req.params.raterNip);
    const { note } = req.body(RaterBiasAckBody);
    const out = await acknowledgeRaterBias(req.caller, cycleId, raterNip, note, req.requestId);
    const headers: Record<string, string> = out.replayed ? { 'idempotent-replayed': 'true' } : {};
    return { status: out.replayed ? 200 : 201, body: out.acknowledgement, headers };
  },
} satisfies Record<string, HttpRoute>;
