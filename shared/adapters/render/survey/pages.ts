/**
 * The citizens' pages, server-rendered without a script (they work on any phone and a counter tablet):
 * the survey form, its thank-you page, the printable A4 poster with the survey's QR code, and a unit's
 * public IKM page. Same layout, stylesheet and CSP as the decision pages; every value escaped by `html`.
 */
import { type HtmlValue, html, raw, type SafeHtml, safeUrl } from '../pages/html';
import { pageLayout } from '../pages/layout';
import { decimal, periodLabel, QUESTIONS, type SurveyLocale, w } from './texts';

export const ANSWER_FIELDS = QUESTIONS.map((_, i) => `u${i + 1}`);

const SURVEY_CSS = `
.lang{text-align:right;margin:0 0 4px}
.lang a{display:inline-block;padding:10px 4px;min-height:44px}
.unit-name{font-size:1.125rem;font-weight:bold;color:#0b3d91;margin:0 0 8px}
fieldset.q{border:1px solid #d1d5db;border-radius:6px;background:#fff;margin:0 0 16px;padding:12px 12px 4px}
fieldset.q[aria-invalid="true"]{border:2px solid #991b1b}
legend{padding:0 4px;font-weight:bold;font-size:1.0625rem;line-height:1.35}
legend .qn{display:block;font-weight:normal;font-size:.875rem;color:#4b5563}
.choices{display:grid;gap:8px;margin:8px 0}
.choice{display:flex;align-items:center;gap:12px;min-height:52px;padding:8px 12px;border:2px solid #9ca3af;border-radius:6px;font-weight:normal;font-size:1.0625rem;cursor:pointer;margin:0;background:#fff}
.choice input{width:26px;height:26px;flex:none;margin:0;accent-color:#0b3d91}
.choice:has(input:checked){border-color:#0b3d91;background:#e8eefb;font-weight:bold}
.choice:has(input:focus-visible){outline:3px solid #1d4ed8;outline-offset:2px}
.field-error{color:#991b1b;font-weight:bold;margin:4px 0 8px}
.field-error::before{content:"! "}
.btn-primary{background:#0b3d91;color:#fff;border-color:#0b3d91;width:100%;font-size:1.125rem;min-height:56px}
.btn-primary:hover{background:#082f70}
.alert ul{margin:4px 0 0;padding-left:20px}
.alert a{color:#7f1d1d}
.big-link{display:block;text-align:center;padding:14px 12px;margin:0 0 12px;border:2px solid #0b3d91;border-radius:6px;font-weight:bold;text-decoration:none;min-height:48px}
.big-link.primary{background:#0b3d91;color:#fff}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:8px;list-style:none;margin:0 0 16px;padding:0}
.tiles li{background:#fff;border:1px solid #d1d5db;border-radius:6px;padding:10px 12px}
.tiles .n{display:block;font-size:1.75rem;font-weight:bold;line-height:1.2}
table.nrr{border-collapse:collapse;width:100%;font-size:.9375rem}
table.nrr caption{text-align:left;font-weight:bold;padding:0 0 6px}
table.nrr th,table.nrr td{border-bottom:1px solid #e5e7eb;padding:6px 4px;text-align:left;vertical-align:top}
table.nrr .num{text-align:right;white-space:nowrap}
.comments{list-style:none;margin:0;padding:0}
.comments li{border-left:4px solid #0b3d91;background:#f9fafb;padding:8px 12px;margin:0 0 8px;white-space:pre-line}
.comments .svc{display:block;color:#4b5563;font-size:.875rem;white-space:normal}
.period-nav{display:flex;justify-content:space-between;flex-wrap:wrap;gap:8px;margin:0 0 12px}
.period-nav a{display:inline-block;padding:10px 0;min-height:44px}
`.trim();

