/**
 * The pages a decision link leads to. Rendering changes nothing: the confirmation page is what
 * GET/HEAD return (mail scanners fetch every link), and only a POST from its forms decides.
 * No page contains a script; CSP forbids them anyway.
 */
import type { Decision, LinkAction, LinkProblem } from '../../links/links';
import { isEvaluation, renderItemHtml } from '../../mail/render';
import type { ItemDetails, ObjectionDetails } from '../../mail/summary';
import { DEFAULT_LOCALE, formatDateTime, type Locale, t } from '../i18n';
import { type DecisionFormError, MAX_COMMENT_LENGTH } from './form';
import { html, type SafeHtml, safeUrl } from './html';
import { pageLayout } from './layout';

// ------------------------------------------------------------------ confirmation

export interface ConfirmPageInput {
  locale?: Locale;
  /** One item, or several for an "act on all" link. */
  summary: ItemDetails | ItemDetails[];
  /** The link's action: which choice comes first ('view' and 'approve' → approve first). */
  action: LinkAction;
  /** Where the forms POST to (same origin; a path such as /v1/decisions/{d} is best). */
  formAction: string;
  /** The signed link fields to echo back (see linkFormFields). */
  hidden: Record<string, string>;
  /** Whether returning needs a reason (sets `required` on the return form's textarea). */
  requireReason: boolean;
  /** Offer "return all" on a multi-item page (default: approve all only; return item by item). */
  allowBatchReturn?: boolean;
  /** After a rejected POST: what was wrong, and what the user had typed. */
  error?: DecisionFormError;
  previous?: { decision?: Decision; comment?: string };
  /** The same page in the other language. */
  switchUrl?: string;
}

/** What a decision is about: the words on its pages follow it. */
export type DecisionKindName = 'SKP_APPROVAL' | 'EVALUATION_APPROVAL' | 'OBJECTION';

/** "disetujui", "dikembalikan"; for an objection "dikabulkan", "ditolak". */
export function decisionWord(locale: Locale, kind: DecisionKindName | undefined, decision: Decision): string {
  return kind === 'OBJECTION' ? t(locale, `decision.OBJECTION.${decision}`) : t(locale, `decision.${decision}`);
}

function hiddenInputs(hidden: Record<string, string>): SafeHtml {
  return html`${Object.entries(hidden).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}`;
}

function errorText(locale: Locale, error: DecisionFormError): string {
  switch (error) {
    case 'reasonRequired':
      return t(locale, 'page.confirm.error.reasonRequired');
    case 'reasonTooLong':
      return t(locale, 'page.confirm.error.reasonTooLong', { max: MAX_COMMENT_LENGTH });
    case 'invalidDecision':
      return t(locale, 'page.confirm.error.invalidDecision');
    case 'rerate':
      return t(locale, 'page.objection.error.rerate');
  }
}

