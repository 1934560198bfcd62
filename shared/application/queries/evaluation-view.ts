/**
 * One evaluation as its reader may see it (GET /v1/cycles/{cycleId}/evaluations/{nip}). Who may read is
 * authz.ts's `canViewEvaluation`; what each reader sees is decided here:
 * - HR of the agency: everything, authors of 360° feedback included (HR audits it).
 * - the employee, their rater, their approver: 360° feedback of peers and subordinates aggregated per
 *   BerAKHLAK value, without authors, and only from MIN_VOICES_360 voices on (shared/domain/feedback-anonymity.ts);
 *   the rater's own feedback named; the audit trail without who gave feedback; the employee sees how
 *   many colleagues were invited, not who.
 * The response shape is EvaluationViewSchema (shared/http/contract/evaluation.ts).
 */
import { anonymised360, type Feedback360View } from '../../domain/feedback-anonymity';
import type { AuditEvent, CycleRecord, EvaluationRecord, InvitationRecord } from '../../domain/records';
import { canViewEvaluation, isHrOf } from '../authz';
import { ForbiddenError } from '../errors';
import type { Caller } from '../ports';

export type ReaderRole = 'hr' | 'employee' | 'rater' | 'approver';

export interface EvaluationView {
  reader: ReaderRole;
  evaluation: Omit<EvaluationRecord, 'feedback'> & { feedback?: EvaluationRecord['feedback'] };
  feedback360: Feedback360View;
  audit: AuditEvent[];
  invitations: InvitationRecord[] | { count: number };
}

/** A feedback event by a colleague, as a reader who is not HR sees it: no author, no peer/subordinate. */
function anonymousAudit(event: AuditEvent, e: Pick<EvaluationRecord, 'raterNip'>): AuditEvent {
  if (event.action !== 'FEEDBACK_GIVEN' || event.actor.nip === e.raterNip) return event;
  const { before: _b, after: _a, ...rest } = event;
  return { ...rest, actor: { nip: '', role: 'peer' } };
}

export function evaluationView(
  caller: Caller,
  e: EvaluationRecord,
  cycle: CycleRecord | undefined,
  audit: readonly AuditEvent[],
  invitations: readonly InvitationRecord[],
): EvaluationView {
  if (!canViewEvaluation(caller, e, cycle)) throw new ForbiddenError('Not in your scope', 'Di luar cakupan akses Anda');
  const hr = cycle !== undefined && isHrOf(caller, cycle.agencyId) && caller.nip !== e.nip;
  if (hr) {
    return { reader: 'hr', evaluation: e, feedback360: anonymised360(e.feedback), audit: [...audit], invitations: [...invitations] };
  }
  const reader: ReaderRole = caller.nip === e.nip ? 'employee' : caller.nip === e.raterNip ? 'rater' : 'approver';
  const { feedback: _authors, ...evaluation } = e;
  return {
    reader,
    evaluation,
    feedback360: anonymised360(e.feedback),
    audit: audit.map((a) => anonymousAudit(a, e)),
    // The rater (and approver) named the invitees; the employee learns only how many were asked.
    invitations: reader === 'employee' ? { count: invitations.length } : [...invitations],
  };
}