const POSTER_CSS = `
.poster{background:#fff;border:1px solid #d1d5db;border-radius:6px;padding:24px;text-align:center}
.poster h1{font-size:2rem;margin:0 0 8px}
.poster .unit-name{font-size:1.5rem;color:#0b3d91;font-weight:bold;margin:0 0 16px}
.poster .body{font-size:1.25rem;max-width:34rem;margin:0 auto 16px}
.poster .qr{display:block;width:min(100%,110mm);height:auto;margin:0 auto 12px}
.poster .url{font-family:ui-monospace,Consolas,monospace;font-size:1rem;overflow-wrap:anywhere;margin:0 0 8px}
.poster .agency{color:#4b5563;margin:16px 0 0}
@page{size:A4 portrait;margin:14mm}
@media print{body{background:#fff}.site,.site-footer,.skip,.no-print{display:none!important}main{max-width:none;padding:0}.poster{border:0;padding:0}.poster h1{font-size:30pt}.poster .unit-name{font-size:22pt}.poster .body{font-size:16pt}.poster .qr{width:120mm}}
`.trim();

export interface SurveyUnit {
  unitId: string;
  name: string;
}

const base = (unitId: string) => `/v1/public/units/${encodeURIComponent(unitId)}`;

/** A same-origin link with the page's language and, at a counter, its kiosk token. */
export function pageHref(path: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return safeUrl(s ? `${path}?${s}` : path);
}

const other = (locale: SurveyLocale): SurveyLocale => (locale === 'id' ? 'en' : 'id');

function langSwitch(locale: SurveyLocale, path: string, params: Record<string, string | undefined>): SafeHtml {
  const to = other(locale);
  return html`<p class="lang"><a href="${pageHref(path, { ...params, lang: to })}" lang="${to}" hreflang="${to}">${w(locale, 'switchTo')}</a></p>`;
}

// ─── the survey form ───────────────────────────────────────────────────────────────────────────────

export interface SurveyFormValues {
  /** Per question: '1'–'4' as sent, or '' when skipped. */
  answers: string[];
  comment: string;
}

export interface SurveyPageInput {
  locale: SurveyLocale;
  unit: SurveyUnit;
  /** A fresh token per page view: a double tap on "send" counts once (sent as the Idempotency-Key). */
  idem: string;
  kiosk?: string;
  values?: SurveyFormValues;
  /** Field (`u1`…`u9`, `comment`, `form`) → message in the page's language. */
  errors?: Record<string, string>;
}

export function renderSurveyPage(input: SurveyPageInput): string {
  const { locale, unit, errors = {} } = input;
  const path = `${base(unit.unitId)}/survey`;
  const values = input.values ?? { answers: ANSWER_FIELDS.map(() => ''), comment: '' };
  const errorItems = Object.entries(errors);
  const summary = errorItems.length
    ? html`<div class="alert" role="alert" aria-labelledby="err-h" tabindex="-1" id="errors">
<h2 id="err-h">${w(locale, 'errorSummary')}</h2>
<ul>${errorItems.map(([field, message]) => {
        const i = ANSWER_FIELDS.indexOf(field);
        const target = i >= 0 ? `#${field}-1` : field === 'comment' ? '#comment' : '#q1';
        const label = i >= 0 ? `${w(locale, 'questionOf', { n: i + 1 })}: ` : '';
        return html`<li><a href="${target}">${label}${message}</a></li>`;
      })}</ul>
</div>`
    : '';
  const main = html`
