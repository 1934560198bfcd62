/**
 * Emails of the cycle: digests (one per recipient per stage), reminders, escalations and result
 * notices. Each send is claimed once in DynamoDB first, so a retried step never sends twice.
 */
import { windowOf } from '../../domain/lifecycle/schedule';
import { type Stage, stageLabel } from '../../domain/lifecycle/status';
import { type Predikat, predikatLabel, type Rating, ratingLabel } from '../../domain/ratings';
import type { CycleRecord, DecisionRecord, EmployeeRecord, EvaluationRecord, StoredScore } from '../../domain/records';
import { ports } from '../context';
import { activeDelegateOf } from '../delegation/delegation';
import type { EvaluationDetails, LinkAction, ObjectionDetails, OutcomeKind, RenderedMail, SkpDetails, TaskKind } from '../ports';
import { evaluationDetails, skpDetails } from '../queries/summaries';
import { mapLimit, memo } from '../util';
import { WAITING_STATUSES } from './waiting';

const DAY_MS = 86_400_000;

type Locale = 'id' | 'en';

/** A signed decision link; an English-speaking recipient's link opens its pages in English (`lang=en`). */
async function decisionUrl(decisionId: string, action: LinkAction, recipientNip: string, locale: Locale = 'id'): Promise<string> {
  const expiresAt = new Date(ports().clock.now().getTime() + ports().settings.linkTtlHours * 3_600_000);
  const url = await ports().links.decisionUrl({ decisionId, action, recipient: recipientNip, expiresAt });
  return locale === 'en' ? `${url}${url.includes('?') ? '&' : '?'}lang=en` : url;
}

/**
 * A page of the web app (same origin as the API; it signs in first when needed, so it never answers
 * 401 in a browser): `/siklus/{cycleId}/skp`, `/siklus/{cycleId}/tim/{nip}`, `/keputusan`, …
 */
