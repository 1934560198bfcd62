/**
 * Email templates: each returns { subject, html, text } in Bahasa Indonesia (default) or English.
 * HTML uses a table layout with inline CSS only and no external assets; every interpolated value
 * is escaped. Links open confirmation pages only — see shared/adapters/links/links.ts.
 */

import type { OutcomeKind, OutcomeNoticeInput } from '../../application/ports';
import { DEFAULT_LOCALE, formatDate, formatDateTime, type Locale, t } from '../render/i18n';
import { html, type SafeHtml, safeUrl } from '../render/pages/html';
import { button, COLORS, card, emailLayout, htmlClosing, paragraph, renderItemHtml, renderItemText, renderObjectionText, textFooter } from './render';
import type { EvaluationSummary, ObjectionSummary, SkpSummary } from './summary';

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

export interface Recipient {
  name: string;
}

function greeting(locale: Locale, recipient: Recipient): string {
  return t(locale, 'mail.greeting', { name: recipient.name });
}

function compose(locale: Locale, subject: string, preheader: string, bodyHtml: SafeHtml, text: string[], withLinkNotes: boolean): RenderedMail {
  return {
    subject,
    html: emailLayout(locale, { title: subject, preheader, body: html`${bodyHtml}${htmlClosing(locale, withLinkNotes)}` }),
    text: `${text.join('\n')}\n${textFooter(locale, withLinkNotes)}\n`,
  };
}

// ------------------------------------------------------------------ approval digest

export interface ApprovalDigestInput {
  locale?: Locale;
  recipient: Recipient;
  stageLabel: string;
  deadline: Date;
  items: EvaluationSummary[];
  /** A 'view' link to a page that lists every item and can approve all at once. */
  actAllUrl?: string;
  /** Where the whole list is shown when the email only has room for a summary (the app's decisions page). */
  fullListUrl?: string;
}

function itemsDigest(locale: Locale, items: (EvaluationSummary | SkpSummary)[]): { html: SafeHtml; text: string[] } {
  const htmlItems = items.map((item, i) =>
    card(
      html`${renderItemHtml(locale, item, { heading: `${i + 1}. ${item.employee.name}` })}<div>${button(
        item.approveUrl,
        t(locale, 'action.approve'),
        'approve',
      )}${button(item.returnUrl, t(locale, 'action.return'), 'return')}</div>`,
    ),
  );
  const text: string[] = [];
  items.forEach((item, i) => {
    text.push(`${i + 1}. ${item.employee.name}`);
    text.push(renderItemText(locale, item));
    text.push(`   ${t(locale, 'action.approve')}: ${item.approveUrl}`);
    text.push(`   ${t(locale, 'action.return')}: ${item.returnUrl}`);
    text.push('');
  });
  return { html: html`${htmlItems}`, text };
}

export function renderApprovalDigest(input: ApprovalDigestInput): RenderedMail {
  const locale = input.locale ?? DEFAULT_LOCALE;
  return renderItemsRequest(locale, input, {
    subject: t(locale, 'digest.subject', { count: input.items.length }),
    intro: t(locale, 'digest.intro', { stage: input.stageLabel }),
    request: t(locale, 'digest.request', { deadline: formatDateTime(locale, input.deadline) }),
    actAll: t(locale, 'digest.actAll'),
  });
}

// ------------------------------------------------------------------ SKP approval request

export interface SkpApprovalRequestInput {
  locale?: Locale;
  recipient: Recipient;
  stageLabel: string;
  deadline: Date;
  items: SkpSummary[];
  actAllUrl?: string;
  fullListUrl?: string;
}

export function renderSkpApprovalRequest(input: SkpApprovalRequestInput): RenderedMail {
  const locale = input.locale ?? DEFAULT_LOCALE;
  return renderItemsRequest(locale, input, {
    subject: t(locale, 'skp.subject', { count: input.items.length }),
    intro: t(locale, 'skp.intro', { stage: input.stageLabel }),
    request: t(locale, 'skp.request', { deadline: formatDateTime(locale, input.deadline) }),
    actAll: t(locale, 'skp.actAll'),
  });
}

