/**
 * Building blocks shared by the email templates and the confirmation page: the item summary
 * (employee, RHK table, ratings) as inline-styled HTML and as plain text, buttons, and the email
 * layout. Everything interpolated goes through `html`, which escapes it.
 */
import { formatPercent, type Locale, t } from '../render/i18n';
import { html, raw, type SafeHtml, safeUrl } from '../render/pages/html';
import type { EvaluationDetails, ItemDetails, ObjectionDetails } from './summary';

/** An objection carries the employee's reason. */
export function isObjection(item: ItemDetails): item is ObjectionDetails {
  return 'objection' in item;
}

/** Evaluations carry ratings; SKPs (plans) do not. */
export function isEvaluation(item: ItemDetails): item is EvaluationDetails {
  return 'resultsRating' in item;
}

export const COLORS = {
  text: '#1f2937', // on white: 14.7:1
  muted: '#4b5563', // on white: 7.6:1
  border: '#d1d5db',
  subtle: '#f3f4f6',
  brand: '#0b3d91', // white on it: 10.6:1
  approve: '#166534', // white on it: 7.1:1
  returnFg: '#991b1b', // on white: 8.3:1
  highlight: '#fff7e0',
} as const;

export const FONT = "Arial, 'Helvetica Neue', Helvetica, sans-serif";

const cell = `padding:6px 6px;border:1px solid ${COLORS.border};vertical-align:top;text-align:left;overflow-wrap:break-word;`;
/** Long free text (indicator names, RHK titles) may break anywhere so the table never overflows a phone. */
const wideCell = `${cell}overflow-wrap:anywhere;`;

function keyValueRows(rows: [string, string, boolean?][]): SafeHtml {
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:4px 0 12px 0;font-size:15px;">${rows.map(
    ([k, v, strong]) =>
      html`<tr><td style="padding:3px 8px 3px 0;color:${COLORS.muted};width:42%;vertical-align:top;">${k}</td><td style="padding:3px 0;vertical-align:top;${
        strong ? 'font-weight:bold;' : ''
      }">${v}</td></tr>`,
  )}</table>`;
}

export function renderRhkTable(locale: Locale, item: ItemDetails): SafeHtml {
  const evaluation = isEvaluation(item);
  const columns = evaluation
    ? [t(locale, 'table.indicator'), t(locale, 'table.target'), t(locale, 'table.realisation'), t(locale, 'table.achievement')]
    : [t(locale, 'table.indicator'), t(locale, 'table.target')];
  if (item.rhk.length === 0) return html`<p style="margin:8px 0;color:${COLORS.muted};">${t(locale, 'rhk.none')}</p>`;
  const rows = item.rhk.map((rhk, index) => {
    const label = t(locale, 'rhk.label', { index: index + 1, jenis: t(locale, `rhk.jenis.${rhk.jenis}`) });
    const extra =
      'rating' in rhk
        ? html`<br><span style="font-weight:normal;">${t(locale, 'rhk.rating', { rating: rhk.rating })}</span>`
        : 'intervensi' in rhk && rhk.intervensi
          ? html`<br><span style="font-weight:normal;">${t(locale, 'rhk.intervensi', { intervensi: rhk.intervensi })}</span>`
          : '';
    const indicatorRows = rhk.indicators.map((ind) =>
      evaluation && 'realisation' in ind
        ? html`<tr><td style="${wideCell}" data-label="${columns[0]}">${ind.name}</td><td style="${cell}" data-label="${columns[1]}">${ind.target}</td><td style="${cell}" data-label="${
            columns[2]
          }">${ind.realisation}</td><td style="${cell}white-space:nowrap;" data-label="${columns[3]}">${
            ind.achievementPct === undefined ? t(locale, 'table.notAvailable') : formatPercent(locale, ind.achievementPct)
          }</td></tr>`
        : html`<tr><td style="${wideCell}" data-label="${columns[0]}">${ind.name}</td><td style="${cell}" data-label="${columns[1]}">${ind.target}</td></tr>`,
    );
    return html`<tr><th colspan="${columns.length}" scope="colgroup" style="${wideCell}background:${COLORS.subtle};font-weight:bold;">${label}: ${rhk.title}${extra}</th></tr>${indicatorRows}`;
  });
  return html`<table width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;font-size:14px;line-height:1.4;margin:4px 0 12px 0;">
