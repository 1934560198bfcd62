/** The predikat the domain engine gives an employee straight from the sample data (no workflow). */

import type { SampleAgency } from '../../local/sample/schema';
import { type BehaviourFeedback, DEFAULT_POLICY_ID, evaluateEmployee, getPolicy } from '../../shared/domain';

export function expectedPredikat(sample: SampleAgency, nip: string): string {
  const byNip = new Map(sample.employees.map((e) => [e.nip, e]));
  const plan = sample.plans.find((p) => p.nip === nip)!;
  const me = byNip.get(nip)!;
  // The same source rules the API applies: the rater, a subordinate, or a colleague in the same unit.
  const feedback: BehaviourFeedback[] = plan.feedback.flatMap((f) => {
    const author = byNip.get(f.fromNip);
    const source = f.fromNip === me.raterNip ? 'rater' : author?.raterNip === nip ? 'subordinate' : author?.unitId === me.unitId ? 'peer' : undefined;
    return source ? [{ source, value: f.value, rating: f.rating, fromNip: f.fromNip, ...(f.comment ? { comment: f.comment } : {}) }] : [];
  });
  return evaluateEmployee(
    {
      nip,
      isUnitHead: me.isUnitHead,
      skp: plan.skp,
      realisations: plan.final,
      behaviourFeedback: feedback,
      raterRhkRatings: plan.raterOverride?.rhkRatings,
      raterBehaviourRating: plan.raterOverride?.behaviourRating,
      organisationResult: me.isUnitHead ? 'BAIK' : undefined,
    },
    getPolicy(DEFAULT_POLICY_ID),
  ).predikat;
}
