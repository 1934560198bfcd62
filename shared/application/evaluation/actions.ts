/**
 * What people do in a cycle, as use cases: employees submit SKPs, progress and objections; raters
 * review and rate; peers give feedback; approvers decide (through email links); HR calibrates.
 * Each is: check who may act → check the state → apply with the domain engine → one conditional
 * transaction (change + audit + counters) → release the stage if it is complete.
 */
// Compat until every Lambda entry imports shared/composition itself: loading this module installs the real adapters.
import '../../composition';
import * as domain from '../../domain';
import type { BehaviourFeedback } from '../../domain/behaviour';
import type { Realisation } from '../../domain/evaluate';
import { assertTransition, TransitionError, type EvaluationStatus, type Stage } from '../../domain/lifecycle/status';
import type { Actor, CycleRecord, DecisionRecord, EvaluationFields, EvaluationRecord, SelfAssessmentInput } from '../../domain/records';
import { ConflictError, ForbiddenError, NotFoundError, RuleError, StateError } from '../errors';
import { ports } from '../context';
import type { Caller } from '../ports';
import { isDirectDecider, requireDecider, requireFeedbackAuthor, requireHrActingOn, requireRater, requireSelf, requireSelfOrHr } from '../authz';
import { scoreEvaluation, type RaterRatingInput } from './scoring';
import { approvedCitizenEvidence } from '../skm/use-cases';
import { activeDelegateOf } from '../delegation/delegation';
import { releaseStageIfComplete } from '../stages/release';

export type { Caller } from '../ports';
export type { SelfAssessmentInput } from '../../domain/records';
export { isHrOf } from '../authz';

async function load(cycleId: string, nip: string): Promise<{ cycle: CycleRecord; e: EvaluationRecord }> {
  const cycle = await ports().cycles.get(cycleId);
  if (!cycle) throw new NotFoundError(`cycle ${cycleId}`, `Siklus ${cycleId} tidak ditemukan`);
  const e = await ports().evaluations.get(cycleId, nip);
  if (!e) throw new NotFoundError(`evaluation of ${nip} in ${cycleId}`, `Penilaian pegawai ${nip} pada siklus ${cycleId} tidak ditemukan`);
  return { cycle, e };
}

/**
 * A request retried with the same Idempotency-Key finds its own change as the evaluation's last one:
 * it gets the same answer, before any state check could refuse it.
 */
function replayOf(e: EvaluationRecord, changeId: string) {
  return e.lastChangeId === changeId ? { status: e.status, outcome: 'replayed' as const } : undefined;
}

function requireStage(cycle: CycleRecord, ...stages: Stage[]) {
  if (!stages.includes(cycle.stage)) {
    throw new StateError(`Not possible in stage ${cycle.stage} (needs ${stages.join(' or ')})`, `Tidak dapat dilakukan pada tahap ${cycle.stage} (hanya pada tahap ${stages.join(' atau ')})`);
  }
}
function requireStatus(e: EvaluationRecord, to: EvaluationStatus) {
  try {
    assertTransition(e.status, to);
  } catch (err) {
    if (err instanceof TransitionError) throw new StateError(err.message, `Penilaian berstatus ${e.status}; tindakan ini tidak dapat dilakukan`);
    throw err;
  }
}
const actorOf = (c: Caller, role: Actor['role']): Actor => ({ nip: c.nip, role: c.roles.includes('hr') && role !== 'hr' ? 'hr' : role, name: c.name });
const now = () => ports().clock.now().toISOString();

// ─── planning ─────────────────────────────────────────────────────────────────────────────────────