export function appUrl(path: string): string {
  return `${(ports().settings.publicBaseUrl ?? '').replace(/\/+$/, '')}${path}`;
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
    // One digest per kind: SKP approvals, evaluations and objections each read differently.
    for (const group of (['SKP_APPROVAL', 'EVALUATION_APPROVAL', 'OBJECTION'] as const).map((k) => pending.filter((d) => d.kind === k))) {
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
    approveUrl: await decisionUrl(d.decisionId, 'approve', recipient.nip, locale),
    returnUrl: await decisionUrl(d.decisionId, 'return', recipient.nip, locale),
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
  // "Setujui semua": one link to a page that lists every pending item of this kind and approves on POST only.
  const first = found[0]?.d;
  const actAll =
    found.length >= 2 && first && first.kind !== 'OBJECTION' ? { actAllUrl: await decisionUrl(first.decisionId, 'all', recipient.nip, locale) } : {};
  if (pending[0]?.kind === 'SKP_APPROVAL') {
    const items: (SkpDetails & { approveUrl: string; returnUrl: string })[] = [];
    for (const { d, e } of found) items.push({ ...skpDetails(e, d.decisionId, units), ...(await links(d)) });
    return ports().templates.skpApprovalRequest({ ...base, items, ...actAll, fullListUrl: appUrl(`/siklus/${cycle.cycleId}/tim`) });
  }
  if (pending[0]?.kind === 'OBJECTION') {
    const items: (ObjectionDetails & { approveUrl: string; returnUrl: string })[] = [];
    for (const { d, e } of found) items.push({ ...objectionDetails(e, d.decisionId, units, locale), ...(await links(d)) });
    return ports().templates.objectionDigest({ ...base, items, fullListUrl: appUrl('/keputusan') });
  }
  const items: (EvaluationDetails & { approveUrl: string; returnUrl: string })[] = [];
  for (const { d, e } of found) items.push({ ...evaluationDetails(e, d.decisionId, units, locale), ...(await links(d)) });
  return ports().templates.approvalDigest({ ...base, items, ...actAll, fullListUrl: appUrl('/keputusan') });
}

/** An objection as the approver reads it: the evaluation, the employee's reason, the predikat asked for. */
export function objectionDetails(e: EvaluationRecord, decisionId: string, units: Map<string, string>, locale: Locale): ObjectionDetails {
  const requested = e.objection?.requestedPredikat as Predikat | undefined;
  return {
    ...evaluationDetails(e, decisionId, units, locale),
    objection: { reason: e.objection?.reason ?? '', ...(requested ? { requestedPredikat: predikatLabel[requested][locale] } : {}) },
  };
}

async function isStillPending(decisionId: string): Promise<boolean> {
  return (await ports().decisions.get(decisionId))?.status === 'PENDING';
}

/** What the person an evaluation waits on has to do, and the app page where they do it. */
function taskOf(cycleId: string, e: EvaluationRecord): { task: TaskKind; path: string } | undefined {
  switch (e.status) {
    case 'SKP_DRAFT':
    case 'SKP_RETURNED':
      return { task: 'ownSkp', path: `/siklus/${cycleId}/skp` };
    case 'SKP_SUBMITTED':
      return { task: 'approveSkp', path: `/siklus/${cycleId}/tim/${e.nip}` };
    case 'MONITORING':
      return { task: 'midyearReview', path: `/siklus/${cycleId}/tim/${e.nip}` };
    case 'AWAITING_RATING':
    case 'RETURNED_TO_RATER':
      return { task: 'rate', path: `/siklus/${cycleId}/tim/${e.nip}` };
    case 'AWAITING_APPROVAL':
      return { task: 'approveEvaluation', path: '/keputusan' };
    case 'OBJECTED':
      return { task: 'objection', path: '/keputusan' };
    default:
      return undefined;
  }
}

/** Who each waiting evaluation waits on, per stage and status. */
export function waitsOn(e: EvaluationRecord): string | undefined {
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

/**
 * The reminder email of one person (what they have to do in the stage, for their role, with the app page
 * to do it), sent once per `onceKey`: the workflow's reminder day and HR's reminder from the console
 * (shared/application/console) send the same email through here. False when the key was already claimed.
 */
export async function sendReminderTo(
  cycle: CycleRecord,
  stage: Stage,
  person: EmployeeRecord,
  items: readonly EvaluationRecord[],
  units: Map<string, string>,
  openedAt: string | undefined,
  onceKey: string,
): Promise<boolean> {
  const locale = person.locale ?? 'id';
  const message = ports().templates.reminder({
    locale,
    recipient: { name: person.name },
    stageLabel: stageLabel[stage][locale],
    deadline: stageDeadline(cycle, stage, openedAt),
    items: items.flatMap((e) => {
      const task = taskOf(cycle.cycleId, e);
      if (!task) return [];
      const employee = { name: e.name, nip: e.nip, jabatan: e.jabatan, unitName: units.get(e.unitId) ?? e.unitId };
      return [{ task: task.task, ...(task.task === 'ownSkp' ? {} : { employee }), url: appUrl(task.path) }];
    }),
  });
  return sendOnce(onceKey, person, message, { kind: 'reminder', stage });
}

/** One reminder per waiting person: what they have to do, for their role, with the app page to do it. */
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
    if (await sendReminderTo(cycle, stage, person, items, units, record?.openedAt, `reminder:${cycle.cycleId}:${stage}:${tick}:${nip}`)) sent++;
  });
  return sent;
}