/** Gmail clips a message past ~102 KB of HTML: every email stays under this, with room to spare. */
export const MAX_EMAIL_HTML_BYTES = 90_000;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function renderItemsRequest(
  locale: Locale,
  input: { recipient: Recipient; items: (EvaluationSummary | SkpSummary | ObjectionSummary)[]; actAllUrl?: string; fullListUrl?: string; deadline: Date },
  words: { subject: string; intro: string; request: string; actAll: string; count?: string },
  renderCards: (locale: Locale, items: never[]) => { html: SafeHtml; text: string[] } = itemsDigest as never,
  labels: { approve: string; return: string } = { approve: t(locale, 'action.approve'), return: t(locale, 'action.return') },
): RenderedMail {
  const deadline = formatDateTime(locale, input.deadline);
  const count = words.count ?? t(locale, 'digest.count', { count: input.items.length });
  const actAll = input.actAllUrl
    ? html`<div style="margin:8px 0 12px 0;">${button(input.actAllUrl, words.actAll, 'neutral')}</div>${paragraph(
        t(locale, 'digest.actAllHint'),
        `font-size:14px;color:${COLORS.muted};`,
      )}`
    : '';
  const build = (body: SafeHtml, lines: string[], extra: SafeHtml | '' = '') => {
    const bodyHtml = html`${paragraph(greeting(locale, input.recipient))}${paragraph(words.intro)}${paragraph(
      html`<strong>${words.request}</strong>`,
    )}${paragraph(count)}${body}${extra}${actAll}${paragraph(t(locale, 'mail.linkValidUntil', { deadline }), `font-size:14px;color:${COLORS.muted};`)}`;
    const text = [
      greeting(locale, input.recipient),
      '',
      words.intro,
      words.request,
      count,
      '',
      ...lines,
      ...(input.actAllUrl ? [`${words.actAll}: ${input.actAllUrl}`, ''] : []),
      t(locale, 'mail.linkValidUntil', { deadline }),
    ];
    return compose(locale, words.subject, `${words.request}`, bodyHtml, text, true);
  };
  const full = renderCards(locale, input.items as never[]);
  const mail = build(full.html, full.text);
  if (bytes(mail.html) <= MAX_EMAIL_HTML_BYTES) return mail;
  // Too long for mail clients: a summary table (who, what, the two choices) and a link to the full list.
  const fullList = input.fullListUrl ?? input.actAllUrl;
  const more = (n: number) =>
    html`${n > 0 ? paragraph(t(locale, 'digest.more', { count: n })) : ''}${fullList ? html`<div style="margin:8px 0 12px 0;">${button(fullList, t(locale, 'digest.fullList'), 'neutral')}</div>` : ''}`;
  let shown = input.items.length;
  for (;;) {
    const rows = input.items.slice(0, shown);
    const table = summaryTable(locale, rows, labels);
    const lines = rows.flatMap((item, i) => [
      `${i + 1}. ${item.employee.name} (NIP ${item.employee.nip})${'predikat' in item ? ` — ${item.predikat}` : ''}`,
      `   ${labels.approve}: ${item.approveUrl}`,
      `   ${labels.return}: ${item.returnUrl}`,
    ]);
    const note = paragraph(t(locale, 'digest.summaryNote'), `font-size:14px;color:${COLORS.muted};`);
    const candidate = build(
      html`${note}${table}`,
      [...lines, ...(fullList ? ['', `${t(locale, 'digest.fullList')}: ${fullList}`] : [])],
      more(input.items.length - shown),
    );
    if (bytes(candidate.html) <= MAX_EMAIL_HTML_BYTES || shown <= 1) return candidate;
    shown = Math.max(1, Math.floor(shown * 0.8));
  }
}

