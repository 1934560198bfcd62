/**
 * Emails of the cycle: digests (one per recipient per stage), reminders, escalations and result
 * notices. Each send is claimed once in DynamoDB first, so a retried step never sends twice.
 */
import { windowOf } from '../../domain/lifecycle/schedule';
import { type Stage, stageLabel } from '../../domain/lifecycle/status';
import type { CycleRecord, DecisionRecord, EmployeeRecord, EvaluationRecord } from '../../domain/records';
import { ports } from '../context';
import { activeDelegateOf } from '../delegation/delegation';
import type { EvaluationDetails, LinkAction, RenderedMail, SkpDetails } from '../ports';
import { evaluationDetails, skpDetails } from '../queries/summaries';
import { mapLimit, memo } from '../util';
import { WAITING_STATUSES } from './waiting';

const DAY_MS = 86_400_000;

function decisionUrl(decisionId: string, action: LinkAction, recipientNip: string): Promise<string> {
  const expiresAt = new Date(ports().clock.now().getTime() + ports().settings.linkTtlHours * 3_600_000);
  return ports().links.decisionUrl({ decisionId, action, recipient: recipientNip, expiresAt });
}

/** Sends `render()` once per key: claims the key first, releases it if the send fails so a retry sends. */
async function sendOnce(onceKey: string, to: EmployeeRecord | { email: string }, message: RenderedMail, tags: Record<string, string>): Promise<boolean> {
  const at = ports().clock.now().toISOString();
  if (!(await ports().once.claim(onceKey, at))) return false;
  try {
    await ports()
      .mailer()
      .send({ to: [to.email], subject: message.subject, html: message.html, text: message.text, idempotencyKey: onceKey, tags });
    return true;
  } catch (err) {
    await ports().once.release(onceKey);
    throw err;
  }
}

const stageDeadline = (cycle: CycleRecord, stage: Stage, openedAt: string | undefined) =>
  new Date(Date.parse(openedAt ?? ports().clock.now().toISOString()) + windowOf(cycle.schedule, stage).deadlineDay * DAY_MS);

/**
 * One digest per recipient listing every pending decision of the stage; then the recipient is taken
 * off the list. A page of recipients per call (the workflow loops on the cursor), so a stage with
 * thousands of raters never needs one long invocation.
 */
export async function sendDigests(
  cycle: CycleRecord,
  stage: Stage,
  cursor?: Record<string, unknown>,
): Promise<{ sent: number; next?: Record<string, unknown> }> {
  const record = await ports().stages.get(cycle.cycleId, stage);
  const page = await ports().decisions.digestsDuePage(cycle.cycleId, stage, cursor, DIGEST_PAGE);
  const employee = memo((nip: string) => ports().roster.getEmployee(cycle.agencyId, nip));
  let sent = 0;
  // Recipients are independent (each digest is claimed once by its own key): a few at a time.
  await mapLimit(page.items, DIGEST_CONCURRENCY, async ({ recipientNip, decisionId: newest }) => {
    const pending = (await ports().decisions.pendingOf(cycle.cycleId, recipientNip))
      .filter((d) => d.stage === stage)
      .sort((a, b) => a.subjectNip.localeCompare(b.subjectNip));
    // While a Plt/Plh is active, the acting official receives the digest, with links of their own.
    const actingNip = await activeDelegateOf(cycle.agencyId, recipientNip);
    const recipient = await employee(actingNip ?? recipientNip);
    // One digest per kind: SKP approvals read differently from evaluations and objections.
    for (const group of [pending.filter((d) => d.kind === 'SKP_APPROVAL'), pending.filter((d) => d.kind !== 'SKP_APPROVAL')]) {
      if (!group.length || !recipient) continue;
      const key = `digest:${cycle.cycleId}:${stage}:${recipient.nip}:${ports()
        .hashes.digest(group.map((d) => d.decisionId).join(','))
        .slice(0, 16)}`;
      const message = await renderDigest(cycle, stage, recipient, group, record?.openedAt);
      if (await sendOnce(key, recipient, message, { kind: 'digest', stage })) sent++;
    }
    // Cleared only if this digest covered the newest decision (the index may lag a fresh one).
    if (!recipient || pending.some((d) => d.decisionId === newest) || !(await isStillPending(newest))) {
      await ports().decisions.clearDigestDue(cycle.cycleId, stage, recipientNip, newest);
    }
  });
  return { sent, ...(page.next ? { next: page.next } : {}) };
}

const DIGEST_PAGE = 50;
const DIGEST_CONCURRENCY = 8;