/**
 * After the deadline: pending decisions may now also be taken by the laggard's superior, and each
 * superior gets ONE email for the stage-day listing every late person under them; HR gets one summary.
 */
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
  type Late = {
    person: { name: string; nip: string; jabatan?: string; unitName?: string };
    items: { task: TaskKind; employee?: EvaluationRefLike; url?: string }[];
  };
  type EvaluationRefLike = { name: string; nip: string; jabatan?: string; unitName?: string };
  const bySuperior = new Map<string, Late[]>();
  const all: Late[] = [];
  await mapLimit(waiting, NOTICE_CONCURRENCY, async ([nip, items]) => {
    const laggard = laggards.get(nip);
    if (!laggard) return;
    const superior = laggard.raterNip ? superiors.get(laggard.raterNip) : undefined;
    // Pending decisions of the laggard can now also be taken by the superior, with links of their own.
    const decisions = (await ports().decisions.pendingOf(cycle.cycleId, nip)).filter((d) => d.stage === stage);
    for (const d of decisions) if (superior) await ports().decisions.markEscalated(d.decisionId, [superior.nip]);
    const byDecision = new Map(decisions.map((d) => [d.subjectNip, d]));
    const ref = (e: EvaluationRecord) => ({ name: e.name, nip: e.nip, jabatan: e.jabatan, unitName: units.get(e.unitId) ?? e.unitId });
    const person = { name: laggard.name, nip: laggard.nip, jabatan: laggard.jabatan, unitName: units.get(laggard.unitId) ?? laggard.unitId };
    const tasks = items.flatMap((e) => {
      const task = taskOf(cycle.cycleId, e);
      return task ? [{ e, task }] : [];
    });
    all.push({ person, items: tasks.map(({ e, task }) => ({ task: task.task, ...(task.task === 'ownSkp' ? {} : { employee: ref(e) }) })) });
    if (!superior) return;
    const superiorLocale = superior.locale ?? 'id';
    const forSuperior = await Promise.all(
      tasks.map(async ({ e, task }) => {
        const d = byDecision.get(e.nip);
        // A decision the superior may now take: its own link. A laggard's own task: the superior's team page for them.
        const url = d
          ? await decisionUrl(d.decisionId, 'view', superior.nip, superiorLocale)
          : task.task === 'ownSkp'
            ? appUrl(`/siklus/${cycle.cycleId}/tim/${e.nip}`)
            : undefined;
        return { task: task.task, ...(task.task === 'ownSkp' ? {} : { employee: ref(e) }), ...(url ? { url } : {}) };
      }),
    );
    bySuperior.set(superior.nip, [...(bySuperior.get(superior.nip) ?? []), { person, items: forSuperior }]);
  });
  const byNip = (a: Late, b: Late) => (a.person.nip < b.person.nip ? -1 : a.person.nip > b.person.nip ? 1 : 0);
  const common = (locale: Locale) => ({
    stageLabel: stageLabel[stage][locale],
    pendingSince: new Date(record?.openedAt ?? ports().clock.now()),
    deadline: stageDeadline(cycle, stage, record?.openedAt),
  });
  await mapLimit([...bySuperior], NOTICE_CONCURRENCY, async ([superiorNip, late]) => {
    const superior = superiors.get(superiorNip)!;
    const locale = superior.locale ?? 'id';
    const message = ports().templates.escalation({
      locale,
      recipient: { name: superior.name },
      audience: 'superior',
      ...common(locale),
      late: late.sort(byNip),
    });
    if (await sendOnce(`escalation:${cycle.cycleId}:${stage}:${tick}:${superiorNip}`, superior, message, { kind: 'escalation', stage })) sent++;
  });
  if (hr && all.length) {
    const message = ports().templates.escalation({
      locale: 'id',
      recipient: { name: 'Pengelola Kinerja (HR)' },
      audience: 'hr',
      ...common('id'),
      late: all.sort(byNip),
      dashboardUrl: appUrl('/hr'),
    });
    if (await sendOnce(`escalation:${cycle.cycleId}:${stage}:${tick}:hr`, { email: hr }, message, { kind: 'escalation', stage })) sent++;
  }
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
    // The employee's result page in the app, where the objection is filed within the window.
    objectionUrl: appUrl(`/siklus/${cycle.cycleId}/hasil`),
  });
  await sendOnce(`result:${cycle.cycleId}:${e.nip}`, person, message, { kind: 'result' });
}

/**
 * Tells the person a decision concerns what was decided, once per decision: the employee (SKP approved
 * or returned, objection granted or rejected) or the rater (evaluation returned). `after` is the
 * evaluation as the decision left it.
 */