${langSwitch(locale, path, { kiosk: input.kiosk })}
<h1>${w(locale, 'surveyTitle')}</h1>
<p class="unit-name">${unit.name}</p>
<p>${w(locale, 'surveyIntro')} <span class="muted">${w(locale, 'skipHint')}</span></p>
${summary}
<form method="post" action="${path}">
<input type="hidden" name="lang" value="${locale}">
<input type="hidden" name="idem" value="${input.idem}">
${input.kiosk ? html`<input type="hidden" name="kiosk" value="${input.kiosk}">` : ''}
${QUESTIONS.map((q, i) => {
  const field = ANSWER_FIELDS[i]!;
  const error = errors[field];
  return html`<fieldset class="q" id="q${i + 1}"${error ? html` aria-invalid="true" aria-describedby="${field}-err"` : ''}>
<legend><span class="qn">${w(locale, 'questionOf', { n: i + 1 })} · ${q.name[locale]}</span>${q.question[locale]}</legend>
${error ? html`<p class="field-error" id="${field}-err">${error}</p>` : ''}
<div class="choices">
${q.answers.map(
  (a, k) =>
    html`<label class="choice" for="${field}-${k + 1}"><input type="radio" id="${field}-${k + 1}" name="${field}" value="${k + 1}"${values.answers[i] === String(k + 1) ? raw(' checked') : ''}><span>${a[locale]}</span></label>`,
)}
</div>
</fieldset>`;
})}
<div class="panel">
<label for="comment">${w(locale, 'comment')}</label>
<p class="hint" id="comment-hint">${w(locale, 'commentHint')}</p>
${errors.comment ? html`<p class="field-error" id="comment-err">${errors.comment}</p>` : ''}
<textarea id="comment" name="comment" rows="4" maxlength="1000" aria-describedby="comment-hint${errors.comment ? ' comment-err' : ''}"${errors.comment ? raw(' aria-invalid="true"') : ''}>${values.comment}</textarea>
</div>
<button type="submit" class="btn-primary">${w(locale, 'submit')}</button>
</form>`;
  return pageLayout(locale, `${w(locale, 'surveyTitle')} — ${unit.name}`, main, SURVEY_CSS);
}

// ─── after sending ─────────────────────────────────────────────────────────────────────────────────

export function renderThanksPage(input: { locale: SurveyLocale; unit: SurveyUnit; kiosk?: string; withComment?: boolean }): string {
  const { locale, unit } = input;
  const path = `${base(unit.unitId)}/survey/thanks`;
  const main = html`
${langSwitch(locale, path, { kiosk: input.kiosk, c: input.withComment ? '1' : undefined })}
<h1>${w(locale, 'thanksTitle')}</h1>
<p class="unit-name">${unit.name}</p>
<div class="ok" role="status"><p>${w(locale, 'thanksBody')}</p>${input.withComment ? html`<p>${w(locale, 'thanksComment')}</p>` : ''}</div>
<a class="big-link primary" href="${pageHref(`${base(unit.unitId)}/survey`, { lang: locale, kiosk: input.kiosk })}">${w(locale, 'another')}</a>
<a class="big-link" href="${pageHref(`${base(unit.unitId)}/ikm.html`, { lang: locale })}">${w(locale, 'seeIkm')}</a>`;
  return pageLayout(locale, `${w(locale, 'thanksTitle')} — ${unit.name}`, main, SURVEY_CSS);
}

/** A page that says what happened in plain words (unknown unit, daily limit, failure) and changes nothing. */
export function renderSurveyMessagePage(input: { locale: SurveyLocale; title: string; body: string; unit?: SurveyUnit; kiosk?: string }): string {
  const { locale } = input;
  const main = html`
<h1>${input.title}</h1>
${input.unit ? html`<p class="unit-name">${input.unit.name}</p>` : ''}
<p>${input.body}</p>
${input.unit ? html`<a class="big-link" href="${pageHref(`${base(input.unit.unitId)}/ikm.html`, { lang: locale })}">${w(locale, 'seeIkm')}</a>` : ''}`;
  return pageLayout(locale, input.title, main, SURVEY_CSS);
}

// ─── the poster ────────────────────────────────────────────────────────────────────────────────────

export interface PosterInput {
  locale: SurveyLocale;
  unit: SurveyUnit;
  /** The absolute survey URL the QR code holds. */
  surveyUrl: string;
  /** The QR code as `<svg>` markup (generated here, from qr.ts: trusted). */
  qrSvg: string;
  agencyName?: string;
}

export function renderPosterPage(input: PosterInput): string {
  const { locale, unit } = input;
  const alt = w(locale, 'posterQrAlt', { unit: unit.name });
  // The library's SVG gets a role, a name and the poster's class (it is our own generated markup).
  const svg = input.qrSvg.replace('<svg ', `<svg class="qr" role="img" aria-label="${alt.replace(/[&<>"]/g, '')}" `);
  const main = html`
${langSwitch(locale, `${base(unit.unitId)}/poster`, {})}
<p class="notice no-print">${w(locale, 'posterPrint')}</p>
<section class="poster" aria-labelledby="poster-h">
<h1 id="poster-h">${w(locale, 'posterTitle')}</h1>
<p class="unit-name">${unit.name}</p>
<p class="body">${w(locale, 'posterBody')}</p>
${raw(svg)}
<p class="url">${w(locale, 'posterOr')}<br>${input.surveyUrl}</p>
${input.agencyName ? html`<p class="agency">${input.agencyName}</p>` : ''}
</section>`;
  return pageLayout(locale, `${w(locale, 'surveyTitle')} — ${unit.name}`, main, `${SURVEY_CSS}\n${POSTER_CSS}`);
}

