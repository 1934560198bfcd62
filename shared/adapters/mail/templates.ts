/**
 * Email templates: each returns { subject, html, text } in Bahasa Indonesia (default) or English.
 * HTML uses a table layout with inline CSS only and no external assets; every interpolated value
 * is escaped. Links open confirmation pages only — see shared/adapters/links/links.ts.
 */
import { DEFAULT_LOCALE, formatDate, formatDateTime, type Locale, t } from '../render/i18n';
import { html, type SafeHtml, safeUrl } from '../render/pages/html';
import { button, COLORS, card, emailLayout, htmlClosing, paragraph, renderItemHtml, renderItemText, textFooter } from './render';
import type { EvaluationSummary, SkpSummary } from './summary';

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

function renderItemsRequest(
  locale: Locale,
  input: { recipient: Recipient; items: (EvaluationSummary | SkpSummary)[]; actAllUrl?: string; deadline: Date },
  words: { subject: string; intro: string; request: string; actAll: string },
): RenderedMail {
  const deadline = formatDateTime(locale, input.deadline);
  const count = t(locale, 'digest.count', { count: input.items.length });
  const digest = itemsDigest(locale, input.items);
  const actAll = input.actAllUrl
    ? html`<div style="margin:8px 0 12px 0;">${button(input.actAllUrl, words.actAll, 'neutral')}</div>${paragraph(
        t(locale, 'digest.actAllHint'),
        `font-size:14px;color:${COLORS.muted};`,
      )}`
    : '';
  const bodyHtml = html`${paragraph(greeting(locale, input.recipient))}${paragraph(words.intro)}${paragraph(
    html`<strong>${words.request}</strong>`,
  )}${paragraph(count)}${digest.html}${actAll}${paragraph(t(locale, 'mail.linkValidUntil', { deadline }), `font-size:14px;color:${COLORS.muted};`)}`;
  const text = [
    greeting(locale, input.recipient),
    '',
    words.intro,
    words.request,
    count,
    '',
    ...digest.text,
    ...(input.actAllUrl ? [`${words.actAll}: ${input.actAllUrl}`, ''] : []),
    t(locale, 'mail.linkValidUntil', { deadline }),
  ];
  return compose(locale, words.subject, `${words.request}`, bodyHtml, text, true);
}

// ------------------------------------------------------------------ reminder

export interface ReminderItem {
  employee: { name: string; nip: string; jabatan?: string; unitName?: string };
  /** A fresh 'view' link for the item. */
  url: string;
}

export interface ReminderInput {
  locale?: Locale;
  recipient: Recipient;
  stageLabel: string;
  deadline: Date;
  items: ReminderItem[];
  actAllUrl?: string;
}

function employeeLine(e: { name: string; nip: string; jabatan?: string; unitName?: string }): string {
  return [`${e.name} (NIP ${e.nip})`, e.jabatan, e.unitName].filter(Boolean).join(' — ');
}