<caption style="text-align:left;font-weight:bold;padding:4px 0;">${t(locale, 'rhk.heading')}</caption>
<thead><tr>${columns.map((c, i) => html`<th scope="col" style="${cell}background:#e5e7eb;${i === 0 ? 'width:40%;' : ''}">${c}</th>`)}</tr></thead>
<tbody>${rows}</tbody></table>`;
}

/** Employee block, RHK table and (for evaluations) ratings and the proposed predikat. */
export function renderItemHtml(locale: Locale, item: ItemDetails, options: { heading?: string; headingLevel?: 2 | 3 } = {}): SafeHtml {
  const level = options.headingLevel ?? 2;
  const heading = options.heading ?? item.employee.name;
  const headingHtml =
    level === 2
      ? html`<h2 style="margin:0 0 6px 0;font-size:18px;line-height:1.3;">${heading}</h2>`
      : html`<h3 style="margin:0 0 6px 0;font-size:18px;line-height:1.3;">${heading}</h3>`;
  if (isObjection(item)) return renderObjectionHtml(locale, item, headingHtml);
  const ratings = isEvaluation(item)
    ? keyValueRows([
        [t(locale, 'summary.resultsRating'), item.resultsRating],
        [t(locale, 'summary.behaviourRating'), item.behaviourRating],
        [t(locale, 'summary.predikat'), item.predikat, true],
      ])
    : '';
  return html`${headingHtml}${keyValueRows([
    [t(locale, 'employee.nip'), item.employee.nip],
    [t(locale, 'employee.jabatan'), item.employee.jabatan],
    [t(locale, 'employee.unit'), item.employee.unitName],
  ])}${renderRhkTable(locale, item)}${ratings}`;
}

export function renderItemText(locale: Locale, item: ItemDetails, indent = '   '): string {
  const lines: string[] = [
    `${t(locale, 'employee.nip')}: ${item.employee.nip}`,
    `${t(locale, 'employee.jabatan')}: ${item.employee.jabatan}`,
    `${t(locale, 'employee.unit')}: ${item.employee.unitName}`,
  ];
  item.rhk.forEach((rhk, index) => {
    const label = t(locale, 'rhk.label', { index: index + 1, jenis: t(locale, `rhk.jenis.${rhk.jenis}`) });
    lines.push(`${label}: ${rhk.title}`);
    if ('rating' in rhk) lines.push(`  ${t(locale, 'rhk.rating', { rating: rhk.rating })}`);
    if ('intervensi' in rhk && rhk.intervensi) lines.push(`  ${t(locale, 'rhk.intervensi', { intervensi: rhk.intervensi })}`);
    for (const ind of rhk.indicators) {
      const parts = [`${t(locale, 'table.target')} ${ind.target}`];
      if ('realisation' in ind) {
        parts.push(`${t(locale, 'table.realisation')} ${ind.realisation}`);
        parts.push(
          `${t(locale, 'table.achievement')} ${ind.achievementPct === undefined ? t(locale, 'table.notAvailable') : formatPercent(locale, ind.achievementPct)}`,
        );
      }
      lines.push(`  - ${ind.name}: ${parts.join('; ')}`);
    }
  });
  if (item.rhk.length === 0) lines.push(t(locale, 'rhk.none'));
  if (isEvaluation(item)) {
    lines.push(`${t(locale, 'summary.resultsRating')}: ${item.resultsRating}`);
    lines.push(`${t(locale, 'summary.behaviourRating')}: ${item.behaviourRating}`);
    lines.push(`${t(locale, 'summary.predikat')}: ${item.predikat}`);
  }
  return lines.map((l) => indent + l).join('\n');
}

export type ButtonKind = 'approve' | 'return' | 'neutral';

/** A link styled as a button, large enough to tap on a phone. */
export function button(href: string, label: string, kind: ButtonKind): SafeHtml {
  const style =
    kind === 'approve'
      ? `background:${COLORS.approve};color:#ffffff;border:2px solid ${COLORS.approve};`
      : kind === 'return'
        ? `background:#ffffff;color:${COLORS.returnFg};border:2px solid ${COLORS.returnFg};`
        : `background:${COLORS.brand};color:#ffffff;border:2px solid ${COLORS.brand};`;
  return html`<a href="${safeUrl(href)}" style="${raw(
    style,
  )}display:inline-block;padding:12px 22px;margin:4px 8px 4px 0;border-radius:4px;font-family:${FONT};font-size:16px;font-weight:bold;line-height:1.2;text-decoration:none;">${label}</a>`;
}

export function paragraph(text: string | SafeHtml, style = ''): SafeHtml {
  return html`<p style="margin:0 0 12px 0;${raw(style)}">${text}</p>`;
}

/** A card around one item. */
export function card(content: SafeHtml): SafeHtml {
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:separate;margin:0 0 16px 0;border:1px solid ${COLORS.border};border-radius:6px;"><tr><td style="padding:12px 10px;">${content}</td></tr></table>`;
}

/**
 * Complete HTML email: table layout, ≤ 640 px, inline CSS only, no external assets, a hidden
 * preheader (the preview line in mail clients).
 */