// ─── the public IKM page ───────────────────────────────────────────────────────────────────────────

export interface IkmPageInput {
  locale: SurveyLocale;
  unit: SurveyUnit;
  period: string;
  previousPeriod: string;
  /** Absent when no one answered in the period. */
  ikm?: { ikm: number; mutu: string; kinerjaUnit: { id: string; en: string }; respondents: number; nrr: readonly (number | null)[] };
  comments: readonly { text: string; service?: string }[];
  /** The next month's link, when it is not in the future. */
  nextPeriod?: string;
}

export function renderIkmPage(input: IkmPageInput): string {
  const { locale, unit, ikm } = input;
  const path = `${base(unit.unitId)}/ikm.html`;
  const nav = html`<nav class="period-nav" aria-label="${w(locale, 'ikmPeriod')}">
<a href="${pageHref(path, { period: input.previousPeriod, lang: locale })}">${w(locale, 'ikmPrev')}</a>
${input.nextPeriod ? html`<a href="${pageHref(path, { period: input.nextPeriod, lang: locale })}">${w(locale, 'ikmNext')}</a>` : ''}
</nav>`;
  const figures: HtmlValue = ikm
    ? html`<ul class="tiles">
<li><span class="n" data-figure="ikm">${decimal(locale, ikm.ikm)}</span>${w(locale, 'ikmValue')}</li>
<li><span class="n" data-figure="mutu">${ikm.mutu}</span>${w(locale, 'ikmMutu')}: ${ikm.kinerjaUnit[locale]}</li>
<li><span class="n" data-figure="respondents">${new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB').format(ikm.respondents)}</span>${w(locale, 'ikmRespondents')}</li>
</ul>
<section class="panel">
<table class="nrr">
<caption>${w(locale, 'ikmNrr')}</caption>
<thead><tr><th scope="col">${w(locale, 'ikmElement')}</th><th scope="col" class="num">NRR</th></tr></thead>
<tbody>${QUESTIONS.map((q, i) => html`<tr><th scope="row">U${i + 1} ${q.name[locale]}</th><td class="num">${ikm.nrr[i] == null ? '—' : decimal(locale, ikm.nrr[i]!)}</td></tr>`)}</tbody>
</table>
</section>`
    : html`<p class="notice">${w(locale, 'ikmNone')}</p>`;
  const main = html`
${langSwitch(locale, path, { period: input.period })}
<h1>${w(locale, 'ikmTitle')}</h1>
<p class="unit-name">${unit.name}</p>
<p>${w(locale, 'ikmPeriod')}: <strong>${periodLabel(locale, input.period)}</strong></p>
${nav}
${figures}
<section class="panel" aria-labelledby="comments-h">
<h2 id="comments-h">${w(locale, 'ikmComments')}</h2>
${
  input.comments.length
    ? html`<ul class="comments">${input.comments.map((c) => html`<li>${c.service ? html`<span class="svc">${c.service}</span>` : ''}${c.text}</li>`)}</ul>`
    : html`<p class="muted">${w(locale, 'ikmNoComments')}</p>`
}
</section>
<p class="muted">${w(locale, 'ikmMethod')}</p>
<a class="big-link primary" href="${pageHref(`${base(unit.unitId)}/survey`, { lang: locale })}">${w(locale, 'takeSurvey')}</a>`;
  return pageLayout(locale, `${w(locale, 'ikmTitle')} — ${unit.name}`, main, SURVEY_CSS);
}