async function renderDigest(cycle: CycleRecord, stage: Stage, recipient: EmployeeRecord, pending: DecisionRecord[], openedAt?: string) {
  // `recipient` is whoever acts now: the approver, or their acting official.
  const locale = recipient.locale ?? 'id';
  const deadline = stageDeadline(cycle, stage, openedAt);
  const base = { locale, recipient: { name: recipient.name }, stageLabel: stageLabel[stage][locale], deadline };
  const links = async (d: DecisionRecord) => ({
    approveUrl: await decisionUrl(d.decisionId, 'approve', recipient.nip),
    returnUrl: await decisionUrl(d.decisionId, 'return', recipient.nip),
  });
  // The listed evaluations in one batch read (consistent: the approver decides on what the digest shows).
  const evaluations = await ports().evaluations.getMany(
    cycle.cycleId,
    pending.map((d) => d.subjectNip),
    { consistent: true },
  );
  const subjects = pending.map((d) => ({ d, e: evaluations.get(d.subjectNip) }));
  const found = subjects.filter((s): s is { d: DecisionRecord; e: EvaluationRecord } => s.e !== undefined);
  const units = await ports().roster.unitNames(
    cycle.agencyId,
    found.map((s) => s.e.unitId),
  );
  if (pending[0]?.kind === 'SKP_APPROVAL') {
    const items: (SkpDetails & { approveUrl: string; returnUrl: string })[] = [];
    for (const { d, e } of found) items.push({ ...skpDetails(e, d.decisionId, units), ...(await links(d)) });
    return ports().templates.skpApprovalRequest({ ...base, items });
  }
  const items: (EvaluationDetails & { approveUrl: string; returnUrl: string })[] = [];
  for (const { d, e } of found) items.push({ ...evaluationDetails(e, d.decisionId, units, locale), ...(await links(d)) });
  return ports().templates.approvalDigest({ ...base, items });
}

async function isStillPending(decisionId: string): Promise<boolean> {
  return (await ports().decisions.get(decisionId))?.status === 'PENDING';
}

/** Who each waiting evaluation waits on, per stage and status. */
function waitsOn(e: EvaluationRecord): string | undefined {
  switch (e.status) {
    case 'SKP_DRAFT':
    case 'SKP_RETURNED':
      return e.nip;
    case 'SKP_SUBMITTED':
    case 'MONITORING':
    case 'AWAITING_RATING':
    case 'RETURNED_TO_RATER':
      return e.raterNip;
    case 'AWAITING_APPROVAL':
    case 'OBJECTED':
      return e.approverNip ?? e.raterNip;
    default:
      return undefined;
  }
}

/** Who each waiting evaluation of the stage waits on, and the unit names (one read of the unit list for both). */
async function waitingByPerson(cycle: CycleRecord, stage: Stage): Promise<{ byPerson: Map<string, EvaluationRecord[]>; units: Map<string, string> }> {
  const statuses = WAITING_STATUSES[stage] ?? [];
  const byPerson = new Map<string, EvaluationRecord[]>();
  // Units (and statuses) are independent queries: a few at a time.
  const unitList = await ports().roster.listUnits(cycle.agencyId);
  const scopes = unitList.flatMap(({ unitId }) => statuses.map((status) => ({ unitId, status })));
  await mapLimit(scopes, NOTICE_CONCURRENCY, async ({ unitId, status }) => {
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await ports().evaluations.ofUnitPage(cycle.cycleId, unitId, cursor, 200, status);
      for (const e of page.items) {
        const who = waitsOn(e);
        if (who) byPerson.set(who, [...(byPerson.get(who) ?? []), e]);
      }
      cursor = page.next;
    } while (cursor);
  });
  // Each person's list in the order a sequential walk gives: unit, status, NIP.
  const rank = (e: EvaluationRecord) => statuses.indexOf(e.status);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const list of byPerson.values()) list.sort((a, b) => cmp(a.unitId, b.unitId) || rank(a) - rank(b) || cmp(a.nip, b.nip));
  return { byPerson, units: new Map(unitList.map((u) => [u.unitId, u.name])) };
}

/** Reminders and escalations: people are independent (each send is claimed once by its own key). */
const NOTICE_CONCURRENCY = 8;