export async function submitSkp(cycleId: string, nip: string, skpInput: unknown, caller: Caller, requestId: string) {
  const { cycle, e } = await load(cycleId, nip);
  requireSelfOrHr(caller, e, cycle);
  const replay = replayOf(e, `skp:${requestId}`);
  if (replay) return replay;
  // Everyone plans in the planning stage; an employee who joined later plans in the mid-year stage.
  if (!(cycle.stage === 'PLANNING' || (e.joinedAt && cycle.stage === 'MIDYEAR'))) requireStage(cycle, 'PLANNING');
  requireStatus(e, 'SKP_SUBMITTED');
  const rater = e.raterNip ? await ports().evaluations.get(cycleId, e.raterNip) : undefined;
  const superiorRhkIds = rater?.skp?.rhk.map((r) => r.id);
  const validation = domain.validateSkp(skpInput, {
    isUnitHead: e.isUnitHead,
    cycle: { start: `${cycle.year}-01-01`, end: `${cycle.year}-12-31` },
    ...(superiorRhkIds ? { superiorRhkIds } : {}),
  });
  if (!validation.ok) throw new domain.DomainValidationError(validation.errors);
  if (validation.skp.nip !== nip) throw new RuleError('The SKP’s NIP must be the employee’s', 'NIP pada SKP harus NIP pegawai yang bersangkutan', 'nip');
  const at = now();
  const decisionId = ports().newId();
  const recipient = e.raterNip;
  const outcome = await ports().evaluations.change({
    cycleId, nip, changeId: `skp:${requestId}`, from: ['SKP_DRAFT', 'SKP_RETURNED'], to: 'SKP_SUBMITTED',
    set: { skp: validation.skp, pendingDecisionId: recipient ? decisionId : null },
    audit: { at, actor: actorOf(caller, 'employee'), action: 'SKP_SUBMITTED', before: { status: e.status }, after: { status: 'SKP_SUBMITTED', rhk: validation.skp.rhk.length } },
    extra: recipient ? [
      ports().decisions.createOp({ decisionId, kind: 'SKP_APPROVAL', cycleId, stage: cycle.stage, counts: cycle.stage === 'PLANNING', subjectNip: nip, recipientNip: recipient, status: 'PENDING', createdAt: at }),
      ports().decisions.digestDueOp(cycleId, cycle.stage, recipient, decisionId),
    ] : [],
  }, e);
  return { status: 'SKP_SUBMITTED' as const, outcome };
}

// ─── monitoring and final scoring ─────────────────────────────────────────────────────────────────

export async function recordProgress(cycleId: string, nip: string, realisations: Realisation[], caller: Caller, requestId: string) {
  const { cycle, e } = await load(cycleId, nip);
  requireSelfOrHr(caller, e, cycle);
  const replay = replayOf(e, `progress:${requestId}`);
  if (replay) return replay;
  requireStage(cycle, 'MIDYEAR', 'FINAL_SCORING');
  const allowed: EvaluationStatus[] = cycle.stage === 'MIDYEAR' ? ['MONITORING', 'MIDYEAR_REVIEWED'] : ['AWAITING_RATING'];
  if (!allowed.includes(e.status)) throw new StateError(`Progress cannot be changed in status ${e.status}`, `Realisasi tidak dapat diubah pada status ${e.status}`);
  const indicatorIds = new Set((e.skp?.rhk ?? []).flatMap((r) => r.indicators.map((i) => i.id)));
  const unknown = realisations.filter((r) => !indicatorIds.has(r.indicatorId)).map((r) => r.indicatorId);
  if (unknown.length) throw new RuleError(`Unknown indicator(s): ${unknown.join(', ')}`, `Indikator tidak ada di SKP: ${unknown.join(', ')}`, 'realisations');
  const field = cycle.stage === 'MIDYEAR' ? 'progress' : 'realisations';
  const outcome = await ports().evaluations.change({
    cycleId, nip, changeId: `progress:${requestId}`, from: e.status, set: { [field]: realisations },
    audit: { at: now(), actor: actorOf(caller, 'employee'), action: cycle.stage === 'MIDYEAR' ? 'PROGRESS_RECORDED' : 'REALISATION_RECORDED', after: { indicators: realisations.length } },
  }, e);
  return { status: e.status, outcome };
}

