/**
 * Who may do what: every authorization rule of the use cases (and the read rule the evaluation API
 * uses), in one place. Each `require…` throws ForbiddenError (403) with the Indonesian message first.
 *
 * One rule runs through all of them: nobody acts on their own record in any acting role (rater,
 * approver, HR as rater/approver/calibrator/mover, Plt/Plh, escalation superior, objection decider).
 * An employee still writes their own SKP, progress, self-assessment and objection: those are theirs.
 */
import type { CycleRecord, DecisionRecord, EvaluationRecord } from '../domain/records';
import { ForbiddenError, UnauthorizedError } from './errors';
import type { Caller } from './ports';

/**
 * The caller's agency, from the token alone. The HTTP router already refuses a token without one
 * (401); this is the one place a use case or handler reads it, so no route can fall back to the
 * deployment's agency.
 */
export function tokenAgency(c: Caller): string {
  if (!c.agencyId) throw new UnauthorizedError();
  return c.agencyId;
}

/** HR of this agency: the role alone is not enough when one deployment serves several agencies. */
export const isHrOf = (c: Caller, agencyId: string) => c.roles.includes('hr') && c.agencyId === agencyId;

/** The HR role, before anything about the request is looked up or revealed. */
export function requireHrRole(c: Caller): void {
  if (!c.roles.includes('hr')) throw new ForbiddenError('HR role required', 'Hanya untuk pengelola kinerja (HR)');
}

/** HR of the given agency. */
export function requireHrOf(
  c: Caller,
  agencyId: string,
  messages = { en: 'HR of this agency only', id: 'Hanya untuk pengelola kinerja (HR) instansi ini' },
): void {
  if (!isHrOf(c, agencyId)) throw new ForbiddenError(messages.en, messages.id);
}

/** Nobody acts on their own record in an acting role (rater, approver, HR, delegate, superior, decider). */
export function requireNotOwnRecord(actorNip: string, subjectNip: string): void {
  if (actorNip === subjectNip) {
    throw new ForbiddenError(
      'Nobody decides on or rates their own plan or evaluation',
      'Tidak seorang pun memutuskan atau menilai SKP atau penilaiannya sendiri',
    );
  }
}

/** The employee on their own record (SKP, progress), or HR of the agency on someone else's. */
export function requireSelfOrHr(c: Caller, e: Pick<EvaluationRecord, 'nip'>, cycle: Pick<CycleRecord, 'agencyId'>): void {
  if (c.nip === e.nip) return;
  if (!isHrOf(c, cycle.agencyId))
    throw new ForbiddenError('Only the employee (or HR) may do this', 'Hanya pegawai yang bersangkutan (atau HR) yang dapat melakukan ini');
}

/** Only the employee themself (self-assessment, objection). */
export function requireSelf(c: Caller, e: Pick<EvaluationRecord, 'nip'>, messages: { en: string; id: string }): void {
  if (c.nip !== e.nip) throw new ForbiddenError(messages.en, messages.id);
}

/** The employee's rater, or HR of the agency acting as rater; never on their own evaluation. */
export function requireRater(c: Caller, e: Pick<EvaluationRecord, 'nip' | 'raterNip'>, cycle: Pick<CycleRecord, 'agencyId'>): void {
  if (c.nip !== e.raterNip && !isHrOf(c, cycle.agencyId))
    throw new ForbiddenError('Only the employee’s rater may do this', 'Hanya Pejabat Penilai Kinerja pegawai ini yang dapat melakukan ini');
  requireNotOwnRecord(c.nip, e.nip);
}

/** Peers and subordinates give feedback only when invited; nobody on themself. */
export function requireFeedbackAuthor(c: Caller, e: Pick<EvaluationRecord, 'nip' | 'raterNip'>, invited: boolean): 'rater' | 'invited' {
  if (c.nip === e.nip)
    throw new ForbiddenError('Employees do not give behaviour feedback on themselves', 'Pegawai tidak memberi umpan balik perilaku untuk dirinya sendiri');
  if (c.nip === e.raterNip) return 'rater';
  if (!invited)
    throw new ForbiddenError(
      'Only the rater and the colleagues invited for this evaluation give feedback',
      'Umpan balik hanya dari Pejabat Penilai dan rekan kerja yang diundang untuk penilaian ini',
    );
  return 'invited';
}