export function renderConfirmPage(input: ConfirmPageInput): string {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const items = Array.isArray(input.summary) ? input.summary : [input.summary];
  const skp = items[0] !== undefined && !isEvaluation(items[0]);
  const batch = Array.isArray(input.summary);
  const title = batch
    ? t(locale, 'page.confirm.title.batch', { count: items.length })
    : items[0] && !isEvaluation(items[0])
      ? t(locale, 'page.confirm.title.skp')
      : t(locale, 'page.confirm.title.evaluation');
  const action = safeUrl(input.formAction);
  const hidden = hiddenInputs(input.hidden);
  const error = input.error;
  const prevComment = input.previous?.comment ?? '';
  const returnInvalid = error === 'reasonRequired' || (error === 'reasonTooLong' && input.previous?.decision === 'return');
  const approveInvalid = error === 'reasonTooLong' && input.previous?.decision !== 'return';

  const itemsHtml = batch
    ? html`<ol class="items">${items.map((item, i) => html`<li class="panel scroll item">${renderItemHtml(locale, item, { heading: `${i + 1}. ${item.employee.name}` })}</li>`)}</ol>`
    : html`<section class="panel scroll item">${items[0] ? renderItemHtml(locale, items[0]) : ''}</section>`;

  const approveForm = html`<section class="panel" aria-labelledby="approve-heading">
<h2 id="approve-heading">${batch ? t(locale, 'page.confirm.approveAllHeading') : t(locale, 'page.confirm.approveHeading')}</h2>
<form method="post" action="${action}">
${hidden}
<label for="approve-comment">${t(locale, 'page.confirm.comment')}</label>
<textarea id="approve-comment" name="comment" rows="3" maxlength="${MAX_COMMENT_LENGTH}"${approveInvalid ? html` aria-invalid="true"` : ''}>${
    input.previous?.decision === 'approve' ? prevComment : ''
  }</textarea>
<button type="submit" name="decision" value="approve" class="btn-approve">${
    batch ? t(locale, 'page.confirm.approveAll', { count: items.length }) : t(locale, 'action.approve')
  }</button>
</form>
</section>`;

  const reasonLabel = input.requireReason ? t(locale, 'page.confirm.reason') : t(locale, 'page.confirm.reasonOptional');
  const returnForm = html`<section class="panel" aria-labelledby="return-heading">
<h2 id="return-heading">${t(locale, 'page.confirm.returnHeading')}</h2>
<form method="post" action="${action}">
${hidden}
<label for="return-reason">${reasonLabel}</label>
<p class="hint" id="return-reason-hint">${skp ? t(locale, 'page.confirm.reasonHint.skp') : t(locale, 'page.confirm.reasonHint')}</p>
<textarea id="return-reason" name="comment" rows="4" maxlength="${MAX_COMMENT_LENGTH}" aria-describedby="return-reason-hint${
    returnInvalid ? ' form-error' : ''
  }"${input.requireReason ? html` required aria-required="true"` : ''}${returnInvalid ? html` aria-invalid="true"` : ''}>${
    input.previous?.decision === 'return' ? prevComment : ''
  }</textarea>
<button type="submit" name="decision" value="return" class="btn-return">${t(locale, 'action.return')}</button>
</form>
</section>`;

  const offerReturn = !batch || input.allowBatchReturn === true;
  const forms = input.action === 'return' && offerReturn ? html`${returnForm}${approveForm}` : html`${approveForm}${offerReturn ? returnForm : ''}`;

  const main = html`<h1>${title}</h1>
${error ? html`<p class="alert" role="alert" id="form-error">${errorText(locale, error)}</p>` : ''}
<p class="notice">${t(locale, 'page.confirm.notYet')}</p>
${itemsHtml}
${forms}
${batch && !offerReturn ? html`<p class="muted">${t(locale, 'page.confirm.batchReturnHint')}</p>` : ''}`;
  return pageLayout(locale, title, main, '', input.switchUrl);
}

// ------------------------------------------------------------------ objection (keberatan)

export interface RatingOption {
  value: string;
  label: string;
}

export interface ObjectionPageInput {
  locale?: Locale;
  item: ObjectionDetails;
  /** The link's action: 'return' opens with Tolak keberatan first. */
  action: LinkAction;
  formAction: string;
  hidden: Record<string, string>;
  /** The rating scale, lowest first, with labels in the page's language. */
  ratings: RatingOption[];
  /** Preselected new ratings (those that give the predikat asked for). */
  suggested?: { resultsRating?: string; behaviourRating?: string };
  error?: DecisionFormError;
  previous?: { decision?: Decision; comment?: string; resultsRating?: string; behaviourRating?: string };
  switchUrl?: string;
}