export async function giveFeedback(cycleId: string, nip: string, feedback: Omit<BehaviourFeedback, 'source' | 'fromNip'>[], caller: Caller, requestId: string) {
  const { cycle, e } = await load(cycleId, nip);
  requireStage(cycle, 'MIDYEAR', 'FINAL_SCORING');
  if (caller.nip === nip) requireFeedbackAuthor(caller, e, false);
  const replay = replayOf(e, `feedback:${requestId}`);
  if (replay) return { ...replay, source: undefined };
  let source: BehaviourFeedback['source'];
  if (caller.nip === e.raterNip) source = 'rater';
  else {
    // Peers and subordinates give 360° feedback only when invited for this evaluation (invitePeers).
    requireFeedbackAuthor(caller, e, Boolean(await ports().evaluations.getInvitation(cycleId, nip, caller.nip)));
    const author = await ports().evaluations.get(cycleId, caller.nip);
    source = author?.raterNip === nip ? 'subordinate' : 'peer';
    await requireBeforeDeadline(cycle);
  }
  if (e.status === 'RATED') throw new StateError('The evaluation has been rated', 'Penilaian sudah diberi rating');
  const items: BehaviourFeedback[] = feedback.map((f) => ({ ...f, source, fromNip: caller.nip }));
  // One entry per author: a second submission replaces the first (editable until the rating, and for peers the stage deadline).
  const outcome = await ports().evaluations.change({
    cycleId, nip, changeId: `feedback:${requestId}`, from: e.status,
    set: { feedback: { ...(e.feedback ?? {}), [caller.nip]: items } },
    audit: { at: now(), actor: { nip: caller.nip, role: source === 'rater' ? 'rater' : 'peer' }, action: 'FEEDBACK_GIVEN', after: { source, values: items.length } },
  }, e);
  return { source, outcome };
}

/** The current stage's deadline (opened + the schedule's deadline day); peers' feedback closes then. */
async function requireBeforeDeadline(cycle: CycleRecord) {
  const record = await ports().stages.get(cycle.cycleId, cycle.stage);
  const window = cycle.schedule?.windows?.[cycle.stage];
  if (!record?.openedAt || !window?.deadlineDay) return;
  const deadline = Date.parse(record.openedAt) + window.deadlineDay * 86_400_000;
  if (ports().clock.now().getTime() > deadline) {
    const day = new Date(deadline).toISOString().slice(0, 10);
    throw new StateError(`The deadline of stage ${cycle.stage} (${day}) has passed`, `Batas waktu tahap ${cycle.stage} (${day}) telah lewat`);
  }
}

/** At most this many colleagues per evaluation: every one's feedback is stored on the evaluation item. */
export const MAX_INVITATIONS = 20;

/**
 * The rater (or HR) names the colleagues asked for 360° feedback on an employee: once per cycle per
 * pair (a conditional put each), with one audit event in the same transaction. Inviting someone
 * already invited changes nothing and says so.
 */
export async function invitePeers(cycleId: string, nip: string, peerNips: string[], caller: Caller, requestId: string) {
  const { cycle, e } = await load(cycleId, nip);
  requireRater(caller, e, cycle);
  requireStage(cycle, 'PLANNING', 'MIDYEAR', 'FINAL_SCORING');
  if (e.status === 'RATED') throw new StateError('The evaluation has been rated', 'Penilaian sudah diberi rating');
  if (cycle.stage !== 'PLANNING') await requireBeforeDeadline(cycle);
  const wanted = [...new Set(peerNips)];
  if (wanted.includes(nip)) throw new RuleError('An employee is not invited to give feedback on themselves', 'Pegawai tidak dapat diundang menilai dirinya sendiri', 'peerNips');
  if (e.raterNip && wanted.includes(e.raterNip)) throw new RuleError('The rater gives feedback without an invitation', 'Pejabat Penilai memberi umpan balik tanpa undangan', 'peerNips');
  const existing = new Set((await ports().evaluations.invitationsOf(cycleId, nip)).map((i) => i.peerNip));
  const fresh = wanted.filter((p) => !existing.has(p));
  if (existing.size + fresh.length > MAX_INVITATIONS) {
    throw new RuleError(`At most ${MAX_INVITATIONS} colleagues per evaluation`, `Paling banyak ${MAX_INVITATIONS} rekan kerja per penilaian`, 'peerNips');
  }
  // Only people evaluated in this cycle (so of this agency) can be invited.
  const unknown = (await Promise.all(fresh.map(async (p) => ((await ports().evaluations.get(cycleId, p)) ? undefined : p)))).filter((p): p is string => Boolean(p));
  if (unknown.length) throw new RuleError(`Not in this cycle: ${unknown.join(', ')}`, `Tidak terdaftar pada siklus ini: ${unknown.join(', ')}`, 'peerNips');
  if (!fresh.length) return { invited: [] as string[], alreadyInvited: wanted, outcome: 'already' as const };
  const at = now();
  const written = await ports().evaluations.putInvitations(
    fresh.map((peerNip) => ({ cycleId, nip, peerNip, invitedBy: caller.nip, invitedAt: at })),
    { eventId: `invite:${requestId}`, at, actor: actorOf(caller, 'rater'), action: 'PEERS_INVITED', after: { peers: fresh } },
  );
  if (written === 'exists') {
    // Lost a race with the same invitation (a double click, a retry): say what is stored now.
    const now2 = new Set((await ports().evaluations.invitationsOf(cycleId, nip)).map((i) => i.peerNip));
    if (wanted.every((p) => now2.has(p))) return { invited: [] as string[], alreadyInvited: wanted, outcome: 'already' as const };
    throw new ConflictError('Invitations changed meanwhile; try again', 'Undangan berubah pada saat yang sama; coba lagi');
  }
  return { invited: fresh, alreadyInvited: wanted.filter((p) => existing.has(p)), outcome: 'applied' as const };
}

