/**
 * The one scoring oracle: what the domain engine gives an employee of a sample agency, straight from
 * the sample's plans (no workflow), with the feedback the API would have recorded. The expected values
 * of the integration, chaos, sample and report tests and of the benchmark's seeded records.
 *
 * Feedback is counted as the API records it (giveFeedback in shared/application/evaluation/actions.ts;
 * spec §3b): the rater's as 'rater'; a colleague's only when invited for this evaluation (360° feedback
 * is by invitation), as 'subordinate' when the author's rater is the employee, else as 'peer'; anyone
 * else's is refused (403) and so not counted. Whom the sample's raters invite is the office custom in
 * local/invitations.ts (the employee's own unit and own subordinates), the set the local cycle invites.
 */

import { colleaguesToInvite, type Placement } from '../../local/invitations';
import type { SampleAgency } from '../../local/sample/schema';
import {
  type BehaviourFeedback,
  DEFAULT_POLICY_ID,
  type EmployeeEvaluation,
  evaluateEmployee,
  type FeedbackSource,
  getPolicy,
  type OrgPredikat,
} from '../../shared/domain';

/** The source the API gives an author's feedback on `nip`, or undefined when it refuses it. */
export function feedbackSource(nip: string, employee: Placement, author: { nip: string } & Partial<Placement>, invited: boolean): FeedbackSource | undefined {
  if (author.nip === nip) return undefined; // nobody gives feedback on themselves
  if (author.nip === employee.raterNip) return 'rater';
  if (!invited) return undefined;
  return author.raterNip === nip ? 'subordinate' : 'peer';
}

export interface OracleOptions {
  /** The organisation's result, for heads of units (default BAIK, as the sample's cycle sets it). */
  organisationResult?: OrgPredikat;
  /** Where people are (after transfers, say); default: the sample's own placement. */
  placementOf?: (nip: string) => Placement | undefined;
}

function placements(sample: SampleAgency): (nip: string) => Placement | undefined {
  const byNip = new Map(sample.employees.map((e) => [e.nip, { unitId: e.unitId, ...(e.raterNip ? { raterNip: e.raterNip } : {}) }]));
  return (nip) => byNip.get(nip);
}

/** The behaviour feedback on `nip` as the API stores it: the rater's, and the invited colleagues'. */
export function recordedFeedback(sample: SampleAgency, nip: string, options: OracleOptions = {}): BehaviourFeedback[] {
  const placementOf = options.placementOf ?? placements(sample);
  const plan = sample.plans.find((p) => p.nip === nip);
  const me = placementOf(nip);
  if (!plan || !me) throw new Error(`scoring-oracle: ${nip} has no plan or no place in the sample`);
  const invited = new Set(
    colleaguesToInvite(
      nip,
      plan.feedback.map((f) => f.fromNip),
      placementOf,
    ),
  );
  return plan.feedback.flatMap((f) => {
    const source = feedbackSource(nip, me, { nip: f.fromNip, ...placementOf(f.fromNip) }, invited.has(f.fromNip));
    return source ? [{ source, value: f.value, rating: f.rating, fromNip: f.fromNip, ...(f.comment ? { comment: f.comment } : {}) }] : [];
  });
}

/** The whole evaluation (results, behaviour, predikat) the engine gives `nip` under the default policy. */
export function expectedEvaluation(sample: SampleAgency, nip: string, options: OracleOptions = {}): EmployeeEvaluation {
  const me = sample.employees.find((e) => e.nip === nip);
  const plan = sample.plans.find((p) => p.nip === nip);
  if (!me || !plan) throw new Error(`scoring-oracle: ${nip} has no plan in the sample`);
  return evaluateEmployee(
    {
      nip,
      isUnitHead: me.isUnitHead,
      skp: plan.skp,
      realisations: plan.final,
      behaviourFeedback: recordedFeedback(sample, nip, options),
      raterRhkRatings: plan.raterOverride?.rhkRatings,
      raterBehaviourRating: plan.raterOverride?.behaviourRating,
      organisationResult: me.isUnitHead ? (options.organisationResult ?? 'BAIK') : undefined,
    },
    getPolicy(DEFAULT_POLICY_ID),
  );
}

/** The predikat the engine gives `nip` straight from the sample data. */
export function expectedPredikat(sample: SampleAgency, nip: string, options: OracleOptions = {}): string {
  return expectedEvaluation(sample, nip, options).predikat;
}