/**
 * Who may decide a pending decision: its recipient, a superior it was escalated to, or the recipient's
 * active Plt/Plh (`acting`); never the decision's subject.
 */
export function isDirectDecider(actorNip: string, decision: Pick<DecisionRecord, 'recipientNip' | 'escalatedTo'>): boolean {
  return [decision.recipientNip, ...(decision.escalatedTo ?? [])].includes(actorNip);
}
export function requireDecider(
  actorNip: string,
  decision: Pick<DecisionRecord, 'recipientNip' | 'escalatedTo' | 'subjectNip'>,
  acting: string | undefined,
): void {
  if (!isDirectDecider(actorNip, decision) && acting !== actorNip)
    throw new ForbiddenError('This link is not for this decision’s approver', 'Tautan ini bukan untuk pemberi keputusan ini');
  requireNotOwnRecord(actorNip, decision.subjectNip);
}

/** HR of the agency acting on someone's evaluation (calibration, transfer, hand-over): never their own. */
export function requireHrActingOn(c: Caller, agencyId: string, subjectNip?: string, messages?: { en: string; id: string }): void {
  requireHrOf(c, agencyId, messages);
  if (subjectNip !== undefined) requireNotOwnRecord(c.nip, subjectNip);
}

/**
 * An official delegates their own authority; HR may record it for them — but never name themself the
 * acting official (a Plt/Plh decides for the official: HR would appoint themself to decide).
 */
export function requireDelegator(c: Caller, delegatorNip: string, delegateNip?: string): void {
  if (delegatorNip !== c.nip && !c.roles.includes('hr')) {
    throw new ForbiddenError(
      'Only the official themself or HR can delegate their authority',
      'Hanya pejabat yang bersangkutan atau HR yang dapat menunjuk Plt/Plh',
    );
  }
  if (delegatorNip !== c.nip && delegateNip === c.nip) {
    throw new ForbiddenError('Nobody appoints themself acting official', 'Tidak seorang pun menunjuk dirinya sendiri sebagai Plt/Plh');
  }
}

/**
 * HR hands over a rater's team: never a team they are in themself (that would choose their own rater).
 * Checked on the whole team before anything moves.
 */
export function requireHandoverNotOfOwnTeam(c: Caller, team: readonly Pick<EvaluationRecord, 'nip'>[]): void {
  for (const member of team) requireNotOwnRecord(c.nip, member.nip);
}

/** HR moderates a citizen's comment: never one that names them (approving it is evidence for their own evaluation). */
export function requireModeratorNotNamed(c: Caller, namedNips: readonly string[]): void {
  if (namedNips.includes(c.nip)) {
    throw new ForbiddenError(
      'This comment names you: another HR officer moderates it',
      'Komentar ini menyebut Anda: pengelola kinerja (HR) lain yang memoderasinya',
    );
  }
}

/**
 * Who may read an evaluation (GET …/evaluations/{nip}): the employee, their rater, their approver, and
 * HR of the cycle's agency. `cycle` undefined (not found): only the three people.
 */
export function canViewEvaluation(
  c: Caller,
  e: Pick<EvaluationRecord, 'nip' | 'raterNip' | 'approverNip'>,
  cycle: Pick<CycleRecord, 'agencyId'> | undefined,
): boolean {
  return [e.nip, e.raterNip, e.approverNip].includes(c.nip) || (cycle !== undefined && isHrOf(c, cycle.agencyId));
}

// --- bukti dukung (platform) ---
/** Evidence is the employee's own: only they add, confirm or delete it (HR and the rater read it: canViewEvaluation). */
export function requireEvidenceOwner(c: Caller, e: Pick<EvaluationRecord, 'nip'>): void {
  requireSelf(c, e, {
    en: 'Only the employee adds or removes their evidence',
    id: 'Hanya pegawai yang bersangkutan yang dapat menambah atau menghapus bukti dukungnya',
  });
}

// --- HR console (console) ---
/** HR reads a cycle's progress and reminds its people from the console: HR of the cycle's own agency (check requireHrRole first). */
export function requireHrOfCycle(c: Caller, cycle: Pick<CycleRecord, 'agencyId'>): void {
  requireHrOf(c, cycle.agencyId, { en: 'This cycle belongs to another agency', id: 'Siklus ini milik instansi lain' });
}