/** The objection decision: the employee's reason and the result objected to, then two plain choices, each with a required reason. */
export function renderObjectionPage(input: ObjectionPageInput): string {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const title = t(locale, 'page.objection.title');
  const action = safeUrl(input.formAction);
  const hidden = hiddenInputs(input.hidden);
  const prev = input.previous ?? {};
  const grantError = input.error !== undefined && prev.decision !== 'return';
  const rejectError = input.error !== undefined && prev.decision === 'return';
  const select = (name: 'resultsRating' | 'behaviourRating', label: string) => {
    const chosen = prev[name] ?? input.suggested?.[name];
    return html`<label for="grant-${name}">${label}</label>
<select id="grant-${name}" name="${name}" aria-describedby="grant-rating-hint">${input.ratings.map(
      (r) => html`<option value="${r.value}"${r.value === chosen ? html` selected` : ''}>${r.label}</option>`,
    )}</select>`;
  };
  const grantForm = html`<section class="panel" aria-labelledby="grant-heading">
<h2 id="grant-heading">${t(locale, 'page.objection.grantHeading')}</h2>
<form method="post" action="${action}">
${hidden}
<p class="hint" id="grant-rating-hint">${t(locale, 'page.objection.ratingHint')}</p>
${select('resultsRating', t(locale, 'page.objection.resultsRating'))}
${select('behaviourRating', t(locale, 'page.objection.behaviourRating'))}
<label for="grant-reason">${t(locale, 'page.objection.grantReason')}</label>
<p class="hint" id="grant-reason-hint">${t(locale, 'page.objection.reasonHint')}</p>
<textarea id="grant-reason" name="comment" rows="4" maxlength="${MAX_COMMENT_LENGTH}" required aria-required="true" aria-describedby="grant-reason-hint${
    grantError ? ' form-error' : ''
  }"${grantError ? html` aria-invalid="true"` : ''}>${prev.decision !== 'return' ? (prev.comment ?? '') : ''}</textarea>
<button type="submit" name="decision" value="approve" class="btn-approve">${t(locale, 'page.objection.preview')}</button>
</form>
</section>`;
  const rejectForm = html`<section class="panel" aria-labelledby="reject-heading">
<h2 id="reject-heading">${t(locale, 'page.objection.rejectHeading')}</h2>
<form method="post" action="${action}">
${hidden}
<label for="reject-reason">${t(locale, 'page.objection.rejectReason')}</label>
<p class="hint" id="reject-reason-hint">${t(locale, 'page.objection.reasonHint')}</p>
<textarea id="reject-reason" name="comment" rows="4" maxlength="${MAX_COMMENT_LENGTH}" required aria-required="true" aria-describedby="reject-reason-hint${
    rejectError ? ' form-error' : ''
  }"${rejectError ? html` aria-invalid="true"` : ''}>${prev.decision === 'return' ? (prev.comment ?? '') : ''}</textarea>
<button type="submit" name="decision" value="return" class="btn-return">${t(locale, 'objection.reject')}</button>
</form>
</section>`;
  const errorMessage =
    input.error === 'reasonRequired' ? t(locale, 'page.objection.error.reasonRequired') : input.error ? errorText(locale, input.error) : undefined;
  const main = html`<h1>${title}</h1>
${errorMessage ? html`<p class="alert" role="alert" id="form-error">${errorMessage}</p>` : ''}
<p class="notice">${t(locale, 'page.objection.notYet')}</p>
<section class="panel scroll item">${renderItemHtml(locale, input.item, { heading: t(locale, 'objection.heading', { name: input.item.employee.name }) })}</section>
<p>${t(locale, 'objection.choicesHint')}</p>
${input.action === 'return' ? html`${rejectForm}${grantForm}` : html`${grantForm}${rejectForm}`}`;
  return pageLayout(locale, title, main, '', input.switchUrl);
}

export interface ObjectionPreviewInput {
  locale?: Locale;
  name: string;
  /** Labels in the page's language. */
  before: string;
  predikat: string;
  resultsRating: string;
  behaviourRating: string;
  comment: string;
  formAction: string;
  /** Everything the confirming POST sends again: link fields, decision, comment, ratings, confirm=1. */
  hidden: Record<string, string>;
  /** The confirmation page again (a GET), to change the choice. */
  backUrl: string;
  switchUrl?: string;
}