/** One row per item: name, NIP, jabatan, predikat (when there is one) and the two choices as links. */
function summaryTable(locale: Locale, items: (EvaluationSummary | SkpSummary | ObjectionSummary)[], labels: { approve: string; return: string }): SafeHtml {
  const td = `padding:6px 4px;border-bottom:1px solid ${COLORS.border};vertical-align:top;font-size:14px;`;
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 12px 0;">${items.map(
    (item, i) =>
      html`<tr><td style="${td}"><strong>${i + 1}. ${item.employee.name}</strong><br>NIP ${item.employee.nip} · ${item.employee.jabatan}${
        'predikat' in item ? html`<br>${t(locale, 'summary.predikat')}: ${item.predikat}` : ''
      }</td><td style="${td}white-space:nowrap;text-align:right;"><a href="${safeUrl(item.approveUrl)}" style="color:${COLORS.approve};font-weight:bold;">${labels.approve}</a><br><a href="${safeUrl(
        item.returnUrl,
      )}" style="color:${COLORS.returnFg};font-weight:bold;">${labels.return}</a></td></tr>`,
  )}</table>`;
}

// ------------------------------------------------------------------ reminder

/** What a person still has to do, by their role in the waiting item. */
export type TaskKind = 'ownSkp' | 'approveSkp' | 'midyearReview' | 'periodicReview' | 'rate' | 'approveEvaluation' | 'objection';

export interface ReminderItem {
  task: TaskKind;
  /** Whose record the task is about (omitted for the person's own SKP). */
  employee?: { name: string; nip: string; jabatan?: string; unitName?: string };
  /** The web app page where the task is done (signs in first when needed; never a JSON API URL). */
  url: string;
}

export interface ReminderInput {
  locale?: Locale;
  recipient: Recipient;
  stageLabel: string;
  deadline: Date;
  items: ReminderItem[];
}

function employeeLine(e: { name: string; nip: string; jabatan?: string; unitName?: string }): string {
  return [`${e.name} (NIP ${e.nip})`, e.jabatan, e.unitName].filter(Boolean).join(' — ');
}

function taskText(locale: Locale, item: ReminderItem): string {
  return item.task === 'ownSkp' ? t(locale, 'task.ownSkp') : t(locale, `task.${item.task}`, { name: item.employee?.name ?? '' });
}

export function renderReminder(input: ReminderInput): RenderedMail {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const deadline = formatDateTime(locale, input.deadline);
  const count = input.items.length;
  const first = input.items[0];
  const subject =
    count === 1 && first
      ? t(locale, 'reminder.subject.one', {
          task: taskText(locale, first)
            .replace(/^Silakan /, 'silakan ')
            .replace(/^Please /, 'please '),
          deadline,
        })
      : t(locale, 'reminder.subject.many', { count, deadline });
  const intro = t(locale, 'reminder.tasksIntro', { stage: input.stageLabel });
  const deadlineText = t(locale, 'reminder.deadline.all', { deadline });
  const list = html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 12px 0;">${input.items.map(
    (item) =>
      html`<tr><td style="padding:8px 0;border-bottom:1px solid ${COLORS.border};vertical-align:middle;"><strong>${taskText(locale, item)}</strong>${
        item.employee ? html`<br><span style="color:${COLORS.muted};font-size:14px;">${employeeLine(item.employee)}</span>` : ''
      }<br>${button(item.url, t(locale, 'task.open'), 'neutral')}</td></tr>`,
  )}</table>`;
  const bodyHtml = html`${paragraph(greeting(locale, input.recipient))}${paragraph(intro)}${list}${paragraph(html`<strong>${deadlineText}</strong>`)}${paragraph(
    t(locale, 'reminder.signIn'),
    `font-size:14px;color:${COLORS.muted};`,
  )}`;
  const text = [
    greeting(locale, input.recipient),
    '',
    intro,
    '',
    ...input.items.flatMap((item, i) => [
      `${i + 1}. ${taskText(locale, item)}${item.employee ? ` — ${employeeLine(item.employee)}` : ''}`,
      `   ${t(locale, 'task.open')}: ${item.url}`,
    ]),
    '',
    deadlineText,
    t(locale, 'reminder.signIn'),
  ];
  return compose(locale, subject, deadlineText, bodyHtml, text, false);
}