export function renderReminder(input: ReminderInput): RenderedMail {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const deadline = formatDateTime(locale, input.deadline);
  const count = input.items.length;
  const subject = t(locale, 'reminder.subject', { count, deadline });
  const intro = t(locale, 'reminder.intro', { count, stage: input.stageLabel });
  const deadlineText = t(locale, 'reminder.deadline', { deadline });
  const list = html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 12px 0;">${input.items.map(
    (item) =>
      html`<tr><td style="padding:8px 0;border-bottom:1px solid ${COLORS.border};vertical-align:middle;">${employeeLine(
        item.employee,
      )}<br>${button(item.url, t(locale, 'action.view'), 'neutral')}</td></tr>`,
  )}</table>`;
  const bodyHtml = html`${paragraph(greeting(locale, input.recipient))}${paragraph(intro)}${paragraph(
    html`<strong>${deadlineText}</strong>`,
  )}${list}${input.actAllUrl ? html`<div style="margin:8px 0 12px 0;">${button(input.actAllUrl, t(locale, 'digest.actAll'), 'approve')}</div>` : ''}${paragraph(
    t(locale, 'reminder.freshLinks'),
    `font-size:14px;color:${COLORS.muted};`,
  )}`;
  const text = [
    greeting(locale, input.recipient),
    '',
    intro,
    deadlineText,
    '',
    ...input.items.flatMap((item, i) => [`${i + 1}. ${employeeLine(item.employee)}`, `   ${t(locale, 'action.view')}: ${item.url}`]),
    '',
    ...(input.actAllUrl ? [`${t(locale, 'digest.actAll')}: ${input.actAllUrl}`, ''] : []),
    t(locale, 'reminder.freshLinks'),
  ];
  return compose(locale, subject, deadlineText, bodyHtml, text, true);
}

// ------------------------------------------------------------------ escalation

export interface EscalationInput {
  locale?: Locale;
  /** The approver's superior, or HR. */
  recipient: Recipient;
  /** Who did not act. */
  approver: { name: string; nip?: string; jabatan?: string };
  stageLabel: string;
  /** Since when the items have been waiting. */
  pendingSince: Date;
  deadline: Date;
  items: { employee: { name: string; nip: string; jabatan?: string; unitName?: string }; url?: string }[];
  dashboardUrl?: string;
}

export function renderEscalation(input: EscalationInput): RenderedMail {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const approverLabel = [input.approver.name, input.approver.jabatan].filter(Boolean).join(', ');
  const count = input.items.length;
  const since = formatDateTime(locale, input.pendingSince);
  const deadline = formatDateTime(locale, input.deadline);
  const subject = t(locale, 'escalation.subject', { count, approver: input.approver.name });
  const intro = t(locale, 'escalation.intro', { approver: approverLabel, count, stage: input.stageLabel, since, deadline });
  const request = t(locale, 'escalation.request');
  const facts: [string, string][] = [
    [t(locale, 'escalation.approver'), [approverLabel, input.approver.nip ? `NIP ${input.approver.nip}` : ''].filter(Boolean).join(' — ')],
    [t(locale, 'escalation.pendingSince'), since],
    [t(locale, 'escalation.deadline'), deadline],
  ];
  const factsHtml = html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 12px 0;background:${COLORS.highlight};">${facts.map(
    ([k, v]) =>
      html`<tr><td style="padding:6px 8px;color:${COLORS.muted};width:42%;vertical-align:top;">${k}</td><td style="padding:6px 8px;font-weight:bold;">${v}</td></tr>`,
  )}</table>`;
  const list = html`<h2 style="margin:16px 0 6px 0;font-size:17px;">${t(locale, 'escalation.items')}</h2><ul style="margin:0 0 12px 0;padding-left:20px;">${input.items.map(
    (item) =>
      html`<li style="margin:0 0 6px 0;">${employeeLine(item.employee)}${
        item.url ? html` — <a href="${safeUrl(item.url)}" style="color:${COLORS.brand};font-weight:bold;">${t(locale, 'escalation.open')}</a>` : ''
      }</li>`,
  )}</ul>`;
  const bodyHtml = html`${paragraph(greeting(locale, input.recipient))}${paragraph(intro)}${factsHtml}${paragraph(request)}${list}${
    input.dashboardUrl ? html`<div>${button(input.dashboardUrl, t(locale, 'escalation.dashboard'), 'neutral')}</div>` : ''
  }`;
  const text = [
    greeting(locale, input.recipient),
    '',
    intro,
    '',
    ...facts.map(([k, v]) => `${k}: ${v}`),
    '',
    request,
    '',
    `${t(locale, 'escalation.items')}:`,
    ...input.items.map((item, i) => `${i + 1}. ${employeeLine(item.employee)}${item.url ? `\n   ${item.url}` : ''}`),
    ...(input.dashboardUrl ? ['', `${t(locale, 'escalation.dashboard')}: ${input.dashboardUrl}`] : []),
  ];
  return compose(locale, subject, intro, bodyHtml, text, Boolean(input.items.some((i) => i.url)));
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
  const objection = t(locale, 'result.objection', {
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