/** Before a granted objection is recorded: the predikat the new ratings give, by the matrix. */
export function renderObjectionPreviewPage(input: ObjectionPreviewInput): string {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const title = t(locale, 'page.objection.previewTitle');
  const main = html`<h1>${title}</h1>
<p class="notice">${t(locale, 'page.objection.notYet')}</p>
<section class="panel">
<p><strong>${t(locale, 'page.objection.previewBody', { name: input.name, predikat: input.predikat, before: input.before })}</strong></p>
<table class="facts"><tbody>
<tr><th scope="row">${t(locale, 'page.objection.resultsRating')}</th><td>${input.resultsRating}</td></tr>
<tr><th scope="row">${t(locale, 'page.objection.behaviourRating')}</th><td>${input.behaviourRating}</td></tr>
<tr><th scope="row">${t(locale, 'result.predikat')}</th><td><strong>${input.predikat}</strong></td></tr>
</tbody></table>
<h2>${t(locale, 'notice.reason')}</h2>
<blockquote>${input.comment}</blockquote>
<form method="post" action="${safeUrl(input.formAction)}">
${hiddenInputs(input.hidden)}
<button type="submit" class="btn-approve">${t(locale, 'page.objection.confirmGrant', { predikat: input.predikat })}</button>
</form>
<p><a class="btn-link" href="${safeUrl(input.backUrl)}">${t(locale, 'page.objection.back')}</a></p>
</section>`;
  return pageLayout(locale, title, main, '', input.switchUrl);
}

// ------------------------------------------------------------------ outcomes

export interface PageEmployee {
  name: string;
  nip: string;
}

function employeeList(items: PageEmployee[] | undefined): SafeHtml | '' {
  if (!items || items.length === 0) return '';
  return html`<ul>${items.map((e) => html`<li>${e.name} (NIP ${e.nip})</li>`)}</ul>`;
}

export interface DecisionDonePageInput {
  locale?: Locale;
  /** The outcome as stored (never a losing request's own choice). */
  decision: Decision;
  decidedAt: Date;
  items?: PageEmployee[];
  comment?: string;
  /** What was decided; the follow-up sentence promises only the notice that is really sent. */
  kind?: DecisionKindName;
  /** A granted objection: the new predikat (label). */
  predikat?: string;
  switchUrl?: string;
}

/** Who hears of the decision next — each sentence matches a notice sendDecisionNotice really sends. */
function followUp(locale: Locale, kind: DecisionKindName | undefined, decision: Decision): string | undefined {
  if (kind === 'OBJECTION') return t(locale, 'page.done.objection');
  if (kind === 'SKP_APPROVAL') return decision === 'return' ? t(locale, 'page.done.skpReturned') : t(locale, 'page.done.skpApproved');
  if (decision === 'return') return t(locale, 'page.done.returned');
  return kind === 'EVALUATION_APPROVAL' ? t(locale, 'page.done.evaluationApproved') : undefined;
}

export function renderDecisionDonePage(input: DecisionDonePageInput): string {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const title = t(locale, 'page.done.title');
  const body = t(locale, 'page.done.body', {
    decision: decisionWord(locale, input.kind, input.decision),
    date: formatDateTime(locale, input.decidedAt),
  });
  const next = followUp(locale, input.kind, input.decision);
  const main = html`<h1>${title}</h1>
<div class="ok" role="status"><p>${body}</p>${employeeList(input.items)}${input.predikat ? html`<p><strong>${t(locale, 'page.done.newPredikat', { predikat: input.predikat })}</strong></p>` : ''}</div>
${input.comment ? html`<section class="panel"><h2>${t(locale, 'page.done.comment')}</h2><p>${input.comment}</p></section>` : ''}
${next ? html`<p>${next}</p>` : ''}
<p class="muted">${t(locale, 'page.closeHint')}</p>`;
  return pageLayout(locale, title, main, '', input.switchUrl);
}

export interface AlreadyDecidedPageInput {
  locale?: Locale;
  /** Name of who decided (for a Plt/Plh, the acting official). */
  decidedBy: string;
  /** The official on whose behalf the acting official decided. */
  onBehalfOf?: string;
  decidedAt: Date;
  decision: Decision;
  items?: PageEmployee[];
  kind?: DecisionKindName;
  switchUrl?: string;
}