export async function sendDecisionNotice(cycle: CycleRecord, decision: DecisionRecord, after: EvaluationRecord, predikat?: Predikat): Promise<boolean> {
  const outcome = decision.outcome === 'return' ? 'return' : 'approve';
  const kind: OutcomeKind | undefined =
    decision.kind === 'SKP_APPROVAL'
      ? outcome === 'approve'
        ? 'skpApproved'
        : 'skpReturned'
      : decision.kind === 'EVALUATION_APPROVAL'
        ? outcome === 'return'
          ? 'evaluationReturned'
          : undefined
        : outcome === 'approve'
          ? 'objectionGranted'
          : 'objectionRejected';
  if (!kind) return false;
  const recipientNip = kind === 'evaluationReturned' ? after.raterNip : after.nip;
  if (!recipientNip) return false;
  const [recipient, decider] = await Promise.all([
    ports().roster.getEmployee(cycle.agencyId, recipientNip),
    decision.decidedBy?.nip ? ports().roster.getEmployee(cycle.agencyId, decision.decidedBy.nip) : undefined,
  ]);
  if (!recipient) return false;
  const locale = recipient.locale ?? 'id';
  const score = after.score as StoredScore | undefined;
  const label = (r: unknown) => (r ? ratingLabel[r as Rating][locale] : undefined);
  const finalPredikat = (predikat ?? after.predikat ?? score?.predikat) as Predikat | undefined;
  const objection = kind === 'objectionGranted' || kind === 'objectionRejected';
  const path =
    kind === 'evaluationReturned' ? `/siklus/${cycle.cycleId}/tim/${after.nip}` : objection ? `/siklus/${cycle.cycleId}/hasil` : `/siklus/${cycle.cycleId}/skp`;
  const message = ports().templates.outcomeNotice({
    locale,
    recipient: { name: recipient.name },
    kind,
    cycleLabel: String(cycle.year),
    subject: { name: after.name, nip: after.nip },
    decidedBy: decider?.name ?? decision.decidedBy?.nip ?? '—',
    decidedAt: new Date(decision.decidedAt ?? ports().clock.now()),
    ...(decision.comment ? { reason: decision.comment } : {}),
    ...(objection && finalPredikat ? { predikat: predikatLabel[finalPredikat][locale] } : {}),
    ...(objection ? { resultsRating: label(score?.resultsRating), behaviourRating: label(score?.behaviour?.final) } : {}),
    url: appUrl(path),
  });
  return sendOnce(`notice:${decision.decisionId}`, recipient, message, { kind: 'notice', outcome: kind });
}

// --- periodic evaluations (issue 16) ---

/**
 * The reminder of a period of a quarterly or monthly policy (shared/application/stages/periods.ts):
 * one email per rater with periodic reviews still missing, `waiting` by rater NIP — the stages'
 * reminder template, app links and once-only send.
 */
export async function sendPeriodReminders(
  cycle: CycleRecord,
  period: { periodId: string; label: { id: string; en: string } },
  tick: number,
  waiting: ReadonlyMap<string, EvaluationRecord[]>,
  deadline: Date,
): Promise<number> {
  const raters = await ports().roster.getEmployees(cycle.agencyId, [...waiting.keys()]);
  const units = await ports().roster.unitNames(cycle.agencyId, new Set([...waiting.values()].flatMap((items) => items.map((e) => e.unitId))));
  const key = `PERIOD-${period.periodId}`;
  let sent = 0;
  await mapLimit([...waiting], NOTICE_CONCURRENCY, async ([nip, items]) => {
    const rater = raters.get(nip);
    if (!rater?.email) return;
    const locale = rater.locale ?? 'id';
    const message = ports().templates.reminder({
      locale,
      recipient: { name: rater.name },
      stageLabel: locale === 'en' ? `Periodic evaluation: ${period.label.en}` : `Evaluasi Kinerja Periodik ${period.label.id}`,
      deadline,
      items: items.map((e) => ({
        task: 'periodicReview' as const,
        employee: { name: e.name, nip: e.nip, jabatan: e.jabatan, unitName: units.get(e.unitId) ?? e.unitId },
        url: appUrl(`/siklus/${cycle.cycleId}/tim/${e.nip}`),
      })),
    });
    if (await sendOnce(`reminder:${cycle.cycleId}:${key}:${tick}:${nip}`, rater, message, { kind: 'reminder', stage: key })) sent++;
  });
  return sent;
}