// ─── self-assessment (penilaian mandiri) ──────────────────────────────────────────────────────────


/**
 * The employee's own view of their results and behaviour, for the mid-year check and the final
 * rating. Stored per stage on the evaluation and shown to the rater; advisory only: the score is the
 * rater's (domain-rules.md §1, §3), so it never enters scoring.
 */
export async function recordSelfAssessment(cycleId: string, nip: string, input: SelfAssessmentInput, caller: Caller, requestId: string) {
  const { cycle, e } = await load(cycleId, nip);
  requireSelf(caller, e, { en: 'Only the employee assesses themselves', id: 'Hanya pegawai yang bersangkutan yang dapat menilai dirinya sendiri' });
  const replay = replayOf(e, `self:${requestId}`);
  if (replay) return replay;
  requireStage(cycle, 'MIDYEAR', 'FINAL_SCORING');
  const allowed: EvaluationStatus[] = cycle.stage === 'MIDYEAR' ? ['MONITORING', 'MIDYEAR_REVIEWED'] : ['AWAITING_RATING'];
  if (!allowed.includes(e.status)) throw new StateError(`A self-assessment cannot be recorded in status ${e.status}`, `Penilaian mandiri tidak dapat dicatat pada status ${e.status}`);
  const rhkIds = new Set((e.skp?.rhk ?? []).map((r) => r.id));
  const unknown = (input.rhk ?? []).map((r) => r.rhkId).filter((id) => !rhkIds.has(id));
  if (unknown.length) throw new RuleError(`Unknown RHK: ${unknown.join(', ')}`, `RHK tidak ada di SKP: ${unknown.join(', ')}`, 'rhk');
  const at = now();
  const entry = { ...input, at };
  const outcome = await ports().evaluations.change({
    cycleId, nip, changeId: `self:${requestId}`, from: e.status,
    set: { selfAssessment: { ...(e.selfAssessment ?? {}), [cycle.stage]: entry } },
    audit: { at, actor: { nip: caller.nip, role: 'employee', name: caller.name }, action: 'SELF_ASSESSED', after: { stage: cycle.stage, rhk: input.rhk?.length ?? 0, behaviour: input.behaviour?.length ?? 0 } },
  }, e);
  return { status: e.status, stage: cycle.stage, outcome };
}

