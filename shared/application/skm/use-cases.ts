/**
 * The survey's use cases, in the order a reader follows them: a citizen submits; anyone reads a unit's
 * IKM; HR moderates comments; scoring reads approved comments as citizen evidence for an employee.
 */

import type { CitizenEvidence } from '../../domain/behaviour';
import { DomainError, DomainValidationError } from '../../domain/errors';
import type { CommentRecord } from '../../domain/records';
import { dayOf, epochSeconds, nextJakartaMidnight, periodOf, previousPeriod, secondsUntilNextDay } from '../../domain/skm/calendar';
import { CITIZEN_EVIDENCE_POLICY, citizenRating } from '../../domain/skm/citizen-evidence';
import { ikmFromTotals } from '../../domain/skm/ikm';
import { IDEMPOTENCY_TTL_SECONDS, LIMIT_TTL_GRACE_SECONDS } from '../../domain/skm/limits';
import type { CommentListQuery, CommentStatus, Moderation, Submission } from '../../domain/skm/submission';
import { computeIkm, type IkmResult } from '../../domain/skm/survey';
import { namedNips, redactPersonalData } from '../../domain/skm/text';
import { requireHrRole } from '../authz';
import { ports } from '../context';
import { NotFoundError, RuleError, StateError, SubmissionLimitError } from '../errors';
import type { Caller } from '../ports';

// ─── a citizen submits ─────────────────────────────────────────────────────────────────────────────

export interface SubmitInput {
  agencyId: string;
  unitId: string;
  submission: Submission;
  /** Used only to derive the client's keyed hash for the daily limit; never stored or logged. */
  sourceIp: string;
  userAgent: string;
  idempotencyKey?: string;
}

export interface Receipt {
  receiptId: string;
  period: string;
  /** True when this is a retry of a submission already counted (same Idempotency-Key). */
  replayed: boolean;
}

/** The answers against the SKM rules, by the domain; its field paths are renamed to this request's. */
function checkAnswers(answers: readonly (number | null)[]): void {
  try {
    computeIkm([answers]);
  } catch (err) {
    if (!(err instanceof DomainValidationError)) throw err;
    const errors = err.errors.map((e) => new DomainError(e.code, e.messageId, e.messageEn, e.field?.replace(/^responses\.0/, 'answers')));
    throw new DomainValidationError(errors, err.total);
  }
}

/** A survey is for the current month, or the previous one during its first days (a paper form typed in
 *  late); a published month is not reopened and a future one does not exist yet. */
function checkPeriod(period: string, now: Date): void {
  const current = periodOf(now);
  if (period !== current && period !== previousPeriod(current)) {
    throw new RuleError(
      `The survey period must be ${current} or ${previousPeriod(current)}`,
      `Periode survei harus ${current} atau ${previousPeriod(current)}`,
      'period',
    );
  }
}