export function renderAlreadyDecidedPage(input: AlreadyDecidedPageInput): string {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const title = t(locale, 'page.already.title');
  const name = input.onBehalfOf ? t(locale, 'page.already.onBehalf', { name: input.decidedBy, principal: input.onBehalfOf }) : input.decidedBy;
  const body = t(locale, 'page.already.body', {
    name,
    date: formatDateTime(locale, input.decidedAt),
    decision: decisionWord(locale, input.kind, input.decision),
  });
  const main = html`<h1>${title}</h1>
<div class="notice" role="status"><p>${body}</p>${employeeList(input.items)}</div>
<p>${t(locale, 'page.already.noEffect')}</p>
<p class="muted">${t(locale, 'page.closeHint')}</p>`;
  return pageLayout(locale, title, main, '', input.switchUrl);
}

/** Suggested status codes for link problems. */
export function linkProblemStatus(reason: LinkProblem): number {
  switch (reason) {
    case 'expired':
      return 410;
    case 'malformed':
      return 400;
    case 'tampered':
    case 'unknown-key':
      return 403;
  }
}

export function renderLinkProblemPage(input: { locale?: Locale; reason: LinkProblem; switchUrl?: string }): string {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const title = input.reason === 'expired' ? t(locale, 'page.link.title.expired') : t(locale, 'page.link.title.invalid');
  const body =
    input.reason === 'expired'
      ? t(locale, 'page.link.body.expired')
      : input.reason === 'tampered'
        ? t(locale, 'page.link.body.tampered')
        : input.reason === 'malformed'
          ? t(locale, 'page.link.body.malformed')
          : t(locale, 'page.link.body.unknownKey');
  const main = html`<h1>${title}</h1>
<div class="alert" role="alert"><p>${body}</p></div>
<section class="panel"><p>${t(locale, 'page.link.howToGetNew')}</p>${
    input.reason === 'malformed' || input.reason === 'tampered' ? html`<p class="muted">${t(locale, 'page.link.copyHint')}</p>` : ''
  }</section>`;
  return pageLayout(locale, title, main, '', input.switchUrl);
}

export interface EscalatedPageInput {
  locale?: Locale;
  /** 'escalated': the deadline passed and the item went up; 'delegated': a Plt/Plh now decides. */
  reason: 'escalated' | 'delegated';
  /** Who now holds the decision (name, position). */
  to?: string;
  since: Date;
}

export function renderEscalatedPage(input: EscalatedPageInput): string {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const title = input.reason === 'escalated' ? t(locale, 'page.escalated.title.escalated') : t(locale, 'page.escalated.title.delegated');
  const params = { to: input.to ?? t(locale, 'page.escalated.toFallback'), since: formatDateTime(locale, input.since) };
  const body = input.reason === 'escalated' ? t(locale, 'page.escalated.body.escalated', params) : t(locale, 'page.escalated.body.delegated', params);
  const main = html`<h1>${title}</h1>
<div class="notice" role="status"><p>${body}</p></div>
<p>${t(locale, 'page.escalated.contact')}</p>`;
  return pageLayout(locale, title, main);
}

export interface ErrorPageInput {
  locale?: Locale;
  kind?: 'server' | 'notFound' | 'badRequest';
  /** A request id to quote to support; never an internal detail. */
  reference?: string;
}

export function renderErrorPage(input: ErrorPageInput = {}): string {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const kind = input.kind ?? 'server';
  const title =
    kind === 'notFound'
      ? t(locale, 'page.error.title.notFound')
      : kind === 'badRequest'
        ? t(locale, 'page.error.title.badRequest')
        : t(locale, 'page.error.title.server');
  const body =
    kind === 'notFound'
      ? t(locale, 'page.error.body.notFound')
      : kind === 'badRequest'
        ? t(locale, 'page.error.body.badRequest')
        : t(locale, 'page.error.body.server');
  const main = html`<h1>${title}</h1>
<div class="alert" role="alert"><p>${body}</p></div>
${input.reference ? html`<p class="muted">${t(locale, 'page.error.reference', { id: input.reference })}</p>` : ''}`;
  return pageLayout(locale, title, main);
}