export async function reviewMidyear(cycleId: string, nip: string, review: { rating: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH'; notes: string }, caller: Caller, requestId: string) {
  const { cycle, e } = await load(cycleId, nip);
  requireRater(caller, e, cycle);
  const replay = replayOf(e, `midyear:${requestId}`);
  if (replay) return replay;
  requireStage(cycle, 'MIDYEAR');
  requireStatus(e, 'MIDYEAR_REVIEWED');
  const outcome = await ports().evaluations.change({
    cycleId, nip, changeId: `midyear:${requestId}`, from: 'MONITORING', to: 'MIDYEAR_REVIEWED', set: { midyearReview: { ...review, at: now() } },
    audit: { at: now(), actor: actorOf(caller, 'rater'), action: 'MIDYEAR_REVIEWED', after: review },
    extra: [ports().stages.counterOp(cycleId, 'MIDYEAR', { done: 1 })],
  }, e);
  if (outcome === 'applied') await releaseStageIfComplete(cycleId, 'MIDYEAR', cycle);
  return { status: 'MIDYEAR_REVIEWED' as const, outcome };
}

export async function rateEvaluation(cycleId: string, nip: string, rating: RaterRatingInput, caller: Caller, requestId: string) {
  const { cycle, e } = await load(cycleId, nip);
  requireRater(caller, e, cycle);
  const replay = replayOf(e, `rating:${requestId}`);
  if (replay) return replay;
  requireStage(cycle, 'FINAL_SCORING', 'APPROVAL');
  const at = now();
  const evidence = await approvedCitizenEvidence(cycle.agencyId, nip, cycle.year);
  const score = scoreEvaluation(cycle, e, rating, evidence);
  if (cycle.stage === 'FINAL_SCORING') {
    if (e.status !== 'AWAITING_RATING' && e.status !== 'RATED') requireStatus(e, 'RATED');
    const first = e.status === 'AWAITING_RATING';
    const outcome = await ports().evaluations.change({
      cycleId, nip, changeId: `rating:${requestId}`, from: ['AWAITING_RATING', 'RATED'], to: 'RATED',
      set: { rating, score, predikat: score.predikat },
      audit: { at, actor: actorOf(caller, 'rater'), action: 'RATED', before: { predikat: e.predikat }, after: { resultsRating: score.resultsRating, behaviour: score.behaviour.final, predikat: score.predikat } },
      extra: first ? [ports().stages.counterOp(cycleId, 'FINAL_SCORING', { done: 1 })] : [],
    }, e);
    if (outcome === 'applied' && first) await releaseStageIfComplete(cycleId, 'FINAL_SCORING', cycle);
    return { status: 'RATED' as const, predikat: score.predikat, outcome };
  }
  // Approval stage: only an evaluation the approver returned may be rated again.
  requireStatus(e, 'AWAITING_APPROVAL');
  if (e.status !== 'RETURNED_TO_RATER') throw new StateError('Only a returned evaluation can be rated again', 'Hanya penilaian yang dikembalikan yang dapat dinilai ulang');
  const recipient = e.approverNip ?? e.raterNip!;
  const decisionId = ports().newId();
  const outcome = await ports().evaluations.change({
    cycleId, nip, changeId: `rating:${requestId}`, from: 'RETURNED_TO_RATER', to: 'AWAITING_APPROVAL',
    set: { rating, score, predikat: score.predikat, pendingDecisionId: decisionId },
    audit: { at, actor: actorOf(caller, 'rater'), action: 'RERATED', before: { predikat: e.predikat }, after: { predikat: score.predikat } },
    extra: [
      ports().decisions.createOp({ decisionId, kind: 'EVALUATION_APPROVAL', cycleId, stage: 'APPROVAL', subjectNip: nip, recipientNip: recipient, status: 'PENDING', createdAt: at }),
      ports().decisions.digestDueOp(cycleId, 'APPROVAL', recipient, decisionId),
    ],
  }, e);
  return { status: 'AWAITING_APPROVAL' as const, predikat: score.predikat, outcome };
}

// ─── objection ────────────────────────────────────────────────────────────────────────────────────

export async function fileObjection(cycleId: string, nip: string, objection: { reason: string; requestedPredikat?: domain.Predikat }, caller: Caller, requestId: string) {
  const { cycle, e } = await load(cycleId, nip);
  requireSelf(caller, e, { en: 'Only the employee may object to their result', id: 'Hanya pegawai yang bersangkutan yang dapat mengajukan keberatan' });
  const replay = replayOf(e, `objection:${requestId}`);
  if (replay) return replay;
  requireStage(cycle, 'OBJECTION');
  requireStatus(e, 'OBJECTED');
  const at = now();
  const recipient = e.approverNip ?? e.raterNip!;
  const decisionId = ports().newId();
  const outcome = await ports().evaluations.change({
    cycleId, nip, changeId: `objection:${requestId}`, from: 'RESULT_ISSUED', to: 'OBJECTED',
    set: { objection: { ...objection, filedAt: at }, pendingDecisionId: decisionId },
    audit: { at, actor: actorOf(caller, 'employee'), action: 'OBJECTION_FILED', after: objection, reason: objection.reason },
    extra: [
      ports().decisions.createOp({ decisionId, kind: 'OBJECTION', cycleId, stage: 'OBJECTION', subjectNip: nip, recipientNip: recipient, status: 'PENDING', createdAt: at }),
      ports().stages.counterOp(cycleId, 'OBJECTION', { total: 1 }),
      ports().decisions.digestDueOp(cycleId, 'OBJECTION', recipient, decisionId),
    ],
  }, e);
  return { status: 'OBJECTED' as const, outcome };
}

// ─── decisions (email links) ──────────────────────────────────────────────────────────────────────

export type DecisionOutcome = 'approve' | 'return';

/** What each kind of decision does to the evaluation. */
const DECISION_EFFECT: Record<DecisionRecord['kind'], Record<DecisionOutcome, { from: EvaluationStatus; to: EvaluationStatus; completes: boolean }>> = {
  SKP_APPROVAL: { approve: { from: 'SKP_SUBMITTED', to: 'SKP_APPROVED', completes: true }, return: { from: 'SKP_SUBMITTED', to: 'SKP_RETURNED', completes: false } },
  EVALUATION_APPROVAL: { approve: { from: 'AWAITING_APPROVAL', to: 'APPROVED', completes: true }, return: { from: 'AWAITING_APPROVAL', to: 'RETURNED_TO_RATER', completes: false } },
  // Approve = the objection is granted (the requested predikat stands); return = rejected. Final either way (PP 30/2019 Ps. 59).
  OBJECTION: { approve: { from: 'OBJECTED', to: 'OBJECTION_DECIDED', completes: true }, return: { from: 'OBJECTED', to: 'OBJECTION_DECIDED', completes: true } },
};

export type DecideResult =
  | { kind: 'decided'; decision: DecisionRecord; outcome: DecisionOutcome; subject: EvaluationRecord }
  | { kind: 'already'; decision: DecisionRecord };

/**
 * What the caller has already read for this request (the decision-link handler reads the decision,
 * the cycle and the acting official to check the link): passed in, not read again.
 */
export interface DecideLoaded {
  decision?: DecisionRecord;
  cycle?: CycleRecord;
  /** The active Plt/Plh of the decision's recipient, if already looked up (null: looked up, none). */
  acting?: string | null;
}

/**
 * Decides a pending decision. `actorNip` is the verified link's recipient (the original recipient, a
 * delegate, or the superior it was escalated to). A second decision never has a second effect.
 * Reads, each at most once: the decision and the cycle (unless given), the delegation (only for an
 * actor who is neither the recipient nor an escalation target, unless given), the evaluation, and the
 * stage record after a completing decision.
 */
export async function decide(decisionId: string, outcome: DecisionOutcome, comment: string, actorNip: string, loaded: DecideLoaded = {}): Promise<DecideResult> {
  const decision = loaded.decision?.decisionId === decisionId ? loaded.decision : await ports().decisions.get(decisionId);
  if (!decision) throw new NotFoundError(`decision ${decisionId}`, 'Keputusan tidak ditemukan');
  if (decision.status !== 'PENDING') return { kind: 'already', decision };
  const cycle = loaded.cycle?.cycleId === decision.cycleId ? loaded.cycle : await ports().cycles.get(decision.cycleId, { consistent: false });
  if (!cycle) throw new NotFoundError(`cycle ${decision.cycleId}`, `Siklus ${decision.cycleId} tidak ditemukan`);
  // The acting official is looked up only when the actor is neither the recipient nor an escalation target.
  const direct = isDirectDecider(actorNip, decision);
  const acting = direct ? undefined : loaded.acting !== undefined ? (loaded.acting ?? undefined) : await activeDelegateOf(cycle.agencyId, decision.recipientNip);
  requireDecider(actorNip, decision, acting);
  if (outcome === 'return' && !comment.trim()) throw new RuleError('A reason is required to return or reject', 'Alasan wajib diisi untuk mengembalikan atau menolak', 'comment');
  const e = await ports().evaluations.get(decision.cycleId, decision.subjectNip);
  if (!e) throw new NotFoundError(`evaluation of ${decision.subjectNip} in ${decision.cycleId}`, `Penilaian pegawai ${decision.subjectNip} pada siklus ${decision.cycleId} tidak ditemukan`);
  const effect = DECISION_EFFECT[decision.kind][outcome];
  const counts = effect.completes && decision.counts !== false;
  const at = now();
  const actor: Actor = { nip: actorNip, role: 'approver', ...(actorNip !== decision.recipientNip ? { onBehalfOf: decision.recipientNip } : {}) };
  const set: EvaluationFields = { pendingDecisionId: null };
  if (decision.kind === 'SKP_APPROVAL' && outcome === 'return') set.skpNotes = comment;
  if (decision.kind === 'EVALUATION_APPROVAL' && outcome === 'return') set.returnReason = comment;
  if (decision.kind === 'OBJECTION') {
    const requested = e.objection?.requestedPredikat;
    set.objection = { reason: '', ...e.objection, decision: outcome === 'approve' ? 'GRANTED' : 'REJECTED', decidedAt: at, comment };
    if (outcome === 'approve' && requested) set.predikat = requested;
  }
  let applied: 'applied' | 'replayed';
  try {
    applied = await ports().evaluations.change({
      cycleId: decision.cycleId, nip: decision.subjectNip, changeId: `decision:${decisionId}`, from: effect.from, to: effect.to, set,
      audit: {
        at, actor, action: `${decision.kind}:${outcome.toUpperCase()}`, reason: comment || undefined,
        before: { status: e.status, predikat: e.predikat }, after: { status: effect.to, ...(set.predikat ? { predikat: set.predikat } : {}) },
      },
      extra: [
        ports().decisions.decideOp(decisionId, actor, at, outcome, comment),
        ...(counts ? [ports().stages.counterOp(decision.cycleId, decision.stage, { done: 1 })] : []),
      ],
    }, e);
  } catch (err) {
    // Lost a race with a second click: report who decided first.
    const now2 = await ports().decisions.get(decisionId);
    if (now2 && now2.status !== 'PENDING') return { kind: 'already', decision: now2 };
    throw err;
  }
  if (counts) await releaseStageIfComplete(decision.cycleId, decision.stage, cycle);
  // Applied: the transaction wrote exactly this (decideDecisionUpdate), no need to read it back.
  const decided: DecisionRecord = applied === 'applied'
    ? { ...decision, status: 'DECIDED', decidedBy: actor, decidedAt: at, outcome, comment }
    : (await ports().decisions.get(decisionId))!;
  return { kind: 'decided', decision: decided, outcome, subject: e };
}

// ─── calibration (HR) ─────────────────────────────────────────────────────────────────────────────

export async function resolveCalibrationFlag(cycleId: string, unitId: string, reason: string, caller: Caller) {
  const cycle = await ports().cycles.get(cycleId);
  if (!cycle) throw new NotFoundError(`cycle ${cycleId}`, `Siklus ${cycleId} tidak ditemukan`);
  requireHrActingOn(caller, cycle.agencyId, undefined, { en: 'Only HR of this agency resolves calibration flags', id: 'Hanya HR instansi ini yang dapat menyelesaikan catatan kalibrasi' });
  requireStage(cycle, 'CALIBRATION');
  const flag = await ports().evaluations.getCalibration(cycleId, unitId);
  if (!flag?.flagged) throw new NotFoundError(`calibration flag for unit ${unitId}`, `Tidak ada catatan kalibrasi untuk unit ${unitId}`);
  const at = now();
  const written = await ports().transact([
    ports().evaluations.resolveCalibrationOp(cycleId, unitId, { reason, by: caller.nip, at }),
    ports().stages.counterOp(cycleId, 'CALIBRATION', { done: 1 }),
  ]);
  if (written === 'conflict') return { resolved: true, already: true };
  await releaseStageIfComplete(cycleId, 'CALIBRATION', cycle);
  return { resolved: true, already: false };
}
