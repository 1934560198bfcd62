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
import { BURST_POLICY, IDEMPOTENCY_TTL_SECONDS, KIOSK_DAILY_LIMIT, LIMIT_TTL_GRACE_SECONDS } from '../../domain/skm/limits';
import type { CommentListQuery, CommentStatus, Moderation, Submission } from '../../domain/skm/submission';
import { computeIkm, type IkmResult } from '../../domain/skm/survey';
import { namedNips, redactPersonalData } from '../../domain/skm/text';
import { formatInstant, roundHalfUp } from '../../domain/text';
import { requireHrRole, requireModeratorNotNamed } from '../authz';
import { ports } from '../context';
import { ForbiddenError, NotFoundError, RuleError, StateError, SubmissionLimitError } from '../errors';
import type { Caller, KioskRecord } from '../ports';

// ─── a citizen submits ─────────────────────────────────────────────────────────────────────────────

export interface SubmitInput {
  agencyId: string;
  unitId: string;
  submission: Submission;
  /** Used only to derive the client's keyed hash for the daily limit and bursts; never stored or logged. */
  sourceIp: string;
  /** Not used: a client chooses its User-Agent, so it must not make a new client (kept so callers compile). */
  userAgent?: string;
  idempotencyKey?: string;
  /** A kiosk's device token (header X-Kiosk-Token, or the form field `kiosk`): the kiosk's budget instead of the address's. */
  kioskToken?: string;
}

export interface Receipt {
  receiptId: string;
  period: string;
  /** True when this is a retry of a submission already counted (same Idempotency-Key). */
  replayed: boolean;
  /** True when the submission was held for HR's review (a suspicious burst) rather than counted. */
  held?: boolean;
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
  // A kiosk token that is not valid for this unit is refused (a kiosk notices; nothing is counted).
  const kiosk = input.kioskToken !== undefined ? await requireKiosk(agencyId, unitId, input.kioskToken) : undefined;
  const earlier = await replay();
  if (earlier) return earlier;

  const createdAt = now.toISOString();
  const client = kiosk ? `kiosk:${kiosk.kioskId}` : await ports().hashes.clientHash(input.sourceIp);
  const max = kiosk ? KIOSK_DAILY_LIMIT : ports().settings.skmDailyLimit;
  // From an address (not a kiosk), the same answers again and again within minutes are held for HR:
  // the write counts the burst; when the burst is full it is cancelled, and written again as held.
  const burst = kiosk ? undefined : burstOf(unitId, client, s.answers, now);
  const write = (responseId: string, held: 'BURST' | undefined) => {
    const comment = s.comment || held ? commentRecord(agencyId, unitId, period, responseId, s, createdAt, held) : undefined;
    return ports().skm.writeSubmission({
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
        ...(held ? { held } : {}),
      },
      comment,
      limit: {
        client,
        day: dayOf(now),
        max,
        expiresAt: epochSeconds(nextJakartaMidnight(now)) + LIMIT_TTL_GRACE_SECONDS,
      },
      ...(burst && !held ? { burst } : {}),
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
  };
  let responseId = ports().newId();
  let held: 'BURST' | undefined;
  let outcome = await write(responseId, held);
  if (outcome === 'burst') {
    held = 'BURST';
    responseId = ports().newId();
    outcome = await write(responseId, held);
  }
  if (outcome === 'limited') throw new SubmissionLimitError(max, secondsUntilNextDay(now));
  if (outcome === 'duplicate') {
    const first = await replay(); // a concurrent retry won the race
    if (first) return first;
    throw new StateError('A submission with this Idempotency-Key is in progress; retry', 'Isian dengan Idempotency-Key ini sedang diproses; coba lagi');
  }
  if (outcome !== 'written') throw new Error(`SKM submission not written: ${outcome}`);
  ports().log.debug('SKM response recorded', { unitId, period, withComment: Boolean(s.comment), held: Boolean(held), kiosk: Boolean(kiosk) });
  return { receiptId: responseId, period, replayed: false, ...(held ? { held: true } : {}) };
}

/**
 * BURST_POLICY: the counter of this answer vector from this client in the current window. A
 * submission is counted in it while fewer than `identicalAnswers - 1` are; after that it is held.
 * The counter's key holds only hashes (the client's keyed hash, a digest of the answers).
 */
function burstOf(unitId: string, client: string, answers: readonly (number | null)[], now: Date) {
  const windowMs = BURST_POLICY.windowMinutes * 60_000;
  const window = Math.floor(now.getTime() / windowMs);
  const what = ports().hashes.fingerprint(answers).slice(0, 16);
  return {
    key: `${unitId}#${client}#${what}#${window}`,
    max: BURST_POLICY.identicalAnswers - 1,
    expiresAt: Math.ceil(((window + 1) * windowMs) / 1000) + 3600,
  };
}

function commentRecord(agencyId: string, unitId: string, period: string, responseId: string, s: Submission, createdAt: string, held?: 'BURST'): CommentRecord {
  const nips = s.comment ? namedNips(s.comment) : [];
  const { text, redactions } = s.comment ? redactPersonalData(s.comment) : { text: '', redactions: 0 };
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
    ...(held ? { held } : {}),
  };
}