export async function submitSurvey(input: SubmitInput): Promise<Receipt> {
  const { agencyId, unitId, submission: s } = input;
  const now = ports().clock.now();
  const period = s.period ?? periodOf(now);
  checkPeriod(period, now);
  checkAnswers(s.answers);
  if (!(await ports().skm.unitExists(agencyId, unitId))) throw unknownUnit(unitId);

  // A retry under the same Idempotency-Key gets the first receipt and is not counted again.
  // The fingerprint is of what the client sent (not the defaulted period), so a retry that crosses
  // midnight at the month's end is still the same submission.
  const what = ports().hashes.fingerprint({
    period: s.period ?? null,
    answers: s.answers,
    comment: s.comment ?? null,
    service: s.service ?? null,
    respondent: s.respondent ?? null,
  });
  const keyHash = input.idempotencyKey ? await ports().hashes.idempotencyKeyHash(unitId, input.idempotencyKey) : undefined;
  const replay = async (): Promise<Receipt | undefined> => {
    if (!keyHash) return undefined;
    const seen = await ports().skm.getIdempotency(unitId, keyHash);
    if (!seen || seen.expiresAt < epochSeconds(now)) return undefined;
    if (seen.fingerprint !== what) {
      throw new RuleError(
        'This Idempotency-Key was already used for a different submission',
        'Idempotency-Key ini sudah dipakai untuk isian yang berbeda',
        'Idempotency-Key',
      );
    }
    return { receiptId: seen.receiptId, period: seen.period, replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const createdAt = now.toISOString();
  const responseId = ports().newId();
  const comment = s.comment ? commentRecord(agencyId, unitId, period, responseId, s, createdAt) : undefined;
  const max = ports().settings.skmDailyLimit;
  const outcome = await ports().skm.writeSubmission({
    response: {
      responseId,
      agencyId,
      unitId,
      period,
      answers: [...s.answers],
      createdAt,
      ...(s.service ? { service: s.service } : {}),
      ...(s.respondent && Object.keys(s.respondent).length ? { respondent: s.respondent } : {}),
      ...(comment ? { commentId: comment.commentId } : {}),
    },
    comment,
    limit: {
      client: await ports().hashes.clientHash(input.sourceIp, input.userAgent),
      day: dayOf(now),
      max,
      expiresAt: epochSeconds(nextJakartaMidnight(now)) + LIMIT_TTL_GRACE_SECONDS,
    },
    ...(keyHash
      ? {
          idempotency: {
            keyHash,
            now: epochSeconds(now),
            record: { receiptId: responseId, period, fingerprint: what, expiresAt: epochSeconds(now) + IDEMPOTENCY_TTL_SECONDS },
          },
        }
      : {}),
  });
  if (outcome === 'limited') throw new SubmissionLimitError(max, secondsUntilNextDay(now));
  if (outcome === 'duplicate') {
    const first = await replay(); // a concurrent retry won the race
    if (first) return first;
    throw new StateError('A submission with this Idempotency-Key is in progress; retry', 'Isian dengan Idempotency-Key ini sedang diproses; coba lagi');
  }
  ports().log.debug('SKM response recorded', { unitId, period, withComment: Boolean(comment) });
  return { receiptId: responseId, period, replayed: false };
}

function commentRecord(agencyId: string, unitId: string, period: string, responseId: string, s: Submission, createdAt: string): CommentRecord {
  const nips = namedNips(s.comment!);
  const { text, redactions } = redactPersonalData(s.comment!);
  return {
    commentId: ports().newId(),
    agencyId,
    unitId,
    period,
    responseId,
    text,
    answers: [...s.answers],
    namedNips: nips,
    redactions,
    status: 'PENDING',
    createdAt,
    ...(s.service ? { service: s.service } : {}),
  };
}

const unknownUnit = (unitId: string) => new NotFoundError(`unit ${unitId}`, `Unit layanan ${unitId} tidak ditemukan`);

// ─── anyone reads a unit's IKM ─────────────────────────────────────────────────────────────────────

export interface UnitIkm {
  unitId: string;
  period: string;
  respondents: number;
  /** Per unsur; null when nobody answered that unsur this period. */
  nrr: (number | null)[];
  ikm: number;
  mutu: IkmResult['mutu'];
  kinerjaUnit: string;
  kinerjaUnitEn: string;
  policyId: string;
}

/** The IKM of a unit for a month, from its running totals: one item read. */
export async function unitIkm(agencyId: string, unitId: string, period: string): Promise<UnitIkm> {
  const totals = await ports().skm.getTotals(unitId, period);
  if (!totals) {
    if (!(await ports().skm.unitExists(agencyId, unitId))) throw unknownUnit(unitId);
    throw new NotFoundError(
      `SKM responses for unit ${unitId} in ${period}`,
      `Belum ada responden survei kepuasan masyarakat untuk unit ${unitId} pada periode ${period}`,
    );
  }
  const r = ikmFromTotals(totals);
  return {
    unitId,
    period,
    respondents: r.respondents,
    nrr: r.nrr,
    ikm: r.ikm,
    mutu: r.mutu,
    kinerjaUnit: r.kinerjaUnit,
    kinerjaUnitEn: r.kinerjaUnitEn,
    policyId: r.policyId,
  };
}

// ─── HR moderates comments ─────────────────────────────────────────────────────────────────────────

/** A comment as HR sees it: `text` is plain text (never insert it as HTML); `textHtml` is escaped. */
export function commentView(c: CommentRecord) {
  return {
    commentId: c.commentId,
    unitId: c.unitId,
    period: c.period,
    status: c.status,
    createdAt: c.createdAt,
    text: c.text,
    textHtml: ports().templates.escapeHtml(c.text),
    ...(c.service ? { service: c.service, serviceHtml: ports().templates.escapeHtml(c.service) } : {}),
    namedNips: c.namedNips,
    ...(c.linkedNips ? { linkedNips: c.linkedNips } : {}),
    /** What the comment would count for a named employee once approved. */
    citizenRating: citizenRating(c.answers),
    redactions: c.redactions,
    ...(c.moderatedAt ? { moderatedAt: c.moderatedAt, moderatedBy: c.moderatedBy } : {}),
    ...(c.moderationReason ? { moderationReason: c.moderationReason } : {}),
  };
}
export type CommentView = ReturnType<typeof commentView>;

const cursorScope = (agencyId: string, status: CommentStatus, unitId: string | undefined) => `comments\n${agencyId}\n${status}\n${unitId ?? '*'}`;

export async function listComments(caller: Caller, agencyId: string, q: CommentListQuery): Promise<{ items: CommentView[]; next: string | null }> {
  requireHrRole(caller);
  const scope = cursorScope(agencyId, q.status, q.unitId);
  const start = await ports().cursors.verify(q.cursor, scope);
  const page = await ports().skm.commentsPage(agencyId, q.status, q.unitId, start, q.limit);
  return { items: page.items.map(commentView), next: await ports().cursors.sign(page.next, scope) };
}

export interface ModerationResult {
  comment: CommentView;
  replayed: boolean;
}

export async function moderateComment(caller: Caller, agencyId: string, commentId: string, m: Moderation, changeId: string): Promise<ModerationResult> {
  requireHrRole(caller);
  const to = m.decision === 'approve' ? 'APPROVED' : 'REJECTED';
  for (let attempt = 0; attempt < 2; attempt++) {
    const c = await ports().skm.getComment(commentId);
    if (!c || c.agencyId !== agencyId) throw new NotFoundError(`comment ${commentId}`, `Komentar ${commentId} tidak ditemukan`);
    if (c.status !== 'PENDING') {
      if (c.lastChangeId === changeId && c.status === to) return { comment: commentView(c), replayed: true };
      throw new StateError(
        `The comment was already moderated (${c.status}) at ${c.moderatedAt ?? '?'}`,
        `Komentar sudah dimoderasi (${c.status === 'APPROVED' ? 'disetujui' : 'ditolak'}) pada ${c.moderatedAt ?? '?'}`,
      );
    }
    // Evidence goes only to employees who are on the roster; other 18-digit numbers stay plain text.
    const linkedNips = to === 'APPROVED' ? await employeesOnRoster(agencyId, c.namedNips) : [];
    const at = ports().clock.now().toISOString();
    const by = { nip: caller.nip, ...(caller.name ? { name: caller.name } : {}) };
    const written = await ports().skm.writeModeration({ comment: c, to, at, by, reason: m.reason, changeId, eventId: ports().newId(), linkedNips });
    if (written) {
      ports().log.info('SKM comment moderated', { commentId, status: to, linkedNips: linkedNips.length });
      return {
        comment: commentView({
          ...c,
          status: to,
          moderatedAt: at,
          moderatedBy: by,
          linkedNips,
          lastChangeId: changeId,
          ...(m.reason ? { moderationReason: m.reason } : {}),
        }),
        replayed: false,
      };
    }
    // Lost a race: read again, then report who decided (or a replay of this same change).
  }
  throw new StateError('The comment changed while it was being moderated; retry', 'Komentar berubah saat dimoderasi; coba lagi');
}

async function employeesOnRoster(agencyId: string, nips: readonly string[]): Promise<string[]> {
  const found = await Promise.all(nips.map(async (nip) => ((await ports().roster.getEmployee(agencyId, nip)) ? nip : undefined)));
  return found.filter((n): n is string => n !== undefined);
}

// ─── scoring reads citizen evidence ────────────────────────────────────────────────────────────────

/**
 * Approved SKM comments that name this employee, for survey periods in `year`, as citizen evidence for
 * Berorientasi Pelayanan. The rating comes from the comment's own survey answers under
 * CITIZEN_EVIDENCE_POLICY (see policy.ts); the comment is plain text (escape it when shown).
 */
export async function approvedCitizenEvidence(agencyId: string, nip: string, year: number): Promise<CitizenEvidence[]> {
  const items = await ports().skm.evidenceOfYear(agencyId, nip, year);
  return items.map((e) => ({
    rating: citizenRating(e.answers, CITIZEN_EVIDENCE_POLICY),
    comment: e.text.slice(0, 2000),
    reference: `SKM ${e.unitId} ${e.period} #${e.commentId}`.slice(0, 200),
  }));
}