export async function sendReminders(cycle: CycleRecord, stage: Stage, tick: number): Promise<number> {
  const record = await ports().stages.get(cycle.cycleId, stage);
  let sent = 0;
  const { byPerson, units } = await waitingByPerson(cycle, stage);
  const waiting = [...byPerson];
  const people = await ports().roster.getEmployees(
    cycle.agencyId,
    waiting.map(([nip]) => nip),
  );
  await mapLimit(waiting, NOTICE_CONCURRENCY, async ([nip, items]) => {
    const person = people.get(nip);
    if (!person) return;
    const locale = person.locale ?? 'id';
    const message = ports().templates.reminder({
      locale,
      recipient: { name: person.name },
      stageLabel: stageLabel[stage][locale],
      deadline: stageDeadline(cycle, stage, record?.openedAt),
      items: items.map((e) => ({
        employee: { name: e.name, nip: e.nip, jabatan: e.jabatan, unitName: units.get(e.unitId) ?? e.unitId },
        url: `${ports().settings.publicBaseUrl ?? ''}/v1/cycles/${cycle.cycleId}/evaluations/${e.nip}`,
      })),
    });
    if (await sendOnce(`reminder:${cycle.cycleId}:${stage}:${tick}:${nip}`, person, message, { kind: 'reminder', stage })) sent++;
  });
  return sent;
}

/** After the deadline: the laggard's superior and HR are told, and pending decisions may be taken by the superior. */
export async function sendEscalations(cycle: CycleRecord, stage: Stage, tick: number): Promise<number> {
  const record = await ports().stages.get(cycle.cycleId, stage);
  const hr = ports().settings.hrEmail;
  let sent = 0;
  const { byPerson, units } = await waitingByPerson(cycle, stage);
  const waiting = [...byPerson];
  const laggards = await ports().roster.getEmployees(
    cycle.agencyId,
    waiting.map(([nip]) => nip),
  );
  const superiors = await ports().roster.getEmployees(
    cycle.agencyId,
    [...laggards.values()].flatMap((l) => (l.raterNip ? [l.raterNip] : [])),
  );
  await mapLimit(waiting, NOTICE_CONCURRENCY, async ([nip, items]) => {
    const laggard = laggards.get(nip);
    if (!laggard) return;
    const superior = laggard.raterNip ? superiors.get(laggard.raterNip) : undefined;
    // Pending decisions of the laggard can now also be taken by the superior, with links of their own.
    const decisions = (await ports().decisions.pendingOf(cycle.cycleId, nip)).filter((d) => d.stage === stage);
    for (const d of decisions) if (superior) await ports().decisions.markEscalated(d.decisionId, [superior.nip]);
    const byDecision = new Map(decisions.map((d) => [d.subjectNip, d]));
    const targets: (EmployeeRecord | { email: string; name: string; nip: string; locale: 'id' })[] = [];
    if (superior) targets.push(superior);
    if (hr) targets.push({ email: hr, name: 'Pengelola Kinerja (HR)', nip: 'hr', locale: 'id' });
    for (const target of targets) {
      const locale = target.locale ?? 'id';
      const message = ports().templates.escalation({
        locale,
        recipient: { name: target.name },
        approver: { name: laggard.name, nip: laggard.nip, jabatan: laggard.jabatan },
        stageLabel: stageLabel[stage][locale],
        pendingSince: new Date(record?.openedAt ?? ports().clock.now()),
        deadline: stageDeadline(cycle, stage, record?.openedAt),
        items: await Promise.all(
          items.map(async (e) => {
            const d = byDecision.get(e.nip);
            return {
              employee: { name: e.name, nip: e.nip, jabatan: e.jabatan, unitName: units.get(e.unitId) ?? e.unitId },
              url: d && target.nip !== 'hr' ? await decisionUrl(d.decisionId, 'view', target.nip) : undefined,
            };
          }),
        ),
      });
      if (await sendOnce(`escalation:${cycle.cycleId}:${stage}:${tick}:${nip}:${target.nip}`, target, message, { kind: 'escalation', stage })) sent++;
    }
  });
  return sent;
}

/** `people`: the employee and approver records, when the caller has read them for a whole page at once. */
export async function sendResultNotice(cycle: CycleRecord, e: EvaluationRecord, at: string, people?: Map<string, EmployeeRecord>): Promise<void> {
  const employee = (nip: string) => (people ? Promise.resolve(people.get(nip)) : ports().roster.getEmployee(cycle.agencyId, nip));
  const person = await employee(e.nip);
  if (!person) return;
  const locale = person.locale ?? 'id';
  const approver = e.approverNip ? await employee(e.approverNip) : undefined;
  const days = windowOf(cycle.schedule, 'OBJECTION').fixedWindowDays ?? 14;
  const details = evaluationDetails(e, 'notice', new Map(), locale);
  const message = ports().templates.resultNotice({
    locale,
    recipient: { name: person.name },
    cycleLabel: `${cycle.year}`,
    predikat: details.predikat,
    resultsRating: details.resultsRating,
    behaviourRating: details.behaviourRating,
    finalisedAt: new Date(at),
    objectionDeadline: new Date(Date.parse(at) + days * DAY_MS),
    objectionDays: days,
    approverName: approver?.name,
  });
  await sendOnce(`result:${cycle.cycleId}:${e.nip}`, person, message, { kind: 'result' });
}