// ─── kiosks: HR issues a device token per unit's service counter ───────────────────────────────────

const KIOSK_TOKEN = /^([a-z0-9]{8,40})\.([A-Za-z0-9_-]{32,128})$/;
const badKiosk = () =>
  new ForbiddenError(
    'This kiosk token is not valid for this unit (unknown, revoked or another unit)',
    'Token kios tidak berlaku untuk unit ini (tidak dikenal, dicabut, atau milik unit lain)',
  );

/** The kiosk of a token valid for this unit, or 403. The token's secret is compared by its hash only. */
async function requireKiosk(agencyId: string, unitId: string, token: string): Promise<KioskRecord> {
  const m = KIOSK_TOKEN.exec(token);
  if (!m) throw badKiosk();
  const k = await ports().kiosks.get(m[1]!);
  if (!k || k.revokedAt || k.agencyId !== agencyId || k.unitId !== unitId) throw badKiosk();
  // Hashes are compared, never the secret itself (what the table holds cannot be sent as a token).
  if (ports().hashes.digest(m[2]!) !== k.secretHash) throw badKiosk();
  return k;
}

export interface IssuedKiosk {
  kioskId: string;
  unitId: string;
  /** Shown once: only its hash is stored. The kiosk sends it as X-Kiosk-Token (or the form field `kiosk`). */
  token: string;
  dailyLimit: number;
  createdAt: string;
}

/** HR of the agency issues a kiosk token for one of its units. */
export async function issueKiosk(caller: Caller, agencyId: string, unitId: string, label?: string): Promise<IssuedKiosk> {
  requireHrRole(caller);
  if (!(await ports().skm.unitExists(agencyId, unitId))) throw unknownUnit(unitId);
  const kioskId = ports()
    .newId()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 32);
  // Two random ids: at least 244 bits from the id source (crypto.randomUUID in AWS).
  const secret = `${ports().newId()}${ports().newId()}`.replace(/[^A-Za-z0-9_-]/g, '');
  const createdAt = ports().clock.now().toISOString();
  await ports().kiosks.put({
    kioskId,
    agencyId,
    unitId,
    secretHash: ports().hashes.digest(secret),
    ...(label ? { label } : {}),
    createdBy: caller.nip,
    createdAt,
  });
  ports().log.info('SKM kiosk issued', { kioskId, unitId });
  return { kioskId, unitId, token: `${kioskId}.${secret}`, dailyLimit: KIOSK_DAILY_LIMIT, createdAt };
}

/** HR of the agency revokes a kiosk token: its next submission gets 403. */
export async function revokeKiosk(caller: Caller, agencyId: string, kioskId: string): Promise<{ kioskId: string; revokedAt: string }> {
  requireHrRole(caller);
  const k = await ports().kiosks.get(kioskId);
  // Another agency's kiosk is not found (its existence is not revealed).
  if (!k || k.agencyId !== agencyId) throw new NotFoundError(`kiosk ${kioskId}`, `Kios ${kioskId} tidak ditemukan`);
  const at = ports().clock.now().toISOString();
  if (k.revokedAt || !(await ports().kiosks.revoke(kioskId, agencyId, caller.nip, at))) {
    const now = (await ports().kiosks.get(kioskId))?.revokedAt ?? k.revokedAt;
    throw new StateError(`The kiosk was already revoked at ${now}`, `Kios sudah dicabut pada ${now}`);
  }
  ports().log.info('SKM kiosk revoked', { kioskId });
  return { kioskId, revokedAt: at };
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
    // NRR per element as people read it: two decimals (IKM itself is computed from the exact values).
    nrr: r.nrr.map((x) => (x === null ? null : roundHalfUp(x, 2))),
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
    /** A submission held for review (a burst): approving it counts its answers in the IKM. */
    ...(c.held ? { held: c.held } : {}),
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
    requireModeratorNotNamed(caller, c.namedNips);
    if (c.status !== 'PENDING') {
      if (c.lastChangeId === changeId && c.status === to) return { comment: commentView(c), replayed: true };
      throw new StateError(
        `The comment was already ${c.status === 'APPROVED' ? 'approved' : 'rejected'}${c.moderatedAt ? ` on ${formatInstant(c.moderatedAt, 'en')}` : ''}`,
        `Komentar sudah ${c.status === 'APPROVED' ? 'disetujui' : 'ditolak'}${c.moderatedAt ? ` pada ${formatInstant(c.moderatedAt, 'id')}` : ''}`,
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