// ------------------------------------------------------------------ escalation

export interface EscalationPerson {
  /** Who did not act. */
  person: { name: string; nip: string; jabatan?: string; unitName?: string };
  /** What waits on them; `url` a link the recipient can act on (a decision link, or the app's page). */
  items: { task: TaskKind; employee?: { name: string; nip: string; jabatan?: string; unitName?: string }; url?: string }[];
}

export interface EscalationInput {
  locale?: Locale;
  /** The late people's superior, or HR (`audience: 'hr'`: one summary of the whole stage). */
  recipient: Recipient;
  audience?: 'superior' | 'hr';
  stageLabel: string;
  /** Since when the items have been waiting. */
  pendingSince: Date;
  deadline: Date;
  /** Every late person this recipient is told about, with what waits on each. */
  late: EscalationPerson[];
  dashboardUrl?: string;
}

/** One email per recipient per stage-day: every late person the recipient should know about, grouped. */
export function renderEscalation(input: EscalationInput): RenderedMail {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const hr = input.audience === 'hr';
  const count = input.late.length;
  const since = formatDateTime(locale, input.pendingSince);
  const deadline = formatDateTime(locale, input.deadline);
  const subject = hr
    ? t(locale, 'escalation.subject.hr', { stage: input.stageLabel, count })
    : t(locale, 'escalation.subject.grouped', { stage: input.stageLabel, count });
  const intro = hr
    ? t(locale, 'escalation.intro.hr', { stage: input.stageLabel, count, deadline })
    : t(locale, 'escalation.intro.grouped', { stage: input.stageLabel, since, deadline });
  const request = t(locale, 'escalation.request');
  const itemLine = (item: EscalationPerson['items'][number]) =>
    item.task === 'ownSkp' ? t(locale, 'task.ownSkp') : t(locale, `task.${item.task}`, { name: item.employee?.name ?? '' });
  const td = `padding:6px 4px;border-bottom:1px solid ${COLORS.border};vertical-align:top;font-size:14px;`;
  const list = hr
    ? html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 12px 0;">${input.late.map(
        (l) =>
          html`<tr><td style="${td}">${employeeLine(l.person)}</td><td style="${td}text-align:right;white-space:nowrap;">${t(locale, 'escalation.hr.count')}: ${l.items.length}</td></tr>`,
      )}</table>`
    : html`${input.late.map(
        (l) =>
          html`<h2 style="margin:16px 0 6px 0;font-size:17px;">${t(locale, 'escalation.person', { name: employeeLine(l.person), count: l.items.length })}</h2><ul style="margin:0 0 12px 0;padding-left:20px;">${l.items.map(
            (item) =>
              html`<li style="margin:0 0 6px 0;">${itemLine(item)}${
                item.url ? html` — <a href="${safeUrl(item.url)}" style="color:${COLORS.brand};font-weight:bold;">${t(locale, 'escalation.open')}</a>` : ''
              }</li>`,
          )}</ul>`,
      )}`;
  const bodyHtml = html`${paragraph(greeting(locale, input.recipient))}${paragraph(intro)}${hr ? '' : paragraph(request)}${list}${
    input.dashboardUrl ? html`<div>${button(input.dashboardUrl, t(locale, 'escalation.dashboard'), 'neutral')}</div>` : ''
  }`;
  const text = [
    greeting(locale, input.recipient),
    '',
    intro,
    ...(hr ? [] : ['', request]),
    '',
    ...input.late.flatMap((l, i) =>
      hr
        ? [`${i + 1}. ${employeeLine(l.person)}: ${l.items.length}`]
        : [
            `${i + 1}. ${t(locale, 'escalation.person', { name: employeeLine(l.person), count: l.items.length })}`,
            ...l.items.map((item) => `   - ${itemLine(item)}${item.url ? `: ${item.url}` : ''}`),
          ],
    ),
    ...(input.dashboardUrl ? ['', `${t(locale, 'escalation.dashboard')}: ${input.dashboardUrl}`] : []),
  ];
  return compose(
    locale,
    subject,
    intro,
    bodyHtml,
    text,
    input.late.some((l) => l.items.some((i) => i.url?.includes('/v1/decisions/'))),
  );
}

// ------------------------------------------------------------------ result notice

export interface ResultNoticeInput {
  locale?: Locale;
  recipient: Recipient;
  cycleLabel: string;
  predikat: string;
  resultsRating: string;
  behaviourRating: string;
  finalisedAt: Date;
  /** Last day to object (the policy's window, 14 days by PP 30/2019 Ps. 59, computed by the caller). */
  objectionDeadline: Date;
  objectionDays?: number;
  /** The approver (Atasan Pejabat Penilai Kinerja) who receives objections. */
  approverName?: string;
  objectionUrl?: string;
  detailUrl?: string;
}

export function renderResultNotice(input: ResultNoticeInput): RenderedMail {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const subject = t(locale, 'result.subject', { cycle: input.cycleLabel, predikat: input.predikat });
  const intro = t(locale, 'result.intro', { cycle: input.cycleLabel, date: formatDate(locale, input.finalisedAt) });
  const objection = t(locale, input.objectionUrl ? 'result.objection.online' : 'result.objection', {
    approver: input.approverName ?? t(locale, 'result.objection.approverFallback'),
    days: input.objectionDays ?? 14,
    deadline: formatDate(locale, input.objectionDeadline),
  });
  const final = t(locale, 'result.objection.final');
  const facts: [string, string, boolean][] = [
    [t(locale, 'result.predikat'), input.predikat, true],
    [t(locale, 'summary.resultsRating'), input.resultsRating, false],
    [t(locale, 'summary.behaviourRating'), input.behaviourRating, false],
  ];
  const factsHtml = html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 16px 0;border:1px solid ${COLORS.border};">${facts.map(
    ([k, v, strong]) =>
      html`<tr><td style="padding:8px;color:${COLORS.muted};width:42%;border-bottom:1px solid ${COLORS.border};">${k}</td><td style="padding:8px;border-bottom:1px solid ${COLORS.border};${
        strong ? 'font-weight:bold;font-size:18px;' : ''
      }">${v}</td></tr>`,
  )}</table>`;
  const buttons = [
    input.detailUrl ? button(input.detailUrl, t(locale, 'result.detailButton'), 'neutral') : '',
    input.objectionUrl ? button(input.objectionUrl, t(locale, 'result.objectionButton'), 'return') : '',
  ];
  const bodyHtml = html`${paragraph(greeting(locale, input.recipient))}${paragraph(intro)}${factsHtml}<h2 style="margin:16px 0 6px 0;font-size:17px;">${t(
    locale,
    'result.objection.heading',
  )}</h2>${paragraph(objection)}${paragraph(final)}<div>${buttons}</div>`;
  const text = [
    greeting(locale, input.recipient),
    '',
    intro,
    '',
    ...facts.map(([k, v]) => `${k}: ${v}`),
    '',
    `${t(locale, 'result.objection.heading')}:`,
    objection,
    final,
    ...(input.detailUrl ? ['', `${t(locale, 'result.detailButton')}: ${input.detailUrl}`] : []),
    ...(input.objectionUrl ? [`${t(locale, 'result.objectionButton')}: ${input.objectionUrl}`] : []),
  ];
  return compose(locale, subject, intro, bodyHtml, text, false);
}

// ------------------------------------------------------------------ delegation notice (Plt / Plh)

export interface DelegationNoticeInput {
  locale?: Locale;
  /** 'delegate': the acting official is told; 'delegator': the appointing official gets a confirmation. */
  audience: 'delegate' | 'delegator';
  recipient: Recipient;
  kind: 'plt' | 'plh';
  delegator: { name: string; jabatan?: string };
  delegate: { name: string; jabatan?: string };
  /** First and last day (inclusive) of the delegation. */
  from: Date;
  until: Date;
  reason?: string;
}

export function renderDelegationNotice(input: DelegationNoticeInput): RenderedMail {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const kind = t(locale, `delegation.kind.${input.kind}`);
  const person = (p: { name: string; jabatan?: string }) => [p.name, p.jabatan].filter(Boolean).join(', ');
  const params = {
    kind,
    delegator: person(input.delegator),
    delegate: person(input.delegate),
    from: formatDate(locale, input.from),
    until: formatDate(locale, input.until),
  };
  const subject =
    input.audience === 'delegate'
      ? t(locale, 'delegation.subject.delegate', { kind, delegator: input.delegator.name })
      : t(locale, 'delegation.subject.delegator', { kind, delegate: input.delegate.name });
  const intro = input.audience === 'delegate' ? t(locale, 'delegation.intro.delegate', params) : t(locale, 'delegation.intro.delegator', params);
  const effect =
    input.audience === 'delegate'
      ? t(locale, 'delegation.effect.delegate', { kind, delegator: params.delegator })
      : t(locale, 'delegation.effect.delegator', { delegate: params.delegate });
  const facts: [string, string][] = [
    [t(locale, 'delegation.delegator'), params.delegator],
    [t(locale, 'delegation.delegate'), `${params.delegate} — ${kind}`],
    [t(locale, 'delegation.period'), `${params.from} – ${params.until}`],
  ];
  const reason = input.reason ? t(locale, 'delegation.reason', { reason: input.reason }) : undefined;
  const bodyHtml = html`${paragraph(greeting(locale, input.recipient))}${paragraph(intro)}<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 12px 0;background:${
    COLORS.subtle
  };">${facts.map(
    ([k, v]) => html`<tr><td style="padding:6px 8px;color:${COLORS.muted};width:42%;vertical-align:top;">${k}</td><td style="padding:6px 8px;">${v}</td></tr>`,
  )}</table>${paragraph(effect)}${reason ? paragraph(reason) : ''}`;
  const text = [greeting(locale, input.recipient), '', intro, '', ...facts.map(([k, v]) => `${k}: ${v}`), '', effect, ...(reason ? [reason] : [])];
  return compose(locale, subject, intro, bodyHtml, text, false);
}

// ------------------------------------------------------------------ objection (keberatan) digest

export interface ObjectionDigestInput {
  locale?: Locale;
  recipient: Recipient;
  stageLabel: string;
  deadline: Date;
  /** approveUrl grants, returnUrl rejects: both open a confirmation page that asks for a reason. */
  items: ObjectionSummary[];
  fullListUrl?: string;
}

function objectionCards(locale: Locale, items: ObjectionSummary[]): { html: SafeHtml; text: string[] } {
  const grant = t(locale, 'objection.grant');
  const reject = t(locale, 'objection.reject');
  const htmlItems = items.map((item) =>
    card(
      html`${renderItemHtml(locale, item, { heading: t(locale, 'objection.heading', { name: item.employee.name }) })}${paragraph(
        t(locale, 'objection.choicesHint'),
        `font-size:14px;color:${COLORS.muted};`,
      )}<div>${button(item.approveUrl, grant, 'approve')}${button(item.returnUrl, reject, 'return')}</div>`,
    ),
  );
  const text = items.flatMap((item, i) => [
    `${i + 1}. ${t(locale, 'objection.heading', { name: item.employee.name })}`,
    renderObjectionText(locale, item),
    `   ${t(locale, 'objection.choicesHint')}`,
    `   ${grant}: ${item.approveUrl}`,
    `   ${reject}: ${item.returnUrl}`,
    '',
  ]);
  return { html: html`${htmlItems}`, text };
}

/** The approver's objections: titled as such, with the reason, the result objected to and the predikat asked for. */
export function renderObjectionDigest(input: ObjectionDigestInput): RenderedMail {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const only = input.items.length === 1 ? input.items[0] : undefined;
  return renderItemsRequest(
    locale,
    input,
    {
      subject: only ? `${t(locale, 'page.objection.title')}: ${only.employee.name}` : t(locale, 'objection.subject', { count: input.items.length }),
      intro: t(locale, 'objection.intro', { stage: input.stageLabel }),
      request: t(locale, 'objection.request', { deadline: formatDateTime(locale, input.deadline) }),
      actAll: '',
      count: t(locale, 'objection.count', { count: input.items.length }),
    },
    objectionCards as never,
    { approve: t(locale, 'objection.grant'), return: t(locale, 'objection.reject') },
  );
}

// ------------------------------------------------------------------ outcome notices

const OUTCOME_BUTTON: Record<OutcomeKind, 'notice.open.skp' | 'notice.open.rate' | 'notice.open.result'> = {
  skpApproved: 'notice.open.skp',
  skpReturned: 'notice.open.skp',
  evaluationReturned: 'notice.open.rate',
  objectionGranted: 'notice.open.result',
  objectionRejected: 'notice.open.result',
};

/** Tells the person an outcome concerns what was decided, by whom, why, and what comes next. */
export function renderOutcomeNotice(input: OutcomeNoticeInput): RenderedMail {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const params = {
    cycle: input.cycleLabel,
    by: input.decidedBy,
    date: formatDateTime(locale, input.decidedAt),
    name: input.subject.name,
    nip: input.subject.nip,
    predikat: input.predikat ?? '—',
  };
  const subject = t(locale, `notice.${input.kind}.subject`, params as never);
  const intro = t(locale, `notice.${input.kind}.intro`, params as never);
  const next =
    input.kind === 'objectionGranted' || input.kind === 'objectionRejected' ? t(locale, 'notice.objection.final') : t(locale, `notice.${input.kind}.next`);
  const facts: [string, string, boolean][] = [
    ...(input.kind === 'evaluationReturned'
      ? [[t(locale, 'employee.name'), `${input.subject.name} (NIP ${input.subject.nip})`, false] as [string, string, boolean]]
      : []),
    [t(locale, 'notice.decidedBy'), input.decidedBy, false],
    ...(input.resultsRating ? [[t(locale, 'summary.resultsRating'), input.resultsRating, false] as [string, string, boolean]] : []),
    ...(input.behaviourRating ? [[t(locale, 'summary.behaviourRating'), input.behaviourRating, false] as [string, string, boolean]] : []),
    ...(input.predikat ? [[t(locale, 'result.predikat'), input.predikat, true] as [string, string, boolean]] : []),
  ];
  const factsHtml = html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 16px 0;border:1px solid ${COLORS.border};">${facts.map(
    ([k, v, strong]) =>
      html`<tr><td style="padding:8px;color:${COLORS.muted};width:42%;border-bottom:1px solid ${COLORS.border};">${k}</td><td style="padding:8px;border-bottom:1px solid ${COLORS.border};${
        strong ? 'font-weight:bold;font-size:18px;' : ''
      }">${v}</td></tr>`,
  )}</table>`;
  const reasonHtml = input.reason
    ? html`<h2 style="margin:16px 0 6px 0;font-size:17px;">${t(locale, 'notice.reason')}</h2><blockquote style="margin:0 0 12px 0;padding:8px 12px;border-left:4px solid ${
        COLORS.brand
      };background:${COLORS.highlight};white-space:pre-line;">${input.reason}</blockquote>`
    : '';
  const bodyHtml = html`${paragraph(greeting(locale, input.recipient))}${paragraph(intro)}${factsHtml}${reasonHtml}${paragraph(next)}${
    input.url ? html`<div>${button(input.url, t(locale, OUTCOME_BUTTON[input.kind]), 'neutral')}</div>` : ''
  }`;
  const text = [
    greeting(locale, input.recipient),
    '',
    intro,
    '',
    ...facts.map(([k, v]) => `${k}: ${v}`),
    ...(input.reason ? ['', `${t(locale, 'notice.reason')}:`, input.reason] : []),
    '',
    next,
    ...(input.url ? ['', `${t(locale, OUTCOME_BUTTON[input.kind])}: ${input.url}`] : []),
  ];
  return compose(locale, subject, intro, bodyHtml, text, false);
}