export function emailLayout(locale: Locale, options: { title: string; preheader: string; body: SafeHtml }): string {
  return html`<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>${options.title}</title>
</head>
<body style="margin:0;padding:0;background:${COLORS.subtle};">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;color:${COLORS.subtle};">${options.preheader}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${COLORS.subtle};">
<tr><td align="center" style="padding:12px 0;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:640px;width:100%;background:#ffffff;border-collapse:collapse;">
<tr><td style="background:${COLORS.brand};color:#ffffff;padding:14px 16px;font-family:${FONT};font-size:18px;font-weight:bold;">${t(locale, 'app.name')}<span style="font-weight:normal;font-size:14px;"> · ${t(
    locale,
    'app.tagline',
  )}</span></td></tr>
<tr><td style="padding:16px 12px;font-family:${FONT};font-size:16px;line-height:1.5;color:${COLORS.text};">
${options.body}
</td></tr>
<tr><td style="padding:14px 16px;border-top:1px solid ${COLORS.border};font-family:${FONT};font-size:13px;line-height:1.5;color:${COLORS.muted};">
${paragraph(t(locale, 'mail.footer.automated'), 'margin:0 0 6px 0;')}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`.value;
}

/** Plain-text footer lines. */
export function textFooter(locale: Locale, withLinkNotes: boolean): string {
  return [
    '',
    t(locale, 'mail.closing'),
    t(locale, 'mail.signature'),
    '',
    '--',
    ...(withLinkNotes ? [t(locale, 'mail.footer.linkSafety'), t(locale, 'mail.footer.personal')] : []),
    t(locale, 'mail.footer.automated'),
  ].join('\n');
}

/** Closing and link notes as HTML (inside the body, above the layout's footer). */
export function htmlClosing(locale: Locale, withLinkNotes: boolean): SafeHtml {
  return html`${paragraph(html`${t(locale, 'mail.closing')}<br>${t(locale, 'mail.signature')}`, 'margin:20px 0 12px 0;')}${
    withLinkNotes
      ? html`<p style="margin:16px 0 0 0;padding:10px 12px;background:${COLORS.subtle};font-size:13px;color:${COLORS.muted};">${t(
          locale,
          'mail.footer.linkSafety',
        )} ${t(locale, 'mail.footer.personal')}</p>`
      : ''
  }`;
}

/** An objection: who, the employee's reason, the result objected to, the predikat asked for, then the RHK table. */
export function renderObjectionHtml(locale: Locale, item: ObjectionDetails, headingHtml: SafeHtml): SafeHtml {
  return html`${headingHtml}${keyValueRows([
    [t(locale, 'employee.nip'), item.employee.nip],
    [t(locale, 'employee.jabatan'), item.employee.jabatan],
    [t(locale, 'employee.unit'), item.employee.unitName],
    ...(item.objection.filedAt ? [[t(locale, 'objection.filedAt'), item.objection.filedAt] as [string, string]] : []),
  ])}<h3 style="margin:8px 0 4px 0;font-size:16px;">${t(locale, 'objection.reason')}</h3><blockquote style="margin:0 0 12px 0;padding:8px 12px;border-left:4px solid ${
    COLORS.brand
  };background:${COLORS.highlight};white-space:pre-line;">${item.objection.reason}</blockquote><h3 style="margin:8px 0 4px 0;font-size:16px;">${t(
    locale,
    'objection.result',
  )}</h3>${keyValueRows([
    [t(locale, 'summary.resultsRating'), item.resultsRating],
    [t(locale, 'summary.behaviourRating'), item.behaviourRating],
    [t(locale, 'objection.currentPredikat'), item.predikat, true],
    [t(locale, 'objection.requested'), item.objection.requestedPredikat ?? t(locale, 'objection.requestedNone'), true],
  ])}${renderRhkTable(locale, item)}`;
}

export function renderObjectionText(locale: Locale, item: ObjectionDetails, indent = '   '): string {
  return [
    `${t(locale, 'employee.nip')}: ${item.employee.nip}`,
    `${t(locale, 'employee.jabatan')}: ${item.employee.jabatan}`,
    `${t(locale, 'employee.unit')}: ${item.employee.unitName}`,
    `${t(locale, 'objection.reason')}: ${item.objection.reason}`,
    `${t(locale, 'objection.result')}: ${t(locale, 'summary.resultsRating')} ${item.resultsRating}; ${t(locale, 'summary.behaviourRating')} ${item.behaviourRating}; ${t(
      locale,
      'objection.currentPredikat',
    )} ${item.predikat}`,
    `${t(locale, 'objection.requested')}: ${item.objection.requestedPredikat ?? t(locale, 'objection.requestedNone')}`,
  ]
    .map((l) => indent + l)
    .join('\n');
}
